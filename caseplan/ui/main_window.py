"""The main window: the caseload, a person's workspace, meeting mode and the lock screen.

What happens when (signing in again, where to return after a lock, meeting mode on or off)
is decided by the :class:`SessionController`; the window shows it (a ``SessionView``).
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication, QIcon
from PySide6.QtWidgets import QLabel, QScrollArea, QStackedWidget, QWidget

from caseplan.models import Role
from caseplan.resources import asset
from caseplan.services.clinic import settings as clinic_settings
from caseplan.services.clinic import unlock
from caseplan.services.clinic.settings import idle_lock_minutes
from caseplan.services.clinic.unlock import OpenClinic
from caseplan.services.context import Context
from caseplan.services.security import access
from caseplan.ui.caseload import CaseloadModel, CaseloadView
from caseplan.ui.controllers.plan_editor import PlanEditor
from caseplan.ui.controllers.records import Kind
from caseplan.ui.controllers.session import SessionController, SignInAgain
from caseplan.ui.meeting import AgreementDialog, MeetingView
from caseplan.ui.overview import OverviewPage
from caseplan.ui.security import IdleWatcher, LockScreen
from caseplan.ui.security.privacy_key import PrivacyKey
from caseplan.ui.widgets.alt_keys import guard_alt_letters
from caseplan.ui.widgets.dates import settle_dates
from caseplan.ui.widgets.fit_screen import guard_screen_fit
from caseplan.ui.widgets.plain_text import guard_plain_text
from caseplan.ui.window.account import WindowAccount
from caseplan.ui.window.meeting_mode import ZOOM_KEY, WindowMeetingMode
from caseplan.ui.window.person_page import PersonPage
from caseplan.ui.window.plan_dialogs import WindowPlanDialogs
from caseplan.ui.workspace import PersonWorkspace

ORGANISATION = "Caseplan"
APPLICATION = "Caseplan"
GEOMETRY_KEY = "main_window/geometry"
STATE_KEY = "main_window/state"
SECTION_KEY = "main_window/section"  #: the workspace section last shown
__all__ = ["APPLICATION", "GEOMETRY_KEY", "ORGANISATION", "ZOOM_KEY", "MainWindow", "app_icon"]


def app_icon() -> QIcon:
    try:
        return QIcon(str(asset("icons", "caseplan.svg")))
    except FileNotFoundError:
        return QIcon()


def is_demo(ctx: Context) -> bool:
    """Whether this is a demo database full of fictional people (says so in the title)."""
    return bool(clinic_settings.is_demo(ctx))


class MainWindow(WindowAccount, WindowMeetingMode, WindowPlanDialogs):
    """Handed a signed-in :class:`OpenClinic`; it never opens a database by itself.

    Locking (after ``idle_timeout_ms`` without use, or the privacy key F12) audits the
    lock, drops the caseload and closes the workspace; the password of the same account
    opens it again through ``sign_in_again``, back where the user was.
    """

    def __init__(
        self,
        clinic: OpenClinic,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
        *,
        idle_timeout_ms: int | None = None,
        sign_in_again: SignInAgain = unlock.sign_in_again,
    ) -> None:
        super().__init__(parent)
        guard_plain_text()  # every label and tooltip shows people's words as typed
        guard_alt_letters()  # Alt+letter is a button's or menu's key, never typed into words
        guard_screen_fit()  # no dialog larger than the screen it is on
        self.session = SessionController(clinic, self, self, sign_in_again=sign_in_again)
        self.location = clinic.location
        self.settings = settings if settings is not None else QSettings(ORGANISATION, APPLICATION)
        self.caseload_model: CaseloadModel | None = None
        self.caseload: CaseloadView | None = None
        self.person_workspace: PersonWorkspace | None = None
        self.person_page: PersonPage | None = None
        self.overview: OverviewPage | None = None
        self.overview_holder: QScrollArea | None = None
        self.meeting: MeetingView | None = None
        self._was_maximized = False
        self.agreement_dialog: AgreementDialog | None = None

        self.demo = is_demo(clinic.ctx)
        self.setWindowTitle(self.title())
        self.setWindowIcon(app_icon())

        self.pages = QStackedWidget(self)
        self.setCentralWidget(self.pages)
        self.lock_screen = LockScreen(clinic.actor.username, self)
        self.lock_screen.unlock_requested.connect(self.unlock)
        self.lock_screen.quit_requested.connect(self.close)
        self.lock_screen.sign_out_requested.connect(self.sign_out)
        self.outcome = None
        self.pages.addWidget(self.lock_screen)

        self.database_label = QLabel(
            self.tr("Database: {where}").format(where=self.location.describe())
        )
        self.database_label.setAccessibleDescription(self.tr("Database location"))
        self.statusBar().addPermanentWidget(self.database_label)

        self._build_actions()
        for action, slot in (
            (self.quit_action, self.close),
            (self.hide_action, lambda: self.lock(privacy=True)),
            (self.backup_action, lambda: self.back_up()),
            (self.audit_action, self.show_audit),
            (self.peer_hours_action, self.show_peer_hours),
            (self.overview_action, self.show_overview),
            (self.what_helps_action, self.show_what_helps),
            (self.charts_action, self.show_charts),
            (self.back_action, self.back_to_people),
            (self.meeting_action, self.toggle_meeting),
            (self.preview_action, self.show_preview),
            (self.agree_action, self.agree_plan),
            (self.new_person_action, self.new_person),
            (self.edit_person_action, self.edit_person),
            (self.review_action, self.review_plan),
            (self.batch_action, self.print_due),
            (self.guide_action, self.show_guide),
            (self.keys_action, self.show_shortcuts),
            (self.sign_out_action, self.sign_out),
            (self.switch_action, self.switch_account),
            (self.language_action, self.choose_language),
            (self.about_action, self.show_about),
        ):
            action.triggered.connect(slot)
        self._connect_plan_actions()
        self._set_access(clinic, locked=False)
        self._build_menus(self.can_lock)
        self.session.state_changed.connect(self._state_changed)
        self.session.signed_out.connect(self.close)
        self._caseload_stale = False
        self.session.changes.changed.connect(self._changed)
        self._state_changed()
        self.show_start()
        self._restore_geometry()

        if idle_timeout_ms is None:
            idle_timeout_ms = int(idle_lock_minutes(clinic.ctx) * 60_000)
        self.idle_watcher = IdleWatcher(idle_timeout_ms, self)
        self.idle_watcher.idle.connect(lambda: self.lock(privacy=False))
        if self.can_lock:
            self.idle_watcher.start()
        self.privacy_key = PrivacyKey(self.hide_action, self)  # F12 in a dialog too

    # -- what it shows ----------------------------------------------------------------

    @property
    def clinic(self) -> OpenClinic:
        """The open clinic (a new one after each unlock)."""
        return self.session.clinic

    @property
    def ctx(self) -> Context:
        return self.session.ctx

    @property
    def locked(self) -> bool:
        return self.session.locked

    @property
    def person_id(self) -> uuid.UUID | None:
        return self.session.person_id

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
        session = self.session
        actor = session.clinic.actor
        if not actor.system and not session.meeting:  # meeting mode: only the person's things
            title += " — " + self.tr("{account} ({role})").format(
                account=actor.username, role=self.role_text(actor.role)
            )
        if self.demo:
            title += " — " + self.tr("DEMO")
        workspace = self.person_workspace
        if workspace is not None and workspace.view is not None and not session.locked:
            title = workspace.view.person.full_name + " — " + title
        return title

    def _state_changed(self) -> None:
        self.setWindowTitle(self.title())
        person_id, locked = self.session.person_id, self.session.locked
        open_person = person_id is not None and not locked
        may_agree = open_person and access.can(self.ctx, access.Action.EDIT_PLAN, person_id)
        self._update_person_actions(open_person, may_agree, locked)
        self._update_plan_actions()
        # Meeting mode shows no one else: Alt+Left would show the list of people.
        away = open_person or (self.showing_overview() and not locked)
        self.back_action.setEnabled(away and not self.session.meeting)
        if self.meeting is not None:
            self.meeting.agree_button.setEnabled(self.agree_action.isEnabled())

    # -- what a person does (the session decides) --------------------------------------

    def show_person(self, person_id: uuid.UUID) -> None:
        """Open the person's workspace in the window (saving the one open before)."""
        self.session.open_person(person_id)

    def back_to_people(self) -> None:
        if self.showing_overview() and self.session.person_id is None:
            self.show_caseload(None)  # from the overview: Alt+Left shows the people too
            return
        page = self.person_page
        if page is None or settle_dates(page):  # a date refused: the person stays open
            self.session.back_to_people()

    def toggle_meeting(self) -> None:
        self.session.toggle_meeting()

    def enter_meeting(self) -> None:
        self.session.enter_meeting()

    def lock(self, *, privacy: bool = True) -> None:
        """Cover everything at once, audit the lock, and close the database."""
        self.session.lock(privacy=privacy)

    def unlock(self, password: str) -> None:
        """The same account's password opens the database again, back where the user was."""
        if not self.session.locked:
            return
        self.lock_screen.set_busy(True)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            unlocked = self.session.unlock(password)
        finally:
            QGuiApplication.restoreOverrideCursor()
        if unlocked:
            self.resume_review()

    def flush(self) -> None:
        """Save whatever was typed, now (before a dialog reads the plan)."""
        if self.session.editor is not None:
            self.session.editor.saver.flush()

    # -- the session's view: the caseload ---------------------------------------------

    def _changed(self, kind: Kind, _ids: frozenset[uuid.UUID]) -> None:
        """The caseload shows names and plans: read it again when it is shown next."""
        if kind in (Kind.PERSON, Kind.PLAN, Kind.WHOLE_PLAN):
            self._caseload_stale = True

    def show_caseload(self, select: uuid.UUID | None) -> None:
        if self.caseload_model is not None and self._caseload_stale:
            self.caseload_model.refresh()
        self._caseload_stale = False
        if self.caseload is None:
            self.caseload_model = CaseloadModel(self.ctx, self)
            self.caseload = CaseloadView(self.caseload_model, self)
            self.caseload.person_activated.connect(self.show_person)
            self.pages.addWidget(self.caseload)
        self.pages.setCurrentWidget(self.caseload)
        self._drop_overview()
        self.back_action.setEnabled(self.session.person_id is not None)
        model = self.caseload_model
        row = model.row_of(select) if model is not None and select is not None else None
        if row is not None and model is not None:
            self.caseload.table.setCurrentIndex(model.index(row, 0))
            self.caseload.table.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.caseload.focus_search()

    def drop_caseload(self) -> None:
        """Remove every widget and row that holds a person's data."""
        self._drop_overview()
        if self.caseload is not None:
            self.pages.removeWidget(self.caseload)
            self.caseload.hide()
            self.caseload.deleteLater()
            self.caseload = None
        if self.caseload_model is not None:
            self.caseload_model.deleteLater()
            self.caseload_model = None

    # -- the session's view: one person ------------------------------------------------

    def open_person(self, editor: PlanEditor, section: int | None) -> bool:
        workspace = PersonWorkspace(self.ctx, editor.person_id, self, editor=editor)
        page = PersonPage(
            workspace,
            (
                (self.preview_action, self.tr("Print preview")),
                (self.agree_action, self.tr("Agree the plan")),
                (self.meeting_action, self.tr("Meeting mode")),
            ),
            self.back_to_people,
            self,
        )
        workspace.title_changed.connect(lambda _name: self.setWindowTitle(self.title()))
        workspace.title_changed.connect(lambda _name: self._update_plan_actions())
        workspace.next_plan_requested.connect(self.start_next_plan)
        if section is None:
            try:
                section = int(str(self.settings.value(SECTION_KEY, workspace.ABOUT_ME)))
            except (TypeError, ValueError):
                section = workspace.ABOUT_ME
        if 0 <= section < len(workspace.sections):
            workspace.show_section(section)
        self.person_workspace = workspace
        self.person_page = page
        self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)
        self._drop_overview()
        workspace.nav.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def close_person(self) -> int | None:
        """Remove the person's workspace and meeting mode (they hold their data)."""
        self._drop_meeting()
        section = None
        if self.person_workspace is not None:
            section = self.person_workspace.current_section()
            self.settings.setValue(SECTION_KEY, section)
            self.person_workspace.release()
        if self.person_page is not None:
            self.pages.removeWidget(self.person_page)
            self.person_page.hide()
            self.person_page.deleteLater()
        self.person_page = None
        self.person_workspace = None
        return section

    def report(self, sentence: str) -> None:
        self.statusBar().showMessage(sentence)

    # -- the session's view: the lock --------------------------------------------------

    def cover(self, privacy: bool) -> None:
        self.idle_watcher.stop()
        self.pages.setCurrentWidget(self.lock_screen)  # first: nothing stays on screen
        self._close_dialogs()
        self.statusBar().clearMessage()
        self._show_bars(False, self.can_lock)
        self._set_access(self.clinic, locked=True)
        self.lock_screen.set_privacy(privacy)
        self.lock_screen.error_label.clear()
        self.lock_screen.set_busy(False)
        self.lock_screen.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def uncover(self) -> None:
        self.lock_screen.password.clear()
        self.lock_screen.set_busy(False)
        self._show_bars(True, self.can_lock)
        self._set_access(self.clinic, locked=False)
        self.idle_watcher.start()

    def unlock_refused(self, sentence: str) -> None:
        self.lock_screen.set_busy(False)
        self.lock_screen.show_problem(sentence)

    # -- window -----------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self.settings.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            state = self.settings.value(STATE_KEY)
            if isinstance(state, QByteArray):
                self.restoreState(state)
            # A state saved while locked or signed out has the privacy button hidden; it is
            # never a preference: whoever can lock always has it.
            self.toolbar.setVisible(self.can_lock)
        else:
            # First start: a comfortable size that still fits a small or zoomed screen.
            available = self.screen().availableGeometry()
            self.resize(
                min(1200, int(available.width() * 0.9)), min(720, int(available.height() * 0.9))
            )

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_close_review() or not self.session.close():
            # a review in progress, or words not stored yet: the person chooses first
            event.ignore()
            return
        self.idle_watcher.stop()
        self._close_dialogs()
        self.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self.settings.setValue(STATE_KEY, self.saveState())
        self.settings.sync()
        super().closeEvent(event)
