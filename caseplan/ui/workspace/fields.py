"""Where each text field of the workspace and meeting mode is stored: one :class:`Field` each.

A field names its record by kind and id only; the field saver reads and writes it through
the services (:mod:`caseplan.ui.controllers.records`).
"""

from __future__ import annotations

import uuid

from caseplan.ui.controllers.field_saver import Field
from caseplan.ui.controllers.records import Kind, Ref


def person_field(person_id: uuid.UUID, name: str, title: str) -> Field:
    return Field(Ref(Kind.PERSON, person_id), name, title)


def goal_field(goal_id: uuid.UUID, name: str, title: str) -> Field:
    return Field(Ref(Kind.GOAL, goal_id), name, title)


def step_field(step_id: uuid.UUID, name: str, title: str) -> Field:
    return Field(Ref(Kind.STEP, step_id), name, title)


def meeting_field(plan_id: uuid.UUID, meeting_id: uuid.UUID, name: str, title: str) -> Field:
    return Field(Ref(Kind.MEETING, meeting_id, plan_id), name, title)


def crisis_field(plan_id: uuid.UUID, name: str, title: str) -> Field:
    """The crisis plan is keyed by its plan: it is created by the first word written."""
    return Field(Ref(Kind.CRISIS, plan_id), name, title)
