"""Alt+letter never types into a field: not in meeting mode, not in a dialog, not anywhere."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

from caseplan.services.clinic.unlock import OpenClinic
from caseplan.services.people import people
from caseplan.ui.caseload.person_dialog import PersonDialog
from caseplan.ui.widgets.alt_keys import guard_alt_letters, is_alt_letter
from tests.ui.test_meeting_mode import enter_meeting, mari, open_window  # noqa: F401

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
LETTERS = (Qt.Key.Key_F, Qt.Key.Key_P, Qt.Key.Key_H, Qt.Key.Key_L, Qt.Key.Key_E, Qt.Key.Key_T)


def test_alt_letters_in_meeting_mode_type_nothing_and_store_nothing(
    qtbot: Any,
    clinic_ws: OpenClinic,
    settings: QSettings,
    mari: dict[str, uuid.UUID],  # noqa: F811
) -> None:
    window = open_window(qtbot, clinic_ws, settings)
    meeting = enter_meeting(qtbot, window, mari["person"])
    field = meeting.fields["about_me.what_matters"]
    editor = field.editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " Få ha et eget sted")
    for key in LETTERS:
        qtbot.keyClick(editor, key, ALT)
        qtbot.keyClick(editor, key, ALT | SHIFT)
    assert field.text() == "Å ha et trygt sted å bo. Få ha et eget sted"
    assert window.meeting is meeting and window.isFullScreen()  # nothing else happened either
    qtbot.keyClick(editor, Qt.Key.Key_F11)  # leaving meeting mode stores what was typed
    qtbot.waitUntil(lambda: window.meeting is None)
    stored = people.get_person(clinic_ws.ctx, mari["person"]).what_matters
    assert stored == "Å ha et trygt sted å bo. Få ha et eget sted"


def test_no_text_field_of_any_kind_takes_an_alt_letter(qtbot: Any, qapp: QApplication) -> None:
    guard_alt_letters(qapp)
    for kind in (QLineEdit, QPlainTextEdit):
        field = kind()
        qtbot.addWidget(field)
        field.show()
        qtbot.waitExposed(field)
        field.setFocus()
        qtbot.keyClicks(field, "ok")
        for key in LETTERS:
            qtbot.keyClick(field, key, ALT)
        text = field.text() if isinstance(field, QLineEdit) else field.toPlainText()
        assert text == "ok", kind.__name__


def test_only_alt_and_a_letter_or_digit_is_a_mnemonic() -> None:
    def event(key: Qt.Key, text: str, modifiers: Qt.KeyboardModifier) -> QKeyEvent:
        return QKeyEvent(QEvent.Type.KeyPress, key, modifiers, text)

    assert is_alt_letter(event(Qt.Key.Key_F, "f", ALT))
    assert is_alt_letter(event(Qt.Key.Key_F, "F", ALT | SHIFT))
    assert is_alt_letter(event(Qt.Key.Key_Ooblique, "ø", ALT))
    assert not is_alt_letter(event(Qt.Key.Key_F, "f", Qt.KeyboardModifier.NoModifier))
    # AltGr on a Norwegian keyboard (Ctrl+Alt on Windows) types @, £, { and the like
    control_alt = ALT | Qt.KeyboardModifier.ControlModifier
    assert not is_alt_letter(event(Qt.Key.Key_At, "@", control_alt))
    assert not is_alt_letter(event(Qt.Key.Key_BraceLeft, "{", ALT))


def test_alt_letters_in_the_new_person_dialog_move_or_do_nothing(
    qtbot: Any, clinic_ws: OpenClinic, settings: QSettings
) -> None:
    window = open_window(qtbot, clinic_ws, settings)
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), PersonDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, PersonDialog)
    qtbot.waitUntil(lambda: dialog.full_name.hasFocus())
    qtbot.keyClicks(dialog.full_name, "Kari Nordmann")
    for key in (Qt.Key.Key_Z, Qt.Key.Key_X, Qt.Key.Key_Q, Qt.Key.Key_J):  # no label's keys
        qtbot.keyClick(dialog.full_name, key, ALT)
    assert dialog.full_name.text() == "Kari Nordmann"
    qtbot.keyClick(dialog.full_name, Qt.Key.Key_A, ALT)  # "&Address:" takes it
    qtbot.waitUntil(dialog.address.hasFocus)
    assert dialog.full_name.text() == "Kari Nordmann"
    for key in (Qt.Key.Key_Z, Qt.Key.Key_A, Qt.Key.Key_G):
        qtbot.keyClick(dialog.address, key, ALT)
    assert dialog.address.toPlainText() == "" and dialog.full_name.text() == "Kari Nordmann"
    dialog.reject()
