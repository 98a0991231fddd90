"""What can be added and changed in meeting mode, by keyboard: goals, steps, team members
(a peer after the person's consent to peer involvement), a step done, the order.

Every change goes through the person's plan editor (the same services, undo history and
change notification as the workspace); the dialogs are the workspace's, in large type,
and none of them holds a worker's note.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QWidget

from caseplan.models import LifeDomain, ParticipantRole, StepStatus
from caseplan.services.plans.goal_details import GoalDetails, StepDetails
from caseplan.services.plans.plan_view import PlanView
from caseplan.services.team.team import ParticipantDetails
from caseplan.ui.controllers.plan_editor import PlanEditor
from caseplan.ui.controllers.records import Kind, Ref
from caseplan.ui.meeting.dialogs import StepDialog, TeamOrSomeoneNew, in_large_type
from caseplan.ui.workspace.consent_renewal import RenewConsentDialog, consent_line
from caseplan.ui.workspace.goal_dialogs import AddGoalDialog
from caseplan.ui.workspace.member_dialogs import ParticipantDialog, PeerConsentDialog

Then = Callable[[uuid.UUID | None], None]


class MeetingEditing(QObject):
    """Opens the add dialogs over meeting mode and makes the changes through the editor.

    ``focus`` is called with the key of what to put the keyboard on after a change
    ("goal.<id>", "step.<id>"); ``font`` gives the type the dialogs are shown in.
    """

    def __init__(
        self,
        editor: PlanEditor,
        parent: QWidget,
        font: Callable[[], QFont],
        focus: Callable[[str], object],
        person_name: Callable[[], str],
    ) -> None:
        super().__init__(parent)
        self.editor = editor
        self.parent_widget = parent
        self.font = font
        self.focus = focus
        self.person_name = person_name
        #: the dialog open now (one at a time), for tests and for closing on a lock
        self.dialog: QDialog | None = None

    @property
    def view(self) -> PlanView | None:
        return self.editor.view

    def _open(self, dialog: QDialog, parent_dialog: QDialog | None = None) -> QDialog:
        in_large_type(dialog, self.font())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        previous = self.dialog
        self.dialog = dialog

        def closed(_result: int) -> None:
            if self.dialog is dialog:
                self.dialog = previous if parent_dialog is not None else None

        dialog.finished.connect(closed)
        dialog.open()
        return dialog

    # -- goals ------------------------------------------------------------------------------

    def goal(self, goal_id: uuid.UUID | None) -> GoalDetails | None:
        view = self.view
        if view is None or goal_id is None:
            return None
        goal_id = self.editor.aliases.resolve(goal_id)
        return next((g for g in view.goals if g.id == goal_id), None)

    def step(self, step_id: uuid.UUID) -> StepDetails | None:
        view = self.view
        step_id = self.editor.aliases.resolve(step_id)
        if view is None:
            return None
        return next((s for g in view.goals for s in g.steps if s.id == step_id), None)

    def add_goal(self, near: uuid.UUID | None = None) -> QDialog | None:
        """Ctrl+G: a goal in the person's words; its life domain that of ``near`` at first."""
        if self.view is None:
            return None
        self.editor.saver.flush()
        goal = self.goal(near)
        domain = goal.domain if goal is not None else LifeDomain.OTHER
        dialog = AddGoalDialog(domain, self.person_name(), self.parent_widget)
        dialog.accepted.connect(lambda: self._goal_added(dialog))
        return self._open(dialog)

    def _goal_added(self, dialog: AddGoalDialog) -> None:
        made = self.editor.add_goal(dialog.chosen_domain(), dialog.words.text())
        if made is not None:
            self.focus(f"goal.{made}")

    def add_step(self, goal_id: uuid.UUID | None) -> QDialog | None:
        """Ctrl+T: a step towards the goal; "who" may be someone not yet on the team."""
        goal = self.goal(goal_id)
        view = self.view
        if goal is None or view is None:
            self.editor.report(self.tr("Add a goal first (Ctrl+G)."))
            return None
        self.editor.saver.flush()
        team = TeamOrSomeoneNew(self)
        team.set_participants(view.participants)
        dialog = StepDialog(goal.own_words, team, self.parent_widget)
        dialog.accepted.connect(lambda: self._step_chosen(dialog, goal.id))
        return self._open(dialog)

    def _step_chosen(self, dialog: StepDialog, goal_id: uuid.UUID) -> None:
        action, due = dialog.action.text(), dialog.due_date()
        if dialog.wants_someone_new():
            self.add_member(
                lambda member: (
                    self._step_added(goal_id, action, member, due) if member is not None else None
                )
            )
            return
        self._step_added(goal_id, action, dialog.responsible_id(), due)

    def _step_added(self, goal_id: uuid.UUID, action: str, who: uuid.UUID | None, due: Any) -> None:
        made = self.editor.add_step(goal_id, action, who, due)
        if made is not None:
            self.focus(f"step.{made}")

    def set_done(self, step_id: uuid.UUID, done: bool) -> bool:
        """Space on a step: done, or planned again."""
        step = self.step(step_id)
        if step is None:
            return False
        new = StepStatus.DONE if done else StepStatus.PLANNED
        if step.status == new:
            return False
        changed = self.editor.change(
            self.tr("Mark a step done") if done else self.tr("Mark a step not done"),
            Ref(Kind.STEP, step.id, step.goal_id),
            self.tr("The step"),
            {"status": step.status},
            {"status": new},
            step.version,
        )
        self.focus(f"step.{step.id}")
        return changed

    def move_goal(self, goal_id: uuid.UUID, offset: int) -> bool:
        """Alt+Up/Alt+Down on a goal: among the goals of its life domain, as on paper."""
        goal, view = self.goal(goal_id), self.view
        if goal is None or view is None:
            return False
        order = [g.id for g in view.goals]  # the plan's positions
        same = [g.id for g in view.goals if g.domain == goal.domain]
        where = same.index(goal.id) + offset
        if not 0 <= where < len(same):
            return False
        places = order.index(same[where]) - order.index(goal.id)
        moved = self.editor.move(Kind.GOAL, goal.id, goal.plan_id, places)
        self.focus(f"goal.{goal.id}")
        return moved

    def move_step(self, step_id: uuid.UUID, offset: int) -> bool:
        step = self.step(step_id)
        if step is None:
            return False
        moved = self.editor.move(Kind.STEP, step.id, step.goal_id, offset)
        self.focus(f"step.{step.id}")
        return moved

    # -- the team ---------------------------------------------------------------------------

    def add_member(self, then: Then | None = None) -> QDialog | None:
        """Someone joins the team; a peer only after the person's consent to peer
        involvement, which is asked for on the way when it does not hold today."""
        if self.view is None:
            return None
        self.editor.saver.flush()
        parent = self.dialog if self.dialog is not None and self.dialog.isVisible() else None
        dialog = ParticipantDialog(
            None, parent or self.parent_widget, today=self.editor.ctx.today()
        )
        dialog.setWindowTitle(self.tr("Who is it?") if then else dialog.windowTitle())
        dialog.role.setCurrentIndex(dialog.role.findData(ParticipantRole.NETWORK))
        dialog.accepted.connect(lambda: self._member_chosen(dialog.values(), then))
        if then is not None:
            dialog.rejected.connect(lambda: then(None))
        return self._open(dialog, parent)

    def _member_chosen(self, values: dict[str, Any], then: Then | None) -> None:
        view = self.view
        if view is None:
            return
        plan = view.plan
        if values["role"] == ParticipantRole.PEER and not plan.peer_consent_valid(
            self.editor.ctx.today()
        ):
            consent = PeerConsentDialog(plan, self.parent_widget)
            if consent.granted.value() is None:
                consent.granted.set_value(self.editor.ctx.today())
            consent.accepted.connect(lambda: self._consented(consent.values(), values, then))
            if then is not None:
                consent.rejected.connect(lambda: then(None))
            self._open(consent)
            return
        self._member_added(values, then)

    def _consented(
        self, consent: dict[str, Any], values: dict[str, Any], then: Then | None
    ) -> None:
        view = self.view
        if view is None:
            return
        plan = view.plan
        self.editor.change(
            self.tr("Change consent to peer involvement"),
            Ref(Kind.PLAN, plan.id),
            self.tr("Consent to peer involvement"),
            {name: getattr(plan, name) for name in consent},
            consent,
            plan.version,
        )
        self._member_added(values, then)

    def _member_added(self, values: dict[str, Any], then: Then | None) -> None:
        made = self.editor.add_participant(values)
        if then is not None:
            then(made)
        elif made is not None:
            self.focus(f"member.{made}")

    # -- consent that ends ------------------------------------------------------------------

    def renew_consent(self, member_id: uuid.UUID) -> QDialog | None:
        """Renew a team member's consent with the person: what they may see, until when."""
        view = self.view
        member = view.participant(member_id) if view is not None else None
        if member is None:
            return None
        self.editor.saver.flush()
        today = self.editor.ctx.today()
        dialog = RenewConsentDialog(member, self.person_name(), today, self.parent_widget)
        dialog.accepted.connect(lambda: self._renewed(member, dialog.values()))
        return self._open(dialog)

    def _renewed(self, member: ParticipantDetails, values: dict[str, Any]) -> None:
        old = {name: getattr(member, name) for name in values}
        self.editor.change(
            self.tr("Renew consent"),
            Ref(Kind.PARTICIPANT, member.id, member.plan_id),
            member.name,
            {name: value for name, value in old.items() if value != values[name]},
            {name: value for name, value in values.items() if value != old[name]},
            member.version,
        )
        # the keyboard goes on to the next consent that ends, else to the crisis plan below
        today = self.editor.ctx.today()
        view = self.view
        ending = [p.id for p in view.participants if consent_line(p, today)] if view else []
        for key in [*(f"consent.{i}" for i in ending), "crisis.warning_signs"]:
            if self.focus(key):
                break
