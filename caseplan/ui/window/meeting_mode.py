"""Meeting mode in the main window: full screen, only this person's plan, large type."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QStackedWidget

from caseplan.ui.controllers.first_plan import Stage
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
    #: where the keyboard and the page were when a lock closed meeting mode
    _meeting_place: tuple[str, int, Stage] | None = None

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
        place, self._meeting_place = self._meeting_place, None
        if place is not None and place[0] in meeting.focusables:
            # back after a lock: where the keyboard was, the page as it was
            meeting.guide.stage, meeting.guide.begun = place[2], True
            meeting.guide_bar.show_guide(meeting.guide)
            meeting.focus_key(place[0])
            meeting.scroller.verticalScrollBar().setValue(place[1])
            return True
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
        if self.session.locked:  # remember where (a key and a number, no words) for the unlock
            self._meeting_place = (
                meeting.focused_key() or "",
                meeting.scroller.verticalScrollBar().value(),
                meeting.guide.stage,
            )
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
