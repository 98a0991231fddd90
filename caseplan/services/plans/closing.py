"""Ending a plan and continuing with the next: the new plan carries over the goals the
person chooses, with their unfinished steps, the team and the crisis plan."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseplan.errors import InvalidInput, NotFound, tr_noop
from caseplan.models import (
    CrisisContact,
    CrisisPlan,
    Goal,
    GoalStatus,
    Participant,
    Person,
    Plan,
    PlanStatus,
    Step,
    StepStatus,
)
from caseplan.services.context import Context
from caseplan.services.people.first_plan import open_first_plan
from caseplan.services.plans.plans import PlanDetails, plan_details
from caseplan.services.review_dates import first_review
from caseplan.services.security import audit
from caseplan.services.security.access import Action
from caseplan.services.shared import record, require

#: Team columns copied to the next plan as they are (consent stays what the person gave).
_TEAM_COLUMNS = (
    "role",
    "name",
    "organisation",
    "phone",
    "email",
    "offers",
    "availability",
    "peer_engagement",
    "consent_granted_on",
    "consent_expires_on",
    "consent_scope",
    "account_id",
    "position",
)
_CRISIS_COLUMNS = (
    "warning_signs",
    "triggers",
    "what_i_do",
    "what_others_do",
    "what_does_not_help",
    "treatment_wanted",
    "treatment_not_wanted",
)
_UNFINISHED = (StepStatus.PLANNED, StepStatus.IN_PROGRESS)


def _last_closed(session: Session, person_id: uuid.UUID) -> Plan | None:
    plans = session.scalars(
        select(Plan).where(Plan.person_id == person_id).order_by(Plan.created_at.desc())
    ).all()
    if any(plan.status != PlanStatus.CLOSED for plan in plans):
        raise InvalidInput(
            tr_noop("This person already has an open plan; close it before opening a new one.")
        )
    return plans[0] if plans else None


def start_next_plan(
    ctx: Context, person_id: uuid.UUID, carried_goal_ids: Sequence[uuid.UUID] = ()
) -> PlanDetails:
    """Open the person's next plan after their last one was closed.

    It starts today and is reviewed after the clinic's usual time; the team (with the
    consent each member has), the coordinator, the consent to peer involvement and the
    crisis plan come along, and so do the goals in ``carried_goal_ids`` (goals of the last
    plan) with their steps not yet done. Each carried goal remembers where it came from,
    so its progress can be followed across plans.
    """
    return _start(ctx, person_id, carried_goal_ids, first=False)


def start_plan(
    ctx: Context, person_id: uuid.UUID, carried_goal_ids: Sequence[uuid.UUID] = ()
) -> PlanDetails:
    """Open the person's plan from the screen: their first (empty, reviewed after the
    clinic's usual time), or the next after a closed one (as :func:`start_next_plan`)."""
    return _start(ctx, person_id, carried_goal_ids, first=True)


def _start(
    ctx: Context, person_id: uuid.UUID, carried_goal_ids: Sequence[uuid.UUID], *, first: bool
) -> PlanDetails:
    with ctx.write() as session:
        require(session, ctx, Action.EDIT_PLAN, person_id)
        person = session.get(Person, person_id)
        if person is None:
            raise NotFound(tr_noop("This person is not in the database."))
        last = _last_closed(session, person_id)
        if last is None:
            if not first:
                raise NotFound(tr_noop("This person has no earlier plan to continue from."))
            if carried_goal_ids:
                raise InvalidInput(tr_noop("A goal to carry over is not part of the last plan."))
            return plan_details(open_first_plan(session, ctx, person, None))
        start = ctx.today()
        plan = Plan(
            person_id=person_id,
            status=PlanStatus.DRAFT,
            period_start=start,
            next_review=first_review(session, start),
            peer_consent_granted_on=last.peer_consent_granted_on,
            peer_consent_expires_on=last.peer_consent_expires_on,
        )
        session.add(plan)
        session.flush()
        team = _copy_team(session, last, plan)
        if last.coordinator_id in team:
            plan.coordinator_id = team[last.coordinator_id]
        _copy_crisis_plan(session, last, plan)
        carried = _carry_goals(session, last, plan, carried_goal_ids, team)
        session.flush()
        record(
            session,
            ctx,
            audit.Action.CREATE,
            "plan",
            person_id,
            ["next_review", "period_start", "status", *(["goals"] if carried else [])],
        )
        return plan_details(plan)


def _copy_team(session: Session, last: Plan, plan: Plan) -> dict[uuid.UUID, uuid.UUID]:
    new_ids: dict[uuid.UUID, uuid.UUID] = {}
    members = session.scalars(
        select(Participant).where(Participant.plan_id == last.id).order_by(Participant.position)
    ).all()
    for member in members:
        copy = Participant(plan_id=plan.id, **{c: getattr(member, c) for c in _TEAM_COLUMNS})
        session.add(copy)
        session.flush()
        new_ids[member.id] = copy.id
    return new_ids


def _copy_crisis_plan(session: Session, last: Plan, plan: Plan) -> None:
    crisis = session.scalars(select(CrisisPlan).where(CrisisPlan.plan_id == last.id)).first()
    if crisis is None:
        return
    copy = CrisisPlan(plan_id=plan.id, **{c: getattr(crisis, c) for c in _CRISIS_COLUMNS})
    session.add(copy)
    session.flush()
    for contact in crisis.contacts:
        session.add(
            CrisisContact(
                crisis_plan_id=copy.id,
                name=contact.name,
                role=contact.role,
                phone=contact.phone,
                position=contact.position,
            )
        )


def _carry_goals(
    session: Session,
    last: Plan,
    plan: Plan,
    wanted: Sequence[uuid.UUID],
    team: dict[uuid.UUID, uuid.UUID],
) -> int:
    goals = {
        goal.id: goal
        for goal in session.scalars(
            select(Goal).where(Goal.plan_id == last.id).order_by(Goal.position, Goal.id)
        )
    }
    for goal_id in wanted:
        if goal_id not in goals:
            raise InvalidInput(tr_noop("A goal to carry over is not part of the last plan."))
    chosen = [goal for goal in goals.values() if goal.id in set(wanted)]
    for position, goal in enumerate(chosen):
        copy = Goal(
            plan_id=plan.id,
            domain=goal.domain,
            own_words=goal.own_words,
            worker_note=goal.worker_note,
            status=GoalStatus.ACTIVE,
            target_date=goal.target_date,
            priority=goal.priority,
            position=position,
            carried_from_id=goal.id,
        )
        session.add(copy)
        session.flush()
        steps = [s for s in goal.steps if s.status in _UNFINISHED]
        for step_position, step in enumerate(steps):
            session.add(
                Step(
                    goal_id=copy.id,
                    action=step.action,
                    responsible_id=team.get(step.responsible_id) if step.responsible_id else None,
                    due=step.due,  # if now past, it shows among the dates outside the period
                    status=step.status,
                    worker_note=step.worker_note,
                    position=step_position,
                )
            )
    return len(chosen)
