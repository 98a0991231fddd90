"""The figures behind the team lead's charts (no drawing here): reviews held on time per month,
plans agreed against drafts, the distribution of people's latest self-ratings by life
domain, and peer hours per month by peer. Exact counts from the data; a bar or group of
fewer than :data:`MINIMUM` people is given as None ("fewer than 5"), never as its number,
where it could point to someone. Peer hours are a peer's paid work, counted per peer as the
peer-hours report counts them; they count no group of people.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select

from caseplan.models import (
    Goal,
    LifeDomain,
    Participant,
    ParticipantRole,
    Plan,
    PlanStatus,
    Review,
    ReviewRating,
)
from caseplan.services.context import Context
from caseplan.services.overview.signals import open_plan, person_is_visible, visible_ids
from caseplan.services.overview.voices import MINIMUM
from caseplan.services.peers.peer_hours import read_peer_hours
from caseplan.services.security import access, chain

#: a review held up to this long after the date it answered is "on time"
GRACE = timedelta(days=14)
#: self-ratings 0–10 in three bands
BANDS = ((0, 3), (4, 6), (7, 10))


@dataclass(frozen=True)
class Month:
    first: date
    #: None: fewer than MINIMUM people had a review that month (not shown)
    on_time: int | None
    late: int | None
    #: reviews that answered no known date (recorded before the due date was kept)
    unknown: int | None


@dataclass(frozen=True)
class DomainRatings:
    domain: LifeDomain
    #: people whose latest self-rating of a goal in this domain is in each band (BANDS);
    #: None for the whole domain when fewer than MINIMUM people rated a goal in it
    bands: tuple[int, ...] | None
    people: int | None


def months_back(today: date, count: int = 12) -> list[date]:
    """The first days of the last ``count`` months, oldest first, this month last."""
    firsts = [today.replace(day=1)]
    while len(firsts) < count:
        firsts.append((firsts[-1] - timedelta(days=1)).replace(day=1))
    return firsts[::-1]


def reviews_per_month(ctx: Context, count: int = 12) -> tuple[Month, ...]:
    visible = visible_ids(ctx)
    today = ctx.today()
    firsts = months_back(today, count)
    query = (
        select(Review.date, Review.due_on, Plan.person_id)
        .join(Plan, Plan.id == Review.plan_id)
        .where(Review.date.between(firsts[0], today), person_is_visible(Plan.person_id, visible))
    )
    with ctx.read() as session:
        rows = session.execute(query).all()
    tally: dict[date, list[int]] = {first: [0, 0, 0] for first in firsts}
    people: dict[date, set[uuid.UUID]] = {first: set() for first in firsts}
    for held, due, person in rows:
        first = held.replace(day=1)
        people[first].add(person)
        kind = 2 if due is None else (0 if held <= due + GRACE else 1)
        tally[first][kind] += 1
    result = []
    for first in firsts:
        shown = len(people[first]) >= MINIMUM
        on_time, late, unknown = tally[first] if shown else (None, None, None)
        result.append(Month(first, on_time, late, unknown))
    return tuple(result)


def audit_head(ctx: Context) -> str | None:
    """The audit trail's head as it is written down (``1234:ab12cd34ef56ab78``), for the
    monthly summary, so that ``caseplan check --expect`` can compare it later; None for an
    account that may not read the audit trail."""
    if not access.can(ctx, access.Action.VIEW_AUDIT):
        return None
    with ctx.read() as session:
        return chain.head(session).words


def agreed_plans(ctx: Context) -> int:
    """Open plans whose status is agreed (the drafts are the overview's two counts)."""
    visible = visible_ids(ctx)
    query = select(func.count(Plan.id)).where(
        open_plan(), Plan.status == PlanStatus.AGREED, person_is_visible(Plan.person_id, visible)
    )
    with ctx.read() as session:
        return int(session.scalar(query) or 0)


def latest_ratings(ctx: Context) -> tuple[DomainRatings, ...]:
    """Each person's latest own rating of each goal on their open plan, by life domain."""
    visible = visible_ids(ctx)
    query = (
        select(Goal.domain, Goal.id, Plan.person_id, Review.date, ReviewRating.score)
        .select_from(ReviewRating)
        .join(Review, Review.id == ReviewRating.review_id)
        .join(Goal, Goal.id == ReviewRating.goal_id)
        .join(Plan, Plan.id == Goal.plan_id)
        .join(Participant, Participant.id == ReviewRating.by_id)
        .where(
            Participant.role == ParticipantRole.PERSON,
            open_plan(),
            person_is_visible(Plan.person_id, visible),
        )
    )
    with ctx.read() as session:
        rows = session.execute(query).all()
    latest: dict[uuid.UUID, tuple[date, int, LifeDomain, uuid.UUID]] = {}
    for domain, goal, person, held, score in rows:
        found = latest.get(goal)
        if found is None or held > found[0]:
            latest[goal] = (held, score, LifeDomain(domain), person)
    result = []
    for domain in LifeDomain:
        mine = [(score, person) for _held, score, d, person in latest.values() if d is domain]
        people = {person for _score, person in mine}
        if not mine:
            continue
        if len(people) < MINIMUM:
            result.append(DomainRatings(domain, None, None))
            continue
        bands = tuple(
            len({person for score, person in mine if low <= score <= high}) for low, high in BANDS
        )
        result.append(DomainRatings(domain, bands, len(people)))
    return tuple(result)


@dataclass(frozen=True)
class PeerMonths:
    """One peer's time in each month (as :data:`PeerHoursChart.months`), in whole minutes."""

    key: str
    name: str
    organisation: str
    #: linked to an account or verified by a team lead: their paid time is paid
    known: bool
    minutes: tuple[int, ...]
    #: paid minutes of a known peer
    paid: tuple[int, ...]
    #: paid minutes recorded for a peer the clinic does not know yet: held, not paid
    held: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.minutes)


@dataclass(frozen=True)
class PeerHoursChart:
    """Peer hours per month by peer, the last months (oldest first), exact minutes."""

    months: tuple[date, ...]
    peers: tuple[PeerMonths, ...]


def _month_end(first: date, today: date) -> date:
    following = (first + timedelta(days=31)).replace(day=1)
    return min(following - timedelta(days=1), today)


def peer_hours_per_month(ctx: Context, count: int = 12) -> PeerHoursChart | None:
    """Each peer's minutes, paid and held minutes per month, by the peer-hours report's own
    rules (:func:`caseplan.services.peers.peer_hours.read_peer_hours`: one row per peer
    identity, paid only for a known peer, imported time only once accepted). None for an
    account that may not see peer hours (they are for paying peers)."""
    if not access.can(ctx, access.Action.PEER_HOURS_REPORT):
        return None
    today = ctx.today()
    firsts = tuple(months_back(today, count))
    found: dict[str, dict[date, tuple[int, int, int]]] = {}
    names: dict[str, tuple[str, str, bool]] = {}
    with ctx.read() as session:
        for first in firsts:
            report = read_peer_hours(ctx, session, first, _month_end(first, today))
            for peer in report.peers:
                found.setdefault(peer.key, {})[first] = (
                    peer.minutes,
                    peer.paid_minutes,
                    peer.held_minutes,
                )
                names[peer.key] = (peer.name, peer.organisation, peer.known)  # the latest
    peers = []
    for key, months in found.items():
        name, organisation, known = names[key]
        cells = [months.get(first, (0, 0, 0)) for first in firsts]
        peers.append(
            PeerMonths(
                key=key,
                name=name,
                organisation=organisation,
                known=known,
                minutes=tuple(c[0] for c in cells),
                paid=tuple(c[1] for c in cells),
                held=tuple(c[2] for c in cells),
            )
        )
    peers.sort(key=lambda p: (p.name.casefold(), p.organisation.casefold(), p.key))
    return PeerHoursChart(firsts, tuple(peers))
