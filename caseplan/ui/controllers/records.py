"""Each kind of record the workspace changes, read, written, added and removed by id.

The controllers keep *references* (kind and id), never a session or a context: the context
is handed in at the moment of reading or writing, so a reference stays good across a lock
(which closes the database and opens a new one). Ids go through :class:`IdAliases`, since
undoing an "add" removes a record and redoing it adds it again under a new id.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Any

from caseplan.errors import Conflict, NotFound, tr_noop
from caseplan.services.context import Context
from caseplan.services.crisis import crisis
from caseplan.services.crisis.crisis import CrisisContactInput
from caseplan.services.meetings import meetings
from caseplan.services.peers import contributions
from caseplan.services.people import people
from caseplan.services.plans import goals, plans
from caseplan.services.plans.goal_details import GOAL_EDITABLE, STEP_EDITABLE
from caseplan.services.team import team

Values = dict[str, Any]


class Kind(StrEnum):
    """What a change is about; also the ``kind`` of a change notification."""

    PERSON = "person"
    PLAN = "plan"
    GOAL = "goal"
    STEP = "step"
    PARTICIPANT = "participant"
    MEETING = "meeting"
    CONTRIBUTION = "contribution"
    CRISIS = "crisis"
    #: everything about one person's open plan (it was started, closed or agreed); ids are
    #: person ids
    WHOLE_PLAN = "whole plan"


@dataclass(frozen=True)
class Ref:
    """One record: its kind and id, and the record it belongs to where that is how it is
    found or made again (a step's goal, a meeting's plan; a plan's person)."""

    kind: Kind
    id: uuid.UUID
    parent: uuid.UUID | None = None


class IdAliases:
    """Undoing an "add" deletes the record and redoing adds it again under a new id;
    references keep the id they were made with and look up the one in force now."""

    def __init__(self) -> None:
        self._newer: dict[uuid.UUID, uuid.UUID] = {}

    def renamed(self, old: uuid.UUID, new: uuid.UUID) -> None:
        if old != new:
            self._newer[old] = new

    def resolve(self, record_id: uuid.UUID) -> uuid.UUID:
        seen = set()
        while record_id in self._newer and record_id not in seen:
            seen.add(record_id)
            record_id = self._newer[record_id]
        return record_id


def _values(details: object, names: tuple[str, ...] | None = None) -> Values:
    keep = names or tuple(f.name for f in fields(details))  # type: ignore[arg-type]
    return {name: getattr(details, name) for name in keep if name not in ("id", "version")}


def _contacts(details: crisis.CrisisPlanDetails | None) -> tuple[CrisisContactInput, ...]:
    if details is None:
        return ()
    return tuple(CrisisContactInput(c.name, c.role, c.phone) for c in details.contacts)


def read(ctx: Context, aliases: IdAliases, ref: Ref) -> tuple[Values, int | None]:
    """The record's values now and its version (None: a crisis plan not written yet)."""
    record_id = aliases.resolve(ref.id)
    if ref.kind is Kind.PERSON:
        person = people.get_person(ctx, record_id, record=False)
        return _values(person), person.version
    if ref.kind is Kind.PLAN:
        plan = plans.get_plan(ctx, record_id, record=False)
        return _values(plan), plan.version
    if ref.kind is Kind.GOAL:
        goal = goals.get_goal(ctx, record_id, record=False)
        values = _values(goal, GOAL_EDITABLE)
        values["step_ids"] = tuple(step.id for step in goal.steps)
        return values, goal.version
    if ref.kind is Kind.STEP:
        step = goals.get_step(ctx, record_id, record=False)
        return _values(step, STEP_EDITABLE), step.version
    if ref.kind is Kind.PARTICIPANT:
        participant = team.get_participant(ctx, record_id, record=False)
        return _values(participant, team.EDITABLE), participant.version
    if ref.kind is Kind.CRISIS:  # keyed by its plan: written the first time a word is
        written = crisis.get_crisis_plan(ctx, record_id, record=False)
        if written is None:
            return {name: "" for name in crisis.TEXT_FIELDS} | {"contacts": ()}, None
        values = _values(written, crisis.TEXT_FIELDS) | {"contacts": _contacts(written)}
        return values, written.version
    assert ref.parent is not None, "meetings and peer contributions are found through their plan"
    plan_id = aliases.resolve(ref.parent)
    rows: list[Any] = (
        list(meetings.list_meetings(ctx, plan_id, record=False))
        if ref.kind is Kind.MEETING
        else list(contributions.list_contributions(ctx, plan_id, record=False))
    )
    for row in rows:
        if row.id == record_id:
            names = (
                meetings.MEETING_EDITABLE
                if ref.kind is Kind.MEETING
                else contributions.CONTRIBUTION_EDITABLE
            )
            return _values(row, names), row.version
    raise NotFound(
        tr_noop("This meeting is not in the database.")
        if ref.kind is Kind.MEETING
        else tr_noop("This peer contribution is not in the database.")
    )


def write(
    ctx: Context, aliases: IdAliases, ref: Ref, version: int | None, values: Values
) -> int | None:
    """Store ``values`` on top of ``version``; :class:`Conflict` if the record moved on.

    The version is always checked: a crisis plan expected not to exist yet (``None``) is a
    conflict if someone wrote one meanwhile.
    """
    record_id = aliases.resolve(ref.id)
    changes = dict(values)
    if ref.kind is Kind.PERSON:
        return people.update_person(ctx, record_id, version, **changes).version
    if ref.kind is Kind.PLAN:
        if "coordinator_id" in changes:
            coordinator = changes.pop("coordinator_id")
            if coordinator is not None:
                coordinator = aliases.resolve(coordinator)
            version = plans.set_coordinator(ctx, record_id, version, coordinator).version
        return plans.update_plan(ctx, record_id, version, **changes).version if changes else version
    if ref.kind is Kind.GOAL:
        changes.pop("step_ids", None)
        return goals.update_goal(ctx, record_id, version, **changes).version
    if ref.kind is Kind.STEP:
        if changes.get("responsible_id") is not None:
            changes["responsible_id"] = aliases.resolve(changes["responsible_id"])
        return goals.update_step(ctx, record_id, version, **changes).version
    if ref.kind is Kind.PARTICIPANT:
        return team.update_participant(ctx, record_id, version, **changes).version
    if ref.kind is Kind.MEETING:
        return meetings.update_meeting(ctx, record_id, version, **changes).version
    if ref.kind is Kind.CRISIS:
        if version is None and crisis.get_crisis_plan(ctx, record_id, record=False) is not None:
            raise Conflict(tr_noop("Someone else changed this in the meantime; please look again."))
        contacts = changes.pop("contacts", None)
        return crisis.save_crisis_plan(
            ctx, record_id, version, contacts=contacts, **changes
        ).version
    raise TypeError(f"{ref.kind} records are added and removed, not changed, here")


def add(ctx: Context, aliases: IdAliases, ref: Ref, values: Values) -> tuple[uuid.UUID, int]:
    """Add the record again (redo of an add, undo of a removal); its new id and version."""
    parent = aliases.resolve(ref.parent) if ref.parent is not None else None
    changes = {name: value for name, value in values.items() if name != "step_ids"}
    assert parent is not None, "a record is added to the record it belongs to"
    made: Any
    if ref.kind is Kind.PLAN:
        made = plans.open_plan(ctx, parent)
    elif ref.kind is Kind.GOAL:
        made = goals.add_goal(
            ctx, parent, changes.pop("domain"), changes.pop("own_words"), **changes
        )
    elif ref.kind is Kind.STEP:
        if changes.get("responsible_id") is not None:
            changes["responsible_id"] = aliases.resolve(changes["responsible_id"])
        made = goals.add_step(ctx, parent, changes.pop("action"), **changes)
    elif ref.kind is Kind.PARTICIPANT:
        made = team.add_participant(
            ctx, parent, changes.pop("role"), changes.pop("name"), **changes
        )
    elif ref.kind is Kind.MEETING:
        made = meetings.add_meeting(ctx, parent, changes.pop("date"), **changes)
    elif ref.kind is Kind.CONTRIBUTION:
        made = contributions.add_contribution(ctx, parent, **changes)
    else:
        raise TypeError(f"{ref.kind} records are not added here")
    aliases.renamed(ref.id, made.id)
    return made.id, made.version


def remove(ctx: Context, aliases: IdAliases, ref: Ref, version: int | None) -> None:
    """Remove the record (undo of an add); :class:`Conflict` if it changed since ``version``.

    A plan is not removed but closed: it stays in the person's history.
    """
    record_id = aliases.resolve(ref.id)
    if ref.kind is Kind.PLAN:
        plans.close_plan(ctx, record_id, version)
    elif ref.kind is Kind.GOAL:
        goals.delete_goal(ctx, record_id, version)
    elif ref.kind is Kind.STEP:
        goals.delete_step(ctx, record_id, version)
    elif ref.kind is Kind.PARTICIPANT:
        team.remove_participant(ctx, record_id, version)
    elif ref.kind is Kind.MEETING:
        meetings.delete_meeting(ctx, record_id, version)
    elif ref.kind is Kind.CONTRIBUTION:
        contributions.delete_contribution(ctx, record_id, version)
    else:
        raise TypeError(f"{ref.kind} records are not removed here")


def order(
    ctx: Context, aliases: IdAliases, kind: Kind, parent: uuid.UUID
) -> list[tuple[uuid.UUID, str]]:
    """A plan's goals or a goal's steps in their order now: (id, words) each."""
    parent = aliases.resolve(parent)
    if kind is Kind.GOAL:
        return [(goal.id, goal.own_words) for goal in goals.list_goals(ctx, parent, record=False)]
    return [(step.id, step.action) for step in goals.get_goal(ctx, parent, record=False).steps]


def move(ctx: Context, aliases: IdAliases, kind: Kind, record_id: uuid.UUID, offset: int) -> None:
    """Move a goal (within the plan) or a step (within its goal) up or down ``offset`` places."""
    if kind is Kind.GOAL:
        goals.move_goal(ctx, aliases.resolve(record_id), offset)
    else:
        goals.move_step(ctx, aliases.resolve(record_id), offset)
