"""What meeting mode shows, line by line: headings, plain lines and the person's own words.

The page is described as plain values first (:class:`Line` and :class:`Words`), so meeting
mode can tell whether a change needs the page laid out again or only the words in place.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication

from caseplan.models import GoalStatus, ParticipantRole, StepStatus
from caseplan.services.people.people import EDITABLE as PERSON_FIELDS
from caseplan.services.plans.goal_details import GoalDetails, StepDetails
from caseplan.services.plans.order import in_plan_order
from caseplan.services.plans.plan_view import PlanView
from caseplan.ui.controllers.field_saver import Field
from caseplan.ui.controllers.records import Kind
from caseplan.ui.widgets.dates import date_text
from caseplan.ui.workspace.consent_renewal import consent_line
from caseplan.ui.workspace.fields import crisis_field, goal_field, person_field
from caseplan.ui.workspace.labels import (
    domain_label,
    goal_status_label,
    role_label,
    step_status_label,
)

#: the changes meeting mode shows
SHOWS = frozenset(
    {Kind.PERSON, Kind.PLAN, Kind.GOAL, Kind.STEP, Kind.PARTICIPANT, Kind.CRISIS, Kind.WHOLE_PLAN}
)


@dataclass(frozen=True)
class Line:
    """A line of the page: a heading or plain text (``scale``, ``role`` for its look)."""

    text: str
    scale: float | None = None
    role: str = ""
    space: bool = False  #: a little room above it


@dataclass(frozen=True)
class Banner:
    """Where the plan says whether it is agreed, or changed since its last version."""


@dataclass(frozen=True)
class Words:
    """A field of the person's own words (``goal_id``: the goal it is the words of)."""

    key: str
    title: str
    field: Field
    value: str
    version: int | None
    goal_id: uuid.UUID | None = None


@dataclass(frozen=True)
class StepLine:
    """A step of a goal: what, who, by when; ticked when it is done."""

    key: str
    text: str
    step_id: uuid.UUID
    goal_id: uuid.UUID
    done: bool


@dataclass(frozen=True)
class ConsentLine:
    """A team member whose consent ends soon or has ended: said, with "Renew consent…"."""

    key: str
    text: str
    member_id: uuid.UUID


Item = Line | Words | StepLine | Banner | ConsentLine


def page_items(view: PlanView | None, today: date | None = None) -> tuple[list[Item], str]:
    """The page for a plan without worker's notes, and the name it calls the person by;
    with ``today``, the team says whose consent ends soon or has ended."""
    if view is None:
        return [Line(QCoreApplication.translate("MeetingView", "There is no plan yet."))], ""
    person = view.person
    name = person.preferred_name or person.full_name.split(" ")[0]
    items: list[Item] = [
        Line(
            QCoreApplication.translate("MeetingView", "{name}'s plan").format(name=name),
            scale=1.6,
            role="heading",
        )
    ]
    if view.plan.next_review is not None:
        items.append(
            Line(
                QCoreApplication.translate(
                    "MeetingView", "We look at the plan again together on {date}."
                ).format(date=date_text(view.plan.next_review)),
                role="quiet",
            )
        )
    items.append(Banner())
    items += _about_me(view) + _goals(view) + _team(view, today) + _crisis(view)
    return items, name


def _heading(text: str) -> Line:
    return Line(text, scale=1.3, role="heading", space=True)


def _about_me(view: PlanView) -> list[Item]:
    titles = {
        "what_matters": QCoreApplication.translate("MeetingView", "What matters to me"),
        "strengths": QCoreApplication.translate("MeetingView", "What I am good at"),
        "what_helps": QCoreApplication.translate("MeetingView", "What helps me"),
        "what_does_not_help": QCoreApplication.translate("MeetingView", "What does not help me"),
        "how_i_want_to_be_met": QCoreApplication.translate("MeetingView", "How I want to be met"),
    }
    items: list[Item] = [_heading(QCoreApplication.translate("MeetingView", "About me"))]
    person = view.person
    for key in PERSON_FIELDS:
        if key in titles:
            target = person_field(view.person.id, key, titles[key])
            value = str(getattr(person, key))
            items.append(Words(f"about_me.{key}", titles[key], target, value, person.version))
    return items


def _goals(view: PlanView) -> list[Item]:
    """Every goal and step, in the plan's one order (as the workspace and the paper)."""
    items: list[Item] = [_heading(QCoreApplication.translate("MeetingView", "My goals"))]
    shown = goals_in_order(view)
    if not shown:
        items.append(Line(QCoreApplication.translate("MeetingView", "No goals written down yet.")))
    for number, goal in enumerate(shown, start=1):
        title = QCoreApplication.translate("MeetingView", "Goal {number} · {domain}").format(
            number=number, domain=domain_label(goal.domain)
        )
        if goal.status != GoalStatus.ACTIVE:
            title += " · " + goal_status_label(goal.status)
        target = goal_field(goal.id, "own_words", title)
        items.append(Words(f"goal.{goal.id}", title, target, goal.own_words, goal.version, goal.id))
        if not goal.steps:
            items.append(
                Line(QCoreApplication.translate("MeetingView", "No steps yet."), role="quiet")
            )
        for step in goal.steps:
            items.append(
                StepLine(
                    f"step.{step.id}",
                    _step_text(view, step),
                    step.id,
                    goal.id,
                    step.status == StepStatus.DONE,
                )
            )
    return items


def goals_in_order(view: PlanView) -> list[GoalDetails]:
    """The goals as meeting mode shows them: the plan's one order, as on paper."""
    return in_plan_order(view.goals, lambda goal: goal.domain)


def _step_text(view: PlanView, step: StepDetails) -> str:
    who = view.participant(step.responsible_id)
    due = step.due
    parts = [step.action]
    if who is not None and who.role == ParticipantRole.PERSON:
        parts.append(QCoreApplication.translate("MeetingView", "who: me"))
    elif who is not None:
        parts.append(QCoreApplication.translate("MeetingView", "who: {name}").format(name=who.name))
    if due is not None:
        parts.append(
            QCoreApplication.translate("MeetingView", "by {date}").format(date=date_text(due))
        )
    if step.status not in (StepStatus.PLANNED, StepStatus.DONE):
        parts.append(step_status_label(step.status))
    return " — ".join(parts)


def _team(view: PlanView, today: date | None) -> list[Item]:
    items: list[Item] = [_heading(QCoreApplication.translate("MeetingView", "My team"))]
    for participant in view.participants:
        role = role_label(participant.role)
        if participant.id == view.plan.coordinator_id:
            role = QCoreApplication.translate("MeetingView", "my coordinator")
        elif participant.role == ParticipantRole.PEER:
            role = QCoreApplication.translate("MeetingView", "my peer supporter")
        elif participant.role == ParticipantRole.PERSON:
            role = QCoreApplication.translate("MeetingView", "me")
        details = [participant.name, role]
        if participant.organisation:
            details.append(participant.organisation)
        if participant.phone:
            details.append(
                QCoreApplication.translate("MeetingView", "phone {number}").format(
                    number=participant.phone
                )
            )
        items.append(Line(" · ".join(details)))
        said = consent_line(participant, today) if today is not None else ""
        if said:
            items.append(ConsentLine(f"consent.{participant.id}", said, participant.id))
    return items


def _crisis(view: PlanView) -> list[Item]:
    items: list[Item] = [_heading(QCoreApplication.translate("MeetingView", "If things get hard"))]
    titles = {
        "warning_signs": QCoreApplication.translate(
            "MeetingView", "Signs that things are getting hard"
        ),
        "triggers": QCoreApplication.translate("MeetingView", "What can set it off"),
        "what_i_do": QCoreApplication.translate("MeetingView", "What I do then"),
        "what_others_do": QCoreApplication.translate("MeetingView", "What others can do"),
        "what_does_not_help": QCoreApplication.translate("MeetingView", "What does not help then"),
        "treatment_wanted": QCoreApplication.translate("MeetingView", "Treatment I want"),
        "treatment_not_wanted": QCoreApplication.translate(
            "MeetingView", "Treatment I do not want"
        ),
    }
    crisis = view.crisis_plan
    version = None if crisis is None else crisis.version
    for key, title in titles.items():
        target = crisis_field(view.plan.id, key, title)
        value = "" if crisis is None else str(getattr(crisis, key))
        items.append(Words(f"crisis.{key}", title, target, value, version))
    if crisis is not None and crisis.contacts:
        items.append(Line(QCoreApplication.translate("MeetingView", "Who to call"), role="heading"))
        for contact in crisis.contacts:
            parts = [contact.name] + [p for p in (contact.role, contact.phone) if p]
            items.append(Line("    " + " · ".join(parts)))
    return items


def shape(item: Item) -> object:
    """What decides the page's layout: every line and step, and each field's place and title."""
    return (item.key, item.title) if isinstance(item, Words) else item
