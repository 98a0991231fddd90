from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from caseplan.errors import Conflict, InvalidInput
from caseplan.models import ContributionKind, LifeDomain, ParticipantRole
from caseplan.services.context import Context
from caseplan.services.meetings import meetings, reviews
from caseplan.services.meetings.reviews import RatingDetails
from caseplan.services.peers import contributions
from caseplan.services.people import people
from caseplan.services.plans import goals, plans
from caseplan.services.plans.plans import PlanDetails
from caseplan.services.team import team
from caseplan.services.team.team import ParticipantDetails
from caseplan.storage.database import Database

START = date(2026, 1, 5)


def _plan(db: Database, name: str = "Kari Nordmann") -> tuple[Context, PlanDetails]:
    ctx = Context(db.sessions, today=lambda: START)
    plan = plans.open_plan(ctx, people.create_person(ctx, name).id)
    return ctx, plans.update_plan(ctx, plan.id, None, peer_consent_granted_on=START)


def _team(ctx: Context, plan: PlanDetails) -> tuple[ParticipantDetails, ParticipantDetails]:
    me = team.add_participant(ctx, plan.id, ParticipantRole.PERSON, "Kari Nordmann")
    peer = team.add_participant(ctx, plan.id, ParticipantRole.PEER, "Máret Sara")
    return me, peer


def test_peer_contributions_are_recorded_and_updated(db: Database) -> None:
    ctx, plan = _plan(db)
    _, peer = _team(ctx, plan)
    row = contributions.add_contribution(
        ctx, plan.id, peer.id, START, 90, "accompaniment", "Fulgte til NAV", paid_minutes=60
    )
    assert (row.kind, row.minutes, row.paid_minutes, row.note) == (
        ContributionKind.ACCOMPANIMENT,
        90,
        60,
        "Fulgte til NAV",
    )
    updated = contributions.update_contribution(ctx, row.id, row.version, paid_minutes=90)
    assert contributions.list_contributions(ctx, plan.id) == [updated]
    with pytest.raises(Conflict, match="changed this peer contribution"):
        contributions.update_contribution(ctx, row.id, row.version, minutes=10)
    contributions.delete_contribution(ctx, row.id, updated.version)
    assert contributions.list_contributions(ctx, plan.id) == []


def test_refused_contributions_say_why_and_write_nothing(db: Database) -> None:
    ctx, plan = _plan(db)
    me, peer = _team(ctx, plan)
    _, other = _plan(db, "Ola Nordmann")
    stranger = team.add_participant(ctx, other.id, ParticipantRole.PEER, "Per Hansen")
    paid = "Paid minutes must be a whole number from 0 up to the minutes spent."
    cases: list[tuple[dict[str, Any], str]] = [
        ({"peer_id": me.id}, "Kari Nordmann is not a peer on this person's team."),
        ({"peer_id": stranger.id}, "Per Hansen is not on this person's team."),
        ({"minutes": 0}, "Minutes must be a whole number from 1 to 1440 (one day)."),
        ({"minutes": 1441}, "Minutes must be a whole number from 1 to 1440 (one day)."),
        ({"paid_minutes": 31}, paid),
        ({"paid_minutes": -1}, paid),
        ({"kind": "coffee"}, "coffee is not a known kind of contribution."),
    ]
    for change, sentence in cases:
        arguments: dict[str, Any] = {"peer_id": peer.id, "date": START, "minutes": 30}
        arguments["kind"] = "meeting"
        with pytest.raises(InvalidInput) as error:
            contributions.add_contribution(ctx, plan.id, **{**arguments, **change})
        assert str(error.value) == sentence
    assert contributions.list_contributions(ctx, plan.id) == []
    row = contributions.add_contribution(ctx, plan.id, peer.id, START, 30, ContributionKind.GROUP)
    for change, sentence in cases:
        with pytest.raises(InvalidInput) as error:
            contributions.update_contribution(ctx, row.id, row.version, note="ny", **change)
        assert str(error.value) == sentence
    assert contributions.list_contributions(ctx, plan.id) == [row]


def test_meetings_with_attendees_from_the_team(db: Database) -> None:
    ctx, plan = _plan(db)
    me, peer = _team(ctx, plan)
    meeting = meetings.add_meeting(
        ctx,
        plan.id,
        START,
        attendee_ids=[peer.id, me.id],
        shared_notes="Vi ble enige om planen",
        worker_note="Virket sliten",
        agreed=True,
    )
    assert meeting.attendee_ids == (me.id, peer.id)  # in team order
    assert meeting.agreed
    updated = meetings.update_meeting(ctx, meeting.id, meeting.version, attendee_ids=[me.id])
    assert updated.attendee_ids == (me.id,)
    assert updated.version > meeting.version
    with pytest.raises(Conflict):
        meetings.update_meeting(ctx, meeting.id, meeting.version, attendee_ids=[])
    _, other = _plan(db, "Ola Nordmann")
    stranger = team.add_participant(ctx, other.id, ParticipantRole.NETWORK, "Per Hansen")
    with pytest.raises(InvalidInput) as error:
        meetings.update_meeting(
            ctx, meeting.id, updated.version, shared_notes="x", attendee_ids=[stranger.id]
        )
    assert str(error.value) == "Per Hansen is not on this person's team."
    assert meetings.list_meetings(ctx, plan.id) == [updated]
    meetings.delete_meeting(ctx, meeting.id, updated.version)
    assert meetings.list_meetings(ctx, plan.id) == []


def test_a_review_rates_goals_and_sets_the_next_review(db: Database) -> None:
    ctx, plan = _plan(db)
    me, peer = _team(ctx, plan)
    first = goals.add_goal(ctx, plan.id, LifeDomain.HOUSING, "Bolig")
    second = goals.add_goal(ctx, plan.id, LifeDomain.LEISURE, "Fjelltur")
    review = reviews.add_review(
        ctx,
        plan.id,
        date(2026, 1, 3),
        what_helped="Turene med Máret",
        what_got_in_the_way="Vinteren",
        next_review=date(2026, 6, 1),
        ratings=[(second.id, me.id, 8), (first.id, me.id, 3), (first.id, peer.id, 10)],
    )
    assert [r.goal_id for r in review.ratings] == [first.id, first.id, second.id]
    assert RatingDetails(first.id, peer.id, 10) in review.ratings
    assert plans.get_plan(ctx, plan.id).next_review == date(2026, 6, 1)
    updated = reviews.update_review(ctx, review.id, review.version, ratings=[(first.id, me.id, 0)])
    assert updated.ratings == (RatingDetails(first.id, me.id, 0),)
    with pytest.raises(Conflict, match="changed this review"):
        reviews.update_review(ctx, review.id, review.version, what_helped="x")
    assert reviews.list_reviews(ctx, plan.id) == [updated]
    reviews.delete_review(ctx, review.id, updated.version)
    assert reviews.list_reviews(ctx, plan.id) == []


def test_refused_reviews_say_why_and_write_nothing(db: Database) -> None:
    ctx, plan = _plan(db)
    me, _ = _team(ctx, plan)
    goal = goals.add_goal(ctx, plan.id, LifeDomain.HOUSING, "Bolig")
    _, other = _plan(db, "Ola Nordmann")
    stranger = team.add_participant(ctx, other.id, ParticipantRole.NETWORK, "Per Hansen")
    foreign_goal = goals.add_goal(ctx, other.id, LifeDomain.HOUSING, "Hus")
    cases: list[tuple[dict[str, Any], str]] = [
        ({"ratings": [(goal.id, me.id, 11)]}, "A score must be a whole number from 0 to 10."),
        ({"ratings": [(goal.id, me.id, -1)]}, "A score must be a whole number from 0 to 10."),
        ({"ratings": [(foreign_goal.id, me.id, 5)]}, "A rated goal is not part of this plan."),
        ({"ratings": [(goal.id, stranger.id, 5)]}, "Per Hansen is not on this person's team."),
        (
            {"ratings": [(goal.id, me.id, 5), (goal.id, me.id, 6)]},
            "Kari Nordmann has rated the same goal twice in this review.",
        ),
        ({"next_review": date(2026, 1, 1)}, "The next review cannot be before this review."),
    ]
    for change, sentence in cases:
        with pytest.raises(InvalidInput) as error:
            reviews.add_review(ctx, plan.id, START, **{"next_review": date(2026, 5, 1), **change})
        assert str(error.value) == sentence
    assert reviews.list_reviews(ctx, plan.id) == []
    assert plans.get_plan(ctx, plan.id).next_review is None
    review = reviews.add_review(ctx, plan.id, START, ratings=[(goal.id, me.id, 5)])
    for change, sentence in cases:
        with pytest.raises(InvalidInput) as error:
            reviews.update_review(ctx, review.id, review.version, what_helped="x", **change)
        assert str(error.value) == sentence
    assert reviews.list_reviews(ctx, plan.id) == [review]
    assert plans.get_plan(ctx, plan.id).next_review is None
