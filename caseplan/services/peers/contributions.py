"""Peer contributions: what a peer did with the person, when, for how long, and what is paid.

A consenting peer worker on the team may record their own contributions and change the
note of their own contributions; everything else here needs :attr:`Action.EDIT_PLAN`.
"""

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol, TypedDict, Unpack

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseplan.errors import AccessDenied, InvalidInput, tr_noop
from caseplan.models import (
    ContributionKind,
    Participant,
    ParticipantRole,
    PeerContribution,
)
from caseplan.services.context import Context, check_version
from caseplan.services.security import audit
from caseplan.services.security.access import Action
from caseplan.services.shared import (
    as_enum,
    check_unknown,
    delete_record,
    is_own,
    is_peer_worker,
    is_whole_number,
    load,
    load_plan,
    reading,
    record,
    record_change,
    record_view,
    require,
    require_edit,
    set_fields,
    team_member,
)

#: Said when paid minutes are entered for a peer the clinic does not know yet: they are
#: recorded, and counted as held (not paid) until a team lead verifies who the peer is
#: (:mod:`caseplan.services.peers.imported`, :mod:`caseplan.services.peers.peer_hours`).
PAID_IS_HELD = tr_noop(
    "{name} is not linked to an account or verified by a team lead, so paid minutes are held, "
    "not paid, until a team lead verifies who they are."
)


class Peer(Protocol):
    @property
    def account_id(self) -> uuid.UUID | None: ...
    @property
    def peer_verified_on(self) -> dt.date | None: ...


def paid_is_held(peer: Peer) -> bool:
    """Paid minutes for ``peer`` are held, not paid: no account, not verified."""
    return peer.account_id is None and peer.peer_verified_on is None


@dataclass(frozen=True)
class ContributionDetails:
    """What a peer did on one day; the note is in the peer's own words."""

    id: uuid.UUID
    version: int
    plan_id: uuid.UUID
    peer_id: uuid.UUID
    date: dt.date
    minutes: int
    kind: ContributionKind
    note: str = ""
    paid_minutes: int = 0


class ContributionChanges(TypedDict, total=False):
    """What :func:`update_contribution` may change."""

    peer_id: uuid.UUID
    date: dt.date
    minutes: int
    kind: ContributionKind | str
    note: str
    paid_minutes: int


CONTRIBUTION_EDITABLE = ("peer_id", "date", "minutes", "kind", "note", "paid_minutes")
#: What a peer worker may change in their own contributions.
PEER_CONTRIBUTION_EDITABLE = ("note",)
PEER_OWN_CONTRIBUTIONS = tr_noop("A peer worker can record only their own peer contributions.")
PEER_OWN_NOTE = tr_noop("A peer worker can change only the note of their own peer contributions.")


def contribution_details(row: PeerContribution) -> ContributionDetails:
    return ContributionDetails(
        id=row.id,
        version=row.version,
        plan_id=row.plan_id,
        peer_id=row.peer_id,
        date=row.date,
        minutes=row.minutes,
        kind=row.kind,
        note=row.note,
        paid_minutes=row.paid_minutes,
    )


def _apply_contribution(
    session: Session, row: PeerContribution, changes: Mapping[str, Any]
) -> None:
    for key, value in changes.items():
        if key == "peer_id":
            peer = team_member(session, row.plan_id, value)
            if peer.role != ParticipantRole.PEER:
                raise InvalidInput(
                    tr_noop("{name} is not a peer on this person's team."), name=peer.name
                )
        elif key == "kind":
            value = as_enum(ContributionKind, value, "kind of contribution")
        setattr(row, key, value)
    if row.date is None:
        raise InvalidInput(tr_noop("Please give the date of the contribution."))
    if not is_whole_number(row.minutes) or not 1 <= row.minutes <= 1440:
        raise InvalidInput(tr_noop("Minutes must be a whole number from 1 to 1440 (one day)."))
    if not is_whole_number(row.paid_minutes) or not 0 <= row.paid_minutes <= row.minutes:
        raise InvalidInput(
            tr_noop("Paid minutes must be a whole number from 0 up to the minutes spent.")
        )


def add_contribution(
    ctx: Context,
    plan_id: uuid.UUID,
    peer_id: uuid.UUID,
    date: dt.date,
    minutes: int,
    kind: ContributionKind | str,
    note: str = "",
    paid_minutes: int = 0,
) -> ContributionDetails:
    """Record what a peer on this plan's team did, and how much of that time is paid."""
    with ctx.write() as session:
        plan = load_plan(session, plan_id)
        require(session, ctx, Action.ADD_CONTRIBUTION, plan.person_id)
        if is_peer_worker(ctx) and not is_own(ctx, session.get(Participant, peer_id)):
            raise AccessDenied(PEER_OWN_CONTRIBUTIONS)
        row = PeerContribution(plan_id=plan.id)
        _apply_contribution(
            session,
            row,
            {
                "peer_id": peer_id,
                "date": date,
                "minutes": minutes,
                "kind": kind,
                "note": note,
                "paid_minutes": paid_minutes,
            },
        )
        session.add(row)
        session.flush()
        created = contribution_details(row)
        names = set_fields(created, CONTRIBUTION_EDITABLE)
        record(session, ctx, audit.Action.CREATE, "peer_contribution", plan.person_id, names)
        return created


def list_contributions(
    ctx: Context, plan_id: uuid.UUID, *, record: bool = True
) -> list[ContributionDetails]:
    """The plan's peer contributions (audited as a view)."""
    query = (
        select(PeerContribution)
        .where(PeerContribution.plan_id == plan_id)
        .order_by(PeerContribution.date, PeerContribution.created_at, PeerContribution.id)
    )
    with reading(ctx, record=record) as session:
        person_id = load_plan(session, plan_id).person_id
        require(session, ctx, Action.VIEW_PERSON, person_id)
        record_view(session, ctx, person_id, "peer contributions", record=record)
        return [contribution_details(row) for row in session.scalars(query)]


def update_contribution(
    ctx: Context,
    contribution_id: uuid.UUID,
    expected_version: int | None,
    **changes: Unpack[ContributionChanges],
) -> ContributionDetails:
    check_unknown("peer contribution", changes, CONTRIBUTION_EDITABLE)
    with ctx.write() as session:
        row = load(session, PeerContribution, contribution_id)
        person_id = load_plan(session, row.plan_id).person_id

        def peer_refusal() -> str | None:
            own = is_own(ctx, session.get(Participant, row.peer_id))
            return (
                None if own and set(changes) <= set(PEER_CONTRIBUTION_EDITABLE) else PEER_OWN_NOTE
            )

        require_edit(
            session,
            ctx,
            person_id,
            peer_action=Action.ADD_CONTRIBUTION,
            peer_refusal=peer_refusal,
        )
        check_version("peer contribution", row.version, expected_version)
        before = contribution_details(row)
        _apply_contribution(session, row, changes)
        session.flush()
        after = contribution_details(row)
        names = CONTRIBUTION_EDITABLE
        record_change(session, ctx, "peer_contribution", person_id, before, after, names)
        return after


def delete_contribution(
    ctx: Context, contribution_id: uuid.UUID, expected_version: int | None
) -> None:
    with ctx.write() as session:
        row = load(session, PeerContribution, contribution_id)
        person_id = load_plan(session, row.plan_id).person_id
        delete_record(
            session,
            ctx,
            row,
            person_id,
            expected_version,
            entity="peer_contribution",
            kind="peer contribution",
        )
