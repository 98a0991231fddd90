"""How it is going: each goal's ratings across reviews, the person's own and others' apart.

A goal carried over from an earlier plan brings its earlier ratings along, so the line goes
on across plans. Only reviews with a rating make a point: one review is one point.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseplan.models import (
    Goal,
    GoalStatus,
    LifeDomain,
    Participant,
    ParticipantRole,
    Plan,
    Review,
    ReviewRating,
)
from caseplan.services.context import Context
from caseplan.services.security.access import Action
from caseplan.services.shared import load_plan, reading, record_view, require


@dataclass(frozen=True)
class Point:
    date: dt.date
    score: int


@dataclass(frozen=True)
class OtherPoint:
    """A rating by someone else on the team, shown apart from the person's own."""

    date: dt.date
    score: int
    name: str
    role: ParticipantRole


@dataclass(frozen=True)
class GoalProgress:
    goal_id: uuid.UUID
    domain: LifeDomain
    own_words: str
    status: GoalStatus
    points: tuple[Point, ...]  #: the person's own ratings, oldest first
    others: tuple[OtherPoint, ...] = ()

    @property
    def latest(self) -> Point | None:
        return self.points[-1] if self.points else None


def _lineage(session: Session, goal: Goal, person_id: uuid.UUID) -> list[uuid.UUID]:
    """The goal and the goals it was carried over from, in the same person's plans."""
    ids = [goal.id]
    current = goal
    while current.carried_from_id is not None and current.carried_from_id not in ids:
        earlier = session.get(Goal, current.carried_from_id)
        if earlier is None or load_plan(session, earlier.plan_id).person_id != person_id:
            break
        ids.append(earlier.id)
        current = earlier
    return ids


def goal_progress(
    ctx: Context, plan_id: uuid.UUID, *, record: bool = True
) -> tuple[GoalProgress, ...]:
    """Every goal of the plan, in the plan's order, with its ratings over time (audited as
    a view)."""
    with reading(ctx, record=record) as session:
        plan = load_plan(session, plan_id)
        require(session, ctx, Action.VIEW_PERSON, plan.person_id)
        record_view(session, ctx, plan.person_id, "ratings over time", record=record)
        goals = session.scalars(
            select(Goal).where(Goal.plan_id == plan.id).order_by(Goal.position, Goal.id)
        ).all()
        result = []
        for goal in goals:
            lineage = _lineage(session, goal, plan.person_id)
            rows = session.execute(
                select(Review.date, ReviewRating.score, Participant.name, Participant.role)
                .join(Review, Review.id == ReviewRating.review_id)
                .join(Participant, Participant.id == ReviewRating.by_id)
                .join(Plan, Plan.id == Review.plan_id)
                .where(ReviewRating.goal_id.in_(lineage), Plan.person_id == plan.person_id)
                .order_by(Review.date, Review.id, Participant.position)
            ).all()
            own = tuple(Point(r.date, r.score) for r in rows if r.role == ParticipantRole.PERSON)
            others = tuple(
                OtherPoint(r.date, r.score, r.name, r.role)
                for r in rows
                if r.role != ParticipantRole.PERSON
            )
            result.append(
                GoalProgress(goal.id, goal.domain, goal.own_words, goal.status, own, others)
            )
        return tuple(result)
