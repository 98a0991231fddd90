"""Paying for peer time: the peer hours report, its CSV, and who may see it.

The world: peer worker Per (an account) on Kari's and Ola's teams, under two spellings of
his name; volunteer Siri (no account) on both teams, her phone written two ways; and
contributions inside and outside the period. A peer is an identity (an account, or one team
member), never a name: Per is one peer, and Siri, without an account, is two team members
(a name and a phone number prove nothing). All people are fictional.
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from dataclasses import dataclass
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from caseplan.errors import AccessDenied, InvalidInput
from caseplan.models import Account, AuditEvent, ContributionKind, ParticipantRole, Role
from caseplan.reports.peer_hours_csv import peer_hours_csv
from caseplan.services.context import Actor, Context
from caseplan.services.exchange import exchange
from caseplan.services.peers import contributions
from caseplan.services.peers.peer_hours import (
    export_peer_hours,
    hours_text,
    peer_hours,
)
from caseplan.services.people import people
from caseplan.services.plans import plans
from caseplan.services.security import access
from caseplan.services.team import team
from caseplan.storage.database import Database

TODAY = date(2026, 4, 2)
START, END = date(2026, 3, 1), date(2026, 3, 31)
REFUSED = "Only a team lead or an administrator can see the peer hours report."
M = ContributionKind.MEETING


@dataclass
class World:
    db: Database
    lead: Context
    practitioner: Context
    admin: Context
    kari: uuid.UUID
    ola: uuid.UUID


def _account(ctx: Context, username: str, name: str, role: Role) -> Context:
    with ctx.write() as session:
        account = Account(username=username, display_name=name, role=role)
        session.add(account)
        session.flush()
        actor = Actor(account.id, username, role)
    return Context(ctx.sessions, actor=actor, today=lambda: TODAY)


@pytest.fixture
def world(db: Database) -> World:
    ctx = Context(db.sessions, today=lambda: TODAY)
    lead = _account(ctx, "lea", "Lea Leder", Role.TEAM_LEAD)
    practitioner = _account(ctx, "pia", "Pia Praksis", Role.PRACTITIONER)
    admin = _account(ctx, "ada", "Ada Admin", Role.ADMIN)
    per = _account(ctx, "per", "Per Peer", Role.PEER_WORKER).actor.account_id
    ids = []
    for name, per_name, siri_phone in (
        ("Kari Nordmann", "Per Pedersen", "900 00 001"),
        ("Ola Nordmann", "Per P.", "90000001"),
    ):
        person = people.create_person(ctx, name)
        plan = plans.open_plan(ctx, person.id, period_start=date(2026, 1, 1))
        plans.update_plan(ctx, plan.id, None, peer_consent_granted_on=date(2026, 1, 1))
        p = team.add_participant(
            ctx, plan.id, ParticipantRole.PEER, per_name, account_id=per, peer_engagement="paid"
        )
        s = team.add_participant(
            ctx,
            plan.id,
            ParticipantRole.PEER,
            "Siri  Å. Lie",
            phone=siri_phone,
            organisation="Likepersonsenteret",
            peer_engagement="volunteer",
        )
        ids.append(person.id)
        add = contributions.add_contribution
        add(ctx, plan.id, p.id, date(2026, 2, 28), 60, M, paid_minutes=60)  # before
        add(ctx, plan.id, p.id, START, 95, M, paid_minutes=95)
        add(ctx, plan.id, p.id, END, 40, "phone_or_message", paid_minutes=25)
        add(ctx, plan.id, s.id, date(2026, 3, 10), 120, "accompaniment", paid_minutes=0)
        add(ctx, plan.id, s.id, date(2026, 4, 1), 30, M, paid_minutes=0)  # after
    return World(db, lead, practitioner, admin, ids[0], ids[1])


def test_per_peer_and_person_with_exact_totals(world: World) -> None:
    report = peer_hours(world.lead, START, END)
    assert (report.start, report.end, report.made_by) == (START, END, "Lea Leder")
    # one peer per account, or per team member; named as on their latest contribution
    assert [p.name for p in report.peers] == ["Per Pedersen", "Siri  Å. Lie", "Siri  Å. Lie"]
    per, *siris = report.peers
    assert (per.account, per.known) == ("per", True)
    assert [(r.person_name, r.contributions, r.minutes, r.paid_minutes) for r in per.people] == [
        ("Kari Nordmann", 2, 135, 120),
        ("Ola Nordmann", 2, 135, 120),
    ]
    assert (per.contributions, per.minutes, per.paid_minutes) == (4, 270, 240)
    for siri in siris:
        assert (siri.organisation, siri.minutes, siri.paid_minutes) == (
            "Likepersonsenteret",
            120,
            0,
        )
        assert (siri.account, siri.known) == ("", False)
        assert {str(r.engagement) for r in siri.people} == {"volunteer"}
    assert {r.person_name for s in siris for r in s.people} == {"Kari Nordmann", "Ola Nordmann"}
    assert (report.contributions, report.minutes, report.paid_minutes) == (6, 510, 240)
    assert report.people_supported == 2
    assert hours_text(report.minutes) == "8:30"


def _json_paid_minutes(ctx: Context, person_ids: list[uuid.UUID]) -> int:
    total = 0
    for person_id in person_ids:
        document = json.loads(exchange.export_person(ctx, person_id))
        for plan in document["plans"]:
            for c in plan["peer_contributions"]:
                if START <= date.fromisoformat(c["date"]) <= END:
                    total += c["paid_minutes"]
    return total


def _csv_blocks(data: bytes) -> list[list[dict[str, str]]]:
    """The CSV's blocks, each read with its own header row."""
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, for Excel
    text = data.decode("utf-8-sig")
    return [
        list(csv.DictReader(io.StringIO(block), delimiter=";")) for block in text.split("\r\n\r\n")
    ]


def _csv_rows(data: bytes) -> list[dict[str, str]]:
    return _csv_blocks(data)[0]


def test_csv_totals_equal_the_paid_minutes_in_the_exported_json(world: World) -> None:
    rows, totals, waiting = _csv_blocks(peer_hours_csv(peer_hours(world.lead, START, END)))
    assert waiting == []  # nothing imported
    expected = _json_paid_minutes(world.lead, [world.kari, world.ola])
    grand = totals[-1]
    assert grand["Sum"] == "Sum, alle likepersoner"
    assert int(grand["Betalte minutter"]) == expected == 240
    assert sum(int(r["Betalte minutter"]) for r in rows) == expected
    assert sum(int(r["Betalte minutter"]) for r in totals[:-1]) == expected
    assert grand["Betalte timer"] == "4,00" and grand["Personer som fikk støtte"] == "2"
    person_rows = [(r["Likeperson"][:3], r["Person som fikk støtte"], r["Minutter"]) for r in rows]
    assert ("Sir", "Ola Nordmann", "120") in person_rows and len(person_rows) == 4
    assert {r["Identitet"] for r in rows if r["Likeperson"] == "Per Pedersen"} == {"konto per"}


def test_only_people_the_account_may_see(world: World) -> None:
    # an administrator sees a person only after breaking the glass for them
    assert peer_hours(world.admin, START, END).peers == ()
    access.break_glass(world.admin, world.ola, "Utbetaling til likepersoner må kontrolleres.")
    report = peer_hours(world.admin, START, END)
    assert {r.person_name for p in report.peers for r in p.people} == {"Ola Nordmann"}
    assert report.paid_minutes == _json_paid_minutes(world.lead, [world.ola]) == 120


def test_a_practitioner_is_refused_and_the_period_must_run_forwards(world: World) -> None:
    with pytest.raises(AccessDenied) as refused:
        peer_hours(world.practitioner, START, END)
    assert str(refused.value) == REFUSED
    with pytest.raises(InvalidInput) as backwards:
        peer_hours(world.lead, END, START)
    assert str(backwards.value) == "The period cannot end before it starts."
    one_day = peer_hours(world.lead, END, END)
    assert (one_day.contributions, one_day.paid_minutes) == (2, 50)


def _audit(db: Database) -> list[tuple[str, str, str]]:
    with db.sessions() as session:
        query = select(AuditEvent.action, AuditEvent.entity_id, AuditEvent.detail).where(
            AuditEvent.entity == "peer_hours"
        )
        return [tuple(row) for row in session.execute(query.order_by(AuditEvent.seq))]  # type: ignore[misc]


def test_exports_are_audited_per_person_unless_the_file_is_not_written(world: World) -> None:
    written: list[bytes] = []
    export_peer_hours(world.lead, START, END, "csv", peer_hours_csv, written.append)
    assert written and written[0].startswith(b"\xef\xbb\xbf")
    detail = "peer hours 2026-03-01 to 2026-03-31, csv"
    assert sorted(_audit(world.db)) == sorted(
        [("export", str(world.kari), detail), ("export", str(world.ola), detail)]
    )

    def fail(data: bytes) -> None:
        raise OSError("disk full")

    with pytest.raises(OSError):
        export_peer_hours(world.lead, START, END, "pdf", lambda r: b"%PDF", fail)
    assert len(_audit(world.db)) == 2
    with pytest.raises(InvalidInput, match=r"^The peer hours report can be saved as \.csv or"):
        export_peer_hours(world.lead, START, END, "xlsx", lambda r: b"", written.append)


def test_csv_cells_never_run_as_formulas(db: Database) -> None:
    ctx = Context(db.sessions, today=lambda: TODAY)
    plan = plans.open_plan(ctx, people.create_person(ctx, "=SUM(A1)").id, period_start=START)
    plans.update_plan(ctx, plan.id, None, peer_consent_granted_on=START)
    peer = team.add_participant(ctx, plan.id, ParticipantRole.PEER, "@Per", organisation="-x")
    contributions.add_contribution(ctx, plan.id, peer.id, START, 30, M, paid_minutes=30)
    rows = _csv_rows(peer_hours_csv(peer_hours(ctx, START, END), "en"))
    assert (rows[0]["Person supported"], rows[0]["Peer"], rows[0]["Organisation"]) == (
        "'=SUM(A1)",
        "'@Per",
        "'-x",
    )


@settings(max_examples=50, deadline=None)
@given(st.integers(min_value=0, max_value=10_000_000))
def test_hours_are_exact(minutes: int) -> None:
    hours, rest = hours_text(minutes).split(":")
    assert len(rest) == 2 and int(hours) * 60 + int(rest) == minutes
