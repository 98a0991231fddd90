"""A plan the account may read but not change: say so first, and offer nothing it would refuse.

A peer worker (or an administrator who broke the glass) opens a person's plan to read it and,
for a peer, to record their own support. The services refuse every change to the plan
itself; the screen says so before anyone types: the buttons that change the plan are not
there, its fields are read only, its choices cannot be opened, its keys do nothing, and each
says why in its tooltip. What the account may still do (a section's :attr:`STILL_ALLOWED`,
such as "Record peer support" or "Save this version as PDF…") stays as it was.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QObject, SignalInstance
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTextEdit,
    QToolButton,
    QWidget,
)

from caseplan.ui.widgets.whose_words import WordsField


def view_keys() -> tuple[QKeySequence, ...]:
    """Keys that only change the view (larger, smaller, normal text; leave): they stay.
    (Made when asked: a standard key needs the application first.)"""
    return (
        QKeySequence(QKeySequence.StandardKey.ZoomIn),
        QKeySequence("Ctrl+="),
        QKeySequence(QKeySequence.StandardKey.ZoomOut),
        QKeySequence("Ctrl+0"),
        QKeySequence("Escape"),
    )


BUTTONS = (QPushButton, QToolButton, QCheckBox, QRadioButton)
TEXT = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox)


def _inside(widget: QWidget, kinds: type | tuple[type, ...], root: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, kinds):
            return True
        parent = parent.parentWidget()
    return False


def _kept(widget: QWidget, keep: Iterable[QWidget]) -> bool:
    return any(widget is kept or kept.isAncestorOf(widget) for kept in keep)


def make_read_only(
    root: QWidget,
    reason: str,
    keep: Iterable[QWidget] = (),
    *,
    keep_keys: Iterable[QKeySequence] = (),
) -> None:
    """Everything under ``root`` that changes the plan: buttons hidden, fields read only,
    choices disabled, keys switched off; ``reason`` is each one's tooltip. ``keep`` (and
    what is inside it) and the keys in ``keep_keys`` stay as they are."""
    keep = tuple(keep)
    for widget in root.findChildren(QWidget):
        if _kept(widget, keep) or _inside(widget, QAbstractItemView, root):
            continue
        if isinstance(widget, BUTTONS):
            widget.hide()
        elif isinstance(widget, WordsField):
            widget.setReadOnly(True)
            widget.setToolTip(reason)
            widget.editor.setToolTip(reason)
        elif isinstance(widget, TEXT):
            widget.setReadOnly(True)
            widget.setToolTip(reason)
        elif isinstance(widget, QComboBox):
            widget.setEnabled(False)
            widget.setToolTip(reason)
    still = {sequence.toString() for sequence in keep_keys}
    for shortcut in root.findChildren(QShortcut):
        parent = shortcut.parent()
        kept = isinstance(parent, QWidget) and _kept(parent, keep)
        if not kept and shortcut.key().toString() not in still:
            shortcut.setEnabled(False)


def reason(role_is_peer: bool) -> str:
    """The sentence shown above the plan, and in each control's tooltip."""
    if role_is_peer:
        return QCoreApplication.translate(
            "ReadOnly",
            "You can read this plan and record your own peer support. Only the person's "
            "practitioner or a team lead can change the plan.",
        )
    return QCoreApplication.translate(
        "ReadOnly", "Your account can read this plan but not change it."
    )


def note(parent: QWidget, may_change: bool, role_is_peer: bool) -> QLabel:
    """The line above the sections that says, before anyone types, what this account can do."""
    label = QLabel(reason(role_is_peer), parent)
    label.setWordWrap(True)
    label.setAccessibleDescription(QCoreApplication.translate("ReadOnly", "What you can do here"))
    label.setVisible(not may_change)
    return label


class KeepReadOnly(QObject):
    """A view that lays itself out again after each change (meeting mode) is made read only
    now and after each change again; it goes with the view."""

    def __init__(
        self, root: QWidget, reason: str, keep: Iterable[QWidget], changed: SignalInstance
    ) -> None:
        super().__init__(root)
        self.root, self.reason, self.keep = root, reason, tuple(keep)
        changed.connect(self.apply)
        self.apply()

    def apply(self, *_change: object) -> None:
        make_read_only(self.root, self.reason, self.keep, keep_keys=view_keys())
