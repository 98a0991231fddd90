"""Dates typed by keyboard, read the way the person meant them, or refused with a sentence.

Day first, always (``14.03.2027``, ``14/3/27``, ``14032027``), or ISO (``2027-03-14``); a
month by name in bokmål or English (``14 mar``, ``14. mars 2027``, ``March 14``); ``+14``
for "in 14 days" (``+2u``/``+2w`` weeks, ``+3m`` months); ``i dag``/``today`` and
``i morgen``/``tomorrow``. Without a year, the date is the next one to come (or, for a date
in the past such as "consent given on", the last one gone). Anything else is refused with
one sentence, never turned into some other date.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from enum import Enum

from babel.dates import get_month_names
from PySide6.QtCore import QCoreApplication

EARLIEST, LATEST = 1900, 2100


class Direction(Enum):
    """Where a date typed without a year falls: the next one, or the last one."""

    FUTURE = "future"
    PAST = "past"


class DateRefused(ValueError):
    """The typed text is no date; ``sentence`` says so to the person."""

    def __init__(self, sentence: str) -> None:
        super().__init__(sentence)
        self.sentence = sentence


def _months() -> dict[str, int]:
    names: dict[str, int] = {}
    for language in ("nb", "en"):
        for number, name in get_month_names("wide", locale=language).items():
            names[str(name).lower()] = int(number)
    return names


MONTHS = _months()
TODAY_WORDS = {"i dag": 0, "idag": 0, "today": 0, "i morgen": 1, "imorgen": 1, "tomorrow": 1}
RELATIVE = re.compile(r"^\+\s*(\d{1,4})\s*([a-zæøå]*)$")
_SEP = r"(?:\s*[./-]\s*|\s+)"
NUMERIC = re.compile(rf"^(\d{{1,2}}){_SEP}(\d{{1,2}})(?:{_SEP}(\d{{2}}|\d{{4}}))?\.?$")
ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
COMPACT = re.compile(r"^(\d{2})(\d{2})(\d{2}|\d{4})$")
DAY_MONTH = re.compile(r"^(\d{1,2})\.?\s*([a-zæøå]+)\.?(?:\s*,?\s*(\d{2}|\d{4}))?$")
MONTH_DAY = re.compile(r"^([a-zæøå]+)\.?\s*(\d{1,2})(?:st|nd|rd|th)?\.?(?:\s*,?\s*(\d{2}|\d{4}))?$")
UNITS = {
    "": "days",
    "d": "days",
    "dag": "days",
    "dager": "days",
    "day": "days",
    "days": "days",
    "u": "weeks",
    "uke": "weeks",
    "uker": "weeks",
    "w": "weeks",
    "week": "weeks",
    "weeks": "weeks",
    "m": "months",
    "mnd": "months",
    "måned": "months",
    "måneder": "months",
    "month": "months",
    "months": "months",
}


def not_a_date(text: str) -> DateRefused:
    return DateRefused(
        QCoreApplication.translate(
            "typed_dates",
            "“{text}” is not a date. Write it like 14.03.2027, 14 mar or +14 (in 14 days).",
        ).replace("{text}", text)
    )


def _month(word: str) -> int | None:
    """A month by its name or the start of it (three letters at least), bokmål or English."""
    if len(word) < 3:
        return None
    found = {number for name, number in MONTHS.items() if name.startswith(word)}
    return found.pop() if len(found) == 1 else None


def _year(text: str | None) -> int | None:
    if text is None:
        return None
    year = int(text)
    return 2000 + year if len(text) == 2 else year


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _make(text: str, day: int, month: int, year: int | None, today: date, way: Direction) -> date:
    if not 1 <= month <= 12:
        raise not_a_date(text)
    if year is None:
        year = today.year
        if way is Direction.FUTURE and (month, day) < (today.month, today.day):
            year += 1
        elif way is Direction.PAST and (month, day) > (today.month, today.day):
            year -= 1
    if not EARLIEST <= year <= LATEST:
        raise DateRefused(
            QCoreApplication.translate(
                "typed_dates", "Write a year between {earliest} and {latest}."
            )
            .replace("{earliest}", str(EARLIEST))
            .replace("{latest}", str(LATEST))
        )
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise DateRefused(
            QCoreApplication.translate(
                "typed_dates", "“{text}” is not in the calendar: that month has {days} days."
            )
            .replace("{text}", text)
            .replace("{days}", str(last))
        )
    return date(year, month, day)


def parse_date(text: str, today: date, way: Direction = Direction.FUTURE) -> date | None:
    """The date ``text`` means (None for empty text); :class:`DateRefused` if it means none."""
    typed = " ".join(text.split())
    words = typed.lower()
    if not words:
        return None
    if words in TODAY_WORDS:
        return today + timedelta(days=TODAY_WORDS[words])
    relative = RELATIVE.match(words)
    if relative:
        count, unit = int(relative.group(1)), UNITS.get(relative.group(2))
        if unit is None:
            raise not_a_date(typed)
        if unit == "months":
            moved = _add_months(today, count)
        else:
            moved = today + timedelta(days=count * (7 if unit == "weeks" else 1))
        if moved.year > LATEST:
            raise not_a_date(typed)
        return moved
    iso = ISO.match(words)
    if iso:
        return _make(typed, int(iso.group(3)), int(iso.group(2)), int(iso.group(1)), today, way)
    for pattern in (NUMERIC, COMPACT):
        numeric = pattern.match(words)
        if numeric:
            day, month, year = numeric.groups()
            return _make(typed, int(day), int(month), _year(year), today, way)
    named = DAY_MONTH.match(words)
    if named:
        month = _month(named.group(2))
        if month is not None:
            return _make(typed, int(named.group(1)), month, _year(named.group(3)), today, way)
    named = MONTH_DAY.match(words)
    if named:
        month = _month(named.group(1))
        if month is not None:
            return _make(typed, int(named.group(2)), month, _year(named.group(3)), today, way)
    raise not_a_date(typed)


__all__ = ["DateRefused", "Direction", "parse_date"]
