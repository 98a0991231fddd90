"""The main window's actions, menus and toolbar; what each action does is wired by the window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QToolBar

from caseplan.services.clinic.unlock import OpenClinic
from caseplan.services.security import access
from caseplan.ui.audit import may_read_audit
from caseplan.ui.backup import may_back_up
from caseplan.ui.printing import may_print_due


class WindowActions(QMainWindow):
    """Every action with its text, keys and tooltip, and the menus and toolbar that hold them."""

    def _build_actions(self) -> None:
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self.sign_out_action = QAction(self.tr("Sign &out"), self)
        self.sign_out_action.setToolTip(
            self.tr("Close this person's data and the database; the next person signs in")
        )
        self.switch_action = QAction(self.tr("S&witch account…"), self)
        self.switch_action.setToolTip(
            self.tr("Sign out, then sign in with another account on this computer")
        )
        self.language_action = QAction(self.tr("&Language…"), self)
        self.language_action.setToolTip(self.tr("The language of the screens on this computer"))

        self.hide_action = QAction(self.tr("&Hide screen"), self)
        self.hide_action.setShortcut(QKeySequence(Qt.Key.Key_F12))
        self.hide_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.hide_action.setIconText(self.tr("Hide screen (F12)"))
        self.hide_action.setToolTip(
            self.tr("Hide everything at once; your password shows it again (F12)")
        )

        self.backup_action = QAction(self.tr("&Back up…"), self)
        self.audit_action = QAction(self.tr("&Audit trail…"), self)
        self.overview_action = QAction(self.tr("&Overview"), self)
        self.overview_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.overview_action.setToolTip(
            self.tr("What needs attention: reviews, plans, consents, steps, contact (Ctrl+Shift+O)")
        )
        self.what_helps_action = QAction(self.tr("&What people say helps…"), self)
        self.what_helps_action.setToolTip(
            self.tr("People's own words from reviews, shared with their yes, without names")
        )
        self.charts_action = QAction(self.tr("&Charts…"), self)
        self.charts_action.setToolTip(
            self.tr("Reviews on time per month, plans agreed and in draft, ratings by life domain")
        )
        self.peer_hours_action = QAction(self.tr("Peer &hours…"), self)
        self.peer_hours_action.setToolTip(self.tr("Peer time per peer and person, for payment"))

        self.back_action = QAction(self.tr("&Back to people"), self)
        self.back_action.setShortcut(QKeySequence("Alt+Left"))
        self.back_action.setToolTip(self.tr("Back to the list of people (Alt+Left or Escape)"))

        self.meeting_action = QAction(self.tr("&Meeting mode"), self)
        self.meeting_action.setShortcut(QKeySequence(Qt.Key.Key_F11))
        self.meeting_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.meeting_action.setIconText(self.tr("Meeting mode (F11)"))
        self.meeting_action.setToolTip(
            self.tr("Only this person's plan, full screen, in large type (F11)")
        )

        self.preview_action = QAction(self.tr("&Print preview…"), self)
        self.preview_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.preview_action.setIconText(self.tr("Print preview…"))

        self.new_person_action = QAction(self.tr("&New person…"), self)
        self.new_person_action.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        self.new_person_action.setToolTip(
            self.tr("Register a person; their first plan opens with them (Ctrl+N)")
        )
        self.edit_person_action = QAction(self.tr("&Edit details…"), self)
        self.edit_person_action.setShortcut(QKeySequence("Ctrl+E"))
        self.review_action = QAction(self.tr("&Review the plan…"), self)
        self.review_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.review_action.setIconText(self.tr("Review the plan…"))
        self.review_action.setToolTip(
            self.tr("Look at each goal together: how far, what helped, what now (Ctrl+Shift+R)")
        )

        self.period_action = QAction(self.tr("Plan &period and review date…"), self)
        self.period_action.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.close_plan_action = QAction(self.tr("&Close the plan…"), self)
        self.next_plan_action = QAction(self.tr("&Start the next plan…"), self)
        self.clinic_settings_action = QAction(self.tr("&Clinic settings…"), self)
        self.clinic_settings_action.setToolTip(
            self.tr("When new plans are first reviewed, and when the window locks")
        )

        self.agree_action = QAction(self.tr("&Agree the plan…"), self)
        self.agree_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.agree_action.setIconText(self.tr("Agree the plan…"))

        self.batch_action = QAction(self.tr("Print plans &due…"), self)

        self.guide_action = QAction(self.tr("&User guide"), self)
        self.guide_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.guide_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)

        self.keys_action = QAction(self.tr("&Keyboard shortcuts"), self)
        self.keys_action.setShortcut(QKeySequence("Ctrl+F1"))
        self.keys_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)

        self.about_action = QAction(self.tr("&About Caseplan"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _set_access(self, clinic: OpenClinic, locked: bool) -> None:
        """What this account may use, and nothing at all while the window is locked."""
        ctx, can_lock = clinic.ctx, not clinic.actor.system
        self.hide_action.setEnabled(can_lock and not locked)
        self.sign_out_action.setEnabled(can_lock)  # from the lock screen's menu-less state too
        self.switch_action.setEnabled(can_lock)
        if clinic.database.location.path is None:
            self.backup_action.setEnabled(False)
            self.backup_action.setToolTip(
                self.tr("On a PostgreSQL server, back up with the server's own tools (pg_dump).")
            )
        elif not may_back_up(clinic):
            self.backup_action.setEnabled(False)
            self.backup_action.setToolTip(
                self.tr("Only a team lead or an administrator can make backups.")
            )
        else:
            self.backup_action.setEnabled(not locked)
        if locked:
            self.audit_action.setEnabled(False)
            self.peer_hours_action.setEnabled(False)
            self.overview_action.setEnabled(False)
            self.what_helps_action.setEnabled(False)
            self.charts_action.setEnabled(False)
            return
        for action in (self.overview_action, self.what_helps_action, self.charts_action):
            action.setEnabled(True)
            action.setVisible(access.can(ctx, access.Action.VIEW_OVERVIEW))
        self.what_helps_action.setVisible(access.can(ctx, access.Action.WHAT_PEOPLE_SAY))
        self.audit_action.setEnabled(True)
        self.peer_hours_action.setEnabled(True)
        self.audit_action.setVisible(may_read_audit(ctx))
        self.peer_hours_action.setVisible(access.can(ctx, access.Action.PEER_HOURS_REPORT))
        self.batch_action.setVisible(may_print_due(ctx))
        self.new_person_action.setVisible(access.can(ctx, access.Action.CREATE_PERSON))

    def _build_menus(self, can_lock: bool) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.setToolTipsVisible(True)
        file_menu.addAction(self.preview_action)
        file_menu.addAction(self.batch_action)
        file_menu.addSeparator()
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.hide_action)
        file_menu.addSeparator()
        file_menu.addAction(self.switch_action)
        file_menu.addAction(self.sign_out_action)
        file_menu.addAction(self.quit_action)

        person_menu = self.menuBar().addMenu(self.tr("&Person"))
        person_menu.setToolTipsVisible(True)
        person_menu.addAction(self.new_person_action)
        person_menu.addAction(self.edit_person_action)
        person_menu.addSeparator()
        person_menu.addAction(self.back_action)
        person_menu.addAction(self.meeting_action)

        plan_menu = self.menuBar().addMenu(self.tr("P&lan"))
        plan_menu.setToolTipsVisible(True)
        plan_menu.addAction(self.review_action)
        plan_menu.addAction(self.period_action)
        plan_menu.addAction(self.agree_action)
        plan_menu.addSeparator()
        plan_menu.addAction(self.close_plan_action)
        plan_menu.addAction(self.next_plan_action)

        self.tools_menu = self.menuBar().addMenu(self.tr("&Tools"))
        self.tools_menu.setToolTipsVisible(True)
        self.tools_menu.addAction(self.overview_action)
        self.tools_menu.addAction(self.what_helps_action)
        self.tools_menu.addAction(self.charts_action)
        self.tools_menu.addAction(self.audit_action)
        self.tools_menu.addAction(self.peer_hours_action)
        self.tools_menu.menuAction().setVisible(
            self.audit_action.isVisible()
            or self.peer_hours_action.isVisible()
            or self.overview_action.isVisible()
        )

        settings_menu = self.menuBar().addMenu(self.tr("S&ettings"))
        settings_menu.setToolTipsVisible(True)
        settings_menu.addAction(self.language_action)
        settings_menu.addAction(self.clinic_settings_action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.guide_action)
        help_menu.addAction(self.keys_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

        self.toolbar = QToolBar(self.tr("Privacy"), self)
        self.toolbar.setObjectName("privacyToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addAction(self.hide_action)
        self.toolbar.widgetForAction(self.hide_action).setAccessibleDescription(
            self.tr("Hide screen")
        )
        self.toolbar.setVisible(can_lock)
        self.addToolBar(self.toolbar)

        # Their keys work in meeting mode too, where the menus and toolbars are hidden.
        for action in (
            self.hide_action,
            self.meeting_action,
            self.agree_action,
            self.review_action,
            self.period_action,
            self.back_action,
            self.preview_action,
            self.guide_action,
            self.keys_action,
        ):
            self.addAction(action)

    def _show_bars(self, shown: bool, can_lock: bool) -> None:
        for bar in (self.menuBar(), self.statusBar()):
            bar.setVisible(shown)
        self.toolbar.setVisible(shown and can_lock)

    def _update_person_actions(self, open_person: bool, may_agree: bool, locked: bool) -> None:
        self.back_action.setEnabled(open_person)
        self.meeting_action.setEnabled(open_person)
        self.preview_action.setEnabled(open_person)
        self.agree_action.setEnabled(may_agree)
        self.review_action.setEnabled(may_agree)
        self.edit_person_action.setEnabled(may_agree)
        self.new_person_action.setEnabled(not locked)
        self.agree_action.setToolTip(
            self.tr("Read the plan back together, then agree it (Ctrl+Shift+A)")
            if may_agree or not open_person
            else self.tr("Only the person's practitioners can agree the plan.")
        )
        self.batch_action.setEnabled(not locked)
