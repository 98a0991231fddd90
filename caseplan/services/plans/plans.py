"""A person's plan: open one (only one open at a time), change its period, coordinator, close it.

Also holds the small helpers the other plan services share (loading a plan or a team
member, turning free values into the closed vocabularies, checking access, blanking
worker's notes, writing the audit trail), so every service refuses the same things with
the same sentences and leaves the same kind of trail.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import TypedDict, TypeVar, Unpack

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseplan.errors import AlreadyExists, InvalidInput, NotFound, tr_noop
from caseplan.models import CloseReason, Person, Plan, PlanStatus
from caseplan.services.context import Context, check_version
from caseplan.services.security import audit
from caseplan.services.security.access import Action
from caseplan.services.shared import (
    as_enum,
    check_unknown,
    load_plan,
    reading,
    record,
    record_change,
    record_view,
    require,
    set_fields,
    team_member,
)
from caseplan.services.team.consent import peer_consent_valid

E = TypeVar("E", bound=StrEnum)
T = TypeVar("T")


@dataclass(frozen=True)
class PlanDetails:
    """The plan itself: its period, review date, status and coordinator."""

    id: uuid.UUID
    version: int
    person_id: uuid.UUID
    status: PlanStatus
    period_start: date
    period_end: date | None
    next_review: date | None
    coordinator_id: uuid.UUID | None
    created_at: datetime
    #: the person's consent to peer involvement (no peer joins the team without it)
    peer_consent_granted_on: date | None = None
    peer_consent_expires_on: date | None = None
    closed_on: date | None = None
    closed_reason: CloseReason | None = None

    def peer_consent_valid(self, today: date) -> bool:
        return peer_consent_valid(self.peer_consent_granted_on, self.peer_consent_expires_on, today)


class PlanChanges(TypedDict, total=False):
    """What :func:`update_plan` may change."""

    period_start: date
    period_end: date | None
    next_review: date | None
    status: PlanStatus | str
    peer_consent_granted_on: date | None
    peer_consent_expires_on: date | None
    #: only with ``status`` closed: why (default "other")
    closed_reason: CloseReason | str


EDITABLE = (
    "period_start",
    "period_end",
    "next_review",
    "status",
    "peer_consent_granted_on",
    "peer_consent_expires_on",
    "closed_reason",
)


def plan_details(plan: Plan) -> PlanDetails:
    return PlanDetails(
        id=plan.id,
        version=plan.version,
        person_id=plan.person_id,
        status=plan.status,
        period_start=plan.period_start,
        period_end=plan.period_end,
        next_review=plan.next_review,
        coordinator_id=plan.coordinator_id,
        created_at=plan.created_at,
        peer_consent_granted_on=plan.peer_consent_granted_on,
        peer_consent_expires_on=plan.peer_consent_expires_on,
        closed_on=plan.closed_on,
        closed_reason=plan.closed_reason,
    )


# --- the plan ---------------------------------------------------------------------------


def _check_period(plan: Plan) -> None:
    if plan.period_end is not None and plan.period_end < plan.period_start:
        raise InvalidInput(tr_noop("The plan period cannot end before it starts."))
    if plan.next_review is not None and plan.next_review < plan.period_start:
        raise InvalidInput(tr_noop("The next review cannot be before the plan starts."))
    granted, expires = plan.peer_consent_granted_on, plan.peer_consent_expires_on
    if expires is not None and granted is None:
        raise InvalidInput(
            tr_noop("Please give the date the person consented to peer involvement.")
        )
    if granted is not None and expires is not None and expires < granted:
        raise InvalidInput(
            tr_noop("Consent to peer involvement cannot expire before it was given.")
        )


def _open_plan_row(session: Session, person_id: uuid.UUID) -> Plan | None:
    return session.scalars(
        select(Plan).where(Plan.person_id == person_id, Plan.status != PlanStatus.CLOSED)
    ).one_or_none()


def _refuse_second_open_plan(session: Session, person_id: uuid.UUID) -> None:
    if _open_plan_row(session, person_id) is not None:
        raise AlreadyExists(
            tr_noop("This person already has an open plan; close it before opening a new one.")
        )


def open_plan(
    ctx: Context,
    person_id: uuid.UUID,
    period_start: date | None = None,
    period_end: date | None = None,
    next_review: date | None = None,
) -> PlanDetails:
    """Open a new draft plan for a person; the period starts today unless said otherwise."""
    with ctx.write() as session:
        require(session, ctx, Action.EDIT_PLAN, person_id)
        if session.get(Person, person_id) is None:
            raise NotFound(tr_noop("This person is not in the database."))
        _refuse_second_open_plan(session, person_id)
        plan = Plan(
            person_id=person_id,
            status=PlanStatus.DRAFT,
            period_start=period_start or ctx.today(),
            period_end=period_end,
            next_review=next_review,
        )
        _check_period(plan)
        session.add(plan)
        session.flush()
        details = plan_details(plan)
        record(session, ctx, audit.Action.CREATE, "plan", person_id, set_fields(details, EDITABLE))
        return details


def get_plan(ctx: Context, plan_id: uuid.UUID, *, record: bool = True) -> PlanDetails:
    """One plan's dates and status (audited as a view)."""
    with reading(ctx, record=record) as session:
        plan = load_plan(session, plan_id)
        require(session, ctx, Action.VIEW_PERSON, plan.person_id)
        record_view(session, ctx, plan.person_id, "plan dates and status", record=record)
        return plan_details(plan)


def get_open_plan(ctx: Context, person_id: uuid.UUID, *, record: bool = True) -> PlanDetails | None:
    """The person's one open (not closed) plan, or None (audited as a view)."""
    with reading(ctx, record=record) as session:
        require(session, ctx, Action.VIEW_PERSON, person_id)
        record_view(session, ctx, person_id, "plan dates and status", record=record)
        plan = _open_plan_row(session, person_id)
        return None if plan is None else plan_details(plan)


def list_plans(ctx: Context, person_id: uuid.UUID, *, record: bool = True) -> list[PlanDetails]:
    """All of a person's plans, newest period first; closed plans are kept (audited as a
    view)."""
    query = (
        select(Plan)
        .where(Plan.person_id == person_id)
        .order_by(Plan.period_start.desc(), Plan.created_at.desc())
    )
    with reading(ctx, record=record) as session:
        require(session, ctx, Action.VIEW_PERSON, person_id)
        record_view(session, ctx, person_id, "plans over time", record=record)
        return [plan_details(plan) for plan in session.scalars(query)]


def update_plan(
    ctx: Context, plan_id: uuid.UUID, expected_version: int | None, **changes: Unpack[PlanChanges]
) -> PlanDetails:
    """Change the period, next review date, status (draft, agreed, closed), or the person's
    consent to peer involvement (``peer_consent_granted_on``/``peer_consent_expires_on``).

    Closing needs :attr:`Action.CLOSE_PLAN` and keeps the day and a reason
    (``closed_reason``, "other" unless given); opening a closed plan again forgets both.
    """
    check_unknown("plan", changes, EDITABLE)
    with ctx.write() as session:
        plan = load_plan(session, plan_id)
        if changes.get("status") == PlanStatus.CLOSED and plan.status != PlanStatus.CLOSED:
            require(session, ctx, Action.CLOSE_PLAN, plan.person_id)
        require(session, ctx, Action.EDIT_PLAN, plan.person_id)
        check_version("plan", plan.version, expected_version)
        before = plan_details(plan)
        reason = changes.pop("closed_reason", None)
        if "status" in changes:
            status = as_enum(PlanStatus, changes.pop("status"), "plan status")
            if plan.status == PlanStatus.CLOSED and status != PlanStatus.CLOSED:
                _refuse_second_open_plan(session, plan.person_id)
                plan.closed_on, plan.closed_reason = None, None
            if status == PlanStatus.CLOSED and plan.status != PlanStatus.CLOSED:
                require(session, ctx, Action.CLOSE_PLAN, plan.person_id)  # "closed" as text
                plan.closed_on = ctx.today()
                plan.closed_reason = as_enum(
                    CloseReason, reason or CloseReason.OTHER, "reason for closing"
                )
            plan.status = status
        if "period_start" in changes and changes["period_start"] is None:
            raise InvalidInput(tr_noop("Please give the date the plan starts."))
        for key, value in changes.items():
            setattr(plan, key, value)
        _check_period(plan)
        session.flush()
        after = plan_details(plan)
        names = (*EDITABLE, "closed_on")
        record_change(session, ctx, "plan", plan.person_id, before, after, names)
        return after


def set_coordinator(
    ctx: Context,
    plan_id: uuid.UUID,
    expected_version: int | None,
    participant_id: uuid.UUID | None,
) -> PlanDetails:
    """Make a member of this plan's team the coordinator (None: no coordinator yet)."""
    with ctx.write() as session:
        plan = load_plan(session, plan_id)
        require(session, ctx, Action.EDIT_PLAN, plan.person_id)
        check_version("plan", plan.version, expected_version)
        before = plan_details(plan)
        if participant_id is not None:
            team_member(session, plan.id, participant_id)
        plan.coordinator_id = participant_id
        session.flush()
        after = plan_details(plan)
        record_change(session, ctx, "plan", plan.person_id, before, after, ("coordinator_id",))
        return after


def close_plan(
    ctx: Context,
    plan_id: uuid.UUID,
    expected_version: int | None,
    reason: CloseReason | str = CloseReason.OTHER,
) -> PlanDetails:
    """Close a plan, saying why; it is kept, and the person may then have a new one opened."""
    return update_plan(
        ctx, plan_id, expected_version, status=PlanStatus.CLOSED, closed_reason=reason
    )
