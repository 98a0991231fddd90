"""Never lose a word, on screen: a text field saves itself shortly after typing stops and
when the person leaves it.

The rules (versions, someone else's change, words kept across a lock) are the field
saver's (:mod:`caseplan.ui.controllers.field_saver`); a :class:`FieldBinding` is only the
screen's side of one field: it forwards typing, runs the typing pause, and shows the
conflict dialog when the saver asks.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from caseplan.ui.controllers.field_saver import Choice, Field, FieldSaver, Question
from caseplan.ui.widgets.whose_words import WordsField
from caseplan.ui.workspace import conflict
from caseplan.ui.workspace.conflict import ConflictDialog


class FieldBinding(QObject):
    """Ties one :class:`WordsField` to the record field it shows (a ``FieldView``)."""

    DELAY_MS = 1200

    def __init__(self, saver: FieldSaver, field: WordsField) -> None:
        super().__init__(field)
        self.saver = saver
        self.field = field
        self.dialog: ConflictDialog | None = None
        self.bound = saver.bind(self)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(self.DELAY_MS)
        self.timer.timeout.connect(self.save_now)
        field.edited.connect(self._edited)
        field.left.connect(self.save_now)

    # --- what the sections use -------------------------------------------------------------

    @property
    def target(self) -> Field | None:
        return self.bound.target

    @property
    def dirty(self) -> bool:
        return self.bound.dirty

    def set_target(self, target: Field | None, value: str = "", version: int | None = None) -> None:
        """Show another record's field (saving what was typed in the last one first)."""
        self.bound.show(target, value, version)

    def save_now(self) -> bool:
        self.timer.stop()
        return self.bound.save_now()

    def release(self) -> None:
        """The field leaves the screen: save now; words that cannot be stored are kept."""
        self.timer.stop()
        self.saver.release(self.bound)

    def _edited(self) -> None:
        self.bound.edited()
        if self.bound.target is not None:
            self.timer.start()

    # --- the field saver's view ------------------------------------------------------------

    def text(self) -> str:
        return self.field.text()

    def set_text(self, text: str) -> None:
        self.field.set_text(text)

    def show_error(self, sentence: str) -> None:
        self.field.show_error(sentence)

    def set_enabled(self, enabled: bool) -> None:
        self.field.setEnabled(enabled)

    def ask(self, question: Question, answer: Callable[[Choice], None]) -> None:
        def answered(choice: Choice) -> None:
            self.dialog = None
            answer(choice)

        self.dialog = conflict.ask(self.field, question, answered)
