"""Text fields that say whose words they are: the person's own (shared) or a worker's note."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QFrame, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from caseplan.ui.widgets.announce import announce
from caseplan.ui.widgets.theme import colours, error_style


def own_words_style() -> str:
    """Warm paper for the person's words (the theme's colours; its own in high contrast)."""
    theme = colours()
    return (
        f"QFrame#whose_words {{ background: {theme.own_back}; color: {theme.own_label};"
        f" border: 2px solid {theme.own_border}; border-radius: 6px; }}"
        f"QLabel#whose_words_label {{ color: {theme.own_label}; font-weight: bold; }}"
    )


def worker_note_style() -> str:
    """Cool grey, dashed, for internal notes."""
    theme = colours()
    return (
        f"QFrame#whose_words {{ background: {theme.note_back}; color: {theme.note_label};"
        f" border: 1px dashed {theme.note_border}; border-radius: 6px; }}"
        f"QLabel#whose_words_label {{ color: {theme.note_label}; font-style: italic; }}"
    )


def _is_mnemonic(event: QKeyEvent) -> bool:
    """Alt (with or without Shift) and a letter or digit: a mnemonic, not text (AltGr, which
    types @, { and the like on Norwegian keyboards, does not come as Alt alone)."""
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
    return modifiers == Qt.KeyboardModifier.AltModifier and event.text().isalnum()


class WordsTextEdit(QPlainTextEdit):
    """A plain text editor that leaves undo and redo to the workspace's shared undo stack,
    and tells when the person leaves it."""

    left = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)
                or _is_mnemonic(event)
            )
        ):
            event.ignore()
            return False
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if _is_mnemonic(event):
            event.ignore()  # Alt+letter is a button's or menu's key, never the person's word
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event):  # type: ignore[no-untyped-def]
        super().focusOutEvent(event)
        self.left.emit()


class WordsField(QFrame):
    """A label saying whose words these are, the editor, and a line for a problem."""

    #: The text was changed by the person typing (not by the program).
    edited = Signal()
    #: Focus left the editor.
    left = Signal()

    def __init__(self, title: str, whose: str, style: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("whose_words")
        self.setStyleSheet(style)
        self.title = title
        self.label = QLabel(self)
        self.label.setObjectName("whose_words_label")
        self.label.setWordWrap(True)
        self.editor = WordsTextEdit(self)
        self.editor.setAccessibleName(title)
        self.editor.setAccessibleDescription(whose)
        self.editor.setMinimumHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.label.setBuddy(self.editor)
        self.error = QLabel(self)
        self.error.setStyleSheet(error_style())
        self.error.setWordWrap(True)
        self.error.setAccessibleDescription(self.tr("Problem saving {title}").format(title=title))
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.label)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.error)
        self.setFocusProxy(self.editor)
        self._programmatic = False
        self.editor.textChanged.connect(self._changed)
        self.editor.left.connect(self.left)
        self.set_whose(whose)

    def set_whose(self, whose: str) -> None:
        self.whose = whose
        self.label.setText(f"{self.title} — {whose}")
        # The whole visible label is the name, so voice control finds it by what it reads.
        self.editor.setAccessibleName(self.label.text())
        self.editor.setAccessibleDescription(whose)

    def text(self) -> str:
        return self.editor.toPlainText()

    def set_lines(self, lines: int) -> None:
        """Room for about this many lines (pages with many fields keep them short)."""
        self.editor.setFixedHeight(self.editor.fontMetrics().lineSpacing() * lines + 12)

    def set_text(self, text: str) -> None:
        """Show stored text without counting it as the person's edit; keeps the cursor near."""
        if text == self.text():
            return
        position = self.editor.textCursor().position()
        self._programmatic = True
        try:
            self.editor.setPlainText(text)
        finally:
            self._programmatic = False
        cursor = self.editor.textCursor()
        cursor.setPosition(min(position, len(text)))
        self.editor.setTextCursor(cursor)

    def show_error(self, sentence: str) -> None:
        self.error.setText(sentence)
        self.error.setVisible(bool(sentence))
        announce(self.editor, sentence, assertive=True)

    def setReadOnly(self, read_only: bool) -> None:
        self.editor.setReadOnly(read_only)

    def _changed(self) -> None:
        if not self._programmatic:
            self.edited.emit()


class OwnWordsEdit(WordsField):
    """The person's own words: shared with their team and printed in their plan."""

    def __init__(self, title: str, preferred_name: str, parent: QWidget | None = None) -> None:
        super().__init__(title, "", own_words_style(), parent)
        self.set_person(preferred_name)

    def set_person(self, preferred_name: str) -> None:
        if preferred_name:
            whose = self.tr("In {name}'s own words · shared and printed").format(
                name=preferred_name
            )
        else:
            whose = self.tr("In the person's own words · shared and printed")
        self.set_whose(whose)


class SharedTextEdit(WordsField):
    """Text written together for the person's team (e.g. a meeting's shared notes)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, "", own_words_style(), parent)
        self.set_whose(self.tr("Shared with the person · printed"))


class WorkerNoteEdit(WordsField):
    """A worker's note: internal, never printed nor shown in meeting mode."""

    def __init__(self, title: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(title or "", "", worker_note_style(), parent)
        if title is None:
            self.title = self.tr("Worker's note")
        self.set_whose(self.tr("internal, never printed or shown in meeting mode"))

    def set_whose(self, whose: str) -> None:
        self.whose = whose
        self.label.setText(f"{self.title} · {whose}")
        self.editor.setAccessibleName(self.label.text())
        self.editor.setAccessibleDescription(whose)


def is_worker_note(widget: QObject) -> bool:
    return isinstance(widget, WorkerNoteEdit)


__all__ = ["OwnWordsEdit", "SharedTextEdit", "WordsField", "WorkerNoteEdit", "is_worker_note"]
