"""Meeting mode's keys: what the keyboard is on, Ctrl+G, Ctrl+T, Ctrl+M, Alt+Up/Down,
undo and redo, and Ctrl+Enter for the next part of a first plan."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QScrollArea, QWidget

from caseplan.services.plans.plan_view import PlanView
from caseplan.ui.controllers.first_plan import FirstPlanGuide, Stage
from caseplan.ui.controllers.plan_editor import PlanEditor
from caseplan.ui.meeting.editing import MeetingEditing
from caseplan.ui.meeting.guide import GuideBar
from caseplan.ui.widgets.whose_words import OwnWordsEdit


class MeetingKeys(QWidget):
    """The part of :class:`MeetingView` that answers the keys (it holds the widgets)."""

    agree_requested = Signal()
    print_requested = Signal()

    editor: PlanEditor
    editing: MeetingEditing
    guide: FirstPlanGuide
    guide_bar: GuideBar
    scroller: QScrollArea
    view: PlanView | None
    fields: dict[str, OwnWordsEdit]
    focusables: dict[str, QWidget]

    def focused_key(self) -> str | None:
        focus = self.focusWidget()
        for key, widget in self.focusables.items():
            if widget is focus or widget.isAncestorOf(focus):
                return key
        return None

    def focus_key(self, key: str) -> bool:
        """Put the keyboard on ``key``'s field or step and scroll it into view."""
        widget = self.focusables.get(key)
        if widget is None:
            return False
        self.scroller.ensureWidgetVisible(widget)
        if not self.window().isActiveWindow():
            self.window().activateWindow()  # back from a dialog
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def current_goal(self) -> uuid.UUID | None:
        """The goal the keyboard is on (its words or one of its steps)."""
        key = self.focused_key() or ""
        if key.startswith("goal."):
            return uuid.UUID(key.removeprefix("goal."))
        widget = self.focusables.get(key)
        step = widget.property("step") if widget is not None else None
        return step[1] if isinstance(step, tuple) else None

    def add_goal(self) -> None:
        self.guide.went_to(Stage.GOALS)
        self._show_guide()
        self.editing.add_goal(self.current_goal())

    def add_step(self, goal_id: uuid.UUID | None = None) -> None:
        self.guide.went_to(Stage.STEPS)
        self._show_guide()
        goal = goal_id or self.current_goal()
        if goal is None and self.view is not None and self.view.goals:
            goal = self.view.goals[-1].id
        self.editing.add_step(goal)

    def add_member(self) -> None:
        self.guide.went_to(Stage.TEAM)
        self._show_guide()
        self.editing.add_member()

    def move_current(self, offset: int) -> None:
        key = self.focused_key() or ""
        widget = self.focusables.get(key)
        step = widget.property("step") if widget is not None else None
        if isinstance(step, tuple):
            self.editing.move_step(step[0], offset)
        elif key.startswith("goal."):
            self.editing.move_goal(uuid.UUID(key.removeprefix("goal.")), offset)

    def undo(self) -> None:
        self.editor.undo()

    def redo(self) -> None:
        self.editor.redo()

    def do_next(self) -> None:
        """Ctrl+Enter: the next part of a first plan (see :class:`FirstPlanGuide`)."""
        action = self.guide.take()
        self._show_guide()
        if action.what == "about_me":
            self._focus_first("about_me.")
        elif action.what == "add_goal":
            self.editing.add_goal(self.current_goal())
        elif action.what == "add_step":
            self.editing.add_step(action.goal_id)
        elif action.what == "add_member":
            self.editing.add_member()
        elif action.what == "crisis":
            self._focus_first("crisis.")
        elif action.what == "agree":
            self.agree_requested.emit()
        else:
            self.print_requested.emit()

    def _focus_first(self, prefix: str) -> None:
        keys = [k for k in self.fields if k.startswith(prefix)]
        empty = [k for k in keys if not self.fields[k].text().strip()]
        if keys:
            self.focus_key((empty or keys)[0])

    def _show_guide(self) -> None:
        self.guide_bar.show_guide(self.guide)
