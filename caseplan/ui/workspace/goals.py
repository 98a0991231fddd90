"""Goals and steps: grouped by life domain; add, edit, reorder and close with mouse or keys."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from caseplan.models import GoalStatus, LifeDomain, StepStatus
from caseplan.services.plans.goal_details import GoalDetails, StepDetails
from caseplan.services.plans.plan_view import PlanView
from caseplan.ui.controllers.records import Kind, Ref
from caseplan.ui.widgets.dates import OptionalDateEdit
from caseplan.ui.widgets.fit_screen import narrow
from caseplan.ui.widgets.record_model import ROW_ROLE
from caseplan.ui.widgets.whose_words import OwnWordsEdit, SharedTextEdit, WorkerNoteEdit
from caseplan.ui.workspace.fields import goal_field, step_field
from caseplan.ui.workspace.goal_dialogs import AddGoalDialog, AddStepDialog, domain_combo
from caseplan.ui.workspace.goal_model import KIND_ROLE, GoalTreeModel
from caseplan.ui.workspace.labels import goal_status_label, step_status_label
from caseplan.ui.workspace.section import Host, Section
from caseplan.ui.workspace.team_model import ParticipantListModel


class GoalsSection(Section):
    SHOWS = frozenset({Kind.GOAL, Kind.STEP, Kind.PARTICIPANT, Kind.PERSON})

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.view: PlanView | None = None
        self.person_name = ""
        self.model = GoalTreeModel(self)
        self.team = ParticipantListModel(self)
        self.add_goal_dialog: AddGoalDialog | None = None
        self.add_step_dialog: AddStepDialog | None = None

        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setAccessibleName(self.tr("Goals and steps"))
        self.tree.setAccessibleDescription(
            self.tr("Goals grouped by life domain. Alt+Up and Alt+Down move the selected one.")
        )
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setUniformRowHeights(True)
        self.tree.setWordWrap(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        for column in (1, 2, 3):
            self.tree.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        self.add_goal_button = self._button(self.tr("Add &goal"), self.tr("Add a goal (Ctrl+G)"))
        self.add_step_button = self._button(self.tr("Add &step"), self.tr("Add a step (Ctrl+T)"))
        self.up_button = self._button(self.tr("Move &up"), self.tr("Move up (Alt+Up)"))
        self.down_button = self._button(self.tr("Move &down"), self.tr("Move down (Alt+Down)"))
        self.close_button = self._button(self.tr("&Close goal"), self.tr("Close the goal"))
        self.add_goal_button.clicked.connect(self.start_add_goal)
        self.add_step_button.clicked.connect(self.start_add_step)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.close_button.clicked.connect(self.close_current_goal)
        # Ctrl+G, Ctrl+T and Ctrl+Shift+S are the workspace's (they work from its list of
        # sections too, and bring this section up): see PersonWorkspace.
        for keys, offset in (("Alt+Up", -1), ("Alt+Down", 1)):
            shortcut = QShortcut(QKeySequence(keys), self.tree)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda o=offset: self.move_current(o))

        buttons = QHBoxLayout()
        for button in (
            self.add_goal_button,
            self.add_step_button,
            self.up_button,
            self.down_button,
            self.close_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.details = QStackedWidget(self)
        self.empty = QLabel(
            self.tr("Choose a goal or a step to see and change it, or add a goal (Ctrl+G)."), self
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.details.addWidget(self.empty)
        self._build_goal_page()
        self._build_step_page()

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.tree, 1)
        splitter = QSplitter(self)
        if narrow(self):  # large text on a small screen: the goal or step below the list
            splitter.setOrientation(Qt.Orientation.Vertical)
        self.splitter = splitter
        splitter.addWidget(left)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.setFocusProxy(self.tree)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)

    def _button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleDescription(name)  # the name is the visible text
        button.setToolTip(name)
        return button

    # --- detail pages ------------------------------------------------------------------

    def _build_goal_page(self) -> None:
        page = QWidget(self)
        self.goal_domain = domain_combo(page)
        self.goal_domain.setAccessibleName(self.tr("Life domain of the goal"))
        self.goal_words = OwnWordsEdit(self.tr("The goal"), "", page)
        self.goal_target = OptionalDateEdit(self.tr("Goal target date"), page)
        self.goal_status = QComboBox(page)
        self.goal_status.setAccessibleName(self.tr("Goal status"))
        for status in GoalStatus:
            self.goal_status.addItem(goal_status_label(status), status)
        self.goal_note = WorkerNoteEdit(parent=page)
        self.goal_words_binding = self.host.bind(self.goal_words)
        self.goal_note_binding = self.host.bind(self.goal_note)
        form = QFormLayout()
        form.addRow(self.tr("Life do&main:"), self.goal_domain)
        form.addRow(self.tr("Ta&rget date:"), self.goal_target)
        form.addRow(self.tr("St&atus:"), self.goal_status)
        column = QVBoxLayout(page)
        column.addWidget(self.goal_words, 2)
        column.addLayout(form)
        column.addWidget(self.goal_note, 1)
        self.goal_domain.activated.connect(
            lambda _i: self._change_goal("domain", LifeDomain(self.goal_domain.currentData()))
        )
        self.goal_status.activated.connect(
            lambda _i: self._change_goal("status", GoalStatus(self.goal_status.currentData()))
        )
        self.goal_target.changed.connect(
            lambda: self._change_goal("target_date", self.goal_target.value())
        )
        self.goal_page = page
        self.details.addWidget(page)

    def _build_step_page(self) -> None:
        page = QWidget(self)
        self.step_action = SharedTextEdit(self.tr("The step"), page)
        self.step_action.set_lines(3)
        self.step_responsible = QComboBox(page)
        self.step_responsible.setModel(self.team)
        self.step_responsible.setAccessibleName(self.tr("Who is responsible for the step"))
        self.step_due = OptionalDateEdit(self.tr("Step due date"), page)
        self.step_status = QComboBox(page)
        self.step_status.setAccessibleName(self.tr("Step status"))
        for status in StepStatus:
            self.step_status.addItem(step_status_label(status), status)
        self.step_note = WorkerNoteEdit(parent=page)
        self.step_action_binding = self.host.bind(self.step_action)
        self.step_note_binding = self.host.bind(self.step_note)
        form = QFormLayout()
        form.addRow(self.tr("&Who:"), self.step_responsible)
        form.addRow(self.tr("&By when:"), self.step_due)
        form.addRow(self.tr("St&atus:"), self.step_status)
        column = QVBoxLayout(page)
        column.addWidget(self.step_action)
        column.addLayout(form)
        column.addWidget(self.step_note, 1)
        self.step_responsible.activated.connect(
            lambda row: self._change_step("responsible_id", self.team.id_at(row))
        )
        self.step_status.activated.connect(
            lambda _i: self._change_step("status", StepStatus(self.step_status.currentData()))
        )
        self.step_due.changed.connect(lambda: self._change_step("due", self.step_due.value()))
        self.step_page = page
        self.details.addWidget(page)

    # --- showing ---------------------------------------------------------------------

    def show_view(self, view: PlanView | None) -> None:
        self.view = view
        current = self.current_id()
        self.person_name = (
            "" if view is None else (view.person.preferred_name or view.person.full_name)
        )
        self.goal_words.set_person(self.person_name)
        participants = () if view is None else view.participants
        self.team.set_participants(participants)
        self.model.set_goals(() if view is None else view.goals, self.team.name_of)
        self.tree.expandAll()
        enabled = view is not None
        for widget in (self.add_goal_button, self.add_step_button, self.tree):
            widget.setEnabled(enabled)
        if current is not None:
            self.select(current)
        else:
            self._current_changed(self.tree.currentIndex())

    def current_id(self) -> uuid.UUID | None:
        index = self.tree.currentIndex()
        value = self.model.data(index.siblingAtColumn(0), ROW_ROLE) if index.isValid() else None
        return getattr(value, "id", None)

    def current(self) -> tuple[str, Any]:
        index = self.tree.currentIndex().siblingAtColumn(0)
        if not index.isValid():
            return "", None
        return self.model.data(index, KIND_ROLE), self.model.data(index, ROW_ROLE)

    def select(self, record_id: uuid.UUID) -> None:
        index = self.model.index_of(self.editor.aliases.resolve(record_id))
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self._current_changed(index)

    def _current_changed(self, index: QModelIndex, _previous: Any = None) -> None:
        kind, value = self.current()
        if kind == "goal":
            goal: GoalDetails = value
            self.goal_words_binding.set_target(
                goal_field(goal.id, "own_words", self.tr("The goal")),
                goal.own_words,
                goal.version,
            )
            self.goal_note_binding.set_target(
                goal_field(goal.id, "worker_note", self.tr("Worker's note on the goal")),
                goal.worker_note,
                goal.version,
            )
            self.goal_domain.setCurrentIndex(self.goal_domain.findData(goal.domain))
            self.goal_status.setCurrentIndex(self.goal_status.findData(goal.status))
            self.goal_target.set_value(goal.target_date)
            self.details.setCurrentWidget(self.goal_page)
        elif kind == "step":
            step: StepDetails = value
            self.step_action_binding.set_target(
                step_field(step.id, "action", self.tr("The step")),
                step.action,
                step.version,
            )
            self.step_note_binding.set_target(
                step_field(step.id, "worker_note", self.tr("Worker's note on the step")),
                step.worker_note,
                step.version,
            )
            self.step_responsible.setCurrentIndex(max(0, self.team.row_of(step.responsible_id)))
            self.step_status.setCurrentIndex(self.step_status.findData(step.status))
            self.step_due.set_value(step.due)
            self.details.setCurrentWidget(self.step_page)
        else:
            for binding in (
                self.goal_words_binding,
                self.goal_note_binding,
                self.step_action_binding,
                self.step_note_binding,
            ):
                binding.set_target(None)
            self.details.setCurrentWidget(self.empty)
        is_goal = kind == "goal"
        self.add_step_button.setEnabled(kind in ("goal", "step"))
        self.close_button.setEnabled(is_goal and value.status != GoalStatus.CLOSED)
        self.up_button.setEnabled(kind in ("goal", "step"))
        self.down_button.setEnabled(kind in ("goal", "step"))

    # --- changes ---------------------------------------------------------------------

    def _change_goal(self, name: str, new: Any) -> None:
        kind, goal = self.current()
        if kind != "goal" or getattr(goal, name) == new:
            return
        self.editor.change(
            self.tr("Change the goal"),
            Ref(Kind.GOAL, goal.id, goal.plan_id),
            self.tr("The goal"),
            {name: getattr(goal, name)},
            {name: new},
            goal.version,
        )
        self.select(goal.id)

    def _change_step(self, name: str, new: Any) -> None:
        kind, step = self.current()
        if kind != "step" or getattr(step, name) == new:
            return
        self.editor.change(
            self.tr("Change the step"),
            Ref(Kind.STEP, step.id, step.goal_id),
            self.tr("The step"),
            {name: getattr(step, name)},
            {name: new},
            step.version,
        )
        self.select(step.id)

    def make_read_only(self, reason: str) -> None:
        super().make_read_only(reason)
        self.empty.setText(self.tr("Choose a goal or a step to see it."))  # no adding here

    def start_add_goal(self) -> None:
        if self.view is None:
            return
        self.editor.saver.flush()
        kind, value = self.current()
        domain = LifeDomain.OTHER
        if kind == "goal":
            domain = value.domain
        elif kind == "domain":
            domain = value
        dialog = AddGoalDialog(domain, self.person_name, self)
        self.add_goal_dialog = dialog
        dialog.accepted.connect(lambda: self._add_goal(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _add_goal(self, dialog: AddGoalDialog) -> None:
        made = self.editor.add_goal(dialog.chosen_domain(), dialog.words.text())
        if made is not None:
            self.select(made)
            self._focus_tree()

    def _focus_tree(self) -> None:
        self.window().activateWindow()
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def start_add_step(self) -> None:
        if self.view is None:
            return
        self.editor.saver.flush()
        goal = self.model.goal_of(self.tree.currentIndex())
        if goal is None:
            self.host.report(self.tr("Choose the goal the step is for first."))
            return
        dialog = AddStepDialog(goal.own_words, self.team, self)
        self.add_step_dialog = dialog
        dialog.accepted.connect(lambda: self._add_step(dialog, goal.id))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _add_step(self, dialog: AddStepDialog, goal_id: uuid.UUID) -> None:
        made = self.editor.add_step(
            goal_id, dialog.action.text(), dialog.responsible_id(), dialog.due_date()
        )
        if made is not None:
            self.select(goal_id)
            self._focus_tree()

    def move_current(self, offset: int) -> None:
        kind, value = self.current()
        if self.view is None or kind not in ("goal", "step"):
            return
        if kind == "step":
            self.editor.move(Kind.STEP, value.id, value.goal_id, offset)
            self.select(value.id)
            return
        order = [g.id for g in self.view.goals]
        same = [g.id for g in self.view.goals if g.domain == value.domain]
        where = same.index(value.id) + offset
        if not 0 <= where < len(same):
            return
        places = order.index(same[where]) - order.index(value.id)
        self.editor.move(Kind.GOAL, value.id, value.plan_id, places)
        self.select(value.id)

    def close_current_goal(self) -> None:
        kind, _goal = self.current()
        if kind == "goal":
            self.goal_status.setCurrentIndex(self.goal_status.findData(GoalStatus.CLOSED))
            self._change_goal("status", GoalStatus.CLOSED)
