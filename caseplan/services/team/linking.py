"""Linking a team member to a Caseplan account: what puts the account on the person's team.

A peer on the team may be linked to a peer worker's account (then the peer worker signs in
and sees what the person's consent to that peer covers); a practitioner or the coordinator to
a practitioner's or team lead's account. The person themself, family and friends, and other
services are never linked: they do not sign in to the clinic's Caseplan.

The accounts to choose from are read through :func:`directory`: on a PostgreSQL server a
login sees only its own row of ``accounts`` (row-level security), so there the list comes
from ``caseplan_account_directory()`` (migration 0016): id, user name, name, role and
whether the account is switched on, never a password verifier or sign-in counts
(:mod:`caseplan.services.account_names`, which every service naming accounts reads).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseplan.errors import InvalidInput, NotFound, tr_noop
from caseplan.models import Participant, ParticipantRole, Role
from caseplan.services.account_names import COLUMNS, account_names
from caseplan.services.context import Context
from caseplan.services.security import access, audit

#: Which accounts each kind of team member may be linked to (none for anyone else).
ACCOUNT_ROLES: dict[ParticipantRole, frozenset[Role]] = {
    ParticipantRole.PEER: frozenset({Role.PEER_WORKER}),
    ParticipantRole.COORDINATOR: frozenset({Role.PRACTITIONER, Role.TEAM_LEAD}),
    ParticipantRole.PRACTITIONER: frozenset({Role.PRACTITIONER, Role.TEAM_LEAD}),
}
NOT_IN_DATABASE = tr_noop("This account is not in the database.")


@dataclass(frozen=True)
class LinkableAccount:
    """An account as a team member's link shows it: who signs in, and as what."""

    id: uuid.UUID
    username: str
    display_name: str
    role: Role
    active: bool


def may_link(member_role: ParticipantRole | str) -> bool:
    """Whether a team member in this role can have a Caseplan account at all."""
    return ParticipantRole(member_role) in ACCOUNT_ROLES


def fits(member_role: ParticipantRole | str, account_role: Role | str) -> bool:
    return Role(account_role) in ACCOUNT_ROLES.get(ParticipantRole(member_role), frozenset())


def _as_uuid(value: object) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def directory(session: Session, account_id: uuid.UUID | None = None) -> list[LinkableAccount]:
    """The clinic's accounts (or one), by name; through the server's function on PostgreSQL
    (:mod:`caseplan.services.account_names`)."""
    names = account_names()
    query = select(*(names.c[column] for column in COLUMNS)).order_by(
        names.c.display_name, names.c.username
    )
    if account_id is not None:
        query = query.where(names.c.id == account_id)
    rows = session.execute(query).all()
    return [
        LinkableAccount(_as_uuid(row[0]), row[1], row[2], Role(row[3]), bool(row[4]))
        for row in rows
    ]


def clinic_accounts(ctx: Context, *, quiet: bool = False) -> list[LinkableAccount]:
    """Every account of the clinic (switched off too), to show who a member is linked to;
    for those who build teams (practitioners, team leads). ``quiet``: an empty list for
    anyone else (a screen asking what to show), instead of a refusal."""
    if quiet and not access.can(ctx, access.Action.CREATE_PERSON):
        return []
    access.require(ctx, access.Action.CREATE_PERSON)
    with ctx.read() as session:
        return directory(session)


def linkable_accounts(
    accounts: list[LinkableAccount], member_role: ParticipantRole | str
) -> list[LinkableAccount]:
    """Of ``accounts``, the switched-on ones a member in ``member_role`` may be linked to."""
    return [a for a in accounts if a.active and fits(member_role, a.role)]


def find_account(ctx: Context, username: str) -> LinkableAccount:
    """The account called ``username`` (any case), for the command line; one sentence if none."""
    wanted = username.strip().casefold()
    for account in clinic_accounts(ctx):
        if account.username.casefold() == wanted:
            return account
    raise NotFound(tr_noop("There is no account called {name}."), name=username.strip()[:64])


def check_link(
    session: Session, participant: Participant, before: uuid.UUID | None
) -> LinkableAccount | None:
    """Refuse a link that does not fit (called after the changes are applied, before the
    flush); returns the linked account. ``before`` is the account linked until now."""
    if participant.account_id is None:
        return None
    found = directory(session, participant.account_id)
    if not found:
        raise NotFound(NOT_IN_DATABASE)
    account = found[0]
    role = ParticipantRole(participant.role)
    if not may_link(role):
        raise InvalidInput(
            tr_noop(
                "Only a peer, a practitioner or the coordinator on the team can be linked to a "
                "Caseplan account."
            )
        )
    if not fits(role, account.role):
        if role == ParticipantRole.PEER:
            raise InvalidInput(
                tr_noop("A peer on the team can be linked only to a peer worker's account.")
            )
        raise InvalidInput(
            tr_noop(
                "A practitioner or coordinator on the team can be linked only to a "
                "practitioner's or team lead's account."
            )
        )
    if participant.account_id != before:
        if not account.active:
            raise InvalidInput(
                tr_noop("The account {name} is switched off; choose another."),
                name=account.username,
            )
        other = session.scalars(
            select(Participant.name).where(
                Participant.plan_id == participant.plan_id,
                Participant.account_id == participant.account_id,
                Participant.id != participant.id,
            )
        ).first()
        if other is not None:
            raise InvalidInput(
                tr_noop("The account {name} is already linked to {member} on this team."),
                name=account.username,
                member=other,
            )
    return account


def record_link(
    session: Session,
    ctx: Context,
    person_id: uuid.UUID,
    before: uuid.UUID | None,
    after: LinkableAccount | None,
) -> None:
    """Audit a link made or undone, naming the account (its user name), in the transaction."""
    now = after.id if after is not None else None
    if before == now:
        return
    if before is not None:
        old = directory(session, before)
        name = old[0].username if old else before.hex
        audit.record(
            session,
            ctx.actor,
            audit.Action.ACCOUNT_UNLINKED,
            "participant",
            str(person_id),
            f"account: {name}",
        )
    if after is not None:
        audit.record(
            session,
            ctx.actor,
            audit.Action.ACCOUNT_LINKED,
            "participant",
            str(person_id),
            f"account: {after.username}",
        )
