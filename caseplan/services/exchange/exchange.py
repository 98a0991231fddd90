"""A person's data as one JSON document, ``caseplan.person/1`` (docs/json-format.md).

Export writes everything Caseplan stores about the person, all plans open and closed, as
deterministic bytes, so export → import into an empty database → export gives the same
file. Import is all or nothing: the whole document is checked before anything is written,
and then written in one transaction.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseplan.errors import AlreadyExists, InvalidInput, NotFound, tr_noop
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
    PlanStatus,
    PlanVersion,
    Review,
    ReviewRating,
    Step,
    meeting_attendees,
)
from caseplan.services.context import Context
from caseplan.services.exchange.schema import (
    ATTRIBUTE,
    FORMAT,
    FREE,
    MAX_DOCUMENT_BYTES,
    SCHEMA,
    TOP_FIELDS,
    Obj,
    Reading,
    decode,
    key_path,
    show,
)
from caseplan.services.people.people import set_name_keys
from caseplan.services.security import access, audit
from caseplan.services.security.access import Action

__all__ = ["FORMAT", "MAX_DOCUMENT_BYTES", "build_document", "export_person", "import_person"]

MODELS: dict[str, type[Base]] = {
    "person": Person,
    "plan": Plan,
    "participant": Participant,
    "goal": Goal,
    "step": Step,
    "peer_contribution": PeerContribution,
    "meeting": Meeting,
    "review": Review,
    "crisis_plan": CrisisPlan,
    "contact": CrisisContact,
    "version": PlanVersion,
}
_CHUNK = 500


def export_person(ctx: Context, person_id: uuid.UUID) -> bytes:
    """The person's whole record as UTF-8 JSON bytes; the same data always gives the same bytes."""
    with ctx.write() as session:  # writes only the audit event
        access.require(ctx, Action.EXPORT, person_id, session=session)
        document = build_document(session, person_id)
        detail = _count(document["plans"])
        audit.record(session, ctx.actor, audit.Action.EXPORT, "person", person_id, detail)
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def build_document(session: Session, person_id: uuid.UUID) -> dict[str, Any]:
    """The person's ``caseplan.person/1`` document, read in ``session``.

    Neither checks access nor audits: the caller does both, in the same transaction.
    """
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound(tr_noop("This person is not in the database."))
    plans = ordered_rows(
        session.scalars(select(Plan).where(Plan.person_id == person_id)), "period_start"
    )
    return {
        "format": FORMAT,
        "person": as_document(person, "person", about_me=as_document(person, "about_me")),
        "plans": [_plan(session, plan) for plan in plans],
    }


def as_document(row: Any, kind: str, **nested: Any) -> dict[str, Any]:
    """``row`` as the document's object ``kind``, in the schema's field order."""
    result: dict[str, Any] = {}
    for key, spec in SCHEMA[kind].items():
        value = nested[key] if key in nested else getattr(row, ATTRIBUTE.get(key, key))
        result[key] = _sorted_keys(value) if spec is FREE else plain_value(value)
    return result


def plain_value(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def _sorted_keys(value: Any) -> Any:
    """Free-form JSON with its keys sorted, so the same snapshot always prints the same."""
    if isinstance(value, dict):
        return {key: _sorted_keys(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        return [_sorted_keys(item) for item in value]
    return value


def ordered_rows(rows: Iterable[Any], first: str) -> list[Any]:
    return sorted(rows, key=lambda row: (getattr(row, first), row.id))


def _plan(session: Session, plan: Plan) -> dict[str, Any]:
    def rows(model: Any, first: str) -> list[Any]:
        return ordered_rows(session.scalars(select(model).where(model.plan_id == plan.id)), first)

    team = rows(Participant, "position")
    goals = rows(Goal, "position")
    team_order = {p.id: index for index, p in enumerate(team)}
    goal_order = {g.id: index for index, g in enumerate(goals)}
    steps: dict[uuid.UUID, list[Step]] = {}
    for step in session.scalars(select(Step).join(Goal).where(Goal.plan_id == plan.id)):
        steps.setdefault(step.goal_id, []).append(step)

    def attendees(meeting: Meeting) -> list[str]:
        query = select(meeting_attendees.c.participant_id).where(
            meeting_attendees.c.meeting_id == meeting.id
        )
        found = session.scalars(query)
        return [str(i) for i in sorted(found, key=lambda i: (team_order.get(i, len(team)), i))]

    def ratings(review: Review) -> list[dict[str, Any]]:
        found = session.scalars(select(ReviewRating).where(ReviewRating.review_id == review.id))
        return [
            as_document(r, "rating")
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

    crisis = session.scalars(select(CrisisPlan).where(CrisisPlan.plan_id == plan.id)).first()
    nested = {
        "participants": [
            as_document(p, "participant", consent=as_document(p, "consent")) for p in team
        ],
        "goals": [
            as_document(
                g,
                "goal",
                steps=[
                    as_document(s, "step") for s in ordered_rows(steps.get(g.id, []), "position")
                ],
            )
            for g in goals
        ],
        "peer_contributions": [
            as_document(c, "peer_contribution") for c in rows(PeerContribution, "date")
        ],
        "meetings": [
            as_document(m, "meeting", attendees=attendees(m)) for m in rows(Meeting, "date")
        ],
        "reviews": [as_document(r, "review", ratings=ratings(r)) for r in rows(Review, "date")],
        "crisis_plan": None if crisis is None else _crisis_plan(session, crisis),
        "versions": [
            as_document(v, "version", agreed_by=[_canonical_id(i) for i in v.agreed_by])
            for v in rows(PlanVersion, "number")
        ],
    }
    return as_document(plan, "plan", **nested)


def _crisis_plan(session: Session, crisis: CrisisPlan) -> dict[str, Any]:
    query = select(CrisisContact).where(CrisisContact.crisis_plan_id == crisis.id)
    contacts = [as_document(c, "contact") for c in ordered_rows(session.scalars(query), "position")]
    return as_document(crisis, "crisis_plan", contacts=contacts)


def _canonical_id(value: Any) -> Any:
    try:
        return str(uuid.UUID(value))
    except (TypeError, ValueError, AttributeError):
        return value


def import_person(ctx: Context, data: bytes) -> uuid.UUID:
    """Add the person in ``data`` with all their plans, or refuse and write nothing."""
    access.require(ctx, Action.IMPORT)
    document = read_document(data)
    with ctx.write() as session:
        _refuse_known_ids(session, document.ids)
        set_name_keys(document.person)
        # In stages: several foreign keys have no relationship for the ORM to order inserts by.
        for stage in document.stages:
            session.add_all(stage)
            session.flush()
        for plan, coordinator in document.coordinators:
            plan.coordinator_id = coordinator
        session.flush()
        detail = _count(document.stages[1])
        audit.record(session, ctx.actor, audit.Action.IMPORT, "person", document.person.id, detail)
        return document.person.id


def _count(plans: list[Any]) -> str:
    return f"plans: {len(plans)}"


@dataclass
class Document:
    """A checked document as new ORM objects, grouped in the order they must be inserted."""

    person: Person
    stages: list[list[Base]]
    coordinators: list[tuple[Plan, uuid.UUID]]
    ids: dict[uuid.UUID, tuple[str, str]]


def read_document(data: bytes) -> Document:
    """Check the whole document and build (but do not add) its ORM objects."""
    root = decode(data)
    if not isinstance(root, dict):
        raise InvalidInput(
            tr_noop("The file does not hold a Caseplan person: it is not one JSON object.")
        )
    if "format" not in root:
        raise InvalidInput(
            tr_noop('The file does not say its format; it must have "format": "{expected}".'),
            expected=FORMAT,
        )
    if root["format"] != FORMAT:
        raise InvalidInput(
            tr_noop("The file is in the format {format}, which this Caseplan cannot read."),
            format=show(root["format"]),
        )
    for key in root:
        if key not in TOP_FIELDS:
            raise InvalidInput(
                tr_noop("{field} is not a field Caseplan knows."), field=key_path("", key)
            )
    for key in TOP_FIELDS:
        if key not in root:
            raise InvalidInput(tr_noop("{field} is missing."), field=key)
    reading = Reading()
    built = _Built()
    person = _person(Obj(root["person"], "person", "person", reading))
    if not isinstance(root["plans"], list):
        raise InvalidInput(tr_noop("{field} must be a list."), field="plans")
    open_plans: list[str] = []
    for index, item in enumerate(root["plans"]):
        plan = built.plan(Obj(item, f"plans[{index}]", "plan", reading), person.id)
        if plan.status != PlanStatus.CLOSED:
            open_plans.append(f"plans[{index}]")
    if len(open_plans) > 1:
        raise InvalidInput(
            tr_noop("Only one plan can be open at a time, but {first} and {second} are both open."),
            first=open_plans[0],
            second=open_plans[1],
        )
    stages: list[list[Base]] = [
        [person],
        built.plans,
        built.team,
        built.goals,
        built.records,
        built.last,
    ]
    return Document(person, stages, built.coordinators, reading.ids)


def _person(o: Obj) -> Person:
    values = o.values()
    about = o.one("about_me")
    assert about is not None
    return Person(**values, **about.values())


class _Built:
    def __init__(self) -> None:
        self.plans: list[Base] = []
        self.team: list[Base] = []
        self.goals: list[Base] = []
        self.records: list[Base] = []
        self.last: list[Base] = []
        self.coordinators: list[tuple[Plan, uuid.UUID]] = []

    def plan(self, o: Obj, person_id: uuid.UUID) -> Plan:
        plan = Plan(person_id=person_id, **o.values("coordinator"))
        _not_before(o, "period_end", plan.period_end, "period_start", plan.period_start)
        self.plans.append(plan)
        team: dict[uuid.UUID, Participant] = {}
        o.reading.scope = {"team": team, "goals": {}}
        for position, p in enumerate(o.many("participants")):
            values = p.values()
            consent_object = p.one("consent")
            assert consent_object is not None
            consent = consent_object.values()
            granted, expires = consent["consent_granted_on"], consent["consent_expires_on"]
            _not_before(consent_object, "expires_on", expires, "granted_on", granted)
            participant = Participant(plan_id=plan.id, position=position, **values, **consent)
            team[participant.id] = participant
            self.team.append(participant)
        coordinator = o.read("coordinator")
        if coordinator is not None:
            self.coordinators.append((plan, coordinator))
        goals: dict[uuid.UUID, Goal] = {}
        o.reading.scope["goals"] = goals
        for position, g in enumerate(o.many("goals")):
            goal = Goal(plan_id=plan.id, position=position, **g.values())
            goals[goal.id] = goal
            self.goals.append(goal)
            for step_position, s in enumerate(g.many("steps")):
                self.records.append(Step(goal_id=goal.id, position=step_position, **s.values()))
        for c in o.many("peer_contributions"):
            contribution = PeerContribution(plan_id=plan.id, **c.values())
            if contribution.paid_minutes > contribution.minutes:
                raise InvalidInput(
                    tr_noop("{field} must be a whole number from 0 to {high}."),
                    field=c.at("paid_minutes"),
                    high=contribution.minutes,
                )
            self.records.append(contribution)
        for m in o.many("meetings"):
            values = m.values()
            values["attendees"] = [team[i] for i in values["attendees"]]
            self.records.append(Meeting(plan_id=plan.id, **values))
        for r in o.many("reviews"):
            self._review(r, plan.id)
        crisis = o.one("crisis_plan")
        if crisis is not None:
            crisis_plan = CrisisPlan(plan_id=plan.id, **crisis.values())
            self.records.append(crisis_plan)
            for position, x in enumerate(crisis.many("contacts")):
                self.last.append(
                    CrisisContact(crisis_plan_id=crisis_plan.id, position=position, **x.values())
                )
        self._versions(o, plan.id)
        return plan

    def _review(self, r: Obj, plan_id: uuid.UUID) -> None:
        review = Review(plan_id=plan_id, **r.values())
        self.records.append(review)
        rated: set[tuple[uuid.UUID, uuid.UUID]] = set()
        for x in r.many("ratings"):
            rating = ReviewRating(review_id=review.id, **x.values())
            if (rating.goal_id, rating.by_id) in rated:
                raise InvalidInput(
                    tr_noop("{field} rates a goal that the same participant already rated."),
                    field=x.path,
                )
            rated.add((rating.goal_id, rating.by_id))
            self.last.append(rating)

    def _versions(self, o: Obj, plan_id: uuid.UUID) -> None:
        numbers: dict[int, str] = {}
        for v in o.many("versions"):
            values = v.values()
            values["agreed_by"] = [str(i) for i in values["agreed_by"]]
            version = PlanVersion(plan_id=plan_id, **values)
            if version.number in numbers:
                raise InvalidInput(
                    tr_noop("{field} is the same number as {other}."),
                    field=v.at("number"),
                    other=numbers[version.number],
                )
            numbers[version.number] = v.at("number")
            self.records.append(version)


def _not_before(o: Obj, key: str, value: date | None, other: str, earliest: date | None) -> None:
    if value is not None and earliest is not None and value < earliest:
        raise InvalidInput(
            tr_noop("{field} is before {other}."), field=o.at(key), other=o.at(other)
        )


def _refuse_known_ids(session: Session, ids: dict[uuid.UUID, tuple[str, str]]) -> None:
    """Refuse ids that are already stored, naming the first one found."""
    by_kind: dict[str, list[uuid.UUID]] = {}
    for ident, (_, kind) in ids.items():
        by_kind.setdefault(kind, []).append(ident)
    for kind, idents in by_kind.items():
        column = MODELS[kind].__table__.c.id
        for start in range(0, len(idents), _CHUNK):
            chunk = idents[start : start + _CHUNK]
            known = set(session.scalars(select(column).where(column.in_(chunk))))
            for ident in chunk:
                if ident not in known:
                    continue
                if kind == "person":
                    raise AlreadyExists(tr_noop("This person is already in the database."))
                raise AlreadyExists(
                    tr_noop("{field} is already in the database, under another person."),
                    field=ids[ident][0],
                )
