"""The ``caseplan.person/1`` document: its schema, and strict readers for each value.

Reading refuses with one sentence that names the field by its path in the document
(``plans[0].goals[2].own_words``), so whoever fixes the file knows where to look.
Text goes through the models' own rule (:func:`caseplan.models.text.clean_text`).
"""

from __future__ import annotations

import json
import math
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from caseplan.errors import InvalidInput, tr_noop
from caseplan.models.enums import (
    ConsentScope,
    ContributionKind,
    GoalStatus,
    Language,
    LifeDomain,
    ParticipantRole,
    PeerEngagement,
    PlanStatus,
    StepStatus,
)
from caseplan.models.text import EMAIL, LONG, MEDIUM, PHONE, SHORT, clean_text

FORMAT = "caseplan.person/1"

#: No real person's data comes near this; a larger file is refused before it is parsed.
MAX_DOCUMENT_BYTES = 32_000_000
#: How deeply an agreed version's free-form snapshot may nest.
MAX_FREE_DEPTH = 32

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MOMENT = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?(Z|[+-][0-9]{2}:[0-9]{2})"
)
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_PLAIN_KEY = re.compile(r"[a-z_]{1,40}")
#: NFC can make a text at most three times longer, so anything longer is too long anyway.
_NFC_GROWTH = 3

TOP_FIELDS = ("format", "person", "plans")


@dataclass(frozen=True)
class Text:
    limit: int
    multiline: bool = False
    nonempty: bool = False


@dataclass(frozen=True)
class Day:
    nullable: bool = True


@dataclass(frozen=True)
class Choice:
    enum: type[StrEnum]


@dataclass(frozen=True)
class Whole:
    low: int
    high: int


@dataclass(frozen=True)
class Ref:
    """The id of a participant (``to="team"``) or goal (``to="goals"``) of the same plan."""

    to: str
    nullable: bool = False


@dataclass(frozen=True)
class Mark:
    """A kind of field with nothing to configure; see the constants below."""

    name: str


MOMENT = Mark("a point in time, written with its UTC offset")
FLAG = Mark("true or false")
ID = Mark("the record's own id, unique in the whole document")
TEAM_IDS = Mark("a list of distinct ids of participants of the same plan")
FREE = Mark("any JSON object (an agreed version's snapshot), its texts held to the text rules")


@dataclass(frozen=True)
class One:
    kind: str
    nullable: bool = False


@dataclass(frozen=True)
class Many:
    kind: str


Spec = Text | Day | Choice | Whole | Ref | Mark | One | Many

_NOTE = Text(LONG, multiline=True)

#: Every object of the document: its fields in the order export writes them.
SCHEMA: dict[str, dict[str, Spec]] = {
    "person": {
        "id": ID,
        "full_name": Text(SHORT, nonempty=True),
        "preferred_name": Text(SHORT),
        "date_of_birth": Day(),
        "preferred_language": Choice(Language),
        "about_me": One("about_me"),
        "created_at": MOMENT,
    },
    "about_me": {
        "what_matters": _NOTE,
        "strengths": _NOTE,
        "what_helps": _NOTE,
        "what_does_not_help": _NOTE,
        "how_i_want_to_be_met": _NOTE,
    },
    "plan": {
        "id": ID,
        "status": Choice(PlanStatus),
        "period_start": Day(nullable=False),
        "period_end": Day(),
        "next_review": Day(),
        "peer_consent_granted_on": Day(),
        "peer_consent_expires_on": Day(),
        "coordinator": Ref("team", nullable=True),
        "created_at": MOMENT,
        "participants": Many("participant"),
        "goals": Many("goal"),
        "peer_contributions": Many("peer_contribution"),
        "meetings": Many("meeting"),
        "reviews": Many("review"),
        "crisis_plan": One("crisis_plan", nullable=True),
        "versions": Many("version"),
    },
    "participant": {
        "id": ID,
        "role": Choice(ParticipantRole),
        "name": Text(SHORT),
        "organisation": Text(SHORT),
        "phone": Text(PHONE),
        "email": Text(EMAIL),
        "offers": Text(MEDIUM, multiline=True),
        "availability": Text(SHORT),
        "peer_engagement": Choice(PeerEngagement),
        "consent": One("consent"),
    },
    "consent": {"granted_on": Day(), "expires_on": Day(), "scope": Choice(ConsentScope)},
    "goal": {
        "id": ID,
        "domain": Choice(LifeDomain),
        "own_words": Text(MEDIUM, multiline=True, nonempty=True),
        "worker_note": _NOTE,
        "status": Choice(GoalStatus),
        "target_date": Day(),
        "priority": Whole(1, 3),
        "steps": Many("step"),
    },
    "step": {
        "id": ID,
        "action": Text(MEDIUM, multiline=True, nonempty=True),
        "responsible": Ref("team", nullable=True),
        "due": Day(),
        "status": Choice(StepStatus),
        "worker_note": _NOTE,
    },
    "peer_contribution": {
        "id": ID,
        "peer": Ref("team"),
        "date": Day(nullable=False),
        "minutes": Whole(1, 1440),
        "kind": Choice(ContributionKind),
        "note": _NOTE,
        "paid_minutes": Whole(0, 1440),
        "created_at": MOMENT,
    },
    "meeting": {
        "id": ID,
        "date": Day(nullable=False),
        "attendees": TEAM_IDS,
        "shared_notes": _NOTE,
        "worker_note": _NOTE,
        "agreed": FLAG,
    },
    "review": {
        "id": ID,
        "date": Day(nullable=False),
        "ratings": Many("rating"),
        "what_helped": _NOTE,
        "what_got_in_the_way": _NOTE,
        "next_review": Day(),
    },
    "rating": {"goal": Ref("goals"), "by": Ref("team"), "score": Whole(0, 10)},
    "crisis_plan": {
        "id": ID,
        "warning_signs": _NOTE,
        "triggers": _NOTE,
        "what_i_do": _NOTE,
        "what_others_do": _NOTE,
        "what_does_not_help": _NOTE,
        "treatment_wanted": _NOTE,
        "treatment_not_wanted": _NOTE,
        "contacts": Many("contact"),
    },
    "contact": {"id": ID, "name": Text(SHORT), "role": Text(SHORT), "phone": Text(PHONE)},
    "version": {
        "id": ID,
        "number": Whole(1, 1_000_000),
        "agreed_on": Day(nullable=False),
        "agreed_by": TEAM_IDS,
        "snapshot": FREE,
        "created_at": MOMENT,
    },
}

#: Where a field's name in the document differs from the model's attribute.
ATTRIBUTE = {
    "coordinator": "coordinator_id",
    "responsible": "responsible_id",
    "peer": "peer_id",
    "goal": "goal_id",
    "by": "by_id",
    "granted_on": "consent_granted_on",
    "expires_on": "consent_expires_on",
    "scope": "consent_scope",
}


class _NotJson(Exception):
    """NaN, Infinity or an overflowing number: Python reads them, JSON does not allow them."""


def decode(data: bytes) -> Any:
    """Bytes to JSON values, or one sentence saying why the file cannot be read."""
    if len(data) > MAX_DOCUMENT_BYTES:
        raise InvalidInput(
            tr_noop("The file is too large to be one person's data: at most {limit} MB is read."),
            limit=MAX_DOCUMENT_BYTES // 1_000_000,
        )
    try:
        text = bytes(data).decode("utf-8")
    except UnicodeDecodeError as error:
        raise InvalidInput(
            tr_noop("The file is not UTF-8 text (the first wrong byte is at position {position})."),
            position=error.start,
        ) from error
    try:
        return json.loads(
            text.removeprefix("\ufeff"),
            object_pairs_hook=_object_without_repeats,
            parse_constant=_refuse_constant,
            parse_float=_finite_float,
        )
    except json.JSONDecodeError as error:
        raise InvalidInput(
            tr_noop("The file is cut short or is not valid JSON (line {line}, column {column})."),
            line=error.lineno,
            column=error.colno,
        ) from error
    except RecursionError as error:
        raise InvalidInput(
            tr_noop("The file nests lists or objects too deeply to be a person's data.")
        ) from error
    except (_NotJson, ValueError) as error:  # ValueError: an integer of thousands of digits
        raise InvalidInput(
            tr_noop("The file holds a number that is not valid JSON or is too large to read.")
        ) from error


def _object_without_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise InvalidInput(
                tr_noop("The file has an object in which {key} is written twice."), key=show(key)
            )
        result[key] = value
    return result


def _refuse_constant(name: str) -> Any:
    raise _NotJson(name)


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _NotJson(text)
    return value


def show(value: Any) -> str:
    """A short, plain-ASCII quotation of a value from the file, safe to put in a sentence."""
    quoted = json.dumps(value, ensure_ascii=True)
    return quoted if len(quoted) <= 60 else quoted[:57] + "..."


def key_path(path: str, key: str) -> str:
    name = key if _PLAIN_KEY.fullmatch(key) else f"[{show(key)}]"
    if not path or name.startswith("["):
        return f"{path}{name}"
    return f"{path}.{name}"


class Reading:
    """What a whole document shares while it is read: ids seen, and what references may name."""

    def __init__(self) -> None:
        self.ids: dict[uuid.UUID, tuple[str, str]] = {}  # id -> (path, kind)
        self.scope: dict[str, Mapping[uuid.UUID, Any]] = {"team": {}, "goals": {}}


class Obj:
    """One JSON object of the document, with exactly its schema's fields, read field by field."""

    def __init__(self, value: Any, path: str, kind: str, reading: Reading) -> None:
        self.spec = SCHEMA[kind]
        if not isinstance(value, dict):
            raise InvalidInput(tr_noop("{field} must be a JSON object."), field=path)
        for key in value:
            if key not in self.spec:
                raise InvalidInput(
                    tr_noop("{field} is not a field Caseplan knows."), field=key_path(path, key)
                )
        for key in self.spec:
            if key not in value:
                raise InvalidInput(tr_noop("{field} is missing."), field=key_path(path, key))
        self.value: dict[str, Any] = value
        self.path = path
        self.kind = kind
        self.reading = reading

    def at(self, key: str) -> str:
        return key_path(self.path, key)

    def values(self, *skip: str) -> dict[str, Any]:
        """Every plain field, checked, under the model's attribute names."""
        return {
            ATTRIBUTE.get(key, key): self.read(key)
            for key, spec in self.spec.items()
            if key not in skip and not isinstance(spec, One | Many)
        }

    def one(self, key: str) -> Obj | None:
        spec = self.spec[key]
        assert isinstance(spec, One)
        if self.value[key] is None and spec.nullable:
            return None
        return Obj(self.value[key], self.at(key), spec.kind, self.reading)

    def many(self, key: str) -> list[Obj]:
        spec = self.spec[key]
        assert isinstance(spec, Many)
        return [Obj(item, path, spec.kind, self.reading) for path, item in self._list(key)]

    def _list(self, key: str) -> list[tuple[str, Any]]:
        if not isinstance(self.value[key], list):
            raise InvalidInput(tr_noop("{field} must be a list."), field=self.at(key))
        return [(f"{self.at(key)}[{i}]", item) for i, item in enumerate(self.value[key])]

    def read(self, key: str) -> Any:
        spec, raw, field = self.spec[key], self.value[key], self.at(key)
        if isinstance(spec, Text):
            text = clean_text_field(raw, field=field, limit=spec.limit, multiline=spec.multiline)
            if spec.nonempty and not text.strip():
                raise InvalidInput(tr_noop("{field} must not be empty."), field=field)
            return text
        if isinstance(spec, Day):
            return None if raw is None and spec.nullable else parse_date(raw, field)
        if isinstance(spec, Choice):
            allowed = [member.value for member in spec.enum]
            if not isinstance(raw, str) or raw not in allowed:
                raise InvalidInput(
                    tr_noop("{field} must be one of: {allowed}."),
                    field=field,
                    allowed=", ".join(allowed),
                )
            return spec.enum(raw)
        if isinstance(spec, Whole):
            if type(raw) is not int or not spec.low <= raw <= spec.high:
                raise InvalidInput(
                    tr_noop("{field} must be a whole number from {low} to {high}."),
                    field=field,
                    low=spec.low,
                    high=spec.high,
                )
            return raw
        if isinstance(spec, Ref):
            return None if raw is None and spec.nullable else self._ref(raw, field, spec.to)
        if spec is MOMENT:
            return parse_moment(raw, field)
        if spec is FLAG:
            if raw is not True and raw is not False:
                raise InvalidInput(tr_noop("{field} must be true or false."), field=field)
            return raw
        if spec is ID:
            return self._new_id(raw, field)
        if spec is TEAM_IDS:
            chosen: dict[uuid.UUID, None] = {}
            for path, item in self._list(key):
                ident = self._ref(item, path, "team")
                if ident in chosen:
                    raise InvalidInput(
                        tr_noop("{field} names the same participant twice."), field=path
                    )
                chosen[ident] = None
            return list(chosen)
        if spec is FREE:
            if not isinstance(raw, dict):
                raise InvalidInput(tr_noop("{field} must be a JSON object."), field=field)
            return free_value(raw, field)
        raise TypeError(f"{key} is a nested object; use one() or many()")

    def _new_id(self, raw: Any, field: str) -> uuid.UUID:
        ident = parse_id(raw, field)
        if ident in self.reading.ids:
            raise InvalidInput(
                tr_noop("{field} uses the same id as {other}."),
                field=field,
                other=self.reading.ids[ident][0],
            )
        self.reading.ids[ident] = (field, self.kind)
        return ident

    def _ref(self, raw: Any, field: str, to: str) -> uuid.UUID:
        ident = parse_id(raw, field)
        if ident not in self.reading.scope[to]:
            if to == "goals":
                raise InvalidInput(
                    tr_noop("{field} refers to a goal that is not in this plan."), field=field
                )
            raise InvalidInput(
                tr_noop("{field} refers to a participant who is not on this plan's team."),
                field=field,
            )
        return ident


def clean_text_field(raw: Any, *, field: str, limit: int, multiline: bool) -> str:
    if isinstance(raw, str) and len(raw) > _NFC_GROWTH * limit:
        # Refuse a huge text before normalising it character by character.
        raise InvalidInput(
            tr_noop("{field} is too long: at most {limit} characters, this has {length}."),
            field=field,
            limit=limit,
            length=len(raw),
        )
    return clean_text(raw, field=field, max_length=limit, multiline=multiline)


def parse_date(raw: Any, field: str) -> date:
    if not isinstance(raw, str) or not _DATE.fullmatch(raw):
        raise InvalidInput(tr_noop("{field} must be a date written as YYYY-MM-DD."), field=field)
    try:
        return date.fromisoformat(raw)
    except ValueError as error:
        raise InvalidInput(
            tr_noop("{field} is not a date that exists: {value}."), field=field, value=raw
        ) from error


def parse_moment(raw: Any, field: str) -> datetime:
    refusal = InvalidInput(
        tr_noop("{field} must be a time written as YYYY-MM-DDTHH:MM:SS+00:00."), field=field
    )
    if not isinstance(raw, str) or not _MOMENT.fullmatch(raw):
        raise refusal
    try:
        return datetime.fromisoformat(raw).astimezone(UTC)
    except (ValueError, OverflowError) as error:
        raise refusal from error


def parse_id(raw: Any, field: str) -> uuid.UUID:
    if not isinstance(raw, str) or not _UUID.fullmatch(raw):
        raise InvalidInput(
            tr_noop("{field} must be an id like 0b7c7f2e-5d1a-4c1e-9a53-2f0d8e4b6a10."),
            field=field,
        )
    return uuid.UUID(raw)


def free_value(raw: Any, field: str, depth: int = 0) -> Any:
    """Any JSON value, its texts and keys held to the text rules and its nesting bounded."""
    if depth > MAX_FREE_DEPTH:
        raise InvalidInput(tr_noop("{field} nests too deeply."), field=field)
    if isinstance(raw, str):
        # Checked, but kept exactly as written: an agreed version is never rewritten.
        clean_text_field(raw, field=field, limit=LONG, multiline=True)
        return raw
    if isinstance(raw, list):
        return [free_value(v, f"{field}[{i}]", depth + 1) for i, v in enumerate(raw)]
    if isinstance(raw, dict):
        result: dict[str, Any] = {}
        for key, value in raw.items():
            inner = key_path(field, key)
            clean_text_field(key, field=inner, limit=SHORT, multiline=False)
            result[key] = free_value(value, inner, depth + 1)
        return result
    return raw  # None, bool, int or a finite float: decode() lets nothing else through
