"""The workspace's add dialogs, as meeting mode opens them: a step's "who" may be someone
not yet on the team (they are added on the way), and every dialog is in large type."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QWidget

from caseplan.ui.workspace.goal_dialogs import AddStepDialog
from caseplan.ui.workspace.team_model import ParticipantListModel

AnyIndex = QModelIndex | QPersistentModelIndex


class TeamOrSomeoneNew(ParticipantListModel):
    """Nobody yet, the team, and last "someone not yet on the team…"."""

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else super().rowCount() + 1

    def is_new(self, row: int) -> bool:
        return row == self.rowCount() - 1

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and self.is_new(index.row()):
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return QCoreApplication.translate("MeetingView", "Someone not yet on the team…")
            return None
        return super().data(index, role)


class StepDialog(AddStepDialog):
    """Add a step; choosing "someone not yet on the team…" asks who, then adds both."""

    team: TeamOrSomeoneNew

    def wants_someone_new(self) -> bool:
        return self.team.is_new(self.responsible.currentIndex())


def in_large_type(dialog: QDialog, font: QFont) -> QDialog:
    """The dialog (and everything in it) in meeting mode's type, fitted to its contents."""
    dialog.setFont(font)
    for child in dialog.findChildren(QWidget):
        child.setFont(font)
    dialog.adjustSize()
    screen = dialog.screen().availableGeometry() if dialog.screen() is not None else None
    if screen is not None:
        dialog.resize(
            min(max(dialog.width(), int(screen.width() * 0.7)), screen.width() - 40),
            min(dialog.sizeHint().height(), screen.height() - 40),
        )
    return dialog
