"""The team as a table and as a list to pick from (a step's responsible, a contribution's peer)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from caseplan.models import ParticipantRole, PeerEngagement
from caseplan.services.team.linking import LinkableAccount
from caseplan.services.team.team import ParticipantDetails
from caseplan.ui.widgets.dates import date_text
from caseplan.ui.widgets.record_model import ID_ROLE, Column, RecordTableModel
from caseplan.ui.workspace.consent_renewal import consent_mark
from caseplan.ui.workspace.labels import role_label, scope_label
from caseplan.ui.workspace.peer_model import engagement_label

AnyIndex = QModelIndex | QPersistentModelIndex
#: The column that says which account signs in as a member.
SIGNS_IN_AS = 5


class TeamModel(RecordTableModel[ParticipantDetails]):
    """Role, name, organisation, phone, consent; the coordinator is marked."""

    def __init__(self, parent: Any = None, today: Callable[[], date] = date.today) -> None:
        super().__init__((), parent)
        self.coordinator_id: uuid.UUID | None = None
        self.today = today
        #: the clinic's accounts, to show who signs in as a member (empty for a peer worker)
        self.accounts: dict[uuid.UUID, LinkableAccount] = {}

        def role(p: ParticipantDetails) -> str:
            text = role_label(p.role)
            if p.role == ParticipantRole.PEER and p.peer_engagement != PeerEngagement.NONE:
                text += " · " + engagement_label(p.peer_engagement)
            if p.id == self.coordinator_id:
                text += " · " + QCoreApplication.translate("TeamModel", "coordinator")
            return text

        def consent(p: ParticipantDetails) -> str:
            text = scope_label(p.consent_scope)
            if p.consent_expires_on is not None:
                text += " · " + QCoreApplication.translate("TeamModel", "until {date}").format(
                    date=date_text(p.consent_expires_on)
                )
            mark = consent_mark(p, self.today())
            return f"{text} · {mark}" if mark else text

        def account(p: ParticipantDetails) -> str:
            linked = self.accounts.get(p.account_id) if p.account_id else None
            return "" if linked is None else f"{linked.username} ({linked.display_name})"

        self.set_columns(
            [
                Column(
                    QCoreApplication.translate("TeamModel", "Role"),
                    role,
                    bold=lambda p: p.id == self.coordinator_id,
                ),
                Column(QCoreApplication.translate("TeamModel", "Name"), lambda p: p.name),
                Column(
                    QCoreApplication.translate("TeamModel", "Organisation"),
                    lambda p: p.organisation,
                ),
                Column(QCoreApplication.translate("TeamModel", "Phone"), lambda p: p.phone),
                Column(
                    QCoreApplication.translate("TeamModel", "Consent to share"),
                    consent,
                    bold=lambda p: bool(consent_mark(p, self.today())),
                ),
                Column(QCoreApplication.translate("TeamModel", "Signs in as"), account),
            ]
        )

    def set_team(
        self, participants: Sequence[ParticipantDetails], coordinator_id: uuid.UUID | None
    ) -> None:
        self.coordinator_id = coordinator_id
        self.set_rows(participants)


class ParticipantListModel(QAbstractListModel):
    """Team members to pick from; row 0 may be "nobody yet"."""

    def __init__(self, parent: Any = None, *, with_nobody: bool = True) -> None:
        super().__init__(parent)
        self.with_nobody = with_nobody
        self._rows: list[ParticipantDetails] = []

    def set_participants(self, participants: Sequence[ParticipantDetails]) -> None:
        self.beginResetModel()
        self._rows = list(participants)
        self.endResetModel()

    def row_of(self, participant_id: uuid.UUID | None) -> int:
        offset = 1 if self.with_nobody else 0
        if participant_id is None:
            return 0 if self.with_nobody else -1
        for row, participant in enumerate(self._rows):
            if participant.id == participant_id:
                return row + offset
        return -1

    def id_at(self, row: int) -> uuid.UUID | None:
        value = self.data(self.index(row, 0), ID_ROLE)
        return value if isinstance(value, uuid.UUID) else None

    def details_of(self, participant_id: uuid.UUID | None) -> ParticipantDetails | None:
        return next((p for p in self._rows if p.id == participant_id), None)

    def name_of(self, participant_id: uuid.UUID | None) -> str:
        for participant in self._rows:
            if participant.id == participant_id:
                return participant.name
        return ""

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows) + (1 if self.with_nobody else 0)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = index.row() - (1 if self.with_nobody else 0)
        if row < 0:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return QCoreApplication.translate("TeamModel", "Nobody yet")
            return None
        participant = self._rows[row]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{participant.name} ({role_label(participant.role)})"
        if role == ID_ROLE:
            return participant.id
        return None
