"""Reviews: the person rates each goal 0–10 and says what helped and what got in the way."""

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
    Plan,
    Review,
    ReviewRating,
)
from caseplan.services.context import Context, check_version
from caseplan.services.security import audit
from caseplan.services.security.access import Action
from caseplan.services.shared import (
    check_unknown,
    delete_record,
    is_whole_number,
    load,
    load_plan,
    record,
    record_change,
    require,
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
class ReviewDetails:
    id: uuid.UUID
    version: int
    plan_id: uuid.UUID
    date: dt.date
    what_helped: str = ""
    what_got_in_the_way: str = ""
    next_review: dt.date | None = None
    ratings: tuple[RatingDetails, ...] = ()


REVIEW_EDITABLE = ("date", "what_helped", "what_got_in_the_way", "next_review", "ratings")

#: A rating as the caller gives it: (goal_id, by_participant_id, score).
RatingInput = tuple[uuid.UUID, uuid.UUID, int]


class ReviewFields(TypedDict, total=False):
    """What :func:`add_review` takes besides the date."""

    what_helped: str
    what_got_in_the_way: str
    next_review: dt.date | None
    ratings: Iterable[RatingInput]


class ReviewChanges(ReviewFields, total=False):
    """What :func:`update_review` may change."""

    date: dt.date


def review_details(row: Review, goal_order: dict[uuid.UUID, int] | None = None) -> ReviewDetails:
    order = goal_order or {}
    ratings = sorted(
        row.ratings, key=lambda r: (order.get(r.goal_id, len(order)), str(r.goal_id), str(r.by_id))
    )
    return ReviewDetails(
        id=row.id,
        version=row.version,
        plan_id=row.plan_id,
        date=row.date,
        what_helped=row.what_helped,
        what_got_in_the_way=row.what_got_in_the_way,
        next_review=row.next_review,
        ratings=tuple(RatingDetails(r.goal_id, r.by_id, r.score) for r in ratings),
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


def _apply_review(session: Session, plan: Plan, row: Review, changes: Mapping[str, Any]) -> None:
    for key, value in changes.items():
        if key == "ratings":
            row.ratings = _ratings(session, plan, value)
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
    """Record a review; a next review date given here also becomes the plan's next review."""
    check_unknown("review", details, REVIEW_EDITABLE)
    with ctx.write() as session:
        plan = load_plan(session, plan_id)
        require(session, ctx, Action.EDIT_PLAN, plan.person_id)
        row = Review(plan_id=plan.id, ratings=[])
        _apply_review(session, plan, row, {"date": date, **details})
        session.add(row)
        session.flush()
        created = review_details(row, _goal_order(session, plan.id))
        names = set_fields(created, REVIEW_EDITABLE)
        record(session, ctx, audit.Action.CREATE, "review", plan.person_id, names)
        return created


def list_reviews(ctx: Context, plan_id: uuid.UUID) -> list[ReviewDetails]:
    query = (
        select(Review)
        .where(Review.plan_id == plan_id)
        .options(selectinload(Review.ratings))
        .order_by(Review.date, Review.id)
    )
    with ctx.read() as session:
        require(session, ctx, Action.VIEW_PERSON, load_plan(session, plan_id).person_id)
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
        if "ratings" in changes:
            row.ratings = []
            session.flush()  # the old ratings go before new ones with the same key arrive
            _force_update(row)
        _apply_review(session, plan, row, changes)
        session.flush()
        after = review_details(row, _goal_order(session, plan.id))
        record_change(session, ctx, "review", plan.person_id, before, after, REVIEW_EDITABLE)
        return after


def delete_review(ctx: Context, review_id: uuid.UUID, expected_version: int | None) -> None:
    with ctx.write() as session:
        row = load(session, Review, review_id)
        person_id = load_plan(session, row.plan_id).person_id
        delete_record(session, ctx, row, person_id, expected_version, entity="review")


def _force_update(row: Any) -> None:
    """Make a change to a row's children bump its version like a change to the row would."""
    flag_modified(row, "date")
