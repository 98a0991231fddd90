"""What the printed plan may show, read from a ``caseplan.person/1`` document.

Only the fields listed here ever reach a page: worker's notes, ids and every plan other than
the open one are dropped while reading, so no renderer can print them by accident. The
document is read through the format's one typed model
(:class:`~caseplan.services.exchange.model.PersonDocument`), as import and export use it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from caseplan.errors import InvalidInput, tr_noop
from caseplan.models.enums import PlanStatus
from caseplan.reports.i18n import normalise_language
from caseplan.services.exchange import model
from caseplan.services.exchange.model import PersonDocument

ABOUT_ME_FIELDS = (
    "what_matters",
    "strengths",
    "what_helps",
    "what_does_not_help",
    "how_i_want_to_be_met",
)
NO_OPEN_PLAN = tr_noop("This person has no open plan to print.")
CRISIS_FIELDS = (
    "warning_signs",
    "triggers",
    "what_i_do",
    "what_others_do",
    "what_does_not_help",
    "treatment_wanted",
    "treatment_not_wanted",
)


def text(value: object) -> str:
    """User text as NFC; anything that is not text prints as nothing."""
    if not isinstance(value, str):
        return ""
    return unicodedata.normalize("NFC", value)


def to_date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


@dataclass(frozen=True)
class Participant:
    key: str  # internal: used to join, never printed
    role: str
    name: str
    organisation: str
    phone: str
    email: str
    consent_scope: str
    consent_expires_on: date | None
    offers: str = ""  # a peer's: what they offer
    availability: str = ""  # a peer's: when they can be reached


@dataclass(frozen=True)
class Step:
    key: str
    action: str
    responsible: str
    due: date | None
    status: str


@dataclass(frozen=True)
class Goal:
    key: str
    domain: str
    own_words: str
    status: str
    target_date: date | None
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class CrisisContact:
    name: str
    role: str
    phone: str


@dataclass(frozen=True)
class CrisisPlan:
    fields: dict[str, str]
    contacts: tuple[CrisisContact, ...]

    @property
    def is_empty(self) -> bool:
        return not any(v.strip() for v in self.fields.values()) and not self.contacts


@dataclass(frozen=True)
class Version:
    number: int
    agreed_on: date | None
    agreed_by: tuple[str, ...]
    goals: tuple[Goal, ...] | None  # None when the export carries no snapshot
    #: read from a file, not agreed here: when and by whom (print-only keys of the version)
    imported_on: date | None = None
    imported_by: str = ""


@dataclass(frozen=True)
class PeerContact:
    count: int
    last: date | None


@dataclass(frozen=True)
class Meeting:
    """A meeting as the person may see it: never the worker's note."""

    key: str
    day: date | None
    attendees: tuple[str, ...]
    shared_notes: str
    agreed: bool


@dataclass(frozen=True)
class PlanView:
    full_name: str
    preferred_name: str
    language: str
    about_me: dict[str, str]
    status: str
    period_start: date | None
    period_end: date | None
    next_review: date | None
    coordinator: str
    participants: tuple[Participant, ...]
    goals: tuple[Goal, ...]
    crisis: CrisisPlan
    versions: tuple[Version, ...]
    present: tuple[str, ...]
    peer_contact: dict[str, PeerContact] = field(default_factory=dict)
    meetings: tuple[Meeting, ...] = ()

    def participant(self, key: str) -> Participant | None:
        for participant in self.participants:
            if participant.key == key:
                return participant
        return None

    @property
    def display_name(self) -> str:
        return self.full_name or self.preferred_name


def as_document(document: PersonDocument | Mapping[str, Any]) -> PersonDocument:
    """The typed document; a plain one (as JSON gives it) is read as Caseplan wrote it."""
    if isinstance(document, PersonDocument):
        return document
    return PersonDocument.model_validate(document)


def _goal(goal: model.Goal) -> Goal:
    return Goal(
        key=goal.id,
        domain=goal.domain.value,
        own_words=goal.own_words,
        status=goal.status.value,
        target_date=goal.target_date,
        steps=tuple(
            Step(
                key=step.id,
                action=step.action,
                responsible=step.responsible or "",
                due=step.due,
                status=step.status.value,
            )
            for step in goal.steps
        ),
    )


def _snapshot_goals(snapshot: Mapping[str, Any]) -> tuple[Goal, ...] | None:
    """The goals as they were agreed (None when the version carries no snapshot of them)."""
    plan = snapshot.get("plan")
    found = snapshot.get("goals", plan.get("goals") if isinstance(plan, Mapping) else None)
    if found is None:
        return None
    items = found if isinstance(found, list) else []
    return tuple(_goal(model.Goal.model_validate(g)) for g in items if isinstance(g, Mapping))


def _versions(plan: model.Plan) -> tuple[Version, ...]:
    versions = [
        Version(
            number=version.number,
            agreed_on=version.agreed_on,
            agreed_by=tuple(k for k in version.agreed_by if k),
            goals=_snapshot_goals(version.snapshot),
        )
        for version in plan.versions
    ]
    versions.sort(key=lambda v: (v.number, v.agreed_on or date.min))
    return tuple(versions)


def open_plan(document: Mapping[str, Any]) -> Mapping[str, Any]:
    """The plan that is not closed (the newest, should an export ever hold two)."""
    plans = [p for p in document.get("plans") or () if isinstance(p, Mapping)]
    open_plans = [plan for plan in plans if plan.get("status") != "closed"]
    if not open_plans:
        raise InvalidInput(NO_OPEN_PLAN)
    return open_plans[-1]


def _open_plan(document: PersonDocument) -> model.Plan:
    open_plans = [plan for plan in document.plans if plan.status != PlanStatus.CLOSED]
    if not open_plans:
        raise InvalidInput(NO_OPEN_PLAN)
    return open_plans[-1]


def read_plan(
    document: PersonDocument | Mapping[str, Any], language: str | None = None
) -> PlanView:
    """The printable view of the person's open plan."""
    typed = as_document(document)
    person = typed.person
    plan = _open_plan(typed)
    participants = tuple(
        Participant(
            key=p.id,
            role=p.role.value,
            name=p.name,
            organisation=p.organisation,
            phone=p.phone,
            email=p.email,
            consent_scope=p.consent.scope.value,
            consent_expires_on=p.consent.expires_on,
            offers=p.offers,
            availability=p.availability,
        )
        for p in plan.participants
    )
    known = {p.key for p in participants}
    crisis_plan = plan.crisis_plan or model.CrisisPlan()
    crisis = CrisisPlan(
        fields={name: getattr(crisis_plan, name) for name in CRISIS_FIELDS},
        contacts=tuple(CrisisContact(c.name, c.role, c.phone) for c in crisis_plan.contacts),
    )
    versions = _versions(plan)
    if not isinstance(document, PersonDocument):
        versions = _imported(open_plan(document), versions)
    peer_contact: dict[str, PeerContact] = {}
    for contribution in plan.peer_contributions:
        before = peer_contact.get(contribution.peer, PeerContact(0, None))
        days = (before.last, contribution.date)
        last = max((d for d in days if d is not None), default=None)
        peer_contact[contribution.peer] = PeerContact(before.count + 1, last)
    return PlanView(
        full_name=person.full_name,
        preferred_name=person.preferred_name,
        language=normalise_language(language or person.preferred_language),
        about_me={name: getattr(person.about_me, name) for name in ABOUT_ME_FIELDS},
        status=plan.status.value,
        period_start=plan.period_start,
        period_end=plan.period_end,
        next_review=plan.next_review,
        coordinator=plan.coordinator or "",
        participants=participants,
        goals=tuple(_goal(goal) for goal in plan.goals),
        crisis=crisis,
        versions=versions,
        present=tuple(k for k in _present(plan, versions) if k in known),
        peer_contact=peer_contact,
        meetings=_meetings(plan),
    )


def _imported(plan: Mapping[str, Any], versions: tuple[Version, ...]) -> tuple[Version, ...]:
    """The versions, those read from a file marked so (the printing service's marks)."""
    marks = {
        v.get("number"): (to_date(v.get("imported_on")), text(v.get("imported_by")))
        for v in plan.get("versions") or ()
        if isinstance(v, Mapping) and v.get("imported_on")
    }
    if not marks:
        return versions
    return tuple(
        replace(v, imported_on=marks[v.number][0], imported_by=marks[v.number][1])
        if v.number in marks
        else v
        for v in versions
    )


def _meetings(plan: model.Plan) -> tuple[Meeting, ...]:
    meetings = [
        Meeting(
            key=m.id,
            day=m.date,
            attendees=tuple(k for k in m.attendees if k),
            shared_notes=m.shared_notes,
            agreed=m.agreed,
        )
        for m in plan.meetings
    ]
    meetings.sort(key=lambda m: m.day or date.min)
    return tuple(meetings)


def _present(plan: model.Plan, versions: tuple[Version, ...]) -> tuple[str, ...]:
    """Who was there when the plan was agreed: the last agreeing meeting, else the last version."""
    agreeing = [m for m in plan.meetings if m.agreed]
    agreeing.sort(key=lambda m: m.date or date.min)
    if agreeing:
        return tuple(agreeing[-1].attendees)
    if versions:
        return versions[-1].agreed_by
    return ()
