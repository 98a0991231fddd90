"""Escape never leaves the person with input not stored.

Escape goes back one place at a time (meeting mode → the workspace → the people). Whatever
was typed where the focus is goes with it into the plan first: words not yet saved by the
timer, a date typed but not yet taken. A date that is refused keeps the person open, with
the sentence that says why, and the typed text still there to correct.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from caseplan.services.clinic.unlock import OpenClinic
from caseplan.services.people import people
from caseplan.services.plans import goals
from caseplan.ui.main_window import MainWindow
from tests.ui.test_meeting_mode import enter_meeting, mari, open_window  # noqa: F401

ESC = Qt.Key.Key_Escape


def _on_the_step(qtbot: Any, window: MainWindow, person: uuid.UUID) -> Any:
    window.show_person(person)
    workspace = window.person_workspace
    assert workspace is not None
    section = workspace.goals
    workspace.show_section(workspace.GOALS)
    goal = section.model.index(0, 0, section.model.index(0, 0))
    section.tree.setCurrentIndex(section.model.index(0, 0, goal))
    section.step_due.line.setFocus()
    qtbot.waitUntil(section.step_due.line.hasFocus)
    return section


def test_escape_stores_the_words_just_typed_before_leaving_the_person(
    qtbot: Any,
    clinic_ws: OpenClinic,
    settings: QSettings,
    mari: dict[str, uuid.UUID],  # noqa: F811
) -> None:
    window = open_window(qtbot, clinic_ws, settings)
    window.show_person(mari["person"])
    workspace = window.person_workspace
    assert workspace is not None
    editor = workspace.about_me.findChildren(type(workspace.goals.goal_words.editor))[0]
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " Og en hund.")
    qtbot.keyClick(editor, ESC)  # at once, before the timer saves
    assert window.person_workspace is None  # back at the people
    stored = people.get_person(clinic_ws.ctx, mari["person"]).what_matters
    assert stored == "Å ha et trygt sted å bo. Og en hund."


def test_escape_takes_a_typed_date_before_leaving(
    qtbot: Any,
    clinic_ws: OpenClinic,
    settings: QSettings,
    mari: dict[str, uuid.UUID],  # noqa: F811
) -> None:
    window = open_window(qtbot, clinic_ws, settings)
    section = _on_the_step(qtbot, window, mari["person"])
    qtbot.keyClicks(section.step_due.line, "+14")
    qtbot.keyClick(section.step_due.line, ESC)
    assert window.person_workspace is None
    (goal,) = goals.list_goals(clinic_ws.ctx, mari["plan"])
    assert goal.steps[0].due == clinic_ws.ctx.today() + timedelta(days=14)


def test_escape_with_a_refused_date_keeps_the_person_open(
    qtbot: Any,
    clinic_ws: OpenClinic,
    settings: QSettings,
    mari: dict[str, uuid.UUID],  # noqa: F811
) -> None:
    window = open_window(qtbot, clinic_ws, settings)
    section = _on_the_step(qtbot, window, mari["person"])
    qtbot.keyClicks(section.step_due.line, "31.02.2027")
    qtbot.keyClick(section.step_due.line, ESC)
    assert window.person_workspace is not None  # still with the person
    assert section.step_due.problem_text()  # and told why
    assert section.step_due.text() == "31.02.2027"  # what was typed is still there
    (goal,) = goals.list_goals(clinic_ws.ctx, mari["plan"])
    assert goal.steps[0].due is None
    section.step_due.line.clear()
    qtbot.keyClick(section.step_due.line, ESC)  # with the date taken away, Escape leaves
    assert window.person_workspace is None


def test_escape_in_meeting_mode_goes_back_one_place_and_keeps_the_words(
    qtbot: Any,
    clinic_ws: OpenClinic,
    settings: QSettings,
    mari: dict[str, uuid.UUID],  # noqa: F811
) -> None:
    window = open_window(qtbot, clinic_ws, settings)
    meeting = enter_meeting(qtbot, window, mari["person"])
    field = meeting.fields["about_me.what_matters"]
    field.editor.setFocus()
    field.editor.moveCursor(field.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(field.editor, " Nær barna.")
    qtbot.keyClick(field.editor, ESC)
    qtbot.waitUntil(lambda: window.meeting is None)
    assert window.person_workspace is not None  # the workspace, not the people
    stored = people.get_person(clinic_ws.ctx, mari["person"]).what_matters
    assert stored == "Å ha et trygt sted å bo. Nær barna."
    qtbot.keyClick(QApplication.focusWidget() or window, ESC)
    assert window.person_workspace is None


def _answer(qtbot: Any, text: str) -> None:
    """Press the button ``text`` of the question that is about to open."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox), box
        seen.append(box.text())
        next(b for b in box.buttons() if b.text() == text).click()

    seen: list[str] = []
    QTimer.singleShot(50, press)
    answered.append(seen)


answered: list[list[str]] = []


def test_escape_in_add_a_goal_asks_before_throwing_the_words_away(
    qtbot: Any,
    clinic_ws: OpenClinic,
    settings: QSettings,
    mari: dict[str, uuid.UUID],  # noqa: F811
) -> None:
    window = open_window(qtbot, clinic_ws, settings)
    window.show_person(mari["person"])
    workspace = window.person_workspace
    assert workspace is not None
    section = workspace.goals
    workspace.show_section(workspace.GOALS)
    section.start_add_goal()
    dialog = section.add_goal_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(dialog.isActiveWindow)  # the keys go to the dialog, as they do on a desktop
    dialog.words.setFocus()
    qtbot.keyClicks(dialog.words, "Få en jobb")
    answered.clear()
    _answer(qtbot, "&Keep writing")
    qtbot.keyClick(dialog.words, ESC)
    assert answered[-1] == ["What you typed here has not been saved yet. Throw it away?"]
    assert dialog.isVisible() and dialog.words.text() == "Få en jobb"
    _answer(qtbot, "&Throw it away")
    qtbot.keyClick(dialog.words, ESC)
    assert answered[-1] and not dialog.isVisible()
    assert len(goals.list_goals(clinic_ws.ctx, mari["plan"])) == 1  # nothing was added
    # With nothing typed, Escape closes at once.
    section.start_add_goal()
    empty = section.add_goal_dialog
    assert empty is not None and empty is not dialog
    qtbot.waitUntil(empty.isVisible)
    qtbot.keyClick(empty.words, ESC)
    assert not empty.isVisible()
