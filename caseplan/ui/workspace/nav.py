"""Finding one's way in a workspace: the list of its sections, the sections as a sequence,
and what the undo and redo buttons say."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import overload

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QListView, QPushButton, QWidget

from caseplan.ui.controllers.undo import UndoHistory
from caseplan.ui.widgets.theme import colours
from caseplan.ui.workspace.section import Section


class SectionList(QListView):
    """One row per section, with its key (Ctrl+1 … Ctrl+7) in the tooltip."""

    def __init__(self, names: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items = QStandardItemModel(self)
        for number, name in enumerate(names, start=1):
            item = QStandardItem(name)
            item.setToolTip(
                self.tr("{section} (Ctrl+{number})").format(section=name, number=number)
            )
            item.setEditable(False)
            self.items.appendRow(item)
        self.setModel(self.items)
        self.setAccessibleName(self.tr("Sections"))
        self.setAccessibleDescription(self.tr("Ctrl+1 to Ctrl+7 open a section."))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSpacing(2)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        widest = max(self.fontMetrics().horizontalAdvance(name) for name in names)
        self.setFixedWidth(widest + self.fontMetrics().averageCharWidth() * 8)
        theme = colours()
        self.setStyleSheet(
            f"QListView {{ background: {theme.nav_back}; color: {theme.nav_text};"
            " border: none; padding: 6px; }"
            "QListView::item { padding: 8px 6px; border-radius: 4px; }"
            f"QListView::item:selected {{ background: {theme.nav_chosen_back};"
            f" color: {theme.nav_chosen_text}; }}"
        )


class Sections(Sequence[Section]):
    """The workspace's sections in order; one is built when it is first taken from here."""

    def __init__(self, count: int, section: Callable[[int], Section]) -> None:
        self._count = count
        self._section = section

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> Section: ...

    @overload
    def __getitem__(self, index: slice) -> list[Section]: ...

    def __getitem__(self, index: int | slice) -> Section | list[Section]:
        if isinstance(index, slice):
            return [self._section(n) for n in range(self._count)[index]]
        if not -self._count <= index < self._count:
            raise IndexError(index)
        return self._section(index % self._count)


def show_history(undo: QPushButton, redo: QPushButton, history: UndoHistory) -> None:
    """Undo and redo say what they would do; a redo that is off says why."""
    undo.setEnabled(history.can_undo)
    redo.setEnabled(history.can_redo)
    undo.setToolTip(
        QCoreApplication.translate("PersonWorkspace", "Undo: {what} (Ctrl+Z)").format(
            what=history.undo_text()
        )
        if history.can_undo
        else ""
    )
    redo.setToolTip(
        history.redo_off
        or (
            QCoreApplication.translate("PersonWorkspace", "Redo: {what} (Ctrl+Shift+Z)").format(
                what=history.redo_text()
            )
            if history.can_redo
            else ""
        )
    )
    redo.setAccessibleDescription(history.redo_off)
