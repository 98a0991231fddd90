"""Meeting mode: only this person's plan, large type that zooms, the privacy key, leaving."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QPlainTextEdit

from caseplan.models import LifeDomain
from caseplan.services.clinic.unlock import OpenClinic
from caseplan.services.meetings import meetings
from caseplan.services.people import people
from caseplan.services.plans import goals
from caseplan.ui.main_window import ZOOM_KEY, MainWindow
from tests.support import spoken_name
from tests.ui.test_keyboard_flow import WORKER_NOTE, make_mari, visible_texts

CTRL = Qt.KeyboardModifier.ControlModifier
STEP_NOTE = "Internt: Ola følger opp NAV-saken."
MEETING_NOTE = "Internt: vurder ny kartlegging."


@pytest.fixture
def mari(clinic_ws: OpenClinic) -> dict[str, uuid.UUID]:
    ids = make_mari(clinic_ws.ctx)
    ctx = clinic_ws.ctx
    (goal,) = goals.list_goals(ctx, ids["plan"])
    goals.add_step(ctx, goal.id, "Søke kommunal bolig.", responsible_id=ids["ola"])
    step = goals.list_goals(ctx, ids["plan"])[0].steps[0]
    goals.update_step(ctx, step.id, step.version, worker_note=STEP_NOTE)
    meetings.add_meeting(
        ctx, ids["plan"], date(2026, 2, 1), shared_notes="Vi snakket om bolig.",
        worker_note=MEETING_NOTE,
    )  # fmt: skip
    return ids


def open_window(qtbot: Any, clinic_ws: OpenClinic, settings: QSettings) -> MainWindow:
    window = MainWindow(clinic_ws, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_caseload(None)  # a team lead starts on the overview; these are about people
    qtbot.wait(50)  # the window's layout lets go of the overview's size
    window.activateWindow()
    return window


def enter_meeting(qtbot: Any, window: MainWindow, person_id: uuid.UUID) -> Any:
    window.show_person(person_id)
    qtbot.waitUntil(lambda: window.person_workspace is not None)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: window.meeting is not None and window.isFullScreen())
    return window.meeting


def test_meeting_mode_shows_nothing_but_this_persons_shared_plan(
    qtbot: Any,
    clinic_ws: OpenClinic,
    settings: QSettings,
    mari: dict[str, uuid.UUID],
    clinic_people: tuple[str, ...],
) -> None:
    window = open_window(qtbot, clinic_ws, settings)
    # In the workspace, the practitioner sees the worker's note.
    window.show_person(mari["person"])
    assert window.person_workspace is not None
    window.person_workspace.show_section(window.person_workspace.GOALS)
    meeting = enter_meeting(qtbot, window, mari["person"])
    for zoom in (1.0, 2.0, 3.0):
        meeting.set_zoom(zoom)
        seen = "\n".join(visible_texts(window))
        assert "Jeg vil ha min egen leilighet." in seen
        assert "Søke kommunal bolig. — who: Ola Hansen" in seen
        for hidden in (WORKER_NOTE, STEP_NOTE, MEETING_NOTE, "Worker's note", "internal"):
            assert hidden not in seen
        for other in clinic_people:
            assert other not in seen
        for elsewhere in ("Audit", "Caseload", "Search people", "History", "kari"):
            assert elsewhere not in seen
    assert window.caseload is not None and not window.caseload.isVisible()


def test_text_zooms_with_ctrl_plus_and_minus_and_is_remembered(
    qtbot: Any, clinic_ws: OpenClinic, settings: QSettings, mari: dict[str, uuid.UUID]
) -> None:
    window = open_window(qtbot, clinic_ws, settings)
    meeting = enter_meeting(qtbot, window, mari["person"])
    field = meeting.fields["about_me.what_matters"].editor
    normal = field.font().pointSizeF()
    assert normal >= QApplication.font().pointSizeF() * 1.4  # large type from the start
    qtbot.keyClick(field, Qt.Key.Key_Plus, CTRL)
    qtbot.keyClick(field, Qt.Key.Key_Plus, CTRL)
    assert meeting.zoom == 1.5
    assert field.font().pointSizeF() == pytest.approx(normal * 1.5)
    qtbot.keyClick(field, Qt.Key.Key_Minus, CTRL)
    assert meeting.zoom == 1.25
    assert float(settings.value(ZOOM_KEY)) == 1.25
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.meeting is None and not window.isFullScreen())
    assert window.pages.currentWidget() is window.person_page

    again = enter_meeting(qtbot, window, mari["person"])
    assert again.zoom == 1.25


def test_layout_holds_at_twice_the_text_size_and_every_control_is_named(
    qtbot: Any, clinic_ws: OpenClinic, settings: QSettings, mari: dict[str, uuid.UUID]
) -> None:
    window = open_window(qtbot, clinic_ws, settings)
    meeting = enter_meeting(qtbot, window, mari["person"])
    for zoom in (1.0, 2.0):
        meeting.set_zoom(zoom)
        QApplication.processEvents()
        # The page scrolls down, never sideways: every line wraps to the screen.
        assert meeting.scroller.horizontalScrollBar().maximum() == 0
        for editor in meeting.findChildren(QPlainTextEdit):
            assert editor.height() >= editor.fontMetrics().lineSpacing() * 2
    controls = [
        w
        for w in meeting.findChildren(QAbstractButton)
        + meeting.findChildren(QPlainTextEdit)
        + meeting.findChildren(QAbstractScrollArea)
        if w.isVisible()
    ]
    assert controls
    assert [w for w in controls if not spoken_name(w)] == []


def test_the_privacy_key_blanks_meeting_mode_at_once(
    qtbot: Any,
    clinic_ws: OpenClinic,
    settings: QSettings,
    mari: dict[str, uuid.UUID],
    lead_password: str,
) -> None:
    window = open_window(qtbot, clinic_ws, settings)
    meeting = enter_meeting(qtbot, window, mari["person"])
    editor = meeting.fields["about_me.what_matters"].editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " Hei.")
    qtbot.keyClick(editor, Qt.Key.Key_F12)
    assert window.locked
    assert window.pages.currentWidget() is window.lock_screen
    assert window.meeting is None and window.person_workspace is None
    seen = "\n".join(visible_texts(window))
    assert "Mari" not in seen and "leilighet" not in seen

    window.unlock(lead_password)
    assert not window.locked
    # what was typed just before the key was saved, not lost (the lock forgot the old
    # context, so it is read through the one the password opened again)
    assert people.get_person(window.clinic.ctx, mari["person"]).what_matters.endswith(" Hei.")
    # back exactly where they were: this person, in meeting mode, with what was typed
    assert window.person_workspace is not None
    assert window.person_workspace.person_id == mari["person"]
    assert window.meeting is not None and window.isFullScreen()
    assert window.pages.currentWidget() is window.meeting
    assert window.meeting.fields["about_me.what_matters"].text().endswith(" Hei.")
    assert window.windowTitle() == "Mari Solberg — Caseplan"  # meeting mode: no account
    qtbot.keyClick(window.meeting.fields["about_me.what_matters"].editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.meeting is None and not window.isFullScreen())
    assert window.pages.currentWidget() is window.person_page


def test_typing_in_meeting_mode_shows_in_the_workspace_and_can_be_undone(
    qtbot: Any, clinic_ws: OpenClinic, settings: QSettings, mari: dict[str, uuid.UUID]
) -> None:
    window = open_window(qtbot, clinic_ws, settings)
    meeting = enter_meeting(qtbot, window, mari["person"])
    goal_field = next(f for k, f in meeting.fields.items() if k.startswith("goal."))
    goal_field.editor.setFocus()
    goal_field.editor.selectAll()
    qtbot.keyClicks(goal_field.editor, "Jeg vil bo nær søsteren min.")
    qtbot.keyClick(goal_field.editor, Qt.Key.Key_F11)  # leaving saves
    qtbot.waitUntil(lambda: window.meeting is None)
    (goal,) = goals.list_goals(clinic_ws.ctx, mari["plan"])
    assert goal.own_words == "Jeg vil bo nær søsteren min."
    assert goal.domain == LifeDomain.HOUSING
    ws = window.person_workspace
    assert ws is not None
    assert "  Jeg vil bo nær søsteren min." in ws.goals.model.visible_text()
    ws.undo()
    assert goals.list_goals(clinic_ws.ctx, mari["plan"])[0].own_words == (
        "Jeg vil ha min egen leilighet."
    )


def test_size_and_last_section_are_remembered(
    qtbot: Any, clinic_ws: OpenClinic, tmp_path: Path, mari: dict[str, uuid.UUID]
) -> None:
    settings = QSettings(str(tmp_path / "remember.ini"), QSettings.Format.IniFormat)
    first = open_window(qtbot, clinic_ws, settings)
    first.resize(700, 450)
    qtbot.waitUntil(lambda: first.width() == 700)
    first.show_person(mari["person"])
    assert first.person_workspace is not None
    first.person_workspace.show_section(first.person_workspace.CRISIS)
    size = (first.width(), first.height())  # at least what the workspace needs
    first.close()
    second = MainWindow(clinic_ws, settings)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == size
    second.show_person(mari["person"])
    assert second.person_workspace is not None
    assert second.person_workspace.current_section() == second.person_workspace.CRISIS
