"""Typed update inputs: mypy checks the callers it can see; the rest are refused at run time.

Each service names what may change in a TypedDict (``GoalChanges``…), which is what mypy
checks the UI's calls against; the same names are the run-time list that refuses a field
nobody knows, for callers mypy cannot see (a name chosen at run time, a script).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from caseplan.models import LifeDomain, ParticipantRole
from caseplan.services.context import Context
from caseplan.services.crisis import crisis
from caseplan.services.meetings import meetings, reviews
from caseplan.services.peers import contributions
from caseplan.services.people import people
from caseplan.services.plans import goals, plans
from caseplan.services.security import audit, trail
from caseplan.services.team import team
from caseplan.storage.database import Database

TYPED: list[tuple[Any, tuple[str, ...]]] = [
    (people.PersonChanges, people.EDITABLE),
    (plans.PlanChanges, plans.EDITABLE),
    (team.ParticipantChanges, team.EDITABLE),
    (goals.GoalChanges, goals.GOAL_EDITABLE),
    (goals.StepChanges, goals.STEP_EDITABLE),
    (meetings.MeetingChanges, meetings.MEETING_EDITABLE),
    (reviews.ReviewChanges, reviews.REVIEW_EDITABLE),
    (contributions.ContributionChanges, contributions.CONTRIBUTION_EDITABLE),
    (crisis.CrisisTexts, crisis.TEXT_FIELDS),
]


@pytest.mark.parametrize(("typed", "editable"), TYPED, ids=lambda v: getattr(v, "__name__", ""))
def test_the_typed_changes_are_the_fields_the_service_accepts(
    typed: Any, editable: tuple[str, ...]
) -> None:
    assert set(typed.__annotations__) == set(editable)
    assert typed.__required_keys__ == frozenset()  # every change is optional


def test_an_unknown_field_is_refused_at_run_time_and_nothing_changes(db: Database) -> None:
    ctx = Context(db.sessions)
    person = people.create_person(ctx, "Kari Nordmann")
    plan = plans.open_plan(ctx, person.id, period_start=date(2026, 1, 1))
    member = team.add_participant(ctx, plan.id, ParticipantRole.COORDINATOR, "Ola")
    goal = goals.add_goal(ctx, plan.id, LifeDomain.HOUSING, "Eget sted å bo")
    step = goals.add_step(ctx, goal.id, "Søke bolig")
    meeting = meetings.add_meeting(ctx, plan.id, date(2026, 1, 5))
    review = reviews.add_review(ctx, plan.id, date(2026, 2, 5))
    saved = crisis.save_crisis_plan(ctx, plan.id, None, warning_signs="Sover dårlig")
    # What a script or a name chosen at run time could send: mypy never sees these.
    wrong: dict[str, Any] = {"own_wrods": "Eget sted"}
    calls = [
        lambda: people.update_person(ctx, person.id, person.version, **wrong),
        lambda: plans.update_plan(ctx, plan.id, plan.version, **wrong),
        lambda: team.update_participant(ctx, member.id, member.version, **wrong),
        lambda: goals.update_goal(ctx, goal.id, goal.version, **wrong),
        lambda: goals.update_step(ctx, step.id, step.version, **wrong),
        lambda: meetings.update_meeting(ctx, meeting.id, meeting.version, **wrong),
        lambda: reviews.update_review(ctx, review.id, review.version, **wrong),
        lambda: crisis.save_crisis_plan(ctx, plan.id, saved.version, **wrong),
        lambda: people.create_person(ctx, "Ola Nordmann", **wrong),
        lambda: goals.add_goal(ctx, plan.id, LifeDomain.HOUSING, "Jobb", **wrong),
    ]
    trail_before = _changes(trail.events_for(ctx, person.id))
    goal_before = goals.get_goal(ctx, goal.id)
    for call in calls:
        with pytest.raises(TypeError, match="own_wrods"):
            call()
    assert people.get_person(ctx, person.id) == person
    assert goals.get_goal(ctx, goal.id) == goal_before
    assert plans.get_open_plan(ctx, person.id) == plan
    assert _changes(trail.events_for(ctx, person.id)) == trail_before
    assert people.count_people(ctx) == 1


def _changes(events: list[trail.AuditEntry]) -> list[trail.AuditEntry]:
    """The trail without its views (reading it, and reading the person, are views too)."""
    views = {audit.Action.VIEWED, audit.Action.VIEWED_AUDIT, audit.Action.OPEN_PERSON}
    return [event for event in events if event.action not in views]
