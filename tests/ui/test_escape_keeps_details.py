"""Escape or Cancel in the dialogs where a person's details are typed (a new person, a crisis
contact, a note of peer support) asks before throwing away what was typed; with nothing
typed, or nothing changed, they close at once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLineEdit, QMessageBox

from caseplan.services.context import Context
from caseplan.services.people import people
from caseplan.ui.caseload.person_dialog import PersonDialog
from caseplan.ui.workspace.crisis import ContactDialog

QUESTION = "What you typed here has not been saved yet. Throw it away?"


def _answer(seen: list[str], text: str) -> None:
    """Press the button ``text`` of the question that is about to open."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox), box
        seen.append(box.text())
        next(b for b in box.buttons() if b.text() == text).click()

    QTimer.singleShot(50, press)


def _show(qtbot: Any, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _cancel_button(dialog: QDialog) -> Any:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    return box.button(QDialogButtonBox.StandardButton.Cancel)


DIALOGS: dict[str, Callable[[Context], QDialog]] = {
    "new person": lambda ctx: PersonDialog(ctx),
    "crisis contact": lambda _ctx: ContactDialog(),
}


@pytest.mark.parametrize("which", sorted(DIALOGS))
def test_escape_and_cancel_ask_before_typed_details_are_thrown_away(
    qtbot: Any, ctx: Context, which: str
) -> None:
    dialog = _show(qtbot, DIALOGS[which](ctx))
    field = dialog.findChildren(QLineEdit)[0]
    field.setFocus()
    qtbot.keyClicks(field, "Åse Nilsen")
    seen: list[str] = []
    _answer(seen, "&Keep writing")
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert seen == [QUESTION]
    assert dialog.isVisible() and field.text() == "Åse Nilsen"
    _answer(seen, "&Keep writing")
    qtbot.mouseClick(_cancel_button(dialog), Qt.MouseButton.LeftButton)
    assert seen == [QUESTION, QUESTION] and dialog.isVisible()
    _answer(seen, "&Throw it away")
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_nothing_typed_or_nothing_changed_closes_without_asking(qtbot: Any, ctx: Context) -> None:
    ola = people.create_person(ctx, "Ola Nordmann")
    for dialog in (PersonDialog(ctx), PersonDialog(ctx, people.get_person(ctx, ola.id))):
        _show(qtbot, dialog)
        qtbot.mouseClick(_cancel_button(dialog), Qt.MouseButton.LeftButton)
        assert QApplication.activeModalWidget() is None
        assert not dialog.isVisible()
    edit = _show(qtbot, PersonDialog(ctx, people.get_person(ctx, ola.id)))
    name = edit.findChildren(QLineEdit)[0]
    assert name.text() == "Ola Nordmann"
    name.setFocus()
    qtbot.keyClicks(name, "sen")  # a change to what was there asks too
    seen: list[str] = []
    _answer(seen, "&Throw it away")
    qtbot.keyClick(name, Qt.Key.Key_Escape)
    assert seen == [QUESTION]
    assert people.get_person(ctx, ola.id).full_name == "Ola Nordmann"
