"""Never lose a word: the one rule for storing a change, and the text fields that follow it.

The rule (:func:`store`): write on top of the version last read. If someone else saved in
between, read the record again: if what we are changing still holds what we started from
(they changed another field of the same record), ours goes on top of theirs; if it already
holds our words, nothing needs writing; otherwise nothing is written and both versions go
to the person, who chooses (:class:`Question`). Typing, undo and redo all go through it.

A field whose words could not be stored keeps them; if its screen goes (a lock), the words
are kept here (:attr:`FieldSaver.unsaved`) and come back when the field is shown again.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from functools import partial
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from caseplan.errors import CaseplanError, Conflict, NotFound, tr_noop
from caseplan.services.context import Context
from caseplan.ui.controllers import records
from caseplan.ui.controllers.records import IdAliases, Ref, Values
from caseplan.ui.i18n import error_text


class Choice(Enum):
    KEEP_MINE = "keep mine"
    TAKE_THEIRS = "take theirs"
    #: the question was closed without an answer (Escape, or the window locked)
    LATER = "later"


@dataclass(frozen=True)
class Question:
    """Someone else changed what we are about to change: which version is kept?"""

    why: str  #: "save", "undo" or "redo"
    title: str  #: what changed, e.g. "The goal"
    theirs: Values  #: what is stored now
    mine: Values  #: what we would store ({}: the record would be removed)


@dataclass(frozen=True)
class Stored:
    version: int | None


@dataclass(frozen=True)
class Clash:
    theirs: Values
    version: int | None  #: the version that holds their change


@dataclass(frozen=True)
class Refused:
    sentence: str
    gone: bool = False  #: the record is not in the database any more


Outcome = Stored | Clash | Refused


def store(
    ctx: Context,
    aliases: IdAliases,
    ref: Ref,
    values: Values,
    expected: Values,
    version: int | None,
) -> Outcome:
    """Store ``values`` over ``expected`` (what we believe is stored now) on top of ``version``."""
    try:
        for _attempt in range(3):
            try:
                return Stored(records.write(ctx, aliases, ref, version, values))
            except Conflict:
                now, version = records.read(ctx, aliases, ref)
                if all(now.get(name) == value for name, value in values.items()):
                    return Stored(version)  # it already says what we want
                if any(now.get(name) != expected.get(name) for name in values):
                    return Clash({name: now.get(name) for name in values}, version)
        raise Conflict(tr_noop("Someone else changed this in the meantime; please look again."))
    except CaseplanError as error:
        return Refused(error_text(error), isinstance(error, NotFound))


@dataclass(frozen=True, eq=False)
class Field:
    """One text field of one record. Two are the same field when record and name match."""

    ref: Ref
    name: str
    title: str

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Field):
            return NotImplemented
        return (self.ref.kind, self.ref.id, self.name) == (other.ref.kind, other.ref.id, other.name)

    def __hash__(self) -> int:
        return hash((self.ref.kind, self.ref.id, self.name))


@dataclass(frozen=True)
class Unsaved:
    """Words not stored yet: what was typed, the stored words it was typed over (and their
    version), and why it is not stored: someone else's words in the way (``theirs``, at
    ``theirs_version``), or a refusal (``reason``)."""

    text: str
    base: str
    version: int | None
    theirs: str | None = None
    theirs_version: int | None = None
    reason: str = ""


class FieldView(Protocol):
    """A text field on screen, as the saver sees it."""

    def text(self) -> str: ...

    def set_text(self, text: str) -> None:
        """Show stored words (not counted as typing)."""

    def show_error(self, sentence: str) -> None: ...

    def set_enabled(self, enabled: bool) -> None: ...

    def ask(self, question: Question, answer: Callable[[Choice], None]) -> None:
        """Show both versions; call ``answer`` with the person's choice (maybe later)."""


class FieldSaver(QObject):
    """The versions read, the fields shown, and the words not stored yet, of one person."""

    pending = Signal()  #: typing not stored yet
    saved = Signal()  #: everything typed is stored
    failed = Signal(str)  #: a sentence: why something could not be stored
    #: a field was stored: (Field, old text, new text, new version), for undo
    stored = Signal(object, str, str, object)
    #: the person took someone else's words for a field; the screen should show them
    taken = Signal(object)

    def __init__(
        self, ctx: Callable[[], Context], aliases: IdAliases, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.aliases = aliases
        self.versions: dict[tuple[records.Kind, uuid.UUID], int | None] = {}
        self.fields: list[BoundField] = []
        #: words typed that are not stored yet; they outlive their screen (e.g. a lock)
        self.unsaved: dict[Field, Unsaved] = {}
        self.state = "idle"

    def mark(self, state: str, sentence: str = "") -> None:
        """Tell the save indicator: "pending", "saved" or "failed" (with the sentence)."""
        self.state = state
        if state == "pending":
            self.pending.emit()
        elif state == "saved":
            self.saved.emit()
        else:
            self.failed.emit(sentence)

    def key(self, ref: Ref) -> tuple[records.Kind, uuid.UUID]:
        return ref.kind, self.aliases.resolve(ref.id)

    def bind(self, view: FieldView) -> BoundField:
        field = BoundField(self, view)
        self.fields.append(field)
        return field

    def release(self, field: BoundField) -> None:
        """The field's screen goes: save its words now (kept here if they cannot be stored)."""
        field.save_now(ask=False)
        if field in self.fields:
            self.fields.remove(field)

    def flush(self, *, ask: bool = True) -> bool:
        """Save every field with unsaved typing now; False if some words are not stored.

        ``ask=False`` (the screen is about to go): no question is shown; what cannot be
        stored is kept in :attr:`unsaved` and offered again when the screen is back.
        """
        return all([field.save_now(ask=ask) for field in list(self.fields)])

    def dirty(self, ref: Ref) -> bool:
        key = self.key(ref)
        return any(
            f.target is not None and self.key(f.target.ref) == key and f.dirty for f in self.fields
        )

    def seen(self, ref: Ref, version: int | None) -> None:
        """A fresh read: take its version unless unsaved typing still rests on the older one."""
        if not self.dirty(ref):
            self.versions[self.key(ref)] = version

    def version(self, ref: Ref) -> int | None:
        return self.versions.get(self.key(ref))

    def save(self, field: Field, text: str, base: str, version: int | None) -> Outcome:
        """Store ``text`` typed over ``base``; what is not stored is kept in :attr:`unsaved`."""
        outcome = store(
            self.ctx(), self.aliases, field.ref, {field.name: text}, {field.name: base}, version
        )
        if isinstance(outcome, Stored):
            self.versions[self.key(field.ref)] = outcome.version
            self.unsaved.pop(field, None)
            self.mark("saved")
            self.stored.emit(field, base, text, outcome.version)
        elif isinstance(outcome, Refused):
            self.unsaved[field] = Unsaved(text, base, version, reason=outcome.sentence)
            self.mark("failed", outcome.sentence)
        else:
            theirs = str(outcome.theirs[field.name])
            self.unsaved[field] = Unsaved(text, base, version, theirs, outcome.version)
        return outcome

    def decide(self, field: Field, choice: Choice) -> Outcome | None:
        """The person chose between their words and someone else's (None: nothing changed)."""
        kept = self.unsaved.get(field)
        if kept is None or kept.theirs is None or choice is Choice.LATER:
            return None
        if choice is Choice.TAKE_THEIRS:
            del self.unsaved[field]
            self.versions[self.key(field.ref)] = kept.theirs_version
            self.mark("saved")
            self.taken.emit(field)
            return Stored(kept.theirs_version)
        return self.save(field, kept.text, kept.theirs, kept.theirs_version)

    def question(self, field: Field) -> Question:
        kept = self.unsaved[field]
        theirs = {field.name: kept.theirs}
        return Question("save", field.title, theirs, {field.name: kept.text})

    def settle(
        self,
        ask: Callable[[Question, Callable[[Choice], None]], None],
        report: Callable[[str], None],
    ) -> None:
        """The screen is back (after a lock): store the words kept meanwhile that no field on
        screen holds, asking when someone else's words are in the way."""
        shown = {f.target for f in self.fields if f.target is not None}
        for field, kept in list(self.unsaved.items()):
            if field in shown:
                continue
            outcome = self.save(field, kept.text, kept.base, kept.version)
            if isinstance(outcome, Refused):
                report(outcome.sentence)
            elif isinstance(outcome, Clash):
                ask(self.question(field), partial(self._settled, field, ask=ask))

    def _settled(
        self,
        field: Field,
        choice: Choice,
        *,
        ask: Callable[[Question, Callable[[Choice], None]], None],
    ) -> None:
        outcome = self.decide(field, choice)
        if isinstance(outcome, Clash):  # someone saved yet again
            ask(self.question(field), partial(self._settled, field, ask=ask))


class BoundField:
    """One field on screen and the record field it shows; saves what is typed into it."""

    def __init__(self, saver: FieldSaver, view: FieldView) -> None:
        self.saver = saver
        self.view = view
        self.target: Field | None = None
        self.saved_text = ""
        self.dirty = False
        self.asking = False

    def show(self, target: Field | None, value: str = "", version: int | None = None) -> None:
        """Show a field as stored (saving what was typed for the one shown before first)."""
        if self.target is not None and self.target != target:
            self.save_now()
        same = self.target == target
        self.target = target
        if target is not None:
            self.saver.seen(target.ref, version)
        if not (same and self.dirty):
            self._show_stored(value)
        self.view.set_enabled(target is not None)
        kept = self.saver.unsaved.get(target) if target is not None and not same else None
        if target is not None and kept is not None:  # typed before the screen went (a lock)
            self.saved_text = kept.base
            self.saver.versions[self.saver.key(target.ref)] = kept.version
            self.view.set_text(kept.text)
            self.dirty = True
            self.save_now()

    def _show_stored(self, value: str) -> None:
        self.saved_text = value
        self.dirty = False
        self.view.set_text(value)
        self.view.show_error("")

    def edited(self) -> None:
        """The person typed."""
        if self.target is None:
            return
        self.dirty = self.view.text() != self.saved_text
        self.saver.mark("pending")

    def save_now(self, *, ask: bool = True) -> bool:
        """Store what was typed; False if the words are not stored (yet)."""
        target = self.target
        if target is None:
            return True
        text = self.view.text()
        self.dirty = text != self.saved_text
        if self.asking:
            kept = self.saver.unsaved.get(target)
            if kept is not None:  # still asking: keep what is in the field now
                self.saver.unsaved[target] = dataclasses.replace(kept, text=text)
            return False
        if text == self.saved_text:
            self.dirty = False
            self.saver.unsaved.pop(target, None)
            if self.saver.state == "pending":
                self.saver.mark("saved")
            return True
        outcome = self.saver.save(target, text, self.saved_text, self.saver.version(target.ref))
        self._follow(target, text, outcome, ask)
        return isinstance(outcome, Stored)

    def _follow(self, target: Field, text: str, outcome: Outcome | None, ask: bool) -> None:
        """Show what became of the words typed into ``target``."""
        if outcome is None or self.target != target:
            return
        if isinstance(outcome, Stored):
            self.saved_text = text
            self.dirty = self.view.text() != text
            self.view.show_error("")
        elif isinstance(outcome, Refused):
            self.view.show_error(outcome.sentence)
        elif ask:
            self.asking = True
            self.view.ask(self.saver.question(target), lambda c: self._answer(c, target))

    def _answer(self, choice: Choice, target: Field) -> None:
        self.asking = False
        kept = self.saver.unsaved.get(target)
        outcome = self.saver.decide(target, choice)
        if kept is None or outcome is None or self.target != target:
            return
        if choice is Choice.TAKE_THEIRS:
            self._show_stored(kept.theirs or "")
            return
        if isinstance(outcome, Clash):  # someone saved yet again: ask about theirs now
            self.saved_text = kept.theirs or ""
        self._follow(target, kept.text, outcome, ask=True)
