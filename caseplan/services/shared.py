"""Helpers every use case about a person's record shares.

Loading a plan or a team member, turning free values into the closed vocabularies,
checking access inside the caller's transaction, blanking worker's notes for those who may
not read them, and writing the audit trail, so every service refuses the same things with
the same sentences and leaves the same kind of trail.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import fields, is_dataclass, replace
from enum import StrEnum
from typing import Any, Protocol, TypeVar, cast

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from caseplan.errors import AccessDenied, InvalidInput, NotFound, tr_noop
from caseplan.models import (
    Base,
    ConsentScope,
    Goal,
    Meeting,
    Participant,
    PeerContribution,
    Person,
    Plan,
    Review,
    Role,
    Step,
)
from caseplan.services.context import Context, check_version
from caseplan.services.exchange.snapshot import refresh_agreed_status
from caseplan.services.security import access, audit
from caseplan.services.security.access import Action
from caseplan.services.security.consent_rules import effective_scope
from caseplan.storage.faults import unique_clash

E = TypeVar("E", bound=StrEnum)
T = TypeVar("T")
R = TypeVar("R", bound=Base)


class Versioned(Protocol):
    """A record with a version counter (every editable record has one)."""

    version: int


def is_whole_number(value: object) -> bool:
    """An int that is not a bool (JSON and Python both let True pass as 1)."""
    return isinstance(value, int) and not isinstance(value, bool)


#: The sentence that says a record of each kind is missing.
MISSING: dict[type[Base], str] = {
    Person: tr_noop("This person is not in the database."),
    Plan: tr_noop("This plan is not in the database."),
    Participant: tr_noop("This team member is not in the database."),
    Goal: tr_noop("This goal is not in the database."),
    Step: tr_noop("This step is not in the database."),
    Meeting: tr_noop("This meeting is not in the database."),
    Review: tr_noop("This review is not in the database."),
    PeerContribution: tr_noop("This peer contribution is not in the database."),
}


def load(session: Session, model: type[R], row_id: uuid.UUID) -> R:
    """The record ``row_id`` of ``model``, or :class:`NotFound` with that kind's sentence."""
    row = session.get(model, row_id)
    if row is None:
        raise NotFound(MISSING[model])
    return row


def load_plan(session: Session, plan_id: uuid.UUID) -> Plan:
    return load(session, Plan, plan_id)


def delete_record(
    session: Session,
    ctx: Context,
    row: Versioned,
    person_id: uuid.UUID,
    expected_version: int | None,
    *,
    entity: str,
    kind: str | None = None,
    refuse: Callable[[], None] | None = None,
) -> None:
    """Delete one record of a person's plan: every delete checks, deletes and audits alike.

    ``entity`` names the record in the audit trail, ``kind`` in the conflict sentence
    (``entity`` by default); ``refuse`` raises if the plan's record still needs the row.
    """
    require(session, ctx, Action.EDIT_PLAN, person_id)
    check_version(kind or entity, row.version, expected_version)
    if refuse is not None:
        refuse()
    session.delete(row)
    session.flush()
    record(session, ctx, audit.Action.DELETE, entity, person_id)


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


def check_unknown(kind: str, changes: Mapping[str, object], allowed: Sequence[str]) -> None:
    unknown = set(changes) - set(allowed)
    if unknown:
        raise TypeError(f"unknown {kind} fields: {sorted(unknown)}")


def set_positions(session: Session, model: Any, ids_in_order: Sequence[uuid.UUID]) -> None:
    """Store positions 0..n-1 in the given order.

    Positions are written without touching the version counters: moving a row is not an
    edit of its words, so it must not turn someone else's open edit into a conflict. They
    are unique within their plan or goal at every moment (a constraint keeps them so), so
    the rows that move first step aside to a negative position, then into place.
    """
    session.flush()
    query = select(model.id, model.position).where(model.id.in_(ids_in_order))
    stored: dict[uuid.UUID, int] = {row_id: at for row_id, at in session.execute(query)}
    moving = [(p, row_id) for p, row_id in enumerate(ids_in_order) if stored.get(row_id) != p]
    for final in (False, True):
        for position, row_id in moving:
            session.execute(
                update(model)
                .where(model.id == row_id)
                .values(position=position if final else -1 - position)
                .execution_options(synchronize_session=False)
            )
    session.expire_all()


def retry_when_taken(attempts: int, work: Callable[[], T]) -> T:
    """Run ``work`` (a whole transaction) again when another program took the same place.

    Adding a goal or a step puts it after the last one; two programs doing so at the same
    moment pick the same position, and the unique constraint refuses the second. Its next
    try sees the first one's row and takes the next place.
    """
    for attempt in range(1, attempts + 1):
        try:
            return work()
        except InvalidInput as refused:
            if attempt == attempts or not unique_clash(refused.__cause__):
                raise
    raise AssertionError("unreachable")


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


def peer_scope(session: Session, ctx: Context, plan_id: uuid.UUID) -> ConsentScope | None:
    """For a peer worker, what the person's consent to them covers today on this plan
    (``none`` when they are not on its team or it has ended); None for anyone else."""
    if not is_peer_worker(ctx):
        return None
    row = session.scalars(
        select(Participant).where(
            Participant.plan_id == plan_id, Participant.account_id == ctx.actor.account_id
        )
    ).first()
    return ConsentScope.NONE if row is None else effective_scope(row, ctx.today())


def sees_only(scope: ConsentScope | None, *allowed: ConsentScope) -> bool:
    """True when a peer's ``scope`` does not cover a part shown to ``allowed`` scopes."""
    return scope is not None and scope not in (ConsentScope.FULL_PLAN, *allowed)


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
    peer_path = peer_action is not None and peer_refusal is not None and is_peer_worker(ctx)
    try:
        # Quiet where the peer's own path follows: only the final answer is a refusal.
        access.require(ctx, Action.EDIT_PLAN, person_id, session=session, quiet=peer_path)
    except AccessDenied:
        if not peer_path or peer_action is None or peer_refusal is None:
            raise
        require(session, ctx, peer_action, person_id)
        refusal = peer_refusal()
        if refusal is not None:
            denied = AccessDenied(refusal)
            denied.action, denied.person_id = str(Action.EDIT_PLAN), str(person_id)
            raise denied from None


#: What a change of can change the agreed plan (see :mod:`caseplan.services.exchange.snapshot`).
AGREED_PARTS = frozenset({"person", "plan", "participant", "goal", "step", "crisis_plan", "review"})


def record(
    session: Session,
    ctx: Context,
    action: str,
    entity: str,
    person_id: uuid.UUID,
    names: Iterable[str] = (),
) -> None:
    """Write the audit event for a change of a person's record, naming fields, never text.

    A change to a part of the plan that is agreed also re-checks whether the plan is still
    as its latest version says (agreed) or changed since (draft), in the same transaction:
    every change is recorded, so no change can miss that check.
    """
    names = list(names)
    detail = audit.changed_fields(names) if names else ""
    audit.record(session, ctx.actor, action, entity, str(person_id), detail)
    if entity in AGREED_PARTS:
        refresh_agreed_status(session, person_id)


def reading(ctx: Context, *, record: bool) -> AbstractContextManager[Session]:
    """A transaction to read a person's data in: one that may write its audit event when
    the read is recorded (:func:`record_view`), a read-only one when it is not."""
    return ctx.write() if record else ctx.read()


def record_view(
    session: Session, ctx: Context, person_id: uuid.UUID, what: str, *, record: bool
) -> None:
    """Every view of a person's data leaves a ``viewed`` event naming what was read.

    ``record=False`` only for a screen reading again what it already showed when the
    person was opened (that opening is the event), never for a first look.
    """
    if record:
        audit.record(session, ctx.actor, audit.Action.VIEWED, "person", str(person_id), what)


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
