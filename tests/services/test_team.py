from __future__ import annotations

import uuid
from datetime import date

import pytest

from caseplan.errors import Conflict, InvalidInput, NotFound
from caseplan.models import (
    ConsentScope,
    ContributionKind,
    LifeDomain,
    ParticipantRole,
)
from caseplan.services.context import Context
from caseplan.services.meetings import meetings, reviews
from caseplan.services.peers import contributions
from caseplan.services.people import people
from caseplan.services.plans import goals, plans
from caseplan.services.plans.plans import PlanDetails
from caseplan.services.team import team
from caseplan.storage.database import Database

START = date(2026, 1, 5)


def _plan(db: Database) -> tuple[Context, PlanDetails]:
    ctx = Context(db.sessions, today=lambda: START)
    plan = plans.open_plan(ctx, people.create_person(ctx, "Kari Nordmann").id)
    return ctx, plans.update_plan(ctx, plan.id, None, peer_consent_granted_on=START)


def _names(ctx: Context, plan: PlanDetails) -> list[str]:
    return [p.name for p in team.list_participants(ctx, plan.id)]


def test_add_and_update_a_team_member_with_consent(db: Database) -> None:
    ctx, plan = _plan(db)
    gp = team.add_participant(
        ctx,
        plan.id,
        "service",
        "Dr. Ødegård",
        organisation="Legekontoret",
        phone="+47 22 00 00 00",
        email="lege@example.org",
        consent_granted_on=START,
        consent_expires_on=date(2027, 1, 5),
        consent_scope=ConsentScope.OWN_PART,
    )
    assert (gp.role, gp.name, gp.consent_scope, gp.position) == (
        ParticipantRole.SERVICE,
        "Dr. Ødegård",
        ConsentScope.OWN_PART,
        0,
    )
    updated = team.update_participant(ctx, gp.id, gp.version, phone="91 23 45 67")
    assert updated.phone == "91 23 45 67"
    assert updated.version > gp.version
    assert team.get_participant(ctx, gp.id) == updated


def test_refused_team_member_inputs_say_why_and_write_nothing(db: Database) -> None:
    ctx, plan = _plan(db)
    with pytest.raises(InvalidInput) as error:
        team.add_participant(ctx, plan.id, ParticipantRole.NETWORK, "   ")
    assert str(error.value) == "Please write the team member's name."
    with pytest.raises(InvalidInput) as error:
        team.add_participant(ctx, plan.id, "friend", "Per")
    assert str(error.value) == "friend is not a known team role."
    with pytest.raises(InvalidInput) as error:
        team.add_participant(
            ctx,
            plan.id,
            ParticipantRole.NETWORK,
            "Per",
            consent_granted_on=START,
            consent_expires_on=date(2025, 1, 1),
        )
    assert str(error.value) == "Consent cannot expire before it was given."
    assert team.list_participants(ctx, plan.id) == []
    per = team.add_participant(
        ctx, plan.id, ParticipantRole.NETWORK, "Per", consent_granted_on=START
    )
    with pytest.raises(InvalidInput, match="Consent cannot expire"):
        team.update_participant(
            ctx, per.id, per.version, name="Per Olsen", consent_expires_on=date(2025, 1, 1)
        )
    assert team.get_participant(ctx, per.id) == per


def test_a_stale_version_is_a_conflict(db: Database) -> None:
    ctx, plan = _plan(db)
    per = team.add_participant(ctx, plan.id, ParticipantRole.NETWORK, "Per")
    team.update_participant(ctx, per.id, per.version, phone="1")
    with pytest.raises(Conflict) as error:
        team.update_participant(ctx, per.id, per.version, phone="2")
    assert str(error.value) == (
        "Someone else changed this team member in the meantime; please look again."
    )
    with pytest.raises(Conflict):
        team.remove_participant(ctx, per.id, per.version)
    assert team.get_participant(ctx, per.id).phone == "1"


def test_removing_keeps_positions_dense_and_reorder_takes_every_member(db: Database) -> None:
    ctx, plan = _plan(db)
    a, b, c = (team.add_participant(ctx, plan.id, ParticipantRole.NETWORK, name) for name in "ABC")
    team.remove_participant(ctx, b.id, b.version)
    assert [(p.name, p.position) for p in team.list_participants(ctx, plan.id)] == [
        ("A", 0),
        ("C", 1),
    ]
    assert [p.name for p in team.reorder_participants(ctx, plan.id, [c.id, a.id])] == ["C", "A"]
    with pytest.raises(InvalidInput) as error:
        team.reorder_participants(ctx, plan.id, [c.id])
    assert str(error.value) == "The new order must list every item exactly once."
    assert _names(ctx, plan) == ["C", "A"]
    with pytest.raises(NotFound) as missing:
        team.remove_participant(ctx, b.id, None)
    assert str(missing.value) == "This team member is not in the database."


def test_the_coordinator_cannot_be_removed(db: Database) -> None:
    ctx, plan = _plan(db)
    anne = team.add_participant(ctx, plan.id, ParticipantRole.COORDINATOR, "Anne Ås")
    plans.set_coordinator(ctx, plan.id, plan.version, anne.id)
    with pytest.raises(InvalidInput) as error:
        team.remove_participant(ctx, anne.id, anne.version)
    assert str(error.value) == "Anne Ås is the coordinator; choose another coordinator first."
    assert _names(ctx, plan) == ["Anne Ås"]


def test_members_the_record_depends_on_cannot_be_removed(db: Database) -> None:
    ctx, plan = _plan(db)
    me = team.add_participant(ctx, plan.id, ParticipantRole.PERSON, "Kari Nordmann")
    nav = team.add_participant(ctx, plan.id, ParticipantRole.SERVICE, "NAV-veileder")
    peer = team.add_participant(ctx, plan.id, ParticipantRole.PEER, "Máret Sara")
    sister = team.add_participant(ctx, plan.id, ParticipantRole.NETWORK, "Søster")
    goal = goals.add_goal(ctx, plan.id, LifeDomain.INCOME_AND_FINANCES, "Betale regninger")
    goals.add_step(ctx, goal.id, "Avtale møte", responsible_id=nav.id)
    contributions.add_contribution(
        ctx, plan.id, peer.id, START, 30, ContributionKind.PHONE_OR_MESSAGE
    )
    reviews.add_review(ctx, plan.id, START, ratings=[(goal.id, me.id, 6)])
    meetings.add_meeting(ctx, plan.id, START, attendee_ids=[sister.id])

    expected = {
        nav: "NAV-veileder is responsible for steps in the plan; give them to someone else first.",
        peer: "Máret Sara has recorded peer contributions; they cannot be removed from the team.",
        me: "Kari Nordmann has rated goals in a review, which is kept; they cannot be removed.",
        sister: "Søster attended meetings, which are kept; they cannot be removed.",
    }
    for member, sentence in expected.items():
        with pytest.raises(InvalidInput) as error:
            team.remove_participant(ctx, member.id, member.version)
        assert str(error.value) == sentence
    assert len(team.list_participants(ctx, plan.id)) == 4


def test_a_peer_with_contributions_stays_a_peer(db: Database) -> None:
    ctx, plan = _plan(db)
    peer = team.add_participant(ctx, plan.id, ParticipantRole.PEER, "Máret Sara")
    contributions.add_contribution(ctx, plan.id, peer.id, START, 30, ContributionKind.GROUP)
    with pytest.raises(InvalidInput) as error:
        team.update_participant(ctx, peer.id, peer.version, role=ParticipantRole.NETWORK)
    assert str(error.value) == (
        "Máret Sara has recorded peer contributions, so their role must stay peer."
    )
    assert team.get_participant(ctx, peer.id).role == ParticipantRole.PEER


def test_unknown_plan_is_a_sentence(db: Database) -> None:
    ctx, _ = _plan(db)
    with pytest.raises(NotFound, match=r"This plan is not in the database\."):
        team.add_participant(ctx, uuid.uuid4(), ParticipantRole.PEER, "Per")
