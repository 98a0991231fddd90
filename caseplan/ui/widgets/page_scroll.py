"""A page that scrolls only when it cannot shrink into the space there is.

QScrollArea's own resizing gives a page with word-wrapped labels its *preferred* height, so
the overview scrolled its buttons out of sight in a window that had room for them all at
their smallest. This holder gives the page the viewport's size, never less than the page's
minimum; only a page that cannot shrink so far (large text on a small screen) scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class PageScroll(QScrollArea):
    def __init__(self, page: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(page)
        page.installEventFilter(self)  # its minimum changes with its contents

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.fit()
        return False

    def fit(self) -> None:
        page = self.widget()
        if page is None:
            return
        least = page.minimumSizeHint().expandedTo(page.minimumSize())
        room = self.viewport().size()
        page.resize(max(room.width(), least.width()), max(room.height(), least.height()))
