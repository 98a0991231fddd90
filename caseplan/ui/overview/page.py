"""The overview page (Tools → Overview): the counts on the left, each opening the list behind
it on the right; a list is sorted by a click on its header, searched as you type, printed,
saved as PDF or CSV, and a row opens the person at the section where it is dealt with.

A team lead sees everyone; a practitioner the same page for their own people. Every figure
comes from :mod:`caseplan.services.overview` (counted in SQL); nothing here reads the database.
What the list's buttons make (print, PDF, CSV, letters) is :mod:`caseplan.ui.overview.outputs`.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from caseplan.errors import CaseplanError
from caseplan.services.clinic import settings as clinic_settings
from caseplan.services.context import Context
from caseplan.services.overview.counts import Overview, overview
from caseplan.services.overview.lists import SignalList, signal_list
from caseplan.services.overview.signals import Section
from caseplan.services.overview.signals import Signal as Sig
from caseplan.services.peers.peer_hours import hours_text
from caseplan.services.security import access
from caseplan.ui.i18n import date_text, error_text
from caseplan.ui.overview.model import (
    PractitionerModel,
    SearchableList,
    SignalListModel,
    signal_title,
)
from caseplan.ui.overview.outputs import ListOutputs
from caseplan.ui.workers import Worker
from caseplan.ui.workspace import PersonWorkspace

#: the workspace section each list opens a person at
SECTION_INDEX = {
    Section.GOALS: PersonWorkspace.GOALS,
    Section.TEAM: PersonWorkspace.TEAM,
    Section.MEETINGS: PersonWorkspace.MEETINGS,
    Section.HISTORY: PersonWorkspace.HISTORY,
}


def list_table(parent: QWidget, name: str) -> QTableView:
    table = QTableView(parent)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    # widths from the rows in sight: measuring every row of a long list costs more than
    # reading the counts
    header.setResizeContentsPrecision(0)
    header.setStretchLastSection(True)
    return table


class OverviewPage(ListOutputs):
    """Counts and the list behind the one chosen; ``person_chosen(person_id, section)``."""

    person_chosen = Signal(object, int)

    #: the window's way to the list of people, beside the heading
    people_button: QPushButton | None = None

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.current: SignalList | None = None
        self.worker: Worker | None = None
        self.heading = QLabel(self)
        self.heading.setAccessibleDescription(self.tr("Overview"))
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.scope = QLabel(self)
        self.scope.setWordWrap(True)
        self.buttons: dict[Sig, QPushButton] = {}
        counts = QGridLayout()
        for number, signal in enumerate(Sig):
            button = QPushButton(self)
            button.setCheckable(True)
            button.setAutoExclusive(True)
            button.setStyleSheet("text-align: left; padding: 4px 8px;")
            button.clicked.connect(lambda _checked=False, s=signal: self.open_list(s))
            self.buttons[signal] = button
            counts.addWidget(button, number, 0)
        self.practitioners = PractitionerModel(self)
        self.practitioner_table = list_table(self, self.tr("Reviews per coordinator"))
        self.practitioner_table.setModel(self.practitioners)
        self.practitioner_table.activated.connect(self._practitioner_chosen)
        self.peer_time = QLabel(self)
        self.peer_time.setWordWrap(True)
        self.peer_time.setAccessibleDescription(self.tr("Peer time"))
        self.weeks = QSpinBox(self)
        self.weeks.setRange(
            clinic_settings.MIN_NO_CONTACT_WEEKS, clinic_settings.MAX_NO_CONTACT_WEEKS
        )
        self.weeks.setSuffix(self.tr(" weeks"))
        # the name starts with the visible label, so voice control finds it by what it reads
        self.weeks.setAccessibleName(self.tr("No contact after"))
        self.weeks.setAccessibleDescription(
            self.tr("Weeks without contact before someone is listed")
        )
        self.weeks.setVisible(access.can(ctx, access.Action.CLINIC_SETTINGS))
        weeks_label = QLabel(self.tr("&No contact after:"), self)
        weeks_label.setBuddy(self.weeks)
        weeks_label.setVisible(self.weeks.isVisibleTo(self))
        self.weeks.editingFinished.connect(self._weeks_changed)

        left = QVBoxLayout()
        self.heading_row = QHBoxLayout()  #: the window puts its way to the people here
        self.heading_row.addWidget(self.heading, 1)
        left.addLayout(self.heading_row)
        left.addWidget(self.scope)
        left.addLayout(counts)
        weeks_row = QHBoxLayout()
        weeks_row.addWidget(weeks_label)
        weeks_row.addWidget(self.weeks)
        weeks_row.addStretch(1)
        left.addLayout(weeks_row)
        practitioners_label = QLabel(self.tr("Reviews per coordinator:"), self)
        practitioners_label.setBuddy(self.practitioner_table)
        left.addWidget(practitioners_label)
        left.addWidget(self.practitioner_table, 1)
        left.addWidget(self.peer_time)

        self.list_title = QLabel(self)
        self.list_title.setAccessibleDescription(self.tr("The list shown"))
        title_font = self.list_title.font()
        title_font.setBold(True)
        self.list_title.setFont(title_font)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search the list"))
        self.search.setAccessibleName(self.tr("Search the list"))
        self.search.setClearButtonEnabled(True)
        self.model = SignalListModel(self)
        self.proxy = SearchableList(self.model, self)
        self.search.textChanged.connect(self._search_changed)
        self.table = list_table(self, self.tr("The list behind the count"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(SignalListModel.COLUMN_WHEN, Qt.SortOrder.AscendingOrder)
        self.table.activated.connect(self._row_activated)
        self.shown = QLabel(self)
        self.shown.setAccessibleDescription(self.tr("Rows shown"))
        self.open_button = QPushButton(self.tr("&Open person"), self)
        self.open_button.clicked.connect(self.open_current)
        self.print_button = QPushButton(self.tr("P&rint…"), self)
        self.print_button.clicked.connect(self.ask_print)
        self.pdf_button = QPushButton(self.tr("Save as P&DF…"), self)
        self.pdf_button.clicked.connect(lambda: self.ask_target("pdf"))
        self.csv_button = QPushButton(self.tr("Save as &CSV…"), self)
        self.csv_button.clicked.connect(lambda: self.ask_target("csv"))
        self.letters_button = QPushButton(self.tr("Re&minder letters…"), self)
        self.letters_button.setToolTip(
            self.tr("A letter to each person whose review is due or overdue, in their language")
        )
        self.letters_button.clicked.connect(self.ask_letters)
        for button in (
            self.open_button,
            self.print_button,
            self.pdf_button,
            self.csv_button,
            self.letters_button,
        ):
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleDescription(self.tr("Message"))
        search_label = QLabel(self.tr("&Search:"), self)
        search_label.setBuddy(self.search)

        right = QVBoxLayout()
        right.addWidget(self.list_title)
        search_row = QHBoxLayout()
        search_row.addWidget(search_label)
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.shown)
        right.addLayout(search_row)
        right.addWidget(self.table, 1)
        actions = QHBoxLayout()
        for button in (
            self.open_button,
            self.print_button,
            self.pdf_button,
            self.csv_button,
            self.letters_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        right.addLayout(actions)
        right.addWidget(self.message)

        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)
        self.figures: Overview | None = None
        self.refresh()

    # -- the counts ---------------------------------------------------------------------

    def refresh(self) -> None:
        """Read every count again (and the list shown, if any)."""
        try:
            found = overview(self.ctx)
        except CaseplanError as error:
            self.scope.setText(error_text(error))
            return
        self.figures = found
        self.heading.setText(self.tr("Overview, {date}").format(date=date_text(found.today)))
        self.scope.setText(
            self.tr("Everyone in the clinic.")
            if found.whole_clinic
            else self.tr("Your people: those whose team you are on.")
        )
        for signal, button in self.buttons.items():
            button.setText(self.count_text(signal))
            button.setAccessibleName(button.text())
        self.practitioners.set_rows(found.practitioners)
        peer = found.peer_time
        self.peer_time.setText(
            self.tr(
                "Peer time this month so far: {this} (paid {this_paid}); "
                "last month: {last} (paid {last_paid})."
            ).format(
                this=hours_text(peer.this_month),
                this_paid=hours_text(peer.this_month_paid),
                last=hours_text(peer.last_month),
                last_paid=hours_text(peer.last_month_paid),
            )
        )
        self.weeks.blockSignals(True)
        self.weeks.setValue(found.weeks)
        self.weeks.blockSignals(False)
        if self.current is not None:
            self.open_list(self.current.signal)
        else:
            self._show_list(None)

    def count_text(self, signal: Sig) -> str:
        """ "Reviews overdue: 12", and how many people when that differs."""
        assert self.figures is not None
        count = self.figures.counts[signal]
        name = signal_title(signal).format(weeks=self.figures.weeks)
        if count.items != count.people:
            return self.tr("{name}: {count} (people: {people})").format(
                name=name, count=count.items, people=count.people
            )
        return self.tr("{name}: {count}").format(name=name, count=count.items)

    def _weeks_changed(self) -> None:
        if self.figures is None or self.weeks.value() == self.figures.weeks:
            return
        try:
            clinic_settings.set_no_contact_weeks(self.ctx, self.weeks.value())
        except CaseplanError as error:
            self.message.setText(error_text(error))
            return
        self.refresh()

    # -- the list -----------------------------------------------------------------------

    def open_list(self, signal: Sig) -> None:
        """Show the list behind ``signal``'s count (read afresh; audited as viewed)."""
        try:
            found = signal_list(self.ctx, signal)
        except CaseplanError as error:
            self.message.setText(error_text(error))
            return
        self.buttons[signal].setChecked(True)
        self._show_list(found)

    def _show_list(self, found: SignalList | None) -> None:
        self.current = found
        self.model.show(found)
        has_rows = found is not None and bool(found.rows)
        for button in (self.print_button, self.pdf_button, self.csv_button):
            button.setEnabled(found is not None)
        self.open_button.setEnabled(has_rows)
        self.letters_button.setEnabled(
            found is not None and found.signal in (Sig.REVIEW_OVERDUE, Sig.REVIEW_DUE_SOON)
        )
        if found is None:
            self.list_title.setText(self.tr("Choose a count to see who it is."))
        else:
            assert self.figures is not None
            self.list_title.setText(self.count_text(found.signal))
        self._update_shown()
        if has_rows:
            self.table.selectRow(0)

    def _search_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._update_shown()

    def _update_shown(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        self.shown.setText(
            self.tr("Rows: {shown} of {total}").format(shown=shown, total=total)
            if shown != total
            else self.tr("Rows: {total}").format(total=total)
        )

    def _practitioner_chosen(self, index: QModelIndex) -> None:
        found = self.practitioners.row_at(index.row())
        if found is None:
            return
        self.open_list(Sig.REVIEW_OVERDUE if found.overdue else Sig.REVIEW_DUE_SOON)
        self.search.setText(found.name)

    def _row_activated(self, index: QModelIndex) -> None:
        person_id = self.proxy.person_id(index.row())
        if person_id is not None:
            self._choose(person_id)

    def open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self._row_activated(index)

    def _choose(self, person_id: uuid.UUID) -> None:
        if self.current is not None:
            self.person_chosen.emit(person_id, SECTION_INDEX[self.current.section])
