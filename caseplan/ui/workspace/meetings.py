"""Meetings: a dated list, and for the chosen meeting its shared notes and a worker's note."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from caseplan.services.meetings.meetings import MeetingDetails
from caseplan.services.plans.plan_view import PlanView
from caseplan.services.security.access import Action
from caseplan.ui.controllers.records import Kind
from caseplan.ui.widgets.dates import date_text
from caseplan.ui.widgets.record_model import Column, RecordTableModel
from caseplan.ui.widgets.whose_words import SharedTextEdit, WorkerNoteEdit
from caseplan.ui.workspace.fields import meeting_field
from caseplan.ui.workspace.section import Host, Section


class MeetingModel(RecordTableModel[MeetingDetails]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                Column(
                    QCoreApplication.translate("MeetingModel", "Date"), lambda m: date_text(m.date)
                ),
                Column(
                    QCoreApplication.translate("MeetingModel", "Present"),
                    lambda m: str(len(m.attendee_ids)),
                ),
                Column(
                    QCoreApplication.translate("MeetingModel", "Plan agreed"),
                    lambda m: QCoreApplication.translate("MeetingModel", "Yes") if m.agreed else "",
                ),
                Column(
                    QCoreApplication.translate("MeetingModel", "Shared notes"),
                    lambda m: m.shared_notes.split("\n", 1)[0],
                ),
            ],
            parent,
        )


class MeetingsSection(Section):
    SHOWS = frozenset({Kind.MEETING})
    STILL_ALLOWED = (("summary_button", Action.PRINT_PLAN),)

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.view: PlanView | None = None
        self.model = MeetingModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Meetings"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.add_button = QPushButton(self.tr("&New meeting today"), self)
        self.add_button.setAccessibleName(self.tr("New meeting today"))
        self.add_button.clicked.connect(self.add_meeting)
        self.summary_button = QPushButton(self.tr("Print &what we agreed…"), self)
        self.summary_button.setAccessibleName(
            self.tr("Print what we agreed at the chosen meeting, for the person to take home")
        )
        self.summary_button.clicked.connect(self.print_summary)
        self.notes = SharedTextEdit(self.tr("Shared notes"), self)
        self.note = WorkerNoteEdit(parent=self)
        self.notes_binding = host.bind(self.notes)
        self.note_binding = host.bind(self.note)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.summary_button)
        row.addStretch(1)
        column.addLayout(row)
        column.addWidget(self.table, 1)
        right = QWidget(self)
        notes = QVBoxLayout(right)
        notes.setContentsMargins(0, 0, 0, 0)
        notes.addWidget(self.notes, 2)
        notes.addWidget(self.note, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.setFocusProxy(self.table)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())

    def show_view(self, view: PlanView | None) -> None:
        self.view = view
        current = self._current_id()
        self.model.set_rows(() if view is None else view.meetings)
        self.add_button.setEnabled(view is not None)
        self.summary_button.setEnabled(bool(view is not None and view.meetings))
        row = self.model.row_of(current) if current else self.model.rowCount() - 1
        if row >= 0:
            self.table.selectRow(row)
        self._show_current()

    def _current_id(self) -> uuid.UUID | None:
        meeting = self.model.row_at(self.table.currentIndex().row())
        return None if meeting is None else meeting.id

    def _show_current(self) -> None:
        meeting = self.model.row_at(self.table.currentIndex().row())
        if meeting is None or self.view is None:
            self.notes_binding.set_target(None)
            self.note_binding.set_target(None)
            return
        plan_id = self.view.plan.id
        self.notes_binding.set_target(
            meeting_field(plan_id, meeting.id, "shared_notes", self.tr("Shared notes")),
            meeting.shared_notes,
            meeting.version,
        )
        self.note_binding.set_target(
            meeting_field(plan_id, meeting.id, "worker_note", self.tr("Worker's note")),
            meeting.worker_note,
            meeting.version,
        )

    def print_summary(self) -> QDialog | None:
        """ "What we agreed today" for the chosen meeting, previewed as it prints."""
        from caseplan.ui.printing.preview import MEETING_SUMMARY, PlanPreviewDialog

        meeting = self._current_id()
        if self.view is None or meeting is None:
            return None
        dialog = PlanPreviewDialog(
            self.host.ctx, self.host.person_id, self, kind=MEETING_SUMMARY, meeting_id=meeting
        )
        dialog.setModal(True)
        dialog.open()
        return dialog

    def add_meeting(self) -> None:
        if self.view is None:
            return
        made = self.editor.add_meeting(self.host.ctx.today())
        if made is not None:
            self.table.selectRow(self.model.row_of(made))
            self.notes.setFocus()
