"""History: the person's plans over time (agreed versions and the audit trail come later)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from caseplan.errors import CaseplanError
from caseplan.services.plans import plans
from caseplan.services.plans.plan_view import PlanView
from caseplan.services.plans.plans import PlanDetails
from caseplan.ui.i18n import error_text
from caseplan.ui.widgets.dates import date_text
from caseplan.ui.widgets.record_model import Column, RecordTableModel
from caseplan.ui.workspace.labels import plan_status_label
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
            ],
            parent,
        )


class HistorySection(Section):
    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.model = PlanHistoryModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Plans over time"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        intro = QLabel(self.tr("Plans over time, newest first."), self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.setFocusProxy(self.table)

    def show_view(self, view: PlanView | None) -> None:
        try:
            rows = plans.list_plans(self.host.ctx, self.host.person_id)
        except CaseplanError as error:
            self.message.setText(error_text(error))
            rows = []
        self.model.set_rows(sorted(rows, key=lambda p: p.period_start, reverse=True))
