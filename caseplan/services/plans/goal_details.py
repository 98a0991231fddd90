"""What the goal and step use cases hand back and take: plain, frozen values for the UI, and
the typed inputs (TypedDict, so mypy checks each caller's field names)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import TypedDict

from caseplan.models import Goal, GoalStatus, LifeDomain, Step, StepStatus


@dataclass(frozen=True)
class StepDetails:
    """A concrete step towards a goal."""

    id: uuid.UUID
    version: int
    goal_id: uuid.UUID
    action: str
    responsible_id: uuid.UUID | None = None
    due: date | None = None
    status: StepStatus = StepStatus.PLANNED
    worker_note: str = ""
    position: int = 0


@dataclass(frozen=True)
class GoalDetails:
    """A goal in the person's own words, with its steps in order."""

    id: uuid.UUID
    version: int
    plan_id: uuid.UUID
    domain: LifeDomain
    own_words: str
    worker_note: str = ""
    status: GoalStatus = GoalStatus.ACTIVE
    target_date: date | None = None
    priority: int = 2
    position: int = 0
    steps: tuple[StepDetails, ...] = ()


class GoalFields(TypedDict, total=False):
    """What :func:`add_goal` takes besides the life domain and the words."""

    worker_note: str
    status: GoalStatus | str
    target_date: date | None
    priority: int


class GoalChanges(GoalFields, total=False):
    """What :func:`update_goal` may change."""

    domain: LifeDomain | str
    own_words: str


class StepFields(TypedDict, total=False):
    """What :func:`add_step` takes besides the action."""

    responsible_id: uuid.UUID | None
    due: date | None
    status: StepStatus | str
    worker_note: str


class StepChanges(StepFields, total=False):
    """What :func:`update_step` may change."""

    action: str


GOAL_EDITABLE = ("domain", "own_words", "worker_note", "status", "target_date", "priority")
STEP_EDITABLE = ("action", "responsible_id", "due", "status", "worker_note")


def step_details(step: Step) -> StepDetails:
    return StepDetails(
        id=step.id,
        version=step.version,
        goal_id=step.goal_id,
        action=step.action,
        responsible_id=step.responsible_id,
        due=step.due,
        status=step.status,
        worker_note=step.worker_note,
        position=step.position,
    )


def goal_details(goal: Goal) -> GoalDetails:
    return GoalDetails(
        id=goal.id,
        version=goal.version,
        plan_id=goal.plan_id,
        domain=goal.domain,
        own_words=goal.own_words,
        worker_note=goal.worker_note,
        status=goal.status,
        target_date=goal.target_date,
        priority=goal.priority,
        position=goal.position,
        steps=tuple(step_details(step) for step in goal.steps),
    )
