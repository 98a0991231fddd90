"""Team mode: what a team lead's own server login is shown about other accounts (their names,
who a peer is for paying them) equals what the same data gives the server's owner.

Row-level security shows each login only its own row of ``accounts``; the services read
other accounts' names through ``caseplan_account_directory()`` (migration 0016), so the
overview per practitioner, the reminder letters' coordinator, the peer-hours report and its
CSV, and print-due's cover list name the same accounts for the team lead as for the owner.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import select, update

from caseplan.models import (
    Account,
    ContributionKind,
    Participant,
    PeerContribution,
    Person,
    Plan,
    Role,
)
from caseplan.reports.peer_hours_csv import peer_hours_csv
from caseplan.services.clinic import unlock
from caseplan.services.context import Actor, Context
from caseplan.services.overview import counts, letters, lists
from caseplan.services.overview.charts import peer_hours_per_month
from caseplan.services.overview.signals import Signal
from caseplan.services.peers.peer_hours import peer_hours
from caseplan.services.printing import printing
from caseplan.services.printing.cover import cover_rows
from tests.security.test_files_and_one_password import PASSWORDS
from tests.security.test_server_roles import Server
from tests.security.test_server_roles import server as server  # the fixture
from tests.support import open_test_database

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.parametrize("location", ["postgres"], indirect=True),
]


@pytest.fixture
def clinic(server: Server) -> Iterator[tuple[Server, Context]]:
    """The fixture's people with coordinators, reviews due, addresses and peer time; Kari's
    account is called "Kari Lund" and her member on Per's team "Kari N." (one account, two
    names on teams). Yields the owner's connection acting as the team lead Lars."""
    today = date.today()
    database = open_test_database(server.owner)
    try:
        with database.sessions() as session, session.begin():
            ids = {a.username: a.id for a in session.scalars(select(Account))}
            ids = {name: ids[server.names[name]] for name in server.names}
            session.execute(
                update(Account).where(Account.id == ids["kari"]).values(display_name="Kari Lund")
            )
            reviews = {
                "Ola Nordmann": (today - timedelta(days=5), "Storgata 1\n0150 Oslo"),
                "Eva Uten-Samtykke": (today + timedelta(days=10), "Lilleveien 2\n5003 Bergen"),
                "Per Hos-Siri": (today + timedelta(days=3), "Fjordgata 3\n7010 Trondheim"),
                "Åse Bare-Lars": (today - timedelta(days=1), "Bakken 4\n9008 Tromsø"),
            }
            for person in session.scalars(select(Person)):
                review, address = reviews[person.full_name]
                person.address = address
                plan = session.scalars(select(Plan).where(Plan.person_id == person.id)).one()
                members = session.scalars(
                    select(Participant).where(Participant.plan_id == plan.id)
                ).all()
                staff = next(m for m in members if m.account_id in (ids["kari"], ids["lars"]))
                if person.full_name == "Per Hos-Siri":
                    staff.name = "Kari N."
                plan.coordinator_id = staff.id
                plan.next_review = review
                for number, peer in enumerate(m for m in members if m.role == "peer"):
                    session.add(
                        PeerContribution(
                            plan_id=plan.id,
                            peer_id=peer.id,
                            date=today - timedelta(days=1 + number),
                            minutes=90,
                            kind=ContributionKind.MEETING,
                            note="",
                            paid_minutes=60,
                        )
                    )
        actor = Actor(ids["lars"], server.names["lars"], Role.TEAM_LEAD)
        yield server, Context(database.sessions, actor=actor, today=date.today)
    finally:
        database.close()


def _everything(ctx: Context) -> dict[str, Any]:
    """What the team lead is shown that names accounts, as plain values."""
    today = ctx.today()
    report = peer_hours(ctx, today - timedelta(days=40), today)
    chart = peer_hours_per_month(ctx, 2)
    assert chart is not None
    due = printing.due_people(ctx, today + timedelta(days=30))
    found = letters.reminder_letters(ctx, lambda _letters: b"", lambda _data: None)
    return {
        "per practitioner": [
            (r.account_id, r.name, r.overdue, r.due_soon)
            for r in counts.overview(ctx).practitioners
        ],
        "overdue list": sorted(
            (r.full_name, r.practitioner)
            for r in lists.signal_list(ctx, Signal.REVIEW_OVERDUE).rows
        ),
        "letters": [(x.full_name, x.coordinator) for x in found.letters],
        "peers": [
            (p.key, p.name, p.account, p.known, p.paid_minutes, p.held_minutes)
            for p in report.peers
        ],
        "made by": report.made_by,
        "csv": peer_hours_csv(report, "en").decode("utf-8"),
        "chart": [(p.key, p.name, p.known, p.paid, p.held) for p in chart.peers],
        "cover": [(row.full_name, row.coordinator) for row in cover_rows(ctx, due)],
    }


def test_a_team_leads_login_names_every_account_as_the_owner_sees_them(
    clinic: tuple[Server, Context],
) -> None:
    server, owner = clinic
    expected = _everything(owner)
    kari = next(r for r in expected["per practitioner"] if r[1] == "Kari Lund")
    assert kari[2:] == (1, 2)  # Ola overdue; Eva and Per (as "Kari N." on his team) due soon
    assert ("Per Hos-Siri", "Kari Lund") in expected["letters"]
    sindre = next(p for p in expected["peers"] if p[2] == server.names["sindre"])
    assert sindre[3:] == (True, 120, 0)  # linked to his account: known, his time paid
    lars = unlock.sign_in(server.accounts, server.names["lars"], PASSWORDS["lars"])
    try:
        seen = _everything(lars.ctx)
    finally:
        lars.close()
    wrong = {what: (seen[what], value) for what, value in expected.items() if seen[what] != value}
    assert not wrong, (sorted(wrong), wrong)


def test_a_practitioners_login_names_the_coordinator_of_a_person_on_their_team(
    clinic: tuple[Server, Context],
) -> None:
    """Kari is on Åse's team too, whom the team lead Lars (his account "Lars Leder",
    "Lars" on the team) coordinates: her overview names his account, as the owner's does."""
    server, owner = clinic
    with owner.write() as session:
        ids = {a.username: a.id for a in session.scalars(select(Account))}
        lars, kari = ids[server.names["lars"]], ids[server.names["kari"]]
        session.execute(update(Account).where(Account.id == lars).values(display_name="Lars Leder"))
        ase = session.scalars(select(Plan).join(Person).where(Person.full_name == "Åse Bare-Lars"))
        plan = ase.one()
        session.add(Participant(plan_id=plan.id, role="practitioner", name="Kari", account_id=kari))
    as_kari = Context(owner.sessions, actor=Actor(kari, server.names["kari"], Role.PRACTITIONER))

    def seen(ctx: Context) -> list[tuple[Any, ...]]:
        rows = [
            (r.account_id, r.name, r.overdue, r.due_soon)
            for r in counts.overview(ctx).practitioners
        ]
        listed = lists.signal_list(ctx, Signal.REVIEW_OVERDUE).rows
        return rows + sorted((r.full_name, r.practitioner) for r in listed)

    expected = seen(as_kari)
    assert (lars, "Lars Leder", 1, 0) in expected
    assert ("Åse Bare-Lars", "Lars Leder") in expected
    login = unlock.sign_in(server.accounts, server.names["kari"], PASSWORDS["kari"])
    try:
        assert seen(login.ctx) == expected
    finally:
        login.close()
