"""The peer hours report in the app: choose a period, read the numbers, save CSV or PDF.

For team leads (and administrators, who see only the people they may open). The numbers
are those of :func:`caseplan.services.peers.peer_hours.peer_hours`; saving goes through
:func:`~caseplan.services.peers.peer_hours.export_peer_hours`, so every saved file is audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from caseplan.errors import CaseplanError
from caseplan.reports.peer_hours_csv import peer_hours_csv
from caseplan.services.context import Context
from caseplan.services.peers.peer_hours import (
    PeerHours,
    PeerHoursReport,
    export_peer_hours,
    hours_text,
    peer_hours,
)
from caseplan.ui.i18n import error_text
from caseplan.ui.printing.printer import Printed, ask_printer, sent_text, start_print
from caseplan.ui.reports.imported import ImportedPanel, VerifyPeerButton
from caseplan.ui.widgets.dates import Direction, RequiredDateEdit, dates_ok
from caseplan.ui.widgets.output import not_encrypted, save_output
from caseplan.ui.widgets.record_model import Column, RecordTableModel
from caseplan.ui.widgets.save_dialog import ask_save_path
from caseplan.ui.workers import Worker
from caseplan.ui.workspace.peer_model import engagement_label


@dataclass(frozen=True)
class HoursRow:
    """One line of the table: a peer × person, a peer's total, or the grand total."""

    id: str
    peer: str
    organisation: str
    identity: str
    engagement: str
    person: str
    contributions: int
    minutes: int
    paid_minutes: int
    total: bool = False
    known: bool = True


def identity_label(peer: PeerHours) -> str:
    """Who the peer is to the clinic, so two peers with one name can be told apart."""
    if peer.account:
        return QCoreApplication.translate("PeerHoursModel", "Account {name}").format(
            name=peer.account
        )
    if peer.verified:
        return QCoreApplication.translate("PeerHoursModel", "No account, verified by a team lead")
    return QCoreApplication.translate(
        "PeerHoursModel", "No account, not verified: paid time held ({minutes} minutes)"
    ).format(minutes=peer.held_minutes)


def hours_rows(report: PeerHoursReport) -> list[HoursRow]:
    rows: list[HoursRow] = []
    for peer in report.peers:
        for row in peer.people:
            rows.append(
                HoursRow(
                    f"{peer.key}/{row.person_id}",
                    peer.name,
                    peer.organisation,
                    identity_label(peer),
                    engagement_label(row.engagement),
                    row.person_name,
                    row.contributions,
                    row.minutes,
                    row.paid_minutes,
                    known=peer.known,
                )
            )
        rows.append(
            HoursRow(
                peer.key,
                peer.name,
                peer.organisation,
                identity_label(peer),
                "",
                QCoreApplication.translate(
                    "PeerHoursModel", "Total for {name} (people: {count})"
                ).format(name=peer.name, count=len(peer.people)),
                peer.contributions,
                peer.minutes,
                peer.paid_minutes,
                total=True,
            )
        )
    if report.peers:
        rows.append(
            HoursRow(
                "total",
                QCoreApplication.translate("PeerHoursModel", "All peers"),
                "",
                "",
                "",
                QCoreApplication.translate("PeerHoursModel", "People supported: {count}").format(
                    count=report.people_supported
                ),
                report.contributions,
                report.minutes,
                report.paid_minutes,
                total=True,
            )
        )
    return rows


class PeerHoursModel(RecordTableModel[HoursRow]):
    """The report's numbers as a table; total rows are bold."""

    def __init__(self, parent: Any = None) -> None:

        bold = lambda r: r.total  # noqa: E731
        super().__init__(
            [
                Column(
                    QCoreApplication.translate("PeerHoursModel", "Peer"),
                    lambda r: r.peer,
                    bold=bold,
                ),
                Column(
                    QCoreApplication.translate("PeerHoursModel", "Organisation"),
                    lambda r: r.organisation,
                ),
                Column(
                    QCoreApplication.translate("PeerHoursModel", "Identity"), lambda r: r.identity
                ),
                Column(
                    QCoreApplication.translate("PeerHoursModel", "Paid or volunteer"),
                    lambda r: r.engagement,
                ),
                Column(
                    QCoreApplication.translate("PeerHoursModel", "Person"),
                    lambda r: r.person,
                    bold=bold,
                ),
                Column(
                    QCoreApplication.translate("PeerHoursModel", "Contributions"),
                    lambda r: str(r.contributions),
                    bold=bold,
                ),
                Column(
                    QCoreApplication.translate("PeerHoursModel", "Time"),
                    lambda r: hours_text(r.minutes),
                    bold=bold,
                ),
                Column(
                    QCoreApplication.translate("PeerHoursModel", "Paid time"),
                    lambda r: hours_text(r.paid_minutes),
                    bold=bold,
                ),
                Column(
                    QCoreApplication.translate("PeerHoursModel", "Paid minutes"),
                    lambda r: str(r.paid_minutes),
                    bold=bold,
                ),
            ],
            parent,
        )

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and index.isValid() and index.column() >= 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)


class PeerHoursDialog(QDialog):
    """Period, table, Save as CSV / Save as PDF."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report: PeerHoursReport | None = None
        self.setWindowTitle(self.tr("Peer hours"))
        today = ctx.today()
        first = today.replace(day=1)
        last_month_end = first.fromordinal(first.toordinal() - 1)
        self.start = RequiredDateEdit(self.tr("From"), self, way=Direction.PAST, today=ctx.today)
        self.end = RequiredDateEdit(self.tr("To"), self, way=Direction.PAST, today=ctx.today)
        self.start.set_value(last_month_end.replace(day=1))
        self.end.set_value(last_month_end)
        for edit in (self.start, self.end):
            edit.changed.connect(self.refresh)
        start_label = QLabel(self.tr("&From:"), self)
        start_label.setBuddy(self.start)
        end_label = QLabel(self.tr("&To:"), self)
        end_label.setBuddy(self.end)
        self.model = PeerHoursModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Peer hours"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.summary = QLabel(self)
        self.summary.setAccessibleDescription(self.tr("Peer hours in total"))
        self.summary.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setAccessibleDescription(self.tr("Message"))
        self.message.setWordWrap(True)
        self.csv_button = QPushButton(self.tr("Save as &CSV…"), self)
        self.pdf_button = QPushButton(self.tr("Save as &PDF…"), self)
        self.print_button = QPushButton(self.tr("P&rint…"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.worker: Worker | None = None
        for button in (self.csv_button, self.pdf_button, self.print_button, self.close_button):
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
        self.csv_button.clicked.connect(lambda: self.ask_target("csv"))
        self.pdf_button.clicked.connect(lambda: self.ask_target("pdf"))
        self.print_button.clicked.connect(self.ask_print)
        self.close_button.clicked.connect(self.reject)
        period = QHBoxLayout()
        for widget in (start_label, self.start, end_label, self.end):
            period.addWidget(widget)
        period.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        self.verify_button = VerifyPeerButton(ctx, self.table, self)
        self.verify_button.verified.connect(self._verified)
        self.table.selectionModel().selectionChanged.connect(self.verify_button.follow)
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.csv_button)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(period)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.imported = ImportedPanel(ctx, self)
        self.imported.accepted.connect(self.refresh)
        layout.addWidget(self.imported)
        layout.addLayout(buttons)
        self.resize(1240, 620)
        self.refresh()

    def period(self) -> tuple[date, date]:
        start, end = self.start.value(), self.end.value()
        assert start is not None and end is not None  # required dates keep their last good value
        return start, end

    def set_period(self, start: date, end: date) -> None:
        for edit, day in ((self.start, start), (self.end, end)):
            edit.set_value(day)
        self.refresh()

    def _verified(self, message: str) -> None:
        self.refresh()
        self.message.setText(message)

    def refresh(self) -> None:
        start, end = self.period()
        try:
            self.report = peer_hours(self.ctx, start, end)
        except CaseplanError as error:
            self.report = None
            self.model.set_rows([])
            self.imported.set_rows(())
            self.summary.setText(error_text(error))
            self.csv_button.setEnabled(False)
            self.pdf_button.setEnabled(False)
            self.print_button.setEnabled(False)
            return
        report = self.report
        self.model.set_rows(hours_rows(report))
        self.imported.set_rows(report.waiting)
        self.summary.setText(
            self.tr(
                "Peers: {peers} · People supported: {people} · Contributions: {count} · "
                "Time: {time} · Paid: {paid} ({minutes} minutes)"
            ).format(
                peers=len(report.peers),
                people=report.people_supported,
                count=report.contributions,
                time=hours_text(report.minutes),
                paid=hours_text(report.paid_minutes),
                minutes=report.paid_minutes,
            )
            if report.peers
            else self.tr("No peer support was recorded in this period.")
        )
        self.csv_button.setEnabled(True)
        self.pdf_button.setEnabled(True)
        self.print_button.setEnabled(True)

    def ask_target(self, kind: str) -> None:
        if not dates_ok(self):
            return
        start, end = self.period()
        suggested = f"peer-hours-{start.isoformat()}-{end.isoformat()}.{kind}"
        path = ask_save_path(
            self,
            self.tr("Save as CSV") if kind == "csv" else self.tr("Save as PDF"),
            suggested,
            self.tr("CSV files (*.csv)") if kind == "csv" else self.tr("PDF files (*.pdf)"),
        )
        if path is not None:
            self.save(path, kind)

    def pdf_for_printing(self) -> bytes:
        """The report as PDF, audited as a print (runs on the printing worker's thread)."""
        from caseplan.reports.peer_hours import render_peer_hours
        from caseplan.services.clinic.settings import is_demo

        start, end = self.period()
        language = self._language()
        demo = is_demo(self.ctx)
        made: list[bytes] = []
        export_peer_hours(
            self.ctx,
            start,
            end,
            "pdf",
            lambda report: render_peer_hours(report, language=language, demo=demo),
            made.append,
        )
        return made[0]

    def ask_print(self) -> None:
        if not dates_ok(self):
            return
        printer = ask_printer(self, self.tr("Print the peer hours report"))
        if printer is None:
            return
        self.print_button.setEnabled(False)
        self.message.setText(self.tr("Printing…"))

        def done(printed: Printed) -> None:
            self.print_button.setEnabled(True)
            self.message.setText(sent_text(printed))

        def failed(error: BaseException) -> None:
            self.print_button.setEnabled(True)
            self.message.setText(
                error_text(error) if isinstance(error, CaseplanError) else str(error)
            )

        self.worker = start_print(
            self.pdf_for_printing, printer, self, on_done=done, on_failed=failed
        )

    def _language(self) -> str:
        return "nb" if QLocale().language() == QLocale.Language.NorwegianBokmal else "en"

    def save(self, path: Path, kind: str) -> bool:
        """Write the report for the chosen period to ``path`` (audited); False if refused."""
        from caseplan.reports.peer_hours import render_peer_hours
        from caseplan.services.clinic.settings import is_demo

        start, end = self.period()
        language = self._language()
        try:
            demo = is_demo(self.ctx)

            def render(report: PeerHoursReport) -> bytes:
                if kind == "csv":
                    return peer_hours_csv(report, language)
                return render_peer_hours(report, language=language, demo=demo)

            def write(data: bytes) -> None:
                save_output(path, data)

            export_peer_hours(self.ctx, start, end, kind, render, write)
        except CaseplanError as error:
            self.message.setText(error_text(error))
            return False
        self.message.setText(not_encrypted(path))
        return True
