"""Escape or Cancel never throws away a person's words without asking.

A goal or a step typed into its dialog is the person's own words; one Escape too many would
lose them. With words typed, Escape and Cancel ask first, and "Keep writing" is the answer
Enter and Escape give. (Locking the screen closes the dialog without asking: the lock never
waits for anyone.)
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def keep_typing(dialog: QWidget, typed: str) -> bool:
    """With ``typed`` words, ask whether to throw them away: True to keep writing."""
    if not typed.strip():
        return False
    title = QCoreApplication.translate("KeepWords", "Throw away what you typed?")
    text = QCoreApplication.translate(
        "KeepWords", "What you typed here has not been added yet. Throw it away?"
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
