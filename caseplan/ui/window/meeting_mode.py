"""Meeting mode in the main window: full screen, only this person's plan, large type."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QStackedWidget

from caseplan.ui.meeting import MeetingView
from caseplan.ui.widgets.dates import settle_dates
from caseplan.ui.window.dialogs import WindowDialogs
from caseplan.ui.window.person_page import PersonPage
from caseplan.ui.workspace.read_only import KeepReadOnly

ZOOM_KEY = "meeting/zoom"  #: meeting mode's text size


class WindowMeetingMode(WindowDialogs):
    """Shows and hides meeting mode when the session says so (part of its ``SessionView``)."""

    settings: QSettings
    pages: QStackedWidget
    person_page: PersonPage | None
    _was_maximized: bool

    @property
    def can_lock(self) -> bool:
        return self.session.can_lock

    def leave_meeting(self) -> None:
        if self.meeting is None or settle_dates(self.meeting):  # a date refused: stay
            self.session.leave_meeting()

    def open_meeting(self) -> bool:
        """Full screen, only this person's plan, large type; Escape or F11 leaves."""
        workspace, editor = self.person_workspace, self.session.editor
        if workspace is None or editor is None:
            return False
        editor.saver.flush()
        workspace.reload()  # the plan as it is now, also what others changed meanwhile
        try:
            start = float(str(self.settings.value(ZOOM_KEY, 1.0)))
        except (TypeError, ValueError):
            start = 1.0
        meeting = MeetingView(editor, start, self)
        meeting.leave_requested.connect(self.leave_meeting)
        meeting.agree_requested.connect(self.agree_plan)
        meeting.print_requested.connect(self.show_preview)
        meeting.zoom_changed.connect(lambda value: self.settings.setValue(ZOOM_KEY, value))
        meeting.agree_button.setEnabled(self.agree_action.isEnabled())
        if not workspace.may_change:  # a peer reads the plan in large type, changes nothing
            keep = (meeting.leave_button, meeting.smaller_button, meeting.larger_button)
            KeepReadOnly(meeting, workspace.read_only_note.text(), keep, editor.changes.changed)
        self.meeting = meeting
        self.pages.addWidget(meeting)
        self.pages.setCurrentWidget(meeting)
        self._show_bars(False, self.can_lock)
        self._was_maximized = self.isMaximized()
        self.showFullScreen()
        first = meeting.first_field()
        if first is not None:
            first.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def close_meeting(self) -> None:
        self._drop_meeting()
        if self.person_page is not None and self.person_workspace is not None:
            self.pages.setCurrentWidget(self.person_page)
            self.person_workspace.nav.setFocus(Qt.FocusReason.OtherFocusReason)

    def _drop_meeting(self) -> None:
        meeting = self.meeting
        if meeting is None:
            return
        self.meeting = None
        meeting.release()
        self.pages.removeWidget(meeting)
        meeting.hide()
        meeting.deleteLater()
        if self.isFullScreen():
            if self._was_maximized:
                self.showMaximized()
            else:
                self.showNormal()
        if not self.session.locked:
            self._show_bars(True, self.can_lock)
