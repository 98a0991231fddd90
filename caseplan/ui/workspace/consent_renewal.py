"""Consent that ends: said in the team section two weeks before, and renewed with the person.

The notice names each team member whose consent to sharing ends within 14 days ("consent
ends in 14 days") or has ended (they see nothing until it is renewed); "Renew consent…"
asks, with the person, what the team member may see and until when, and stores it as given
today (:mod:`caseplan.services.security.consent_rules`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from caseplan.models import ConsentScope
from caseplan.services.security.consent_rules import ConsentState, consent_state, days_left
from caseplan.services.team.team import ParticipantDetails
from caseplan.ui.widgets.dates import Direction, RequiredDateEdit, date_text, dates_ok
from caseplan.ui.workspace.labels import scope_label

#: A renewed consent runs half a year unless the person says otherwise.
RENEWED_FOR = timedelta(days=183)
SCOPES = (ConsentScope.FULL_PLAN, ConsentScope.OWN_PART, ConsentScope.CRISIS_PLAN)


def consent_notice(participants: Sequence[ParticipantDetails], today: date) -> str:
    """One line per team member whose consent ends soon or has ended; "" when none."""
    return "\n".join(line for member in participants if (line := consent_line(member, today)))


def consent_line(member: ParticipantDetails, today: date) -> str:
    """ "NAV: consent ends in 14 days (…). Renew it with the person." or "" when it holds."""
    state = consent_state(member, today)
    if state is ConsentState.ENDING:
        return QCoreApplication.translate(
            "ConsentNotice",
            "{name}: consent ends in {days} days ({date}). Renew it with the person.",
        ).format(
            name=member.name,
            days=days_left(member, today),
            date=date_text(member.consent_expires_on),
        )
    if state is ConsentState.ENDED:
        return QCoreApplication.translate(
            "ConsentNotice",
            "{name}: consent ended on {date}; they see nothing of the plan until it is renewed.",
        ).format(name=member.name, date=date_text(member.consent_expires_on))
    return ""


def consent_mark(member: ParticipantDetails, today: date) -> str:
    """What the team table adds to a consent that ends soon or has ended."""
    state = consent_state(member, today)
    if state is ConsentState.ENDING:
        return QCoreApplication.translate("ConsentNotice", "ends in {days} days").format(
            days=days_left(member, today)
        )
    if state is ConsentState.ENDED:
        return QCoreApplication.translate("ConsentNotice", "ENDED: no access")
    return ""


class RenewConsentDialog(QDialog):
    """With the person: what this team member may see, and until when (given today)."""

    def __init__(
        self, member: ParticipantDetails, person: str, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.today = today
        self.setWindowTitle(self.tr("Renew consent"))
        intro = QLabel(
            self.tr(
                "Ask {person}: may {name} see the plan, and how much of it? The consent is "
                "given today."
            ).format(person=person, name=member.name),
            self,
        )
        intro.setWordWrap(True)
        self.scope = QComboBox(self)
        self.scope.setAccessibleName(self.tr("What they may see"))
        for scope in SCOPES:
            self.scope.addItem(scope_label(scope), scope)
        current = self.scope.findData(member.consent_scope)
        self.scope.setCurrentIndex(max(current, 0))
        self.until = RequiredDateEdit(
            self.tr("Consent until"), self, way=Direction.FUTURE, today=lambda: today
        )
        self.until.set_value(today + RENEWED_FOR)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Renew"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(self.tr("&What they may see:"), self.scope)
        form.addRow(self.tr("&Until:"), self.until)
        form.addRow(buttons)
        self.scope.setFocus()

    def accept(self) -> None:
        if dates_ok(self):
            super().accept()

    def values(self) -> dict[str, Any]:
        return {
            "consent_scope": ConsentScope(self.scope.currentData()),
            "consent_granted_on": self.today,
            "consent_expires_on": self.until.value(),
        }
