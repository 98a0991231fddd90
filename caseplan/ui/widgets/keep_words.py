"""Escape or Cancel never throws away a person's words without asking.

A goal or a step typed into its dialog is the person's own words, and so are a new person's
details, a team member's, a crisis contact's and a note of peer support; one Escape too many
would lose them. With words typed, Escape and Cancel ask first, and "Keep writing" is the answer
Enter and Escape give. (Locking the screen closes the dialog without asking: the lock never
waits for anyone.)
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QDialog, QLineEdit, QMessageBox, QPlainTextEdit, QTextEdit, QWidget


def keep_typing(dialog: QWidget, typed: str) -> bool:
    """With ``typed`` words, ask whether to throw them away: True to keep writing."""
    if not typed.strip():
        return False
    title = QCoreApplication.translate("KeepWords", "Throw away what you typed?")
    text = QCoreApplication.translate(
        "KeepWords", "What you typed here has not been saved yet. Throw it away?"
    )
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=dialog)
    keep = box.addButton(
        QCoreApplication.translate("KeepWords", "&Keep writing"), QMessageBox.ButtonRole.RejectRole
    )
    drop = box.addButton(
        QCoreApplication.translate("KeepWords", "&Throw it away"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is not drop


def _texts(dialog: QWidget) -> dict[QWidget, str]:
    found: dict[QWidget, str] = {}
    for field in dialog.findChildren(QLineEdit):
        found[field] = field.text()
    for plain in dialog.findChildren(QPlainTextEdit):
        found[plain] = plain.toPlainText()
    for rich in dialog.findChildren(QTextEdit):
        found[rich] = rich.toPlainText()
    return found


class WordsDialog(QDialog):
    """Escape or Cancel with words typed asks before throwing them away.

    What counts as typed: by default, the text of every line and text field that differs from
    what it held when the dialog was first shown (so a "Change…" dialog asks only about
    changes); a dialog may say more exactly by overriding :meth:`typed`.
    """

    _shown_texts: dict[QWidget, str] | None = None

    def showEvent(self, event: QShowEvent) -> None:
        if self._shown_texts is None:
            self._shown_texts = _texts(self)
        super().showEvent(event)

    def typed(self) -> str:
        before = self._shown_texts or {}
        return " ".join(
            text
            for field, text in _texts(self).items()
            if text.strip() and text != before.get(field, "")
        )

    def cancel(self) -> None:
        if not keep_typing(self, self.typed()):
            self.reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.cancel()
            return
        super().keyPressEvent(event)
