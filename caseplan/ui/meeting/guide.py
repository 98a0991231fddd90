"""The first-plan guide in meeting mode: the parts of a plan, where we are, what the next
key does, and the keys that add and change things."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from caseplan.ui.controllers.first_plan import FirstPlanGuide, Stage, stage_name


class GuideBar(QFrame):
    """ "About me ✓ › Goals › …", the Next button (Ctrl+Enter) and the keys of meeting mode."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meeting_guide")
        self.setAccessibleName(self.tr("First plan"))
        self.stages = QLabel(self)
        self.stages.setTextFormat(Qt.TextFormat.PlainText)
        self.stages.setWordWrap(True)
        self.next_button = QPushButton(self)
        self.next_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.keys = QLabel(
            self.tr(
                "Ctrl+G goal · Ctrl+T step · Ctrl+M team member · Space: step done · "
                "Alt+Up/Down: move · Ctrl+Z undo · Ctrl+Shift+Z redo"
            ),
            self,
        )
        self.keys.setTextFormat(Qt.TextFormat.PlainText)
        self.keys.setWordWrap(True)
        self.keys.setProperty("role", "quiet")
        self.keys.setAccessibleDescription(self.keys.text())
        # Each on a line of its own, so large type wraps rather than widening the screen.
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.next_button)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 4, 0, 4)
        column.setSpacing(2)
        column.addWidget(self.stages)
        column.addLayout(row)
        column.addWidget(self.keys)

    def show_guide(self, guide: FirstPlanGuide) -> None:
        parts = []
        for stage in Stage:
            name = stage_name(stage)
            if stage in guide.done:
                name += " ✓"
            if stage is guide.stage:
                name = "[" + name + "]"
            parts.append(name)
        text = self.tr("First plan: ") + " › ".join(parts)
        self.stages.setText(text)
        self.stages.setAccessibleDescription(text)
        what = guide.describe(guide.next_action())
        self.next_button.setText(self.tr("Next: {what} (Ctrl+Enter)").format(what=what))
        self.next_button.setAccessibleName(self.next_button.text())
