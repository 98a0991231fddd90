"""A coordinator is named by their account wherever the team lead sees them (the overview per
practitioner and its lists, the reminder letters, print-due's cover list), one row per account
whatever they are called on each team; a coordinator without an account by their own name.

The names are read through :mod:`caseplan.services.account_names` (the accounts table here;
the server's account directory on PostgreSQL, where a staff login's own server login is
tested in tests/security/test_server_names.py).
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from caseplan.models import Account, Participant, ParticipantRole, Person, Plan, Role
from caseplan.services.context import Actor, Context
from caseplan.services.overview import counts, letters, lists
from caseplan.services.overview.signals import Signal
from caseplan.services.printing import printing
from caseplan.services.printing.cover import cover_rows
from caseplan.services.team import linking
from caseplan.storage.database import Database

TODAY = date(2026, 3, 14)


def _clinic(db: Database) -> tuple[Context, uuid.UUID]:
    """Kari Lund coordinates Ola (as "Kari") and Per (as "Kari N."); Mette, from another
    service and without an account, coordinates Åse. Yields the team lead's context."""
    with db.sessions.begin() as session:
        lead = Account(username="lars", display_name="Lars Leder", role=Role.TEAM_LEAD)
        kari = Account(username="kari", display_name="Kari Lund", role=Role.PRACTITIONER)
        session.add_all([lead, kari])
        session.flush()
        for name, coordinator, account, review in (
            ("Ola Nordmann", "Kari", kari.id, TODAY - timedelta(days=5)),
            ("Per Hansen", "Kari N.", kari.id, TODAY + timedelta(days=3)),
            ("Åse Berg", "Mette Ekstern", None, TODAY - timedelta(days=1)),
        ):
            person = Person(full_name=name, address=f"{name}s vei 1\n0150 Oslo")
            session.add(person)
            session.flush()
            plan = Plan(person_id=person.id, period_start=date(2026, 1, 1), next_review=review)
            session.add(plan)
            session.flush()
            member = Participant(
                plan_id=plan.id,
                role=ParticipantRole.PRACTITIONER,
                name=coordinator,
                account_id=account,
                position=0,
            )
            session.add(member)
            session.flush()
            plan.coordinator_id = member.id
        actor = Actor(lead.id, lead.username, Role.TEAM_LEAD)
        kari_id = kari.id
    return Context(db.sessions, actor=actor, today=lambda: TODAY), kari_id


def test_a_coordinator_is_named_by_their_account_wherever_the_team_lead_sees_them(
    db: Database,
) -> None:
    ctx, kari = _clinic(db)
    rows = counts.overview(ctx).practitioners
    assert [(r.account_id, r.name, r.overdue, r.due_soon) for r in rows] == [
        (kari, "Kari Lund", 1, 1),
        (None, "Mette Ekstern", 1, 0),
    ]
    overdue = lists.signal_list(ctx, Signal.REVIEW_OVERDUE).rows
    assert sorted((r.full_name, r.practitioner) for r in overdue) == [
        ("Ola Nordmann", "Kari Lund"),
        ("Åse Berg", "Mette Ekstern"),
    ]
    found = letters.reminder_letters(ctx, lambda _letters: b"", lambda _data: None)
    assert [(x.full_name, x.coordinator) for x in found.letters] == [
        ("Ola Nordmann", "Kari Lund"),
        ("Åse Berg", "Mette Ekstern"),
        ("Per Hansen", "Kari Lund"),
    ]
    due = printing.due_people(ctx, TODAY + timedelta(days=30))
    assert [(r.full_name, r.coordinator) for r in cover_rows(ctx, due)] == [
        ("Ola Nordmann", "Kari Lund"),
        ("Åse Berg", "Mette Ekstern"),
        ("Per Hansen", "Kari Lund"),
    ]


def test_the_directory_lists_every_account_by_name_and_finds_one(db: Database) -> None:
    ctx, kari = _clinic(db)
    with ctx.read() as session:
        every = linking.directory(session)
        one = linking.directory(session, kari)
    assert [(a.username, a.display_name, a.role, a.active) for a in every] == [
        ("kari", "Kari Lund", Role.PRACTITIONER, True),
        ("lars", "Lars Leder", Role.TEAM_LEAD, True),
    ]
    assert [a.id for a in one] == [kari]
