"""A team member's Caseplan account: "No account", or one of the clinic's accounts that fits
the member's role (a peer worker's for a peer; a practitioner's or team lead's for a
practitioner or the coordinator). Linking is what lets that account open the plan, as far as
the person's consent to that member goes."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from caseplan.models import ParticipantRole, Role
from caseplan.services.team.linking import LinkableAccount, linkable_accounts, may_link


def account_role_label(role: Role) -> str:
    return {
        Role.PRACTITIONER: QCoreApplication.translate("labels", "practitioner"),
        Role.TEAM_LEAD: QCoreApplication.translate("labels", "team lead"),
        Role.PEER_WORKER: QCoreApplication.translate("labels", "peer worker"),
        Role.ADMIN: QCoreApplication.translate("labels", "administrator"),
    }[role]


def account_text(account: LinkableAccount) -> str:
    """ "Sindre Berg (sberg, peer worker)": the account holder's name, user name and role."""
    text = QCoreApplication.translate("labels", "{name} ({username}, {role})").format(
        name=account.display_name, username=account.username, role=account_role_label(account.role)
    )
    if not account.active:
        text += " · " + QCoreApplication.translate("labels", "switched off")
    return text


class AccountChoice(QComboBox):
    """The accounts a member in the chosen role can be linked to, after "No account".

    The member's current account stays in the list even when it no longer fits or is
    switched off, so that saving other changes never unlinks anyone by itself.
    """

    def __init__(self, accounts: Sequence[LinkableAccount], parent: QWidget | None = None):
        super().__init__(parent)
        self.accounts = list(accounts)
        #: the account linked when the dialog opened, and the member's role then
        self.kept: uuid.UUID | None = None
        self.kept_role: ParticipantRole | None = None
        self.setAccessibleName(QCoreApplication.translate("labels", "Their Caseplan account"))

    def set_role(self, role: ParticipantRole) -> None:
        """Fill the list for ``role``; the chosen account stays chosen if it is still there."""
        chosen = self.value()
        self.clear()
        self.addItem(QCoreApplication.translate("labels", "No account"), None)
        fitting = linkable_accounts(self.accounts, role)
        kept = next((a for a in self.accounts if a.id == self.kept), None)
        if kept is not None and kept not in fitting and (may_link(role) or role == self.kept_role):
            fitting.append(kept)
        for account in fitting:
            self.addItem(account_text(account), account.id)
        self.set_value(chosen)
        self.setEnabled(self.count() > 1)  # greyed when there is nothing to choose

    def set_value(self, account_id: uuid.UUID | None) -> None:
        # by equality: findData would compare the ids as Python objects, by identity
        rows = [i for i in range(self.count()) if self.itemData(i) == account_id]
        self.setCurrentIndex(rows[0] if rows and account_id is not None else 0)

    def chosen(self) -> LinkableAccount | None:
        return next((a for a in self.accounts if a.id == self.value()), None)

    def value(self) -> uuid.UUID | None:
        data = self.currentData()
        return data if isinstance(data, uuid.UUID) else None
