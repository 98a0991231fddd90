"""Paying for peer time: per peer, what they did for each person in a period, and the totals.

Peers are team members (participants), so the same peer may be on several people's teams.
Rows of one peer are grouped by their identity: their linked account when they have one,
otherwise the team member itself (by id). A name is never an identity: two team members
with the same name and phone number are two rows, each with its organisation.

Paid time is counted as paid only for a peer the clinic knows (linked to an account, or
verified by a team lead: :mod:`caseplan.services.peers.imported`); for any other peer it is
shown as held. Contributions imported from a file are not counted at all until a team lead
accepts them: they are listed apart, with where they came from (``waiting``). The rule is
:mod:`caseplan.services.peers.pay`, which the overview's peer time follows too.

All sums are exact whole minutes; hours are shown as ``h:mm`` (:func:`hours_text`), never
as rounded decimals. Only people the account may see are counted.

The report is written out by :mod:`caseplan.reports.peer_hours` (PDF) and
:mod:`caseplan.reports.peer_hours_csv` (CSV).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseplan.errors import InvalidInput, tr_noop
from caseplan.models import (
    Account,
    Participant,
    PeerContribution,
    PeerEngagement,
    Person,
    Plan,
)
from caseplan.services.account_names import account_names
from caseplan.services.context import Context
from caseplan.services.peers.imported import ImportedContribution, waiting_in
from caseplan.services.peers.pay import counted, known_peer
from caseplan.services.security import access, audit
from caseplan.services.security.access import Action

PERIOD_BACKWARDS = tr_noop("The period cannot end before it starts.")


@dataclass(frozen=True)
class PersonHours:
    """What one peer did for one person in the period."""

    person_id: uuid.UUID
    person_name: str
    engagement: PeerEngagement
    contributions: int
    minutes: int
    paid_minutes: int
    #: paid minutes recorded for a peer the clinic does not know (not paid until it does)
    held_minutes: int = 0


@dataclass(frozen=True)
class PeerHours:
    """One peer (across all the teams they are on) and the people they supported."""

    key: str
    name: str
    organisation: str
    engagement: PeerEngagement
    people: tuple[PersonHours, ...]
    #: the linked account's user name ("" for a peer without an account)
    account: str = ""
    #: a team lead verified who this peer (without an account) is
    verified: bool = False

    @property
    def known(self) -> bool:
        """Linked to an account or verified: their paid time may be paid."""
        return bool(self.account) or self.verified

    @property
    def held_minutes(self) -> int:
        return sum(p.held_minutes for p in self.people)

    @property
    def contributions(self) -> int:
        return sum(p.contributions for p in self.people)

    @property
    def minutes(self) -> int:
        return sum(p.minutes for p in self.people)

    @property
    def paid_minutes(self) -> int:
        return sum(p.paid_minutes for p in self.people)


@dataclass(frozen=True)
class PeerHoursReport:
    """The period's peer time, per peer and per person, with the totals."""

    start: date
    end: date
    made_on: date
    #: the name of the account that made the report (the team lead who signs it off)
    made_by: str
    peers: tuple[PeerHours, ...]
    #: imported contributions in the period, not counted until a team lead accepts them
    waiting: tuple[ImportedContribution, ...] = ()

    @property
    def contributions(self) -> int:
        return sum(p.contributions for p in self.peers)

    @property
    def minutes(self) -> int:
        return sum(p.minutes for p in self.peers)

    @property
    def paid_minutes(self) -> int:
        return sum(p.paid_minutes for p in self.peers)

    @property
    def people_supported(self) -> int:
        return len({row.person_id for peer in self.peers for row in peer.people})


def hours_text(minutes: int) -> str:
    """Whole minutes as ``h:mm`` (``95`` → ``1:35``), exact: no rounding anywhere."""
    sign = "-" if minutes < 0 else ""
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours}:{rest:02d}"


def _peer_key(row: Participant) -> str:
    """The peer's identity: their account, or else this one team member (never a name)."""
    if row.account_id is not None:
        return f"account:{row.account_id}"
    return f"member:{row.id}"


def _check_period(start: date, end: date) -> None:
    if end < start:
        raise InvalidInput(PERIOD_BACKWARDS)


def _made_by(ctx: Context, session: Session) -> str:
    account_id = ctx.actor.account_id
    if account_id is None:
        return ctx.actor.username
    name = session.scalar(select(Account.display_name).where(Account.id == account_id))
    return str(name) if name else ctx.actor.username


def _build(ctx: Context, session: Session, start: date, end: date) -> PeerHoursReport:
    visible = access.visible_people(ctx, select(Person.id)).scalar_subquery()
    account = account_names()
    query = (
        select(
            PeerContribution,
            Participant,
            Person.id,
            Person.full_name,
            account.c.username,
            known_peer().label("known"),
        )
        .join(Participant, Participant.id == PeerContribution.peer_id)
        .join(Plan, Plan.id == PeerContribution.plan_id)
        .join(Person, Person.id == Plan.person_id)
        .outerjoin(account, account.c.id == Participant.account_id)
        .where(
            PeerContribution.date >= start,
            PeerContribution.date <= end,
            Person.id.in_(visible),
            counted(),  # imported and not yet accepted: listed apart, never counted
        )
        .order_by(PeerContribution.date, PeerContribution.id)
    )
    # key -> person -> [count, minutes, paid, held]; key -> the participant rows seen
    sums: dict[str, dict[uuid.UUID, list[int]]] = defaultdict(dict)
    names: dict[uuid.UUID, str] = {}
    engagement: dict[tuple[str, uuid.UUID], PeerEngagement] = {}
    latest: dict[str, Participant] = {}
    when: dict[str, date] = {}
    usernames: dict[str, str] = {}
    for contribution, peer, person_id, person_name, username, known in session.execute(query):
        key = _peer_key(peer)
        usernames[key] = username or ""
        cell = sums[key].setdefault(person_id, [0, 0, 0, 0])
        cell[0] += 1
        cell[1] += contribution.minutes
        cell[2 if known else 3] += contribution.paid_minutes
        names[person_id] = person_name
        engagement[(key, person_id)] = peer.peer_engagement
        # the name and organisation shown: those of the latest contribution's team member
        seen = latest.get(key)
        if seen is None or (contribution.date, peer.name) >= (when[key], seen.name):
            latest[key], when[key] = peer, contribution.date
    peers = []
    for key, people in sums.items():
        peer = latest[key]
        rows = tuple(
            sorted(
                (
                    PersonHours(
                        person_id=person_id,
                        person_name=names[person_id],
                        engagement=engagement[(key, person_id)],
                        contributions=count,
                        minutes=minutes,
                        paid_minutes=paid,
                        held_minutes=held,
                    )
                    for person_id, (count, minutes, paid, held) in people.items()
                ),
                key=lambda r: (r.person_name.casefold(), str(r.person_id)),
            )
        )
        peers.append(
            PeerHours(
                key=key,
                name=peer.name,
                organisation=peer.organisation,
                engagement=peer.peer_engagement,
                people=rows,
                account=usernames[key],
                verified=peer.account_id is None and peer.peer_verified_on is not None,
            )
        )
    peers.sort(key=lambda p: (p.name.casefold(), p.organisation.casefold(), p.key))
    return PeerHoursReport(
        start=start,
        end=end,
        made_on=ctx.today(),
        made_by=_made_by(ctx, session),
        peers=tuple(peers),
        waiting=tuple(waiting_in(session, ctx, start, end)),
    )


def read_peer_hours(ctx: Context, session: Session, start: date, end: date) -> PeerHoursReport:
    """The report's figures read in ``session``, not audited: for figures that name no
    person (the team lead's chart of peer hours per month). The caller checks access."""
    _check_period(start, end)
    return _build(ctx, session, start, end)


def peer_hours(ctx: Context, start: date, end: date) -> PeerHoursReport:
    """Peer time from ``start`` to ``end`` (both included), for a team lead or administrator.

    Needs :attr:`Action.PEER_HOURS_REPORT`; counts only people the account may see.
    """
    access.require(ctx, Action.PEER_HOURS_REPORT)
    _check_period(start, end)
    with ctx.write() as session:  # seen on screen: names and hours, so audited as a view
        report = _build(ctx, session, start, end)
        detail = f"peer hours {start.isoformat()} to {end.isoformat()}, on screen"
        audit.record(session, ctx.actor, audit.Action.VIEWED, "peer_hours", "", detail)
        return report


def export_peer_hours(
    ctx: Context,
    start: date,
    end: date,
    file_format: str,
    render: Callable[[PeerHoursReport], bytes],
    finish: Callable[[bytes], None],
) -> PeerHoursReport:
    """Make the report, render it (``file_format`` ``"csv"`` or ``"pdf"``), audit, finish.

    One transaction: the report is read, ``render`` turns it into bytes, and each person in
    it gets an audit event (``export`` for CSV, ``print`` for PDF) before ``finish(data)``
    (say, moving the file into place) runs. If ``finish`` fails, no event is kept.
    """
    access.require(ctx, Action.PEER_HOURS_REPORT)
    _check_period(start, end)
    if file_format not in ("csv", "pdf"):
        raise InvalidInput(
            tr_noop("The peer hours report can be saved as .csv or .pdf, not {kind}."),
            kind=file_format[:20] or "nothing",
        )
    action = audit.Action.EXPORT if file_format == "csv" else audit.Action.PRINT
    detail = f"peer hours {start.isoformat()} to {end.isoformat()}, {file_format}"
    with ctx.write() as session:
        report = _build(ctx, session, start, end)
        data = render(report)
        shown = {row.person_id for peer in report.peers for row in peer.people}
        shown |= {row.person_id for row in report.waiting}
        people = sorted(shown, key=str)
        for person_id in people:
            audit.record(session, ctx.actor, action, "peer_hours", person_id, detail)
        if not people:
            audit.record(session, ctx.actor, action, "peer_hours", "", detail)
        finish(data)
    return report
