"""What happens around a plan over time: peer contributions, meetings and reviews.

A consenting peer worker on the team may record their own contributions and change the
note of their own contributions; everything else here needs :attr:`Action.EDIT_PLAN`.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import flag_modified

from caseplan.errors import AccessDenied, InvalidInput, NotFound, tr_noop
from caseplan.models import (
    ContributionKind,
    Goal,
    Meeting,
    Participant,
    ParticipantRole,
    PeerContribution,
    Plan,
    Review,
    ReviewRating,
)
from caseplan.services import audit
from caseplan.services.access import Action
from caseplan.services.context import Context, check_version
from caseplan.services.plans import (
    as_enum,
    as_seen,
    check_unknown,
    is_own,
    is_peer_worker,
    load_plan,
    record,
    record_change,
    require,
    require_edit,
    set_fields,
    team_member,
)

# --- peer contributions -----------------------------------------------------------------


@dataclass(frozen=True)
class ContributionDetails:
    """What a peer did on one day; the note is in the peer's own words."""

    id: uuid.UUID
    version: int
    plan_id: uuid.UUID
    peer_id: uuid.UUID
    date: dt.date
    minutes: int
    kind: ContributionKind
    note: str = ""
    paid_minutes: int = 0


CONTRIBUTION_EDITABLE = ("peer_id", "date", "minutes", "kind", "note", "paid_minutes")
#: What a peer worker may change in their own contributions.
PEER_CONTRIBUTION_EDITABLE = ("note",)
PEER_OWN_CONTRIBUTIONS = tr_noop("A peer worker can record only their own peer contributions.")
PEER_OWN_NOTE = tr_noop("A peer worker can change only the note of their own peer contributions.")


def contribution_details(row: PeerContribution) -> ContributionDetails:
    return ContributionDetails(
        id=row.id,
        version=row.version,
        plan_id=row.plan_id,
        peer_id=row.peer_id,
        date=row.date,
        minutes=row.minutes,
        kind=row.kind,
        note=row.note,
        paid_minutes=row.paid_minutes,
    )


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _apply_contribution(session: Session, row: PeerContribution, changes: dict[str, Any]) -> None:
    for key, value in changes.items():
        if key == "peer_id":
            peer = team_member(session, row.plan_id, value)
            if peer.role != ParticipantRole.PEER:
                raise InvalidInput(
                    tr_noop("{name} is not a peer on this person's team."), name=peer.name
                )
        elif key == "kind":
            value = as_enum(ContributionKind, value, "kind of contribution")
        setattr(row, key, value)
    if row.date is None:
        raise InvalidInput(tr_noop("Please give the date of the contribution."))
    if not _is_int(row.minutes) or not 1 <= row.minutes <= 1440:
        raise InvalidInput(tr_noop("Minutes must be a whole number from 1 to 1440 (one day)."))
    if not _is_int(row.paid_minutes) or not 0 <= row.paid_minutes <= row.minutes:
        raise InvalidInput(
            tr_noop("Paid minutes must be a whole number from 0 up to the minutes spent.")
        )


def _load_contribution(session: Session, contribution_id: uuid.UUID) -> PeerContribution:
    row = session.get(PeerContribution, contribution_id)
    if row is None:
        raise NotFound(tr_noop("This peer contribution is not in the database."))
    return row


def add_contribution(
    ctx: Context,
    plan_id: uuid.UUID,
    peer_id: uuid.UUID,
    date: dt.date,
    minutes: int,
    kind: ContributionKind | str,
    note: str = "",
    paid_minutes: int = 0,
) -> ContributionDetails:
    """Record what a peer on this plan's team did, and how much of that time is paid."""
    with ctx.write() as session:
        plan = load_plan(session, plan_id)
        require(session, ctx, Action.ADD_CONTRIBUTION, plan.person_id)
        if is_peer_worker(ctx) and not is_own(ctx, session.get(Participant, peer_id)):
            raise AccessDenied(PEER_OWN_CONTRIBUTIONS)
        row = PeerContribution(plan_id=plan.id)
        _apply_contribution(
            session,
            row,
            {
                "peer_id": peer_id,
                "date": date,
                "minutes": minutes,
                "kind": kind,
                "note": note,
                "paid_minutes": paid_minutes,
            },
        )
        session.add(row)
        session.flush()
        created = contribution_details(row)
        names = set_fields(created, CONTRIBUTION_EDITABLE)
        record(session, ctx, audit.Action.CREATE, "peer_contribution", plan.person_id, names)
        return created


def list_contributions(ctx: Context, plan_id: uuid.UUID) -> list[ContributionDetails]:
    query = (
        select(PeerContribution)
        .where(PeerContribution.plan_id == plan_id)
        .order_by(PeerContribution.date, PeerContribution.created_at, PeerContribution.id)
    )
    with ctx.read() as session:
        require(session, ctx, Action.VIEW_PERSON, load_plan(session, plan_id).person_id)
        return [contribution_details(row) for row in session.scalars(query)]


def update_contribution(
    ctx: Context, contribution_id: uuid.UUID, expected_version: int | None, **changes: Any
) -> ContributionDetails:
    check_unknown("peer contribution", changes, CONTRIBUTION_EDITABLE)
    with ctx.write() as session:
        row = _load_contribution(session, contribution_id)
        person_id = load_plan(session, row.plan_id).person_id

        def peer_refusal() -> str | None:
            own = is_own(ctx, session.get(Participant, row.peer_id))
            return (
                None if own and set(changes) <= set(PEER_CONTRIBUTION_EDITABLE) else PEER_OWN_NOTE
            )

        require_edit(
            session,
            ctx,
            person_id,
            peer_action=Action.ADD_CONTRIBUTION,
            peer_refusal=peer_refusal,
        )
        check_version("peer contribution", row.version, expected_version)
        before = contribution_details(row)
        _apply_contribution(session, row, changes)
        session.flush()
        after = contribution_details(row)
        names = CONTRIBUTION_EDITABLE
        record_change(session, ctx, "peer_contribution", person_id, before, after, names)
        return after


def delete_contribution(
    ctx: Context, contribution_id: uuid.UUID, expected_version: int | None
) -> None:
    with ctx.write() as session:
        row = _load_contribution(session, contribution_id)
        person_id = load_plan(session, row.plan_id).person_id
        require(session, ctx, Action.EDIT_PLAN, person_id)
        check_version("peer contribution", row.version, expected_version)
        session.delete(row)
        session.flush()
        record(session, ctx, audit.Action.DELETE, "peer_contribution", person_id)


# --- meetings ---------------------------------------------------------------------------


@dataclass(frozen=True)
class MeetingDetails:
    """A dated meeting: who attended (in team order), shared notes, and if the plan was agreed."""

    id: uuid.UUID
    version: int
    plan_id: uuid.UUID
    date: dt.date
    attendee_ids: tuple[uuid.UUID, ...] = ()
    shared_notes: str = ""
    worker_note: str = ""
    agreed: bool = False


MEETING_EDITABLE = ("date", "attendee_ids", "shared_notes", "worker_note", "agreed")


def meeting_details(row: Meeting) -> MeetingDetails:
    return MeetingDetails(
        id=row.id,
        version=row.version,
        plan_id=row.plan_id,
        date=row.date,
        attendee_ids=tuple(
            p.id for p in sorted(row.attendees, key=lambda p: (p.position, str(p.id)))
        ),
        shared_notes=row.shared_notes,
        worker_note=row.worker_note,
        agreed=row.agreed,
    )


def _apply_meeting(session: Session, row: Meeting, changes: dict[str, Any]) -> None:
    for key, value in changes.items():
        if key == "attendee_ids":
            ids = list(dict.fromkeys(value))
            row.attendees = [team_member(session, row.plan_id, pid) for pid in ids]
            continue
        if key == "agreed":
            value = bool(value)
        setattr(row, key, value)
    if row.date is None:
        raise InvalidInput(tr_noop("Please give the date of the meeting."))


def _load_meeting(session: Session, meeting_id: uuid.UUID) -> Meeting:
    row = session.get(Meeting, meeting_id)
    if row is None:
        raise NotFound(tr_noop("This meeting is not in the database."))
    return row


def add_meeting(ctx: Context, plan_id: uuid.UUID, date: dt.date, **details: Any) -> MeetingDetails:
    """Record a meeting; attendees must be on this plan's team."""
    check_unknown("meeting", details, MEETING_EDITABLE)
    with ctx.write() as session:
        plan = load_plan(session, plan_id)
        require(session, ctx, Action.EDIT_PLAN, plan.person_id)
        row = Meeting(plan_id=plan.id, attendees=[])
        _apply_meeting(session, row, {"date": date, **details})
        session.add(row)
        session.flush()
        created = meeting_details(row)
        names = set_fields(created, MEETING_EDITABLE)
        record(session, ctx, audit.Action.CREATE, "meeting", plan.person_id, names)
        return as_seen(session, ctx, plan.person_id, created)


def list_meetings(ctx: Context, plan_id: uuid.UUID) -> list[MeetingDetails]:
    query = (
        select(Meeting)
        .where(Meeting.plan_id == plan_id)
        .options(selectinload(Meeting.attendees))
        .order_by(Meeting.date, Meeting.id)
    )
    with ctx.read() as session:
        person_id = load_plan(session, plan_id).person_id
        require(session, ctx, Action.VIEW_PERSON, person_id)
        return as_seen(
            session, ctx, person_id, [meeting_details(r) for r in session.scalars(query)]
        )


def update_meeting(
    ctx: Context, meeting_id: uuid.UUID, expected_version: int | None, **changes: Any
) -> MeetingDetails:
    check_unknown("meeting", changes, MEETING_EDITABLE)
    with ctx.write() as session:
        row = _load_meeting(session, meeting_id)
        person_id = load_plan(session, row.plan_id).person_id
        require(session, ctx, Action.EDIT_PLAN, person_id)
        check_version("meeting", row.version, expected_version)
        before = meeting_details(row)
        _apply_meeting(session, row, changes)
        if "attendee_ids" in changes:
            _force_update(row)  # attendance alone is still a change of the meeting
        session.flush()
        after = meeting_details(row)
        record_change(session, ctx, "meeting", person_id, before, after, MEETING_EDITABLE)
        return as_seen(session, ctx, person_id, after)


def delete_meeting(ctx: Context, meeting_id: uuid.UUID, expected_version: int | None) -> None:
    with ctx.write() as session:
        row = _load_meeting(session, meeting_id)
        person_id = load_plan(session, row.plan_id).person_id
        require(session, ctx, Action.EDIT_PLAN, person_id)
        check_version("meeting", row.version, expected_version)
        session.delete(row)
        session.flush()
        record(session, ctx, audit.Action.DELETE, "meeting", person_id)


# --- reviews ----------------------------------------------------------------------------


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
        if not _is_int(score) or not 0 <= score <= 10:
            raise InvalidInput(tr_noop("A score must be a whole number from 0 to 10."))
        if (goal_id, by_id) in rows:
            raise InvalidInput(
                tr_noop("{name} has rated the same goal twice in this review."), name=rater.name
            )
        rows[goal_id, by_id] = ReviewRating(goal_id=goal_id, by_id=by_id, score=score)
    return list(rows.values())


def _apply_review(session: Session, plan: Plan, row: Review, changes: dict[str, Any]) -> None:
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


def _load_review(session: Session, review_id: uuid.UUID) -> Review:
    row = session.get(Review, review_id)
    if row is None:
        raise NotFound(tr_noop("This review is not in the database."))
    return row


def _goal_order(session: Session, plan_id: uuid.UUID) -> dict[uuid.UUID, int]:
    query = select(Goal.id).where(Goal.plan_id == plan_id).order_by(Goal.position, Goal.id)
    return {goal_id: i for i, goal_id in enumerate(session.scalars(query))}


def add_review(ctx: Context, plan_id: uuid.UUID, date: dt.date, **details: Any) -> ReviewDetails:
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
    ctx: Context, review_id: uuid.UUID, expected_version: int | None, **changes: Any
) -> ReviewDetails:
    """Change a review; ``ratings`` given here replace all of its ratings."""
    check_unknown("review", changes, REVIEW_EDITABLE)
    with ctx.write() as session:
        row = _load_review(session, review_id)
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
        row = _load_review(session, review_id)
        person_id = load_plan(session, row.plan_id).person_id
        require(session, ctx, Action.EDIT_PLAN, person_id)
        check_version("review", row.version, expected_version)
        session.delete(row)
        session.flush()
        record(session, ctx, audit.Action.DELETE, "review", person_id)


def _force_update(row: Any) -> None:
    """Make a change to a row's children bump its version like a change to the row would."""
    flag_modified(row, "date")
