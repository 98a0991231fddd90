"""A stored person as their ``caseplan.person/1`` document (export, printing, agreed versions).

The document is made from the stored records without checking them again (what is stored
already holds to the rules), in the order docs/json-format.md gives: lists in their plan
order, records of the same date or number by id. :func:`to_plain` turns it into JSON values
in the model's field order, so the same data always gives the same bytes.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from caseplan.errors import NotFound, tr_noop
from caseplan.models import (
    CrisisPlan,
    Goal,
    Meeting,
    Participant,
    PeerContribution,
    Plan,
    PlanVersion,
    Review,
    ReviewGoal,
    ReviewRating,
    Step,
)
from caseplan.services.exchange import model
from caseplan.services.exchange.model import FORMAT, Part, PersonDocument
from caseplan.services.exchange.rows import ManyPeople, OnePerson, Rows

#: Where a field's name in the document differs from the stored record's attribute.
ATTRIBUTE = {
    "carried_from": "carried_from_id",
    "coordinator": "coordinator_id",
    "responsible": "responsible_id",
    "peer": "peer_id",
    "goal": "goal_id",
    "by": "by_id",
    "granted_on": "consent_granted_on",
    "expires_on": "consent_expires_on",
    "scope": "consent_scope",
}

P = TypeVar("P", bound=Part)


def build_document(session: Session, person_id: uuid.UUID) -> PersonDocument:
    """The person's ``caseplan.person/1`` document, read in ``session``.

    Neither checks access nor audits: the caller does both, in the same transaction.
    """
    document: PersonDocument = _document(OnePerson(session), person_id, part)
    return document


def plain_documents(session: Session, person_ids: Sequence[uuid.UUID]) -> list[Any]:
    """The documents of ``person_ids``, in that order, as JSON values: what
    ``to_plain(build_document(...))`` gives one by one, read with a query per kind of record
    for all of them and made as JSON values at once (for a batch of printed plans)."""
    rows = ManyPeople(session, person_ids)
    return [_document(rows, person_id, plain_part) for person_id in person_ids]


def _document(rows: Rows, person_id: uuid.UUID, make: Make) -> Any:
    person = rows.person(person_id)
    if person is None:
        raise NotFound(tr_noop("This person is not in the database."))
    plans = ordered_rows(rows.plans(person_id), "period_start")
    return make(
        PersonDocument,
        None,
        format=FORMAT,
        person=make(model.Person, person, about_me=make(model.AboutMe, person)),
        plans=[_plan(rows, plan, make) for plan in plans],
    )


def part(kind: type[P], row: Any, **nested: Any) -> P:
    """``row`` (a stored record, or anything with its attributes) as the document's ``kind``.

    Made without checking: what is stored already holds to the rules.
    """
    values: dict[str, Any] = {}
    for name in kind.__pydantic_fields__:
        value = nested[name] if name in nested else getattr(row, ATTRIBUTE.get(name, name))
        values[name] = str(value) if isinstance(value, uuid.UUID) else value
    return kind.model_construct(**values)


def plain_part(kind: type[Part], row: Any, **nested: Any) -> dict[str, Any]:
    """What ``to_plain(part(kind, row, **nested))`` gives, made directly; ``nested`` are
    JSON values already."""
    values: dict[str, Any] = {}
    for name in kind.__pydantic_fields__:
        if name in nested:
            values[name] = nested[name]
        else:
            values[name] = to_plain(getattr(row, ATTRIBUTE.get(name, name)))
    return values


#: :func:`part` (the typed document) or :func:`plain_part` (straight to JSON values).
Make = Callable[..., Any]


#: Values that are JSON values as they are (exactly these types: a StrEnum is a str too).
_AS_IS = frozenset((str, int, float, bool))


def to_plain(value: Any) -> Any:
    """A part of the document as JSON values: fields in the model's order, free-form JSON
    with its keys sorted, so the same data always prints the same."""
    if value is None or type(value) in _AS_IS:  # most values: looked at first
        return value
    if isinstance(value, Part):
        return {name: to_plain(getattr(value, name)) for name in type(value).__pydantic_fields__}
    if isinstance(value, list | tuple):
        return [to_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: to_plain(value[key]) for key in sorted(value)}
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def ordered_rows(rows: Iterable[Any], first: str) -> list[Any]:
    return sorted(rows, key=lambda row: (getattr(row, first), row.id))


def _plan(source: Rows, plan: Plan, make: Make) -> Any:
    def rows(table: Any, first: str) -> list[Any]:
        return ordered_rows(source.of_plan(table, plan.id), first)

    team = rows(Participant, "position")
    goals = rows(Goal, "position")
    team_order = {p.id: index for index, p in enumerate(team)}
    goal_order = {g.id: index for index, g in enumerate(goals)}
    steps: dict[uuid.UUID, list[Step]] = {}
    for step in source.steps(plan.id):
        steps.setdefault(step.goal_id, []).append(step)

    def people_at(kind: str, row_id: uuid.UUID) -> list[str]:
        found = source.attendees(kind, row_id)
        return [str(i) for i in sorted(found, key=lambda i: (team_order.get(i, len(team)), i))]

    def review_goals(review: Review) -> list[Any]:
        found = source.of_review(ReviewGoal, review.id)
        ordered = sorted(found, key=lambda g: (goal_order.get(g.goal_id, len(goals)), g.goal_id))
        return [make(model.ReviewGoal, g) for g in ordered]

    def ratings(review: Review) -> list[Any]:
        found = source.of_review(ReviewRating, review.id)
        return [
            make(model.Rating, r)
            for r in sorted(
                found,
                key=lambda r: (
                    goal_order.get(r.goal_id, len(goals)),
                    team_order.get(r.by_id, len(team)),
                    r.goal_id,
                    r.by_id,
                ),
            )
        ]

    crisis = next(iter(source.of_plan(CrisisPlan, plan.id)), None)
    nested = {
        "participants": [make(model.Participant, p, consent=make(model.Consent, p)) for p in team],
        "goals": [
            make(
                model.Goal,
                g,
                steps=[make(model.Step, s) for s in ordered_rows(steps.get(g.id, []), "position")],
            )
            for g in goals
        ],
        "peer_contributions": [
            make(model.PeerContribution, c) for c in rows(PeerContribution, "date")
        ],
        "meetings": [
            make(model.Meeting, m, attendees=people_at("meeting", m.id))
            for m in rows(Meeting, "date")
        ],
        "reviews": [
            make(
                model.Review,
                r,
                ratings=ratings(r),
                goals=review_goals(r),
                attendees=people_at("review", r.id),
            )
            for r in rows(Review, "date")
        ],
        "crisis_plan": None if crisis is None else _crisis_plan(source, crisis, make),
        "versions": [
            make(model.Version, v, agreed_by=[_canonical_id(i) for i in v.agreed_by])
            for v in rows(PlanVersion, "number")
        ],
    }
    return make(model.Plan, plan, **nested)


def _crisis_plan(source: Rows, crisis: CrisisPlan, make: Make) -> Any:
    contacts = [
        make(model.Contact, c) for c in ordered_rows(source.contacts(crisis.id), "position")
    ]
    return make(model.CrisisPlan, crisis, contacts=contacts)


def _canonical_id(value: Any) -> Any:
    try:
        return str(uuid.UUID(value))
    except (TypeError, ValueError, AttributeError):
        return value
