"""A review made together at one screen, as the review screen records it.

The person rates each goal on their own row of the team (added if missing), others present
may rate apart, and everything — ratings, the person's words per goal, the decisions, who
was there and the next review date — is one record written in one transaction.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from caseplan.models import ConsentScope, GoalDecision, Participant, ParticipantRole, Person, Plan
from caseplan.services.context import Context
from caseplan.services.meetings.reviews import (
    GoalNotes,
    RatingInput,
    ReviewDetails,
    add_in_session,
)
from caseplan.services.security import audit
from caseplan.services.security.access import Action
from caseplan.services.shared import load_plan, record, require


@dataclass(frozen=True)
class GoalReview:
    """What the review screen gathers for one goal.

    ``score`` is the person's own rating (None: not rated); ``others`` are ratings by
    other team members present, kept apart as (participant id, score).
    """

    goal_id: uuid.UUID
    score: int | None = None
    what_helped: str = ""
    what_got_in_the_way: str = ""
    decision: GoalDecision | None = None
    others: tuple[tuple[uuid.UUID, int], ...] = ()


def the_person_on_team(session: Session, ctx: Context, plan: Plan) -> Participant:
    """The person's own row on their plan's team; added (audited) if it is not there yet."""
    found = session.scalars(
        select(Participant)
        .where(Participant.plan_id == plan.id, Participant.role == ParticipantRole.PERSON)
        .order_by(Participant.position)
    ).first()
    if found is not None:
        return found
    person = session.get(Person, plan.person_id)
    assert person is not None
    last = session.scalar(
        select(func.max(Participant.position)).where(Participant.plan_id == plan.id)
    )
    found = Participant(
        plan_id=plan.id,
        role=ParticipantRole.PERSON,
        name=person.full_name,
        phone=person.phone,
        consent_scope=ConsentScope.FULL_PLAN,
        position=(last if last is not None else -1) + 1,
    )
    session.add(found)
    session.flush()
    record(session, ctx, audit.Action.CREATE, "participant", plan.person_id, ["name", "role"])
    return found


def record_review(
    ctx: Context,
    plan_id: uuid.UUID,
    *,
    on: dt.date,
    present: Sequence[uuid.UUID],
    goals: Sequence[GoalReview],
    next_review: dt.date | None,
    what_helped: str = "",
    what_got_in_the_way: str = "",
    words_shared: bool = False,
) -> ReviewDetails:
    """Record a review made together: one record, in one transaction, audited.

    The person's ratings are theirs (their own row on the team, added if missing); a
    person who rated was present. Decisions move the goals; the next review date becomes
    the plan's. ``words_shared``: the person agreed that their words in this review may be
    shared without their name (off unless they say yes).
    """
    with ctx.write() as session:
        plan = load_plan(session, plan_id)
        require(session, ctx, Action.EDIT_PLAN, plan.person_id)
        ratings: list[RatingInput] = []
        attendees = list(dict.fromkeys(present))
        if any(g.score is not None for g in goals):
            me = the_person_on_team(session, ctx, plan).id
            ratings += [(g.goal_id, me, g.score) for g in goals if g.score is not None]
            if me not in attendees:
                attendees.insert(0, me)
        for goal in goals:
            ratings += [(goal.goal_id, by, score) for by, score in goal.others]
        notes = [
            GoalNotes(g.goal_id, g.what_helped, g.what_got_in_the_way, g.decision)
            for g in goals
            if g.what_helped or g.what_got_in_the_way or g.decision is not None
        ]
        details: dict[str, Any] = {
            "ratings": ratings,
            "goals": notes,
            "attendee_ids": attendees,
            "next_review": next_review,
            "what_helped": what_helped,
            "what_got_in_the_way": what_got_in_the_way,
            "words_shared": words_shared,
        }
        return add_in_session(session, ctx, plan, on, details)
