"""The caseload screen: search as you type, and a table of people to open."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from caseplan.services.people.people import Shown
from caseplan.ui.caseload.model import CaseloadModel
from caseplan.ui.i18n import date_text


class _SearchBox(QLineEdit):
    """A line edit that hands the Down key on to the table below it."""

    down_pressed = Signal()

    def keyPressEvent(self, event):  # type: ignore[no-untyped-def]
        if event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
            return
        super().keyPressEvent(event)


class CaseloadView(QWidget):
    """Search box, count and table. Activating a row (Enter, double click) emits its uuid."""

    # The uuid.UUID of the person whose row was activated.
    person_activated = Signal(object)

    SEARCH_DELAY_MS = 250

    def __init__(self, model: CaseloadModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model

        self.search = _SearchBox(self)
        self.search.setPlaceholderText(self.tr("Search by name (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search people"))
        self.search.setAccessibleDescription(
            self.tr("Type part of a name; the list below shows the people who match.")
        )
        self.search.setClearButtonEnabled(True)

        search_label = QLabel(self.tr("&Search:"), self)
        search_label.setBuddy(self.search)

        self.count_label = QLabel(self)
        self.count_label.setAccessibleDescription(self.tr("Number of people"))

        self.shown = QComboBox(self)
        for label, shown in (
            (self.tr("All people"), Shown.ALL),
            (self.tr("My people"), Shown.MINE),
            (self.tr("Review overdue"), Shown.OVERDUE),
            (self.tr("Review within 30 days"), Shown.DUE_SOON),
        ):
            self.shown.addItem(label, shown.value)
        self.shown.setAccessibleName(self.tr("Which people to show"))
        shown_label = QLabel(self.tr("Sh&ow:"), self)
        shown_label.setBuddy(self.shown)
        self.shown.currentIndexChanged.connect(self._apply_shown)

        self.table = QTableView(self)
        self.table.setModel(model)
        self.table.setAccessibleName(self.tr("Caseload"))
        self.table.setAccessibleDescription(
            self.tr("People in your caseload. Press Enter to open the selected person.")
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(CaseloadModel.COLUMN_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(
            CaseloadModel.COLUMN_PREFERRED_NAME, QHeaderView.ResizeMode.Interactive
        )
        header.resizeSection(
            CaseloadModel.COLUMN_PREFERRED_NAME, self.fontMetrics().averageCharWidth() * 28
        )
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # A fixed width (the widest date plus "(overdue)"), so a search never measures rows.
        header.setSectionResizeMode(CaseloadModel.COLUMN_NEXT_REVIEW, QHeaderView.ResizeMode.Fixed)
        widest = self.tr("{date} (overdue)").format(date=date_text(date(2026, 12, 31)))
        bold = QFont(self.font())
        bold.setBold(True)  # overdue rows are bold
        header.resizeSection(
            CaseloadModel.COLUMN_NEXT_REVIEW,
            max(
                QFontMetrics(bold).horizontalAdvance(widest),
                self.fontMetrics().horizontalAdvance(
                    model.headerData(CaseloadModel.COLUMN_NEXT_REVIEW, Qt.Orientation.Horizontal)
                    or ""
                ),
            )
            + 4 * self.fontMetrics().averageCharWidth(),
        )
        header.setSectionResizeMode(
            CaseloadModel.COLUMN_ATTENTION, QHeaderView.ResizeMode.Interactive
        )
        header.resizeSection(
            CaseloadModel.COLUMN_ATTENTION, self.fontMetrics().averageCharWidth() * 40
        )
        header.setHighlightSections(False)

        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        top.addWidget(shown_label)
        top.addWidget(self.shown)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(self.SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.apply_search)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self._enter_table)
        self.search.down_pressed.connect(self._enter_table)

        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WindowShortcut)
        find.activated.connect(self.focus_search)

        self.table.activated.connect(self._activate)
        model.modelReset.connect(self._update_count)
        self._update_count()
        self.setFocusProxy(self.search)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _apply_shown(self) -> None:
        self.model.set_shown(Shown(self.shown.currentData()))

    def apply_search(self) -> None:
        """Filter now rather than after the typing pause."""
        self._debounce.stop()
        self.model.set_search(self.search.text())

    def current_person(self) -> uuid.UUID | None:
        index = self.table.currentIndex()
        return self.model.person_id(index.row()) if index.isValid() else None

    def _enter_table(self) -> None:
        self.apply_search()
        if self.model.rowCount() == 0:
            return
        if not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, CaseloadModel.COLUMN_NAME))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _activate(self, index: QModelIndex) -> None:
        person_id = self.model.person_id(index.row())
        if person_id is not None:
            self.person_activated.emit(person_id)

    def _update_count(self) -> None:
        text = self.tr("Matches: {count}") if self.model.search else self.tr("People: {count}")
        self.count_label.setText(text.format(count=self.model.total()))
