"""The caseload as a Qt item model: an adapter over the people service, fetched in pages."""

from __future__ import annotations

import unicodedata
import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from caseplan.models.text import BIDI_CONTROLS
from caseplan.services.context import Context
from caseplan.services.overview.markers import PersonSignals, person_signals
from caseplan.services.overview.signals import Signal
from caseplan.services.people.people import PersonSummary, Shown, count_people, list_people
from caseplan.services.security import access
from caseplan.ui.i18n import date_text

AnyIndex = QModelIndex | QPersistentModelIndex

# Dark red that stays readable (contrast > 7:1) on a white or light grey row.
OVERDUE_COLOUR = QColor(150, 0, 0)


@dataclass(frozen=True, slots=True)
class _Cells:
    """What one row shows: its texts, whether its review is overdue, the tooltips."""

    texts: tuple[str, str, str, str]
    overdue: bool
    tooltip: str
    #: the signals in full words, one a line (the markers column's tooltip)
    attention: str = ""


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

    Only one page of ``list_people`` (and ``count_people`` when that page is full) runs
    on a reset, so a caseload of ten thousand opens as fast as one of ten; scrolling
    reads further pages and never counts again.
    """

    COLUMN_NAME = 0
    COLUMN_PREFERRED_NAME = 1
    COLUMN_NEXT_REVIEW = 2
    #: what needs attention, as the overview counts it: short words with a sign each
    COLUMN_ATTENTION = 3
    COLUMN_COUNT = 4

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
        self._shown = Shown.ALL
        self._rows: list[PersonSummary] = []
        # What each row shows, worked out when first asked for (parallel to ``_rows``).
        self._cells: list[_Cells | None] = []
        self._total = 0
        self._today = ctx.today()
        self._signals: dict[uuid.UUID, PersonSignals] = {}
        self._with_signals = access.can(ctx, access.Action.VIEW_OVERVIEW)
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
            self.COLUMN_ATTENTION: self.tr("Needs attention"),
        }.get(section)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Asked many times per row on every paint and column sizing, for many roles we
        # never answer: those leave first, and each row's texts are worked out once.
        if role not in _ANSWERED:
            return None
        row = index.row()
        if not 0 <= row < len(self._rows) or not index.isValid():
            return None
        if role == self.IdRole:
            return self._rows[row].id
        cells = self._cells[row]
        if cells is None:
            cells = self._cells[row] = self._make_cells(self._rows[row])
        column = index.column()
        if role == self.OverdueRole:
            return cells.overdue
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return cells.texts[column] if 0 <= column < len(cells.texts) else None
        if column == self.COLUMN_ATTENTION and role == Qt.ItemDataRole.ToolTipRole:
            return cells.attention or None
        if column != self.COLUMN_NEXT_REVIEW:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return cells.tooltip
        if role == Qt.ItemDataRole.ForegroundRole and cells.overdue:
            return QBrush(OVERDUE_COLOUR)
        if role == Qt.ItemDataRole.FontRole and cells.overdue:
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
            self._ctx,
            self._search or None,
            limit=self._page_size,
            offset=len(self._rows),
            shown=self._shown,
        )
        if not page:
            # Someone removed people since the count; stop asking for more.
            self._total = len(self._rows)
            return
        self._read_signals(page)
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self._cells.extend([None] * len(page))
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

    @property
    def shown(self) -> Shown:
        return self._shown

    def set_shown(self, shown: Shown) -> None:
        """Show all people, only mine, or only those whose review is overdue or due soon."""
        if shown is self._shown:
            return
        self._shown = Shown(shown)
        self.refresh()

    def refresh(self) -> None:
        """Read the first page again, e.g. after someone was added."""
        self.beginResetModel()
        search = self._search or None
        self._today = self._ctx.today()
        if can_match_a_name(self._search):
            self._rows = list_people(
                self._ctx, search, limit=self._page_size, offset=0, shown=self._shown
            )
            # A first page that is not full is everyone: no need to count (most searches
            # typed into the box end here, with one query per keystroke).
            if len(self._rows) < self._page_size:
                self._total = len(self._rows)
            else:
                self._total = max(
                    count_people(self._ctx, search, shown=self._shown), len(self._rows)
                )
        else:
            self._total = 0
            self._rows = []
        self._signals = {}
        self._read_signals(self._rows)
        self._cells = [None] * len(self._rows)
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

    def _read_signals(self, page: list[PersonSummary]) -> None:
        """The overview's signals for a page of people (one query; none for a peer worker)."""
        if self._with_signals and page:
            self._signals.update(person_signals(self._ctx, [p.id for p in page]))

    def _make_cells(self, person: PersonSummary) -> _Cells:
        overdue = self._is_overdue(person)
        found = self._signals.get(person.id)
        short, full = marker_texts(found) if found is not None else ([], [])
        texts = (
            person.full_name,
            person.preferred_name,
            self._review_text(person.next_review, overdue),
            " · ".join(short),
        )
        if person.next_review is None:
            tooltip = self.tr("No review date set")
        else:
            tooltip = self.tr("Review overdue") if overdue else self.tr("Next review")
        return _Cells(texts, overdue, tooltip, "\n".join(full))

    def _is_overdue(self, person: PersonSummary) -> bool:
        return person.next_review is not None and person.next_review < self._today

    def _review_text(self, when: date | None, overdue: bool) -> str:
        if when is None:
            return ""
        if overdue:
            # The words matter as much as the colour: not everyone can tell red apart.
            return self.tr("{date} (overdue)").format(date=date_text(when))
        return date_text(when)


def marker_texts(found: PersonSignals) -> tuple[list[str], list[str]]:
    """Each signal that is on as a short marker (a sign and a word or two: never colour
    alone) and in full words for the tooltip, in the overview's order."""

    short: list[str] = []
    full: list[str] = []
    translate = QCoreApplication.translate
    for signal in found.signals:
        if signal is Signal.REVIEW_OVERDUE:
            s, f = (
                translate("CaseloadModel", "⚠ review"),
                translate("CaseloadModel", "Review overdue"),
            )
        elif signal is Signal.REVIEW_DUE_SOON:
            s = translate("CaseloadModel", "◷ review soon")
            f = translate("CaseloadModel", "Review due within 30 days")
        elif signal is Signal.PLAN_NEVER_AGREED:
            s = translate("CaseloadModel", "✎ not agreed")
            f = translate("CaseloadModel", "Plan in draft, never agreed")
        elif signal is Signal.PLAN_CHANGED:
            s = translate("CaseloadModel", "✎ changed")
            f = translate("CaseloadModel", "Plan changed since version {number} was agreed").format(
                number=found.changed_since
            )
        elif signal is Signal.CONSENT_ENDED:
            s = translate("CaseloadModel", "✖ consent expired")
            f = translate("CaseloadModel", "Consents expired: {count}").format(
                count=found.consents_ended
            )
        elif signal is Signal.CONSENT_ENDING:
            s = translate("CaseloadModel", "◔ consent ending")
            f = translate("CaseloadModel", "Consents ending within 30 days: {count}").format(
                count=found.consents_ending
            )
        elif signal is Signal.STEPS_OVERDUE:
            s = translate("CaseloadModel", "▸ steps late ({count})").format(
                count=found.steps_overdue
            )
            f = translate("CaseloadModel", "Steps overdue: {count}").format(
                count=found.steps_overdue
            )
        elif signal is Signal.NO_CONTACT:
            s = translate("CaseloadModel", "… no contact")
            f = translate("CaseloadModel", "No meeting, review or peer contact lately")
        else:
            s = translate("CaseloadModel", "○ no goal yet")
            f = translate("CaseloadModel", "New: no goal written yet")
        short.append(s)
        full.append(f)
    return short, full


# The roles :meth:`CaseloadModel.data` answers; any other is None at once.
_ANSWERED = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
        CaseloadModel.IdRole,
        CaseloadModel.OverdueRole,
    }
)
