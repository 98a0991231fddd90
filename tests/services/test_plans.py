from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import func, select

from caseplan.errors import AlreadyExists, Conflict, InvalidInput, NotFound
from caseplan.models import (
    ContributionKind,
    CrisisContact,
    LifeDomain,
    Participant,
    ParticipantRole,
    Plan,
    PlanStatus,
    ReviewRating,
    Step,
    StepStatus,
    meeting_attendees,
)
from caseplan.services.context import Context
from caseplan.services.crisis import crisis
from caseplan.services.meetings import meetings, reviews
from caseplan.services.peers import contributions
from caseplan.services.people import people
from caseplan.services.plans import goals, plans
from caseplan.services.plans.plan_view import load_plan_view
from caseplan.services.team import team
from caseplan.storage.database import Database

START = date(2026, 1, 5)


def _ctx(db: Database) -> Context:
    return Context(db.sessions, today=lambda: START)


def test_a_plan_opens_as_a_draft_starting_today(db: Database) -> None:
    ctx = _ctx(db)
    person = people.create_person(ctx, "Kari Nordmann")
    assert plans.get_open_plan(ctx, person.id) is None
    plan = plans.open_plan(ctx, person.id, period_end=date(2026, 12, 31))
    assert plan.status == PlanStatus.DRAFT
    assert (plan.period_start, plan.period_end) == (START, date(2026, 12, 31))
    assert plans.get_open_plan(ctx, person.id) == plan


def test_only_one_open_plan_per_person_and_closed_plans_are_kept(db: Database) -> None:
    ctx = _ctx(db)
    person = people.create_person(ctx, "Kari Nordmann")
    first = plans.open_plan(ctx, person.id)
    with pytest.raises(AlreadyExists) as error:
        plans.open_plan(ctx, person.id)
    assert str(error.value) == (
        "This person already has an open plan; close it before opening a new one."
    )
    closed = plans.close_plan(ctx, first.id, first.version)
    assert closed.status == PlanStatus.CLOSED
    assert plans.get_open_plan(ctx, person.id) is None
    second = plans.open_plan(ctx, person.id, period_start=date(2026, 6, 1))
    assert [p.id for p in plans.list_plans(ctx, person.id)] == [second.id, first.id]
    with pytest.raises(AlreadyExists):
        plans.update_plan(ctx, first.id, closed.version, status=PlanStatus.AGREED)
    assert plans.get_plan(ctx, first.id).status == PlanStatus.CLOSED


def test_period_end_before_start_is_refused_and_nothing_changes(db: Database) -> None:
    ctx = _ctx(db)
    person = people.create_person(ctx, "Kari Nordmann")
    with pytest.raises(InvalidInput) as error:
        plans.open_plan(ctx, person.id, period_start=START, period_end=date(2025, 12, 31))
    assert str(error.value) == "The plan period cannot end before it starts."
    assert plans.list_plans(ctx, person.id) == []
    plan = plans.open_plan(ctx, person.id)
    with pytest.raises(InvalidInput, match="cannot end before it starts"):
        plans.update_plan(
            ctx, plan.id, plan.version, next_review=date(2026, 3, 1), period_end=date(2025, 1, 1)
        )
    assert plans.get_plan(ctx, plan.id) == plan


def test_update_plan_changes_dates_and_status(db: Database) -> None:
    ctx = _ctx(db)
    plan = plans.open_plan(ctx, people.create_person(ctx, "Ola").id)
    updated = plans.update_plan(
        ctx,
        plan.id,
        plan.version,
        period_end=date(2026, 7, 1),
        next_review=date(2026, 3, 1),
        status="agreed",
    )
    assert (updated.period_end, updated.next_review, updated.status) == (
        date(2026, 7, 1),
        date(2026, 3, 1),
        PlanStatus.AGREED,
    )
    with pytest.raises(InvalidInput) as error:
        plans.update_plan(ctx, plan.id, updated.version, status="finished")
    assert str(error.value) == "finished is not a known plan status."


def test_a_stale_version_is_a_conflict(db: Database) -> None:
    ctx = _ctx(db)
    plan = plans.open_plan(ctx, people.create_person(ctx, "Ola").id)
    plans.update_plan(ctx, plan.id, plan.version, next_review=date(2026, 2, 1))
    with pytest.raises(Conflict) as error:
        plans.update_plan(ctx, plan.id, plan.version, next_review=date(2026, 4, 1))
    assert str(error.value) == "Someone else changed this plan in the meantime; please look again."
    with pytest.raises(Conflict):
        plans.close_plan(ctx, plan.id, plan.version)
    assert plans.get_plan(ctx, plan.id).next_review == date(2026, 2, 1)


def test_the_coordinator_must_be_on_this_plans_team(db: Database) -> None:
    ctx = _ctx(db)
    plan = plans.open_plan(ctx, people.create_person(ctx, "Kari").id)
    other = plans.open_plan(ctx, people.create_person(ctx, "Ola").id)
    stranger = team.add_participant(ctx, other.id, ParticipantRole.PRACTITIONER, "Per Hansen")
    with pytest.raises(InvalidInput) as error:
        plans.set_coordinator(ctx, plan.id, plan.version, stranger.id)
    assert str(error.value) == "Per Hansen is not on this person's team."
    assert plans.get_plan(ctx, plan.id).coordinator_id is None
    anne = team.add_participant(ctx, plan.id, ParticipantRole.COORDINATOR, "Anne Ås")
    updated = plans.set_coordinator(ctx, plan.id, plan.version, anne.id)
    assert updated.coordinator_id == anne.id
    cleared = plans.set_coordinator(ctx, plan.id, updated.version, None)
    assert cleared.coordinator_id is None


def test_unknown_person_or_plan_is_a_sentence(db: Database) -> None:
    ctx = _ctx(db)
    with pytest.raises(NotFound) as error:
        plans.open_plan(ctx, uuid.uuid4())
    assert str(error.value) == "This person is not in the database."
    with pytest.raises(NotFound) as error:
        plans.get_plan(ctx, uuid.uuid4())
    assert str(error.value) == "This plan is not in the database."


def test_deleting_a_person_with_a_full_plan_removes_everything(db: Database) -> None:
    """The circular plans.coordinator_id -> participants key must not block the delete."""
    ctx = _ctx(db)
    person = people.create_person(ctx, "Kari Nordmann")
    keep = people.create_person(ctx, "Ola Nordmann")
    kept_plan = plans.open_plan(ctx, keep.id)
    team.add_participant(ctx, kept_plan.id, ParticipantRole.PERSON, "Ola Nordmann")
    plan = plans.open_plan(ctx, person.id)
    plan = plans.update_plan(ctx, plan.id, None, peer_consent_granted_on=ctx.today())
    me = team.add_participant(ctx, plan.id, ParticipantRole.PERSON, "Kari Nordmann")
    coordinator = team.add_participant(ctx, plan.id, ParticipantRole.COORDINATOR, "Anne Ås")
    peer = team.add_participant(ctx, plan.id, ParticipantRole.PEER, "Máret Sara")
    plan = plans.set_coordinator(ctx, plan.id, plan.version, coordinator.id)
    goal = goals.add_goal(ctx, plan.id, LifeDomain.HOUSING, "Egen leilighet", worker_note="x")
    goals.add_step(ctx, goal.id, "Søke bolig", responsible_id=coordinator.id)
    goals.add_step(ctx, goal.id, "Besøke", responsible_id=peer.id)
    contributions.add_contribution(ctx, plan.id, peer.id, START, 60, ContributionKind.MEETING)
    meetings.add_meeting(ctx, plan.id, START, attendee_ids=[me.id, coordinator.id, peer.id])
    reviews.add_review(
        ctx, plan.id, START, ratings=[(goal.id, me.id, 4), (goal.id, coordinator.id, 5)]
    )
    crisis.save_crisis_plan(
        ctx,
        plan.id,
        None,
        warning_signs="Søvnløs",
        contacts=[crisis.CrisisContactInput("Legevakt")],
    )
    people.delete_person(ctx, person.id, person.version)

    with pytest.raises(NotFound):
        people.get_person(ctx, person.id)
    with db.sessions() as session:
        counts = [
            session.execute(select(func.count()).select_from(table)).scalar_one()
            for table in (Plan, Participant, Step, ReviewRating, CrisisContact, meeting_attendees)
        ]
    assert counts == [1, 1, 0, 0, 0, 0]
    assert plans.get_open_plan(ctx, keep.id) == kept_plan


def _full_plan(ctx: Context) -> tuple[uuid.UUID, uuid.UUID]:
    person = people.create_person(ctx, "Kari Nordmann", preferred_name="Kari")
    plan = plans.open_plan(ctx, person.id)
    plan = plans.update_plan(ctx, plan.id, None, peer_consent_granted_on=ctx.today())
    me = team.add_participant(ctx, plan.id, ParticipantRole.PERSON, "Kari Nordmann")
    anne = team.add_participant(ctx, plan.id, ParticipantRole.COORDINATOR, "Anne Ås")
    peer = team.add_participant(ctx, plan.id, ParticipantRole.PEER, "Máret Sara")
    plans.set_coordinator(ctx, plan.id, plan.version, anne.id)
    goal = goals.add_goal(
        ctx, plan.id, LifeDomain.HOUSING, "Egen leilighet", worker_note="GOAL-NOTE"
    )
    goals.add_step(ctx, goal.id, "Søke bolig", responsible_id=anne.id, worker_note="STEP-NOTE")
    goals.add_goal(ctx, plan.id, LifeDomain.LEISURE, "Fjelltur")
    contributions.add_contribution(ctx, plan.id, peer.id, START, 60, "meeting", "Kaffe")
    meetings.add_meeting(
        ctx, plan.id, START, attendee_ids=[me.id], shared_notes="Enige", worker_note="MEETING-NOTE"
    )
    reviews.add_review(ctx, plan.id, START, ratings=[(goal.id, me.id, 6)])
    crisis.save_crisis_plan(
        ctx, plan.id, None, what_i_do="Ringer", contacts=[crisis.CrisisContactInput("Legevakt")]
    )
    return person.id, plan.id


def test_the_plan_view_holds_the_whole_plan_in_order(db: Database) -> None:
    ctx = _ctx(db)
    person_id, plan_id = _full_plan(ctx)
    view = load_plan_view(ctx, person_id, include_worker_notes=True)
    assert view is not None
    assert (view.person.preferred_name, view.plan.id) == ("Kari", plan_id)
    assert [p.name for p in view.participants] == ["Kari Nordmann", "Anne Ås", "Máret Sara"]
    assert view.coordinator is not None and view.coordinator.name == "Anne Ås"
    assert [g.own_words for g in view.goals] == ["Egen leilighet", "Fjelltur"]
    step = view.goals[0].steps[0]
    assert (step.action, view.participant(step.responsible_id)) == ("Søke bolig", view.coordinator)
    assert [c.note for c in view.contributions] == ["Kaffe"]
    assert [m.shared_notes for m in view.meetings] == ["Enige"]
    assert [r.score for r in view.reviews[0].ratings] == [6]
    assert view.crisis_plan is not None
    assert [c.name for c in view.crisis_plan.contacts] == ["Legevakt"]
    assert (view.goals[0].worker_note, step.worker_note, view.meetings[0].worker_note) == (
        "GOAL-NOTE",
        "STEP-NOTE",
        "MEETING-NOTE",
    )


def test_the_shared_plan_view_never_carries_worker_notes(db: Database) -> None:
    ctx = _ctx(db)
    person_id, _ = _full_plan(ctx)
    view = load_plan_view(ctx, person_id)
    assert view is not None and not view.include_worker_notes
    assert "NOTE" not in repr(view)
    assert view.goals[0].own_words == "Egen leilighet"
    assert view.meetings[0].shared_notes == "Enige"


def test_no_open_plan_gives_no_view_but_an_old_plan_can_be_asked_for(db: Database) -> None:
    ctx = _ctx(db)
    person_id, plan_id = _full_plan(ctx)
    plans.close_plan(ctx, plan_id, None)
    assert load_plan_view(ctx, person_id) is None
    old = load_plan_view(ctx, person_id, plan_id=plan_id)
    assert old is not None and old.plan.status == PlanStatus.CLOSED
    with pytest.raises(NotFound, match=r"This person is not in the database\."):
        load_plan_view(ctx, uuid.uuid4())


def test_a_closed_plans_goals_and_steps_are_kept_as_they_were(db: Database) -> None:
    ctx = _ctx(db)
    person = people.create_person(ctx, "Kari Nordmann")
    plan = plans.open_plan(ctx, person.id)
    goal = goals.add_goal(ctx, plan.id, LifeDomain.HOUSING, "Egen leilighet.")
    other = goals.add_goal(ctx, plan.id, LifeDomain.PHYSICAL_HEALTH, "Sove bedre.")
    step = goals.add_step(ctx, goal.id, "Ringe boligkontoret.")
    later = goals.add_step(ctx, goal.id, "Se på leiligheten.")
    plans.close_plan(ctx, plan.id, None)
    closed = "This plan is closed; its goals and steps are kept as they were."
    attempts = {
        "add a goal": lambda: goals.add_goal(ctx, plan.id, LifeDomain.WORK_AND_ACTIVITY, "Jobb."),
        "change a goal": lambda: goals.update_goal(ctx, goal.id, None, own_words="Noe annet."),
        "close a goal": lambda: goals.close_goal(ctx, goal.id, None),
        "move a goal": lambda: goals.move_goal(ctx, other.id, -1),
        "delete a goal": lambda: goals.delete_goal(ctx, other.id, None),
        "add a step": lambda: goals.add_step(ctx, goal.id, "Noe mer."),
        "change a step": lambda: goals.update_step(ctx, step.id, None, status=StepStatus.DONE),
        "move a step": lambda: goals.move_step(ctx, later.id, -1),
        "delete a step": lambda: goals.delete_step(ctx, step.id, None),
    }
    for what, attempt in attempts.items():
        with pytest.raises(InvalidInput) as error:
            attempt()
        assert str(error.value) == closed, what
    kept = goals.list_goals(ctx, plan.id)
    assert [(g.own_words, [s.action for s in g.steps]) for g in kept] == [
        ("Egen leilighet.", ["Ringe boligkontoret.", "Se på leiligheten."]),
        ("Sove bedre.", []),
    ]
    assert [s.status for s in kept[0].steps] == [StepStatus.PLANNED, StepStatus.PLANNED]
