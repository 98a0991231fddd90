"""The kinds of value in a ``caseplan.person/1`` file: how import checks each, how print reads it.

Each kind is a pydantic ``PlainValidator``: on import (``context=IMPORT``) it refuses with one
of Caseplan's sentences (:func:`refuse`), which :mod:`caseplan.services.exchange.reading`
turns into :class:`~caseplan.errors.InvalidInput` naming the field by its path; when a
document Caseplan wrote is read for printing it only makes the value usable (texts in NFC, a
value of the wrong type empty), as the printed plan always did.
"""

import re
import unicodedata
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Annotated, Any, NoReturn, TypeVar

from pydantic import PlainValidator, ValidationInfo
from pydantic_core import PydanticCustomError

from caseplan.errors import InvalidInput, tr_noop
from caseplan.models.enums import Language
from caseplan.models.text import ADDRESS, EMAIL, LONG, MEDIUM, PHONE, SHORT, clean_text

#: The validation context of an import: every rule of what may be stored applies.
IMPORT: Mapping[str, bool] = {"import": True}
#: How deeply an agreed version's free-form snapshot may nest.
MAX_FREE_DEPTH = 32
#: NFC can make a text at most three times longer, so anything longer is too long anyway.
_NFC_GROWTH = 3

UNKNOWN = tr_noop("{field} is not a field Caseplan knows.")
MISSING = tr_noop("{field} is missing.")
NOT_AN_OBJECT = tr_noop("{field} must be a JSON object.")
NOT_A_LIST = tr_noop("{field} must be a list.")
TOO_LONG = tr_noop("{field} is too long: at most {limit} characters, this has {length}.")
NOT_AN_ID = tr_noop("{field} must be an id like 0b7c7f2e-5d1a-4c1e-9a53-2f0d8e4b6a10.")

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MOMENT = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?(Z|[+-][0-9]{2}:[0-9]{2})"
)
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")

E = TypeVar("E", bound=StrEnum)
Loc = tuple[str | int, ...]


def importing(info: ValidationInfo) -> bool:
    return info.context is IMPORT


def refuse(template: str, *, at: str | int | Loc = (), **params: Any) -> NoReturn:
    """Refuse the value with ``template`` (its ``{field}`` is filled in with the path).

    ``at`` is where below the field being read the fault is (a key, an index, or both).
    """
    where = at if isinstance(at, tuple) else (at,)
    raise PydanticCustomError(
        "caseplan", "{template}", {"template": template, "params": params, "at": where}
    )


def _rule(check: Callable[[Any], Any], lenient: Callable[[Any], Any]) -> PlainValidator:
    def validate(value: Any, info: ValidationInfo) -> Any:
        return check(value) if importing(info) else lenient(value)

    return PlainValidator(validate)


# --- texts ---------------------------------------------------------------------------------


def checked_text(value: Any, limit: int, multiline: bool, at: Loc = ()) -> str:
    """``value`` by the text rules (:func:`caseplan.models.text.clean_text`), in NFC."""
    if isinstance(value, str) and len(value) > _NFC_GROWTH * limit:
        # Refuse a huge text before normalising it character by character.
        refuse(TOO_LONG, at=at, limit=limit, length=len(value))
    try:
        return clean_text(value, field="", max_length=limit, multiline=multiline)
    except InvalidInput as error:
        params = {k: v for k, v in error.params.items() if k != "field"}
        refuse(error.template, at=at, **params)


def _text(limit: int, *, multiline: bool = False, nonempty: bool = False) -> PlainValidator:
    def check(value: Any) -> str:
        text = checked_text(value, limit, multiline)
        if nonempty and not text.strip():
            refuse(tr_noop("{field} must not be empty."))
        return text

    return _rule(check, _lenient_text)


def _lenient_text(value: Any) -> str:
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else ""


Name = Annotated[str, _text(SHORT, nonempty=True)]
Short = Annotated[str, _text(SHORT)]
Phone = Annotated[str, _text(PHONE)]
Email = Annotated[str, _text(EMAIL)]
Address = Annotated[str, _text(ADDRESS, multiline=True)]
Medium = Annotated[str, _text(MEDIUM, multiline=True)]
OwnWords = Annotated[str, _text(MEDIUM, multiline=True, nonempty=True)]
Long = Annotated[str, _text(LONG, multiline=True)]


# --- dates and times -----------------------------------------------------------------------


def parse_date(value: Any) -> date:
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        refuse(tr_noop("{field} must be a date written as YYYY-MM-DD."))
    try:
        return date.fromisoformat(value)
    except ValueError:
        refuse(tr_noop("{field} is not a date that exists: {value}."), value=value)


def _lenient_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value[:10]) if isinstance(value, str) and value else None
    except ValueError:
        return None


def _day(nullable: bool) -> PlainValidator:
    return _rule(
        lambda v: None if v is None and nullable else parse_date(v),
        _lenient_date,
    )


def parse_moment(value: Any) -> datetime:
    sentence = tr_noop("{field} must be a time written as YYYY-MM-DDTHH:MM:SS+00:00.")
    if not isinstance(value, str) or not _MOMENT.fullmatch(value):
        refuse(sentence)
    try:
        return datetime.fromisoformat(value).astimezone(UTC)
    except (ValueError, OverflowError):
        refuse(sentence)


def _lenient_moment(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


#: A date or ``null``; on import a ``RequiredDay`` must be a date.
Day = Annotated[date | None, _day(nullable=True)]
RequiredDay = Annotated[date | None, _day(nullable=False)]
Moment = Annotated[datetime | None, _rule(parse_moment, _lenient_moment)]


# --- ids, references, choices, numbers -------------------------------------------------------


def parse_id(value: Any, at: Loc = ()) -> str:
    """An id as the format writes it: a UUID in lowercase."""
    if not isinstance(value, str) or not _UUID.fullmatch(value):
        refuse(NOT_AN_ID, at=at)
    return value.lower()  # what str(uuid.UUID(value)) gives for this form


def _lenient_id(value: Any) -> str:
    return value if isinstance(value, str) else ""


#: The record's own id (unique in the whole document: checked after reading).
Id = Annotated[str, _rule(parse_id, _lenient_id)]
#: The id of a participant or goal of the same plan (checked after reading).
Ref = Annotated[str, _rule(parse_id, _lenient_id)]
RefOrNone = Annotated[
    str | None,
    _rule(
        lambda v: None if v is None else parse_id(v), lambda v: v if isinstance(v, str) else None
    ),
]


#: The id of a record elsewhere in the person's record, which may since be gone (not checked).
Link = RefOrNone


def _team_ids(value: Any) -> list[str]:
    if not isinstance(value, list):
        refuse(NOT_A_LIST)
    chosen: dict[str, None] = {}
    for index, item in enumerate(value):
        ident = parse_id(item, (index,))
        if ident in chosen:
            refuse(tr_noop("{field} names the same participant twice."), at=index)
        chosen[ident] = None
    return list(chosen)


#: Distinct ids of participants of the same plan.
TeamIds = Annotated[
    list[str],
    _rule(_team_ids, lambda v: [i for i in v if isinstance(i, str)] if isinstance(v, list) else []),
]


def choice(fallback: E) -> PlainValidator:
    """One of ``fallback``'s enum; when printing, a value it does not know reads as ``fallback``."""
    enum = type(fallback)
    allowed = [member.value for member in enum]

    def check(value: Any) -> E:
        if not isinstance(value, str) or value not in allowed:
            refuse(tr_noop("{field} must be one of: {allowed}."), allowed=", ".join(allowed))
        return enum(value)

    return _rule(check, lambda v: enum(v) if isinstance(v, str) and v in allowed else fallback)


def choice_or_none(enum: type[E]) -> PlainValidator:
    """One of ``enum`` or ``null``; when printing, a value it does not know reads as ``null``."""
    allowed = [member.value for member in enum]

    def check(value: Any) -> E | None:
        if value is None:
            return None
        if not isinstance(value, str) or value not in allowed:
            refuse(
                tr_noop("{field} must be one of: {allowed}."),
                allowed=", ".join([*allowed, "null"]),
            )
        return enum(value)

    return _rule(check, lambda v: enum(v) if isinstance(v, str) and v in allowed else None)


def language() -> PlainValidator:
    """A :class:`Language` on import; when printing, any language the printed plan may know."""
    allowed = [member.value for member in Language]

    def check(value: Any) -> Language:
        if not isinstance(value, str) or value not in allowed:
            refuse(tr_noop("{field} must be one of: {allowed}."), allowed=", ".join(allowed))
        return Language(value)

    return _rule(check, _lenient_text)


def whole(low: int, high: int) -> PlainValidator:
    """A whole JSON number from ``low`` to ``high`` (never ``true``, ``2.0`` or ``"2"``)."""

    def check(value: Any) -> int:
        if type(value) is not int or not low <= value <= high:
            refuse(
                tr_noop("{field} must be a whole number from {low} to {high}."), low=low, high=high
            )
        return value

    return _rule(check, lambda v: v if type(v) is int else low)


def _flag(value: Any) -> bool:
    if value is not True and value is not False:
        refuse(tr_noop("{field} must be true or false."))
    return value


Flag = Annotated[bool, _rule(_flag, lambda v: v is True)]


# --- free-form JSON ------------------------------------------------------------------------


def free_value(value: Any, at: Loc = ()) -> Any:
    """Any JSON value, its texts and keys held to the text rules and its nesting bounded.

    Texts are checked but kept exactly as written: an agreed version is never rewritten.
    """
    if len(at) > MAX_FREE_DEPTH:
        refuse(tr_noop("{field} nests too deeply."), at=at)
    if isinstance(value, str):
        checked_text(value, LONG, True, at)
        return value
    if isinstance(value, list):
        return [free_value(item, (*at, index)) for index, item in enumerate(value)]
    if isinstance(value, dict):
        result: dict[str, Any] = {}
        for key, item in value.items():
            checked_text(key, SHORT, False, (*at, key))
            result[key] = free_value(item, (*at, key))
        return result
    return value  # None, bool, int or a finite float: decode() lets nothing else through


def _free(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        refuse(NOT_AN_OBJECT)
    result: dict[str, Any] = free_value(value)
    return result


#: Any JSON object (an agreed version's snapshot), its texts held to the text rules.
Free = Annotated[dict[str, Any], _rule(_free, lambda v: v if isinstance(v, dict) else {})]
