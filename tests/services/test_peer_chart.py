"""Peer hours per month by peer (the team lead's chart and the monthly summary) against a
count made straight from the contributions in the database, with the peer-pay rule: paid
only for a peer linked to an account or verified by a team lead, imported time only once a
team lead accepted it."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import date, timedelta

from sqlalchemy import select

from caseplan.demo.generator import create_demo
from caseplan.models import (
    Account,
    ContributionKind,
    Participant,
    ParticipantRole,
    PeerContribution,
    Person,
    Plan,
    PlanStatus,
    Role,
)
from caseplan.services.context import Actor, Context
from caseplan.services.overview.charts import months_back, peer_hours_per_month
from caseplan.storage.database import Database

TODAY = date(2026, 11, 22)


def _lead(db: Database) -> Context:
    with db.sessions.begin() as session:
        account = Account(username="lars", display_name="Lars Berg", role=Role.TEAM_LEAD)
        session.add(account)
        session.flush()
        actor = Actor(account.id, account.username, account.role)
    return Context(db.sessions, actor=actor, today=lambda: TODAY)


def _peer(
    db: Database, name: str, *, account: bool = False, verified: bool = False
) -> tuple[uuid.UUID, uuid.UUID]:
    """A person with a plan and ``name`` as their peer: (plan id, peer's team-member id)."""
    with db.sessions.begin() as session:
        person = Person(full_name=f"Person of {name}", search_key=name, sort_key=name)
        session.add(person)
        session.flush()
        plan = Plan(person_id=person.id, status=PlanStatus.AGREED, period_start=date(2025, 1, 1))
        session.add(plan)
        session.flush()
        linked = None
        if account:
            holder = Account(
                username=name.split()[0].lower(), display_name=name, role=Role.PEER_WORKER
            )
            session.add(holder)
            session.flush()
            linked = holder.id
        member = Participant(
            plan_id=plan.id,
            role=ParticipantRole.PEER,
            name=name,
            account_id=linked,
            peer_verified_on=date(2026, 1, 2) if verified else None,
        )
        session.add(member)
        session.flush()
        return plan.id, member.id


def _give(
    db: Database,
    where: tuple[uuid.UUID, uuid.UUID],
    day: date,
    minutes: int,
    paid: int,
    *,
    imported: bool = False,
    accepted: bool = False,
) -> None:
    with db.sessions.begin() as session:
        session.add(
            PeerContribution(
                plan_id=where[0],
                peer_id=where[1],
                date=day,
                minutes=minutes,
                kind=ContributionKind.MEETING,
                note="",
                paid_minutes=paid,
                imported_on=day if imported else None,
                accepted_on=day if accepted else None,
            )
        )


def _counted_from_the_rows(db: Database) -> dict[str, dict[date, list[int]]]:
    """Per peer identity and month: [minutes, paid, held], from the raw rows."""
    firsts = months_back(TODAY)
    result: dict[str, dict[date, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))
    with db.sessions() as session:
        rows = session.execute(
            select(PeerContribution, Participant).join(
                Participant, Participant.id == PeerContribution.peer_id
            )
        ).all()
    for contribution, peer in rows:
        if not firsts[0] <= contribution.date <= TODAY:
            continue
        if contribution.imported_on is not None and contribution.accepted_on is None:
            continue
        key = f"account:{peer.account_id}" if peer.account_id else f"member:{peer.id}"
        cell = result[key][contribution.date.replace(day=1)]
        cell[0] += contribution.minutes
        known = peer.account_id is not None or peer.peer_verified_on is not None
        cell[1 if known else 2] += contribution.paid_minutes
    return result


def _check(db: Database, ctx: Context) -> None:
    chart = peer_hours_per_month(ctx)
    assert chart is not None
    assert chart.months == tuple(months_back(TODAY))
    expected = _counted_from_the_rows(db)
    assert {p.key for p in chart.peers} == set(expected)
    for peer in chart.peers:
        for number, first in enumerate(chart.months):
            cell = expected[peer.key].get(first, [0, 0, 0])
            got = [peer.minutes[number], peer.paid[number], peer.held[number]]
            assert got == cell, (peer.name, first)


def test_peer_hours_per_month_follow_the_pay_rule(db: Database) -> None:
    ctx = _lead(db)
    sindre = _peer(db, "Sindre Dahl", account=True)
    sindre_too = _peer(db, "Sindre Dahl", account=False)  # the same name, another person
    with db.sessions.begin() as session:  # Sindre on a second team, through his account
        account_id = session.scalar(select(Account.id).where(Account.username == "sindre"))
        session.get(Participant, sindre_too[1]).account_id = account_id  # type: ignore[union-attr]
    verified = _peer(db, "Marit Eira", verified=True)
    unknown = _peer(db, "Jon Unkjent")
    _give(db, sindre, TODAY, 60, 60)
    _give(db, sindre_too, TODAY - timedelta(days=1), 30, 0)
    _give(db, sindre, date(2026, 10, 31), 45, 45)
    _give(db, verified, date(2026, 1, 15), 90, 60)
    _give(db, unknown, date(2026, 6, 1), 120, 120)
    _give(db, unknown, date(2026, 6, 2), 40, 40, imported=True)  # not accepted: not counted
    _give(db, verified, date(2026, 6, 3), 20, 20, imported=True, accepted=True)
    _give(db, verified, date(2025, 11, 30), 500, 500)  # thirteen months ago: not shown
    _give(db, verified, TODAY + timedelta(days=1), 15, 15)  # tomorrow: not yet

    chart = peer_hours_per_month(ctx)
    assert chart is not None
    by_name = {(p.name, p.known): p for p in chart.peers}
    assert sorted(by_name) == [("Jon Unkjent", False), ("Marit Eira", True), ("Sindre Dahl", True)]
    sindres = by_name[("Sindre Dahl", True)]
    assert (sindres.minutes[-1], sindres.paid[-1], sindres.held[-1]) == (90, 60, 0)
    assert (sindres.minutes[-2], sindres.paid[-2]) == (45, 45)
    marit = by_name[("Marit Eira", True)]
    assert marit.total == 90 + 20 and sum(marit.paid) == 80 and sum(marit.held) == 0
    jon = by_name[("Jon Unkjent", False)]
    assert (jon.total, sum(jon.paid), sum(jon.held)) == (120, 0, 120)
    _check(db, ctx)


def test_peer_hours_per_month_on_a_demo_are_the_rows_counted(db: Database) -> None:
    ctx = _lead(db)
    create_demo(Context(db.sessions, today=lambda: TODAY), 60, seed=5)
    _check(db, ctx)
    chart = peer_hours_per_month(ctx)
    assert chart is not None and chart.peers and any(p.total for p in chart.peers)


def test_only_who_may_see_peer_hours_gets_the_chart(db: Database) -> None:
    with db.sessions.begin() as session:
        account = Account(username="kari", display_name="Kari", role=Role.PRACTITIONER)
        session.add(account)
        session.flush()
        actor = Actor(account.id, account.username, account.role)
    assert peer_hours_per_month(Context(db.sessions, actor=actor, today=lambda: TODAY)) is None
