"""The main window as a person uses it: title, rows, search as you type, Enter on a row."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication

from caseplan.services.clinic.unlock import OpenClinic
from caseplan.services.context import Context
from caseplan.services.people import people
from caseplan.storage.database import Database
from caseplan.ui import main as ui_main
from caseplan.ui.caseload import CaseloadView
from caseplan.ui.caseload.model import CaseloadModel
from caseplan.ui.main_window import MainWindow

AddPlan = Callable[..., None]


def view_of(window: MainWindow) -> CaseloadView:
    assert window.caseload is not None
    return window.caseload


def visible_rows(window: MainWindow) -> list[list[str]]:
    """The table's text as a person reads it, row by row."""
    assert window.caseload is not None
    table = view_of(window).table
    model = table.model()
    return [
        [str(model.index(row, col).data() or "") for col in range(model.columnCount())]
        for row in range(model.rowCount())
        if not table.isRowHidden(row)
    ]


@pytest.fixture
def window(qtbot: Any, ctx: Context, db: Database, settings: QSettings) -> MainWindow:
    win = MainWindow(OpenClinic(db, ctx), settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def caseload(ctx: Context, add_plan: AddPlan) -> dict[str, uuid.UUID]:
    ids = {}
    for name, preferred in [("Øystein Berg", "Øystein"), ("Kari Nordmann", ""), ("Áilu Juuso", "")]:
        ids[name] = people.create_person(ctx, name, preferred_name=preferred).id
    add_plan(ids["Kari Nordmann"], date(2026, 1, 15))
    add_plan(ids["Øystein Berg"], date(2026, 6, 1))
    return ids


def test_title_rows_and_where_the_database_is(
    caseload: dict[str, uuid.UUID], window: MainWindow, db: Database
) -> None:
    assert window.windowTitle() == "Caseplan"
    assert visible_rows(window) == [
        ["Áilu Juuso", "", "", "○ no goal yet"],
        ["Kari Nordmann", "", "15 Jan 2026 (overdue)", "⚠ review · … no contact · ○ no goal yet"],
        ["Øystein Berg", "Øystein", "1 Jun 2026", "… no contact · ○ no goal yet"],
    ]
    assert window.database_label.text() == f"Database: {db.location.describe()}"
    assert view_of(window).count_label.text() == "People: 3"
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "&Person", "P&lan", "&Tools", "S&ettings", "&Help"]
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"


def test_a_demo_database_says_so_in_the_title(
    monkeypatch: pytest.MonkeyPatch, qtbot: Any, ctx: Context, db: Database, settings: QSettings
) -> None:
    monkeypatch.setattr("caseplan.services.clinic.settings.is_demo", lambda _ctx: True)
    win = MainWindow(OpenClinic(db, ctx), settings)
    qtbot.addWidget(win)
    assert win.windowTitle() == "Caseplan — DEMO"


def test_every_control_has_an_accessible_name(window: MainWindow) -> None:
    view = window.caseload
    assert view is not None
    for widget in (view.search, view.table, view.count_label, window.database_label):
        accessible = QAccessible.queryAccessibleInterface(widget)
        assert accessible is not None and accessible.text(QAccessible.Text.Name)
    # A label's name is its text, so a screen reader reads what is on screen.
    spoken = QAccessible.queryAccessibleInterface(view.count_label)
    assert spoken is not None and spoken.text(QAccessible.Text.Name) == view.count_label.text()


def test_typing_in_the_search_box_filters_the_rows(
    caseload: dict[str, uuid.UUID], window: MainWindow, qtbot: Any
) -> None:
    search = view_of(window).search
    qtbot.keyClicks(search, "øys")
    qtbot.waitUntil(lambda: len(visible_rows(window)) == 1, timeout=2000)
    assert visible_rows(window) == [
        ["Øystein Berg", "Øystein", "1 Jun 2026", "… no contact · ○ no goal yet"]
    ]
    assert view_of(window).count_label.text() == "Matches: 1"

    search.clear()
    qtbot.keyClicks(search, "NORD")
    qtbot.waitUntil(lambda: visible_rows(window)[0][0] == "Kari Nordmann", timeout=2000)
    assert len(visible_rows(window)) == 1

    search.clear()
    qtbot.waitUntil(lambda: len(visible_rows(window)) == 3, timeout=2000)


def test_enter_on_a_row_opens_the_persons_workspace(
    caseload: dict[str, uuid.UUID], window: MainWindow, qtbot: Any
) -> None:
    view = window.caseload
    assert view is not None
    qtbot.keyClicks(view.search, "øystein")
    qtbot.keyClick(view.search, Qt.Key.Key_Return)  # filters now and moves to the table
    assert view.table.hasFocus() or QApplication.focusWidget() is view.table
    assert view.current_person() == caseload["Øystein Berg"]

    with qtbot.waitSignal(view.person_activated) as activated:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert activated.args == [caseload["Øystein Berg"]]
    assert window.person_workspace is not None
    assert window.person_workspace.person_id == caseload["Øystein Berg"]
    assert window.person_workspace.name_label.text() == "Øystein (full name Øystein Berg)"


def test_keyboard_path_from_the_table_back_to_search(
    caseload: dict[str, uuid.UUID], window: MainWindow, qtbot: Any
) -> None:
    view = window.caseload
    assert view is not None
    qtbot.keyClick(view.search, Qt.Key.Key_Down)
    assert view.current_person() == caseload["Áilu Juuso"]
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    qtbot.keyClick(view.table, Qt.Key.Key_Enter)
    workspace = window.person_workspace
    assert workspace is not None and workspace.person_id == caseload["Kari Nordmann"]

    qtbot.keyClick(workspace, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.person_workspace is None, timeout=2000)
    qtbot.keyClick(view.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(view.search.hasFocus, timeout=2000)


def test_the_window_remembers_its_size(
    qtbot: Any, ctx: Context, db: Database, settings: QSettings
) -> None:
    first = MainWindow(OpenClinic(db, ctx), settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 450)
    qtbot.waitUntil(lambda: first.size().width() == 700)
    first.close()

    second = MainWindow(OpenClinic(db, ctx), settings)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 450)


def test_a_large_caseload_scrolls_in_more_rows(
    ctx: Context, window: MainWindow, qtbot: Any
) -> None:
    for number in range(CaseloadModel.PAGE_SIZE + 30):
        people.create_person(ctx, f"Person {number:03d}")
    model = window.caseload_model
    assert model is not None and window.caseload is not None
    model.refresh()
    assert model.rowCount() == CaseloadModel.PAGE_SIZE
    view_of(window).table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == CaseloadModel.PAGE_SIZE + 30, timeout=3000)


def test_run_says_why_it_cannot_open_the_database(monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(ui_main, "show_error", lambda _parent, error: shown.append(str(error)))
    assert ui_main.run("mysql://somewhere/caseplan") == 1
    assert shown == [
        "Only a file path or a postgresql:// address can be used as database: mysql://…"
    ]


def test_the_caseload_shows_overdue_or_soon_due_reviews(
    caseload: dict[str, uuid.UUID], window: MainWindow, qtbot: Any
) -> None:
    view = view_of(window)
    assert [view.shown.itemText(i) for i in range(view.shown.count())] == [
        "All people",
        "My people",
        "Review overdue",
        "Review within 30 days",
    ]
    view.shown.setCurrentIndex(2)
    assert visible_rows(window) == [
        ["Kari Nordmann", "", "15 Jan 2026 (overdue)", "⚠ review · … no contact · ○ no goal yet"]
    ]
    assert view.count_label.text() == "People: 1"
    view.shown.setCurrentIndex(1)  # the program itself is on no one's team
    assert visible_rows(window) == []
    view.shown.setCurrentIndex(0)
    assert len(visible_rows(window)) == 3
