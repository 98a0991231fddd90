"""Peer time that can be trusted: where a contribution came from, who accepts it, who a peer is.

A contribution read from a file (``caseplan import``) was not recorded here: it keeps its
origin ("imported from a file on DATE by ACCOUNT") and is listed apart, and its time is not
counted for payment, until a team lead accepts it. A peer's paid time is paid only when
the peer is someone the clinic knows: linked to an account, or, for a peer without one,
verified by a team lead (who has checked who they are). Nothing else can make two team
members one peer: the peer hours report groups by that identity, never by a name.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseplan.errors import AccessDenied, InvalidInput, tr_noop
from caseplan.models import (
    Participant,
    ParticipantRole,
    PeerContribution,
    Person,
    Plan,
    Role,
)
from caseplan.services.context import Context, check_version
from caseplan.services.security import access, audit
from caseplan.services.security.access import Action
from caseplan.services.security.who import account_label
from caseplan.services.shared import load, load_plan

ONLY_TEAM_LEAD_ACCEPTS = tr_noop(
    "Only a team lead can accept imported peer contributions for payment."
)
ONLY_TEAM_LEAD_VERIFIES = tr_noop("Only a team lead can verify who a peer is.")
NOT_IMPORTED = tr_noop(
    "This peer contribution was recorded here, not imported: there is nothing to accept."
)
ALREADY_ACCEPTED = tr_noop("This imported peer contribution has already been accepted.")
NOT_A_PEER = tr_noop("Only a peer on the team can be verified.")
HAS_ACCOUNT = tr_noop("This peer is linked to an account already: the account says who they are.")


@dataclass(frozen=True)
class ImportedContribution:
    """One imported contribution waiting for a team lead, with where it came from."""

    id: uuid.UUID
    version: int
    person_id: uuid.UUID
    person_name: str
    peer_id: uuid.UUID
    peer_name: str
    organisation: str
    date: dt.date
    minutes: int
    paid_minutes: int
    imported_on: dt.date
    imported_by: str


def waiting(
    ctx: Context, start: dt.date | None = None, end: dt.date | None = None
) -> list[ImportedContribution]:
    """Imported contributions not yet accepted (dated ``start``..``end`` when given),
    of the people the account may see; for the peer hours report's readers."""
    access.require(ctx, Action.PEER_HOURS_REPORT)
    with ctx.read() as session:
        return waiting_in(session, ctx, start, end)


def waiting_in(
    session: Session, ctx: Context, start: dt.date | None, end: dt.date | None
) -> list[ImportedContribution]:
    visible = access.visible_people(ctx, select(Person.id)).scalar_subquery()
    query = (
        select(PeerContribution, Participant, Person.id, Person.full_name)
        .join(Participant, Participant.id == PeerContribution.peer_id)
        .join(Plan, Plan.id == PeerContribution.plan_id)
        .join(Person, Person.id == Plan.person_id)
        .where(
            PeerContribution.imported_on.is_not(None),
            PeerContribution.accepted_on.is_(None),
            Person.id.in_(visible),
        )
        .order_by(PeerContribution.date, PeerContribution.id)
    )
    if start is not None:
        query = query.where(PeerContribution.date >= start)
    if end is not None:
        query = query.where(PeerContribution.date <= end)
    found = []
    for row, peer, person_id, person_name in session.execute(query):
        assert row.imported_on is not None
        found.append(
            ImportedContribution(
                id=row.id,
                version=row.version,
                person_id=person_id,
                person_name=person_name,
                peer_id=peer.id,
                peer_name=peer.name,
                organisation=peer.organisation,
                date=row.date,
                minutes=row.minutes,
                paid_minutes=row.paid_minutes,
                imported_on=row.imported_on,
                imported_by=row.imported_by,
            )
        )
    return found


def _require_team_lead(ctx: Context, sentence: str) -> None:
    if ctx.actor.system or ctx.actor.role is not Role.TEAM_LEAD:
        raise AccessDenied(sentence)


def accept_imported(ctx: Context, contribution_id: uuid.UUID, expected_version: int | None) -> None:
    """A team lead accepts an imported contribution: from now on it counts like any other."""
    _require_team_lead(ctx, ONLY_TEAM_LEAD_ACCEPTS)
    with ctx.write() as session:
        row = load(session, PeerContribution, contribution_id)
        person_id = load_plan(session, row.plan_id).person_id
        access.require(ctx, Action.EDIT_PLAN, person_id, session=session)
        if row.imported_on is None:
            raise InvalidInput(NOT_IMPORTED)
        if row.accepted_on is not None:
            raise InvalidInput(ALREADY_ACCEPTED)
        check_version("peer contribution", row.version, expected_version)
        row.accepted_on = ctx.today()
        row.accepted_by = account_label(session, ctx)
        detail = audit.changed_fields(["accepted_on", "accepted_by"])
        audit.record(
            session, ctx.actor, audit.Action.CHANGE, "peer_contribution", str(person_id), detail
        )


def verify_peer(ctx: Context, participant_id: uuid.UUID, expected_version: int | None) -> None:
    """A team lead has checked who a peer without an account is; their paid time may be paid."""
    _require_team_lead(ctx, ONLY_TEAM_LEAD_VERIFIES)
    with ctx.write() as session:
        row = load(session, Participant, participant_id)
        person_id = load_plan(session, row.plan_id).person_id
        access.require(ctx, Action.EDIT_PLAN, person_id, session=session)
        if row.role is not ParticipantRole.PEER:
            raise InvalidInput(NOT_A_PEER)
        if row.account_id is not None:
            raise InvalidInput(HAS_ACCOUNT)
        check_version("team member", row.version, expected_version)
        row.peer_verified_on = ctx.today()
        row.peer_verified_by = account_label(session, ctx)
        detail = audit.changed_fields(["peer_verified_on", "peer_verified_by"])
        audit.record(session, ctx.actor, audit.Action.CHANGE, "participant", str(person_id), detail)
