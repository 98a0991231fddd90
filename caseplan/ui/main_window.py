"""The main window: the caseload in the middle, locking, the audit trail and backups."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from caseplan import __version__
from caseplan.errors import CaseplanError
from caseplan.models import Role
from caseplan.resources import asset
from caseplan.services import audit, clinic
from caseplan.services import demo as demo_service
from caseplan.services.clinic import Workspace
from caseplan.services.clinic_settings import idle_lock_minutes
from caseplan.services.context import Context
from caseplan.ui.audit import AuditDialog, may_read_audit
from caseplan.ui.audit.model import LOCK_IDLE, LOCK_PRIVACY
from caseplan.ui.backup import BackupDialog, ask_backup_target, may_back_up
from caseplan.ui.caseload import CaseloadModel, CaseloadView
from caseplan.ui.i18n import error_text
from caseplan.ui.security import IdleWatcher, LockScreen

ORGANISATION = "Caseplan"
APPLICATION = "Caseplan"
GEOMETRY_KEY = "main_window/geometry"
STATE_KEY = "main_window/state"

SignInAgain = Callable[[Workspace, str, str], Workspace]


def app_icon() -> QIcon:
    try:
        return QIcon(str(asset("icons", "caseplan.svg")))
    except FileNotFoundError:
        return QIcon()


def is_demo(ctx: Context) -> bool:
    """Whether this is a demo database full of fictional people (says so in the title)."""
    return bool(demo_service.is_demo(ctx))


class MainWindow(QMainWindow):
    """Handed a signed-in :class:`Workspace`; it never opens a database by itself.

    Locking (after ``idle_timeout_ms`` without use, or the privacy key F12) audits the
    lock, drops the caseload and closes the workspace; the password of the same account
    opens it again through ``sign_in_again``.
    """

    def __init__(
        self,
        workspace: Workspace,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
        *,
        idle_timeout_ms: int | None = None,
        sign_in_again: SignInAgain = clinic.sign_in_again,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.location = workspace.database.location
        self.settings = settings if settings is not None else QSettings(ORGANISATION, APPLICATION)
        self._sign_in_again = sign_in_again
        self.locked = False
        self.caseload_model: CaseloadModel | None = None
        self.caseload: CaseloadView | None = None

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
        if not actor.system:
            title += " — " + self.tr("{account} ({role})").format(
                account=actor.username, role=self.role_text(actor.role)
            )
        if self.demo:
            title += " — " + self.tr("DEMO")
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

        self.about_action = QAction(self.tr("&About Caseplan"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.setToolTipsVisible(True)
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.hide_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        self.tools_menu = self.menuBar().addMenu(self.tr("&Tools"))
        self.tools_menu.addAction(self.audit_action)
        self.tools_menu.menuAction().setVisible(self.audit_action.isVisible())

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

        self.toolbar = QToolBar(self.tr("Privacy"), self)
        self.toolbar.setObjectName("privacyToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addAction(self.hide_action)
        self.toolbar.widgetForAction(self.hide_action).setAccessibleName(self.tr("Hide screen"))
        self.toolbar.setVisible(self.can_lock)
        self.addToolBar(self.toolbar)

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

    def show_person(self, person_id: uuid.UUID) -> None:
        """For now only says who was chosen; the person's workspace comes later."""
        if self.caseload_model is None:
            return
        row = self.caseload_model.row_of(person_id)
        if row is None:
            return
        name = self.caseload_model.display_name(row)
        self.statusBar().showMessage(self.tr("Selected: {name}").format(name=name))

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
        for action in (self.hide_action, self.backup_action, self.audit_action):
            action.setEnabled(False)
        self._drop_caseload()
        try:
            with self.ctx.write() as session:
                audit.record(
                    session,
                    self.workspace.actor,
                    audit.Action.LOCK,
                    "session",
                    "",
                    LOCK_PRIVACY if privacy else LOCK_IDLE,
                )
        except CaseplanError:
            pass  # the lock itself must never fail; the database is closed next anyway
        self.workspace.close()
        self.lock_screen.set_privacy(privacy)
        self.lock_screen.error_label.clear()
        self.lock_screen.set_busy(False)
        self.lock_screen.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def _close_dialogs(self) -> None:
        for dialog in self.findChildren(QDialog):
            if isinstance(dialog, BackupDialog):
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
        self.backup_action.setEnabled(self.location.path is not None and may_back_up(workspace))
        self._build_caseload()
        self.idle_watcher.start()

    # -- tools ------------------------------------------------------------------------

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

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Caseplan"), self.about_text())

    def about_text(self) -> str:
        return self.tr(
            "Caseplan {version}\n\nIndividual follow-up plans, made together with the person."
        ).format(version=__version__)

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
        self.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self.settings.setValue(STATE_KEY, self.saveState())
        self.settings.sync()
        super().closeEvent(event)
