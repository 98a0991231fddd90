"""No dialog runs off the screen: each one, as it is shown, is made to fit the screen it is on.

A dialog asks for the size it would like (a preview 860 wide, a report 1240 wide, a guide at
a comfortable width); on a 1366 × 768 laptop, at 200 % text or at meeting mode's largest type
that can be more than the screen has. One guard on the application takes every dialog,
present and future, down to the screen's free area (its title bar and frame included) and
back onto the screen; what is inside then wraps or scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QSize
from PySide6.QtWidgets import QApplication, QDialog, QWidget

#: room for a title bar and frame the window manager has not reported yet
FRAME_GUESS = QSize(16, 48)


def fit_on_screen(window: QWidget) -> None:
    """``window`` no larger than its screen's free area, and placed on it."""
    screen = window.screen()
    if screen is None:
        return
    free = screen.availableGeometry()
    frame = window.frameGeometry().size() - window.size()
    if frame.width() <= 0 and frame.height() <= 0:
        frame = FRAME_GUESS
    most = QSize(free.width() - frame.width(), free.height() - frame.height())
    if window.minimumWidth() > most.width() or window.minimumHeight() > most.height():
        window.setMinimumSize(window.minimumSize().boundedTo(most))
    if window.width() > most.width() or window.height() > most.height():
        window.resize(window.size().boundedTo(most))
    place = window.frameGeometry()
    x = min(max(place.x(), free.left()), free.right() + 1 - window.width() - frame.width())
    y = min(max(place.y(), free.top()), free.bottom() + 1 - window.height() - frame.height())
    if (x, y) != (place.x(), place.y()):
        window.move(QPoint(max(x, free.left()), max(y, free.top())))


def narrow(widget: QWidget, characters: int = 150) -> bool:
    """The screen is narrower than ``characters`` of the widget's text (200 % text on a
    laptop): what stands side by side is better stacked."""
    screen = widget.screen()
    if screen is None:
        return False
    width = widget.fontMetrics().averageCharWidth() * characters
    return width > screen.availableGeometry().width()


class ScreenFitGuard(QObject):
    """The application's event filter that fits each dialog to its screen as it is shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QDialog) and watched.isWindow():
            fit_on_screen(watched)
        return False


_GUARDS: dict[int, ScreenFitGuard] = {}


def guard_screen_fit(app: QApplication | None = None) -> ScreenFitGuard | None:
    """Install the guard on the application once (later calls return the same guard)."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    if not isinstance(app, QApplication):
        return None
    guard = _GUARDS.get(id(app))
    if guard is None:
        guard = ScreenFitGuard(app)
        app.installEventFilter(guard)
        _GUARDS[id(app)] = guard
    return guard
