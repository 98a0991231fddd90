"""Plan → Close the plan… and Plan → Start the next plan…: a plan ends with a reason, and the
next one carries over the goals the person chooses (with their unfinished steps, the team
and the crisis plan; the services do the carrying).

Closing is one thing and starting the next another: if the next plan cannot start, the
closed plan stays closed and the dialog says so; Start the next plan… tries again.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from caseplan.errors import AlreadyExists, CaseplanError, NotFound, tr_noop
from caseplan.models import CloseReason, GoalStatus
from caseplan.services.clinic.settings import review_interval_months
from caseplan.services.context import Context
from caseplan.services.plans import closing, goals, plans
from caseplan.services.plans.goal_details import GoalDetails
from caseplan.services.plans.plans import PlanDetails
from caseplan.services.review_dates import months_after
from caseplan.ui.i18n import error_text
from caseplan.ui.widgets.dates import date_text
from caseplan.ui.widgets.large_type import fit_to_screen
from caseplan.ui.workspace.labels import close_reason_label, domain_label, goal_status_label

GOAL_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class GoalChoiceModel(QStandardItemModel):
    """The goals of a plan, each ticked if it comes along to the next plan."""

    def set_goals(self, found: Sequence[GoalDetails]) -> None:
        self.clear()
        for goal in found:
            words = goal.own_words or self.tr("(no words yet)")
            item = QStandardItem(
                self.tr("{words} ({domain}; {status})").format(
                    words=words,
                    domain=domain_label(goal.domain),
                    status=goal_status_label(goal.status),
                )
            )
            item.setCheckable(True)
            item.setEditable(False)
            item.setCheckState(
                Qt.CheckState.Checked
                if goal.status in (GoalStatus.ACTIVE, GoalStatus.PAUSED)
                else Qt.CheckState.Unchecked
            )
            item.setData(goal.id, GOAL_ID_ROLE)
            self.appendRow(item)

    def chosen(self) -> list[uuid.UUID]:
        found = []
        for row in range(self.rowCount()):
            item = self.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                found.append(item.data(GOAL_ID_ROLE))
        return found


def _goal_list(parent: QWidget, model: GoalChoiceModel, name: str) -> QListView:
    view = QListView(parent)
    view.setModel(model)
    view.setAccessibleName(name)
    view.setAccessibleDescription(
        QCoreApplication.translate("GoalChoiceModel", "Space ticks or unticks the chosen goal.")
    )
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(True)
    view.setUniformItemSizes(False)
    return view


def _last_plan(ctx: Context, person_id: uuid.UUID) -> PlanDetails | None:
    found = plans.list_plans(ctx, person_id, record=False)
    return max(found, key=lambda p: p.created_at) if found else None


class ClosePlanDialog(QDialog):
    """Close the person's open plan with a reason; then, if asked, start the next one.

    ``changed`` fires once something was stored (the plan closed, the next one started).
    """

    changed = Signal()

    def __init__(self, ctx: Context, person_id: uuid.UUID, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.person_id = person_id
        plan = plans.get_open_plan(ctx, person_id, record=False)
        if plan is None:
            raise NotFound(tr_noop("This person has no open plan to close."))
        self.plan: PlanDetails = plan
        self.closed: PlanDetails | None = None
        self.next_plan: PlanDetails | None = None
        self.setWindowTitle(self.tr("Close the plan"))

        intro = QLabel(
            self.tr(
                "A closed plan is kept, with every agreed version, and can be reprinted; it "
                "can no longer be changed. Why does this plan end?"
            ),
            self,
        )
        intro.setWordWrap(True)
        self.reasons = QButtonGroup(self)
        self.reason_buttons: dict[CloseReason, QRadioButton] = {
            CloseReason.GOALS_REACHED: QRadioButton(self.tr("The &goals are reached"), self),
            CloseReason.MOVED: QRadioButton(self.tr("The person has &moved"), self),
            CloseReason.ENDED_FOLLOW_UP: QRadioButton(self.tr("The &follow-up has ended"), self),
            CloseReason.OTHER: QRadioButton(self.tr("&Other reason"), self),
        }
        for button in self.reason_buttons.values():
            self.reasons.addButton(button)
        self.reasons.buttonToggled.connect(self._reason_chosen)

        self.start_next = QCheckBox(self.tr("Start the &next plan now"), self)
        self.start_next.setChecked(False)
        self._next_touched = False
        self.start_next.clicked.connect(self._next_clicked)
        self.start_next.toggled.connect(self._show_choice)
        self.choice_label = QLabel(
            self.tr("&Which goals come along to the next plan (the person chooses):"), self
        )
        self.choice_label.setWordWrap(True)
        self.choice = GoalChoiceModel(self)
        self.choice.set_goals(goals.list_goals(ctx, plan.id, record=False))
        self.goal_list = _goal_list(self, self.choice, self.choice_label.text().replace("&", ""))
        self.choice_label.setBuddy(self.goal_list)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)

        self.buttons = QDialogButtonBox(self)
        self.close_plan_button = QPushButton(self.tr("C&lose the plan"), self)
        self.close_plan_button.setDefault(True)
        self.buttons.addButton(self.close_plan_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for button in self.reason_buttons.values():
            layout.addWidget(button)
        layout.addSpacing(8)
        layout.addWidget(self.start_next)
        layout.addWidget(self.choice_label)
        layout.addWidget(self.goal_list, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._show_choice(False)
        fit_to_screen(self, 600, 420)
        self.reason_buttons[CloseReason.GOALS_REACHED].setFocus(Qt.FocusReason.OtherFocusReason)

    def reason(self) -> CloseReason | None:
        for reason, button in self.reason_buttons.items():
            if button.isChecked():
                return reason
        return None

    def _reason_chosen(self, _button: QRadioButton, checked: bool) -> None:
        reason = self.reason()
        if checked and reason is not None and not self._next_touched:
            # Moving away or ending follow-up rarely means a new plan here; the rest often do.
            self.start_next.setChecked(reason in (CloseReason.GOALS_REACHED, CloseReason.OTHER))

    def _next_clicked(self) -> None:
        self._next_touched = True

    def _show_choice(self, shown: bool) -> None:
        self.choice_label.setVisible(shown and self.choice.rowCount() > 0)
        self.goal_list.setVisible(shown and self.choice.rowCount() > 0)
        self.close_plan_button.setText(
            self.tr("C&lose and start the next plan") if shown else self.tr("C&lose the plan")
        )

    def save(self) -> None:
        if self.closed is None:
            reason = self.reason()
            if reason is None:
                self.message.setText(self.tr("Please choose why the plan ends."))
                self.reason_buttons[CloseReason.GOALS_REACHED].setFocus()
                return
            try:
                self.closed = plans.close_plan(self.ctx, self.plan.id, self.plan.version, reason)
            except CaseplanError as error:
                self.message.setText(error_text(error))
                return
            self.changed.emit()
        if self.start_next.isChecked():
            try:
                self.next_plan = closing.start_next_plan(
                    self.ctx, self.person_id, self.choice.chosen()
                )
            except CaseplanError as error:
                for button in self.reason_buttons.values():
                    button.setEnabled(False)
                self.close_plan_button.setText(self.tr("&Start the next plan"))
                self.message.setText(
                    self.tr("The plan is closed, but the next one did not start: {reason}").format(
                        reason=error_text(error)
                    )
                )
                return
            self.changed.emit()
        self.accept()


class NextPlanDialog(QDialog):
    """Start the person's next plan (their first, if they never had one), carrying over the
    goals they choose from the last one. ``started`` carries the new plan."""

    started = Signal(object)

    def __init__(self, ctx: Context, person_id: uuid.UUID, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.person_id = person_id
        self.plan: PlanDetails | None = None
        if plans.get_open_plan(ctx, person_id, record=False) is not None:
            raise AlreadyExists(
                tr_noop("This person already has an open plan; close it before opening a new one.")
            )
        last = _last_plan(ctx, person_id)
        self.setWindowTitle(self.tr("Start the next plan"))
        review = months_after(ctx.today(), review_interval_months(ctx))
        if last is None:
            text = self.tr(
                "The plan starts today, with the person on the team, and is first reviewed on "
                "{review}."
            )
        elif last.closed_on is not None:
            text = self.tr(
                "The last plan was closed on {closed} ({reason}). The next one starts today "
                "with the same team and crisis plan, and is first reviewed on {review}."
            )
        else:
            text = self.tr(
                "The next plan starts today with the same team and crisis plan, and is first "
                "reviewed on {review}."
            )
        reason = None if last is None else last.closed_reason
        self.intro = intro = QLabel(
            text.format(
                review=date_text(review),
                closed=date_text(None if last is None else last.closed_on),
                reason=close_reason_label(reason or CloseReason.OTHER),
            ),
            self,
        )
        intro.setWordWrap(True)
        self.choice = GoalChoiceModel(self)
        if last is not None:
            self.choice.set_goals(goals.list_goals(ctx, last.id, record=False))
        self.choice_label = QLabel(
            self.tr("&Which goals come along to the next plan (the person chooses):"), self
        )
        self.choice_label.setWordWrap(True)
        self.goal_list = _goal_list(self, self.choice, self.choice_label.text().replace("&", ""))
        self.choice_label.setBuddy(self.goal_list)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)

        self.buttons = QDialogButtonBox(self)
        self.start_button = QPushButton(self.tr("&Start the next plan"), self)
        self.start_button.setDefault(True)
        self.buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.choice_label)
        layout.addWidget(self.goal_list, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        has_goals = self.choice.rowCount() > 0
        self.choice_label.setVisible(has_goals)
        self.goal_list.setVisible(has_goals)
        fit_to_screen(self, 560, 360 if has_goals else 0)
        if has_goals:
            self.goal_list.setFocus(Qt.FocusReason.OtherFocusReason)
            self.goal_list.setCurrentIndex(self.choice.index(0, 0))
        else:
            self.start_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> None:
        try:
            self.plan = closing.start_plan(self.ctx, self.person_id, self.choice.chosen())
        except CaseplanError as error:
            self.message.setText(error_text(error))
            return
        self.started.emit(self.plan)
        self.accept()
