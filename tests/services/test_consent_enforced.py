"""Consent, enforced: a peer sees and prints only what the person's consent to them covers.

Ola Nordmann's team: Kari (practitioner, coordinator), Sindre (peer worker, an account) with
consent for "his own part only", and NAV with consent for "the crisis plan only". Ola's
plan has two goals (one with a step of Sindre's and one of NAV's, one with none of his), a
crisis plan, a meeting and an agreed version. All people are fictional.
"""

from __future__ import annotations

import tempfile
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from caseplan.errors import AccessDenied
from caseplan.models import Account, AuditEvent, ConsentScope, LifeDomain, ParticipantRole, Role
from caseplan.reports.printing import PlanOptions, plan_pdf
from caseplan.services.agreement import agreement, versions
from caseplan.services.context import Actor, Context
from caseplan.services.crisis import crisis
from caseplan.services.meetings import meetings
from caseplan.services.people import people
from caseplan.services.plans import goals, plans
from caseplan.services.plans.plan_view import load_plan_view
from caseplan.services.team import team
from caseplan.services.team.consent import ConsentState, consent_state, days_left
from caseplan.storage.database import Database
from tests.reports.pdftools import pdf_text, squeeze

TODAY = date(2026, 4, 2)
OWN_STEP = "Gå på kafé med Ola hver torsdag"
NAV_STEP = "Søke om bostøtte hos NAV"
OTHER_GOAL = "Slutte å røyke før sommeren"
WARNING_SIGN = "Jeg slutter å svare på telefonen"
ABOUT_ME = "Barnebarna mine betyr mest"


@dataclass
class World:
    kari: Context
    sindre: Context
    ola: uuid.UUID
    plan: uuid.UUID
    sindre_member: uuid.UUID
    nav: uuid.UUID


def text_of(data: bytes) -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.pdf"
        path.write_bytes(data)
        return pdf_text(path)


def _account(ctx: Context, username: str, name: str, role: Role) -> Context:
    with ctx.write() as session:
        account = Account(username=username, display_name=name, role=role)
        session.add(account)
        session.flush()
        actor = Actor(account.id, username, role)
    return Context(ctx.sessions, actor=actor, today=lambda: TODAY)


@pytest.fixture
def world(db: Database) -> World:
    system = Context(db.sessions, today=lambda: TODAY)
    kari = _account(system, "kari", "Kari Praksis", Role.PRACTITIONER)
    sindre = _account(system, "sindre", "Sindre Berg", Role.PEER_WORKER)
    person = people.create_person(kari, "Ola Nordmann", what_matters=ABOUT_ME)
    plan = plans.get_open_plan(kari, person.id)
    assert plan is not None  # a practitioner's new person comes with a plan
    plans.update_plan(kari, plan.id, None, peer_consent_granted_on=date(2026, 1, 1))
    me = team.add_participant(kari, plan.id, ParticipantRole.PERSON, "Ola Nordmann")
    peer = team.add_participant(
        kari, plan.id, ParticipantRole.PEER, "Sindre Berg", account_id=sindre.actor.account_id,
        consent_scope=ConsentScope.OWN_PART, consent_granted_on=date(2026, 1, 1),
        consent_expires_on=date(2026, 7, 1),
    )  # fmt: skip
    nav = team.add_participant(
        kari, plan.id, ParticipantRole.SERVICE, "NAV Sentrum",
        consent_scope=ConsentScope.CRISIS_PLAN, consent_granted_on=date(2026, 1, 1),
    )  # fmt: skip
    housing = goals.add_goal(kari, plan.id, LifeDomain.HOUSING, "Et eget sted å bo")
    goals.add_step(kari, housing.id, OWN_STEP, responsible_id=peer.id)
    goals.add_step(kari, housing.id, NAV_STEP, responsible_id=nav.id)
    goals.add_goal(kari, plan.id, LifeDomain.PHYSICAL_HEALTH, OTHER_GOAL)
    crisis.save_crisis_plan(kari, plan.id, None, warning_signs=WARNING_SIGN)
    meetings.add_meeting(kari, plan.id, date(2026, 3, 1), shared_notes="Vi møttes på kontoret")
    version = plans.get_plan(kari, plan.id).version
    agreement.agree_plan(kari, plan.id, version, [me.id], {me.id: "paper"}, {}, date(2026, 3, 1))
    return World(kari, sindre, person.id, plan.id, peer.id, nav.id)


def test_a_peer_with_consent_to_their_own_part_sees_only_that(world: World) -> None:
    view = load_plan_view(world.sindre, world.ola)
    assert view is not None
    assert [(g.own_words, [s.action for s in g.steps]) for g in view.goals] == [
        ("Et eget sted å bo", [OWN_STEP])
    ]
    assert view.crisis_plan is None and view.meetings == () and view.reviews == ()
    assert view.person.what_matters == ""
    names = {p.name for p in view.participants}
    assert {"Ola Nordmann", "Sindre Berg"} <= names and "NAV Sentrum" not in names
    # every other way in says the same
    assert [s.action for g in goals.list_goals(world.sindre, world.plan) for s in g.steps] == [
        OWN_STEP
    ]
    assert crisis.get_crisis_plan(world.sindre, world.plan) is None
    assert meetings.list_meetings(world.sindre, world.plan) == []
    assert agreement.list_versions(world.sindre, world.plan) == []
    (version,) = agreement.list_versions(world.kari, world.plan)
    with pytest.raises(AccessDenied, match="only a part of it"):
        versions.get_version(world.sindre, version.id)
    # the practitioner still sees the whole plan
    whole = load_plan_view(world.kari, world.ola)
    assert whole is not None and len(whole.goals) == 2 and whole.crisis_plan is not None


def test_a_peer_prints_only_their_part(world: World) -> None:
    printed = squeeze(text_of(plan_pdf(world.sindre, world.ola)))
    assert squeeze(OWN_STEP) in printed
    for hidden in (NAV_STEP, OTHER_GOAL, WARNING_SIGN, ABOUT_ME):
        assert squeeze(hidden) not in printed, hidden
    whole = squeeze(text_of(plan_pdf(world.kari, world.ola)))
    for shown in (OWN_STEP, NAV_STEP, OTHER_GOAL, WARNING_SIGN, ABOUT_ME):
        assert squeeze(shown) in whole, shown


def test_a_copy_for_a_team_member_follows_their_consent(world: World) -> None:
    english = PlanOptions(language="en")
    copy = squeeze(text_of(plan_pdf(world.kari, world.ola, english, for_participant=world.nav)))
    assert squeeze(WARNING_SIGN) in copy
    for hidden in (NAV_STEP, OWN_STEP, OTHER_GOAL, ABOUT_ME):
        assert squeeze(hidden) not in copy, hidden
    # what is left out says so; nothing says "not written yet" of what was written
    assert (
        squeeze(
            "A copy for NAV Sentrum. The person has agreed that NAV Sentrum may see the "
            "crisis plan only; the other parts of the plan are not in this copy."
        )
        in copy
    )
    assert copy.count(squeeze("Not in this copy:")) == 3  # about me, goals, peer
    assert squeeze("Not written yet") not in copy and squeeze("No goals written yet") not in copy
    assert squeeze("Copy for NAV Sentrum: the crisis plan only") in copy  # each page's footer
    peer_copy = squeeze(
        text_of(plan_pdf(world.kari, world.ola, english, for_participant=world.sindre_member))
    )
    assert squeeze(OWN_STEP) in peer_copy and squeeze(WARNING_SIGN) not in peer_copy
    assert peer_copy.count(squeeze("Not in this copy:")) == 2  # about me, the crisis plan
    assert squeeze("Copy for Sindre Berg: their own part") in peer_copy
    with world.kari.read() as session:
        last = session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
        assert last is not None and (last.action, last.detail) == (
            "print",
            "shared plan, en, copy for a team member (own_part)",
        )  # a copy is audited as a print, with what it held
    with pytest.raises(AccessDenied, match="only their own part"):  # not the crisis plan via NAV
        plan_pdf(world.sindre, world.ola, english, for_participant=world.nav)
    with world.kari.read() as session:
        last = session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
        assert last is not None and last.action == "refused"  # and the refusal is kept
    member = team.get_participant(world.kari, world.nav)
    team.update_participant(
        world.kari, world.nav, member.version, consent_expires_on=TODAY - timedelta(days=1)
    )
    with pytest.raises(AccessDenied, match=r"^NAV Sentrum has no valid consent"):
        plan_pdf(world.kari, world.ola, for_participant=world.nav)
    with world.kari.read() as session:  # the refusal is kept in the audit trail
        last = session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
        assert last is not None
        assert (last.action, last.entity, last.entity_id) == (
            "refused",
            "print_plan",
            str(world.ola),
        )


def test_when_consent_ends_access_stops_and_it_was_said_two_weeks_before(world: World) -> None:
    member = team.get_participant(world.kari, world.sindre_member)
    ending = TODAY + timedelta(days=14)
    member = team.update_participant(
        world.kari, member.id, member.version, consent_expires_on=ending
    )
    assert consent_state(member, TODAY) is ConsentState.ENDING
    assert days_left(member, TODAY) == 14
    assert consent_state(member, TODAY - timedelta(days=1)) is ConsentState.VALID
    ended = team.update_participant(
        world.kari, member.id, member.version, consent_expires_on=TODAY - timedelta(days=1)
    )
    assert consent_state(ended, TODAY) is ConsentState.ENDED
    with pytest.raises(AccessDenied):
        load_plan_view(world.sindre, world.ola)
    with pytest.raises(AccessDenied):
        plan_pdf(world.sindre, world.ola)
    assert people.list_people(world.sindre) == []
