"""One way to write a date on every screen: "15 Jan 2026" in English, "15.01.2026" in bokmål."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import pytest
from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QApplication, QDateEdit

from caseplan.errors import InvalidInput, tr_noop
from caseplan.ui import i18n
from caseplan.ui.widgets.dates import OptionalDateEdit, date_edit

DAY = date(2026, 1, 15)


@pytest.fixture
def bokmal(qapp: QApplication) -> Iterator[None]:
    translators = i18n.install_translators(qapp, QLocale(QLocale.Language.NorwegianBokmal))
    yield
    i18n.remove_translators(qapp, translators)


def test_english_dates() -> None:
    assert i18n.date_text(DAY) == "15 Jan 2026"
    assert i18n.date_text(None) == ""
    moment = datetime(2026, 1, 15, 12, 5, 7, tzinfo=UTC).astimezone()
    assert i18n.date_time_text(moment) == "15 Jan 2026 " + moment.strftime("%H:%M:%S")


def test_bokmal_dates(bokmal: None) -> None:
    assert i18n.date_text(DAY) == "15.01.2026"


@pytest.mark.parametrize("language", ["en", "nb"])
def test_date_editors_write_dates_as_the_screens_do(
    qtbot: Any, qapp: QApplication, language: str
) -> None:
    translators = (
        i18n.install_translators(qapp, QLocale(QLocale.Language.NorwegianBokmal))
        if language == "nb"
        else []
    )
    try:
        edit = date_edit(QDateEdit())
        optional = OptionalDateEdit("Due")
        qtbot.addWidget(edit), qtbot.addWidget(optional)
        optional.set_value(DAY)
        edit.setDate(QDate(DAY.year, DAY.month, DAY.day))
        assert edit.text() == optional.text() == i18n.date_text(DAY)
    finally:
        i18n.remove_translators(qapp, translators)


def test_dates_inside_error_sentences_read_like_the_rest(bokmal: None) -> None:
    error = InvalidInput(
        tr_noop("A step cannot be due before the plan starts ({start})."), start="2026-01-15"
    )
    assert i18n.error_text(error).endswith("(15.01.2026).")
    assert str(error).endswith("(2026-01-15).")  # the command line keeps the form it reads
