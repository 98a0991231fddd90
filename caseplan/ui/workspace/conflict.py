"""When someone else changed the same words: show both and let the person choose."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caseplan.ui.widgets.announce import announce

KEEP_MINE = 1
TAKE_THEIRS = 2


class ConflictDialog(QDialog):
    """Their stored text beside what was typed here; the choice is in :attr:`choice`."""

    def __init__(self, field_title: str, theirs: str, mine: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Someone else changed this"))
        self.choice = 0
        intro = QLabel(
            self.tr(
                "While you were writing “{field}”, someone else saved a different text. "
                "Nothing has been overwritten. Which text should be kept?"
            ).format(field=field_title),
            self,
        )
        intro.setWordWrap(True)
        self.theirs = QPlainTextEdit(theirs, self)
        self.theirs.setReadOnly(True)
        self.theirs.setAccessibleName(self.tr("Their version"))
        self.mine = QPlainTextEdit(mine, self)
        self.mine.setReadOnly(True)
        self.mine.setAccessibleName(self.tr("Your version"))
        theirs_label = QLabel(self.tr("&Their version (saved)"), self)
        theirs_label.setBuddy(self.theirs)
        mine_label = QLabel(self.tr("&Your version (typed here)"), self)
        mine_label.setBuddy(self.mine)
        self.keep_mine = QPushButton(self.tr("&Keep mine"), self)
        self.keep_mine.setAccessibleName(self.tr("Keep my version"))
        self.take_theirs = QPushButton(self.tr("&Take theirs"), self)
        self.take_theirs.setAccessibleName(self.tr("Take their version"))
        self.keep_mine.setDefault(True)
        self.keep_mine.clicked.connect(lambda: self._choose(KEEP_MINE))
        self.take_theirs.clicked.connect(lambda: self._choose(TAKE_THEIRS))

        columns = QHBoxLayout()
        for label, editor in ((theirs_label, self.theirs), (mine_label, self.mine)):
            column = QVBoxLayout()
            column.addWidget(label)
            column.addWidget(editor)
            columns.addLayout(column)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.take_theirs)
        buttons.addWidget(self.keep_mine)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(columns, 1)
        layout.addLayout(buttons)
        self.resize(640, 320)
        self.intro = intro

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        announce(self, self.intro.text(), assertive=True)

    def _choose(self, choice: int) -> None:
        self.choice = choice
        self.accept()
