"""What the printed plan may show, read from a ``caseplan.person/1`` document.

Only the fields listed here ever reach a page: worker's notes, ids and every plan other than
the open one are dropped while reading, so no renderer can print them by accident.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from caseplan.errors import InvalidInput, tr_noop
from caseplan.reports.i18n import normalise_language

ABOUT_ME_FIELDS = (
    "what_matters",
    "strengths",
    "what_helps",
    "what_does_not_help",
    "how_i_want_to_be_met",
)
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


def _mapping(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _items(value: object) -> list[Mapping[str, Any]]:
    if not isinstance(value, Sequence) or isinstance(value, str | bytes):
        return []
    return [item for item in value if isinstance(item, Mapping)]


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


def _goals(raw: object) -> tuple[Goal, ...]:
    goals = []
    for goal in _items(raw):
        steps = tuple(
            Step(
                key=text(step.get("id")),
                action=text(step.get("action")),
                responsible=text(step.get("responsible")),
                due=to_date(step.get("due")),
                status=text(step.get("status")),
            )
            for step in _items(goal.get("steps"))
        )
        goals.append(
            Goal(
                key=text(goal.get("id")),
                domain=text(goal.get("domain")) or "other",
                own_words=text(goal.get("own_words")),
                status=text(goal.get("status")),
                target_date=to_date(goal.get("target_date")),
                steps=steps,
            )
        )
    return tuple(goals)


def _versions(raw: object) -> tuple[Version, ...]:
    versions = []
    for index, version in enumerate(_items(raw), start=1):
        number = version.get("number")
        snapshot = _mapping(version.get("snapshot"))
        goals_raw = snapshot.get("goals", _mapping(snapshot.get("plan")).get("goals"))
        versions.append(
            Version(
                number=number if isinstance(number, int) else index,
                agreed_on=to_date(version.get("agreed_on")),
                agreed_by=tuple(text(k) for k in version.get("agreed_by") or () if text(k)),
                goals=_goals(goals_raw) if goals_raw is not None else None,
            )
        )
    versions.sort(key=lambda v: (v.number, v.agreed_on or date.min))
    return tuple(versions)


def open_plan(document: Mapping[str, Any]) -> Mapping[str, Any]:
    """The plan that is not closed (the newest, should an export ever hold two)."""
    plans = _items(document.get("plans"))
    open_plans = [plan for plan in plans if plan.get("status") != "closed"]
    if not open_plans:
        raise InvalidInput(tr_noop("This person has no open plan to print."))
    return open_plans[-1]


def read_plan(document: Mapping[str, Any], language: str | None = None) -> PlanView:
    """The printable view of the person's open plan."""
    person = _mapping(document.get("person"))
    plan = open_plan(document)
    about = _mapping(person.get("about_me"))
    participants = tuple(
        Participant(
            key=text(p.get("id")),
            role=text(p.get("role")),
            name=text(p.get("name")),
            organisation=text(p.get("organisation")),
            phone=text(p.get("phone")),
            email=text(p.get("email")),
            consent_scope=text(_mapping(p.get("consent")).get("scope")) or "none",
            consent_expires_on=to_date(_mapping(p.get("consent")).get("expires_on")),
            offers=text(p.get("offers")),
            availability=text(p.get("availability")),
        )
        for p in _items(plan.get("participants"))
    )
    known = {p.key for p in participants}
    crisis_raw = _mapping(plan.get("crisis_plan"))
    crisis = CrisisPlan(
        fields={name: text(crisis_raw.get(name)) for name in CRISIS_FIELDS},
        contacts=tuple(
            CrisisContact(text(c.get("name")), text(c.get("role")), text(c.get("phone")))
            for c in _items(crisis_raw.get("contacts"))
        ),
    )
    versions = _versions(plan.get("versions"))
    peer_contact: dict[str, PeerContact] = {}
    for contribution in _items(plan.get("peer_contributions")):
        peer = text(contribution.get("peer"))
        when = to_date(contribution.get("date"))
        before = peer_contact.get(peer, PeerContact(0, None))
        last = max((d for d in (before.last, when) if d is not None), default=None)
        peer_contact[peer] = PeerContact(before.count + 1, last)
    return PlanView(
        full_name=text(person.get("full_name")),
        preferred_name=text(person.get("preferred_name")),
        language=normalise_language(language or text(person.get("preferred_language"))),
        about_me={name: text(about.get(name)) for name in ABOUT_ME_FIELDS},
        status=text(plan.get("status")) or "draft",
        period_start=to_date(plan.get("period_start")),
        period_end=to_date(plan.get("period_end")),
        next_review=to_date(plan.get("next_review")),
        coordinator=text(plan.get("coordinator")),
        participants=participants,
        goals=_goals(plan.get("goals")),
        crisis=crisis,
        versions=versions,
        present=tuple(k for k in _present(plan, versions) if k in known),
        peer_contact=peer_contact,
        meetings=_meetings(plan.get("meetings")),
    )


def _meetings(raw: object) -> tuple[Meeting, ...]:
    meetings = [
        Meeting(
            key=text(m.get("id")),
            day=to_date(m.get("date")),
            attendees=tuple(text(k) for k in m.get("attendees") or () if text(k)),
            shared_notes=text(m.get("shared_notes")),
            agreed=bool(m.get("agreed")),
        )
        for m in _items(raw)
    ]
    meetings.sort(key=lambda m: m.day or date.min)
    return tuple(meetings)


def _present(plan: Mapping[str, Any], versions: tuple[Version, ...]) -> tuple[str, ...]:
    """Who was there when the plan was agreed: the last agreeing meeting, else the last version."""
    agreeing = [m for m in _items(plan.get("meetings")) if m.get("agreed")]
    agreeing.sort(key=lambda m: to_date(m.get("date")) or date.min)
    if agreeing:
        return tuple(text(k) for k in agreeing[-1].get("attendees") or ())
    if versions:
        return versions[-1].agreed_by
    return ()
