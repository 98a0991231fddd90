"""The audit trail as a Qt table model: an adapter over ``audit.events_for`` entries."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from caseplan.services.clinic.unlock import LockReason
from caseplan.services.security.audit import Action
from caseplan.services.security.trail import AuditEntry
from caseplan.ui.i18n import date_time_text

AnyIndex = QModelIndex | QPersistentModelIndex

#: What a lock event's detail says (stored in English, shown translated).


class AuditTableModel(QAbstractTableModel):
    """Time, account, action, what and detail; newest first as the service hands them."""

    COLUMN_TIME, COLUMN_ACCOUNT, COLUMN_ACTION, COLUMN_WHAT, COLUMN_DETAIL = range(5)
    COLUMN_COUNT = 5
    #: The event's sequence number in the chain.
    SeqRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AuditEntry] = []

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
            self.COLUMN_ACCOUNT: self.tr("Account"),
            self.COLUMN_ACTION: self.tr("Action"),
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
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.COLUMN_DETAIL:
            return entry.detail or None
        return None

    def _text(self, entry: AuditEntry, column: int) -> str | None:
        if column == self.COLUMN_TIME:
            return date_time_text(entry.at)
        if column == self.COLUMN_ACCOUNT:
            return entry.account
        if column == self.COLUMN_ACTION:
            return self.action_text(entry.action)
        if column == self.COLUMN_WHAT:
            return self.entity_text(entry.entity)
        if column == self.COLUMN_DETAIL:
            return self.detail_text(entry.action, entry.detail)
        return None

    def detail_text(self, action: str, detail: str) -> str:
        """A lock's reason in the UI language; any other detail as stored."""
        if action != Action.LOCK:
            return detail
        words: dict[str, str] = {
            LockReason.IDLE: self.tr("after a time without use"),
            LockReason.PRIVACY: self.tr("privacy screen (F12)"),
            LockReason.SIGN_OUT: self.tr("signed out"),
        }
        return words.get(detail, detail)

    def action_text(self, action: str) -> str:
        return {
            Action.SIGN_IN: self.tr("Signed in"),
            Action.SIGN_IN_FAILED: self.tr("Sign-in failed"),
            Action.SIGN_IN_THROTTLED: self.tr("Sign-in refused (too many tries)"),
            Action.OPEN_PERSON: self.tr("Opened"),
            Action.BREAK_GLASS: self.tr("Opened with a recorded reason"),
            Action.CREATE: self.tr("Created"),
            Action.CHANGE: self.tr("Changed"),
            Action.DELETE: self.tr("Deleted"),
            Action.PRINT: self.tr("Printed"),
            Action.EXPORT: self.tr("Exported"),
            Action.EXPORT_FAILED: self.tr("Export failed"),
            Action.IMPORT: self.tr("Imported"),
            Action.BACKUP: self.tr("Backed up"),
            Action.RESTORE: self.tr("Restored"),
            Action.LOCK: self.tr("Locked"),
            Action.ACCOUNT_CREATED: self.tr("Account created"),
            Action.PASSWORD_CHANGED: self.tr("Password changed"),
            Action.PASSWORD_RESET: self.tr("Password reset"),
            Action.ACCOUNT_DEACTIVATED: self.tr("Account switched off"),
            Action.ACCOUNT_REMOVED: self.tr("Account removed"),
            Action.VIEWED_LIST: self.tr("Viewed a list"),
        }.get(action, action)

    def entity_text(self, entity: str) -> str:
        return {
            "account": self.tr("account"),
            "session": self.tr("session"),
            "database": self.tr("database"),
            "person": self.tr("person"),
            "overview": self.tr("overview"),
            "plan": self.tr("plan"),
            "goal": self.tr("goal"),
            "step": self.tr("step"),
            "participant": self.tr("team member"),
            "meeting": self.tr("meeting"),
            "review": self.tr("review"),
            "crisis_plan": self.tr("crisis plan"),
            "peer_contribution": self.tr("peer contribution"),
            "peer_hours": self.tr("peer hours report"),
            "setting": self.tr("clinic setting"),
        }.get(entity, entity)
