"""The overview's counts: what needs attention, counted in SQL, in one read.

A team lead counts everyone; a practitioner only the people they may see (their own).
Every count is a number, never a name, so reading them writes no audit event; opening the
list behind a count does (:mod:`caseplan.services.overview.lists`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Select, case, distinct, exists, func, literal, select, union_all
from sqlalchemy.orm import aliased

from caseplan.models import (
    ConsentScope,
    Goal,
    Participant,
    PeerContribution,
    Person,
    Plan,
    Step,
)
from caseplan.services.account_names import account_names
from caseplan.services.clinic.settings import no_contact_weeks_in
from caseplan.services.context import Context
from caseplan.services.overview.signals import (
    DUE_SOON,
    Signal,
    closed_plan,
    goal_less,
    open_plan,
    per_plan_on,
    person_is_visible,
    plan_condition,
    step_overdue,
    unindexed,
    visible_ids,
)
from caseplan.services.peers.pay import counted, known_peers

#: Signals about the open plan itself: one plan, one person.
PLAN_SIGNALS = (
    Signal.REVIEW_OVERDUE,
    Signal.REVIEW_DUE_SOON,
    Signal.PLAN_NEVER_AGREED,
    Signal.PLAN_CHANGED,
    Signal.NO_CONTACT,
)
CONSENT_SIGNALS = (Signal.CONSENT_ENDED, Signal.CONSENT_ENDING)


@dataclass(frozen=True)
class Count:
    """How many things (reviews, plans, consents, steps, people) and how many people."""

    signal: Signal
    items: int
    people: int


@dataclass(frozen=True)
class PractitionerReviews:
    """Reviews overdue and due soon among the people one practitioner coordinates.

    ``account_id`` None: a coordinator without an account (``name`` theirs), or none at
    all (``name`` empty).
    """

    account_id: uuid.UUID | None
    name: str
    overdue: int
    due_soon: int


@dataclass(frozen=True)
class PeerTime:
    """Minutes of peer support this month so far and in the whole of last month."""

    this_month: int
    last_month: int
    this_month_paid: int
    last_month_paid: int


@dataclass(frozen=True)
class Overview:
    today: date
    #: weeks without contact before someone is listed (the clinic's setting)
    weeks: int
    counts: dict[Signal, Count]
    practitioners: tuple[PractitionerReviews, ...]
    peer_time: PeerTime
    #: True for a team lead (everyone); False for a practitioner (their own people)
    whole_clinic: bool

    def items(self, signal: Signal) -> int:
        return self.counts[signal].items


def month_start(day: date) -> date:
    return day.replace(day=1)


def last_month(day: date) -> tuple[date, date]:
    """The first and last day of the month before ``day``'s."""
    end = month_start(day) - timedelta(days=1)
    return end.replace(day=1), end


def _counted(condition: Any) -> Any:
    return func.count(case((condition, 1)))


def _plans(today: date, weeks: int, seen: Any, per_plan: bool = True) -> Select[*tuple[Any, ...]]:
    """One pass over the open plans: the signals about the plan itself, and how many have
    no goal yet (the person is new; one open plan per person)."""
    return select(
        *[
            _counted(plan_condition(signal, today, weeks, per_plan=per_plan)).label(signal)
            for signal in PLAN_SIGNALS
        ],
        _counted(goal_less()).label("goal_less"),
    ).where(open_plan(), seen)


def _without_any_plan() -> Select[int]:
    """Everyone who has no plan at all (one look-up in the plans' index per person)."""
    return select(func.count(Person.id)).where(
        ~exists(select(literal(1)).where(Plan.person_id == Person.id))
    )


def _consents(today: date, seen: Any) -> Select[*tuple[Any, ...]]:
    """Team members' consents and consents to peer involvement, ended or ending soon."""
    ended = "ended"

    def window(column: Any) -> Any:
        return case((column < today, ended), else_="ending")

    members = (
        select(Plan.person_id, window(Participant.consent_expires_on).label("kind"))
        .select_from(Participant)
        .join(Plan, Plan.id == unindexed(Participant.plan_id))
        .where(
            Participant.consent_scope != ConsentScope.NONE,
            Participant.consent_expires_on <= today + DUE_SOON,
            open_plan(),
            seen,
        )
    )
    plans = select(Plan.person_id, window(Plan.peer_consent_expires_on).label("kind")).where(
        Plan.peer_consent_granted_on.is_not(None),
        Plan.peer_consent_expires_on <= today + DUE_SOON,
        open_plan(),
        seen,
    )
    both = union_all(members, plans).subquery()
    result = []
    for signal, kind in ((Signal.CONSENT_ENDED, ended), (Signal.CONSENT_ENDING, "ending")):
        mine = both.c.kind == kind
        result.append(func.count(case((mine, 1))).label(f"{signal}:items"))
        result.append(
            func.count(distinct(case((mine, both.c.person_id)))).label(f"{signal}:people")
        )
    return select(*result)


def _steps(today: date, visible: Select[Any] | None) -> Select[int, int]:
    """Open steps of active goals due before today, and on how many open plans (people).

    From the few steps overdue to their goals; a goal's plan is checked against the closed
    plans (few) rather than looked up, and a person has one open plan at a time.
    """
    plan = unindexed(Goal.plan_id)
    query = (
        select(func.count(), func.count(distinct(Goal.plan_id)))
        .select_from(Step)
        .join(Goal, Goal.id == unindexed(Step.goal_id))
        .where(step_overdue(today), plan.not_in(select(Plan.id).where(closed_plan())))
    )
    if visible is not None:
        query = query.where(plan.in_(select(Plan.id).where(Plan.person_id.in_(visible))))
    return query


def _peer_time(today: date, visible: Select[Any] | None) -> Select[*tuple[Any, ...]]:
    """Peer minutes this month so far and last month, and the paid ones, by the peer hours
    report's rule (:mod:`caseplan.services.peers.pay`): an imported contribution counts once
    accepted, paid time only a known peer's."""
    first, _last = last_month(today)
    this = month_start(today)
    paid = case(
        (unindexed(PeerContribution.peer_id).in_(known_peers()), PeerContribution.paid_minutes),
        else_=0,
    )

    def total(value: Any, in_month: Any) -> Any:
        return func.coalesce(func.sum(case((in_month, value))), 0)

    recent, earlier = PeerContribution.date >= this, PeerContribution.date < this
    query = select(
        total(PeerContribution.minutes, recent),
        total(PeerContribution.minutes, earlier),
        total(paid, recent),
        total(paid, earlier),
    ).where(PeerContribution.date.between(first, today), counted())
    if visible is not None:
        theirs = select(Plan.id).where(Plan.person_id.in_(visible))
        query = query.where(unindexed(PeerContribution.plan_id).in_(theirs))
    return query


def _practitioners(
    today: date, visible: Select[Any] | None
) -> Select[uuid.UUID, str, str, Any, Any]:
    coordinator = aliased(Participant)
    overdue = case((Plan.next_review < today, 1), else_=0)
    soon = case((Plan.next_review.between(today, today + DUE_SOON), 1), else_=0)
    account = account_names()
    return (
        select(
            account.c.id,
            account.c.display_name,
            coordinator.name,
            func.sum(overdue),
            func.sum(soon),
        )
        .select_from(Plan)
        .outerjoin(coordinator, coordinator.id == Plan.coordinator_id)
        .outerjoin(account, account.c.id == coordinator.account_id)
        .where(
            open_plan(),
            person_is_visible(Plan.person_id, visible),
            Plan.next_review <= today + DUE_SOON,
        )
        .group_by(account.c.id, account.c.display_name, coordinator.name)
    )


def overview(ctx: Context) -> Overview:
    """Every count of the overview, for the people the actor may see (VIEW_OVERVIEW)."""
    visible = visible_ids(ctx)
    today = ctx.today()
    seen = person_is_visible(Plan.person_id, visible)
    with ctx.read() as session:
        weeks = no_contact_weeks_in(session)
        plans = session.execute(_plans(today, weeks, seen, per_plan_on(session))).one()
        planless = session.scalar(_without_any_plan()) if visible is None else 0
        consents = session.execute(_consents(today, seen)).one()
        steps = session.execute(_steps(today, visible)).one()
        peer = session.execute(_peer_time(today, visible)).one()
        grouped = session.execute(_practitioners(today, visible)).all()
    counts = {
        signal: Count(signal, int(value), int(value))
        for signal, value in zip(PLAN_SIGNALS, plans[: len(PLAN_SIGNALS)], strict=True)
    }
    # A practitioner sees no one without a plan: their people are those of their teams.
    no_plan = int(plans.goal_less) + int(planless or 0)
    named = consents._mapping
    for signal in CONSENT_SIGNALS:
        counts[signal] = Count(
            signal, int(named[f"{signal}:items"]), int(named[f"{signal}:people"])
        )
    counts[Signal.STEPS_OVERDUE] = Count(Signal.STEPS_OVERDUE, int(steps[0]), int(steps[1]))
    counts[Signal.NO_PLAN] = Count(Signal.NO_PLAN, int(no_plan), int(no_plan))
    return Overview(
        today=today,
        weeks=weeks,
        counts={signal: counts[signal] for signal in Signal},
        practitioners=_by_practitioner(grouped),
        peer_time=PeerTime(*(int(v) for v in peer)),
        whole_clinic=visible is None,
    )


def _by_practitioner(rows: Any) -> tuple[PractitionerReviews, ...]:
    """One row per coordinator (their account, or their name when they have none), by name."""
    merged: dict[object, PractitionerReviews] = {}
    for account_id, account_name, member_name, overdue, soon in rows:
        key = account_id if account_id is not None else f"name:{member_name or ''}"
        name = account_name if account_id is not None else (member_name or "")
        before = merged.get(key)
        late, coming = int(overdue or 0), int(soon or 0)
        if before is not None:
            late, coming = late + before.overdue, coming + before.due_soon
        merged[key] = PractitionerReviews(account_id, name, late, coming)
    found = [r for r in merged.values() if r.overdue or r.due_soon]
    found.sort(key=lambda r: (r.name == "", r.name.casefold(), str(r.account_id)))
    return tuple(found)
