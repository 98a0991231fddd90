"""Never lose a word: text fields save themselves shortly after typing stops and on leaving.

Each field is bound to a :class:`FieldTarget` that reads and writes one field of one record
through the services. Versions are kept per record (several fields share one), so a save
carries the version last read or written here; a :class:`Conflict` means someone else saved
in between, and then both texts are shown and the person chooses.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from caseplan.errors import CaseplanError, Conflict
from caseplan.ui.i18n import error_text
from caseplan.ui.widgets.save_indicator import SaveIndicator
from caseplan.ui.widgets.whose_words import WordsField
from caseplan.ui.workspace.conflict import KEEP_MINE, TAKE_THEIRS, ConflictDialog
from caseplan.ui.workspace.undo import FieldEditCommand

RecordKey = tuple[str, uuid.UUID]


@dataclass(frozen=True, eq=False)
class FieldTarget:
    """One text field of one record, read and written through the services.

    Two targets are the same field when record and name match (the functions are fresh
    closures on every read).
    """

    key: RecordKey
    name: str
    title: str
    #: a fresh (value, version) from the database
    read: Callable[[], tuple[str, int | None]]
    #: store the value on top of the given version; returns the new version
    write: Callable[[str, int | None], int | None]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FieldTarget):
            return NotImplemented
        return (self.key, self.name) == (other.key, other.name)

    def __hash__(self) -> int:
        return hash((self.key, self.name))


class SaveCoordinator(QObject):
    """The versions read, the bound fields, and the shared undo stack of one workspace."""

    #: something was stored (the workspace may refresh what depends on it)
    stored = Signal(object)

    def __init__(
        self, undo_stack: QUndoStack, indicator: SaveIndicator, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.undo_stack = undo_stack
        self.indicator = indicator
        self.versions: dict[RecordKey, int | None] = {}
        self.bindings: list[FieldBinding] = []

    def bind(self, field: WordsField) -> FieldBinding:
        binding = FieldBinding(self, field)
        self.bindings.append(binding)
        return binding

    def flush(self) -> None:
        """Save every field that has unsaved typing, now."""
        for binding in list(self.bindings):
            binding.save_now()

    def dirty(self, key: RecordKey) -> bool:
        return any(b.target is not None and b.target.key == key and b.dirty for b in self.bindings)

    def seen(self, key: RecordKey, version: int | None) -> None:
        """A fresh read: take its version unless unsaved typing still rests on the older one."""
        if not self.dirty(key):
            self.versions[key] = version

    def write(self, target: FieldTarget, value: str, expected: str) -> None:
        """Store ``value`` (undo/redo); ``expected`` is what we believe is stored now."""
        try:
            try:
                version = target.write(value, self.versions.get(target.key))
            except Conflict:
                stored, fresh = target.read()
                if stored != expected:
                    raise
                version = target.write(value, fresh)
        except CaseplanError as error:
            self.indicator.failed(error_text(error))
            return
        self.versions[target.key] = version
        for binding in self.bindings:
            if binding.target == target:
                binding.show_stored(value)
        self.indicator.saved()
        self.stored.emit(target.key)


class FieldBinding(QObject):
    """Ties one :class:`WordsField` to the field it currently shows."""

    DELAY_MS = 1200

    def __init__(self, coordinator: SaveCoordinator, field: WordsField) -> None:
        super().__init__(field)
        self.coordinator = coordinator
        self.field = field
        self.target: FieldTarget | None = None
        self.saved_text = ""
        self.dirty = False
        self.dialog: ConflictDialog | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(self.DELAY_MS)
        self.timer.timeout.connect(self.save_now)
        field.edited.connect(self._edited)
        field.left.connect(self.save_now)

    def set_target(
        self, target: FieldTarget | None, value: str = "", version: int | None = None
    ) -> None:
        """Show another record's field (saving what was typed in the last one first)."""
        if self.target is not None and self.target != target:
            self.save_now()
        same = self.target == target
        self.target = target
        if target is not None:
            self.coordinator.seen(target.key, version)
        if not (same and self.dirty):
            self.show_stored(value)
        self.field.setEnabled(target is not None)

    def show_stored(self, value: str) -> None:
        self.saved_text = value
        self.dirty = False
        self.field.set_text(value)
        self.field.show_error("")

    def _edited(self) -> None:
        if self.target is None:
            return
        self.dirty = self.field.text() != self.saved_text
        self.coordinator.indicator.pending()
        self.timer.start()

    def save_now(self) -> None:
        self.timer.stop()
        target = self.target
        if target is None or self.dialog is not None:
            return
        text = self.field.text()
        if text == self.saved_text:
            self.dirty = False
            if self.coordinator.indicator.state == "pending":
                self.coordinator.indicator.saved()
            return
        versions = self.coordinator.versions
        try:
            try:
                version = target.write(text, versions.get(target.key))
            except Conflict:
                theirs, fresh = target.read()
                if theirs != self.saved_text:
                    self._show_conflict(target, theirs, fresh, text)
                    return
                # someone changed another field of the same record: ours is still ours
                version = target.write(text, fresh)
        except CaseplanError as error:
            sentence = error_text(error)
            self.field.show_error(sentence)
            self.coordinator.indicator.failed(sentence)
            return
        self._stored(target, text, version)

    def _stored(self, target: FieldTarget, text: str, version: int | None) -> None:
        old = self.saved_text
        self.coordinator.versions[target.key] = version
        self.saved_text = text
        self.dirty = self.field.text() != text
        self.field.show_error("")
        self.coordinator.indicator.saved()
        self.coordinator.undo_stack.push(FieldEditCommand(self.coordinator, target, old, text))
        self.coordinator.stored.emit(target.key)

    def _show_conflict(
        self, target: FieldTarget, theirs: str, fresh: int | None, mine: str
    ) -> None:
        dialog = ConflictDialog(target.title, theirs, mine, self.field.window())
        self.dialog = dialog

        def done() -> None:
            self.dialog = None
            dialog.deleteLater()
            if self.target != target:
                return
            if dialog.choice == KEEP_MINE:
                self.coordinator.versions[target.key] = fresh
                self.saved_text = theirs
                self.save_now()
            elif dialog.choice == TAKE_THEIRS or dialog.choice == 0:
                self.coordinator.versions[target.key] = fresh
                self.show_stored(theirs)
                self.coordinator.indicator.saved()
                self.coordinator.stored.emit(target.key)

        dialog.finished.connect(done)
        dialog.open()
