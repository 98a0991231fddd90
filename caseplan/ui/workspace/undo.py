"""Undo and redo across the whole session: every stored change is a command on one stack.

Commands are pushed after the change is already stored, so their first ``redo`` does
nothing; later ones (and ``undo``) call the services again.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from caseplan.errors import CaseplanError
from caseplan.ui.i18n import error_text

if TYPE_CHECKING:
    from caseplan.ui.workspace.autosave import FieldTarget, SaveCoordinator


class IdAliases:
    """Undoing an "add" deletes the record and redoing adds it again under a new id;
    commands keep the id they were made with and look up the one in force now."""

    def __init__(self) -> None:
        self._newer: dict[uuid.UUID, uuid.UUID] = {}

    def renamed(self, old: uuid.UUID, new: uuid.UUID) -> None:
        if old != new:
            self._newer[old] = new

    def resolve(self, record_id: uuid.UUID) -> uuid.UUID:
        seen = set()
        while record_id in self._newer and record_id not in seen:
            seen.add(record_id)
            record_id = self._newer[record_id]
        return record_id


class FieldEditCommand(QUndoCommand):
    """A saved text field: undo stores the text it had before."""

    def __init__(
        self, coordinator: SaveCoordinator, target: FieldTarget, old: str, new: str
    ) -> None:
        super().__init__(
            QCoreApplication.translate("FieldEditCommand", "Edit “{field}”").format(
                field=target.title
            )
        )
        self.coordinator = coordinator
        self.target = target
        self.old = old
        self.new = new
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self.coordinator.write(self.target, self.new, self.old)

    def undo(self) -> None:
        self.coordinator.write(self.target, self.old, self.new)


class ServiceCommand(QUndoCommand):
    """A change made through a service with its reverse (add/remove a goal, move, close…).

    ``report`` is told the sentence when a service refuses, and ``after`` runs after each
    step so the screen shows what is stored.
    """

    def __init__(
        self,
        text: str,
        do: Callable[[], object],
        undo: Callable[[], object],
        after: Callable[[], object],
        report: Callable[[str], None],
    ) -> None:
        super().__init__(text)
        self._do = do
        self._undo = undo
        self._after = after
        self._report = report
        self._first = True

    def _run(self, action: Callable[[], object]) -> None:
        try:
            action()
        except CaseplanError as error:
            self._report(error_text(error))
        self._after()

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(self._do)

    def undo(self) -> None:
        self._run(self._undo)
