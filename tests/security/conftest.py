"""Fixtures for the security tests: cheap key derivation and password hashing, and a
small world of accounts and people with teams and consent (all fictional)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import pytest
from argon2 import PasswordHasher

from caseplan.models import Account, ConsentScope, Participant, ParticipantRole, Person, Plan, Role
from caseplan.services.context import Actor, Context
from caseplan.storage.database import Database

TODAY = date(2026, 3, 14)


@pytest.fixture
def cheap_hasher() -> PasswordHasher:
    return PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


def add_account(ctx: Context, username: str, role: Role) -> Actor:
    with ctx.write() as session:
        account = Account(username=username, display_name=username.title(), role=role)
        session.add(account)
        session.flush()
        return Actor(account_id=account.id, username=username, role=role)


def add_person(
    ctx: Context,
    name: str,
    team: Sequence[tuple[Actor, ConsentScope, date | None, date | None]] = (),
    *,
    plan_closed: bool = False,
) -> uuid.UUID:
    """A person with one plan whose participants are linked to the given accounts."""
    with ctx.write() as session:
        person = Person(full_name=name)
        session.add(person)
        session.flush()
        plan = Plan(
            person_id=person.id,
            period_start=date(2026, 1, 1),
            status="closed" if plan_closed else "draft",
        )
        for actor, _scope, granted, expires in team:
            if actor.role is Role.PEER_WORKER:  # consent to peer involvement, as to sharing
                plan.peer_consent_granted_on = granted or plan.period_start
                plan.peer_consent_expires_on = expires
        session.add(plan)
        session.flush()
        for position, (actor, scope, granted, expires) in enumerate(team):
            session.add(
                Participant(
                    plan_id=plan.id,
                    role=ParticipantRole.PEER
                    if actor.role is Role.PEER_WORKER
                    else ParticipantRole.PRACTITIONER,
                    name=actor.username.title(),
                    account_id=actor.account_id,
                    consent_scope=scope,
                    consent_granted_on=granted,
                    consent_expires_on=expires,
                    position=position,
                )
            )
        return person.id


@dataclass
class World:
    """Accounts of every role, and people with different teams and consent."""

    practitioner: Actor
    other_practitioner: Actor
    lead: Actor
    peer: Actor
    admin: Actor
    #: on the practitioner's and the consenting peer's team
    consented: uuid.UUID
    #: the peer is on the team but consent is "none"
    no_consent: uuid.UUID
    #: the peer's consent expired yesterday
    expired: uuid.UUID
    #: only the other practitioner's
    elsewhere: uuid.UUID
    #: the practitioner was on the team of a closed plan only
    closed: uuid.UUID

    def ctx(self, db: Database, actor: Actor) -> Context:
        return Context(db.sessions, actor=actor, today=lambda: TODAY)


@pytest.fixture
def world(db: Database) -> World:
    ctx = Context(db.sessions, today=lambda: TODAY)
    practitioner = add_account(ctx, "pia", Role.PRACTITIONER)
    other = add_account(ctx, "ola", Role.PRACTITIONER)
    lead = add_account(ctx, "lea", Role.TEAM_LEAD)
    peer = add_account(ctx, "per", Role.PEER_WORKER)
    admin = add_account(ctx, "ada", Role.ADMIN)
    full, none = ConsentScope.FULL_PLAN, ConsentScope.NONE
    return World(
        practitioner=practitioner,
        other_practitioner=other,
        lead=lead,
        peer=peer,
        admin=admin,
        consented=add_person(
            ctx,
            "Kari Nordmann",
            [(practitioner, full, None, None), (peer, full, date(2026, 1, 2), date(2026, 12, 31))],
        ),
        no_consent=add_person(
            ctx, "Ola Testesen", [(practitioner, full, None, None), (peer, none, None, None)]
        ),
        expired=add_person(
            ctx,
            "Áilu Juuso",
            [(practitioner, full, None, None), (peer, full, date(2025, 1, 1), date(2026, 3, 13))],
        ),
        elsewhere=add_person(ctx, "Åse Nilsen", [(other, full, None, None)]),
        closed=add_person(
            ctx,
            "Zara Ali",
            [(practitioner, full, None, None), (peer, full, None, None)],
            plan_closed=True,
        ),
    )
