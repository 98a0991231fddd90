"""The caseload model on its own, without any window."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QBrush, QFont

from caseplan.errors import StorageError
from caseplan.models import PlanStatus
from caseplan.models.names import fold_query
from caseplan.services.context import Context
from caseplan.services.people import people
from caseplan.ui import i18n
from caseplan.ui.caseload.model import CaseloadModel

AddPlan = Callable[..., None]

Display = Qt.ItemDataRole.DisplayRole


def cell(model: CaseloadModel, row: int, column: int, role: int = Display) -> Any:
    return model.data(model.index(row, column), role)


def names(model: CaseloadModel) -> list[str]:
    return [cell(model, row, CaseloadModel.COLUMN_NAME) for row in range(model.rowCount())]


def test_rows_headers_and_ids(ctx: Context, qtmodeltester: Any) -> None:
    created = {
        name: people.create_person(ctx, name, preferred_name=preferred)
        for name, preferred in [("Åse Nilsen", ""), ("Anne Ænes", "Anne"), ("Zara Ali", "Z")]
    }
    model = CaseloadModel(ctx)
    qtmodeltester.check(model)

    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Name", "Preferred name", "Next review", "Needs attention"]
    assert names(model) == ["Anne Ænes", "Zara Ali", "Åse Nilsen"]
    assert [cell(model, r, CaseloadModel.COLUMN_PREFERRED_NAME) for r in range(3)] == [
        "Anne",
        "Z",
        "",
    ]
    for row, name in enumerate(names(model)):
        for column in range(model.columnCount()):
            assert cell(model, row, column, CaseloadModel.IdRole) == created[name].id
    assert model.display_name(0) == "Anne Ænes (Anne)"
    assert model.display_name(2) == "Åse Nilsen"


def test_a_large_caseload_is_fetched_in_pages(
    ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    for number in range(450):
        people.create_person(ctx, f"Person {number:03d}")
    pages: list[tuple[int | None, int]] = []
    real_list = people.list_people

    def spy(ctx: Context, search: str | None = None, **kwargs: Any) -> list[Any]:
        pages.append((kwargs.get("limit"), kwargs.get("offset", 0)))
        return real_list(ctx, search, **kwargs)

    monkeypatch.setattr("caseplan.ui.caseload.model.list_people", spy)

    model = CaseloadModel(ctx)
    assert model.rowCount() == 200
    assert model.total() == 450
    assert model.canFetchMore()
    assert pages == [(200, 0)]

    model.fetchMore()
    assert model.rowCount() == 400
    model.fetchMore()
    assert model.rowCount() == 450
    assert not model.canFetchMore()
    model.fetchMore()  # nothing left: no query, no change
    assert pages == [(200, 0), (200, 200), (200, 400)]
    assert names(model) == [f"Person {n:03d}" for n in range(450)]


def test_search_ignores_case_beyond_ascii_and_resets_the_model(ctx: Context, qtbot: Any) -> None:
    for name in ["Øystein Berg", "Øyvind Dahl", "Kari Nordmann"]:
        people.create_person(ctx, name)
    people.create_person(ctx, "Ola Hansen", preferred_name="Øystein")
    model = CaseloadModel(ctx)

    with qtbot.waitSignal(model.modelReset):
        model.set_search("øystein")
    assert names(model) == ["Ola Hansen", "Øystein Berg"]
    assert model.total() == 2

    model.set_search("  ØYSTEIN BERG ")
    assert names(model) == ["Øystein Berg"]
    model.set_search("nobody")
    assert model.rowCount() == 0
    assert not model.canFetchMore()
    model.set_search("")
    assert model.rowCount() == 4


def test_an_overdue_review_is_marked_in_words_colour_and_tooltip(
    ctx: Context, add_plan: AddPlan, today: date
) -> None:
    assert today == date(2026, 3, 2)
    late = people.create_person(ctx, "Amir Haddad")
    due_today = people.create_person(ctx, "Berit Olsen")
    closed = people.create_person(ctx, "Cato Lie")
    people.create_person(ctx, "Dina Moen")  # no plan at all
    add_plan(late.id, today - timedelta(days=1))
    add_plan(due_today.id, today)
    add_plan(closed.id, date(2020, 1, 1), PlanStatus.CLOSED)  # old plans do not count

    model = CaseloadModel(ctx)
    review = CaseloadModel.COLUMN_NEXT_REVIEW
    assert names(model) == ["Amir Haddad", "Berit Olsen", "Cato Lie", "Dina Moen"]
    assert [cell(model, r, review) for r in range(4)] == [
        "1 Mar 2026 (overdue)",
        "2 Mar 2026",
        "",
        "",
    ]
    assert [cell(model, r, review, CaseloadModel.OverdueRole) for r in range(4)] == [
        True,
        False,
        False,
        False,
    ]
    assert cell(model, 0, review, Qt.ItemDataRole.ToolTipRole) == "Review overdue"
    assert cell(model, 1, review, Qt.ItemDataRole.ToolTipRole) == "Next review"
    assert cell(model, 3, review, Qt.ItemDataRole.ToolTipRole) == "No review date set"
    brush = cell(model, 0, review, Qt.ItemDataRole.ForegroundRole)
    assert isinstance(brush, QBrush)
    font = cell(model, 0, review, Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert cell(model, 1, review, Qt.ItemDataRole.ForegroundRole) is None


def test_headers_and_messages_follow_the_norwegian_translation(
    ctx: Context, qapp: QCoreApplication
) -> None:
    app = qapp
    translators = i18n.install_translators(app, QLocale(QLocale.Language.NorwegianBokmal))
    try:
        model = CaseloadModel(ctx)
        headers = [
            model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())
        ]
        assert headers == ["Navn", "Foretrukket navn", "Neste evaluering", "Trenger oppfølging"]
        error = StorageError("There is no database at {path}.", path="/tmp/x.db")
        assert i18n.error_text(error) == "Det finnes ingen database på /tmp/x.db."
    finally:
        i18n.remove_translators(app, translators)
    assert CaseloadModel(ctx).headerData(0, Qt.Orientation.Horizontal) == "Name"


def test_a_language_without_translations_stays_english(qapp: Any, ctx: Context) -> None:
    app = QCoreApplication.instance()
    assert app is not None
    translators = i18n.install_translators(app, QLocale(QLocale.Language.Zulu))
    try:
        assert CaseloadModel(ctx).headerData(0, Qt.Orientation.Horizontal) == "Name"
    finally:
        i18n.remove_translators(app, translators)


CAST = [("Øystein Berg", ""), ("Áilu Juuso", "Áilu"), ("Per 100%", ""), ("Ida_Moe", "")]


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    query=st.text(alphabet=st.characters(codec="utf-8"), max_size=12)
    | st.sampled_from(["\x00", "ø\n", "%", "_", "\\"])
)
def test_any_search_text_shows_exactly_the_matching_people(ctx: Context, query: str) -> None:
    if people.count_people(ctx) == 0:  # the database lives across hypothesis' examples
        for name, preferred in CAST:
            people.create_person(ctx, name, preferred_name=preferred)
    model = CaseloadModel(ctx)
    model.set_search(query)
    needle = fold_query(query.strip())
    expected = sorted(
        name
        for name, preferred in CAST
        if needle in fold_query(name) or (preferred and needle in fold_query(preferred))
    )
    assert sorted(names(model)) == expected
    assert model.total() == model.rowCount()


@pytest.mark.parametrize("query", ["berg\x00", "g\nø", "\u202eØystein", "Øystein\tBerg"])
def test_a_search_with_hidden_characters_finds_no_one_and_does_not_fail(
    ctx: Context, query: str
) -> None:
    people.create_person(ctx, "Øystein Berg", preferred_name="Øystein")
    model = CaseloadModel(ctx)
    model.set_search(query)
    assert model.rowCount() == 0
    assert model.total() == 0
    model.set_search("berg")
    assert names(model) == ["Øystein Berg"]


def test_a_search_is_counted_only_when_its_first_page_is_full(
    ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ["Kari Aas", "Kari Berg", "Kari Dahl", "Kari Eik", "Ola Lund"]:
        people.create_person(ctx, name)
    counted: list[str | None] = []
    real_count = people.count_people

    def spy(ctx: Context, search: str | None = None, **kwargs: Any) -> int:
        counted.append(search)
        return real_count(ctx, search, **kwargs)

    monkeypatch.setattr("caseplan.ui.caseload.model.count_people", spy)
    model = CaseloadModel(ctx, page_size=3)
    assert (model.rowCount(), model.total(), counted) == (3, 5, [None])
    model.fetchMore()  # scrolling reads a page and never counts again
    assert (model.rowCount(), model.total(), counted) == (5, 5, [None])
    model.set_search("kari")
    assert names(model) == ["Kari Aas", "Kari Berg", "Kari Dahl"]
    assert (model.total(), counted) == (4, [None, "kari"])
    model.set_search("ola")  # one row: the page says how many there are
    assert (names(model), model.total(), counted) == (["Ola Lund"], 1, [None, "kari"])
    model.set_search("kari e")
    assert (names(model), model.total()) == (["Kari Eik"], 1)
    model.set_search("zz")
    assert (names(model), model.total(), model.canFetchMore()) == ([], 0, False)
    assert counted == [None, "kari"]
