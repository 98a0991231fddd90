"""Peer support: who the peers are, what we do together, and the log of what each peer did.

The log's note is in the peer's own words and is shared with the person; paid minutes are
what the service pays for. Meetings where a peer was present are listed too.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from caseplan.models import ContributionKind, ParticipantRole, Role
from caseplan.services.peers.contributions import PAID_IS_HELD, ContributionDetails, paid_is_held
from caseplan.services.plans.plan_view import PlanView
from caseplan.services.security.access import Action
from caseplan.ui.controllers.records import Kind
from caseplan.ui.widgets.dates import Direction, RequiredDateEdit, date_text, dates_ok
from caseplan.ui.widgets.keep_words import WordsDialog
from caseplan.ui.widgets.record_model import Column, RecordTableModel
from caseplan.ui.workspace.labels import kind_label
from caseplan.ui.workspace.peer_model import PeerModel, TogetherModel, together_rows
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
                Column(
                    QCoreApplication.translate("ContributionModel", "Note (the peer's words)"),
                    lambda c: c.note,
                ),
                Column(
                    QCoreApplication.translate("ContributionModel", "Paid minutes"),
                    lambda c: paid_text(c, peers),
                ),
            ],
            parent,
        )


def paid_text(contribution: ContributionDetails, peers: ParticipantListModel) -> str:
    """The paid minutes; "held" when the peer is not known yet (not paid until verified)."""
    peer = peers.details_of(contribution.peer_id)
    if contribution.paid_minutes and peer is not None and paid_is_held(peer):
        return QCoreApplication.translate("ContributionModel", "{minutes} (held)").format(
            minutes=contribution.paid_minutes
        )
    return str(contribution.paid_minutes)


class ContributionDialog(WordsDialog):
    def __init__(self, peers: ParticipantListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record peer support"))
        self.peers = peers
        self.peer = QComboBox(self)
        self.peer.setModel(peers)
        self.day = RequiredDateEdit(self.tr("Date"), self, way=Direction.PAST)
        self.day.set_value(date.today())
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
            (self.tr("Paid m&inutes:"), self.paid, self.tr("Paid minutes")),
        ):
            widget.setAccessibleName(name)
            form.addRow(label, widget)
        # Paid minutes for a peer the clinic does not know yet are recorded as held: said here,
        # when they are entered, not only when the peer hours are counted.
        self.held = QLabel(self)
        self.held.setWordWrap(True)
        self.held.setTextFormat(Qt.TextFormat.PlainText)
        self.held.setAccessibleDescription(self.tr("Paid minutes held"))
        form.addRow(self.held)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.cancel)
        form.addRow(buttons)
        self.paid.valueChanged.connect(self._show_held)
        self.peer.currentIndexChanged.connect(self._show_held)
        self._show_held()

    def _show_held(self) -> None:
        peer = self.peers.details_of(self.peers.id_at(self.peer.currentIndex()))
        held = peer is not None and self.paid.value() > 0 and paid_is_held(peer)
        sentence = QCoreApplication.translate("errors", PAID_IS_HELD)
        self.held.setText(sentence.format(name=peer.name) if held and peer else "")
        self.held.setVisible(held)

    def accept(self) -> None:
        if dates_ok(self):  # a date that is no date keeps the dialog open, with why
            super().accept()


def _table(parent: QWidget, model: object, name: str) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)  # type: ignore[arg-type]
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.setWordWrap(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class PeerSection(Section):
    SHOWS = frozenset({Kind.PARTICIPANT, Kind.CONTRIBUTION, Kind.MEETING, Kind.PLAN})
    STILL_ALLOWED = (("add_button", Action.ADD_CONTRIBUTION),)

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.view: PlanView | None = None
        self.peers = ParticipantListModel(self, with_nobody=False)
        self.own_peers = ParticipantListModel(self, with_nobody=False)
        self.peer_model = PeerModel(self)
        self.together_model = TogetherModel(self)
        self.model = ContributionModel(self.peers, self)
        self.dialog: ContributionDialog | None = None
        self.peer_table = _table(self, self.peer_model, self.tr("My peers"))
        self.together_table = _table(
            self, self.together_model, self.tr("What my peer and I will do together")
        )
        self.table = _table(self, self.model, self.tr("Peer support"))
        self.consent = QLabel(self)
        self.consent.setAccessibleDescription(self.tr("Consent to peer involvement"))
        self.consent.setWordWrap(True)
        self.met = QLabel(self)
        self.met.setAccessibleDescription(self.tr("Meetings with a peer present"))
        self.met.setWordWrap(True)
        self.add_button = QPushButton(self.tr("&Record peer support"), self)
        self.add_button.setAccessibleName(self.tr("Record peer support"))
        self.add_button.clicked.connect(self.start_add)
        self.total = QLabel(self)
        self.total.setAccessibleDescription(self.tr("Peer support in total"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.total)

        def block(*widgets: QWidget | QHBoxLayout) -> QWidget:
            holder = QWidget(self)
            box = QVBoxLayout(holder)
            box.setContentsMargins(0, 0, 0, 0)
            for widget in widgets:
                if isinstance(widget, QHBoxLayout):
                    box.addLayout(widget)
                else:
                    box.addWidget(widget, 1 if isinstance(widget, QTableView) else 0)
            return holder

        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setChildrenCollapsible(False)
        split.addWidget(block(_heading(self.tr("My peers"), self), self.consent, self.peer_table))
        split.addWidget(
            block(
                _heading(self.tr("What my peer and I will do together"), self),
                self.together_table,
            )
        )
        split.addWidget(
            block(_heading(self.tr("What my peer did"), self), buttons, self.table, self.met)
        )
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 2)
        split.setStretchFactor(2, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split, 1)
        self.setFocusProxy(self.peer_table)

    def _is_peer_worker(self) -> bool:
        actor = self.host.ctx.actor
        return not actor.system and actor.role is Role.PEER_WORKER

    def show_view(self, view: PlanView | None) -> None:
        self.view = view
        peers = (
            [] if view is None else [p for p in view.participants if p.role == ParticipantRole.PEER]
        )
        # a peer worker records only their own support
        account = self.host.ctx.actor.account_id
        own = [p for p in peers if p.account_id == account] if self._is_peer_worker() else peers
        self.peers.set_participants(peers)
        self.own_peers.set_participants(own)
        self.peer_model.set_rows(peers)
        self.together_model.set_rows(together_rows(view, peers))
        contributions = () if view is None else view.contributions
        self.model.set_rows(contributions)
        minutes = sum(c.minutes for c in contributions)
        paid = sum(c.paid_minutes for c in contributions)
        held_peers = {p.id for p in peers if paid_is_held(p)}
        held = sum(c.paid_minutes for c in contributions if c.peer_id in held_peers)
        self.total.setText(
            self.tr("In total {minutes} minutes, {paid} of them paid").format(
                minutes=minutes, paid=paid
            )
            if not held
            else self.tr(
                "In total {minutes} minutes, {paid} of them paid ({held} held until a team lead "
                "verifies the peer)"
            ).format(minutes=minutes, paid=paid, held=held)
        )
        self.consent.setText(self._consent_text(view))
        peer_ids = {p.id for p in peers}
        met = [] if view is None else [m for m in view.meetings if peer_ids & set(m.attendee_ids)]
        self.met.setText(
            self.tr("Meetings with a peer present: {dates}").format(
                dates=", ".join(date_text(m.date) for m in met)
            )
            if met
            else self.tr("No meeting with a peer present yet.")
        )
        self.add_button.setEnabled(bool(own))
        self.add_button.setToolTip("" if own else self.tr("Add a peer to the team first."))

    def _consent_text(self, view: PlanView | None) -> str:
        if view is None:
            return ""
        plan = view.plan
        if not plan.peer_consent_valid(self.host.ctx.today()):
            return self.tr(
                "The person has not given valid consent to peer involvement; "
                "record it in the Team section."
            )
        if plan.peer_consent_expires_on is None:
            return self.tr("The person consented to peer involvement on {date}.").format(
                date=date_text(plan.peer_consent_granted_on)
            )
        return self.tr("The person consented to peer involvement on {date}, until {end}.").format(
            date=date_text(plan.peer_consent_granted_on),
            end=date_text(plan.peer_consent_expires_on),
        )

    def start_add(self) -> None:
        if self.view is None or self.own_peers.rowCount() == 0:
            return
        dialog = ContributionDialog(self.own_peers, self)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._add(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _add(self, dialog: ContributionDialog) -> None:
        assert self.view is not None
        peer_id = self.own_peers.id_at(dialog.peer.currentIndex())
        if peer_id is None:
            return
        values = dict(
            peer_id=peer_id,
            date=dialog.day.value(),
            minutes=dialog.minutes.value(),
            kind=ContributionKind(dialog.kind.currentData()),
            note=dialog.note.text(),
            paid_minutes=dialog.paid.value(),
        )
        self.editor.add_contribution(values)
