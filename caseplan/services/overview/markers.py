"""The overview's signals for each person of a page of the caseload, in one query.

The caseload reads people a page at a time; this reads the same signals as the overview for
just those people (never anyone the actor may not see), so a practitioner sees on each row
what needs attention.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, case, func, select

from caseplan.models import Goal, Participant, Person, Plan, PlanVersion, Step
from caseplan.services.clinic.settings import no_contact_weeks_in
from caseplan.services.context import Context
from caseplan.services.overview.signals import (
    Signal,
    open_plan,
    participant_consent,
    peer_involvement,
    plan_condition,
    step_overdue,
    without_plan,
)
from caseplan.services.security import access


@dataclass(frozen=True)
class PersonSignals:
    """What needs attention for one person (all false/empty: nothing)."""

    person_id: uuid.UUID
    next_review: date | None = None
    review_overdue: bool = False
    review_due_soon: bool = False
    never_agreed: bool = False
    #: the version the plan has changed since (None: not changed, or never agreed)
    changed_since: int | None = None
    consents_ended: int = 0
    consents_ending: int = 0
    steps_overdue: int = 0
    no_contact: bool = False
    no_plan: bool = False

    @property
    def signals(self) -> tuple[Signal, ...]:
        """The signals that are on, in the overview's order."""
        on = {
            Signal.REVIEW_OVERDUE: self.review_overdue,
            Signal.REVIEW_DUE_SOON: self.review_due_soon,
            Signal.PLAN_NEVER_AGREED: self.never_agreed,
            Signal.PLAN_CHANGED: self.changed_since is not None,
            Signal.CONSENT_ENDED: self.consents_ended > 0,
            Signal.CONSENT_ENDING: self.consents_ending > 0,
            Signal.STEPS_OVERDUE: self.steps_overdue > 0,
            Signal.NO_CONTACT: self.no_contact,
            Signal.NO_PLAN: self.no_plan,
        }
        return tuple(signal for signal in Signal if on[signal])


def _consents(signal: Signal, today: date) -> Any:
    """How many of the person's consents (team members', and to peer involvement) match."""
    members = (
        select(func.count(Participant.id))
        .join(Plan, Plan.id == Participant.plan_id)
        .where(Plan.person_id == Person.id, open_plan(), participant_consent(signal, today))
        .correlate(Person)
        .scalar_subquery()
    )
    plans = (
        select(func.count(Plan.id))
        .where(Plan.person_id == Person.id, open_plan(), peer_involvement(signal, today))
        .correlate(Person)
        .scalar_subquery()
    )
    return members + plans


def _query(ids: list[uuid.UUID], today: date, weeks: int) -> Select[Any]:
    latest = (
        select(func.max(PlanVersion.number)).where(PlanVersion.plan_id == Plan.id).scalar_subquery()
    )

    def on_open_plan(value: Any) -> Any:
        """``value`` read on the person's open plan (None when they have none)."""
        return (
            select(value)
            .where(Plan.person_id == Person.id, open_plan())
            .correlate(Person)
            .scalar_subquery()
        )

    def flag(signal: Signal) -> Any:
        condition = plan_condition(signal, today, weeks)
        return on_open_plan(case((condition, 1), else_=0))

    steps = (
        select(func.count(Step.id))
        .join(Goal, Goal.id == Step.goal_id)
        .join(Plan, Plan.id == Goal.plan_id)
        .where(Plan.person_id == Person.id, open_plan(), step_overdue(today, from_goal=True))
        .correlate(Person)
        .scalar_subquery()
    )
    changed = case((plan_condition(Signal.PLAN_CHANGED, today, weeks), latest), else_=None)
    return select(
        Person.id,
        on_open_plan(Plan.next_review),
        flag(Signal.REVIEW_OVERDUE),
        flag(Signal.REVIEW_DUE_SOON),
        flag(Signal.PLAN_NEVER_AGREED),
        on_open_plan(changed),
        _consents(Signal.CONSENT_ENDED, today),
        _consents(Signal.CONSENT_ENDING, today),
        steps,
        flag(Signal.NO_CONTACT),
        case((without_plan(), 1), else_=0),
    ).where(Person.id.in_(ids))


def person_signals(ctx: Context, person_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, PersonSignals]:
    """The signals of each of ``person_ids`` the actor may see (others are left out)."""
    ids = list(dict.fromkeys(person_ids))
    if not ids:
        return {}
    today = ctx.today()
    with ctx.read() as session:
        weeks = no_contact_weeks_in(session)
        query = access.visible_people(ctx, _query(ids, today, weeks))
        found = {}
        for row in session.execute(query):
            found[row[0]] = PersonSignals(
                person_id=row[0],
                next_review=row[1],
                review_overdue=bool(row[2]),
                review_due_soon=bool(row[3]),
                never_agreed=bool(row[4]),
                changed_since=row[5],
                consents_ended=int(row[6] or 0),
                consents_ending=int(row[7] or 0),
                steps_overdue=int(row[8] or 0),
                no_contact=bool(row[9]),
                no_plan=bool(row[10]),
            )
        return found
