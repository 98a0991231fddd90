"""Goals in the person's own words, and the steps towards them: what, who, by when.

Reads hand back worker's notes only to accounts that may read them. A peer worker may
change the status or the action of a step they are responsible for, and nothing else.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any, Unpack

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from caseplan.errors import InvalidInput, tr_noop
from caseplan.models import (
    ConsentScope,
    Goal,
    GoalStatus,
    LifeDomain,
    Participant,
    Plan,
    PlanStatus,
    ReviewRating,
    Step,
    StepStatus,
)
from caseplan.services.context import Context, check_version
from caseplan.services.plans.goal_details import (
    GOAL_EDITABLE,
    STEP_EDITABLE,
    GoalChanges,
    GoalDetails,
    GoalFields,
    StepChanges,
    StepDetails,
    StepFields,
    goal_details,
    step_details,
)
from caseplan.services.security import audit
from caseplan.services.security.access import Action
from caseplan.services.shared import (
    as_enum,
    as_seen,
    check_permutation,
    check_unknown,
    delete_record,
    is_own,
    load,
    load_plan,
    may_read_worker_notes,
    moved,
    peer_scope,
    reading,
    record,
    record_change,
    record_view,
    require,
    require_edit,
    require_text,
    retry_when_taken,
    sees_only,
    set_fields,
    set_positions,
    team_member,
)

#: How often adding a goal or step is tried again when another program took the same place.
ADD_ATTEMPTS = 5
#: What a peer worker may change in a step they are responsible for.
PEER_STEP_EDITABLE = ("action", "status")
RATED_GOAL = tr_noop("This goal has been rated in a review; close it instead of deleting it.")
CLOSED_PLAN = tr_noop("This plan is closed; its goals and steps are kept as they were.")
PEER_OWN_STEPS = tr_noop(
    "A peer worker can change only the status or the action of steps they are responsible for."
)


def _goal_ids(session: Session, plan_id: uuid.UUID) -> list[uuid.UUID]:
    query = select(Goal.id).where(Goal.plan_id == plan_id).order_by(Goal.position, Goal.id)
    return list(session.scalars(query))


def _step_ids(session: Session, goal_id: uuid.UUID) -> list[uuid.UUID]:
    query = select(Step.id).where(Step.goal_id == goal_id).order_by(Step.position, Step.id)
    return list(session.scalars(query))


def _apply_goal(goal: Goal, changes: Mapping[str, Any]) -> None:
    for key, value in changes.items():
        if key == "domain":
            value = as_enum(LifeDomain, value, "life domain")
        elif key == "status":
            value = as_enum(GoalStatus, value, "goal status")
        elif key == "priority" and (
            isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 3
        ):
            raise InvalidInput(tr_noop("Priority must be 1, 2 or 3."))
        setattr(goal, key, value)
    require_text(goal.own_words, tr_noop("Please write the goal in the person's own words."))


def _apply_step(session: Session, plan: Plan, step: Step, changes: Mapping[str, Any]) -> None:
    for key, value in changes.items():
        if key == "status":
            value = as_enum(StepStatus, value, "step status")
        elif key == "responsible_id" and value is not None:
            team_member(session, plan.id, value)
        setattr(step, key, value)
    require_text(step.action, tr_noop("Please write what the step is."))
    # Only a due date being set is checked: moving the period may leave older steps outside
    # it (they are pointed out then), and that must not block changing their other fields.
    if "due" in changes and step.due is not None and step.due < plan.period_start:
        raise InvalidInput(
            tr_noop("A step cannot be due before the plan starts ({start})."),
            start=plan.period_start.isoformat(),
        )


def _person_of_goal(session: Session, goal: Goal) -> uuid.UUID:
    return load_plan(session, goal.plan_id).person_id


def _refuse_closed(plan: Plan) -> None:
    """A closed plan is a record of what was: its goals and steps are not changed after."""
    if plan.status == PlanStatus.CLOSED:
        raise InvalidInput(CLOSED_PLAN)


# --- goals ------------------------------------------------------------------------------


def add_goal(
    ctx: Context,
    plan_id: uuid.UUID,
    domain: LifeDomain | str,
    own_words: str,
    **details: Unpack[GoalFields],
) -> GoalDetails:
    """Add a goal at the end of the plan's list."""
    check_unknown("goal", details, GOAL_EDITABLE)
    return retry_when_taken(
        ADD_ATTEMPTS, lambda: _add_goal(ctx, plan_id, domain, own_words, details)
    )


def _add_goal(
    ctx: Context,
    plan_id: uuid.UUID,
    domain: LifeDomain | str,
    own_words: str,
    details: GoalFields,
) -> GoalDetails:
    with ctx.write() as session:
        plan = load_plan(session, plan_id)
        require(session, ctx, Action.EDIT_PLAN, plan.person_id)
        _refuse_closed(plan)
        goal = Goal(plan_id=plan.id, position=len(_goal_ids(session, plan.id)), priority=2)
        _apply_goal(goal, {"domain": domain, "own_words": own_words, **details})
        session.add(goal)
        session.flush()
        created = goal_details(goal)
        names = set_fields(created, GOAL_EDITABLE)
        record(session, ctx, audit.Action.CREATE, "goal", plan.person_id, names)
        return as_seen(session, ctx, plan.person_id, created)


def get_goal(ctx: Context, goal_id: uuid.UUID, *, record: bool = True) -> GoalDetails:
    """One goal (audited as a view)."""
    with reading(ctx, record=record) as session:
        goal = load(session, Goal, goal_id)
        person_id = _person_of_goal(session, goal)
        require(session, ctx, Action.VIEW_PERSON, person_id)
        record_view(session, ctx, person_id, "a goal", record=record)
        return as_seen(session, ctx, person_id, goal_details(goal))


def own_goals(
    session: Session, ctx: Context, plan_id: uuid.UUID, found: list[GoalDetails]
) -> list[GoalDetails]:
    """The goals with a step the peer worker is responsible for, with only those steps."""
    mine = session.scalars(
        select(Participant.id).where(
            Participant.plan_id == plan_id, Participant.account_id == ctx.actor.account_id
        )
    ).first()
    kept = []
    for goal in found:
        steps = tuple(s for s in goal.steps if mine is not None and s.responsible_id == mine)
        if steps:
            kept.append(replace(goal, steps=steps))
    return kept


def list_goals(ctx: Context, plan_id: uuid.UUID, *, record: bool = True) -> list[GoalDetails]:
    """The plan's goals and steps (audited as a view; see :func:`record_view`)."""
    query = select(Goal).where(Goal.plan_id == plan_id).order_by(Goal.position, Goal.id)
    with reading(ctx, record=record) as session:
        person_id = load_plan(session, plan_id).person_id
        require(session, ctx, Action.VIEW_PERSON, person_id)
        notes = may_read_worker_notes(session, ctx, person_id)
        what = "goals and steps" + (", with workers' notes" if notes else "")
        record_view(session, ctx, person_id, what, record=record)
        found = [goal_details(g) for g in session.scalars(query)]
        scope = peer_scope(session, ctx, plan_id)
        if sees_only(scope, ConsentScope.OWN_PART):
            found = []
        elif scope == ConsentScope.OWN_PART:
            found = own_goals(session, ctx, plan_id, found)
        return as_seen(session, ctx, person_id, found)


def update_goal(
    ctx: Context, goal_id: uuid.UUID, expected_version: int | None, **changes: Unpack[GoalChanges]
) -> GoalDetails:
    check_unknown("goal", changes, GOAL_EDITABLE)
    with ctx.write() as session:
        goal = load(session, Goal, goal_id)
        plan = load_plan(session, goal.plan_id)
        person_id = plan.person_id
        require(session, ctx, Action.EDIT_PLAN, person_id)
        _refuse_closed(plan)
        check_version("goal", goal.version, expected_version)
        before = goal_details(goal)
        _apply_goal(goal, changes)
        session.flush()
        after = goal_details(goal)
        record_change(session, ctx, "goal", person_id, before, after, GOAL_EDITABLE)
        return as_seen(session, ctx, person_id, after)


def close_goal(
    ctx: Context,
    goal_id: uuid.UUID,
    expected_version: int | None,
    status: GoalStatus = GoalStatus.CLOSED,
) -> GoalDetails:
    """Mark a goal achieved or closed; it stays in the plan's record."""
    return update_goal(ctx, goal_id, expected_version, status=status)


def _reorder_goals(
    session: Session,
    ctx: Context,
    plan_id: uuid.UUID,
    ids: Callable[[list[uuid.UUID]], list[uuid.UUID]],
) -> None:
    plan = load_plan(session, plan_id)
    person_id = plan.person_id
    require(session, ctx, Action.EDIT_PLAN, person_id)
    _refuse_closed(plan)
    existing = _goal_ids(session, plan_id)
    wanted = ids(list(existing))
    check_permutation(wanted, existing)
    set_positions(session, Goal, wanted)
    if wanted != existing:
        record(session, ctx, audit.Action.CHANGE, "goal", person_id, ["position"])


def reorder_goals(
    ctx: Context, plan_id: uuid.UUID, ordered_ids: Sequence[uuid.UUID]
) -> list[GoalDetails]:
    with ctx.write() as session:
        _reorder_goals(session, ctx, plan_id, lambda _: list(ordered_ids))
    return list_goals(ctx, plan_id, record=False)


def move_goal(ctx: Context, goal_id: uuid.UUID, offset: int) -> list[GoalDetails]:
    """Move a goal up (negative offset) or down the list; at either end it stays."""
    with ctx.write() as session:
        plan_id = load(session, Goal, goal_id).plan_id
        _reorder_goals(session, ctx, plan_id, lambda ids: moved(ids, goal_id, offset))
    return list_goals(ctx, plan_id, record=False)


def delete_goal(ctx: Context, goal_id: uuid.UUID, expected_version: int | None) -> None:
    """Delete a goal and its steps; a goal already rated in a review is closed instead."""
    with ctx.write() as session:
        goal = load(session, Goal, goal_id)
        plan_id = goal.plan_id

        def refuse() -> None:
            _refuse_closed(load_plan(session, plan_id))
            rated = select(func.count()).where(ReviewRating.goal_id == goal.id)
            if session.execute(rated).scalar_one():
                raise InvalidInput(RATED_GOAL)

        person_id = _person_of_goal(session, goal)
        delete_record(session, ctx, goal, person_id, expected_version, entity="goal", refuse=refuse)
        set_positions(session, Goal, _goal_ids(session, plan_id))


# --- steps ------------------------------------------------------------------------------


def add_step(
    ctx: Context, goal_id: uuid.UUID, action: str, **details: Unpack[StepFields]
) -> StepDetails:
    """Add a step at the end of a goal's list; who is responsible must be on the team."""
    check_unknown("step", details, STEP_EDITABLE)
    return retry_when_taken(ADD_ATTEMPTS, lambda: _add_step(ctx, goal_id, action, details))


def _add_step(ctx: Context, goal_id: uuid.UUID, action: str, details: StepFields) -> StepDetails:
    with ctx.write() as session:
        goal = load(session, Goal, goal_id)
        plan = load_plan(session, goal.plan_id)
        require(session, ctx, Action.EDIT_PLAN, plan.person_id)
        _refuse_closed(plan)
        step = Step(goal_id=goal.id, position=len(_step_ids(session, goal.id)))
        _apply_step(session, plan, step, {"action": action, **details})
        session.add(step)
        session.flush()
        created = step_details(step)
        names = set_fields(created, STEP_EDITABLE)
        record(session, ctx, audit.Action.CREATE, "step", plan.person_id, names)
        return as_seen(session, ctx, plan.person_id, created)


def get_step(ctx: Context, step_id: uuid.UUID, *, record: bool = True) -> StepDetails:
    """One step (audited as a view)."""
    with reading(ctx, record=record) as session:
        step = load(session, Step, step_id)
        person_id = _person_of_goal(session, load(session, Goal, step.goal_id))
        require(session, ctx, Action.VIEW_PERSON, person_id)
        record_view(session, ctx, person_id, "a step", record=record)
        return as_seen(session, ctx, person_id, step_details(step))


def update_step(
    ctx: Context, step_id: uuid.UUID, expected_version: int | None, **changes: Unpack[StepChanges]
) -> StepDetails:
    """Change a step; a peer worker may change the status or the action of their own steps."""
    check_unknown("step", changes, STEP_EDITABLE)
    with ctx.write() as session:
        step = load(session, Step, step_id)
        plan = load_plan(session, load(session, Goal, step.goal_id).plan_id)

        def peer_refusal() -> str | None:
            responsible = (
                None
                if step.responsible_id is None
                else session.get(Participant, step.responsible_id)
            )
            if set(changes) <= set(PEER_STEP_EDITABLE) and is_own(ctx, responsible):
                return None
            return PEER_OWN_STEPS

        require_edit(
            session, ctx, plan.person_id, peer_action=Action.VIEW_PERSON, peer_refusal=peer_refusal
        )
        _refuse_closed(plan)
        check_version("step", step.version, expected_version)
        before = step_details(step)
        _apply_step(session, plan, step, changes)
        session.flush()
        after = step_details(step)
        record_change(session, ctx, "step", plan.person_id, before, after, STEP_EDITABLE)
        return as_seen(session, ctx, plan.person_id, after)


def move_step(ctx: Context, step_id: uuid.UUID, offset: int) -> list[StepDetails]:
    """Move a step up (negative offset) or down within its goal; at either end it stays."""
    with ctx.write() as session:
        goal = load(session, Goal, load(session, Step, step_id).goal_id)
        goal_id = goal.id
        plan = load_plan(session, goal.plan_id)
        person_id = plan.person_id
        require(session, ctx, Action.EDIT_PLAN, person_id)
        _refuse_closed(plan)
        existing = _step_ids(session, goal_id)
        wanted = moved(list(existing), step_id, offset)
        set_positions(session, Step, wanted)
        if wanted != existing:
            record(session, ctx, audit.Action.CHANGE, "step", person_id, ["position"])
    return list(get_goal(ctx, goal_id, record=False).steps)


def delete_step(ctx: Context, step_id: uuid.UUID, expected_version: int | None) -> None:
    with ctx.write() as session:
        step = load(session, Step, step_id)
        goal_id = step.goal_id
        plan = load_plan(session, load(session, Goal, goal_id).plan_id)
        delete_record(
            session,
            ctx,
            step,
            plan.person_id,
            expected_version,
            entity="step",
            refuse=lambda: _refuse_closed(plan),
        )
        set_positions(session, Step, _step_ids(session, goal_id))
