"""The person's team: who takes part, how to reach them, consent to share, the coordinator.

Peers also have what they offer, availability, and paid or volunteer; the person's consent to
peer involvement (on the plan) is shown above the team and changed with its own dialog.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from caseplan.errors import CaseplanError, InvalidInput
from caseplan.models import ConsentScope, ParticipantRole
from caseplan.services.plans import plans
from caseplan.services.plans.plan_view import PlanView
from caseplan.services.printing.printing import NOT_A_COPY_FOR_THE_PERSON
from caseplan.services.security.consent_rules import ConsentState, consent_state, effective_scope
from caseplan.services.team.linking import clinic_accounts
from caseplan.services.team.team import ParticipantDetails
from caseplan.ui.controllers.records import Kind, Ref
from caseplan.ui.i18n import error_text
from caseplan.ui.widgets.dates import date_text
from caseplan.ui.widgets.plain_text import shown_as_typed
from caseplan.ui.workspace.consent_renewal import RenewConsentDialog, consent_notice
from caseplan.ui.workspace.member_dialogs import ParticipantDialog, PeerConsentDialog
from caseplan.ui.workspace.section import Host, Section
from caseplan.ui.workspace.team_model import SIGNS_IN_AS, TeamModel


class TeamSection(Section):
    SHOWS = frozenset({Kind.PARTICIPANT, Kind.PLAN})

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.view: PlanView | None = None
        self.model = TeamModel(self, today=host.ctx.today)
        self.renew_dialog: RenewConsentDialog | None = None
        self.consent_notice = QLabel(self)
        self.consent_notice.setAccessibleDescription(self.tr("Consents that end"))
        self.consent_notice.setWordWrap(True)
        self.consent_notice.setStyleSheet("font-weight: bold")
        self.dialog: ParticipantDialog | None = None
        self.consent_dialog: PeerConsentDialog | None = None
        self.peer_consent = QLabel(self)
        self.peer_consent.setAccessibleDescription(self.tr("Consent to peer involvement"))
        self.peer_consent.setWordWrap(True)
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
        self.edit_button = QPushButton(self.tr("Chan&ge…"), self)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.coordinator_button = QPushButton(self.tr("Make &coordinator"), self)
        for button in (
            self.add_button,
            self.edit_button,
            self.remove_button,
            self.coordinator_button,
        ):
            button.setAccessibleName(button.text().replace("&", ""))
        # Made after the team buttons, so Tab comes to it after them (it was never reached).
        self.peer_consent_button = QPushButton(self.tr("Peer co&nsent…"), self)
        self.peer_consent_button.setAccessibleDescription(self.tr("Consent to peer involvement"))
        self.peer_consent_button.clicked.connect(self.start_peer_consent)
        self.renew_button = QPushButton(self.tr("Rene&w consent…"), self)
        self.renew_button.setAccessibleName(self.tr("Renew consent"))
        self.renew_button.setAccessibleDescription(
            self.tr("Renew the selected member's consent to share, with the person")
        )
        self.renew_button.clicked.connect(self.start_renew)
        # A copy for the selected team member: only what their consent covers (printed or
        # saved as PDF from the preview, audited as a print).
        self.copy_button = QPushButton(self.tr("Print their cop&y…"), self)
        self.copy_button.setAccessibleName(self.tr("Print their copy"))
        self.copy_button.setAccessibleDescription(
            self.tr(
                "Print or save a copy of the plan for the selected team member, with only "
                "what their consent covers"
            )
        )
        self.copy_button.clicked.connect(self.start_copy)
        self.copy_dialog: QDialog | None = None
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
        # (Renew consent… sits with the buttons: beside a notice that is hidden when no
        # consent ends soon, it was stretched over the whole width.)
        buttons.addWidget(self.renew_button)
        buttons.addWidget(self.copy_button)
        consent = QHBoxLayout()
        consent.addWidget(self.peer_consent, 1)
        consent.addWidget(self.peer_consent_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addLayout(consent)
        layout.addWidget(self.consent_notice)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.table)

    def make_read_only(self, reason: str) -> None:
        super().make_read_only(reason)
        self.table.activated.disconnect()  # Enter on a member no longer opens "Change…"

    def show_view(self, view: PlanView | None) -> None:
        self.view = view
        accounts = clinic_accounts(self.host.ctx, quiet=True) if view is not None else []
        self.model.accounts = {account.id: account for account in accounts}
        self.table.setColumnHidden(SIGNS_IN_AS, not accounts)  # nothing to show a peer worker
        self.model.set_team(
            () if view is None else view.participants,
            None if view is None else view.plan.coordinator_id,
        )
        self.setEnabled(view is not None)
        self.peer_consent.setText(self._peer_consent_text(view))
        notice = "" if view is None else consent_notice(view.participants, self.host.ctx.today())
        self.consent_notice.setText(notice)
        self.consent_notice.setVisible(bool(notice))

    def _peer_consent_text(self, view: PlanView | None) -> str:
        if view is None:
            return ""
        plan = view.plan
        granted, expires = plan.peer_consent_granted_on, plan.peer_consent_expires_on
        if granted is None:
            return self.tr("Consent to peer involvement: not given. No peer can join the team.")
        if not plan.peer_consent_valid(self.host.ctx.today()):
            return self.tr(
                "Consent to peer involvement: given {date}, not valid today ({end})."
            ).format(date=date_text(granted), end=date_text(expires))
        if expires is None:
            return self.tr("Consent to peer involvement: given {date}, no end date.").format(
                date=date_text(granted)
            )
        return self.tr("Consent to peer involvement: given {date}, until {end}.").format(
            date=date_text(granted), end=date_text(expires)
        )

    def start_peer_consent(self) -> None:
        if self.view is None:
            return
        plan = self.view.plan
        dialog = PeerConsentDialog(plan, self)
        self.consent_dialog = dialog
        dialog.accepted.connect(lambda: self._save_peer_consent(plan, dialog.values()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _save_peer_consent(self, plan: plans.PlanDetails, values: dict[str, Any]) -> None:
        self.editor.change(
            self.tr("Change consent to peer involvement"),
            Ref(Kind.PLAN, plan.id),
            self.tr("Consent to peer involvement"),
            {name: getattr(plan, name) for name in values},
            values,
            plan.version,
        )

    def start_renew(self) -> None:
        """Renew the selected member's consent; without a selection, the first one ending."""
        if self.view is None:
            return
        today = self.host.ctx.today()
        member = self.current()
        if member is None:
            ending = (ConsentState.ENDING, ConsentState.ENDED)
            member = next(
                (p for p in self.view.participants if consent_state(p, today) in ending), None
            )
        if member is None:
            return
        person = self.view.person.preferred_name or self.view.person.full_name
        dialog = RenewConsentDialog(member, person, today, self)
        self.renew_dialog = dialog
        chosen = member
        dialog.accepted.connect(lambda: self._save(chosen, dialog.values()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def start_copy(self) -> QDialog | None:
        """The selected member's copy, previewed as it prints (Print… and Save as PDF…);
        one sentence instead when their consent does not hold today."""
        from caseplan.reports.printing import plan_pdf
        from caseplan.ui.printing.preview import PlanPreviewDialog

        member = self.current()
        if member is None or self.view is None:
            self.host.report(self.tr("Choose the team member the copy is for."))
            return None
        if member.role == ParticipantRole.PERSON:
            self.host.report(error_text(InvalidInput(NOT_A_COPY_FOR_THE_PERSON, name=member.name)))
            return None
        if effective_scope(member, self.host.ctx.today()) == ConsentScope.NONE:
            # asked of the service, so the refusal is said in its words and kept in the trail
            try:
                plan_pdf(
                    self.host.ctx, self.host.person_id, audited=False, for_participant=member.id
                )
            except CaseplanError as error:
                self.host.report(error_text(error))
            return None
        self.host.report("")
        dialog = PlanPreviewDialog(
            self.host.ctx, self.host.person_id, self, for_participant=(member.id, member.name)
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.copy_dialog = dialog
        dialog.open()
        return dialog

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
        dialog = ParticipantDialog(
            existing, self, today=self.host.ctx.today(), accounts=list(self.model.accounts.values())
        )
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._save(existing, dialog.values()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _save(self, existing: ParticipantDetails | None, values: dict[str, Any]) -> None:
        if existing is None:
            self.editor.add_participant(values)
            return
        old = {name: getattr(existing, name) for name in values}
        self.editor.change(
            self.tr("Change a team member"),
            Ref(Kind.PARTICIPANT, existing.id, existing.plan_id),
            existing.name,
            {name: value for name, value in old.items() if value != values[name]},
            {name: value for name, value in values.items() if value != old[name]},
            existing.version,
        )

    def remove_current(self) -> None:
        current = self.current()
        if current is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove from the team"),
            shown_as_typed(self.tr("Remove {name} from the team?").format(name=current.name)),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.editor.remove_participant(current)

    def make_coordinator(self) -> None:
        current = self.current()
        if current is None or self.view is None:
            return
        plan = self.view.plan
        self.editor.change(
            self.tr("Choose the coordinator"),
            Ref(Kind.PLAN, plan.id),
            self.tr("The coordinator"),
            {"coordinator_id": plan.coordinator_id},
            {"coordinator_id": current.id},
            plan.version,
        )
