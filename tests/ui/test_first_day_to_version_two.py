"""A clinic from its first day, through the whole life of a plan, by keyboard.

``caseplan init`` (no demo), an account for Kari, Kari signs in, adds Ola (Ctrl+N), gives him
two goals with steps, agrees the plan as version 1, reviews it with Ola (a rating for every
goal), changes a goal, sees "changed since version 1", agrees version 2 and prints: the copy
says version 2 and shows the ratings, and version 1 reprints unchanged from History.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from caseplan.services.clinic import unlock
from caseplan.services.people import people
from caseplan.storage.location import resolve
from caseplan.ui.caseload.person_dialog import PersonDialog
from caseplan.ui.main_window import MainWindow
from caseplan.ui.review import ReviewDialog
from tests.reports.pdftools import pdf_text, squeeze
from tests.support import run_cli
from tests.ui.test_keyboard_flow import ALT, CTRL, SHIFT, focused, key, type_text

ADMIN_PASSWORD = "Tinde-hagtorn-71-fjord"
KARI_PASSWORD = "Måke-lyng-58-skjær"


@pytest.fixture
def first_day(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Path:
    """``caseplan init`` and ``caseplan accounts add kari``, as a clinic starts."""
    db = tmp_path / "clinic" / "caseplan.db"
    monkeypatch.setenv("CASEPLAN_PASSWORD", ADMIN_PASSWORD)
    code, _out, err = run_cli(capsys, "init", "--db", str(db), "--account", "tone")
    assert code == 0, err
    monkeypatch.setenv("CASEPLAN_NEW_PASSWORD", KARI_PASSWORD)
    code, _out, err = run_cli(
        capsys, "accounts", "add", "kari", "--role", "practitioner", "--name", "Kari Lund",
        "--db", str(db), "--account", "tone",
    )  # fmt: skip
    assert code == 0, err
    monkeypatch.delenv("CASEPLAN_PASSWORD")
    return db


def _agree(qtbot: Any, window: MainWindow, save_to: Path | None) -> None:
    """Read back, Ola (ticked, on paper) and Kari (tick her) are here, agree."""
    key(qtbot, Qt.Key.Key_A, CTRL | SHIFT)
    qtbot.waitUntil(lambda: window.agreement_dialog is not None)
    agree = window.agreement_dialog
    assert agree is not None
    if save_to is not None:
        agree.choose_path = lambda _parent, _suggested: save_to
    qtbot.waitUntil(agree.isVisible)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is agree.next_button)
    key(qtbot, Qt.Key.Key_Return)
    rows = {row.participant.name: row for row in agree.rows}
    qtbot.waitUntil(lambda: QApplication.focusWidget() is rows["Ola Nordmann"].present)
    assert rows["Ola Nordmann"].present.isChecked() and rows["Ola Nordmann"].on_paper.isChecked()
    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Tab)
    assert focused() is rows["Kari Lund"].present
    if not rows["Kari Lund"].present.isChecked():
        key(qtbot, Qt.Key.Key_Space)
    key(qtbot, Qt.Key.Key_A, ALT)
    qtbot.waitUntil(lambda: agree.steps.currentIndex() == agree.DONE)
    if save_to is not None:
        key(qtbot, Qt.Key.Key_S, ALT)
        qtbot.waitUntil(save_to.exists)
    key(qtbot, Qt.Key.Key_D, ALT)
    qtbot.waitUntil(lambda: window.agreement_dialog is None)


def _reprint_version_one(
    qtbot: Any, window: MainWindow, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """History (Ctrl+7): the versions, newest first; down to version 1; save it (Alt+V)."""
    ws = window.person_workspace
    assert ws is not None
    monkeypatch.setattr("caseplan.ui.workspace.history.ask_save_path", lambda *a, **k: path)
    qtbot.waitUntil(lambda: ws.isAncestorOf(QApplication.focusWidget()))
    key(qtbot, Qt.Key.Key_7, CTRL)
    history = ws.history
    qtbot.waitUntil(history.version_table.hasFocus)
    key(qtbot, Qt.Key.Key_End, CTRL)  # the oldest
    version = history.chosen_version()
    assert version is not None and version.number == 1
    key(qtbot, Qt.Key.Key_V, ALT)
    qtbot.waitUntil(path.exists)


def test_from_init_to_version_two_by_keyboard(
    qtbot: Any, first_day: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clinic = unlock.sign_in(resolve(str(first_day)), "kari", KARI_PASSWORD)
    window = MainWindow(clinic, QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.caseload is not None and window.caseload.search.hasFocus())

    # Person → New person… (Ctrl+N): Ola, whose plan prints in bokmål.
    key(qtbot, Qt.Key.Key_N, CTRL)
    dialog = window.findChild(PersonDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.full_name)
    type_text(qtbot, "Ola Nordmann")
    key(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Ola")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.person_workspace is not None)
    ws = window.person_workspace
    assert ws is not None
    assert ws.name_label.text() == "Ola (full name Ola Nordmann)"

    # Two goals, each with a step (Ctrl+2, Ctrl+G, Ctrl+T).
    qtbot.waitUntil(lambda: ws.isAncestorOf(QApplication.focusWidget()))
    key(qtbot, Qt.Key.Key_2, CTRL)
    for words, domain, step in (
        ("Få min egen leilighet.", "Hous", "Søke kommunal bolig."),
        ("Komme i arbeidstrening.", "Work", "Snakke med NAV."),
    ):
        key(qtbot, Qt.Key.Key_G, CTRL)
        add = ws.goals.add_goal_dialog
        assert add is not None
        qtbot.waitUntil(lambda d=add: QApplication.focusWidget() is d.words)
        type_text(qtbot, words)
        key(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, domain)
        key(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda d=add: not d.isVisible())
        qtbot.waitUntil(ws.goals.tree.hasFocus)
        key(qtbot, Qt.Key.Key_T, CTRL)
        add_step = ws.goals.add_step_dialog
        assert add_step is not None
        qtbot.waitUntil(lambda d=add_step: QApplication.focusWidget() is d.action)
        type_text(qtbot, step)
        key(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda d=add_step: not d.isVisible())
        qtbot.waitUntil(ws.goals.tree.hasFocus)

    # Agree version 1 (everyone here on paper), and keep its reprint to compare with later.
    _agree(qtbot, window, None)
    qtbot.waitUntil(lambda: "Agreed: plan version 1" in ws.agreement.headline.text())
    v1_then = tmp_path / "v1-then.pdf"
    _reprint_version_one(qtbot, window, v1_then, monkeypatch)

    # Plan → Review the plan… (Ctrl+Shift+R): who is here, a rating for every goal, save.
    key(qtbot, Qt.Key.Key_R, CTRL | SHIFT)
    qtbot.waitUntil(lambda: window.findChild(ReviewDialog) is not None)
    review = window.findChild(ReviewDialog)
    assert review is not None
    qtbot.waitUntil(review.isVisible)
    qtbot.waitUntil(lambda: review.isAncestorOf(QApplication.focusWidget()))
    key(qtbot, Qt.Key.Key_Return)  # Next: the first goal
    for score in (Qt.Key.Key_7, Qt.Key.Key_4):
        qtbot.waitUntil(
            lambda: isinstance(QApplication.focusWidget(), type(review.goal_pages[0].scale))
        )
        key(qtbot, score)
        key(qtbot, Qt.Key.Key_Return, CTRL)
    assert review.save_button.isVisible()
    with qtbot.waitSignal(review.saved):
        key(qtbot, Qt.Key.Key_Return, CTRL)
    ratings = [page.scale.rating() for page in review.goal_pages]
    assert ratings == [7, 4]

    # Change a goal's words, in the Goals section; the plan now says it changed.
    qtbot.waitUntil(lambda: ws.isAncestorOf(QApplication.focusWidget()))
    key(qtbot, Qt.Key.Key_2, CTRL)
    qtbot.waitUntil(ws.goals.tree.hasFocus)
    key(qtbot, Qt.Key.Key_Home)
    editor = ws.goals.goal_words.editor
    while "Få min egen leilighet." not in str(ws.goals.tree.currentIndex().data()):
        key(qtbot, Qt.Key.Key_Down)  # past the life domain's heading, to the goal
    for _ in range(8):
        if focused() is editor:
            break
        key(qtbot, Qt.Key.Key_Tab)
    assert focused() is editor
    key(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, "Få min egen leilighet før jul.")
    key(qtbot, Qt.Key.Key_Tab)  # leaving the field saves it
    qtbot.waitUntil(
        lambda: "Changed since version 1 was agreed" in ws.agreement.headline.text(),
        timeout=5000,
    )
    assert "A goal has new words: “Få min egen leilighet før jul.”." in ws.agreement.details.text()

    # Agree version 2, and save Ola's copy.
    copy = tmp_path / "ola-v2.pdf"
    _agree(qtbot, window, copy)
    qtbot.waitUntil(lambda: "Agreed: plan version 2" in ws.agreement.headline.text())
    text = squeeze(pdf_text(copy))
    assert squeeze("Planversjon 2, avtalt") in text
    assert squeeze("Slik går det") in text
    assert squeeze("Du: 7 av 10") in text and squeeze("Du: 4 av 10") in text
    assert squeeze("Få min egen leilighet før jul.") in text

    # Version 1 reprints as it was agreed: the old words, its version, the same page.
    v1_now = tmp_path / "v1-now.pdf"
    _reprint_version_one(qtbot, window, v1_now, monkeypatch)
    assert pdf_text(v1_now) == pdf_text(v1_then)
    old = squeeze(pdf_text(v1_now))
    assert squeeze("Planversjon 1, avtalt") in old
    assert squeeze("Få min egen leilighet.") in old and "førjul" not in old
    assert squeeze("Ola Nordmann") in old and squeeze("Kari Lund") in old  # who signed
    assert people.count_people(clinic.ctx) == 1
