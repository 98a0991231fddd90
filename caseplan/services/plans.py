"""A person's plan: open one (only one open at a time), change its period, coordinator, close it.

Also holds the small helpers the other plan services share (loading a plan or a team
member, turning free values into the closed vocabularies, checking access, blanking
worker's notes, writing the audit trail), so every service refuses the same things with
the same sentences and leaves the same kind of trail.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields, is_dataclass, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any, TypeVar, cast

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from caseplan.errors import AccessDenied, AlreadyExists, InvalidInput, NotFound, tr_noop
from caseplan.models import Participant, Person, Plan, PlanStatus, Role
from caseplan.services import access, audit
from caseplan.services.access import Action
from caseplan.services.context import Context, check_version

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

    def peer_consent_valid(self, today: date) -> bool:
        return peer_consent_valid(self.peer_consent_granted_on, self.peer_consent_expires_on, today)


EDITABLE = (
    "period_start",
    "period_end",
    "next_review",
    "status",
    "peer_consent_granted_on",
    "peer_consent_expires_on",
)
NO_PEER_CONSENT = tr_noop(
    "The person has not consented to peer involvement, so no peer can join the team."
)


def peer_consent_valid(granted: date | None, expires: date | None, today: date) -> bool:
    """Consent to peer involvement holds today: given on or before today, not yet expired."""
    return granted is not None and granted <= today and (expires is None or expires >= today)


# --- helpers shared by the plan services -------------------------------------------------


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
    )


def load_plan(session: Session, plan_id: uuid.UUID) -> Plan:
    plan = session.get(Plan, plan_id)
    if plan is None:
        raise NotFound(tr_noop("This plan is not in the database."))
    return plan


def load_participant(session: Session, participant_id: uuid.UUID) -> Participant:
    participant = session.get(Participant, participant_id)
    if participant is None:
        raise NotFound(tr_noop("This team member is not in the database."))
    return participant


def team_member(session: Session, plan_id: uuid.UUID, participant_id: uuid.UUID) -> Participant:
    """The participant, if they are on this plan's team; otherwise a sentence saying so."""
    participant = session.get(Participant, participant_id)
    if participant is None:
        raise InvalidInput(tr_noop("This team member is not on this person's team."))
    if participant.plan_id != plan_id:
        raise InvalidInput(tr_noop("{name} is not on this person's team."), name=participant.name)
    return participant


def as_enum(enum: type[E], value: object, what: str) -> E:
    """``value`` as a member of ``enum``, or a sentence naming ``what`` was not understood."""
    try:
        return enum(str(value))
    except ValueError:
        raise InvalidInput(
            tr_noop("{value} is not a known {what}."), value=str(value), what=what
        ) from None


def require_text(value: object, sentence: str) -> None:
    """Refuse a required text that is missing or only blanks, with ``sentence``."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput(sentence)


def check_unknown(kind: str, changes: dict[str, Any], allowed: Sequence[str]) -> None:
    unknown = set(changes) - set(allowed)
    if unknown:
        raise TypeError(f"unknown {kind} fields: {sorted(unknown)}")


def set_positions(session: Session, model: Any, ids_in_order: Sequence[uuid.UUID]) -> None:
    """Store positions 0..n-1 in the given order.

    Positions are written without touching the version counters: moving a row is not an
    edit of its words, so it must not turn someone else's open edit into a conflict.
    """
    session.flush()
    for position, row_id in enumerate(ids_in_order):
        session.execute(
            update(model)
            .where(model.id == row_id, model.position != position)
            .values(position=position)
            .execution_options(synchronize_session=False)
        )
    session.expire_all()


def check_permutation(given: Sequence[uuid.UUID], existing: Sequence[uuid.UUID]) -> None:
    if len(given) != len(existing) or set(given) != set(existing):
        raise InvalidInput(tr_noop("The new order must list every item exactly once."))


def moved(ids: list[uuid.UUID], row_id: uuid.UUID, offset: int) -> list[uuid.UUID]:
    """``ids`` with ``row_id`` moved ``offset`` places, stopping at either end."""
    index = ids.index(row_id)
    target = max(0, min(len(ids) - 1, index + offset))
    ids.insert(target, ids.pop(index))
    return ids


# --- access, worker's notes and the audit trail -------------------------------------------


def require(session: Session, ctx: Context, action: Action, person_id: uuid.UUID) -> None:
    """:func:`access.require` inside the caller's transaction."""
    access.require(ctx, action, person_id, session=session)


def without_worker_notes(value: T) -> T:
    """``value`` with every ``worker_note`` in it, at any depth, made empty.

    Walks frozen dataclasses, tuples and lists, so a new kind of detail that carries a
    worker's note is covered without being named here.
    """
    return cast(T, _blank_notes(value))


def _blank_notes(value: object) -> object:
    if is_dataclass(value) and not isinstance(value, type):
        changes: dict[str, object] = {}
        for item in fields(value):
            current = getattr(value, item.name)
            new = "" if item.name == "worker_note" else _blank_notes(current)
            if new is not current and new != current:
                changes[item.name] = new
        return replace(value, **changes) if changes else value
    if isinstance(value, tuple):
        return tuple(_blank_notes(item) for item in value)
    if isinstance(value, list):
        return [_blank_notes(item) for item in value]
    return value


def may_read_worker_notes(session: Session, ctx: Context, person_id: uuid.UUID) -> bool:
    return access.can(ctx, Action.VIEW_WORKER_NOTES, person_id, session=session)


def as_seen(session: Session, ctx: Context, person_id: uuid.UUID, value: T) -> T:
    """``value`` as the actor may see it: worker's notes blanked unless they may read them.

    Every read (and every write that hands details back) goes through this.
    """
    if may_read_worker_notes(session, ctx, person_id):
        return value
    return without_worker_notes(value)


def is_peer_worker(ctx: Context) -> bool:
    return not ctx.actor.system and ctx.actor.role is Role.PEER_WORKER


def is_own(ctx: Context, participant: Participant | None) -> bool:
    """Is this team member the actor themself (the participant linked to their account)?"""
    return (
        participant is not None
        and ctx.actor.account_id is not None
        and participant.account_id == ctx.actor.account_id
    )


def require_edit(
    session: Session,
    ctx: Context,
    person_id: uuid.UUID,
    *,
    peer_action: Action | None = None,
    peer_refusal: Callable[[], str | None] | None = None,
) -> None:
    """Require :attr:`Action.EDIT_PLAN`, or for a peer worker the narrower peer write.

    A peer worker may never edit a plan in general; where a use case lets them make one
    small change of their own, ``peer_action`` is what they need for this person (so
    their consent counts) and ``peer_refusal`` returns None when the change is one they
    may make, or the sentence that says why not.
    """
    try:
        require(session, ctx, Action.EDIT_PLAN, person_id)
    except AccessDenied:
        if peer_action is None or peer_refusal is None or not is_peer_worker(ctx):
            raise
        require(session, ctx, peer_action, person_id)
        refusal = peer_refusal()
        if refusal is not None:
            raise AccessDenied(refusal) from None


def record(
    session: Session,
    ctx: Context,
    action: str,
    entity: str,
    person_id: uuid.UUID,
    names: Iterable[str] = (),
) -> None:
    """Write the audit event for a change of a person's record, naming fields, never text."""
    names = list(names)
    detail = audit.changed_fields(names) if names else ""
    audit.record(session, ctx.actor, action, entity, str(person_id), detail)


def set_fields(details: object, names: Iterable[str]) -> list[str]:
    """The fields of a new record that were given a value (for the audit detail)."""
    return [name for name in names if getattr(details, name) not in (None, "", (), [])]


def record_change(
    session: Session,
    ctx: Context,
    entity: str,
    person_id: uuid.UUID,
    before: object,
    after: object,
    names: Iterable[str],
) -> None:
    """Record a CHANGE naming the fields that differ; nothing when nothing changed."""
    changed = [name for name in names if getattr(before, name) != getattr(after, name)]
    if changed:
        record(session, ctx, audit.Action.CHANGE, entity, person_id, changed)


# --- the plan ---------------------------------------------------------------------------


def _check_period(plan: Plan) -> None:
    if plan.period_end is not None and plan.period_end < plan.period_start:
        raise InvalidInput(tr_noop("The plan period cannot end before it starts."))
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


def get_plan(ctx: Context, plan_id: uuid.UUID) -> PlanDetails:
    with ctx.read() as session:
        plan = load_plan(session, plan_id)
        require(session, ctx, Action.VIEW_PERSON, plan.person_id)
        return plan_details(plan)


def get_open_plan(ctx: Context, person_id: uuid.UUID) -> PlanDetails | None:
    """The person's one open (not closed) plan, or None."""
    with ctx.read() as session:
        require(session, ctx, Action.VIEW_PERSON, person_id)
        plan = _open_plan_row(session, person_id)
        return None if plan is None else plan_details(plan)


def list_plans(ctx: Context, person_id: uuid.UUID) -> list[PlanDetails]:
    """All of a person's plans, newest period first; closed plans are kept."""
    query = (
        select(Plan)
        .where(Plan.person_id == person_id)
        .order_by(Plan.period_start.desc(), Plan.created_at.desc())
    )
    with ctx.read() as session:
        require(session, ctx, Action.VIEW_PERSON, person_id)
        return [plan_details(plan) for plan in session.scalars(query)]


def update_plan(
    ctx: Context, plan_id: uuid.UUID, expected_version: int | None, **changes: Any
) -> PlanDetails:
    """Change the period, next review date, status (draft, agreed, closed), or the person's
    consent to peer involvement (``peer_consent_granted_on``/``peer_consent_expires_on``)."""
    check_unknown("plan", changes, EDITABLE)
    with ctx.write() as session:
        plan = load_plan(session, plan_id)
        require(session, ctx, Action.EDIT_PLAN, plan.person_id)
        check_version("plan", plan.version, expected_version)
        before = plan_details(plan)
        if "status" in changes:
            status = as_enum(PlanStatus, changes.pop("status"), "plan status")
            if plan.status == PlanStatus.CLOSED and status != PlanStatus.CLOSED:
                _refuse_second_open_plan(session, plan.person_id)
            plan.status = status
        if "period_start" in changes and changes["period_start"] is None:
            raise InvalidInput(tr_noop("Please give the date the plan starts."))
        for key, value in changes.items():
            setattr(plan, key, value)
        _check_period(plan)
        session.flush()
        after = plan_details(plan)
        record_change(session, ctx, "plan", plan.person_id, before, after, EDITABLE)
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


def close_plan(ctx: Context, plan_id: uuid.UUID, expected_version: int | None) -> PlanDetails:
    """Close a plan; it is kept, and the person may then have a new one opened."""
    return update_plan(ctx, plan_id, expected_version, status=PlanStatus.CLOSED)
