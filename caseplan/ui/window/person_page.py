"""The page that holds a person's workspace in the main window: back, print, agree, meeting."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from caseplan.ui.widgets.page_scroll import PageScroll
from caseplan.ui.workspace import PersonWorkspace


class PersonPage(QWidget):
    """A row of buttons above the workspace; Escape and the back button go back to people."""

    def __init__(
        self,
        workspace: PersonWorkspace,
        actions: Iterable[tuple[QAction, str]],
        back: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.back_button = QPushButton(self.tr("← Back to people"))
        self.back_button.setAccessibleName(self.tr("Back to people (Alt+Left)"))
        self.back_button.clicked.connect(back)
        # The top bar is its own widget, so the section keys can work from it too.
        self.top_bar = QWidget(self)
        row = QHBoxLayout(self.top_bar)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.back_button)
        row.addStretch(1)
        for action, name in actions:
            button = QToolButton(self.top_bar)
            button.setDefaultAction(action)
            button.setAccessibleDescription(name)  # the name is the visible text
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setAutoRaise(False)
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.top_bar)
        # On a small screen or at a large text size the workspace scrolls rather than
        # making the window wider than the screen.
        holder = PageScroll(workspace, self)
        holder.setAccessibleName(self.tr("Person workspace"))
        layout.addWidget(holder, 1)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(back)
        # Ctrl+1 … Ctrl+7 while the focus is on the top bar (the workspace has its own).
        for number in range(len(workspace.sections)):
            section_key = QShortcut(QKeySequence(f"Ctrl+{number + 1}"), self.top_bar)
            section_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            section_key.activated.connect(lambda n=number: workspace.show_section(n, focus=True))
