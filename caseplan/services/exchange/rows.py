"""Where :mod:`caseplan.services.exchange.document` gets a person's stored records from.

:class:`OnePerson` asks the database for each list when it is needed: right for one
person (export, one printed plan). :class:`ManyPeople` reads the same records for many
people at once, a query per kind of record for all of them, instead of some sixteen small
queries per person: 1,024 demo people are read in well under half the time. Both
hand back the same records; the document puts them in its own order, so the order the
database returns them in never matters.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from caseplan.models import (
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
    meeting_attendees,
    review_attendees,
)

#: The records that belong to a plan by their ``plan_id``.
PLAN_PARTS: tuple[Any, ...] = (
    Participant,
    Goal,
    PeerContribution,
    Meeting,
    Review,
    PlanVersion,
    CrisisPlan,
)
#: The records that belong to a review by their ``review_id``.
REVIEW_PARTS: tuple[Any, ...] = (ReviewGoal, ReviewRating)
#: Who attended: (table, the column that names the meeting or review).
ATTENDANCE: dict[str, tuple[Table, str]] = {
    "meeting": (meeting_attendees, "meeting_id"),
    "review": (review_attendees, "review_id"),
}
#: How many ids go into one ``IN (...)``: well under every database's limit.
IN_LIMIT = 500


class Rows(Protocol):
    """The stored records of people, lists in no particular order."""

    def person(self, person_id: uuid.UUID) -> Person | None: ...
    def plans(self, person_id: uuid.UUID) -> list[Plan]: ...
    def of_plan(self, table: Any, plan_id: uuid.UUID) -> list[Any]: ...
    def steps(self, plan_id: uuid.UUID) -> list[Step]: ...
    def attendees(self, kind: str, row_id: uuid.UUID) -> list[uuid.UUID]: ...
    def of_review(self, table: Any, review_id: uuid.UUID) -> list[Any]: ...
    def contacts(self, crisis_plan_id: uuid.UUID) -> list[CrisisContact]: ...


class OnePerson:
    """Each list read from the database as it is asked for."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def person(self, person_id: uuid.UUID) -> Person | None:
        return self.session.get(Person, person_id)

    def plans(self, person_id: uuid.UUID) -> list[Plan]:
        return list(self.session.scalars(select(Plan).where(Plan.person_id == person_id)))

    def of_plan(self, table: Any, plan_id: uuid.UUID) -> list[Any]:
        return list(self.session.scalars(select(table).where(table.plan_id == plan_id)))

    def steps(self, plan_id: uuid.UUID) -> list[Step]:
        query = select(Step).join(Goal).where(Goal.plan_id == plan_id)
        return list(self.session.scalars(query))

    def attendees(self, kind: str, row_id: uuid.UUID) -> list[uuid.UUID]:
        table, column = ATTENDANCE[kind]
        query = select(table.c.participant_id).where(table.c[column] == row_id)
        return list(self.session.scalars(query))

    def of_review(self, table: Any, review_id: uuid.UUID) -> list[Any]:
        return list(self.session.scalars(select(table).where(table.review_id == review_id)))

    def contacts(self, crisis_plan_id: uuid.UUID) -> list[CrisisContact]:
        query = select(CrisisContact).where(CrisisContact.crisis_plan_id == crisis_plan_id)
        return list(self.session.scalars(query))


def _slices(ids: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(ids), IN_LIMIT):
        yield ids[start : start + IN_LIMIT]


class ManyPeople:
    """Every record of ``person_ids`` read up front, one query per kind of record."""

    def __init__(self, session: Session, person_ids: Sequence[uuid.UUID]) -> None:
        self._people: dict[uuid.UUID, Person] = {}
        self._plans: dict[uuid.UUID, list[Plan]] = defaultdict(list)
        self._plan_parts: dict[tuple[Any, uuid.UUID], list[Any]] = defaultdict(list)
        self._steps: dict[uuid.UUID, list[Step]] = defaultdict(list)
        self._attendees: dict[tuple[str, uuid.UUID], list[uuid.UUID]] = defaultdict(list)
        self._review_parts: dict[tuple[Any, uuid.UUID], list[Any]] = defaultdict(list)
        self._contacts: dict[uuid.UUID, list[CrisisContact]] = defaultdict(list)

        def each(query: Any, column: Any, ids: Sequence[Any]) -> Iterable[Any]:
            for some in _slices(list(ids)):
                yield from session.execute(query.where(column.in_(some)))

        for (person,) in each(select(Person), Person.id, person_ids):
            self._people[person.id] = person
        for (plan,) in each(select(Plan), Plan.person_id, list(self._people)):
            self._plans[plan.person_id].append(plan)
        plan_ids = [plan.id for plans in self._plans.values() for plan in plans]
        for table in PLAN_PARTS:
            for (row,) in each(select(table), table.plan_id, plan_ids):
                self._plan_parts[table, row.plan_id].append(row)
        for step, plan_id in each(select(Step, Goal.plan_id).join(Goal), Goal.plan_id, plan_ids):
            self._steps[plan_id].append(step)
        meeting_ids, review_ids = self._ids(Meeting), self._ids(Review)
        for kind, ids in (("meeting", meeting_ids), ("review", review_ids)):
            table, column = ATTENDANCE[kind]
            query = select(table.c[column], table.c.participant_id)
            for row_id, participant_id in each(query, table.c[column], ids):
                self._attendees[kind, row_id].append(participant_id)
        for table in REVIEW_PARTS:
            for (row,) in each(select(table), table.review_id, review_ids):
                self._review_parts[table, row.review_id].append(row)
        contacts = select(CrisisContact)
        for (contact,) in each(contacts, CrisisContact.crisis_plan_id, self._ids(CrisisPlan)):
            self._contacts[contact.crisis_plan_id].append(contact)

    def _ids(self, kind: Any) -> list[uuid.UUID]:
        return [
            row.id for (table, _), rows in self._plan_parts.items() if table is kind for row in rows
        ]

    def person(self, person_id: uuid.UUID) -> Person | None:
        return self._people.get(person_id)

    def plans(self, person_id: uuid.UUID) -> list[Plan]:
        return list(self._plans.get(person_id, ()))

    def of_plan(self, table: Any, plan_id: uuid.UUID) -> list[Any]:
        return list(self._plan_parts.get((table, plan_id), ()))

    def steps(self, plan_id: uuid.UUID) -> list[Step]:
        return list(self._steps.get(plan_id, ()))

    def attendees(self, kind: str, row_id: uuid.UUID) -> list[uuid.UUID]:
        return list(self._attendees.get((kind, row_id), ()))

    def of_review(self, table: Any, review_id: uuid.UUID) -> list[Any]:
        return list(self._review_parts.get((table, review_id), ()))

    def contacts(self, crisis_plan_id: uuid.UUID) -> list[CrisisContact]:
        return list(self._contacts.get(crisis_plan_id, ()))
