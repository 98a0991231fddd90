"""Dialogs with wrapped text: wide enough to read, and tall enough for every line."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from caseplan.ui.widgets.fit_screen import FRAME_GUESS


def fit_to_text(window: QWidget, characters: int = 64) -> None:
    """At least ``characters`` wide, then as tall as the wrapped labels need.

    Top-level windows do not follow height-for-width by themselves, so a wrapped label
    would otherwise be cut off after its first lines.
    """
    wish = window.fontMetrics().averageCharWidth() * characters
    screen = window.screen()
    if screen is not None:  # never wider than the screen (200 % text on a small one)
        wish = min(wish, screen.availableGeometry().width() - FRAME_GUESS.width())
    window.setMinimumWidth(wish)
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    width = max(window.width(), window.minimumWidth())
    height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else 0
    window.resize(width, max(height, layout.totalMinimumSize().height(), window.height()))
