"""The main window: the caseload, a person's workspace, meeting mode, locking, audit, backups."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from caseplan.errors import CaseplanError
from caseplan.models import Role
from caseplan.resources import asset
from caseplan.services.clinic import settings as clinic_settings
from caseplan.services.clinic import unlock
from caseplan.services.clinic.settings import idle_lock_minutes
from caseplan.services.clinic.unlock import OpenClinic
from caseplan.services.context import Context
from caseplan.services.security import access
from caseplan.ui.audit import AuditDialog, may_read_audit
from caseplan.ui.backup import BackupDialog, ask_backup_target, may_back_up
from caseplan.ui.caseload import CaseloadModel, CaseloadView
from caseplan.ui.help import AboutDialog, GuideDialog
from caseplan.ui.i18n import error_text
from caseplan.ui.meeting import AgreementDialog, MeetingView
from caseplan.ui.printing import BatchPrintDialog, PlanPreviewDialog, may_print_due
from caseplan.ui.reports import PeerHoursDialog
from caseplan.ui.security import IdleWatcher, LockScreen
from caseplan.ui.workspace import PersonWorkspace

ORGANISATION = "Caseplan"
APPLICATION = "Caseplan"
GEOMETRY_KEY = "main_window/geometry"
STATE_KEY = "main_window/state"
SECTION_KEY = "main_window/section"  #: the workspace section last shown
ZOOM_KEY = "meeting/zoom"  #: meeting mode's text size

SignInAgain = Callable[[OpenClinic, str, str], OpenClinic]


def app_icon() -> QIcon:
    try:
        return QIcon(str(asset("icons", "caseplan.svg")))
    except FileNotFoundError:
        return QIcon()


def is_demo(ctx: Context) -> bool:
    """Whether this is a demo database full of fictional people (says so in the title)."""
    return bool(clinic_settings.is_demo(ctx))


class MainWindow(QMainWindow):
    """Handed a signed-in :class:`OpenClinic`; it never opens a database by itself.

    Locking (after ``idle_timeout_ms`` without use, or the privacy key F12) audits the
    lock, drops the caseload and closes the workspace; the password of the same account
    opens it again through ``sign_in_again``.
    """

    def __init__(
        self,
        workspace: OpenClinic,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
        *,
        idle_timeout_ms: int | None = None,
        sign_in_again: SignInAgain = unlock.sign_in_again,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.location = workspace.database.location
        self.settings = settings if settings is not None else QSettings(ORGANISATION, APPLICATION)
        self._sign_in_again = sign_in_again
        self.locked = False
        self.caseload_model: CaseloadModel | None = None
        self.caseload: CaseloadView | None = None
        self.person_workspace: PersonWorkspace | None = None
        self.person_page: QWidget | None = None
        self.meeting: MeetingView | None = None
        self._reopen: uuid.UUID | None = None
        self._was_maximized = False
        self.agreement_dialog: AgreementDialog | None = None

        self.demo = is_demo(workspace.ctx)
        self.setWindowTitle(self.title())
        self.setWindowIcon(app_icon())

        self.pages = QStackedWidget(self)
        self.setCentralWidget(self.pages)
        self.lock_screen = LockScreen(workspace.actor.username, self)
        self.lock_screen.unlock_requested.connect(self.unlock)
        self.lock_screen.quit_requested.connect(self.close)
        self.pages.addWidget(self.lock_screen)

        self.database_label = QLabel(
            self.tr("Database: {where}").format(where=self.location.describe())
        )
        self.database_label.setAccessibleName(self.tr("Database location"))
        self.statusBar().addPermanentWidget(self.database_label)

        self._build_actions()
        self._build_menus()
        self._build_caseload()
        self._restore_geometry()

        if idle_timeout_ms is None:
            idle_timeout_ms = int(idle_lock_minutes(workspace.ctx) * 60_000)
        self.idle_watcher = IdleWatcher(idle_timeout_ms, self)
        self.idle_watcher.idle.connect(lambda: self.lock(privacy=False))
        if self.can_lock:
            self.idle_watcher.start()

    # -- what it shows ----------------------------------------------------------------

    @property
    def ctx(self) -> Context:
        return self.workspace.ctx

    @property
    def can_lock(self) -> bool:
        """Only a signed-in account can unlock again (the program's own actor cannot)."""
        return not self.workspace.actor.system

    def role_text(self, role: Role) -> str:
        return {
            Role.PRACTITIONER: self.tr("practitioner"),
            Role.TEAM_LEAD: self.tr("team lead"),
            Role.PEER_WORKER: self.tr("peer worker"),
            Role.ADMIN: self.tr("administrator"),
        }[role]

    def title(self) -> str:
        """ "Caseplan — kari (practitioner)", and " — DEMO" on a demo database."""
        title = self.tr("Caseplan")
        actor = self.workspace.actor
        meeting = getattr(self, "meeting", None) is not None
        if not actor.system and not meeting:  # meeting mode: only the person's own things
            title += " — " + self.tr("{account} ({role})").format(
                account=actor.username, role=self.role_text(actor.role)
            )
        if self.demo:
            title += " — " + self.tr("DEMO")
        workspace = getattr(self, "person_workspace", None)
        if workspace is not None and workspace.view is not None and not self.locked:
            title = workspace.view.person.full_name + " — " + title
        return title

    def _build_actions(self) -> None:
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)

        self.hide_action = QAction(self.tr("&Hide screen"), self)
        self.hide_action.setShortcut(QKeySequence(Qt.Key.Key_F12))
        self.hide_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.hide_action.setIconText(self.tr("Hide screen (F12)"))
        self.hide_action.setToolTip(
            self.tr("Hide everything at once; your password shows it again (F12)")
        )
        self.hide_action.triggered.connect(lambda: self.lock(privacy=True))
        self.hide_action.setEnabled(self.can_lock)

        self.backup_action = QAction(self.tr("&Back up…"), self)
        self.backup_action.triggered.connect(lambda: self.back_up())
        if self.location.path is None:
            self.backup_action.setEnabled(False)
            self.backup_action.setToolTip(
                self.tr("On a PostgreSQL server, back up with the server's own tools (pg_dump).")
            )
        elif not may_back_up(self.workspace):
            self.backup_action.setEnabled(False)
            self.backup_action.setToolTip(
                self.tr("Only a team lead or an administrator can make backups.")
            )

        self.audit_action = QAction(self.tr("&Audit trail…"), self)
        self.audit_action.triggered.connect(self.show_audit)
        self.audit_action.setVisible(may_read_audit(self.ctx))

        self.peer_hours_action = QAction(self.tr("Peer &hours…"), self)
        self.peer_hours_action.setToolTip(self.tr("Peer time per peer and person, for payment"))
        self.peer_hours_action.triggered.connect(self.show_peer_hours)
        self.peer_hours_action.setVisible(access.can(self.ctx, access.Action.PEER_HOURS_REPORT))

        self.back_action = QAction(self.tr("&Back to people"), self)
        self.back_action.setShortcut(QKeySequence("Alt+Left"))
        self.back_action.setToolTip(self.tr("Back to the list of people (Alt+Left or Escape)"))
        self.back_action.triggered.connect(self.back_to_people)

        self.meeting_action = QAction(self.tr("&Meeting mode"), self)
        self.meeting_action.setShortcut(QKeySequence(Qt.Key.Key_F11))
        self.meeting_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.meeting_action.setIconText(self.tr("Meeting mode (F11)"))
        self.meeting_action.setToolTip(
            self.tr("Only this person's plan, full screen, in large type (F11)")
        )
        self.meeting_action.triggered.connect(self.toggle_meeting)

        self.preview_action = QAction(self.tr("&Print preview…"), self)
        self.preview_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.preview_action.setIconText(self.tr("Print preview…"))
        self.preview_action.triggered.connect(self.show_preview)

        self.agree_action = QAction(self.tr("&Agree the plan…"), self)
        self.agree_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.agree_action.setIconText(self.tr("Agree the plan…"))
        self.agree_action.triggered.connect(self.agree_plan)

        self.batch_action = QAction(self.tr("Print plans &due…"), self)
        self.batch_action.triggered.connect(self.print_due)
        self.batch_action.setVisible(may_print_due(self.ctx))

        self.guide_action = QAction(self.tr("&User guide"), self)
        self.guide_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.guide_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.guide_action.triggered.connect(self.show_guide)

        self.about_action = QAction(self.tr("&About Caseplan"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.setToolTipsVisible(True)
        file_menu.addAction(self.preview_action)
        file_menu.addAction(self.batch_action)
        file_menu.addSeparator()
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.hide_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        person_menu = self.menuBar().addMenu(self.tr("&Person"))
        person_menu.setToolTipsVisible(True)
        person_menu.addAction(self.back_action)
        person_menu.addAction(self.meeting_action)
        person_menu.addAction(self.agree_action)

        self.tools_menu = self.menuBar().addMenu(self.tr("&Tools"))
        self.tools_menu.addAction(self.audit_action)
        self.tools_menu.addAction(self.peer_hours_action)
        self.tools_menu.menuAction().setVisible(
            self.audit_action.isVisible() or self.peer_hours_action.isVisible()
        )

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.guide_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

        self.toolbar = QToolBar(self.tr("Privacy"), self)
        self.toolbar.setObjectName("privacyToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addAction(self.hide_action)
        self.toolbar.widgetForAction(self.hide_action).setAccessibleName(self.tr("Hide screen"))
        self.toolbar.setVisible(self.can_lock)
        self.addToolBar(self.toolbar)

        # Their keys work in meeting mode too, where the menus and toolbars are hidden.
        for action in (
            self.hide_action,
            self.meeting_action,
            self.agree_action,
            self.back_action,
            self.preview_action,
            self.guide_action,
        ):
            self.addAction(action)
        self._update_person_actions()

    def _build_caseload(self) -> None:
        self.caseload_model = CaseloadModel(self.ctx, self)
        self.caseload = CaseloadView(self.caseload_model, self)
        self.caseload.person_activated.connect(self.show_person)
        self.pages.addWidget(self.caseload)
        self.pages.setCurrentWidget(self.caseload)
        self.caseload.focus_search()

    def _drop_caseload(self) -> None:
        """Remove every widget and row that holds a person's data."""
        if self.caseload is not None:
            self.pages.removeWidget(self.caseload)
            self.caseload.hide()
            self.caseload.deleteLater()
            self.caseload = None
        if self.caseload_model is not None:
            self.caseload_model.deleteLater()
            self.caseload_model = None

    # -- one person ---------------------------------------------------------------------

    def show_person(self, person_id: uuid.UUID) -> None:
        """Open the person's workspace in the window (saving the one open before)."""
        self._drop_person()
        try:
            workspace = PersonWorkspace(self.ctx, person_id, self)
        except CaseplanError as error:
            self.statusBar().showMessage(error_text(error))
            return
        page = QWidget(self)
        back = QPushButton(self.tr("← Back to people"), page)
        back.setAccessibleName(self.tr("Back to people (Alt+Left)"))
        back.clicked.connect(self.back_to_people)
        row = QHBoxLayout()
        row.addWidget(back)
        row.addStretch(1)
        for action, name in (
            (self.preview_action, self.tr("Print preview")),
            (self.agree_action, self.tr("Agree the plan")),
            (self.meeting_action, self.tr("Meeting mode")),
        ):
            button = QToolButton(page)
            button.setDefaultAction(action)
            button.setAccessibleName(name)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setAutoRaise(False)
            row.addWidget(button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addLayout(row)
        # On a small screen or at a large text size the workspace scrolls rather than
        # making the window wider than the screen.
        holder = QScrollArea(page)
        holder.setWidgetResizable(True)
        holder.setFrameShape(QFrame.Shape.NoFrame)
        holder.setWidget(workspace)
        holder.setAccessibleName(self.tr("Person workspace"))
        layout.addWidget(holder, 1)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), page)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.back_to_people)
        workspace.title_changed.connect(lambda _name: self.setWindowTitle(self.title()))
        section = self.settings.value(SECTION_KEY)
        try:
            number = int(section) if section is not None else workspace.ABOUT_ME
        except (TypeError, ValueError):
            number = workspace.ABOUT_ME
        if 0 <= number < len(workspace.sections):
            workspace.show_section(number)
        self.person_workspace = workspace
        self.person_page = page
        self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)
        self.setWindowTitle(self.title())
        self._update_person_actions()
        workspace.nav.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def person_id(self) -> uuid.UUID | None:
        return None if self.person_workspace is None else self.person_workspace.person_id

    def flush(self) -> None:
        """Save whatever was typed, now (before leaving, locking or closing)."""
        if self.meeting is not None:
            for binding in self.meeting.bindings:
                binding.save_now()
        if self.person_workspace is not None:
            self.person_workspace.flush()

    def _drop_person(self) -> None:
        """Save and remove the person's workspace and meeting mode (they hold their data)."""
        self.flush()
        self._drop_meeting()
        if self.person_workspace is not None:
            self.settings.setValue(SECTION_KEY, self.person_workspace.current_section())
        if self.person_page is not None:
            self.pages.removeWidget(self.person_page)
            self.person_page.hide()
            self.person_page.deleteLater()
        self.person_page = None
        self.person_workspace = None
        self.setWindowTitle(self.title())
        self._update_person_actions()

    def back_to_people(self) -> None:
        if self.locked or self.person_workspace is None:
            return
        person_id = self.person_id
        self._drop_person()
        if self.caseload is not None:
            self.pages.setCurrentWidget(self.caseload)
            model = self.caseload_model
            row = model.row_of(person_id) if model is not None and person_id else None
            if row is not None and self.caseload_model is not None:
                self.caseload.table.setCurrentIndex(self.caseload_model.index(row, 0))
                self.caseload.table.setFocus(Qt.FocusReason.OtherFocusReason)
            else:
                self.caseload.focus_search()

    def _update_person_actions(self) -> None:
        open_person = self.person_id is not None and not self.locked
        self.back_action.setEnabled(open_person)
        self.meeting_action.setEnabled(open_person)
        self.preview_action.setEnabled(open_person)
        may_agree = open_person and self.person_id is not None
        if may_agree:
            assert self.person_id is not None
            may_agree = access.can(self.ctx, access.Action.EDIT_PLAN, self.person_id)
        self.agree_action.setEnabled(may_agree)
        self.agree_action.setToolTip(
            self.tr("Read the plan back together, then agree it (Ctrl+Shift+A)")
            if may_agree or not open_person
            else self.tr("Only the person's practitioners can agree the plan.")
        )
        self.batch_action.setEnabled(not self.locked)

    # -- meeting mode -------------------------------------------------------------------

    def toggle_meeting(self) -> None:
        if self.meeting is not None:
            self.leave_meeting()
        else:
            self.enter_meeting()

    def enter_meeting(self) -> None:
        """Full screen, only this person's plan, large type; Escape or F11 leaves."""
        workspace = self.person_workspace
        if self.locked or workspace is None or self.meeting is not None:
            return
        workspace.flush()
        zoom = self.settings.value(ZOOM_KEY)
        try:
            start = float(zoom) if zoom is not None else 1.0
        except (TypeError, ValueError):
            start = 1.0
        meeting = MeetingView(
            self.ctx, workspace.person_id, workspace.coordinator, workspace.aliases, start, self
        )
        meeting.leave_requested.connect(self.leave_meeting)
        meeting.agree_requested.connect(self.agree_plan)
        meeting.zoom_changed.connect(lambda value: self.settings.setValue(ZOOM_KEY, value))
        meeting.agree_button.setEnabled(self.agree_action.isEnabled())
        self.meeting = meeting
        self.setWindowTitle(self.title())
        self.pages.addWidget(meeting)
        self.pages.setCurrentWidget(meeting)
        for bar in (self.menuBar(), self.toolbar, self.statusBar()):
            bar.setVisible(False)
        self._was_maximized = self.isMaximized()
        self.showFullScreen()
        first = meeting.first_field()
        if first is not None:
            first.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_person_actions()

    def leave_meeting(self) -> None:
        if self.meeting is None:
            return
        self._drop_meeting()
        if self.person_page is not None and self.person_workspace is not None:
            self.person_workspace.reload()
            self.pages.setCurrentWidget(self.person_page)
            self.person_workspace.nav.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_person_actions()

    def _drop_meeting(self) -> None:
        meeting = self.meeting
        if meeting is None:
            return
        self.meeting = None
        self.setWindowTitle(self.title())
        meeting.release()
        self.pages.removeWidget(meeting)
        meeting.hide()
        meeting.deleteLater()
        if self.isFullScreen():
            if self._was_maximized:
                self.showMaximized()
            else:
                self.showNormal()
        if not self.locked:
            for bar in (self.menuBar(), self.statusBar()):
                bar.setVisible(True)
            self.toolbar.setVisible(self.can_lock)

    # -- printing and agreeing ----------------------------------------------------------

    def show_preview(self) -> PlanPreviewDialog | None:
        if self.person_id is None or self.locked:
            return None
        self.flush()
        dialog = PlanPreviewDialog(self.ctx, self.person_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def print_due(self) -> BatchPrintDialog | None:
        if self.locked or not may_print_due(self.ctx):
            return None
        dialog = BatchPrintDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def agree_plan(self) -> AgreementDialog | None:
        """Read the plan back as it prints, tick who is here, agree, print the copy."""
        if self.person_id is None or self.locked or not self.agree_action.isEnabled():
            return None
        self.flush()
        dialog = AgreementDialog(self.ctx, self.person_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._after_agreement())
        self.agreement_dialog = dialog
        dialog.open()
        return dialog

    def _after_agreement(self) -> None:
        self.agreement_dialog = None
        if self.locked:
            return
        if self.person_workspace is not None:
            self.person_workspace.reload()
        self.activateWindow()
        if self.meeting is not None:
            self.meeting.rebuild()
            first = self.meeting.first_field()
            if first is not None:
                first.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- locking ----------------------------------------------------------------------

    def lock(self, *, privacy: bool = True) -> None:
        """Cover everything at once, audit the lock, and close the database."""
        if self.locked or not self.can_lock:
            return
        self.locked = True
        self.idle_watcher.stop()
        self.pages.setCurrentWidget(self.lock_screen)  # first: nothing stays on screen
        self._close_dialogs()
        self.statusBar().clearMessage()
        for bar in (self.menuBar(), self.toolbar, self.statusBar()):
            bar.setVisible(False)
        for action in (
            self.hide_action,
            self.backup_action,
            self.audit_action,
            self.peer_hours_action,
        ):
            action.setEnabled(False)
        self._reopen = self.person_id
        self._drop_person()
        self._drop_caseload()
        unlock.lock(
            self.workspace, unlock.LockReason.PRIVACY if privacy else unlock.LockReason.IDLE
        )
        self.lock_screen.set_privacy(privacy)
        self.lock_screen.error_label.clear()
        self.lock_screen.set_busy(False)
        self.lock_screen.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def _close_dialogs(self) -> None:
        for dialog in self.findChildren(QDialog):
            if isinstance(dialog, BackupDialog | BatchPrintDialog):
                dialog.stop_and_wait()
            if dialog.isVisible():
                dialog.reject()
            dialog.hide()

    def unlock(self, password: str) -> None:
        """The same account's password opens the database again and brings the caseload back."""
        if not self.locked:
            return
        self.lock_screen.set_busy(True)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            workspace = self._sign_in_again(self.workspace, self.workspace.actor.username, password)
        except CaseplanError as error:
            self.lock_screen.set_busy(False)
            self.lock_screen.show_problem(error_text(error))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.workspace = workspace
        self.locked = False
        self.lock_screen.password.clear()
        self.lock_screen.set_busy(False)
        for bar in (self.menuBar(), self.statusBar()):
            bar.setVisible(True)
        self.toolbar.setVisible(True)
        self.hide_action.setEnabled(True)
        self.audit_action.setEnabled(True)
        self.peer_hours_action.setEnabled(True)
        self.backup_action.setEnabled(self.location.path is not None and may_back_up(workspace))
        self._build_caseload()
        self.idle_watcher.start()
        reopen, self._reopen = self._reopen, None
        if reopen is not None:
            self.show_person(reopen)
        self._update_person_actions()

    # -- tools ------------------------------------------------------------------------

    def show_peer_hours(self) -> PeerHoursDialog:
        """The peer-hours report for team leads (paying for peer time)."""
        dialog = PeerHoursDialog(self.ctx, self)
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
        dialog = AuditDialog(self.ctx, person, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def back_up(self, target: Path | None = None) -> BackupDialog | None:
        """Ask where (unless told), then back up in the background with a progress bar."""
        path = target if target is not None else ask_backup_target(self)
        if path is None:
            return None
        dialog = BackupDialog(self.workspace, path, self)
        dialog.open()
        return dialog

    def show_guide(self) -> GuideDialog:
        """The user guide beside the window; F1 again brings the open one forward."""
        existing = self.findChild(GuideDialog)
        if existing is not None and existing.isVisible():
            existing.raise_()
            existing.activateWindow()
            return existing
        dialog = GuideDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_about(self) -> AboutDialog:
        dialog = AboutDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # -- window -----------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self.settings.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            state = self.settings.value(STATE_KEY)
            if isinstance(state, QByteArray):
                self.restoreState(state)
        else:
            # First start: a comfortable size that still fits a small or zoomed screen.
            available = self.screen().availableGeometry()
            self.resize(
                min(960, int(available.width() * 0.9)), min(640, int(available.height() * 0.9))
            )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.idle_watcher.stop()
        self._close_dialogs()
        self._drop_person()
        self.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self.settings.setValue(STATE_KEY, self.saveState())
        self.settings.sync()
        super().closeEvent(event)
