"""The guided way to a first plan in meeting mode: about me → goals → steps → team →
crisis plan → agree, with the next sensible action always one key (Ctrl+Enter) away.

The guide only suggests: every part can be done in any order with its own key, and
Ctrl+Enter on a part already begun moves on to the next (that is how a part is skipped).
It holds no widget; meeting mode asks it what the key does now and tells it what was done.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import QCoreApplication

from caseplan.services.agreement.changes import AgreementState
from caseplan.services.plans.order import in_plan_order
from caseplan.services.plans.plan_view import PlanView

ABOUT_ME_FIELDS = ("what_matters", "strengths", "what_helps", "what_does_not_help")
CRISIS_FIELDS = (
    "warning_signs",
    "triggers",
    "what_i_do",
    "what_others_do",
    "what_does_not_help",
    "treatment_wanted",
    "treatment_not_wanted",
)


class Stage(IntEnum):
    ABOUT_ME = 0
    GOALS = 1
    STEPS = 2
    TEAM = 3
    CRISIS = 4
    AGREE = 5


def stage_name(stage: Stage) -> str:
    return {
        Stage.ABOUT_ME: QCoreApplication.translate("FirstPlan", "About me"),
        Stage.GOALS: QCoreApplication.translate("FirstPlan", "Goals"),
        Stage.STEPS: QCoreApplication.translate("FirstPlan", "Steps"),
        Stage.TEAM: QCoreApplication.translate("FirstPlan", "Team"),
        Stage.CRISIS: QCoreApplication.translate("FirstPlan", "Crisis plan"),
        Stage.AGREE: QCoreApplication.translate("FirstPlan", "Agree"),
    }[stage]


@dataclass(frozen=True)
class Action:
    """What Ctrl+Enter does now: ``what`` is one of "about_me", "add_goal", "add_step"
    (for ``goal_id``), "add_member", "crisis", "agree" and "print"."""

    stage: Stage
    what: str
    goal_id: uuid.UUID | None = None


def done_stages(view: PlanView | None, agreed: bool) -> set[Stage]:
    """The parts of the plan that already have something in them."""
    if view is None:
        return set()
    done = set()
    person = view.person
    if any(str(getattr(person, name, "")).strip() for name in ABOUT_ME_FIELDS):
        done.add(Stage.ABOUT_ME)
    if view.goals:
        done.add(Stage.GOALS)
        if all(goal.steps for goal in view.goals):
            done.add(Stage.STEPS)
    if len(view.participants) >= 3:  # the person, their practitioner and someone more
        done.add(Stage.TEAM)
    crisis = view.crisis_plan
    if crisis is not None and (
        crisis.contacts or any(str(getattr(crisis, n)).strip() for n in CRISIS_FIELDS)
    ):
        done.add(Stage.CRISIS)
    if agreed:
        done.add(Stage.AGREE)
    return done


def is_agreed(state: AgreementState | None) -> bool:
    """Agreed, and not changed since."""
    return state is not None and state.version is not None and not state.changed


class FirstPlanGuide:
    """Where the guide is, and what Ctrl+Enter does from there."""

    def __init__(self) -> None:
        self.stage = Stage.ABOUT_ME
        self.begun = False  #: the part's first action was done (Ctrl+Enter moves on)
        self.done: set[Stage] = set()
        self.view: PlanView | None = None

    def start(self, view: PlanView | None, agreed: bool) -> Stage:
        """Meeting mode opens: at the first part with nothing in it (about me is begun at
        once, since the first field has the keyboard)."""
        self.update(view, agreed)
        missing = [stage for stage in Stage if stage not in self.done]
        self.stage = missing[0] if missing else Stage.AGREE
        self.begun = self.stage is Stage.ABOUT_ME
        return self.stage

    def update(self, view: PlanView | None, agreed: bool) -> None:
        self.view = view
        self.done = done_stages(view, agreed)

    def _goal_without_steps(self) -> uuid.UUID | None:
        if self.view is None:
            return None
        for goal in in_plan_order(self.view.goals, lambda g: g.domain):
            if not goal.steps:
                return goal.id
        return None

    def _entry(self, stage: Stage) -> Action:
        if stage is Stage.ABOUT_ME:
            return Action(stage, "about_me")
        if stage is Stage.GOALS:
            return Action(stage, "add_goal")
        if stage is Stage.STEPS:
            goal = self._goal_without_steps()
            if goal is None and self.view is not None and self.view.goals:
                goal = in_plan_order(self.view.goals, lambda g: g.domain)[0].id
            return Action(stage, "add_step", goal) if goal is not None else self._entry(Stage.TEAM)
        if stage is Stage.TEAM:
            return Action(stage, "add_member")
        if stage is Stage.CRISIS:
            return Action(stage, "crisis")
        if Stage.AGREE in self.done:
            return Action(stage, "print")
        return Action(stage, "agree")

    def next_action(self) -> Action:
        """What Ctrl+Enter does now (without doing it)."""
        if not self.begun or (self.stage is Stage.GOALS and Stage.GOALS not in self.done):
            return self._entry(self.stage)  # a plan without goals: a goal first
        if self.stage is Stage.STEPS:
            goal = self._goal_without_steps()
            if goal is not None:
                return Action(Stage.STEPS, "add_step", goal)
        if self.stage is Stage.AGREE:
            return self._entry(Stage.AGREE)
        return self._entry(Stage(self.stage + 1))

    def take(self) -> Action:
        """Ctrl+Enter was pressed: the guide moves to the action's part, begun."""
        action = self.next_action()
        self.stage, self.begun = action.stage, True
        return action

    def went_to(self, stage: Stage) -> None:
        """The practitioner began a part by its own key (Ctrl+G, Ctrl+T…): follow them."""
        self.stage, self.begun = stage, True

    def describe(self, action: Action) -> str:
        """What Ctrl+Enter will do, in words."""
        say = {
            "about_me": QCoreApplication.translate("FirstPlan", "write about me"),
            "add_goal": QCoreApplication.translate("FirstPlan", "add a goal"),
            "add_step": QCoreApplication.translate("FirstPlan", "add a step to goal {number}"),
            "add_member": QCoreApplication.translate("FirstPlan", "add someone to the team"),
            "crisis": QCoreApplication.translate("FirstPlan", "write the crisis plan"),
            "agree": QCoreApplication.translate("FirstPlan", "read the plan back and agree it"),
            "print": QCoreApplication.translate("FirstPlan", "print the plan"),
        }[action.what]
        if action.goal_id is not None and self.view is not None:
            order = [g.id for g in in_plan_order(self.view.goals, lambda g: g.domain)]
            number = order.index(action.goal_id) + 1 if action.goal_id in order else 1
            say = say.format(number=number)
        return say
