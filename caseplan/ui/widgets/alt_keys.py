"""Alt+letter is a key for a button, a label or a menu, never a letter in the person's words.

Qt's text fields type the letter of an Alt+letter that no button or menu took (Alt+F in a
field of meeting mode, where there is no menu bar, wrote "f" into the person's own words).
One guard on the application eats those key presses for every text field, present and
future. AltGr (which types @, { and the like on Norwegian keyboards) does not come as Alt
alone, so it still types.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)

TEXT_FIELDS = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox, QComboBox)


def is_alt_letter(event: QKeyEvent) -> bool:
    """Alt (with or without Shift) and a letter or digit."""
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
    return modifiers == Qt.KeyboardModifier.AltModifier and event.text().isalnum()


class AltLetterGuard(QObject):
    """The application's event filter that keeps Alt+letters out of text fields."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(watched, TEXT_FIELDS)
            and isinstance(event, QKeyEvent)
            and is_alt_letter(event)
        ):
            event.accept()
            return True  # a mnemonic no button took: nothing is typed
        return False


_GUARDS: dict[int, AltLetterGuard] = {}


def guard_alt_letters(app: QApplication | None = None) -> AltLetterGuard | None:
    """Install the guard on the application once (later calls return the same guard)."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    if not isinstance(app, QApplication):
        return None
    guard = _GUARDS.get(id(app))
    if guard is None:
        guard = AltLetterGuard(app)
        app.installEventFilter(guard)
        _GUARDS[id(app)] = guard
    return guard
