"""The plan period and its review date, and the steps and goals a new period leaves outside.

Moving the period never changes a step's due date on its own: the steps and goals whose
dates now fall outside are handed back, so the screen can say which, and the people at
the meeting decide.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseplan.models import Goal, Plan, Step
from caseplan.services.context import Context
from caseplan.services.plans.plans import PlanDetails, update_plan
from caseplan.services.security.access import Action
from caseplan.services.shared import load_plan, require


@dataclass(frozen=True)
class OutsidePeriod:
    """A step due, or a goal aimed at, outside the plan period."""

    kind: str  #: "step" or "goal"
    id: uuid.UUID
    words: str  #: the step's action or the goal's own words
    when: date
    before_start: bool  #: True: before the period starts; False: after it ends


@dataclass(frozen=True)
class PeriodChange:
    plan: PlanDetails
    outside: tuple[OutsidePeriod, ...]


def _outside(session: Session, plan: Plan) -> tuple[OutsidePeriod, ...]:
    start, end = plan.period_start, plan.period_end

    def where(when: date | None) -> bool | None:
        if when is None:
            return None
        if when < start:
            return True
        if end is not None and when > end:
            return False
        return None

    found: list[OutsidePeriod] = []
    goals = session.scalars(
        select(Goal).where(Goal.plan_id == plan.id).order_by(Goal.position, Goal.id)
    ).all()
    for goal in goals:
        side = where(goal.target_date)
        if side is not None and goal.target_date is not None:
            found.append(OutsidePeriod("goal", goal.id, goal.own_words, goal.target_date, side))
        steps = session.scalars(
            select(Step).where(Step.goal_id == goal.id).order_by(Step.position, Step.id)
        ).all()
        for step in steps:
            side = where(step.due)
            if side is not None and step.due is not None:
                found.append(OutsidePeriod("step", step.id, step.action, step.due, side))
    return tuple(found)


def outside_period(ctx: Context, plan_id: uuid.UUID) -> tuple[OutsidePeriod, ...]:
    """The goals and steps of the plan dated outside its period, in the plan's order."""
    with ctx.read() as session:
        plan = load_plan(session, plan_id)
        require(session, ctx, Action.VIEW_PERSON, plan.person_id)
        return _outside(session, plan)


def set_period(
    ctx: Context,
    plan_id: uuid.UUID,
    expected_version: int | None,
    *,
    period_start: date,
    period_end: date | None,
    next_review: date | None,
) -> PeriodChange:
    """Set the plan's start, end (None: open-ended) and next review date, and say which
    steps and goals now fall outside the period."""
    details = update_plan(
        ctx,
        plan_id,
        expected_version,
        period_start=period_start,
        period_end=period_end,
        next_review=next_review,
    )
    return PeriodChange(details, outside_period(ctx, plan_id))
