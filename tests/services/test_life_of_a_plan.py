"""The whole life of a plan: agreed, reviewed, changed, agreed again, reprinted, closed, next.

Everything starts from a person registered as a clinic would, never from demo data.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from caseplan.errors import AccessDenied, InvalidInput, NotFound
from caseplan.models import (
    Account,
    AuditEvent,
    CloseReason,
    ConsentScope,
    GoalDecision,
    GoalStatus,
    LifeDomain,
    ParticipantRole,
    PlanStatus,
    Role,
    StepStatus,
)
from caseplan.services.agreement import agreement, changes, versions
from caseplan.services.context import Actor, Context
from caseplan.services.crisis import crisis
from caseplan.services.meetings import progress, reviews
from caseplan.services.meetings.together import GoalReview, record_review
from caseplan.services.people import people
from caseplan.services.plans import closing, goals, period, plans
from caseplan.services.plans.plan_view import load_plan_view
from caseplan.services.team import team
from caseplan.storage.database import Database
from tests.services.test_agreement import png

START = date(2026, 3, 2)
LATER = date(2026, 6, 2)


class Clinic:
    """Kari (practitioner) has registered Ola and made a plan with two goals."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.day = START
        with db.sessions.begin() as session:
            accounts = {
                name: Account(username=name, display_name=name.title(), role=role)
                for name, role in (
                    ("kari", Role.PRACTITIONER),
                    ("lars", Role.TEAM_LEAD),
                    ("sindre", Role.PEER_WORKER),
                )
            }
            session.add_all(accounts.values())
            session.flush()
            self.actors = {n: Actor(a.id, n, a.role) for n, a in accounts.items()}
        self.ctx = self.as_("kari")
        person = people.create_person(self.ctx, "Ola Nordmann", preferred_name="Ola")
        self.person_id = person.id
        view = load_plan_view(self.ctx, person.id)
        assert view is not None
        self.plan_id = view.plan.id
        self.ola = view.participants[0].id
        self.kari = view.participants[1].id
        self.housing = goals.add_goal(
            self.ctx, self.plan_id, LifeDomain.HOUSING, "Få min egen leilighet."
        )
        self.work = goals.add_goal(
            self.ctx, self.plan_id, LifeDomain.WORK_AND_ACTIVITY, "Komme i arbeidstrening."
        )
        self.step = goals.add_step(
            self.ctx, self.housing.id, "Søke kommunal bolig.", responsible_id=self.kari
        )
        goals.add_step(self.ctx, self.work.id, "Snakke med NAV.", due=date(2026, 4, 1))

    def as_(self, name: str) -> Context:
        return Context(self.db.sessions, actor=self.actors[name], today=lambda: self.day)

    def plan(self) -> plans.PlanDetails:
        return plans.get_plan(self.ctx, self.plan_id)

    def agree(self, on: date) -> agreement.PlanVersionDetails:
        return agreement.agree_plan(
            self.ctx,
            self.plan_id,
            self.plan().version,
            [self.ola, self.kari],
            {self.ola: "signature", self.kari: "paper"},
            {self.ola: png()},
            on,
        )


def test_a_plan_changed_after_agreement_says_so_and_what_changed(db: Database) -> None:
    c = Clinic(db)
    assert changes.agreement_state(c.ctx, c.plan_id).version is None
    first = c.agree(START)
    state = changes.agreement_state(c.ctx, c.plan_id)
    assert (state.version, state.changed, c.plan().status) == (1, False, PlanStatus.AGREED)

    goals.update_goal(c.ctx, c.housing.id, None, own_words="Bo i egen leilighet innen jul.")
    goals.update_step(c.ctx, c.step.id, None, status=StepStatus.DONE)
    goals.update_goal(c.ctx, c.work.id, None, worker_note="Internt: ikke en endring i planen.")
    state = changes.agreement_state(c.ctx, c.plan_id)
    assert c.plan().status == PlanStatus.DRAFT
    assert state.changed and state.version == 1
    assert [(d.kind, d.subject, d.before) for d in state.differences] == [
        ("goal_words", "Bo i egen leilighet innen jul.", "Få min egen leilighet."),
        ("step_done", "Søke kommunal bolig.", ""),
    ]
    # putting it back as it was agreed makes it agreed again: the status never claims more
    goals.update_goal(c.ctx, c.housing.id, None, own_words="Få min egen leilighet.")
    goals.update_step(c.ctx, c.step.id, None, status=StepStatus.PLANNED)
    assert c.plan().status == PlanStatus.AGREED
    assert not changes.agreement_state(c.ctx, c.plan_id).changed

    goals.add_goal(c.ctx, c.plan_id, LifeDomain.SOCIAL_NETWORK, "Treffe søsteren min oftere.")
    team.add_participant(c.ctx, c.plan_id, ParticipantRole.NETWORK, "Siri Nordmann")
    crisis.save_crisis_plan(c.ctx, c.plan_id, None, warning_signs="Jeg sover dårlig.")
    c.ctx_people = people.get_person(c.ctx, c.person_id)
    people.update_person(c.ctx, c.person_id, None, what_matters="Å ha et sted å bo.")
    kinds = [d.kind for d in changes.agreement_state(c.ctx, c.plan_id).differences]
    assert kinds == ["about_me", "goal_added", "member_added", "crisis_plan"]
    second = c.agree(START)
    assert (second.number, c.plan().status) == (2, PlanStatus.AGREED)
    assert [v.number for v in agreement.list_versions(c.ctx, c.plan_id)] == [1, 2]
    assert first.snapshot["goals"][0]["own_words"] == "Få min egen leilighet."


def test_every_kind_of_change_to_the_agreed_plan_is_noticed(db: Database) -> None:
    c = Clinic(db)
    changes_to_try = [
        lambda: goals.move_goal(c.ctx, c.work.id, -1),
        lambda: goals.update_step(c.ctx, c.step.id, None, due=date(2026, 5, 5)),
        lambda: goals.delete_step(c.ctx, c.step.id, None),
        lambda: plans.set_coordinator(c.ctx, c.plan_id, None, c.ola),
        lambda: plans.update_plan(c.ctx, c.plan_id, None, period_end=date(2027, 3, 1)),
        lambda: team.update_participant(c.ctx, c.kari, None, phone="22 22 22 22"),
        lambda: people.update_person(c.ctx, c.person_id, None, strengths="Jeg gir ikke opp."),
    ]
    for number, change in enumerate(changes_to_try, start=1):
        c.agree(START)
        assert c.plan().status == PlanStatus.AGREED
        change()
        state = changes.agreement_state(c.ctx, c.plan_id)
        assert c.plan().status == PlanStatus.DRAFT, number
        assert state.changed and state.version == number, number


def test_a_review_together_is_one_record_that_feeds_the_next_version(db: Database) -> None:
    c = Clinic(db)
    c.agree(START)
    c.day = LATER
    review = record_review(
        c.ctx,
        c.plan_id,
        on=LATER,
        present=[c.kari],
        goals=[
            GoalReview(
                c.housing.id,
                score=7,
                what_helped="At Kari ringte boligkontoret med meg.",
                what_got_in_the_way="Ventelisten.",
                decision=GoalDecision.KEEP,
                others=((c.kari, 6),),
            ),
            GoalReview(c.work.id, score=2, decision=GoalDecision.LET_GO),
        ],
        next_review=date(2026, 9, 2),
    )
    assert review.attendee_ids == (c.ola, c.kari)  # the person rated, so they were there
    assert {(r.goal_id, r.by_participant_id, r.score) for r in review.ratings} == {
        (c.housing.id, c.ola, 7),
        (c.housing.id, c.kari, 6),
        (c.work.id, c.ola, 2),
    }
    assert [r.goal_id for r in review.ratings] == [c.housing.id, c.housing.id, c.work.id]
    notes = review.notes_for(c.housing.id)
    assert notes is not None and notes.what_helped == "At Kari ringte boligkontoret med meg."
    assert review.notes_for(c.work.id).decision is GoalDecision.LET_GO  # type: ignore[union-attr]
    assert goals.get_goal(c.ctx, c.work.id).status is GoalStatus.CLOSED
    assert c.plan().next_review == date(2026, 9, 2)
    state = changes.agreement_state(c.ctx, c.plan_id)
    assert [d.kind for d in state.differences] == ["next_review", "goal_let_go"]
    assert c.plan().status == PlanStatus.DRAFT
    assert [r.id for r in reviews.list_reviews(c.ctx, c.plan_id)] == [review.id]
    with db.sessions() as session:
        trail = session.execute(
            select(AuditEvent.entity, AuditEvent.detail).where(
                AuditEvent.entity_id == str(c.person_id), AuditEvent.entity == "review"
            )
        ).all()
    assert len(trail) == 1 and "what_helped" not in trail[0][1].split(": ")[0]
    assert "Ventelisten" not in trail[0][1]


def test_review_input_is_checked_and_nothing_is_half_written(db: Database) -> None:
    c = Clinic(db)
    bad = [
        dict(on=date(2026, 3, 3), goals=[GoalReview(c.housing.id, score=5)]),  # future
        dict(on=START, goals=[GoalReview(c.housing.id, score=11)]),
        dict(on=START, goals=[GoalReview(c.housing.id, score=5), GoalReview(c.housing.id, 6)]),
        dict(
            on=START,
            goals=[
                GoalReview(c.housing.id, decision=GoalDecision.KEEP),
                GoalReview(c.housing.id, what_helped="To ganger."),
            ],
        ),
        dict(on=START, goals=[GoalReview(c.housing.id, decision="forget")]),  # type: ignore
        dict(on=START, goals=[], next_review=date(2026, 1, 1)),
    ]
    for kwargs in bad:
        kwargs.setdefault("next_review", None)
        with pytest.raises(InvalidInput) as refused:
            record_review(c.ctx, c.plan_id, present=[c.kari], **kwargs)  # type: ignore[arg-type]
        assert str(refused.value).endswith(".")
    assert reviews.list_reviews(c.ctx, c.plan_id) == []
    assert goals.get_goal(c.ctx, c.housing.id).status is GoalStatus.ACTIVE
    with pytest.raises(AccessDenied):
        record_review(c.as_("sindre"), c.plan_id, on=START, present=[], goals=[], next_review=None)


def test_progress_is_one_point_per_review_and_others_apart(db: Database) -> None:
    c = Clinic(db)
    found = progress.goal_progress(c.ctx, c.plan_id)
    assert [g.points for g in found] == [(), ()]
    record_review(
        c.ctx,
        c.plan_id,
        on=START,
        present=[c.kari],
        goals=[GoalReview(c.housing.id, score=4, others=((c.kari, 5),))],
        next_review=None,
    )
    housing = progress.goal_progress(c.ctx, c.plan_id)[0]
    assert housing.points == (progress.Point(START, 4),)
    assert [(o.name, o.score) for o in housing.others] == [("Kari", 5)]
    c.day = LATER
    record_review(
        c.ctx,
        c.plan_id,
        on=LATER,
        present=[],
        goals=[GoalReview(c.housing.id, score=7), GoalReview(c.work.id, score=3)],
        next_review=None,
    )
    housing, work = progress.goal_progress(c.ctx, c.plan_id)
    assert [p.score for p in housing.points] == [4, 7]
    assert housing.latest == progress.Point(LATER, 7)
    assert work.points == (progress.Point(LATER, 3),)


def test_a_version_reprints_as_agreed_after_the_plan_changed(db: Database) -> None:
    c = Clinic(db)
    first = c.agree(START)
    goals.update_goal(c.ctx, c.housing.id, None, own_words="Noe helt annet nå.")
    people.update_person(c.ctx, c.person_id, None, full_name="Ola Nordmann Berg")
    c.agree(START)
    with db.sessions() as session:
        row = versions.load_version(session, first.id)
        document = versions.version_document(session, row)
    plan = document["plans"][0]
    assert plan["goals"][0]["own_words"] == "Få min egen leilighet."
    assert [v["number"] for v in plan["versions"]] == [1]
    assert plan["status"] == "agreed"
    assert document["person"]["full_name"] == "Ola Nordmann"
    assert plan["meetings"][0]["attendees"] == [str(c.ola), str(c.kari)]
    again = versions.get_version(c.ctx, first.id)
    assert again.signatures == {str(c.ola): png()}
    assert "worker_note" not in str(plan)


def test_the_period_can_move_and_says_which_dates_fall_outside(db: Database) -> None:
    c = Clinic(db)
    moved = period.set_period(
        c.ctx,
        c.plan_id,
        c.plan().version,
        period_start=date(2026, 4, 15),
        period_end=date(2026, 12, 31),
        next_review=date(2026, 7, 15),
    )
    assert moved.plan.period_start == date(2026, 4, 15)
    assert [(o.kind, o.words, o.before_start) for o in moved.outside] == [
        ("step", "Snakke med NAV.", True)
    ]
    # the step outside can still be changed in its other fields
    steps = goals.get_goal(c.ctx, c.work.id).steps
    goals.update_step(c.ctx, steps[0].id, None, action="Snakke med NAV om tiltak.")
    with pytest.raises(InvalidInput, match="next review cannot be before the plan starts"):
        period.set_period(
            c.ctx,
            c.plan_id,
            None,
            period_start=date(2026, 4, 15),
            period_end=None,
            next_review=date(2026, 4, 1),
        )
    with pytest.raises(InvalidInput, match="cannot end before it starts"):
        period.set_period(
            c.ctx,
            c.plan_id,
            None,
            period_start=date(2026, 4, 15),
            period_end=date(2026, 4, 1),
            next_review=None,
        )
    assert c.plan().period_end == date(2026, 12, 31)


def test_closing_and_continuing_carries_the_chosen_goals(db: Database) -> None:
    c = Clinic(db)
    team.update_participant(
        c.ctx, c.kari, None, consent_scope=ConsentScope.FULL_PLAN, consent_granted_on=START
    )
    crisis.save_crisis_plan(c.ctx, c.plan_id, None, what_i_do="Ringe søsteren min.")
    record_review(
        c.ctx,
        c.plan_id,
        on=START,
        present=[],
        goals=[GoalReview(c.housing.id, score=3)],
        next_review=None,
    )
    with pytest.raises(AccessDenied, match="may not close"):
        plans.close_plan(c.as_("sindre"), c.plan_id, None, CloseReason.MOVED)
    closed = plans.close_plan(c.ctx, c.plan_id, None, CloseReason.ENDED_FOLLOW_UP)
    assert (closed.status, closed.closed_reason, closed.closed_on) == (
        PlanStatus.CLOSED,
        CloseReason.ENDED_FOLLOW_UP,
        START,
    )
    # Kari was on the last team: she still sees Ola, on her own list too
    assert people.get_person(c.ctx, c.person_id).full_name == "Ola Nordmann"
    assert people.count_people(c.ctx, shown=people.Shown.MINE) == 1
    with pytest.raises(InvalidInput, match="not part of the last plan"):
        closing.start_next_plan(c.ctx, c.person_id, [c.person_id])
    c.day = LATER
    nxt = closing.start_next_plan(c.ctx, c.person_id, [c.housing.id])
    assert (nxt.period_start, nxt.next_review) == (LATER, date(2026, 9, 2))
    with pytest.raises(InvalidInput, match="already has an open plan"):
        closing.start_next_plan(c.ctx, c.person_id, [])
    view = load_plan_view(c.ctx, c.person_id)
    assert view is not None and view.plan.id == nxt.id
    assert [g.own_words for g in view.goals] == ["Få min egen leilighet."]
    assert [s.action for s in view.goals[0].steps] == ["Søke kommunal bolig."]
    assert [p.name for p in view.participants] == ["Ola Nordmann", "Kari"]
    assert view.coordinator is not None and view.coordinator.name == "Kari"
    assert view.goals[0].steps[0].responsible_id == view.coordinator.id
    assert view.crisis_plan is not None and view.crisis_plan.what_i_do == "Ringe søsteren min."
    # the carried goal brings its earlier ratings
    assert [p.score for p in progress.goal_progress(c.ctx, nxt.id)[0].points] == [3]


def test_a_practitioner_loses_sight_once_a_newer_team_goes_on_without_them(db: Database) -> None:
    c = Clinic(db)
    plans.close_plan(c.ctx, c.plan_id, None, CloseReason.MOVED)
    lead = c.as_("lars")
    newer = plans.open_plan(lead, c.person_id)
    # a newer plan with no one from the staff on it yet (being started): Kari still sees Ola
    assert people.count_people(c.ctx) == 1
    team.add_participant(
        lead, newer.id, ParticipantRole.PRACTITIONER, "Lars", account_id=c.actors["lars"].account_id
    )
    assert people.count_people(c.ctx) == 0
    with pytest.raises(AccessDenied):
        people.get_person(c.ctx, c.person_id)


def test_a_plan_started_from_the_screen_is_the_first_or_the_next(db: Database) -> None:
    c = Clinic(db)
    lars = c.as_("lars")
    nobody = people.create_person(lars, "Åse Nilsen")  # a team lead's, with no plan yet
    with pytest.raises(NotFound, match="no earlier plan"):
        closing.start_next_plan(lars, nobody.id)
    with pytest.raises(InvalidInput, match="not part of the last plan"):
        closing.start_plan(lars, nobody.id, [c.housing.id])
    first = closing.start_plan(lars, nobody.id)
    assert (first.period_start, first.next_review) == (START, LATER)
    view = load_plan_view(lars, nobody.id)
    assert view is not None and [p.name for p in view.participants] == ["Åse Nilsen"]
    with pytest.raises(InvalidInput, match="already has an open plan"):
        closing.start_plan(lars, nobody.id)

    plans.close_plan(c.ctx, c.plan_id, None, CloseReason.GOALS_REACHED)
    nxt = closing.start_plan(c.ctx, c.person_id, [c.work.id])
    view = load_plan_view(c.ctx, c.person_id)
    assert view is not None and view.plan.id == nxt.id
    assert [g.own_words for g in view.goals] == ["Komme i arbeidstrening."]
    with db.sessions() as session:
        created = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "create", AuditEvent.entity == "plan")
        ).all()
    assert len(created) == 3  # Ola's first, Åse's, Ola's next
