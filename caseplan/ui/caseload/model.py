"""The caseload as a Qt item model: an adapter over the people service, fetched in pages."""

from __future__ import annotations

import unicodedata
import uuid
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from caseplan.models.text import BIDI_CONTROLS
from caseplan.services.context import Context
from caseplan.services.people import PersonSummary, count_people, list_people

AnyIndex = QModelIndex | QPersistentModelIndex

# Dark red that stays readable (contrast > 7:1) on a white or light grey row.
OVERDUE_COLOUR = QColor(150, 0, 0)


def can_match_a_name(text: str) -> bool:
    """Names never hold control or direction-changing characters, so such a search finds no one.

    Checked here so a pasted NUL or line break never reaches the database (PostgreSQL
    refuses NUL in text; a line break would match across full and preferred name).
    """
    return not any(
        char in BIDI_CONTROLS or unicodedata.category(char) in ("Cc", "Cs") for char in text
    )


class CaseloadModel(QAbstractTableModel):
    """People in Norwegian name order, loaded a page at a time as the view scrolls.

    Only ``count_people`` and one page of ``list_people`` run on a reset, so a caseload
    of ten thousand opens as fast as one of ten.
    """

    COLUMN_NAME = 0
    COLUMN_PREFERRED_NAME = 1
    COLUMN_NEXT_REVIEW = 2
    COLUMN_COUNT = 3

    # The person's uuid (``uuid.UUID``) for any cell of their row.
    IdRole = Qt.ItemDataRole.UserRole + 1
    # True when the row's next review date has passed.
    OverdueRole = Qt.ItemDataRole.UserRole + 2

    PAGE_SIZE = 200

    def __init__(
        self, ctx: Context, parent: QObject | None = None, *, page_size: int = PAGE_SIZE
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._page_size = page_size
        self._search = ""
        self._rows: list[PersonSummary] = []
        self._total = 0
        self._today = ctx.today()
        self.refresh()

    # -- what the view asks for -------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            self.COLUMN_NAME: self.tr("Name"),
            self.COLUMN_PREFERRED_NAME: self.tr("Preferred name"),
            self.COLUMN_NEXT_REVIEW: self.tr("Next review"),
        }.get(section)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        person = self._rows[index.row()]
        column = index.column()
        if role == self.IdRole:
            return person.id
        if role == self.OverdueRole:
            return self._is_overdue(person)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(person, column)
        if column != self.COLUMN_NEXT_REVIEW:
            return None
        overdue = self._is_overdue(person)
        if role == Qt.ItemDataRole.ToolTipRole:
            if person.next_review is None:
                return self.tr("No review date set")
            return self.tr("Review overdue") if overdue else self.tr("Next review")
        if role == Qt.ItemDataRole.ForegroundRole and overdue:
            return QBrush(OVERDUE_COLOUR)
        if role == Qt.ItemDataRole.FontRole and overdue:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        page = list_people(
            self._ctx, self._search or None, limit=self._page_size, offset=len(self._rows)
        )
        if not page:
            # Someone removed people since the count; stop asking for more.
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    # -- what the window asks for -----------------------------------------------------

    @property
    def search(self) -> str:
        return self._search

    def total(self) -> int:
        """How many people match the search, loaded or not yet."""
        return self._total

    def set_search(self, text: str) -> None:
        """Show only people whose name contains ``text`` (any case); empty shows everyone."""
        text = text.strip()
        if text == self._search:
            return
        self._search = text
        self.refresh()

    def refresh(self) -> None:
        """Read the first page again, e.g. after someone was added."""
        self.beginResetModel()
        search = self._search or None
        self._today = self._ctx.today()
        if can_match_a_name(self._search):
            self._total = count_people(self._ctx, search)
            self._rows = list_people(self._ctx, search, limit=self._page_size, offset=0)
        else:
            self._total = 0
            self._rows = []
        self.endResetModel()

    def person_id(self, row: int) -> uuid.UUID | None:
        if 0 <= row < len(self._rows):
            return self._rows[row].id
        return None

    def row_of(self, person_id: uuid.UUID) -> int | None:
        """The row of a person already loaded, or None."""
        for row, person in enumerate(self._rows):
            if person.id == person_id:
                return row
        return None

    def display_name(self, row: int) -> str:
        """The name a person would want to be called by: preferred name with full name."""
        if not 0 <= row < len(self._rows):
            return ""
        person = self._rows[row]
        if person.preferred_name and person.preferred_name != person.full_name:
            return f"{person.full_name} ({person.preferred_name})"
        return person.full_name

    # -- helpers ----------------------------------------------------------------------

    def _is_overdue(self, person: PersonSummary) -> bool:
        return person.next_review is not None and person.next_review < self._today

    def _text(self, person: PersonSummary, column: int) -> str | None:
        if column == self.COLUMN_NAME:
            return person.full_name
        if column == self.COLUMN_PREFERRED_NAME:
            return person.preferred_name
        if column == self.COLUMN_NEXT_REVIEW:
            return self._review_text(person.next_review, self._is_overdue(person))
        return None

    def _review_text(self, when: date | None, overdue: bool) -> str:
        if when is None:
            return ""
        if overdue:
            # The words matter as much as the colour: not everyone can tell red apart.
            return self.tr("{date} (overdue)").format(date=when.isoformat())
        return when.isoformat()
