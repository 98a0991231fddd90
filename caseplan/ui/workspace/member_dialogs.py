"""The team's two dialogs: a team member (who they are and what the person lets them see) and
the person's consent to peer involvement."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from caseplan.models import ConsentScope, ParticipantRole, PeerEngagement
from caseplan.services.plans import plans
from caseplan.services.team.linking import LinkableAccount
from caseplan.services.team.team import ParticipantDetails
from caseplan.ui.widgets.dates import Direction, OptionalDateEdit, dates_ok
from caseplan.ui.widgets.keep_words import WordsDialog
from caseplan.ui.workspace.account_choice import AccountChoice
from caseplan.ui.workspace.labels import role_label, scope_label
from caseplan.ui.workspace.peer_model import engagement_label


class PeerConsentDialog(QDialog):
    """The person's consent to peer involvement: when it was given and until when."""

    def __init__(self, plan: plans.PlanDetails, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Consent to peer involvement"))
        self.granted = OptionalDateEdit(
            self.tr("Consent to peer involvement given on"), self, way=Direction.PAST
        )
        self.expires = OptionalDateEdit(self.tr("Consent to peer involvement expires on"), self)
        self.granted.set_value(plan.peer_consent_granted_on)
        self.expires.set_value(plan.peer_consent_expires_on)
        note = QLabel(
            self.tr(
                "Without the person's consent, no peer can join the team and no peer worker "
                "can open the plan."
            ),
            self,
        )
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(note)
        form.addRow(self.tr("&Given on:"), self.granted)
        form.addRow(self.tr("E&xpires on:"), self.expires)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        if dates_ok(self):  # a date that is no date keeps the dialog open, with why
            super().accept()

    def values(self) -> dict[str, Any]:
        return {
            "peer_consent_granted_on": self.granted.value(),
            "peer_consent_expires_on": self.expires.value(),
        }


class ParticipantDialog(WordsDialog):
    """A team member: who they are, and how much of the plan the person lets them see.

    A new member sees nothing until the person says otherwise (the person's consent is asked,
    never assumed); choosing what they may see puts ``today`` as the day consent was given,
    and a consent without its day is refused with a sentence.
    """

    def __init__(
        self,
        existing: ParticipantDetails | None,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
        accounts: Sequence[LinkableAccount] = (),
    ):
        super().__init__(parent)
        self.today = today or date.today()
        self.setWindowTitle(self.tr("Team member") if existing else self.tr("Add to the team"))
        self.role = QComboBox(self)
        for role in ParticipantRole:
            self.role.addItem(role_label(role), role)
        self.name = QLineEdit(self)
        # Who signs in as this member (accounts: the clinic's, from the team section).
        self.account = AccountChoice(accounts, self)
        self.organisation = QLineEdit(self)
        self.phone = QLineEdit(self)
        self.email = QLineEdit(self)
        self.scope = QComboBox(self)
        for scope in (ConsentScope.NONE, *(s for s in ConsentScope if s != ConsentScope.NONE)):
            self.scope.addItem(scope_label(scope), scope)
        self.granted = OptionalDateEdit(self.tr("Consent given on"), self, way=Direction.PAST)
        self.expires = OptionalDateEdit(self.tr("Consent expires on"), self)
        self.offers = QPlainTextEdit(self)
        self.offers.setTabChangesFocus(True)
        self.offers.setFixedHeight(self.fontMetrics().lineSpacing() * 4)
        self.offers.setPlaceholderText(self.tr("For example: has been through LAR; housing"))
        self.availability = QLineEdit(self)
        self.availability.setPlaceholderText(self.tr("For example: weekdays 9–15"))
        self.engagement = QComboBox(self)
        for engagement in PeerEngagement:
            self.engagement.addItem(engagement_label(engagement), engagement)
        form = QFormLayout(self)
        for label, widget, name in (
            (self.tr("&Role:"), self.role, self.tr("Role")),
            (self.tr("&Name:"), self.name, self.tr("Name")),
            (self.tr("Their Caseplan &account:"), self.account, None),
            (self.tr("&Organisation:"), self.organisation, self.tr("Organisation")),
            (self.tr("&Phone:"), self.phone, self.tr("Phone")),
            (self.tr("&Email:"), self.email, self.tr("Email")),
            (self.tr("&Consent to share:"), self.scope, self.tr("Consent to share")),
            (self.tr("Consent &given on:"), self.granted, None),
            (self.tr("Consent e&xpires on:"), self.expires, None),
            (self.tr("What they o&ffer:"), self.offers, self.tr("What they offer")),
            (self.tr("A&vailability:"), self.availability, self.tr("Availability")),
            (self.tr("Paid or vol&unteer:"), self.engagement, self.tr("Paid or volunteer")),
        ):
            if name:
                widget.setAccessibleName(name)
            form.addRow(label, widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.cancel)
        form.addRow(buttons)
        if existing is not None:
            self.role.setCurrentIndex(self.role.findData(existing.role))
            self.name.setText(existing.name)
            self.account.kept, self.account.kept_role = existing.account_id, existing.role
            self.organisation.setText(existing.organisation)
            self.phone.setText(existing.phone)
            self.email.setText(existing.email)
            self.scope.setCurrentIndex(self.scope.findData(existing.consent_scope))
            self.granted.set_value(existing.consent_granted_on)
            self.expires.set_value(existing.consent_expires_on)
            self.offers.setPlainText(existing.offers)
            self.availability.setText(existing.availability)
            self.engagement.setCurrentIndex(self.engagement.findData(existing.peer_engagement))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        form.insertRow(form.rowCount() - 1, self.message)
        self.role.currentIndexChanged.connect(self._role_changed)
        self.scope.currentIndexChanged.connect(self._scope_changed)
        self._role_changed()
        self.account.set_value(existing.account_id if existing is not None else None)
        self.account.activated.connect(self._account_chosen)
        self.name.setFocus()

    def _account_chosen(self) -> None:
        """A new member's name starts as the account holder's (it may be changed)."""
        chosen = self.account.chosen()
        if chosen is not None and not self.name.text().strip():
            self.name.setText(chosen.display_name)

    def _scope_changed(self) -> None:
        """Consent is given now, at the meeting, unless another day is typed."""
        if self.scope.currentData() != ConsentScope.NONE and self.granted.value() is None:
            self.granted.set_value(self.today)

    def accept(self) -> None:
        if not dates_ok(self):  # a date that is no date keeps the dialog open, with why
            return
        if self.scope.currentData() != ConsentScope.NONE and self.granted.value() is None:
            self.message.setText(
                self.tr(
                    "Please give the day the person agreed to share their plan with this "
                    "team member, or choose that they see nothing."
                )
            )
            self.granted.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().accept()

    def is_peer(self) -> bool:
        return bool(self.role.currentData() == ParticipantRole.PEER)

    def _role_changed(self) -> None:
        """The peer profile is only for peers; the accounts to choose from follow the role."""
        for widget in (self.offers, self.availability, self.engagement):
            widget.setEnabled(self.is_peer())
        self.account.set_role(ParticipantRole(self.role.currentData()))

    def values(self) -> dict[str, Any]:
        return {
            "role": ParticipantRole(self.role.currentData()),
            "name": self.name.text(),
            "account_id": self.account.value(),
            "organisation": self.organisation.text(),
            "phone": self.phone.text(),
            "email": self.email.text(),
            "consent_scope": ConsentScope(self.scope.currentData()),
            "consent_granted_on": self.granted.value(),
            "consent_expires_on": self.expires.value(),
            "offers": self.offers.toPlainText() if self.is_peer() else "",
            "availability": self.availability.text() if self.is_peer() else "",
            "peer_engagement": PeerEngagement(self.engagement.currentData())
            if self.is_peer()
            else PeerEngagement.NONE,
        }
