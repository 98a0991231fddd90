"""The overview's lists as Qt item models: one list behind a count, sortable and searchable,
and the reviews per practitioner."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from caseplan.models import ParticipantRole
from caseplan.services.overview.counts import PractitionerReviews
from caseplan.services.overview.lists import PEER_INVOLVEMENT, ListRow, SignalList
from caseplan.services.overview.signals import Signal
from caseplan.ui.i18n import date_text
from caseplan.ui.widgets.record_model import Column, RecordTableModel
from caseplan.ui.workspace.labels import role_label

AnyIndex = QModelIndex | QPersistentModelIndex
#: what a column sorts by (dates as ISO text, names folded): set on every cell
SORT_ROLE = Qt.ItemDataRole.UserRole + 10
ROLES = frozenset(role.value for role in ParticipantRole)
PERSON_ROLE = Qt.ItemDataRole.UserRole + 11


def signal_title(signal: Signal) -> str:
    """What a count counts, as the button and the list's heading say it."""
    return {
        Signal.REVIEW_OVERDUE: QCoreApplication.translate("OverviewListModel", "Reviews overdue"),
        Signal.REVIEW_DUE_SOON: QCoreApplication.translate(
            "OverviewListModel", "Reviews due within 30 days"
        ),
        Signal.PLAN_NEVER_AGREED: QCoreApplication.translate(
            "OverviewListModel", "Plans in draft, never agreed"
        ),
        Signal.PLAN_CHANGED: QCoreApplication.translate(
            "OverviewListModel", "Plans changed since agreed (unsigned)"
        ),
        Signal.CONSENT_ENDED: QCoreApplication.translate("OverviewListModel", "Consents expired"),
        Signal.CONSENT_ENDING: QCoreApplication.translate(
            "OverviewListModel", "Consents ending within 30 days"
        ),
        Signal.STEPS_OVERDUE: QCoreApplication.translate("OverviewListModel", "Steps overdue"),
        Signal.NO_CONTACT: QCoreApplication.translate(
            "OverviewListModel", "No contact in {weeks} weeks"
        ),
        Signal.NO_PLAN: QCoreApplication.translate(
            "OverviewListModel", "New people with no goal yet"
        ),
    }[signal]


def when_header(signal: Signal) -> str:
    return {
        Signal.REVIEW_OVERDUE: QCoreApplication.translate("OverviewListModel", "Review was due"),
        Signal.REVIEW_DUE_SOON: QCoreApplication.translate("OverviewListModel", "Review due"),
        Signal.PLAN_NEVER_AGREED: QCoreApplication.translate("OverviewListModel", "Plan started"),
        Signal.PLAN_CHANGED: QCoreApplication.translate("OverviewListModel", "Last agreed"),
        Signal.CONSENT_ENDED: QCoreApplication.translate("OverviewListModel", "Consent ended"),
        Signal.CONSENT_ENDING: QCoreApplication.translate("OverviewListModel", "Consent ends"),
        Signal.STEPS_OVERDUE: QCoreApplication.translate("OverviewListModel", "Step was due"),
        Signal.NO_CONTACT: QCoreApplication.translate("OverviewListModel", "Last contact"),
        Signal.NO_PLAN: QCoreApplication.translate("OverviewListModel", "Registered"),
    }[signal]


def about_text(row: ListRow, signal: Signal) -> str:
    if row.role == PEER_INVOLVEMENT:
        return QCoreApplication.translate("OverviewListModel", "Consent to peer involvement")
    if row.number is not None:
        return QCoreApplication.translate(
            "OverviewListModel", "Changed since version {number}"
        ).format(number=row.number)
    if row.role in ROLES and row.what:
        return f"{row.what} ({role_label(ParticipantRole(row.role))})"
    if signal is Signal.NO_CONTACT and row.when is None:
        return QCoreApplication.translate("OverviewListModel", "No contact recorded")
    return row.what


def person_text(row: ListRow) -> str:
    if row.preferred_name and row.preferred_name != row.full_name:
        return f"{row.full_name} ({row.preferred_name})"
    return row.full_name


class SignalListModel(RecordTableModel[ListRow]):
    """The rows of one list: person, coordinator, the date that matters, what it is about."""

    COLUMN_PERSON, COLUMN_PRACTITIONER, COLUMN_WHEN, COLUMN_ABOUT = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((), parent)
        self.signal = Signal.REVIEW_OVERDUE
        self.show(None)

    def show(self, found: SignalList | None) -> None:
        signal = found.signal if found is not None else self.signal
        self.signal = signal
        self.set_columns(
            [
                Column(QCoreApplication.translate("OverviewListModel", "Person"), person_text),
                Column(
                    QCoreApplication.translate("OverviewListModel", "Coordinator"),
                    lambda r: r.practitioner,
                ),
                Column(when_header(signal), lambda r: date_text(r.when) if r.when else ""),
                Column(
                    QCoreApplication.translate("OverviewListModel", "About"),
                    lambda r: about_text(r, signal),
                ),
            ]
        )
        self.set_rows(found.rows if found is not None else ())

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == SORT_ROLE and index.isValid():
            row = self.row_at(index.row())
            assert row is not None
            column = index.column()
            if column == self.COLUMN_WHEN:
                return row.when.isoformat() if row.when else "9999"
            if column == self.COLUMN_PERSON:
                return row.full_name.casefold()
            return str(super().data(index, Qt.ItemDataRole.DisplayRole) or "").casefold()
        if role == PERSON_ROLE and index.isValid():
            found = self.row_at(index.row())
            return found.person_id if found is not None else None
        return super().data(index, role)


class SearchableList(QSortFilterProxyModel):
    """Sorts by :data:`SORT_ROLE` and keeps the rows whose any cell holds the search text."""

    def __init__(self, source: SignalListModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def person_id(self, row: int) -> uuid.UUID | None:
        value = self.index(row, 0).data(PERSON_ROLE)
        return value if isinstance(value, uuid.UUID) else None


class PractitionerModel(RecordTableModel[PractitionerReviews]):
    """Reviews overdue and due within 30 days, one row per coordinator."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(
                    QCoreApplication.translate("OverviewListModel", "Coordinator"),
                    lambda r: (
                        r.name
                        or QCoreApplication.translate("OverviewListModel", "(no coordinator)")
                    ),
                ),
                Column(
                    QCoreApplication.translate("OverviewListModel", "Reviews overdue"),
                    lambda r: str(r.overdue),
                ),
                Column(
                    QCoreApplication.translate("OverviewListModel", "Due within 30 days"),
                    lambda r: str(r.due_soon),
                ),
            ],
            parent,
        )
