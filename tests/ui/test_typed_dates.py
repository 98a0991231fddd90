"""Dates typed by keyboard become exactly that date, or are refused with a sentence."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QCalendarWidget, QMenu

from caseplan.ui import i18n
from caseplan.ui.widgets.announce import RECENT
from caseplan.ui.widgets.dates import OptionalDateEdit, RequiredDateEdit
from caseplan.ui.widgets.typed_dates import DateRefused, Direction, parse_date

TODAY = date(2026, 11, 30)


@pytest.fixture
def bokmal(qapp: QApplication) -> Iterator[None]:
    translators = i18n.install_translators(qapp, QLocale(QLocale.Language.NorwegianBokmal))
    yield
    i18n.remove_translators(qapp, translators)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("14.03.2027", date(2027, 3, 14)),
        ("14 mar", date(2027, 3, 14)),  # the next 14 March
        ("+14", date(2026, 12, 14)),
        ("+ 14", date(2026, 12, 14)),
        ("+2u", date(2026, 12, 14)),
        ("+2 weeks", date(2026, 12, 14)),
        ("+3m", date(2027, 2, 28)),  # no 30 February: the month's last day
        ("14. mars 2027", date(2027, 3, 14)),
        ("14 Mar 2027", date(2027, 3, 14)),  # as the English screens write it
        ("March 14, 2027", date(2027, 3, 14)),
        ("14/3/27", date(2027, 3, 14)),  # day first, always
        ("14-03-2027", date(2027, 3, 14)),
        ("14 3 2027", date(2027, 3, 14)),
        ("14032027", date(2027, 3, 14)),
        ("140327", date(2027, 3, 14)),
        ("2027-03-14", date(2027, 3, 14)),
        ("17. mai", date(2027, 5, 17)),
        ("1 des", date(2026, 12, 1)),
        ("30.11", date(2026, 11, 30)),  # today is still to come
        ("i dag", TODAY),
        ("i morgen", date(2026, 12, 1)),
        ("tomorrow", date(2026, 12, 1)),
        ("  ", None),
    ],
)
def test_what_is_typed_becomes_exactly_that_date(typed: str, meant: date | None) -> None:
    assert parse_date(typed, TODAY) == meant


def test_without_a_year_a_date_in_the_past_is_the_last_one_gone() -> None:
    assert parse_date("14 mar", TODAY, Direction.PAST) == date(2026, 3, 14)
    assert parse_date("1.12", TODAY, Direction.PAST) == date(2025, 12, 1)
    assert parse_date("30.11", TODAY, Direction.PAST) == TODAY


@pytest.mark.parametrize(
    ("typed", "sentence"),
    [
        ("31.02.2027", "“31.02.2027” is not in the calendar: that month has 28 days."),
        ("29.02.2027", "“29.02.2027” is not in the calendar: that month has 28 days."),
        ("14.13.2027", "“14.13.2027” is not a date."),
        ("14 foo", "“14 foo” is not a date."),
        ("ma 14", "“ma 14” is not a date."),  # "ma" is mars and mai: too short to tell
        ("+14x", "“+14x” is not a date."),
        ("03/14/2027", "“03/14/2027” is not a date."),  # month first is not read as a date
        ("1.1.1800", "Write a year between 1900 and 2100."),
        ("{name}", "“{name}” is not a date."),
    ],
)
def test_what_is_no_date_is_refused_with_a_sentence(typed: str, sentence: str) -> None:
    with pytest.raises(DateRefused) as refused:
        parse_date(typed, TODAY)
    assert refused.value.sentence.startswith(sentence)


@settings(max_examples=300, deadline=None)
@given(day=st.dates(date(1900, 1, 1), date(2100, 12, 31)), english=st.booleans())
def test_every_date_as_the_screens_write_it_reads_back_the_same(
    qapp: QApplication, day: date, english: bool
) -> None:
    translators = [] if english else i18n.install_translators(qapp, QLocale("nb_NO"))
    try:
        assert parse_date(i18n.date_text(day), TODAY) == day
    finally:
        i18n.remove_translators(qapp, translators)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=30))
def test_any_text_is_a_date_or_a_sentence_never_a_crash(text: str) -> None:
    try:
        day = parse_date(text, TODAY)
    except DateRefused as refused:
        assert refused.sentence.strip()
    else:
        assert day is None or date(1900, 1, 1) <= day <= date(2100, 12, 31)


@given(days=st.integers(0, 9999))
def test_plus_n_is_in_n_days(days: int) -> None:
    assert parse_date(f"+{days}", TODAY) == TODAY + timedelta(days=days)


def test_the_field_takes_a_date_on_enter_and_writes_it_as_the_screens_do(qtbot: Any) -> None:
    field = OptionalDateEdit("Due", today=lambda: TODAY)
    qtbot.addWidget(field)
    field.show()
    changes: list[date | None] = []
    field.changed.connect(lambda: changes.append(field.value()))
    qtbot.keyClicks(field.line, "+14")
    qtbot.keyClick(field.line, Qt.Key.Key_Return)
    assert field.value() == date(2026, 12, 14)
    assert field.text() == i18n.date_text(date(2026, 12, 14)) == "14 Dec 2026"
    assert changes == [date(2026, 12, 14)]
    field.line.clear()
    qtbot.keyClick(field.line, Qt.Key.Key_Return)
    assert field.value() is None and changes[-1] is None


def test_a_refused_date_keeps_the_text_and_the_old_date_and_says_why(
    qtbot: Any, bokmal: None
) -> None:
    field = OptionalDateEdit("Frist", today=lambda: TODAY)
    qtbot.addWidget(field)
    field.show()
    field.set_value(date(2027, 1, 5))
    assert field.text() == "05.01.2027"
    field.line.selectAll()
    qtbot.keyClicks(field.line, "31.02")
    qtbot.keyClick(field.line, Qt.Key.Key_Return)
    assert field.value() == date(2027, 1, 5)
    assert field.text() == "31.02"
    assert field.problem.isVisible()
    assert field.problem_text() == "«31.02» finnes ikke i kalenderen: den måneden har 28 dager."
    assert RECENT[-1] == (field.problem_text(), True)
    field.line.selectAll()
    qtbot.keyClicks(field.line, "14 mar")
    qtbot.keyClick(field.line, Qt.Key.Key_Return)
    assert field.value() == date(2027, 3, 14) and field.text() == "14.03.2027"
    assert not field.problem.isVisible()


def test_a_required_date_refuses_to_be_empty(qtbot: Any) -> None:
    field = RequiredDateEdit("Next review", today=lambda: TODAY)
    qtbot.addWidget(field)
    field.set_value(TODAY)
    field.line.clear()
    assert not field.commit()
    assert field.value() == TODAY
    assert field.problem_text() == "Write a date, like 14.03.2027 or +14."


def test_alt_down_opens_a_calendar_and_enter_takes_its_date(qtbot: Any) -> None:
    field = OptionalDateEdit("Due", today=lambda: TODAY)
    qtbot.addWidget(field)
    field.show()
    field.line.setFocus()
    qtbot.keyClick(field.line, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: field.calendar is not None and field.calendar.isVisible())
    calendar = field.calendar
    assert isinstance(calendar, QCalendarWidget)
    assert isinstance(calendar.parent(), QMenu)
    qtbot.waitUntil(lambda: calendar.isAncestorOf(QApplication.focusWidget()))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert field.value() == date(2026, 12, 1)
    assert field.text() == "1 Dec 2026"
