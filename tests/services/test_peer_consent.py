"""Peers on the team: their profile, and the person's consent to peer involvement.

No peer joins a team, and no peer worker opens a plan, without the person's valid consent
to peer involvement (given on or before today, not expired). All people are fictional.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from caseplan.errors import AccessDenied, InvalidInput
from caseplan.models import (
    Account,
    AuditEvent,
    ConsentScope,
    ParticipantRole,
    PeerEngagement,
    Person,
    Role,
)
from caseplan.services.context import Actor, Context
from caseplan.services.people import people
from caseplan.services.plans import plans
from caseplan.services.plans.plan_view import load_plan_view
from caseplan.services.security import access
from caseplan.services.team import team
from caseplan.storage.database import Database

TODAY = date(2026, 3, 14)
NO_CONSENT = "The person has not consented to peer involvement, so no peer can join the team."
PEER_MAY_NOT_OPEN = (
    "This person has not consented to peer involvement, so a peer worker cannot open their plan."
)


def _ctx(db: Database) -> Context:
    return Context(db.sessions, today=lambda: TODAY)


def _plan(ctx: Context, name: str = "Kari Nordmann") -> plans.PlanDetails:
    return plans.open_plan(ctx, people.create_person(ctx, name).id, period_start=date(2026, 1, 1))


@pytest.mark.parametrize(
    ("granted", "expires"),
    [(None, None), (date(2026, 3, 15), None), (date(2025, 1, 1), date(2026, 3, 13))],
    ids=["never", "from tomorrow", "expired yesterday"],
)
def test_no_peer_joins_without_valid_consent(
    db: Database, granted: date | None, expires: date | None
) -> None:
    ctx = _ctx(db)
    plan = _plan(ctx)
    plan = plans.update_plan(
        ctx, plan.id, None, peer_consent_granted_on=granted, peer_consent_expires_on=expires
    )
    with pytest.raises(InvalidInput) as refused:
        team.add_participant(ctx, plan.id, ParticipantRole.PEER, "Máret Sara")
    assert str(refused.value) == NO_CONSENT
    assert team.list_participants(ctx, plan.id) == []
    # someone else may join; they just cannot become a peer
    other = team.add_participant(ctx, plan.id, ParticipantRole.NETWORK, "Ola Sara")
    with pytest.raises(InvalidInput) as refused:
        team.update_participant(ctx, other.id, other.version, role=ParticipantRole.PEER)
    assert str(refused.value) == NO_CONSENT
    assert team.get_participant(ctx, other.id).role == ParticipantRole.NETWORK


def test_with_consent_a_peer_joins_with_their_profile(db: Database) -> None:
    ctx = _ctx(db)
    plan = _plan(ctx)
    plan = plans.update_plan(
        ctx,
        plan.id,
        plan.version,
        peer_consent_granted_on=TODAY,
        peer_consent_expires_on=date(2026, 12, 31),
    )
    assert (plan.peer_consent_granted_on, plan.peer_consent_expires_on) == (
        TODAY,
        date(2026, 12, 31),
    )
    assert plan.peer_consent_valid(TODAY) and not plan.peer_consent_valid(date(2027, 1, 1))
    peer = team.add_participant(
        ctx,
        plan.id,
        ParticipantRole.PEER,
        "Máret Sara",
        organisation="Likepersonsenteret",
        phone="900 00 001",
        offers="Har vært gjennom LAR, å være forelder",
        availability="Hverdager 9–15",
        peer_engagement="paid",
    )
    assert (peer.offers, peer.availability, peer.peer_engagement) == (
        "Har vært gjennom LAR, å være forelder",
        "Hverdager 9–15",
        PeerEngagement.PAID,
    )
    changed = team.update_participant(
        ctx, peer.id, peer.version, peer_engagement=PeerEngagement.VOLUNTEER
    )
    assert team.get_participant(ctx, peer.id) == changed
    assert changed.peer_engagement is PeerEngagement.VOLUNTEER
    with pytest.raises(InvalidInput, match=r"^sometimes is not a known kind of peer engagement\.$"):
        team.update_participant(ctx, peer.id, None, peer_engagement="sometimes")


def test_consent_dates_are_checked_and_the_change_is_audited(db: Database) -> None:
    ctx = _ctx(db)
    plan = _plan(ctx)
    with pytest.raises(InvalidInput) as refused:
        plans.update_plan(
            ctx,
            plan.id,
            None,
            peer_consent_granted_on=date(2026, 3, 1),
            peer_consent_expires_on=date(2026, 2, 1),
        )
    assert str(refused.value) == "Consent to peer involvement cannot expire before it was given."
    with pytest.raises(InvalidInput) as refused:
        plans.update_plan(ctx, plan.id, None, peer_consent_expires_on=date(2026, 2, 1))
    assert str(refused.value) == "Please give the date the person consented to peer involvement."
    plans.update_plan(ctx, plan.id, None, peer_consent_granted_on=TODAY)
    with db.sessions() as session:
        details = session.scalars(
            select(AuditEvent.detail).where(AuditEvent.entity == "plan").order_by(AuditEvent.seq)
        ).all()
    assert details[-1] == "changed: peer_consent_granted_on"


def test_a_peer_worker_needs_the_consent_on_the_plan_too(db: Database) -> None:
    ctx = _ctx(db)
    with ctx.write() as session:
        account = Account(username="per", display_name="Per Peer", role=Role.PEER_WORKER)
        session.add(account)
        session.flush()
        per = Actor(account.id, "per", Role.PEER_WORKER)
    as_per = Context(db.sessions, actor=per, today=lambda: TODAY)
    plan = _plan(ctx)
    plan = plans.update_plan(ctx, plan.id, None, peer_consent_granted_on=date(2026, 1, 1))
    team.add_participant(
        ctx,
        plan.id,
        ParticipantRole.PEER,
        "Per Peer",
        account_id=per.account_id,
        consent_scope=ConsentScope.FULL_PLAN,
    )
    visible = select(Person.full_name)
    with db.sessions() as session:
        assert session.scalars(access.visible_people(as_per, visible)).all() == ["Kari Nordmann"]
    assert load_plan_view(as_per, plan.person_id) is not None
    # the person withdraws consent to peer involvement (the team member's sharing stays)
    plans.update_plan(ctx, plan.id, None, peer_consent_granted_on=None)
    with db.sessions() as session:
        assert session.scalars(access.visible_people(as_per, visible)).all() == []
    with pytest.raises(AccessDenied) as refused:
        load_plan_view(as_per, plan.person_id)
    assert str(refused.value) == PEER_MAY_NOT_OPEN
