"""Where each text field of the workspace is stored: one :class:`FieldTarget` per field.

The reads and writes go through the services with the record's version; ids go through
:class:`IdAliases`, so a field of a goal that was removed by undo and added again by redo
still finds its record.
"""

from __future__ import annotations

import uuid
from typing import Any

from caseplan.errors import NotFound, tr_noop
from caseplan.services.context import Context
from caseplan.services.crisis import crisis
from caseplan.services.meetings import meetings
from caseplan.services.people import people
from caseplan.services.plans import goals
from caseplan.ui.workspace.autosave import FieldTarget
from caseplan.ui.workspace.undo import IdAliases


def _text(name: str, value: str) -> dict[str, Any]:
    """One text field's new words; its name is chosen at run time, so mypy cannot check it
    and the service refuses a name it does not know."""
    return {name: value}


def person_field(ctx: Context, person_id: uuid.UUID, name: str, title: str) -> FieldTarget:
    def read() -> tuple[str, int | None]:
        person = people.get_person(ctx, person_id)
        return str(getattr(person, name)), person.version

    def write(value: str, version: int | None) -> int | None:
        return people.update_person(ctx, person_id, version, **_text(name, value)).version

    return FieldTarget(("person", person_id), name, title, read, write)


def goal_field(
    ctx: Context, aliases: IdAliases, goal_id: uuid.UUID, name: str, title: str
) -> FieldTarget:
    def read() -> tuple[str, int | None]:
        goal = goals.get_goal(ctx, aliases.resolve(goal_id))
        return str(getattr(goal, name)), goal.version

    def write(value: str, version: int | None) -> int | None:
        return goals.update_goal(
            ctx, aliases.resolve(goal_id), version, **_text(name, value)
        ).version

    return FieldTarget(("goal", goal_id), name, title, read, write)


def step_field(
    ctx: Context, aliases: IdAliases, step_id: uuid.UUID, name: str, title: str
) -> FieldTarget:
    def read() -> tuple[str, int | None]:
        step = goals.get_step(ctx, aliases.resolve(step_id))
        return str(getattr(step, name)), step.version

    def write(value: str, version: int | None) -> int | None:
        return goals.update_step(
            ctx, aliases.resolve(step_id), version, **_text(name, value)
        ).version

    return FieldTarget(("step", step_id), name, title, read, write)


def meeting_field(
    ctx: Context, plan_id: uuid.UUID, meeting_id: uuid.UUID, name: str, title: str
) -> FieldTarget:
    def read() -> tuple[str, int | None]:
        for meeting in meetings.list_meetings(ctx, plan_id):
            if meeting.id == meeting_id:
                return str(getattr(meeting, name)), meeting.version
        raise NotFound(tr_noop("This meeting is not in the database."))

    def write(value: str, version: int | None) -> int | None:
        return meetings.update_meeting(ctx, meeting_id, version, **_text(name, value)).version

    return FieldTarget(("meeting", meeting_id), name, title, read, write)


def crisis_field(ctx: Context, plan_id: uuid.UUID, name: str, title: str) -> FieldTarget:
    """The crisis plan is keyed by its plan: it is created by the first word written."""

    def read() -> tuple[str, int | None]:
        plan = crisis.get_crisis_plan(ctx, plan_id)
        return ("", None) if plan is None else (str(getattr(plan, name)), plan.version)

    def write(value: str, version: int | None) -> int | None:
        return crisis.save_crisis_plan(ctx, plan_id, version, **_text(name, value)).version

    return FieldTarget(("crisis", plan_id), name, title, read, write)
