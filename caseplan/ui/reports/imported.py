"""Imported peer contributions, listed apart in the peer hours report until a team lead accepts.

A contribution read from a file was not recorded here: the panel says where it came from
("imported from a file on DATE by ACCOUNT") and a team lead may accept it for payment
(:func:`caseplan.services.peers.imported.accept_imported`); until then it is not counted.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from caseplan.errors import CaseplanError
from caseplan.models import Role
from caseplan.services.context import Context
from caseplan.services.peers.imported import ImportedContribution, accept_imported, verify_peer
from caseplan.services.peers.peer_hours import hours_text
from caseplan.ui.i18n import date_text, error_text
from caseplan.ui.widgets.record_model import Column, RecordTableModel


def origin_text(row: ImportedContribution) -> str:
    return QCoreApplication.translate(
        "ImportedModel", "Imported from a file on {date} by {account}"
    ).format(date=date_text(row.imported_on), account=row.imported_by)


class ImportedModel(RecordTableModel[ImportedContribution]):
    def __init__(self, parent: Any = None) -> None:

        super().__init__(
            [
                Column(QCoreApplication.translate("ImportedModel", "Peer"), lambda r: r.peer_name),
                Column(
                    QCoreApplication.translate("ImportedModel", "Organisation"),
                    lambda r: r.organisation,
                ),
                Column(
                    QCoreApplication.translate("ImportedModel", "Person"), lambda r: r.person_name
                ),
                Column(
                    QCoreApplication.translate("ImportedModel", "Date"), lambda r: date_text(r.date)
                ),
                Column(
                    QCoreApplication.translate("ImportedModel", "Time"),
                    lambda r: hours_text(r.minutes),
                ),
                Column(
                    QCoreApplication.translate("ImportedModel", "Paid time"),
                    lambda r: hours_text(r.paid_minutes),
                ),
                Column(
                    QCoreApplication.translate("ImportedModel", "Where it came from"), origin_text
                ),
            ],
            parent,
        )


class ImportedPanel(QWidget):
    """The waiting list, and for a team lead the button that accepts the chosen one."""

    accepted = Signal()

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.model = ImportedModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Imported peer contributions"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.accept_button = QPushButton(self.tr("&Accept for payment"), self)
        self.accept_button.setAccessibleName(self.tr("Accept for payment"))
        self.accept_button.setVisible(not ctx.actor.system and ctx.actor.role is Role.TEAM_LEAD)
        self.accept_button.clicked.connect(self.accept_chosen)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.table.selectionModel().selectionChanged.connect(self._enable)
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(self.accept_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.set_rows(())

    def set_rows(self, rows: Sequence[ImportedContribution]) -> None:
        self.model.set_rows(rows)
        self.heading.setText(
            self.tr(
                "Imported from a file, waiting for a team lead: {count} (not counted above "
                "until accepted)"
            ).format(count=len(rows))
        )
        self.setVisible(bool(rows))
        self._enable()

    def _enable(self) -> None:
        self.accept_button.setEnabled(self.chosen() is not None)

    def chosen(self) -> ImportedContribution | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def accept_chosen(self) -> None:
        row = self.chosen()
        if row is None:
            return
        try:
            accept_imported(self.ctx, row.id, row.version)
        except CaseplanError as error:
            self.message.setText(error_text(error))
            return
        self.message.setText(
            self.tr("Accepted: {peer}, {date}.").format(
                peer=row.peer_name, date=date_text(row.date)
            )
        )
        self.accepted.emit()


class VerifyPeerButton(QPushButton):
    """For a team lead: "this peer without an account is who they say", so their paid time
    may be paid (:func:`caseplan.services.peers.imported.verify_peer`)."""

    verified = Signal(str)

    def __init__(self, ctx: Context, table: QTableView, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("VerifyPeerButton", "Verify who this peer is…"), parent
        )
        self.ctx = ctx
        self.table = table
        self.setAccessibleName(
            QCoreApplication.translate("VerifyPeerButton", "Verify who this peer is")
        )
        self.setVisible(not ctx.actor.system and ctx.actor.role is Role.TEAM_LEAD)
        self.clicked.connect(self.verify_chosen)
        self.setEnabled(False)

    def follow(self) -> None:
        """Call after the table's model or selection changes."""
        self.setEnabled(self.chosen() is not None)

    def chosen(self) -> tuple[uuid.UUID, str] | None:
        """The chosen row's team member, when it is a peer nobody has verified yet."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        model = self.table.model()
        row = model.row_at(rows[0].row()) if rows and hasattr(model, "row_at") else None
        if row is None or getattr(row, "known", True):
            return None
        kind, _, rest = str(row.id).partition(":")
        if kind != "member":
            return None
        return uuid.UUID(rest.partition("/")[0]), str(row.peer)

    def verify_chosen(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            return
        member, name = chosen
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("VerifyPeerButton", "Verify who this peer is"),
            QCoreApplication.translate(
                "VerifyPeerButton",
                "Have you checked who {name} is (they have no account)? Their paid time will "
                "then be counted for payment.",
            ).format(name=name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            verify_peer(self.ctx, member, None)
        except CaseplanError as error:
            self.verified.emit(error_text(error))
            return
        self.verified.emit(
            QCoreApplication.translate(
                "VerifyPeerButton", "{name} is verified; their paid time is counted."
            ).format(name=name)
        )
