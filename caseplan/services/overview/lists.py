"""The list behind each count of the overview: who, their practitioner, the date that
matters and what it is about, in SQL; printing it, exporting it, and auditing each.

Showing a list of people is seeing their names: each list read writes one ``viewed_list``
event (which list, how many rows), as the caseload does. A printed or exported list writes
one event per person on it, in the transaction that hands the file over, as the peer hours
report does.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, String, func, literal, null, select, type_coerce, union_all
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.functions import FunctionElement

from caseplan.errors import InvalidInput, tr_noop
from caseplan.models import (
    Goal,
    Meeting,
    Participant,
    PeerContribution,
    Person,
    Plan,
    PlanVersion,
    Review,
    Step,
)
from caseplan.services.account_names import account_names
from caseplan.services.clinic.settings import no_contact_weeks_in
from caseplan.services.context import Context
from caseplan.services.overview.signals import (
    SECTION,
    Section,
    Signal,
    open_plan,
    participant_consent,
    peer_involvement,
    per_plan_on,
    person_is_visible,
    plan_condition,
    step_overdue,
    visible_ids,
    without_plan,
)
from caseplan.services.security import audit

#: What a consent row is about when it is the plan's consent to peer involvement.
PEER_INVOLVEMENT = "peer_involvement"


@dataclass(frozen=True)
class ListRow:
    """One row of a list: the person, their practitioner, and what the row is about.

    ``when`` is the date that matters (the review date, the consent's end, the step's due
    date, the last contact, the version agreed, the day they were registered); ``what`` the
    team member or the step; ``role`` the team member's role (or :data:`PEER_INVOLVEMENT`);
    ``number`` the version changed since.
    """

    person_id: uuid.UUID
    full_name: str
    preferred_name: str
    practitioner: str
    when: date | None
    what: str = ""
    role: str = ""
    number: int | None = None


@dataclass(frozen=True)
class SignalList:
    signal: Signal
    section: Section
    today: date
    rows: tuple[ListRow, ...]

    @property
    def people(self) -> int:
        return len({row.person_id for row in self.rows})


def _who() -> tuple[Any, Any, Any]:
    """The coordinator of ``Plan`` and the name to show for them (their account's, or theirs)."""
    coordinator = aliased(Participant)
    account = account_names()
    name = func.coalesce(account.c.display_name, coordinator.name, "")
    return coordinator, account, name


def _with_people(query: Select[Any], coordinator: Any, account: Any) -> Select[Any]:
    return (
        query.join(Person, Person.id == Plan.person_id)
        .outerjoin(coordinator, coordinator.id == Plan.coordinator_id)
        .outerjoin(account, account.c.id == coordinator.account_id)
    )


#: Stands in for "no contact at all" where SQL needs a date (read back as None).
NEVER = date(1, 1, 1)


class greatest(FunctionElement[date]):
    """The latest of some dates: GREATEST on PostgreSQL, max() of several on SQLite."""

    name = "greatest"
    inherit_cache = True


@compiles(greatest)
def _greatest(element: greatest, compiler: Any, **kw: Any) -> str:
    return f"greatest({compiler.process(element.clauses, **kw)})"


@compiles(greatest, "sqlite")
def _greatest_sqlite(element: greatest, compiler: Any, **kw: Any) -> str:
    return f"max({compiler.process(element.clauses, **kw)})"


def last_contact(today: date) -> Any:
    """The latest meeting, review or peer contact of ``Plan`` up to today (:data:`NEVER`: none)."""

    def latest(table: Any) -> Any:
        found = (
            select(func.max(table.date))
            .where(table.plan_id == Plan.id, table.date <= today)
            .correlate(Plan)
            .scalar_subquery()
        )
        return func.coalesce(found, NEVER)

    return greatest(latest(Meeting), latest(Review), latest(PeerContribution))


def _query(
    signal: Signal, today: date, weeks: int, visible: Select[Any] | None, per_plan: bool = True
) -> Select[Any]:
    coordinator, account, practitioner = _who()
    seen = person_is_visible(Plan.person_id, visible)
    person = (Person.id, Person.full_name, Person.preferred_name, practitioner)
    if signal in (Signal.CONSENT_ENDED, Signal.CONSENT_ENDING):
        members = _with_people(
            select(
                *person,
                Participant.consent_expires_on.label("day"),
                Participant.name.label("what"),
                type_coerce(Participant.role, String).label("role"),
                null().label("number"),
            )
            .select_from(Participant)
            .join(Plan, Plan.id == Participant.plan_id),
            coordinator,
            account,
        ).where(open_plan(), seen, participant_consent(signal, today))
        plans = _with_people(
            select(
                *person,
                Plan.peer_consent_expires_on.label("day"),
                literal("").label("what"),
                literal(PEER_INVOLVEMENT).label("role"),
                null().label("number"),
            ).select_from(Plan),
            coordinator,
            account,
        ).where(open_plan(), seen, peer_involvement(signal, today))
        return select(union_all(members, plans).subquery())
    if signal is Signal.STEPS_OVERDUE:
        return _with_people(
            select(*person, Step.due, Step.action, literal(""), null())
            .select_from(Step)
            .join(Goal, Goal.id == Step.goal_id)
            .join(Plan, Plan.id == Goal.plan_id),
            coordinator,
            account,
        ).where(open_plan(), seen, step_overdue(today))
    if signal is Signal.NO_PLAN:
        return (
            select(*person, func.date(Person.created_at), literal(""), literal(""), null())
            .select_from(Person)
            .outerjoin(Plan, (Plan.person_id == Person.id) & open_plan())
            .outerjoin(coordinator, coordinator.id == Plan.coordinator_id)
            .outerjoin(account, account.c.id == coordinator.account_id)
            .where(without_plan(), person_is_visible(Person.id, visible))
        )
    if signal is Signal.PLAN_CHANGED:
        newest = aliased(PlanVersion)
        latest = (
            select(func.max(newest.number))
            .where(newest.plan_id == Plan.id)
            .correlate(Plan)
            .scalar_subquery()
        )
        agreed = (
            select(PlanVersion.agreed_on)
            .where(PlanVersion.plan_id == Plan.id, PlanVersion.number == latest)
            .correlate(Plan)
            .scalar_subquery()
        )
        columns: tuple[Any, ...] = (agreed, literal(""), literal(""), latest)
    elif signal is Signal.NO_CONTACT:
        columns = (last_contact(today), literal(""), literal(""), null())
    elif signal is Signal.PLAN_NEVER_AGREED:
        columns = (Plan.period_start, literal(""), literal(""), null())
    else:
        columns = (Plan.next_review, literal(""), literal(""), null())
    return _with_people(select(*person, *columns).select_from(Plan), coordinator, account).where(
        open_plan(), seen, plan_condition(signal, today, weeks, per_plan=per_plan)
    )


def _as_date(value: Any) -> date | None:
    if value is not None and not isinstance(value, date):
        value = date.fromisoformat(str(value)[:10])  # SQLite's date() and max() give text
    return None if value == NEVER else value


def _rows(session: Session, query: Select[Any]) -> tuple[ListRow, ...]:
    found = [
        ListRow(
            person_id=row[0] if isinstance(row[0], uuid.UUID) else uuid.UUID(str(row[0])),
            full_name=row[1],
            preferred_name=row[2],
            practitioner=row[3] or "",
            when=_as_date(row[4]),
            what=row[5] or "",
            role=str(row[6] or ""),
            number=row[7],
        )
        for row in session.execute(query)
    ]
    # Soonest first (no date last), then by name: the same order on both databases.
    found.sort(key=lambda r: (r.when is None, r.when or date.min, r.full_name, str(r.person_id)))
    return tuple(found)


def _read(session: Session, ctx: Context, signal: Signal) -> SignalList:
    visible = visible_ids(ctx)
    today = ctx.today()
    weeks = no_contact_weeks_in(session)
    rows = _rows(session, _query(Signal(signal), today, weeks, visible, per_plan_on(session)))
    return SignalList(Signal(signal), SECTION[Signal(signal)], today, rows)


def signal_list(ctx: Context, signal: Signal) -> SignalList:
    """The list behind one count, for the people the actor may see; audited as viewed."""
    with ctx.write() as session:
        found = _read(session, ctx, signal)
        detail = f"overview list: {found.signal.value}; rows listed: {len(found.rows)}"
        audit.record(session, ctx.actor, audit.Action.VIEWED_LIST, "overview", "", detail)
        return found


def hand_over(
    ctx: Context,
    signal: Signal,
    how: str,
    render: Callable[[SignalList], bytes],
    finish: Callable[[bytes], None],
) -> SignalList:
    """Print (``how`` "pdf") or export (``how`` "csv") one list: read it afresh, render it,
    write one event per person on it, then ``finish(data)``; if that fails, nothing is kept.
    """
    if how not in ("csv", "pdf"):
        raise InvalidInput(
            tr_noop("A list can be saved as .csv or .pdf, not {kind}."), kind=how[:20] or "nothing"
        )
    action = audit.Action.EXPORT if how == "csv" else audit.Action.PRINT
    with ctx.write() as session:
        found = _read(session, ctx, signal)
        data = render(found)
        detail = f"overview list: {found.signal.value}, {how}"
        people = sorted({row.person_id for row in found.rows}, key=str)
        for person_id in people:
            audit.record(session, ctx.actor, action, "overview", person_id, detail)
        if not people:
            audit.record(session, ctx.actor, action, "overview", "", detail)
        finish(data)
    return found


def rows_by_person(rows: Sequence[ListRow]) -> dict[uuid.UUID, list[ListRow]]:
    grouped: dict[uuid.UUID, list[ListRow]] = {}
    for row in rows:
        grouped.setdefault(row.person_id, []).append(row)
    return grouped
