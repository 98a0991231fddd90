"""The plan's life in the main window: its period and review date, closing it, starting the
next one, and the clinic's own settings — what each action may do for this account, and the
dialogs they open."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from caseplan.errors import CaseplanError
from caseplan.services.security import access
from caseplan.ui.controllers.session import SessionController
from caseplan.ui.i18n import error_text
from caseplan.ui.meeting import MeetingView
from caseplan.ui.plan import ClosePlanDialog, NextPlanDialog, PlanDatesDialog
from caseplan.ui.security import IdleWatcher
from caseplan.ui.settings.clinic import ClinicSettingsDialog, may_change_clinic_settings
from caseplan.ui.window.actions import WindowActions
from caseplan.ui.workspace import PersonWorkspace


class WindowPlanDialogs(WindowActions):
    """Mixed into the main window, which provides what is declared here."""

    session: SessionController
    person_workspace: PersonWorkspace | None
    meeting: MeetingView | None
    idle_watcher: IdleWatcher
    #: show the plan as it is now, everywhere (the window's own)
    _after_plan_changed: Callable[[], None]
    #: save whatever was typed, now (the window's own)
    flush: Callable[[], None]

    def _connect_plan_actions(self) -> None:
        for action, slot in (
            (self.period_action, self.change_plan_dates),
            (self.close_plan_action, self.close_plan),
            (self.next_plan_action, self.start_next_plan),
            (self.clinic_settings_action, self.show_clinic_settings),
        ):
            action.triggered.connect(slot)

    def _update_plan_actions(self) -> None:
        """Enable what this account may do with the plan on screen; say why not otherwise."""
        session, workspace = self.session, self.person_workspace
        locked = session.locked
        self.clinic_settings_action.setVisible(
            not locked and may_change_clinic_settings(session.ctx)
        )
        self.clinic_settings_action.setEnabled(not locked)
        person_id = session.person_id
        if locked or person_id is None or workspace is None:
            for action in (self.period_action, self.close_plan_action, self.next_plan_action):
                action.setEnabled(False)
                action.setToolTip(self.tr("Open a person first."))
            return
        has_plan = workspace.view is not None
        may_edit = access.can(session.ctx, access.Action.EDIT_PLAN, person_id)
        may_close = access.can(session.ctx, access.Action.CLOSE_PLAN, person_id)
        no_plan = self.tr("This person has no open plan.")
        self.period_action.setEnabled(has_plan and may_edit)
        self.period_action.setToolTip(
            no_plan
            if not has_plan
            else self.tr("When the plan starts and ends, and its next review (Ctrl+Shift+D)")
            if may_edit
            else self.tr("Only the person's practitioners or a team lead can change the dates.")
        )
        self.close_plan_action.setEnabled(has_plan and may_close and not session.meeting)
        self.close_plan_action.setToolTip(
            no_plan
            if not has_plan
            else self.tr("End the plan with a reason; the next one can carry its goals")
            if may_close
            else self.tr("Only the person's practitioners or a team lead can close a plan.")
        )
        self.next_plan_action.setEnabled(not has_plan and may_edit and not session.meeting)
        self.next_plan_action.setToolTip(
            self.tr("This person's plan is still open; close it first.")
            if has_plan
            else self.tr("A new plan, with the goals the person chooses from the last one")
            if may_edit
            else self.tr("Only the person's practitioners or a team lead can start a plan.")
        )

    # --- the dialogs --------------------------------------------------------------------

    def change_plan_dates(self) -> PlanDatesDialog | None:
        """Plan → Plan period and review date…; large in meeting mode."""
        person_id = self.session.person_id
        if person_id is None or self.session.locked or not self.period_action.isEnabled():
            return None
        self.flush()
        zoom = self.meeting.zoom if self.meeting is not None else None
        try:
            dialog = PlanDatesDialog(self.session.ctx, person_id, self, zoom=zoom)
        except CaseplanError as error:
            self.statusBar().showMessage(error_text(error))
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda _plan: self._after_plan_changed())
        dialog.open()
        return dialog

    def close_plan(self) -> ClosePlanDialog | None:
        """Plan → Close the plan…: with a reason, and the next plan if they want one."""
        person_id = self.session.person_id
        if person_id is None or self.session.locked or not self.close_plan_action.isEnabled():
            return None
        self.flush()
        try:
            dialog = ClosePlanDialog(self.session.ctx, person_id, self)
        except CaseplanError as error:
            self.statusBar().showMessage(error_text(error))
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(self._after_plan_changed)
        dialog.open()
        return dialog

    def start_next_plan(self) -> NextPlanDialog | None:
        """Plan → Start the next plan…: the goals the person chooses come along."""
        person_id = self.session.person_id
        if person_id is None or self.session.locked or not self.next_plan_action.isEnabled():
            return None
        try:
            dialog = NextPlanDialog(self.session.ctx, person_id, self)
        except CaseplanError as error:
            self.statusBar().showMessage(error_text(error))
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.started.connect(lambda _plan: self._after_plan_changed())
        dialog.open()
        return dialog

    def show_clinic_settings(self) -> ClinicSettingsDialog | None:
        """Settings → Clinic settings… (team leads and administrators)."""
        if self.session.locked or not may_change_clinic_settings(self.session.ctx):
            return None
        dialog = ClinicSettingsDialog(self.session.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda result: self._clinic_settings_closed(dialog, result))
        dialog.open()
        return dialog

    def _clinic_settings_closed(self, dialog: ClinicSettingsDialog, result: int) -> None:
        if result == QDialog.DialogCode.Accepted and dialog.idle_changed:
            self.idle_watcher.set_timeout_ms(int(dialog.idle_minutes.value() * 60_000))
