"""What every workspace section is handed: the workspace's services, versions and undo."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Protocol

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from caseplan.services.context import Context
from caseplan.services.plans.plan_view import PlanView
from caseplan.ui.workspace.autosave import SaveCoordinator
from caseplan.ui.workspace.undo import IdAliases


class Host(Protocol):
    ctx: Context
    person_id: uuid.UUID
    coordinator: SaveCoordinator
    undo_stack: QUndoStack
    aliases: IdAliases

    def perform(self, text: str, do: Callable[[], object], undo: Callable[[], object]) -> bool:
        """Do a change now; if it is stored, make it undoable. False if it was refused."""
        ...

    def report(self, sentence: str) -> None: ...

    def reload(self) -> None: ...


class Section(QWidget):
    """One page of the workspace; shows a fresh :class:`PlanView` whenever one is read."""

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host

    def show_view(self, view: PlanView | None) -> None:
        raise NotImplementedError
