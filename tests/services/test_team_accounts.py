"""Linking a team member to a Caseplan account: who can be linked to what, and the trail.

Kari (practitioner) builds Ola Nordmann's team; Sindre Berg is a peer worker with an
account called ``sberg``. All people are fictional.
"""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import select

from caseplan.errors import InvalidInput, NotFound
from caseplan.models import Account, AuditEvent, ConsentScope, Participant, ParticipantRole, Role
from caseplan.services.context import Actor, Context
from caseplan.services.peers import contributions
from caseplan.services.people import people
from caseplan.services.people.people import list_people
from caseplan.services.plans import plans
from caseplan.services.security import audit
from caseplan.services.team import linking, team
from caseplan.storage.database import Database

TODAY = date(2026, 4, 2)


def _account(
    system: Context, username: str, name: str, role: Role, *, active: bool = True
) -> Context:
    with system.write() as session:
        account = Account(username=username, display_name=name, role=role, active=active)
        session.add(account)
        session.flush()
        actor = Actor(account.id, username, role)
    return Context(system.sessions, actor=actor, today=lambda: TODAY)


def _events(ctx: Context, action: str) -> list[str]:
    with ctx.read() as session:
        query = (
            select(AuditEvent.detail).where(AuditEvent.action == action).order_by(AuditEvent.seq)
        )
        return list(session.scalars(query))


def _team_rows(ctx: Context) -> int:
    with ctx.read() as session:
        return len(session.scalars(select(Participant.id)).all())


@pytest.fixture
def clinic(db: Database) -> dict[str, Context]:
    system = Context(db.sessions, today=lambda: TODAY)
    return {
        "system": system,
        "kari": _account(system, "kari", "Kari Praksis", Role.PRACTITIONER),
        "lars": _account(system, "lars", "Lars Leder", Role.TEAM_LEAD),
        "sindre": _account(system, "sberg", "Sindre Berg", Role.PEER_WORKER),
        "gone": _account(system, "gone", "Gunn Borte", Role.PEER_WORKER, active=False),
        "tone": _account(system, "tone", "Tone Admin", Role.ADMIN),
    }


def _ola(kari: Context) -> uuid.UUID:
    person = people.create_person(kari, "Ola Nordmann")
    plan = plans.get_open_plan(kari, person.id)
    assert plan is not None
    plans.update_plan(kari, plan.id, None, peer_consent_granted_on=date(2026, 1, 1))
    return plan.id


def test_the_accounts_to_choose_from_fit_the_member_and_carry_no_secrets(
    clinic: dict[str, Context],
) -> None:
    every = linking.clinic_accounts(clinic["kari"])
    assert [(a.username, a.display_name, a.role, a.active) for a in every] == [
        ("gone", "Gunn Borte", Role.PEER_WORKER, False),
        ("kari", "Kari Praksis", Role.PRACTITIONER, True),
        ("lars", "Lars Leder", Role.TEAM_LEAD, True),
        ("sberg", "Sindre Berg", Role.PEER_WORKER, True),
        ("tone", "Tone Admin", Role.ADMIN, True),
    ]
    assert set(vars(every[0])) == {"id", "username", "display_name", "role", "active"}
    names = {
        role: [a.username for a in linking.linkable_accounts(every, role)]
        for role in ParticipantRole
    }
    assert names == {
        ParticipantRole.PERSON: [],
        ParticipantRole.COORDINATOR: ["kari", "lars"],
        ParticipantRole.PRACTITIONER: ["kari", "lars"],
        ParticipantRole.PEER: ["sberg"],
        ParticipantRole.NETWORK: [],
        ParticipantRole.SERVICE: [],
    }
    assert linking.find_account(clinic["kari"], " SBerg ").display_name == "Sindre Berg"
    with pytest.raises(NotFound, match="There is no account called nobody"):
        linking.find_account(clinic["kari"], "nobody")


def test_a_peer_linked_to_a_peer_workers_account_puts_them_on_the_team_and_is_audited(
    clinic: dict[str, Context],
) -> None:
    kari, sindre = clinic["kari"], clinic["sindre"]
    plan_id = _ola(kari)
    assert list_people(sindre) == []
    member = team.add_participant(
        kari, plan_id, ParticipantRole.PEER, "Sindre", account_id=sindre.actor.account_id,
        consent_scope=ConsentScope.OWN_PART, consent_granted_on=date(2026, 1, 1),
    )  # fmt: skip
    assert member.account_id == sindre.actor.account_id
    assert [p.full_name for p in list_people(sindre)] == ["Ola Nordmann"]
    assert _events(kari, audit.Action.ACCOUNT_LINKED) == ["account: sberg"]
    unlinked = team.update_participant(kari, member.id, member.version, account_id=None)
    assert unlinked.account_id is None
    assert list_people(sindre) == []
    assert _events(kari, audit.Action.ACCOUNT_UNLINKED) == ["account: sberg"]
    # a change that leaves the link as it was records no link event
    linked = team.update_participant(
        kari, unlinked.id, unlinked.version, account_id=sindre.actor.account_id
    )
    team.update_participant(kari, linked.id, linked.version, phone="900 00 000")
    assert _events(kari, audit.Action.ACCOUNT_LINKED) == ["account: sberg", "account: sberg"]


def test_links_that_do_not_fit_are_refused_with_a_sentence_and_write_nothing(
    clinic: dict[str, Context],
) -> None:
    kari = clinic["kari"]
    plan_id = _ola(kari)
    ids = {name: ctx.actor.account_id for name, ctx in clinic.items()}
    before = _team_rows(kari)
    cases = [
        (ParticipantRole.PERSON, "kari", "Only a peer, a practitioner or the coordinator"),
        (ParticipantRole.NETWORK, "sindre", "Only a peer, a practitioner or the coordinator"),
        (ParticipantRole.SERVICE, "lars", "Only a peer, a practitioner or the coordinator"),
        (ParticipantRole.PEER, "kari", "A peer on the team can be linked only to a peer worker"),
        (ParticipantRole.PRACTITIONER, "sindre", "practitioner's or team lead's account"),
        (ParticipantRole.COORDINATOR, "tone", "practitioner's or team lead's account"),
        (ParticipantRole.PEER, "gone", "The account gone is switched off; choose another"),
    ]
    for role, who, sentence in cases:
        with pytest.raises(InvalidInput, match=sentence):
            team.add_participant(kari, plan_id, role, "Someone", account_id=ids[who])
    with pytest.raises(NotFound, match="This account is not in the database"):
        team.add_participant(kari, plan_id, ParticipantRole.PEER, "X", account_id=uuid.uuid4())
    assert _team_rows(kari) == before
    assert _events(kari, audit.Action.ACCOUNT_LINKED) == []
    # the same account twice on one team, and a linked peer made family
    peer = team.add_participant(
        kari, plan_id, ParticipantRole.PEER, "Sindre", account_id=ids["sindre"]
    )
    with pytest.raises(InvalidInput, match="The account sberg is already linked to Sindre"):
        team.add_participant(kari, plan_id, ParticipantRole.PEER, "S. B.", account_id=ids["sindre"])
    with pytest.raises(InvalidInput, match="Only a peer, a practitioner or the coordinator"):
        team.update_participant(kari, peer.id, peer.version, role=ParticipantRole.NETWORK)
    assert team.get_participant(kari, peer.id).role == ParticipantRole.PEER
    # made family and unlinked in one change: allowed
    family = team.update_participant(
        kari, peer.id, peer.version, role=ParticipantRole.NETWORK, account_id=None
    )
    assert (family.role, family.account_id) == (ParticipantRole.NETWORK, None)


def test_only_staff_who_build_teams_read_the_list(clinic: dict[str, Context]) -> None:
    from caseplan.errors import AccessDenied

    for who in ("sindre", "tone"):
        with pytest.raises(AccessDenied):
            linking.clinic_accounts(clinic[who])
    assert linking.clinic_accounts(clinic["lars"])


def test_a_link_meets_the_peer_pay_rule_and_taking_them_off_the_team_is_an_unlink(
    clinic: dict[str, Context],
) -> None:
    kari, sindre = clinic["kari"], clinic["sindre"]
    plan_id = _ola(kari)
    peer = team.add_participant(
        kari, plan_id, ParticipantRole.PEER, "Sindre", peer_engagement="paid"
    )
    assert contributions.paid_is_held(peer)  # no account, not verified: paid time is held
    linked = team.update_participant(
        kari, peer.id, peer.version, account_id=sindre.actor.account_id
    )
    assert not contributions.paid_is_held(linked)
    team.remove_participant(kari, linked.id, linked.version)
    assert _events(kari, audit.Action.ACCOUNT_UNLINKED) == ["account: sberg"]
    assert list_people(sindre) == []
