"""Undo and redo for the person open: every stored change is an entry in one history.

An entry holds ids and the least text it needs (a field's words before and after, the
values of a record it added or removed), never a session, a context or a widget, so the
history outlives the screen (a lock) and uses the clinic opened again afterwards.

Undo and redo go through the same rule as typing (:func:`store`): over someone else's newer
change they ask, as a save does. If the person keeps the other change, the entry is
dropped (with whatever could be redone after it) and redo says why it is off.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal

from caseplan.errors import CaseplanError, NotFound
from caseplan.services.context import Context
from caseplan.ui.controllers import records
from caseplan.ui.controllers.field_saver import (
    Choice,
    Clash,
    Outcome,
    Question,
    Refused,
    Stored,
    store,
)
from caseplan.ui.controllers.records import IdAliases, Kind, Ref, Values
from caseplan.ui.i18n import error_text

Ask = Callable[[Question, Callable[[Choice], None]], None]
Report = Callable[[str], None]


def _guarded(action: Callable[[], Outcome]) -> Outcome:
    try:
        return action()
    except CaseplanError as error:
        return Refused(error_text(error), isinstance(error, NotFound))


class Entry(Protocol):
    """One change that can be undone and redone."""

    text: str  #: what it did, e.g. "Add a goal"
    ref: Ref  #: the record it changed (the screen re-reads that)

    def apply(self, ctx: Context, aliases: IdAliases, undoing: bool, over: Clash | None) -> Outcome:
        """Undo (or redo) it; ``over`` is someone else's change the person chose to replace."""
        ...

    def question(self, undoing: bool, clash: Clash) -> Question: ...


@dataclass
class Edit:
    """Fields of one record changed from ``old`` to ``new`` (typing, a status, a date…)."""

    text: str
    ref: Ref
    title: str
    old: Values
    new: Values
    version: int | None

    def apply(self, ctx: Context, aliases: IdAliases, undoing: bool, over: Clash | None) -> Outcome:
        values, expected = (self.old, self.new) if undoing else (self.new, self.old)
        version = self.version
        if over is not None:
            expected, version = over.theirs, over.version
        outcome = store(ctx, aliases, self.ref, values, expected, version)
        if isinstance(outcome, Stored):
            self.version = outcome.version
        return outcome

    def question(self, undoing: bool, clash: Clash) -> Question:
        return Question(
            "undo" if undoing else "redo",
            self.title,
            clash.theirs,
            self.old if undoing else self.new,
        )


@dataclass
class Added:
    """A record was added (a goal, a step, a team member, a meeting…): undo removes it,
    unless someone changed it since; redo adds it again (under a new id)."""

    text: str
    ref: Ref
    title: str
    values: Values
    version: int | None

    def apply(self, ctx: Context, aliases: IdAliases, undoing: bool, over: Clash | None) -> Outcome:
        return _guarded(
            lambda: self._remove(ctx, aliases, over) if undoing else self._add(ctx, aliases)
        )

    def _add(self, ctx: Context, aliases: IdAliases) -> Outcome:
        _new_id, self.version = records.add(ctx, aliases, self.ref, self.values)
        return Stored(self.version)

    def _remove(self, ctx: Context, aliases: IdAliases, over: Clash | None) -> Outcome:
        try:
            now, version = records.read(ctx, aliases, self.ref)
        except NotFound:
            return Stored(None)  # someone removed it already: what undo wanted
        if over is None:
            theirs = {name: now.get(name) for name in self.values}
            if theirs != self.values:
                return Clash(theirs, version)
        else:
            version = over.version
        records.remove(ctx, aliases, self.ref, version)
        return Stored(None)

    def question(self, undoing: bool, clash: Clash) -> Question:
        return Question("undo" if undoing else "redo", self.title, clash.theirs, {})


@dataclass
class Removed:
    """A record was removed (a team member): undo adds it again, redo removes it again
    unless someone changed it since."""

    text: str
    ref: Ref
    title: str
    values: Values
    version: int | None

    def apply(self, ctx: Context, aliases: IdAliases, undoing: bool, over: Clash | None) -> Outcome:
        added = Added(self.text, self.ref, self.title, self.values, self.version)
        outcome = added.apply(ctx, aliases, not undoing, over)
        self.version = added.version
        return outcome

    def question(self, undoing: bool, clash: Clash) -> Question:
        return Question("undo" if undoing else "redo", self.title, clash.theirs, {})


@dataclass
class Moved:
    """A goal moved within its plan, or a step within its goal, by ``offset`` places."""

    text: str
    ref: Ref  #: the goal or step; its parent is the plan or the goal
    title: str
    offset: int
    before: tuple[uuid.UUID, ...]
    after: tuple[uuid.UUID, ...]
    wanted: tuple[str, ...] = ()  #: the words in the order undo or redo would give

    def apply(self, ctx: Context, aliases: IdAliases, undoing: bool, over: Clash | None) -> Outcome:
        assert self.ref.parent is not None
        parent = self.ref.parent

        def move() -> Outcome:
            expected = self.after if undoing else self.before
            now = records.order(ctx, aliases, self.ref.kind, parent)
            if over is None and [i for i, _ in now] != [aliases.resolve(i) for i in expected]:
                words = dict(now)
                wanted = self.before if undoing else self.after
                self.wanted = tuple(words.get(aliases.resolve(i), "") for i in wanted)
                return Clash({"order": tuple(w for _, w in now)}, None)
            offset = -self.offset if undoing else self.offset
            records.move(ctx, aliases, self.ref.kind, self.ref.id, offset)
            return Stored(None)

        return _guarded(move)

    def question(self, undoing: bool, clash: Clash) -> Question:
        why = "undo" if undoing else "redo"
        return Question(why, self.title, clash.theirs, {"order": self.wanted})


class UndoHistory(QObject):
    """The person's changes in order; the ones after :attr:`index` can be redone."""

    #: what can be undone or redone changed
    changed = Signal()
    #: an entry was undone or redone, or someone else's change kept: its record (a Ref)
    applied = Signal(object)

    def __init__(
        self, ctx: Callable[[], Context], aliases: IdAliases, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.aliases = aliases
        self.entries: list[Entry] = []
        self.index = 0
        #: why redo is off after an undo or redo that kept someone else's change
        self.redo_off = ""
        self.asking = False

    def push(self, entry: Entry) -> None:
        """A change that is already stored."""
        del self.entries[self.index :]
        self.entries.append(entry)
        self.index = len(self.entries)
        self.redo_off = ""
        self.changed.emit()

    def clear(self) -> None:
        """Nothing to undo or redo any more (the plan it was about is closed)."""
        self.entries.clear()
        self.index = 0
        self.redo_off = ""
        self.changed.emit()

    @property
    def can_undo(self) -> bool:
        return self.index > 0 and not self.asking

    @property
    def can_redo(self) -> bool:
        return self.index < len(self.entries) and not self.asking

    def undo_text(self) -> str:
        return self.entries[self.index - 1].text if self.index > 0 else ""

    def redo_text(self) -> str:
        return self.entries[self.index].text if self.index < len(self.entries) else ""

    def undo(self, ask: Ask, report: Report) -> None:
        if self.can_undo:
            self._run(self.entries[self.index - 1], True, None, ask, report)

    def redo(self, ask: Ask, report: Report) -> None:
        if self.can_redo:
            self._run(self.entries[self.index], False, None, ask, report)

    def _position(self, entry: Entry, undoing: bool) -> bool:
        at = self.index - 1 if undoing else self.index
        return 0 <= at < len(self.entries) and self.entries[at] is entry

    def _run(
        self, entry: Entry, undoing: bool, over: Clash | None, ask: Ask, report: Report
    ) -> None:
        outcome = entry.apply(self.ctx(), self.aliases, undoing, over)
        if isinstance(outcome, Stored):
            self.index += -1 if undoing else 1
            self.redo_off = ""
            self.applied.emit(entry.ref)
        elif isinstance(outcome, Refused):
            report(outcome.sentence)
            if outcome.gone:  # it can never be undone or redone now
                self._drop(entry, undoing, "")
                self.applied.emit(entry.ref)
        else:
            self.asking = True
            ask(
                entry.question(undoing, outcome),
                lambda choice: self._answered(entry, undoing, outcome, choice, ask, report),
            )
        self.changed.emit()

    def _answered(
        self,
        entry: Entry,
        undoing: bool,
        clash: Clash,
        choice: Choice,
        ask: Ask,
        report: Report,
    ) -> None:
        self.asking = False
        if not self._position(entry, undoing) or choice is Choice.LATER:
            self.changed.emit()
            return
        if choice is Choice.KEEP_MINE:
            self._run(entry, undoing, clash, ask, report)
            return
        reason = QCoreApplication.translate(
            "UndoHistory",
            "Redo is off: someone else changed this after you and their version was kept ({what}).",
        ).format(what=entry.text)
        self._drop(entry, undoing, reason)
        report(
            QCoreApplication.translate(
                "UndoHistory", "Their version was kept, so this was not undone: {what}."
            ).format(what=entry.text)
            if undoing
            else QCoreApplication.translate(
                "UndoHistory", "Their version was kept, so this was not redone: {what}."
            ).format(what=entry.text)
        )
        self.applied.emit(entry.ref)
        self.changed.emit()

    def _drop(self, entry: Entry, undoing: bool, reason: str) -> None:
        """Take ``entry`` out, and whatever could be redone after it (it rested on it)."""
        at = self.entries.index(entry)
        del self.entries[at:]
        self.index = min(self.index, at)
        self.redo_off = reason


__all__ = ["Added", "Edit", "Entry", "Kind", "Moved", "Removed", "UndoHistory"]
