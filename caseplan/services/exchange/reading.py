"""Reading a ``caseplan.person/1`` file for import: bytes to a checked :class:`PersonDocument`.

Three steps, each refusing with one sentence that names the field by its path in the
document (``plans[0].goals[2].own_words``), so whoever fixes the file knows where to look:

1. :func:`decode`: the bytes as JSON, refusing a file too large, not UTF-8, cut short, with
   NaN or Infinity, a key written twice in one object, or nested too deeply;
2. the typed model (:mod:`caseplan.services.exchange.model`) with ``context=IMPORT``: every
   field present and no other, every value of its kind;
3. :func:`check_records`: what spans records, on the typed model: ids unique in the whole
   document, references to the same plan's team and goals, dates in order, one open plan.
"""

from __future__ import annotations

import json
import math
import re
import uuid
from collections.abc import Iterable
from datetime import date
from typing import Any, NoReturn

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from caseplan.errors import InvalidInput, tr_noop
from caseplan.models.enums import PlanStatus
from caseplan.services.exchange.kinds import IMPORT, NOT_A_LIST, NOT_AN_OBJECT
from caseplan.services.exchange.model import FORMAT, PersonDocument, Plan

#: No real person's data comes near this; a larger file is refused before it is parsed.
MAX_DOCUMENT_BYTES = 32_000_000

_PLAIN_KEY = re.compile(r"[a-z_]{1,40}")
#: Every id in a document: the id -> (its path, the kind of record).
Ids = dict[uuid.UUID, tuple[str, str]]


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
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise InvalidInput(
                    tr_noop("The file has an object in which {key} is written twice."),
                    key=show(key),
                )
            seen.add(key)
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


def path_of(loc: Iterable[str | int]) -> str:
    """``("plans", 0, "goals", 2, "own_words")`` as ``plans[0].goals[2].own_words``."""
    path = ""
    for step in loc:
        path = f"{path}[{step}]" if isinstance(step, int) else key_path(path, step)
    return path


def check_document(data: bytes) -> tuple[PersonDocument, Ids]:
    """The checked document in ``data`` and every id in it, or one sentence saying why not."""
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
    try:
        document = PersonDocument.model_validate(root, context=IMPORT)
    except ValidationError as error:
        raise _refusal(error.errors()[0]) from None
    return document, check_records(document)


def _refusal(error: ErrorDetails) -> InvalidInput:
    """Pydantic's first error as Caseplan's sentence, naming the field by its path."""
    context = error.get("ctx") or {}
    if error["type"] == "caseplan":
        field = path_of((*error["loc"], *context["at"]))
        return InvalidInput(context["template"], field=field, **context["params"])
    sentence = NOT_A_LIST if error["type"] == "list_type" else NOT_AN_OBJECT
    return InvalidInput(sentence, field=path_of(error["loc"]))


def _refuse(template: str, field: str, **params: Any) -> NoReturn:
    raise InvalidInput(template, field=field, **params)


NOT_ON_TEAM = tr_noop("{field} refers to a participant who is not on this plan's team.")


def check_records(document: PersonDocument) -> Ids:
    """What spans records; returns every id with its path and kind."""
    ids: Ids = {}

    def new_id(value: str, path: str, kind: str) -> None:
        ident = uuid.UUID(value)
        if ident in ids:
            _refuse(tr_noop("{field} uses the same id as {other}."), path, other=ids[ident][0])
        ids[ident] = (path, kind)

    new_id(document.person.id, "person.id", "person")
    open_plans: list[str] = []
    for index, plan in enumerate(document.plans):
        where = f"plans[{index}]"
        _check_plan(plan, where, new_id)
        if plan.status != PlanStatus.CLOSED:
            open_plans.append(where)
    if len(open_plans) > 1:
        raise InvalidInput(
            tr_noop("Only one plan can be open at a time, but {first} and {second} are both open."),
            first=open_plans[0],
            second=open_plans[1],
        )
    return ids


def _not_before(value: date | None, earliest: date | None, field: str, other: str) -> None:
    if value is not None and earliest is not None and value < earliest:
        _refuse(tr_noop("{field} is before {other}."), field, other=other)


def _on_team(value: str | None, team: set[str], field: str) -> None:
    if value is not None and value not in team:
        _refuse(NOT_ON_TEAM, field)


def _check_plan(plan: Plan, p: str, new_id: Any) -> None:
    new_id(plan.id, f"{p}.id", "plan")
    _not_before(plan.period_end, plan.period_start, f"{p}.period_end", f"{p}.period_start")
    team: set[str] = set()
    for i, member in enumerate(plan.participants):
        at = f"{p}.participants[{i}]"
        new_id(member.id, f"{at}.id", "participant")
        consent = member.consent
        _not_before(
            consent.expires_on,
            consent.granted_on,
            f"{at}.consent.expires_on",
            f"{at}.consent.granted_on",
        )
        team.add(member.id)
    _on_team(plan.coordinator, team, f"{p}.coordinator")
    goals: set[str] = set()
    for i, goal in enumerate(plan.goals):
        new_id(goal.id, f"{p}.goals[{i}].id", "goal")
        goals.add(goal.id)
        for j, step in enumerate(goal.steps):
            at = f"{p}.goals[{i}].steps[{j}]"
            new_id(step.id, f"{at}.id", "step")
            _on_team(step.responsible, team, f"{at}.responsible")
    for i, contribution in enumerate(plan.peer_contributions):
        at = f"{p}.peer_contributions[{i}]"
        new_id(contribution.id, f"{at}.id", "peer_contribution")
        _on_team(contribution.peer, team, f"{at}.peer")
        if contribution.paid_minutes > contribution.minutes:
            _refuse(
                tr_noop("{field} must be a whole number from 0 to {high}."),
                f"{at}.paid_minutes",
                high=contribution.minutes,
            )
    for i, meeting in enumerate(plan.meetings):
        at = f"{p}.meetings[{i}]"
        new_id(meeting.id, f"{at}.id", "meeting")
        for j, attendee in enumerate(meeting.attendees):
            _on_team(attendee, team, f"{at}.attendees[{j}]")
    for i, review in enumerate(plan.reviews):
        at = f"{p}.reviews[{i}]"
        new_id(review.id, f"{at}.id", "review")
        rated: set[tuple[str, str]] = set()
        for j, rating in enumerate(review.ratings):
            if rating.goal not in goals:
                _refuse(
                    tr_noop("{field} refers to a goal that is not in this plan."),
                    f"{at}.ratings[{j}].goal",
                )
            _on_team(rating.by, team, f"{at}.ratings[{j}].by")
            if (rating.goal, rating.by) in rated:
                _refuse(
                    tr_noop("{field} rates a goal that the same participant already rated."),
                    f"{at}.ratings[{j}]",
                )
            rated.add((rating.goal, rating.by))
        for j, attendee in enumerate(review.attendees):
            _on_team(attendee, team, f"{at}.attendees[{j}]")
        noted: set[str] = set()
        for j, about in enumerate(review.goals):
            if about.goal not in goals:
                _refuse(
                    tr_noop("{field} refers to a goal that is not in this plan."),
                    f"{at}.goals[{j}].goal",
                )
            if about.goal in noted:
                _refuse(
                    tr_noop("{field} is about a goal this review already speaks of."),
                    f"{at}.goals[{j}]",
                )
            noted.add(about.goal)
    if plan.crisis_plan is not None:
        new_id(plan.crisis_plan.id, f"{p}.crisis_plan.id", "crisis_plan")
        for i, contact in enumerate(plan.crisis_plan.contacts):
            new_id(contact.id, f"{p}.crisis_plan.contacts[{i}].id", "contact")
    numbers: dict[int, str] = {}
    for i, version in enumerate(plan.versions):
        at = f"{p}.versions[{i}]"
        new_id(version.id, f"{at}.id", "version")
        for j, agreed in enumerate(version.agreed_by):
            _on_team(agreed, team, f"{at}.agreed_by[{j}]")
        if version.number in numbers:
            _refuse(
                tr_noop("{field} is the same number as {other}."),
                f"{at}.number",
                other=numbers[version.number],
            )
        numbers[version.number] = f"{at}.number"
