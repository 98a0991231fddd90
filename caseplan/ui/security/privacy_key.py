"""F12 hides the screen from inside any dialog too.

The window's "Hide screen" action has an application-wide shortcut, but Qt does not fire an
application shortcut while a modal dialog blocks the window that owns the action — and every
dialog here (a review, Add a goal, agreeing) is modal. A practitioner who presses F12 because
someone walked in must not find that it does nothing while a dialog is open.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QApplication


class PrivacyKey(QObject):
    """Triggers ``action`` (when enabled) for F12 pressed while a modal dialog is open."""

    def __init__(self, action: QAction, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.action = action
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_F12
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and QApplication.activeModalWidget() is not None
            and self.action.isEnabled()
        ):
            self.action.trigger()
            return True
        return False
