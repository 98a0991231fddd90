"""The audit trail as a Qt table model: an adapter over ``audit.events_for`` entries."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from caseplan.services.security.trail import AuditEntry
from caseplan.ui.audit.words import AuditWords
from caseplan.ui.i18n import date_time_text

AnyIndex = QModelIndex | QPersistentModelIndex


class AuditTableModel(QAbstractTableModel):
    """Time, who (name and role then), action, which person, what, and the detail in words;
    newest first as the service hands them."""

    COLUMN_TIME, COLUMN_ACCOUNT, COLUMN_ACTION, COLUMN_PERSON, COLUMN_WHAT, COLUMN_DETAIL = range(6)
    COLUMN_COUNT = 6
    #: The event's sequence number in the chain.
    SeqRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AuditEntry] = []
        self.words = AuditWords(self)

    def set_rows(self, rows: Sequence[AuditEntry]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            self.COLUMN_TIME: self.tr("Time"),
            self.COLUMN_ACCOUNT: self.tr("Who"),
            self.COLUMN_ACTION: self.tr("Action"),
            self.COLUMN_PERSON: self.tr("Person"),
            self.COLUMN_WHAT: self.tr("What"),
            self.COLUMN_DETAIL: self.tr("Detail"),
        }.get(section)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        if role == self.SeqRole:
            return entry.seq
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(entry, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == self.COLUMN_DETAIL:
                return entry.detail or None
            if index.column() == self.COLUMN_ACCOUNT and entry.actor_name:
                return self.tr("Account: {account}").format(account=entry.account)
        return None

    def _text(self, entry: AuditEntry, column: int) -> str | None:
        if column == self.COLUMN_TIME:
            return date_time_text(entry.at)
        if column == self.COLUMN_ACCOUNT:
            return self.words.who_text(entry.account, entry.actor_name, entry.actor_role)
        if column == self.COLUMN_ACTION:
            return self.action_text(entry.action)
        if column == self.COLUMN_PERSON:
            return self.person_text(entry)
        if column == self.COLUMN_WHAT:
            return self.entity_text(entry.entity)
        if column == self.COLUMN_DETAIL:
            return self.detail_text(entry.action, entry.detail)
        return None

    def person_text(self, entry: AuditEntry) -> str:
        """Which person, by name; someone removed since is said to be so, never an id."""
        if entry.person:
            return entry.person
        try:
            uuid.UUID(entry.entity_id)
        except ValueError:
            return ""  # not about a person (a sign-in, a backup, a list)
        if entry.entity == "account":
            return ""
        return self.tr("(a person no longer in the database)")

    def detail_text(self, action: str, detail: str) -> str:
        return self.words.detail_text(action, detail)

    def action_text(self, action: str) -> str:
        return self.words.action_text(action)

    def entity_text(self, entity: str) -> str:
        return self.words.entity_text(entity)
