"""What needs attention, as SQL: each signal of the overview written once, for counts, lists
and the caseload's markers alike, on SQLite and PostgreSQL.

Every signal is about a person's *open* plan (closed plans need nothing), except "no plan
yet", which is about people none of whose plans has a goal written. The words:

- **review overdue**: the open plan's next review date has passed; **due soon**: it is
  today or within :data:`DUE_SOON` days.
- **never agreed**: the open plan is a draft with no agreed version; **changed since
  agreed**: it is a draft that has one (a change since version N; the status follows the
  content, see :mod:`caseplan.services.exchange.snapshot`).
- **consent ended / ending**: a team member's consent to sharing (scope not ``none``) whose
  end date has passed, or is today or within :data:`DUE_SOON` days; and the same for the
  plan's consent to peer involvement. Each is one consent, counted apart.
- **step overdue**: a step of an active goal, planned or in progress, due before today.
- **no contact**: no meeting, review or peer contribution dated within the last N weeks
  (a clinic setting) up to today, and the plan itself older than that.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, literal, select, true
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.functions import FunctionElement

from caseplan.models import (
    ConsentScope,
    Goal,
    GoalStatus,
    Meeting,
    Participant,
    PeerContribution,
    Person,
    Plan,
    PlanStatus,
    PlanVersion,
    Review,
    Step,
    StepStatus,
)
from caseplan.services.context import Context
from caseplan.services.security import access
from caseplan.services.security.access import Action

#: "Within 30 days" on the overview, as on the caseload's "Review within 30 days".
DUE_SOON = timedelta(days=30)
OPEN_STEP = (StepStatus.PLANNED, StepStatus.IN_PROGRESS)


class Signal(StrEnum):
    """One count on the overview, and the list behind it."""

    REVIEW_OVERDUE = "review_overdue"
    REVIEW_DUE_SOON = "review_due_soon"
    PLAN_NEVER_AGREED = "plan_never_agreed"
    PLAN_CHANGED = "plan_changed"
    CONSENT_ENDED = "consent_ended"
    CONSENT_ENDING = "consent_ending"
    STEPS_OVERDUE = "steps_overdue"
    NO_CONTACT = "no_contact"
    NO_PLAN = "no_plan"


class Section(StrEnum):
    """Where in the person's workspace a signal is dealt with."""

    GOALS = "goals"
    TEAM = "team"
    MEETINGS = "meetings"
    HISTORY = "history"


#: The section each signal opens the person at.
SECTION = {
    Signal.REVIEW_OVERDUE: Section.MEETINGS,
    Signal.REVIEW_DUE_SOON: Section.MEETINGS,
    Signal.PLAN_NEVER_AGREED: Section.GOALS,
    Signal.PLAN_CHANGED: Section.HISTORY,
    Signal.CONSENT_ENDED: Section.TEAM,
    Signal.CONSENT_ENDING: Section.TEAM,
    Signal.STEPS_OVERDUE: Section.GOALS,
    Signal.NO_CONTACT: Section.MEETINGS,
    Signal.NO_PLAN: Section.GOALS,
}


class unindexed(FunctionElement[Any]):
    """A column SQLite must not look up by index here (``+column``; as it is elsewhere).

    SQLite plans joins without statistics; for the overview it would otherwise walk from
    each goal to its steps (hundreds of thousands of lookups) instead of from the few steps
    overdue to their goals. A unary plus keeps a term from driving an index lookup; every
    other database gets the column as it is.
    """

    name = "unindexed"
    inherit_cache = True

    def __init__(self, column: Any) -> None:
        super().__init__(column)
        self.type = column.type


@compiles(unindexed)
def _unindexed(element: unindexed, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.clauses, **kw))


@compiles(unindexed, "sqlite")
def _unindexed_sqlite(element: unindexed, compiler: Any, **kw: Any) -> str:
    return "+" + str(compiler.process(element.clauses, **kw))


def visible_ids(ctx: Context) -> Select[Any] | None:
    """The people the actor may see, as a subquery of ids; None when they may see everyone.

    Needs :attr:`Action.VIEW_OVERVIEW` (a peer worker and an administrator have none).
    """
    access.require(ctx, Action.VIEW_OVERVIEW)
    if access.rule_for(ctx.actor.role, Action.VIEW_PERSON) is access.Rule.ALLOW:
        return None
    if ctx.actor.system:
        return None
    return access.visible_people(ctx, select(Person.id))


def person_is_visible(column: Any, visible: Select[Any] | None) -> ColumnElement[bool]:
    return true() if visible is None else column.in_(visible)


def open_plan() -> ColumnElement[bool]:
    """``Plan`` is open; read as the plans are scanned (never by the partial index of open
    plans per person, which would look each row up again)."""
    return unindexed(Plan.status) != PlanStatus.CLOSED


def closed_plan() -> ColumnElement[bool]:
    return Plan.status == PlanStatus.CLOSED


def open_plan_of(person: Any) -> ColumnElement[bool]:
    """``Plan`` is ``person``'s open plan, found by the index on a plan's person."""
    return and_(Plan.person_id == person, Plan.status != PlanStatus.CLOSED)


def has_version() -> ColumnElement[bool]:
    # literal 1: read from the index on (plan_id, number), never the (large) snapshot row
    return exists(select(literal(1)).where(PlanVersion.plan_id == Plan.id))


def plan_condition(
    signal: Signal, today: date, weeks: int, *, per_plan: bool = True
) -> ColumnElement[bool]:
    """The condition on ``Plan`` (an open plan) for the plan-level signals (``per_plan``:
    see :func:`no_contact`)."""
    if signal is Signal.REVIEW_OVERDUE:
        return Plan.next_review < today
    if signal is Signal.REVIEW_DUE_SOON:
        return Plan.next_review.between(today, today + DUE_SOON)
    if signal is Signal.PLAN_NEVER_AGREED:
        return and_(Plan.status == PlanStatus.DRAFT, ~has_version())
    if signal is Signal.PLAN_CHANGED:
        return and_(Plan.status == PlanStatus.DRAFT, has_version())
    if signal is Signal.NO_CONTACT:
        return no_contact(today, weeks, per_plan=per_plan)
    raise ValueError(f"{signal} is not about the plan itself")


def per_plan_on(session: Session) -> bool:
    """Whether this database looks each plan's contact up one by one (SQLite) rather than
    against a list of the plans met lately (PostgreSQL hashes that list once)."""
    return session.get_bind().dialect.name == "sqlite"


def contact_cutoff(today: date, weeks: int) -> date:
    """The first day that still counts as "within the last ``weeks`` weeks"."""
    return today - timedelta(weeks=weeks)


def no_contact(today: date, weeks: int, *, per_plan: bool = True) -> ColumnElement[bool]:
    """No meeting, review or peer contact from the cutoff to today, on a plan older than it.

    ``per_plan``: each is one look-up per plan in an index by plan and date (migration
    0015); SQLite's way, for every plan as for a few (it would otherwise build and probe
    lists of tens of thousands). Otherwise each plan is tested against the list of plans
    met lately, which PostgreSQL hashes once instead of thousands of look-ups.
    """
    since = contact_cutoff(today, weeks)

    def met(table: Any) -> ColumnElement[bool]:
        if per_plan:
            return exists(
                select(literal(1)).where(table.plan_id == Plan.id, table.date.between(since, today))
            )
        return Plan.id.in_(select(table.plan_id).where(table.date.between(since, today)))

    return and_(Plan.period_start < since, ~met(Meeting), ~met(Review), ~met(PeerContribution))


def consent_window(
    signal: Signal, today: date, column: ColumnElement[date | None] | Any
) -> ColumnElement[bool]:
    if signal is Signal.CONSENT_ENDED:
        return and_(column.is_not(None), column < today)
    if signal is Signal.CONSENT_ENDING:
        return and_(column.between(today, today + DUE_SOON))
    raise ValueError(f"{signal} is not about consent")


def participant_consent(signal: Signal, today: date) -> ColumnElement[bool]:
    """A team member's consent to sharing that has ended, or ends soon (on ``Participant``)."""
    return and_(
        Participant.consent_scope != ConsentScope.NONE,
        consent_window(signal, today, Participant.consent_expires_on),
    )


def peer_involvement(signal: Signal, today: date) -> ColumnElement[bool]:
    """The plan's consent to peer involvement, ended or ending soon (on ``Plan``)."""
    return and_(
        Plan.peer_consent_granted_on.is_not(None),
        consent_window(signal, today, Plan.peer_consent_expires_on),
    )


def step_overdue(today: date, *, from_goal: bool = False) -> ColumnElement[bool]:
    """On ``Step`` joined to its ``Goal``: open, of an active goal, due before today.

    Across everyone the steps overdue are found first (by their status and due date);
    ``from_goal``: for one person's few goals, their steps are found by goal instead.
    """
    due: Any = Step.due
    status: Any = Step.status
    if from_goal:
        due, status = unindexed(Step.due), unindexed(Step.status)
    return and_(due < today, status.in_(OPEN_STEP), Goal.status == GoalStatus.ACTIVE)


def goal_less() -> ColumnElement[bool]:
    """On ``Plan``: not one goal written yet."""
    return ~exists(select(literal(1)).where(Goal.plan_id == Plan.id))


def without_plan() -> ColumnElement[bool]:
    """On ``Person``: new, no plan begun — no plan at all, or an open plan without a goal."""
    any_plan = aliased(Plan)
    has_plan = exists(select(literal(1)).where(any_plan.person_id == Person.id))
    empty = exists(
        select(literal(1)).where(
            any_plan.person_id == Person.id,
            any_plan.status != PlanStatus.CLOSED,
            ~exists(select(literal(1)).where(Goal.plan_id == any_plan.id)),
        )
    )
    return ~has_plan | empty
