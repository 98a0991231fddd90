from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from caseplan.errors import Conflict, InvalidInput, NotFound
from caseplan.models import GoalStatus, LifeDomain, ParticipantRole, StepStatus
from caseplan.services.context import Context
from caseplan.services.meetings import reviews
from caseplan.services.people import people
from caseplan.services.plans import goals, plans
from caseplan.services.plans.plans import PlanDetails
from caseplan.services.team import team
from caseplan.storage.database import Database

START = date(2026, 1, 5)


def _plan(db: Database, name: str = "Kari Nordmann") -> tuple[Context, PlanDetails]:
    ctx = Context(db.sessions, today=lambda: START)
    return ctx, plans.open_plan(ctx, people.create_person(ctx, name).id)


def _goal_texts(ctx: Context, plan: PlanDetails) -> list[tuple[str, int]]:
    return [(g.own_words, g.position) for g in goals.list_goals(ctx, plan.id)]


def test_add_update_and_close_a_goal(db: Database) -> None:
    ctx, plan = _plan(db)
    goal = goals.add_goal(
        ctx,
        plan.id,
        "housing",
        "Jeg vil ha min egen leilighet",
        worker_note="Venteliste i kommunen",
        target_date=date(2026, 6, 1),
        priority=1,
    )
    assert (goal.domain, goal.status, goal.priority, goal.position, goal.steps) == (
        LifeDomain.HOUSING,
        GoalStatus.ACTIVE,
        1,
        0,
        (),
    )
    updated = goals.update_goal(ctx, goal.id, goal.version, own_words="Egen leilighet i byen")
    assert updated.own_words == "Egen leilighet i byen"
    closed = goals.close_goal(ctx, goal.id, updated.version, GoalStatus.ACHIEVED)
    assert closed.status == GoalStatus.ACHIEVED
    assert goals.get_goal(ctx, goal.id) == closed


def test_refused_goal_inputs_say_why_and_write_nothing(db: Database) -> None:
    ctx, plan = _plan(db)
    cases: list[tuple[dict[str, Any], str]] = [
        ({"own_words": " \n\t "}, "Please write the goal in the person's own words."),
        ({"priority": 4}, "Priority must be 1, 2 or 3."),
        ({"priority": 0}, "Priority must be 1, 2 or 3."),
        ({"domain": "hobbies"}, "hobbies is not a known life domain."),
        ({"status": "done"}, "done is not a known goal status."),
    ]
    for change, sentence in cases:
        arguments = {"domain": LifeDomain.LEISURE, "own_words": "Gå på tur", **change}
        with pytest.raises(InvalidInput) as error:
            goals.add_goal(ctx, plan.id, **arguments)
        assert str(error.value) == sentence
    assert goals.list_goals(ctx, plan.id) == []
    goal = goals.add_goal(ctx, plan.id, LifeDomain.LEISURE, "Gå på tur")
    for change, sentence in cases:
        with pytest.raises(InvalidInput) as error:
            goals.update_goal(ctx, goal.id, goal.version, worker_note="x", **change)
        assert str(error.value) == sentence
    assert goals.get_goal(ctx, goal.id) == goal


def test_goals_reorder_move_and_delete_keep_positions_dense(db: Database) -> None:
    ctx, plan = _plan(db)
    a, b, c = (goals.add_goal(ctx, plan.id, LifeDomain.OTHER, text) for text in "ABC")
    assert [g.own_words for g in goals.move_goal(ctx, c.id, -1)] == ["A", "C", "B"]
    assert [g.own_words for g in goals.move_goal(ctx, a.id, -1)] == ["A", "C", "B"]
    assert [g.own_words for g in goals.reorder_goals(ctx, plan.id, [b.id, a.id, c.id])] == [
        "B",
        "A",
        "C",
    ]
    with pytest.raises(InvalidInput, match="every item exactly once"):
        goals.reorder_goals(ctx, plan.id, [b.id, b.id, c.id])
    goals.delete_goal(ctx, a.id, None)
    assert _goal_texts(ctx, plan) == [("B", 0), ("C", 1)]
    # Moving is not an edit of the words: a version read before still counts.
    assert goals.update_goal(ctx, b.id, b.version, own_words="B2").own_words == "B2"


def test_a_rated_goal_is_closed_not_deleted(db: Database) -> None:
    ctx, plan = _plan(db)
    me = team.add_participant(ctx, plan.id, ParticipantRole.PERSON, "Kari")
    goal = goals.add_goal(ctx, plan.id, LifeDomain.OTHER, "Trene")
    reviews.add_review(ctx, plan.id, START, ratings=[(goal.id, me.id, 7)])
    with pytest.raises(InvalidInput) as error:
        goals.delete_goal(ctx, goal.id, goal.version)
    assert str(error.value) == (
        "This goal has been rated in a review; close it instead of deleting it."
    )
    assert goals.get_goal(ctx, goal.id) == goal


def test_stale_versions_are_conflicts(db: Database) -> None:
    ctx, plan = _plan(db)
    goal = goals.add_goal(ctx, plan.id, LifeDomain.OTHER, "Trene")
    step = goals.add_step(ctx, goal.id, "Kjøpe sko")
    goals.update_goal(ctx, goal.id, goal.version, priority=3)
    goals.update_step(ctx, step.id, step.version, status=StepStatus.DONE)
    with pytest.raises(Conflict, match="changed this goal"):
        goals.update_goal(ctx, goal.id, goal.version, priority=1)
    with pytest.raises(Conflict, match="changed this goal"):
        goals.delete_goal(ctx, goal.id, goal.version)
    with pytest.raises(Conflict) as error:
        goals.update_step(ctx, step.id, step.version, action="Noe annet")
    assert str(error.value) == "Someone else changed this step in the meantime; please look again."
    with pytest.raises(Conflict):
        goals.delete_step(ctx, step.id, step.version)
    saved = goals.get_goal(ctx, goal.id)
    assert (saved.priority, saved.steps[0].action) == (3, "Kjøpe sko")


def test_steps_with_responsible_and_due(db: Database) -> None:
    ctx, plan = _plan(db)
    nav = team.add_participant(ctx, plan.id, ParticipantRole.SERVICE, "NAV")
    goal = goals.add_goal(ctx, plan.id, LifeDomain.INCOME_AND_FINANCES, "Ordne økonomien")
    step = goals.add_step(
        ctx,
        goal.id,
        "Søke om gjeldsrådgivning",
        responsible_id=nav.id,
        due=START,
        worker_note="Ring fredag",
    )
    assert (step.responsible_id, step.due, step.status, step.position) == (
        nav.id,
        START,
        StepStatus.PLANNED,
        0,
    )
    updated = goals.update_step(ctx, step.id, step.version, status="in_progress", due=None)
    assert (updated.status, updated.due) == (StepStatus.IN_PROGRESS, None)
    assert goals.get_goal(ctx, goal.id).steps == (updated,)


def test_refused_step_inputs_say_why_and_write_nothing(db: Database) -> None:
    ctx, plan = _plan(db)
    _, other = _plan(db, "Ola Nordmann")
    stranger = team.add_participant(ctx, other.id, ParticipantRole.SERVICE, "Per Hansen")
    goal = goals.add_goal(ctx, plan.id, LifeDomain.OTHER, "Trene")
    cases: list[tuple[dict[str, Any], str]] = [
        ({"action": "  "}, "Please write what the step is."),
        ({"responsible_id": stranger.id}, "Per Hansen is not on this person's team."),
        ({"due": date(2026, 1, 4)}, "A step cannot be due before the plan starts (2026-01-05)."),
        ({"status": "maybe"}, "maybe is not a known step status."),
    ]
    for change, sentence in cases:
        arguments = {"action": "Gå en tur", **change}
        with pytest.raises(InvalidInput) as error:
            goals.add_step(ctx, goal.id, **arguments)
        assert str(error.value) == sentence
    assert goals.get_goal(ctx, goal.id).steps == ()
    step = goals.add_step(ctx, goal.id, "Gå en tur")
    for change, sentence in cases:
        with pytest.raises(InvalidInput) as error:
            goals.update_step(ctx, step.id, step.version, worker_note="x", **change)
        assert str(error.value) == sentence
    assert goals.get_step(ctx, step.id) == step


def test_steps_move_and_delete_keep_positions_dense(db: Database) -> None:
    ctx, plan = _plan(db)
    goal = goals.add_goal(ctx, plan.id, LifeDomain.OTHER, "Trene")
    a, b, c = (goals.add_step(ctx, goal.id, text) for text in "ABC")
    assert [s.action for s in goals.move_step(ctx, a.id, 1)] == ["B", "A", "C"]
    assert [s.action for s in goals.move_step(ctx, c.id, 5)] == ["B", "A", "C"]
    assert [s.action for s in goals.move_step(ctx, c.id, -2)] == ["C", "B", "A"]
    goals.delete_step(ctx, b.id, b.version)
    assert [(s.action, s.position) for s in goals.get_goal(ctx, goal.id).steps] == [
        ("C", 0),
        ("A", 1),
    ]
    with pytest.raises(NotFound) as error:
        goals.delete_step(ctx, b.id, None)
    assert str(error.value) == "This step is not in the database."
