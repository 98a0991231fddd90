"""Large type for a dialog opened from meeting mode: the same size the meeting uses."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

#: Type size in meeting mode at zoom 1.0, as meeting mode itself uses it.
MEETING_SCALE = 1.5


def enlarge(root: QWidget, zoom: float) -> None:
    """Every widget under ``root`` in meeting mode's type size at ``zoom``."""
    font = QFont(root.font())
    font.setPointSizeF(font.pointSizeF() * MEETING_SCALE * zoom)
    for widget in (root, *root.findChildren(QWidget)):
        widget.setFont(font)


def fit_to_screen(dialog: QWidget, least_width: int = 520, least_height: int = 0) -> None:
    """As large as the dialog needs, never larger than the screen it is on."""
    screen = dialog.screen().availableGeometry()
    hint = dialog.sizeHint()
    dialog.resize(
        min(max(hint.width(), least_width), int(screen.width() * 0.95)),
        min(max(hint.height(), least_height), int(screen.height() * 0.92)),
    )
