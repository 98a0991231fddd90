"""History: the person's plans over time, and every agreed version of the chosen plan — each
opened read-only (as it was agreed) and printed again exactly as it was signed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from caseplan.errors import CaseplanError
from caseplan.models import CloseReason, PlanStatus
from caseplan.reports.printing import version_pdf
from caseplan.services.agreement import agreement
from caseplan.services.agreement.agreement import PlanVersionDetails
from caseplan.services.plans import plans
from caseplan.services.plans.plan_view import PlanView
from caseplan.services.plans.plans import PlanDetails
from caseplan.services.security.access import Action
from caseplan.ui.controllers.records import Kind
from caseplan.ui.i18n import error_text
from caseplan.ui.printing.version import VersionDialog
from caseplan.ui.widgets.dates import date_text
from caseplan.ui.widgets.output import not_encrypted, save_output
from caseplan.ui.widgets.record_model import Column, RecordTableModel
from caseplan.ui.widgets.save_dialog import ask_save_path
from caseplan.ui.workspace.labels import close_reason_label, plan_status_label
from caseplan.ui.workspace.section import Host, Section


class PlanHistoryModel(RecordTableModel[PlanDetails]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                Column(
                    QCoreApplication.translate("PlanHistoryModel", "From"),
                    lambda p: date_text(p.period_start),
                ),
                Column(
                    QCoreApplication.translate("PlanHistoryModel", "To"),
                    lambda p: date_text(p.period_end),
                ),
                Column(
                    QCoreApplication.translate("PlanHistoryModel", "Status"),
                    lambda p: plan_status_label(p.status),
                ),
                Column(
                    QCoreApplication.translate("PlanHistoryModel", "Next review"),
                    lambda p: date_text(p.next_review),
                ),
                Column(
                    QCoreApplication.translate("PlanHistoryModel", "Started"),
                    lambda p: date_text(p.created_at.date()),
                ),
                Column(QCoreApplication.translate("PlanHistoryModel", "Closed"), _closed),
            ],
            parent,
        )


def _closed(plan: PlanDetails) -> str:
    if plan.closed_on is None:
        return ""
    return QCoreApplication.translate("PlanHistoryModel", "{date}: {reason}").format(
        date=date_text(plan.closed_on),
        reason=close_reason_label(plan.closed_reason or CloseReason.OTHER),
    )


def _agreed_text(version: PlanVersionDetails) -> str:
    """When it was agreed; a version read from a file was never agreed here, and says so."""
    if version.imported_on is not None:
        return QCoreApplication.translate(
            "VersionModel", "Not agreed here: imported from a file on {date} by {account}"
        ).format(date=date_text(version.imported_on), account=version.imported_by)
    return date_text(version.agreed_on)


class VersionModel(RecordTableModel[PlanVersionDetails]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                Column(
                    QCoreApplication.translate("VersionModel", "Version"), lambda v: str(v.number)
                ),
                Column(
                    QCoreApplication.translate("VersionModel", "Agreed"),
                    _agreed_text,
                ),
                Column(
                    QCoreApplication.translate("VersionModel", "Signed on the screen"),
                    lambda v: str(len(v.signatures)),
                ),
                Column(
                    QCoreApplication.translate("VersionModel", "Present"),
                    lambda v: str(len(v.agreed_by)),
                ),
            ],
            parent,
        )


def _table(parent: QWidget, name: str) -> QTableView:
    table = QTableView(parent)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


class HistorySection(Section):
    SHOWS = frozenset({Kind.PLAN})
    STILL_ALLOWED = (("open_button", Action.VIEW_PERSON), ("print_button", Action.PRINT_PLAN))

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.model = PlanHistoryModel(self)
        self.table = _table(self, self.tr("Plans over time"))
        self.table.setModel(self.model)
        self.versions = VersionModel(self)
        self.version_table = _table(
            self, self.tr("Agreed versions of this plan, each as it was agreed")
        )
        self.version_table.setModel(self.versions)
        self.open_button = QPushButton(self.tr("&Open this version…"), self)
        self.open_button.setToolTip(
            self.tr("Read the version on screen exactly as it was agreed (Enter)")
        )
        self.open_button.clicked.connect(self.open_version)
        self.version_table.activated.connect(lambda _index: self.open_version())
        self.print_button = QPushButton(self.tr("Save this &version as PDF…"), self)
        self.print_button.setToolTip(
            self.tr("The version as it was agreed, with the signatures given then")
        )
        self.print_button.clicked.connect(self.ask_save_version)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        intro = QLabel(self.tr("Plans over time, newest first."), self)
        self.versions_label = QLabel(
            self.tr("&Agreed versions of this plan, each as it was agreed:"), self
        )
        self.versions_label.setBuddy(self.version_table)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.versions_label)
        layout.addWidget(self.version_table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.setFocusProxy(self.version_table)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_versions(self.model.row_at(current.row()))
        )
        self.version_dialog: VersionDialog | None = None

    def show_view(self, view: PlanView | None) -> None:
        try:
            rows = plans.list_plans(self.host.ctx, self.host.person_id, record=False)
        except CaseplanError as error:
            self.message.setText(error_text(error))
            rows = []
        rows = sorted(rows, key=lambda p: (p.period_start, p.created_at), reverse=True)
        self.model.set_rows(rows)
        # The open plan's versions, or (all closed) the last plan's.
        shown = view.plan.id if view is not None else rows[0].id if rows else None
        row = self.model.row_of(shown) if shown is not None else -1
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))  # shows its versions
        else:
            self._show_versions(None)

    def _show_versions(self, plan: PlanDetails | None) -> None:
        try:
            ctx = self.host.ctx  # the versions are part of the person opened (audited then)
            versions = [] if plan is None else agreement.list_versions(ctx, plan.id, record=False)
        except CaseplanError as error:
            self.message.setText(error_text(error))
            versions = []
        self.versions.set_rows(list(reversed(versions)))
        if versions:
            self.version_table.setCurrentIndex(self.versions.index(0, 0))
        self.print_button.setEnabled(bool(versions))
        self.open_button.setEnabled(bool(versions))
        self.versions_label.setText(
            self.tr("&Agreed versions of this plan, each as it was agreed:")
            if plan is None or plan.status != PlanStatus.CLOSED
            else self.tr("&Agreed versions of the closed plan chosen above:")
        )

    def chosen_version(self) -> PlanVersionDetails | None:
        current = self.version_table.currentIndex()
        return self.versions.row_at(current.row()) if current.isValid() else None

    def open_version(self) -> VersionDialog | None:
        """The chosen version on screen, read-only, exactly as it was agreed."""
        version = self.chosen_version()
        if version is None:
            return None
        dialog = VersionDialog(self.host.ctx, version, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self, "version_dialog", None))
        self.version_dialog = dialog
        dialog.open()
        return dialog

    def ask_save_version(self) -> None:
        version = self.chosen_version()
        if version is None:
            return
        chosen = ask_save_path(
            self,
            self.tr("Save as PDF"),
            self.tr("plan-version-{number}.pdf").format(number=version.number),
        )
        if chosen is not None:
            self.save_version(version, chosen)

    def save_version(self, version: PlanVersionDetails, path: Path) -> None:
        """Reprint the version exactly as it was agreed (audited as a print)."""
        try:
            written = save_output(path, version_pdf(self.host.ctx, version.id))
        except CaseplanError as error:
            self.message.setText(error_text(error))
            return
        self.message.setText(not_encrypted(written))
