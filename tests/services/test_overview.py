"""The overview on a demo made for it: every count, list and marker against the same
figures worked out from each person's exported JSON, for a team lead and a practitioner."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from caseplan.demo.generator import create_demo
from caseplan.errors import AccessDenied
from caseplan.models import Account, AuditEvent, Participant, Person, Role
from caseplan.services.clinic import settings
from caseplan.services.context import Actor, Context
from caseplan.services.exchange.exchange import export_person
from caseplan.services.overview.counts import overview
from caseplan.services.overview.lists import signal_list
from caseplan.services.overview.markers import person_signals
from caseplan.services.overview.signals import Signal
from caseplan.storage.database import Database
from caseplan.storage.location import Location
from tests.services.overview_from_json import expected
from tests.support import Templates, open_test_database

TODAY = date(2026, 11, 22)
PEOPLE = 80


@dataclass
class Clinic:
    db: Database
    actors: dict[str, Actor]
    documents: list[dict[str, Any]]

    def ctx(self, name: str) -> Context:
        return Context(self.db.sessions, actor=self.actors[name], today=lambda: TODAY)

    def known_peers(self) -> set[str]:
        """The team members linked to an account or verified by a team lead: not in an
        export, so read from the database (whose paid time is paid)."""
        with self.db.sessions() as session:
            rows = session.scalars(
                select(Participant.id).where(
                    Participant.account_id.is_not(None) | Participant.peer_verified_on.is_not(None)
                )
            )
            return {str(row) for row in rows}

    def documents_of(self, display_name: str) -> list[dict[str, Any]]:
        """The people with ``display_name`` on their open plan's team (the demo names a
        linked account's team member as the account)."""
        return [
            doc
            for doc in self.documents
            if any(
                p["status"] != "closed"
                and any(m["name"] == display_name for m in p["participants"])
                for p in doc["plans"]
            )
        ]


def _build(db: Database) -> tuple[dict[str, Actor], list[dict[str, Any]]]:
    with db.sessions.begin() as session:
        accounts = [
            Account(username="kari", display_name="Kari Lund", role=Role.PRACTITIONER),
            Account(username="lars", display_name="Lars Berg", role=Role.TEAM_LEAD),
            Account(username="sindre", display_name="Sindre Moe", role=Role.PEER_WORKER),
            Account(username="tone", display_name="Tone Dahl", role=Role.ADMIN),
        ]
        session.add_all(accounts)
        session.flush()
        actors = {a.username: Actor(a.id, a.username, a.role) for a in accounts}
    system = Context(db.sessions, today=lambda: TODAY)
    create_demo(system, PEOPLE, seed=4)
    with db.sessions() as session:
        ids = list(session.scalars(select(Person.id)))
    return actors, [json.loads(export_person(system, person_id)) for person_id in ids]


@pytest.fixture
def demo(location: Location, templates: Templates) -> tuple[dict[str, Actor], list[Any]]:
    """The demo made for these tests (once per test process), in this test's database."""
    return templates.fill(location, "overview-demo", _build)  # type: ignore[no-any-return]


@pytest.fixture
def db(location: Location, demo: Any) -> Iterator[Database]:
    database = open_test_database(location)
    yield database
    database.close()


@pytest.fixture
def clinic(db: Database, demo: tuple[dict[str, Actor], list[dict[str, Any]]]) -> Clinic:
    actors, documents = demo
    return Clinic(db, actors, documents)


def _ids(people: set[str]) -> set[uuid.UUID]:
    return {uuid.UUID(p) for p in people}


def test_every_count_of_the_team_leads_overview_is_the_count_in_the_exported_files(
    clinic: Clinic,
) -> None:
    found = overview(clinic.ctx("lars"))
    want = expected(
        clinic.documents, TODAY, settings.DEFAULT_NO_CONTACT_WEEKS, clinic.known_peers()
    )
    assert found.whole_clinic and found.weeks == settings.DEFAULT_NO_CONTACT_WEEKS
    for signal in Signal:
        count = found.counts[signal]
        people = want.people.get(signal.value, set())
        assert (count.items, count.people) == (want.items[signal.value], len(people)), signal
        assert count.people > 0, f"the demo should show {signal}"
    assert found.peer_time.this_month == want.peer["this"] > 0
    assert found.peer_time.last_month == want.peer["last"] > 0
    assert found.peer_time.this_month_paid == want.peer["this_paid"] > 0
    assert found.peer_time.last_month_paid == want.peer["last_paid"]
    by_name = {r.name: [r.overdue, r.due_soon] for r in found.practitioners}
    assert by_name == want.practitioners
    assert sum(r.overdue for r in found.practitioners) == found.items(Signal.REVIEW_OVERDUE)


def test_each_list_holds_exactly_what_its_count_counts_and_is_audited(clinic: Clinic) -> None:
    ctx = clinic.ctx("lars")
    want = expected(clinic.documents, TODAY, settings.DEFAULT_NO_CONTACT_WEEKS)
    for signal in Signal:
        listed = signal_list(ctx, signal)
        assert {r.person_id for r in listed.rows} == _ids(want.people[signal.value]), signal
        assert len(listed.rows) == want.items[signal.value], signal
        dates = [r.when for r in listed.rows if r.when is not None]
        assert dates == sorted(dates), "soonest first"
    with clinic.db.sessions() as session:
        events = session.scalars(
            select(AuditEvent.detail).where(AuditEvent.action == "viewed_list")
        ).all()
    assert len(events) == len(Signal)
    assert all(e.startswith("overview list: ") and "rows listed: " in e for e in events)


def test_a_practitioner_counts_only_their_own_people(clinic: Clinic) -> None:
    mine = clinic.documents_of("Kari Lund")
    assert 0 < len(mine) < len(clinic.documents)
    found = overview(clinic.ctx("kari"))
    want = expected(mine, TODAY, settings.DEFAULT_NO_CONTACT_WEEKS)
    assert not found.whole_clinic
    for signal in Signal:
        count = found.counts[signal]
        people = want.people.get(signal.value, set())
        assert (count.items, count.people) == (want.items[signal.value], len(people)), signal
        listed = signal_list(clinic.ctx("kari"), signal)
        assert {r.person_id for r in listed.rows} == _ids(people)
    assert found.peer_time.this_month == want.peer["this"]


def test_no_overview_for_a_peer_worker_or_an_administrator(clinic: Clinic) -> None:
    for name in ("sindre", "tone"):
        with pytest.raises(AccessDenied, match="Only practitioners and team leads"):
            overview(clinic.ctx(name))
        with pytest.raises(AccessDenied):
            signal_list(clinic.ctx(name), Signal.CONSENT_ENDING)


def test_the_caseloads_markers_say_the_same_per_person(clinic: Clinic) -> None:
    want = expected(clinic.documents, TODAY, settings.DEFAULT_NO_CONTACT_WEEKS)
    ids = [uuid.UUID(doc["person"]["id"]) for doc in clinic.documents]
    markers = person_signals(clinic.ctx("lars"), ids)
    assert set(markers) == set(ids)
    for signal in Signal:
        on = {person for person, m in markers.items() if signal in m.signals}
        assert on == _ids(want.people.get(signal.value, set())), signal
    mine = person_signals(clinic.ctx("kari"), ids)  # only her own come back
    assert set(mine) == {uuid.UUID(doc["person"]["id"]) for doc in clinic.documents_of("Kari Lund")}


def test_weeks_without_contact_is_the_clinics_choice(clinic: Clinic) -> None:
    lead = clinic.ctx("lars")
    settings.set_no_contact_weeks(lead, 2)
    found = overview(lead)
    want = expected(clinic.documents, TODAY, 2)
    assert found.weeks == 2
    assert found.items(Signal.NO_CONTACT) == want.items["no_contact"] > 0
    with pytest.raises(AccessDenied):
        settings.set_no_contact_weeks(clinic.ctx("kari"), 4)
