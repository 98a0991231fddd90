"""The dialogs the main window opens (printing, agreeing, peer hours, audit, backup, help),
and closing them all at once when the window locks."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton, QScrollArea, QStackedWidget

from caseplan.errors import CaseplanError
from caseplan.models import Role
from caseplan.services.context import Context
from caseplan.services.people.people import PersonDetails, get_person
from caseplan.services.security import access
from caseplan.ui.audit import AuditDialog
from caseplan.ui.backup import BackupDialog, ask_backup_target
from caseplan.ui.caseload import CaseloadModel, CaseloadView
from caseplan.ui.caseload.person_dialog import PersonDialog
from caseplan.ui.controllers.records import Kind
from caseplan.ui.controllers.session import SessionController
from caseplan.ui.help import AboutDialog, GuideDialog
from caseplan.ui.i18n import error_text
from caseplan.ui.meeting import AgreementDialog, MeetingView
from caseplan.ui.overview import OverviewPage
from caseplan.ui.overview.charts import ChartsDialog
from caseplan.ui.overview.voices import WhatHelpsDialog
from caseplan.ui.printing import BatchPrintDialog, PlanPreviewDialog, may_print_due
from caseplan.ui.reports import PeerHoursDialog
from caseplan.ui.review import ReviewDialog
from caseplan.ui.review.draft import ReviewDraft
from caseplan.ui.widgets.page_scroll import PageScroll
from caseplan.ui.window.actions import WindowActions
from caseplan.ui.workspace import PersonWorkspace


def starts_on_overview(ctx: Context) -> bool:
    """The team lead's start page is the overview; a practitioner's is their caseload."""
    return ctx.actor.role is Role.TEAM_LEAD and access.can(ctx, access.Action.VIEW_OVERVIEW)


class WindowDialogs(WindowActions):
    """Opens each dialog non-modally, for the session's clinic and the person open in it."""

    session: SessionController
    caseload: CaseloadView | None
    caseload_model: CaseloadModel | None
    person_workspace: PersonWorkspace | None
    meeting: MeetingView | None
    agreement_dialog: AgreementDialog | None
    overview: OverviewPage | None
    overview_holder: QScrollArea | None
    pages: QStackedWidget
    #: a review the lock closed, held in memory for the same account's unlock
    kept_review: ReviewDraft | None = None

    def flush(self) -> None:
        """Save whatever was typed, now (before a dialog reads the plan)."""

    def show_person(self, person_id: uuid.UUID) -> None:
        """Open the person's workspace (the window does it)."""

    def show_preview(self) -> PlanPreviewDialog | None:
        person_id = self.session.person_id
        if person_id is None or self.session.locked:
            return None
        self.flush()
        dialog = PlanPreviewDialog(self.session.ctx, person_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def print_due(self) -> BatchPrintDialog | None:
        if self.session.locked or not may_print_due(self.session.ctx):
            return None
        dialog = BatchPrintDialog(self.session.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_peer_hours(self) -> PeerHoursDialog:
        """The peer-hours report for team leads (paying for peer time)."""
        dialog = PeerHoursDialog(self.session.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_caseload(self, select: uuid.UUID | None) -> None:
        """Show the list of people (the window does it)."""

    def show_start(self) -> None:
        """After signing in: a team lead starts at the overview (the caseload is built too,
        one Alt+Left away), everyone else at their caseload."""
        self.show_caseload(None)
        if starts_on_overview(self.session.ctx):
            self.show_overview()

    def showing_overview(self) -> bool:
        holder = self.overview_holder
        return holder is not None and self.pages.currentWidget() is holder

    def _drop_overview(self) -> None:
        """The overview goes when another page shows: it is read afresh each time it is
        shown anyway, and a page kept in the stack would make every page as large as it."""
        if self.overview_holder is not None:
            self.pages.removeWidget(self.overview_holder)
            self.overview_holder.hide()
            self.overview_holder.deleteLater()  # and the overview in it
        self.overview_holder = None
        self.overview = None

    def show_overview(self) -> OverviewPage | None:
        """Tools → Overview: the counts, read afresh each time it is shown."""
        if self.session.locked or self.session.meeting:
            return None
        if self.session.person_id is not None:
            self.session.back_to_people()  # saves and closes the person first
        if self.overview is None or self.overview_holder is None:
            self.overview = OverviewPage(self.session.ctx, self)
            self.overview.person_chosen.connect(self.show_person_at)
            # The team lead starts here: the way to the people is in sight, not only a key.
            self.overview.people_button = people = QPushButton(
                self.tr("People (Alt+Left)"), self.overview
            )
            people.setToolTip(self.tr("The list of people"))
            people.clicked.connect(self.back_action.trigger)
            self.overview.heading_row.addWidget(people)
            # it scrolls rather than making the window larger than a laptop at large text
            self.overview_holder = PageScroll(self.overview, self)
            self.pages.addWidget(self.overview_holder)
        else:
            self.overview.refresh()
        self.pages.setCurrentWidget(self.overview_holder)
        self.back_action.setEnabled(True)  # Alt+Left: the list of people
        self.overview.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return self.overview

    def show_person_at(self, person_id: uuid.UUID, section: int) -> None:
        """Open the person's workspace at ``section`` (from a list of the overview)."""
        self.session.open_person(person_id, section)

    def show_charts(self) -> ChartsDialog | None:
        """Tools → Charts…: the figures a team lead would otherwise build in a spreadsheet."""
        if self.session.locked:
            return None
        dialog = ChartsDialog(self.session.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_what_helps(self) -> WhatHelpsDialog | None:
        """Tools → What people say helps…: shared words, grouped, no names, no small groups."""
        if self.session.locked:
            return None
        dialog = WhatHelpsDialog(self.session.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_audit(self) -> None:
        person = None
        if self.caseload is not None and self.caseload_model is not None:
            person_id = self.caseload.current_person()
            row = self.caseload_model.row_of(person_id) if person_id else None
            if person_id is not None and row is not None:
                person = (person_id, self.caseload_model.display_name(row))
        dialog = AuditDialog(self.session.ctx, person, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def back_up(self, target: Path | None = None) -> BackupDialog | None:
        """Ask where (unless told), then back up in the background with a progress bar."""
        path = target if target is not None else ask_backup_target(self)
        if path is None:
            return None
        dialog = BackupDialog(self.session.clinic, path, self)
        dialog.open()
        return dialog

    def show_guide(self) -> GuideDialog:
        """The user guide beside the window; F1 again brings the open one forward."""
        for existing in self.findChildren(GuideDialog):
            if not existing.shortcuts and existing.isVisible():
                existing.raise_()
                existing.activateWindow()
                return existing
        dialog = GuideDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_shortcuts(self) -> GuideDialog:
        """Help → Keyboard shortcuts: the guide's keyboard part, beside the window."""
        for existing in self.findChildren(GuideDialog):
            if existing.shortcuts and existing.isVisible():
                existing.raise_()
                existing.activateWindow()
                return existing
        dialog = GuideDialog(self, shortcuts=True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_about(self) -> AboutDialog:
        dialog = AboutDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def agree_plan(self) -> AgreementDialog | None:
        """Read the plan back as it prints, tick who is here, agree, print the copy."""
        person_id = self.session.person_id
        if person_id is None or self.session.locked or not self.agree_action.isEnabled():
            return None
        self.flush()
        dialog = AgreementDialog(self.session.ctx, person_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._after_agreement())
        self.agreement_dialog = dialog
        dialog.open()
        return dialog

    def new_person(self) -> PersonDialog | None:
        """Person → New person…: register someone; their plan opens at once."""
        if self.session.locked or self.session.meeting:
            return None
        dialog = PersonDialog(self.session.ctx, None, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._person_added(dialog.saved))
        dialog.open()
        return dialog

    def _person_added(self, person: PersonDetails | None) -> None:
        if person is None or self.session.locked:
            return
        if self.caseload_model is not None:
            self.caseload_model.refresh()
        self.show_person(person.id)
        self.activateWindow()

    def edit_person(self) -> PersonDialog | None:
        """Person → Edit details…: the person's own details (audited)."""
        person_id = self.session.person_id
        if person_id is None or self.session.locked or self.session.meeting:
            return None
        self.flush()
        try:
            details = get_person(self.session.ctx, person_id)
        except CaseplanError as error:
            self.statusBar().showMessage(error_text(error))
            return None
        dialog = PersonDialog(self.session.ctx, details, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._after_plan_changed)
        dialog.open()
        return dialog

    def review_plan(self) -> ReviewDialog | None:
        """Plan → Review the plan…: together, one goal at a time; large in meeting mode."""
        person_id = self.session.person_id
        if person_id is None or self.session.locked or not self.review_action.isEnabled():
            return None
        self.flush()
        zoom = self.meeting.zoom if self.meeting is not None else None
        try:
            dialog = ReviewDialog(self.session.ctx, person_id, self, zoom=zoom)
        except CaseplanError as error:
            self.statusBar().showMessage(error_text(error))
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda _review: self._after_plan_changed())
        dialog.finished.connect(lambda _result: self.activateWindow())
        dialog.open()
        return dialog

    def _after_plan_changed(self) -> None:
        """A dialog changed the person or their plan: everyone showing them reads it again."""
        person_id = self.session.person_id
        if self.session.locked or person_id is None:
            return
        self.session.changes.announce(Kind.WHOLE_PLAN, {person_id})
        self.activateWindow()

    def _after_agreement(self) -> None:
        self.agreement_dialog = None
        if self.session.locked:
            return
        if self.session.person_id is not None:  # the workspace and meeting mode hear of it
            self.session.changes.announce(Kind.WHOLE_PLAN, {self.session.person_id})
        self.activateWindow()
        if self.meeting is not None:
            first = self.meeting.first_field()
            if first is not None:
                first.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def resume_review(self) -> ReviewDialog | None:
        """After unlocking: the review the lock closed, back as it was left."""
        draft, self.kept_review = self.kept_review, None
        if draft is None or draft.person_id != self.session.person_id:
            return None
        dialog = self.review_plan()
        if dialog is not None:
            dialog.restore(draft)
        return dialog

    def _may_close_review(self) -> bool:
        """Closing the window with a review in progress asks first, as its Cancel does."""
        for dialog in self.findChildren(ReviewDialog):
            if dialog.isVisible() and dialog.draft() is not None:
                return dialog.leave_unsaved()
        return True

    def _close_dialogs(self) -> None:
        for dialog in self.findChildren(QDialog):
            if isinstance(dialog, BackupDialog | BatchPrintDialog):
                dialog.stop_and_wait()
            if isinstance(dialog, ReviewDialog) and dialog.isVisible():
                self.kept_review = dialog.draft() or self.kept_review
            if dialog.isVisible():
                dialog.reject()
            dialog.hide()
