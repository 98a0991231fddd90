"""The overview as a team lead and a practitioner use it: Tools → Overview, a count clicked,
the list behind it searched and sorted, a person opened at the section that deals with it."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from sqlalchemy import select

from caseplan.demo.generator import create_demo
from caseplan.models import Account, Person, Role
from caseplan.services.clinic import settings as clinic_settings
from caseplan.services.clinic.unlock import OpenClinic
from caseplan.services.context import Actor, Context
from caseplan.services.exchange.exchange import export_person
from caseplan.services.overview.signals import Signal
from caseplan.storage.database import Database
from caseplan.storage.location import Location
from caseplan.ui.main_window import MainWindow
from caseplan.ui.overview import OverviewPage
from caseplan.ui.overview.voices import WhatHelpsDialog
from caseplan.ui.workspace import PersonWorkspace
from tests.services.overview_from_json import expected
from tests.support import Templates, open_test_database

TODAY = date(2026, 11, 22)


def _build(db: Database) -> tuple[dict[str, Actor], list[dict[str, Any]]]:
    with db.sessions.begin() as session:
        accounts = [
            Account(username="kari", display_name="Kari Lund", role=Role.PRACTITIONER),
            Account(username="lars", display_name="Lars Berg", role=Role.TEAM_LEAD),
            Account(username="sindre", display_name="Sindre Moe", role=Role.PEER_WORKER),
        ]
        session.add_all(accounts)
        session.flush()
        actors = {a.username: Actor(a.id, a.username, a.role) for a in accounts}
    system = Context(db.sessions, today=lambda: TODAY)
    create_demo(system, 80, seed=4)
    with db.sessions() as session:
        ids = list(session.scalars(select(Person.id)))
    return actors, [json.loads(export_person(system, person_id)) for person_id in ids]


@pytest.fixture
def demo(location: Location, templates: Templates) -> tuple[dict[str, Actor], list[Any]]:
    """The demo made for these tests (once per test process), in this test's database."""
    return templates.fill(location, "overview-page-demo", _build)  # type: ignore[no-any-return]


@pytest.fixture
def db(location: Location, demo: Any) -> Iterator[Database]:
    database = open_test_database(location)
    yield database
    database.close()


@pytest.fixture
def clinic(demo: Any) -> tuple[dict[str, Actor], list[dict[str, Any]]]:
    return demo  # type: ignore[no-any-return]


def open_window(qtbot: Any, db: Database, actor: Actor, settings: QSettings) -> MainWindow:
    ctx = Context(db.sessions, actor=actor, today=lambda: TODAY)
    window = MainWindow(OpenClinic(db, ctx), settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def rows(page: OverviewPage) -> list[list[str]]:
    model = page.table.model()
    return [
        [str(model.index(r, c).data() or "") for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def overview_of(window: MainWindow) -> OverviewPage:
    tools = window.tools_menu
    assert tools.menuAction().isVisible()
    assert window.overview_action in tools.actions() and window.overview_action.isVisible()
    window.overview_action.trigger()
    page = window.overview
    assert page is not None and window.showing_overview() and page.isVisible()
    return page


def test_a_team_lead_follows_consents_ending_to_the_persons_team(
    qtbot: Any,
    db: Database,
    clinic: tuple[dict[str, Actor], list[dict[str, Any]]],
    settings: QSettings,
) -> None:
    actors, documents = clinic
    window = open_window(qtbot, db, actors["lars"], settings)
    page = overview_of(window)
    want = expected(documents, TODAY, clinic_settings.DEFAULT_NO_CONTACT_WEEKS)
    assert page.scope.text() == "Everyone in the clinic."
    ending = want.items["consent_ending"]
    people = len(want.people["consent_ending"])
    assert ending > 0
    button = page.buttons[Signal.CONSENT_ENDING]
    shown = f"Consents ending within 30 days: {ending}"
    assert button.text() == (shown if ending == people else f"{shown} (people: {people})")
    for signal in Signal:  # every count on screen is the count made from the JSON
        assert f": {want.items[signal.value]}" in page.buttons[signal].text(), signal

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert page.list_title.text() == button.text()
    listed = rows(page)
    assert len(listed) == ending
    assert [r[2] for r in listed] == sorted((r[2] for r in listed), key=_day), "soonest first"
    # sort by person with a click on the header, then search for one of them
    page.table.horizontalHeader().sectionClicked.emit(0)
    names = [r[0] for r in rows(page)]
    assert names == sorted(names, key=str.casefold) or names == sorted(
        names, key=str.casefold, reverse=True
    )
    chosen = listed[0][0].split(" (")[0]
    qtbot.keyClicks(page.search, chosen)
    assert rows(page) and all(chosen in r[0] for r in rows(page))
    assert page.shown.text().startswith("Rows: ")

    page.table.selectRow(0)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    workspace = window.person_workspace
    assert workspace is not None
    assert workspace.current_section() == PersonWorkspace.TEAM
    assert window.windowTitle().startswith(chosen)
    assert str(window.person_id) in want.people["consent_ending"]


def _day(text: str) -> str:
    """A shown date ("3 Dec 2026") as sortable text."""
    from datetime import datetime

    return datetime.strptime(text, "%d %b %Y").date().isoformat() if text else "9999"


def test_a_practitioner_sees_only_their_own_peoples_counts(
    qtbot: Any,
    db: Database,
    clinic: tuple[dict[str, Actor], list[dict[str, Any]]],
    settings: QSettings,
) -> None:
    actors, documents = clinic
    mine = [
        doc
        for doc in documents
        if any(
            p["status"] != "closed" and any(m["name"] == "Kari Lund" for m in p["participants"])
            for p in doc["plans"]
        )
    ]
    assert 0 < len(mine) < len(documents)
    mine_ids = {uuid.UUID(doc["person"]["id"]) for doc in mine}
    want = expected(mine, TODAY, clinic_settings.DEFAULT_NO_CONTACT_WEEKS)
    everyone = expected(documents, TODAY, clinic_settings.DEFAULT_NO_CONTACT_WEEKS)
    window = open_window(qtbot, db, actors["kari"], settings)
    page = overview_of(window)
    assert page.scope.text() == "Your people: those whose team you are on."
    assert not page.weeks.isVisibleTo(page)  # the clinic's setting is the team lead's
    assert sum(want.items.values()) < sum(everyone.items.values())
    for signal in Signal:
        count = want.items[signal.value]
        assert page.buttons[signal].text().split(": ")[1].split(" ")[0] == str(count), signal
        qtbot.mouseClick(page.buttons[signal], Qt.MouseButton.LeftButton)
        model = page.model
        listed = {model.row_at(r).person_id for r in range(model.rowCount())}  # type: ignore[union-attr]
        assert listed <= mine_ids and len(rows(page)) == count


def test_a_peer_worker_has_no_overview(
    qtbot: Any,
    db: Database,
    clinic: tuple[dict[str, Actor], list[dict[str, Any]]],
    settings: QSettings,
) -> None:
    actors, _documents = clinic
    window = open_window(qtbot, db, actors["sindre"], settings)
    assert not window.overview_action.isVisible()


def test_what_people_say_helps_shows_groups_and_saves_the_short_report(
    qtbot: Any,
    db: Database,
    clinic: tuple[dict[str, Actor], list[dict[str, Any]]],
    settings: QSettings,
    tmp_path: Any,
) -> None:
    actors, documents = clinic
    window = open_window(qtbot, db, actors["lars"], settings)
    assert window.what_helps_action in window.tools_menu.actions()
    window.what_helps_action.trigger()
    dialog = window.findChild(WhatHelpsDialog)
    assert dialog is not None and dialog.isVisible()
    groups = dialog.groups.rows()
    assert [r.name for r in groups[:7]] == [
        "Relation", "Mutuality, doing it together", "Choice", "Time", "Knowledge", "Networks",
        "Other",
    ]  # fmt: skip
    shown = [r for r in groups if not r.group.suppressed]
    assert shown and all(r.group.people >= 5 for r in shown)
    for row in groups:
        if row.group.suppressed:
            index = dialog.groups.index(groups.index(row), 2)
            assert index.data() == "fewer than 5"
    names = {doc["person"]["full_name"] for doc in documents}
    said = [dialog.words.index(r, 0).data() for r in range(dialog.words.rowCount())]
    assert said and not any(name in text for name in names for text in said)
    target = tmp_path / "what-helps.pdf"
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)  # closes; save is separate
    dialog = window.show_what_helps()
    assert dialog is not None and dialog.save(target)
    assert target.read_bytes().startswith(b"%PDF")


SHORT = {
    Signal.REVIEW_OVERDUE: "⚠ review",
    Signal.REVIEW_DUE_SOON: "◷ review soon",
    Signal.PLAN_NEVER_AGREED: "✎ not agreed",
    Signal.PLAN_CHANGED: "✎ changed",
    Signal.CONSENT_ENDED: "✖ consent expired",
    Signal.CONSENT_ENDING: "◔ consent ending",
    Signal.STEPS_OVERDUE: "steps late",
    Signal.NO_CONTACT: "… no contact",
    Signal.NO_PLAN: "○ no goal yet",
}


def test_the_caseload_marks_each_person_in_words(
    qtbot: Any,
    db: Database,
    clinic: tuple[dict[str, Actor], list[dict[str, Any]]],
    settings: QSettings,
) -> None:
    actors, documents = clinic
    want = expected(documents, TODAY, clinic_settings.DEFAULT_NO_CONTACT_WEEKS)
    window = open_window(qtbot, db, actors["lars"], settings)
    model = window.caseload_model
    assert model is not None and model.rowCount() == len(documents)
    column = model.COLUMN_ATTENTION
    assert model.headerData(column, Qt.Orientation.Horizontal) == "Needs attention"
    for row in range(model.rowCount()):
        person = str(model.person_id(row))
        text = str(model.index(row, column).data() or "")
        for signal, word in SHORT.items():
            assert (word in text) == (person in want.people.get(signal.value, set())), (
                signal,
                text,
            )
        tip = model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
        assert (tip is None) == (text == "")


def test_reminder_letters_go_to_each_person_whose_review_is_due_at_their_address(
    qtbot: Any,
    db: Database,
    clinic: tuple[dict[str, Actor], list[dict[str, Any]]],
    settings: QSettings,
    tmp_path: Any,
) -> None:
    import io

    from pypdf import PdfReader

    from caseplan.models import AuditEvent

    actors, documents = clinic
    want = expected(documents, TODAY, clinic_settings.DEFAULT_NO_CONTACT_WEEKS)
    due = want.people["review_overdue"] | want.people["review_due_soon"]
    by_id = {doc["person"]["id"]: doc["person"] for doc in documents}
    with_address = {p for p in due if by_id[p].get("address", "").strip()}
    assert 0 < len(with_address) < len(due)
    window = open_window(qtbot, db, actors["lars"], settings)
    page = overview_of(window)
    qtbot.mouseClick(page.buttons[Signal.STEPS_OVERDUE], Qt.MouseButton.LeftButton)
    assert not page.letters_button.isEnabled()  # letters are about reviews
    qtbot.mouseClick(page.buttons[Signal.REVIEW_OVERDUE], Qt.MouseButton.LeftButton)
    assert page.letters_button.isEnabled()
    target = tmp_path / "letters.pdf"
    assert page.save_letters(target)
    missing = len(due) - len(with_address)
    assert page.message.text().startswith(
        f"Letters: {len(with_address)}. No address on record for {missing} people"
    )
    pages = PdfReader(io.BytesIO(target.read_bytes())).pages
    assert len(pages) == len(with_address)
    text = "\n".join(p.extract_text() for p in pages)
    for person_id in with_address:
        person = by_id[person_id]
        first_line = person["address"].splitlines()[0]
        assert person["full_name"] in text and first_line in text
        name = person["preferred_name"] or person["full_name"]
        english = person["preferred_language"] == "en"
        assert (f"Dear {name}," if english else f"Hei, {name}!") in text
    with db.sessions() as session:
        printed = session.scalars(
            select(AuditEvent.entity_id).where(AuditEvent.detail == "reminder letter")
        ).all()
    assert sorted(printed) == sorted(with_address)


def test_charts_show_the_figures_and_never_a_small_group(
    qtbot: Any,
    db: Database,
    clinic: tuple[dict[str, Actor], list[dict[str, Any]]],
    settings: QSettings,
) -> None:
    from caseplan.services.overview.charts import latest_ratings, reviews_per_month
    from caseplan.ui.overview.charts import ChartsDialog

    actors, _documents = clinic
    window = open_window(qtbot, db, actors["lars"], settings)
    assert window.charts_action in window.tools_menu.actions()
    window.charts_action.trigger()
    dialog = window.findChild(ChartsDialog)
    assert dialog is not None and dialog.isVisible()
    ctx = Context(db.sessions, actor=actors["lars"], today=lambda: TODAY)
    months = reviews_per_month(ctx)
    model = dialog.month_model
    assert model.rowCount() == 12
    for row, month in enumerate(months):
        cells = [str(model.index(row, c).data()) for c in range(1, 4)]
        if month.on_time is None:
            assert cells == ["fewer than 5 people"] * 3
        else:
            assert cells == [str(month.on_time), str(month.late), str(month.unknown)]
    assert any(m.on_time is not None for m in months)
    ratings = latest_ratings(ctx)
    assert dialog.rating_model.rowCount() == len(ratings) > 0
    assert not dialog.bars.grab().isNull()  # the bars paint
    assert dialog.plans.text().startswith("Open plans agreed: ")


def test_the_monthly_summary_prints_the_same_figures(
    qtbot: Any,
    db: Database,
    clinic: tuple[dict[str, Actor], list[dict[str, Any]]],
    settings: QSettings,
    tmp_path: Any,
) -> None:
    import io

    from pypdf import PdfReader

    from caseplan.ui.overview.charts import ChartsDialog

    actors, _documents = clinic
    window = open_window(qtbot, db, actors["lars"], settings)
    dialog = window.show_charts()
    assert isinstance(dialog, ChartsDialog)
    target = tmp_path / "summary.pdf"
    assert dialog.save(target)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(target.read_bytes())).pages)
    text = " ".join(text.split())
    assert "Monthly summary" in text
    # the audit trail's head to write down, as caseplan check prints it
    from caseplan.services.overview.charts import audit_head
    from caseplan.services.security import chain

    head = dialog.summary.audit_head
    assert head is not None
    written = chain.parse_head(head)
    with db.sessions() as session:
        newest = chain.head(session)
    assert written is not None and 0 < written.seq <= newest.seq  # the head when it opened
    assert f"The audit trail's newest event is {head}." in text
    assert f"caseplan check --expect {head}" in text
    for month in dialog.summary.months:
        label = month.first.strftime("%m.%y")
        if month.on_time is None:
            assert f"{label} fewer than 5 fewer than 5 fewer than 5" in text
        else:
            assert f"{label} {month.on_time} {month.late} {month.unknown}" in text
    # a practitioner may not read the audit trail, so their summary carries no head
    kari = Context(db.sessions, actor=actors["kari"], today=lambda: TODAY)
    assert audit_head(kari) is None


def test_the_overviews_files_are_saved_by_their_buttons_in_a_fresh_folder(
    qtbot: Any,
    db: Database,
    clinic: tuple[dict[str, Actor], list[dict[str, Any]]],
    settings: QSettings,
) -> None:
    """Save as CSV… on a list and Monthly summary as PDF…: the real buttons and the real save
    dialog, which opens in a folder of its own (a list names people; no other file's name is
    offered), and the ending is added when none is typed."""
    import csv
    import io
    from pathlib import Path

    from tests.ui.test_save_dialog import answer_save_dialog

    actors, _documents = clinic
    window = open_window(qtbot, db, actors["lars"], settings)
    page = overview_of(window)
    qtbot.mouseClick(page.buttons[Signal.REVIEW_OVERDUE], Qt.MouseButton.LeftButton)
    listed = rows(page)
    assert listed
    seen: list[str] = []
    answer_save_dialog(qtbot, "overdue", seen)
    qtbot.mouseClick(page.csv_button, Qt.MouseButton.LeftButton)
    folder = Path(seen[0])
    saved = folder / "overdue.csv"
    qtbot.waitUntil(saved.exists)
    assert not any(name.endswith(".pdf") for name in seen[1].split("\n"))  # nothing else offered
    from caseplan.reports.peer_hours_csv import DELIMITER, ENCODING

    text = saved.read_bytes().decode(ENCODING)
    table = list(csv.reader(io.StringIO(text, newline=""), delimiter=DELIMITER))
    assert len(table) == len(listed) + 1  # a header and every row on screen
    assert page.message.text().startswith(f"Saved to {saved}. The file is not encrypted")

    dialog = window.show_charts()
    assert dialog is not None
    seen = []
    answer_save_dialog(qtbot, "summary", seen)
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    summary = Path(seen[0]) / "summary.pdf"
    qtbot.waitUntil(summary.exists)
    assert Path(seen[0]) != folder
    assert summary.read_bytes().startswith(b"%PDF")
