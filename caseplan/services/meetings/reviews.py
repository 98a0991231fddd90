"""Reviews: the person rates each goal 0–10 and says what helped and what got in the way.

A review is one record: its date, who was present, each goal's ratings (the person's own,
and any others' apart), what the person says helped and got in the way for each goal, and
what was decided for it (keep, change, reached, let go), and the next review date. The
decisions move the goals (reached, let go), so the plan is then changed since it was last
agreed, and the next agreement makes its next version.
"""

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypedDict, Unpack

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import flag_modified

from caseplan.errors import InvalidInput, tr_noop
from caseplan.models import (
    Goal,
    GoalDecision,
    GoalStatus,
    Plan,
    Review,
    ReviewGoal,
    ReviewRating,
)
from caseplan.services.context import Context, check_version
from caseplan.services.security import audit
from caseplan.services.security.access import Action
from caseplan.services.shared import (
    as_enum,
    check_unknown,
    delete_record,
    is_whole_number,
    load,
    load_plan,
    peer_scope,
    reading,
    record,
    record_change,
    record_view,
    require,
    sees_only,
    set_fields,
    team_member,
)


@dataclass(frozen=True)
class RatingDetails:
    """One goal rated 0–10 by one team member."""

    goal_id: uuid.UUID
    by_participant_id: uuid.UUID
    score: int


@dataclass(frozen=True)
class GoalNotes:
    """One goal in one review: the person's words about it, and what was decided."""

    goal_id: uuid.UUID
    what_helped: str = ""
    what_got_in_the_way: str = ""
    decision: GoalDecision | None = None


@dataclass(frozen=True)
class ReviewDetails:
    id: uuid.UUID
    version: int
    plan_id: uuid.UUID
    date: dt.date
    what_helped: str = ""
    what_got_in_the_way: str = ""
    next_review: dt.date | None = None
    ratings: tuple[RatingDetails, ...] = ()
    goals: tuple[GoalNotes, ...] = ()
    attendee_ids: tuple[uuid.UUID, ...] = ()
    #: the review date this review answered (None where not known)
    due_on: dt.date | None = None
    #: the person agreed that their words here may be shared without their name
    words_shared: bool = False

    def notes_for(self, goal_id: uuid.UUID) -> GoalNotes | None:
        return next((g for g in self.goals if g.goal_id == goal_id), None)


REVIEW_EDITABLE = (
    "date",
    "what_helped",
    "what_got_in_the_way",
    "next_review",
    "ratings",
    "goals",
    "attendee_ids",
    "words_shared",
)

#: A rating as the caller gives it: (goal_id, by_participant_id, score).
RatingInput = tuple[uuid.UUID, uuid.UUID, int]
#: What a decision does to the goal.
DECIDED_STATUS = {
    GoalDecision.KEEP: GoalStatus.ACTIVE,
    GoalDecision.CHANGE: GoalStatus.ACTIVE,
    GoalDecision.REACHED: GoalStatus.ACHIEVED,
    GoalDecision.LET_GO: GoalStatus.CLOSED,
}


class ReviewFields(TypedDict, total=False):
    """What :func:`add_review` takes besides the date."""

    what_helped: str
    what_got_in_the_way: str
    next_review: dt.date | None
    ratings: Iterable[RatingInput]
    goals: Iterable[GoalNotes]
    attendee_ids: Iterable[uuid.UUID]
    words_shared: bool


class ReviewChanges(ReviewFields, total=False):
    """What :func:`update_review` may change."""

    date: dt.date


def review_details(row: Review, goal_order: dict[uuid.UUID, int] | None = None) -> ReviewDetails:
    order = goal_order or {}
    ratings = sorted(
        row.ratings, key=lambda r: (order.get(r.goal_id, len(order)), str(r.goal_id), str(r.by_id))
    )
    notes = sorted(row.goals, key=lambda g: (order.get(g.goal_id, len(order)), str(g.goal_id)))
    attendees = sorted(row.attendees, key=lambda p: (p.position, str(p.id)))
    return ReviewDetails(
        id=row.id,
        version=row.version,
        plan_id=row.plan_id,
        date=row.date,
        what_helped=row.what_helped,
        what_got_in_the_way=row.what_got_in_the_way,
        next_review=row.next_review,
        ratings=tuple(RatingDetails(r.goal_id, r.by_id, r.score) for r in ratings),
        goals=tuple(
            GoalNotes(g.goal_id, g.what_helped, g.what_got_in_the_way, g.decision) for g in notes
        ),
        attendee_ids=tuple(p.id for p in attendees),
        due_on=row.due_on,
        words_shared=row.words_shared,
    )


def _ratings(session: Session, plan: Plan, given: Iterable[RatingInput]) -> list[ReviewRating]:
    rows: dict[tuple[uuid.UUID, uuid.UUID], ReviewRating] = {}
    for goal_id, by_id, score in given:
        goal = session.get(Goal, goal_id)
        if goal is None or goal.plan_id != plan.id:
            raise InvalidInput(tr_noop("A rated goal is not part of this plan."))
        rater = team_member(session, plan.id, by_id)
        if not is_whole_number(score) or not 0 <= score <= 10:
            raise InvalidInput(tr_noop("A score must be a whole number from 0 to 10."))
        if (goal_id, by_id) in rows:
            raise InvalidInput(
                tr_noop("{name} has rated the same goal twice in this review."), name=rater.name
            )
        rows[goal_id, by_id] = ReviewRating(goal_id=goal_id, by_id=by_id, score=score)
    return list(rows.values())


def _goal_of_plan(session: Session, plan: Plan, goal_id: uuid.UUID) -> Goal:
    goal = session.get(Goal, goal_id)
    if goal is None or goal.plan_id != plan.id:
        raise InvalidInput(tr_noop("A goal in this review is not part of this plan."))
    return goal


def _notes(session: Session, plan: Plan, given: Iterable[GoalNotes]) -> list[ReviewGoal]:
    rows: dict[uuid.UUID, ReviewGoal] = {}
    for notes in given:
        goal = _goal_of_plan(session, plan, notes.goal_id)
        if goal.id in rows:
            raise InvalidInput(tr_noop("A goal can be in a review only once."))
        decision = None
        if notes.decision is not None:
            decision = as_enum(GoalDecision, notes.decision, "decision for a goal")
        rows[goal.id] = ReviewGoal(
            goal_id=goal.id,
            what_helped=notes.what_helped,
            what_got_in_the_way=notes.what_got_in_the_way,
            decision=decision,
        )
    return list(rows.values())


def _decide(session: Session, ctx: Context, plan: Plan, rows: Iterable[ReviewGoal]) -> None:
    """Move each goal as the review decided (reached, let go; keep and change: active)."""
    for row in rows:
        if row.decision is None:
            continue
        goal = _goal_of_plan(session, plan, row.goal_id)
        status = DECIDED_STATUS[row.decision]
        if goal.status != status:
            goal.status = status
            session.flush()
            record(session, ctx, audit.Action.CHANGE, "goal", plan.person_id, ["status"])


def _apply_review(session: Session, plan: Plan, row: Review, changes: Mapping[str, Any]) -> None:
    for key, value in changes.items():
        if key == "ratings":
            row.ratings = _ratings(session, plan, value)
            continue
        if key == "goals":
            row.goals = _notes(session, plan, value)
            continue
        if key == "words_shared":
            if not isinstance(value, bool):
                raise TypeError("words_shared is True or False")
            row.words_shared = value
            continue
        if key == "attendee_ids":
            ids = list(dict.fromkeys(value))
            row.attendees = [team_member(session, plan.id, pid) for pid in ids]
            continue
        setattr(row, key, value)
    if row.date is None:
        raise InvalidInput(tr_noop("Please give the date of the review."))
    if row.next_review is not None and row.next_review < row.date:
        raise InvalidInput(tr_noop("The next review cannot be before this review."))
    if "next_review" in changes and row.next_review is not None:
        plan.next_review = row.next_review


def _goal_order(session: Session, plan_id: uuid.UUID) -> dict[uuid.UUID, int]:
    query = select(Goal.id).where(Goal.plan_id == plan_id).order_by(Goal.position, Goal.id)
    return {goal_id: i for i, goal_id in enumerate(session.scalars(query))}


def add_review(
    ctx: Context, plan_id: uuid.UUID, date: dt.date, **details: Unpack[ReviewFields]
) -> ReviewDetails:
    """Record a review; a next review date given here also becomes the plan's next review,
    and the decisions per goal (``goals``) move the goals."""
    check_unknown("review", details, REVIEW_EDITABLE)
    with ctx.write() as session:
        plan = load_plan(session, plan_id)
        require(session, ctx, Action.EDIT_PLAN, plan.person_id)
        return add_in_session(session, ctx, plan, date, details)


def add_in_session(
    session: Session, ctx: Context, plan: Plan, date: dt.date, details: Mapping[str, Any]
) -> ReviewDetails:
    if date > ctx.today():
        raise InvalidInput(tr_noop("A review cannot be dated in the future."))
    # The date it answered, before this review sets the next one.
    row = Review(plan_id=plan.id, due_on=plan.next_review, ratings=[], goals=[], attendees=[])
    _apply_review(session, plan, row, {"date": date, **details})
    session.add(row)
    session.flush()
    created = review_details(row, _goal_order(session, plan.id))
    names = [n for n in set_fields(created, REVIEW_EDITABLE) if n != "words_shared"]
    names += ["words_shared"] if created.words_shared else []
    record(session, ctx, audit.Action.CREATE, "review", plan.person_id, names)
    _decide(session, ctx, plan, row.goals)
    return created


def list_reviews(ctx: Context, plan_id: uuid.UUID, *, record: bool = True) -> list[ReviewDetails]:
    """The plan's reviews (audited as a view)."""
    query = (
        select(Review)
        .where(Review.plan_id == plan_id)
        .options(
            selectinload(Review.ratings),
            selectinload(Review.goals),
            selectinload(Review.attendees),
        )
        .order_by(Review.date, Review.id)
    )
    with reading(ctx, record=record) as session:
        person_id = load_plan(session, plan_id).person_id
        require(session, ctx, Action.VIEW_PERSON, person_id)
        record_view(session, ctx, person_id, "reviews", record=record)
        if sees_only(peer_scope(session, ctx, plan_id)):
            return []
        order = _goal_order(session, plan_id)
        return [review_details(row, order) for row in session.scalars(query)]


def update_review(
    ctx: Context,
    review_id: uuid.UUID,
    expected_version: int | None,
    **changes: Unpack[ReviewChanges],
) -> ReviewDetails:
    """Change a review; ``ratings`` given here replace all of its ratings."""
    check_unknown("review", changes, REVIEW_EDITABLE)
    with ctx.write() as session:
        row = load(session, Review, review_id)
        plan = load_plan(session, row.plan_id)
        require(session, ctx, Action.EDIT_PLAN, plan.person_id)
        check_version("review", row.version, expected_version)
        before = review_details(row, _goal_order(session, plan.id))
        if "ratings" in changes or "goals" in changes:
            row.ratings = [] if "ratings" in changes else row.ratings
            row.goals = [] if "goals" in changes else row.goals
            session.flush()  # the old rows go before new ones with the same key arrive
            _force_update(row)
        if "attendee_ids" in changes:
            _force_update(row)
        _apply_review(session, plan, row, changes)
        session.flush()
        after = review_details(row, _goal_order(session, plan.id))
        record_change(session, ctx, "review", plan.person_id, before, after, REVIEW_EDITABLE)
        if "goals" in changes:
            _decide(session, ctx, plan, row.goals)
        return after


def delete_review(ctx: Context, review_id: uuid.UUID, expected_version: int | None) -> None:
    with ctx.write() as session:
        row = load(session, Review, review_id)
        person_id = load_plan(session, row.plan_id).person_id
        delete_record(session, ctx, row, person_id, expected_version, entity="review")


def _force_update(row: Any) -> None:
    """Make a change to a row's children bump its version like a change to the row would."""
    flag_modified(row, "date")
