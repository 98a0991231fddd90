"""Dialogs with wrapped text: wide enough to read, and tall enough for every line."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def fit_to_text(window: QWidget, characters: int = 64) -> None:
    """At least ``characters`` wide, then as tall as the wrapped labels need.

    Top-level windows do not follow height-for-width by themselves, so a wrapped label
    would otherwise be cut off after its first lines.
    """
    window.setMinimumWidth(window.fontMetrics().averageCharWidth() * characters)
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    width = max(window.width(), window.minimumWidth())
    height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else 0
    window.resize(width, max(height, layout.totalMinimumSize().height(), window.height()))
