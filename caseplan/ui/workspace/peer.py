"""Peer support: what each peer did, for how long, and how much of it is paid work."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
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

from caseplan.models import ContributionKind, ParticipantRole
from caseplan.services import activity
from caseplan.services.activity import ContributionDetails
from caseplan.services.plan_view import PlanView
from caseplan.ui.widgets.dates import date_text
from caseplan.ui.widgets.record_model import Column, RecordTableModel
from caseplan.ui.workspace.labels import kind_label
from caseplan.ui.workspace.section import Host, Section
from caseplan.ui.workspace.team_model import ParticipantListModel


class ContributionModel(RecordTableModel[ContributionDetails]):
    def __init__(self, peers: ParticipantListModel, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                Column(
                    QCoreApplication.translate("ContributionModel", "Date"),
                    lambda c: date_text(c.date),
                ),
                Column(
                    QCoreApplication.translate("ContributionModel", "Peer"),
                    lambda c: peers.name_of(c.peer_id),
                ),
                Column(
                    QCoreApplication.translate("ContributionModel", "Minutes"),
                    lambda c: str(c.minutes),
                ),
                Column(
                    QCoreApplication.translate("ContributionModel", "Kind"),
                    lambda c: kind_label(c.kind),
                ),
                Column(QCoreApplication.translate("ContributionModel", "Note"), lambda c: c.note),
                Column(
                    QCoreApplication.translate("ContributionModel", "Paid minutes"),
                    lambda c: str(c.paid_minutes),
                ),
            ],
            parent,
        )


class ContributionDialog(QDialog):
    def __init__(self, peers: ParticipantListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record peer support"))
        self.peers = peers
        self.peer = QComboBox(self)
        self.peer.setModel(peers)
        self.day = QDateEdit(QDate.currentDate(), self)
        self.day.setCalendarPopup(True)
        self.minutes = QSpinBox(self)
        self.minutes.setRange(1, 24 * 60)
        self.minutes.setValue(60)
        self.kind = QComboBox(self)
        for kind in ContributionKind:
            self.kind.addItem(kind_label(kind), kind)
        self.note = QLineEdit(self)
        self.paid = QSpinBox(self)
        self.paid.setRange(0, 24 * 60)
        form = QFormLayout(self)
        for label, widget, name in (
            (self.tr("&Peer:"), self.peer, self.tr("Peer")),
            (self.tr("&Date:"), self.day, self.tr("Date")),
            (self.tr("&Minutes:"), self.minutes, self.tr("Minutes")),
            (self.tr("&Kind:"), self.kind, self.tr("Kind of support")),
            (self.tr("&Note:"), self.note, self.tr("Note")),
            (self.tr("Pai&d minutes:"), self.paid, self.tr("Paid minutes")),
        ):
            widget.setAccessibleName(name)
            form.addRow(label, widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class PeerSection(Section):
    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.view: PlanView | None = None
        self.peers = ParticipantListModel(self, with_nobody=False)
        self.model = ContributionModel(self.peers, self)
        self.dialog: ContributionDialog | None = None
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Peer support"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton(self.tr("&Record peer support"), self)
        self.add_button.setAccessibleName(self.tr("Record peer support"))
        self.add_button.clicked.connect(self.start_add)
        self.total = QLabel(self)
        self.total.setAccessibleName(self.tr("Peer support in total"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.total)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.table)

    def show_view(self, view: PlanView | None) -> None:
        self.view = view
        peers = (
            [] if view is None else [p for p in view.participants if p.role == ParticipantRole.PEER]
        )
        self.peers.set_participants(peers)
        contributions = () if view is None else view.contributions
        self.model.set_rows(contributions)
        minutes = sum(c.minutes for c in contributions)
        paid = sum(c.paid_minutes for c in contributions)
        self.total.setText(
            self.tr("In total {minutes} minutes, {paid} of them paid").format(
                minutes=minutes, paid=paid
            )
        )
        self.add_button.setEnabled(bool(peers))
        self.add_button.setToolTip("" if peers else self.tr("Add a peer to the team first."))

    def start_add(self) -> None:
        if self.view is None or self.peers.rowCount() == 0:
            return
        dialog = ContributionDialog(self.peers, self)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._add(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _add(self, dialog: ContributionDialog) -> None:
        assert self.view is not None
        peer_id = self.peers.id_at(dialog.peer.currentIndex())
        if peer_id is None:
            return
        qdate = dialog.day.date()
        values = dict(
            peer_id=peer_id,
            date=date(qdate.year(), qdate.month(), qdate.day()),
            minutes=dialog.minutes.value(),
            kind=ContributionKind(dialog.kind.currentData()),
            note=dialog.note.text(),
            paid_minutes=dialog.paid.value(),
        )
        ctx, plan_id = self.host.ctx, self.view.plan.id
        made = []

        def do() -> None:
            made.append(activity.add_contribution(ctx, plan_id, **values).id)  # type: ignore[arg-type]

        self.host.perform(
            self.tr("Record peer support"),
            do,
            lambda: activity.delete_contribution(ctx, made[-1], None),
        )
