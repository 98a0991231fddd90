"""A checked ``caseplan.person/1`` document as new records, ready to be stored by import."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from caseplan.models import (
    Base,
    CrisisContact,
    CrisisPlan,
    Goal,
    Meeting,
    Participant,
    PeerContribution,
    Person,
    Plan,
    PlanVersion,
    Review,
    ReviewGoal,
    ReviewRating,
    Step,
)
from caseplan.services.exchange import model
from caseplan.services.exchange.document import ATTRIBUTE
from caseplan.services.exchange.model import Part
from caseplan.services.exchange.reading import Ids, check_document

#: Fields that hold one id (a UUID in the database).
_ID_FIELDS = frozenset({"id", "coordinator", "responsible", "peer", "goal", "by", "carried_from"})


@dataclass
class Records:
    """A checked document as new records, grouped in the order they must be inserted.

    In stages: several foreign keys have no relationship for the ORM to order inserts by.
    """

    person: Person
    ids: Ids
    plans: list[Base] = field(default_factory=list)
    team: list[Base] = field(default_factory=list)
    goals: list[Base] = field(default_factory=list)
    records: list[Base] = field(default_factory=list)
    last: list[Base] = field(default_factory=list)
    #: Set once the team is stored (the plan and its coordinator point at each other).
    coordinators: list[tuple[Plan, uuid.UUID]] = field(default_factory=list)

    @property
    def stages(self) -> list[list[Base]]:
        return [[self.person], self.plans, self.team, self.goals, self.records, self.last]


def read_document(data: bytes) -> Records:
    """Check the whole document in ``data`` and make (but do not add) its records."""
    document, ids = check_document(data)
    person = Person(**_values(document.person), **_values(document.person.about_me))
    records = Records(person, ids)
    for plan in document.plans:
        _add_plan(records, plan, person.id)
    return records


def _values(part: Part, *skip: str) -> dict[str, Any]:
    """The plain fields of ``part`` under the records' attribute names, ids as UUIDs."""
    values: dict[str, Any] = {}
    for name in type(part).__pydantic_fields__:
        value = getattr(part, name)
        if name in skip or isinstance(value, Part) or name in _NESTED:
            continue
        if name in _ID_FIELDS and value is not None:
            value = uuid.UUID(value)
        values[ATTRIBUTE.get(name, name)] = value
    return values


_NESTED = frozenset(
    {
        "participants",
        "goals",
        "steps",
        "peer_contributions",
        "meetings",
        "reviews",
        "ratings",
        "crisis_plan",
        "contacts",
        "versions",
    }
)


def _add_plan(records: Records, plan: model.Plan, person_id: uuid.UUID) -> None:
    row = Plan(person_id=person_id, **_values(plan, "coordinator"))
    records.plans.append(row)
    team: dict[uuid.UUID, Participant] = {}
    for position, member in enumerate(plan.participants):
        participant = Participant(
            plan_id=row.id, position=position, **_values(member), **_values(member.consent)
        )
        team[participant.id] = participant
        records.team.append(participant)
    if plan.coordinator is not None:
        records.coordinators.append((row, uuid.UUID(plan.coordinator)))
    for position, goal in enumerate(plan.goals):
        goal_row = Goal(plan_id=row.id, position=position, **_values(goal))
        records.goals.append(goal_row)
        for step_position, step in enumerate(goal.steps):
            records.records.append(
                Step(goal_id=goal_row.id, position=step_position, **_values(step))
            )
    for contribution in plan.peer_contributions:
        records.records.append(PeerContribution(plan_id=row.id, **_values(contribution)))
    for meeting in plan.meetings:
        attendees = [team[uuid.UUID(i)] for i in meeting.attendees]
        values = _values(meeting, "attendees")
        records.records.append(Meeting(plan_id=row.id, attendees=attendees, **values))
    for review in plan.reviews:
        present = [team[uuid.UUID(i)] for i in review.attendees]
        review_row = Review(plan_id=row.id, attendees=present, **_values(review, "attendees"))
        records.records.append(review_row)
        for rating in review.ratings:
            records.last.append(ReviewRating(review_id=review_row.id, **_values(rating)))
        for noted in review.goals:
            records.last.append(ReviewGoal(review_id=review_row.id, **_values(noted)))
    if plan.crisis_plan is not None:
        crisis = CrisisPlan(plan_id=row.id, **_values(plan.crisis_plan))
        records.records.append(crisis)
        for position, contact in enumerate(plan.crisis_plan.contacts):
            records.last.append(
                CrisisContact(crisis_plan_id=crisis.id, position=position, **_values(contact))
            )
    for version in plan.versions:
        records.records.append(PlanVersion(plan_id=row.id, **_values(version)))
