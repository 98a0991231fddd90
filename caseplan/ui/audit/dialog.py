"""Tools → Audit trail…: who did what, for one person or the clinic as a whole."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from caseplan.errors import CaseplanError
from caseplan.services.context import Context
from caseplan.services.security import access, trail
from caseplan.services.security.trail import AuditEntry
from caseplan.ui.audit.model import AuditTableModel
from caseplan.ui.i18n import error_text


def may_read_audit(ctx: Context) -> bool:
    return access.can(ctx, access.Action.VIEW_AUDIT)


def clinic_events(ctx: Context) -> list[AuditEntry]:
    """The whole database's trail, newest first (the most recent events only)."""
    return trail.recent_events(ctx)


class AuditDialog(QDialog):
    """A filter box over a table of events; the scope is one person or the whole database."""

    def __init__(
        self,
        ctx: Context,
        person: tuple[uuid.UUID, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Audit trail"))

        self.scope = QComboBox(self)
        self.scope.setAccessibleName(self.tr("Whose trail"))
        if person is not None:
            self.scope.addItem(self.tr("This person: {name}").format(name=person[1]), person[0])
        self.scope.addItem(self.tr("The whole database: sign-ins, locks, backups"), None)

        self.filter = QLineEdit(self)
        self.filter.setAccessibleName(self.tr("Filter the audit trail"))
        self.filter.setPlaceholderText(self.tr("Account, action or detail"))
        self.filter.setClearButtonEnabled(True)

        self.model = AuditTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter.textChanged.connect(self._filter)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Audit events"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AuditTableModel.COLUMN_DETAIL, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

        self.count_label = QLabel(self)
        self.count_label.setAccessibleDescription(self.tr("Number of events"))
        self.problem_label = QLabel(self)
        self.problem_label.setAccessibleDescription(self.tr("Problem"))
        self.problem_label.setWordWrap(True)
        self.problem_label.setVisible(False)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("&Show:"), self.scope)
        form.addRow(self.tr("&Filter:"), self.filter)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.problem_label)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 120, 480)

        self.scope.currentIndexChanged.connect(self.reload)
        self.reload()
        self.filter.setFocus(Qt.FocusReason.OtherFocusReason)

    def reload(self) -> None:
        person_id = self.scope.currentData()
        try:
            if isinstance(person_id, uuid.UUID):
                rows = trail.events_for(self.ctx, person_id)
            else:
                rows = clinic_events(self.ctx)
        except CaseplanError as error:
            rows = []
            self.problem_label.setText(error_text(error))
            self.problem_label.setVisible(True)
        else:
            self.problem_label.setVisible(False)
        self.model.set_rows(rows)
        self._update_count()

    def _filter(self, text: str) -> None:
        """Matches what is shown (in the UI language), in any column."""
        self.proxy.setFilterFixedString(text.strip())
        self._update_count()

    def _update_count(self) -> None:
        if self.model.rowCount() == 0:
            self.count_label.setText(self.tr("No events are recorded here yet."))
            return
        self.count_label.setText(
            self.tr("Events shown: {shown} of {total}").format(
                shown=self.proxy.rowCount(), total=self.model.rowCount()
            )
        )

    def visible_rows(self) -> list[list[str]]:
        """The table's text as a person reads it (for tests and screen readers alike)."""
        columns = self.proxy.columnCount()
        return [
            [str(self.proxy.index(row, col).data() or "") for col in range(columns)]
            for row in range(self.proxy.rowCount())
        ]
