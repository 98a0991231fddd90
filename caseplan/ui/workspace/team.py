"""The person's team: who takes part, how to reach them, consent to share, the coordinator."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from caseplan.models import ConsentScope, ParticipantRole
from caseplan.services import plans, team
from caseplan.services.plan_view import PlanView
from caseplan.services.team import ParticipantDetails
from caseplan.ui.widgets.dates import OptionalDateEdit
from caseplan.ui.workspace.labels import role_label, scope_label
from caseplan.ui.workspace.section import Host, Section
from caseplan.ui.workspace.team_model import TeamModel


class ParticipantDialog(QDialog):
    def __init__(self, existing: ParticipantDetails | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Team member") if existing else self.tr("Add to the team"))
        self.role = QComboBox(self)
        for role in ParticipantRole:
            self.role.addItem(role_label(role), role)
        self.name = QLineEdit(self)
        self.organisation = QLineEdit(self)
        self.phone = QLineEdit(self)
        self.email = QLineEdit(self)
        self.scope = QComboBox(self)
        for scope in ConsentScope:
            self.scope.addItem(scope_label(scope), scope)
        self.granted = OptionalDateEdit(self.tr("Consent given on"), self)
        self.expires = OptionalDateEdit(self.tr("Consent expires on"), self)
        form = QFormLayout(self)
        for label, widget, name in (
            (self.tr("&Role:"), self.role, self.tr("Role")),
            (self.tr("&Name:"), self.name, self.tr("Name")),
            (self.tr("&Organisation:"), self.organisation, self.tr("Organisation")),
            (self.tr("&Phone:"), self.phone, self.tr("Phone")),
            (self.tr("&Email:"), self.email, self.tr("Email")),
            (self.tr("&Consent to share:"), self.scope, self.tr("Consent to share")),
            (self.tr("Consent &given on:"), self.granted, None),
            (self.tr("Consent e&xpires on:"), self.expires, None),
        ):
            if name:
                widget.setAccessibleName(name)
            form.addRow(label, widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        if existing is not None:
            self.role.setCurrentIndex(self.role.findData(existing.role))
            self.name.setText(existing.name)
            self.organisation.setText(existing.organisation)
            self.phone.setText(existing.phone)
            self.email.setText(existing.email)
            self.scope.setCurrentIndex(self.scope.findData(existing.consent_scope))
            self.granted.set_value(existing.consent_granted_on)
            self.expires.set_value(existing.consent_expires_on)
        self.name.setFocus()

    def values(self) -> dict[str, Any]:
        return {
            "role": ParticipantRole(self.role.currentData()),
            "name": self.name.text(),
            "organisation": self.organisation.text(),
            "phone": self.phone.text(),
            "email": self.email.text(),
            "consent_scope": ConsentScope(self.scope.currentData()),
            "consent_granted_on": self.granted.value(),
            "consent_expires_on": self.expires.value(),
        }


class TeamSection(Section):
    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.view: PlanView | None = None
        self.model = TeamModel(self)
        self.dialog: ParticipantDialog | None = None
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Team"))
        self.table.setAccessibleDescription(self.tr("Press Enter to change the selected member."))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton(self.tr("&Add team member"), self)
        self.edit_button = QPushButton(self.tr("C&hange"), self)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.coordinator_button = QPushButton(self.tr("Make &coordinator"), self)
        for button in (
            self.add_button,
            self.edit_button,
            self.remove_button,
            self.coordinator_button,
        ):
            button.setAccessibleName(button.text().replace("&", ""))
        self.add_button.clicked.connect(self.start_add)
        self.edit_button.clicked.connect(self.start_edit)
        self.remove_button.clicked.connect(self.remove_current)
        self.coordinator_button.clicked.connect(self.make_coordinator)
        self.table.activated.connect(lambda _index: self.start_edit())
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(self.remove_current)
        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.edit_button,
            self.remove_button,
            self.coordinator_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.table)

    def show_view(self, view: PlanView | None) -> None:
        self.view = view
        self.model.set_team(
            () if view is None else view.participants,
            None if view is None else view.plan.coordinator_id,
        )
        self.setEnabled(view is not None)

    def current(self) -> ParticipantDetails | None:
        return self.model.row_at(self.table.currentIndex().row())

    def start_add(self) -> None:
        self._open(None)

    def start_edit(self) -> None:
        current = self.current()
        if current is not None:
            self._open(current)

    def _open(self, existing: ParticipantDetails | None) -> None:
        if self.view is None:
            return
        dialog = ParticipantDialog(existing, self)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._save(existing, dialog.values()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _save(self, existing: ParticipantDetails | None, values: dict[str, Any]) -> None:
        assert self.view is not None
        ctx, plan_id = self.host.ctx, self.view.plan.id
        if existing is None:
            made: list[uuid.UUID] = []

            def add() -> None:
                made.append(team.add_participant(ctx, plan_id, **values).id)

            self.host.perform(
                self.tr("Add a team member"),
                add,
                lambda: team.remove_participant(ctx, made[-1], None),
            )
            return
        old = {name: getattr(existing, name) for name in values}
        self.host.perform(
            self.tr("Change a team member"),
            lambda: team.update_participant(ctx, existing.id, existing.version, **values),
            lambda: team.update_participant(ctx, existing.id, None, **old),
        )

    def remove_current(self) -> None:
        current = self.current()
        if current is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove from the team"),
            self.tr("Remove {name} from the team?").format(name=current.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        ctx, aliases = self.host.ctx, self.host.aliases
        values = {name: getattr(current, name) for name in team.EDITABLE}
        back: list[uuid.UUID] = []

        def remove() -> None:
            team.remove_participant(
                ctx, aliases.resolve(current.id), None if back else current.version
            )

        def add_back() -> None:
            added = team.add_participant(ctx, current.plan_id, **values)
            aliases.renamed(back[-1] if back else current.id, added.id)
            back.append(added.id)

        self.host.perform(self.tr("Remove a team member"), remove, add_back)

    def make_coordinator(self) -> None:
        current = self.current()
        if current is None or self.view is None:
            return
        plan, ctx = self.view.plan, self.host.ctx
        old = plan.coordinator_id
        self.host.perform(
            self.tr("Choose the coordinator"),
            lambda: plans.set_coordinator(ctx, plan.id, plan.version, current.id),
            lambda: plans.set_coordinator(ctx, plan.id, None, old),
        )
