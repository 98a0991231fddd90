"""The audit trail: written with the change, hash-chained, and any edit or deletion is found."""

from __future__ import annotations

import itertools
import threading
import unicodedata
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from caseplan.errors import AccessDenied, InvalidInput
from caseplan.models import AuditEvent, Person
from caseplan.services.context import SYSTEM, Context
from caseplan.services.security import audit, trail
from caseplan.storage.database import Database

if TYPE_CHECKING:
    from tests.security.conftest import World


def _fill(db: Database, count: int) -> None:
    with db.sessions.begin() as session:
        for number in range(count):
            audit.record(session, SYSTEM, audit.Action.CHANGE, "goal", "p-1", f"change {number}")


@contextmanager
def _behind_the_app(db: Database) -> Iterator[Session]:
    """A transaction that changes the trail as its owner could: on a server, with the
    trigger that refuses every change switched off for it (migration 0013)."""
    with db.sessions.begin() as session:
        server = session.get_bind().dialect.name == "postgresql"
        if server:
            session.execute(text("ALTER TABLE audit_events DISABLE TRIGGER audit_append_only"))
        yield session
        session.flush()
        if server:
            session.execute(text("ALTER TABLE audit_events ENABLE TRIGGER audit_append_only"))


def _verify(db: Database) -> audit.ChainReport:
    with db.sessions() as session:
        return audit.verify_chain(session)


def test_an_untouched_chain_verifies(db: Database) -> None:
    assert _verify(db) == audit.ChainReport(ok=True, checked=0)
    _fill(db, 5)
    assert _verify(db) == audit.ChainReport(ok=True, checked=5)
    with db.sessions() as session:
        rows = session.execute(select(AuditEvent).order_by(AuditEvent.seq)).scalars().all()
    assert [r.seq for r in rows] == [1, 2, 3, 4, 5]
    assert rows[0].prev_hash == ""
    assert all(later.prev_hash == earlier.hash for earlier, later in itertools.pairwise(rows))


def test_the_event_is_part_of_the_change_and_rolls_back_with_it(db: Database) -> None:
    ctx = Context(db.sessions)
    with pytest.raises(InvalidInput), ctx.write() as session:
        session.add(Person(full_name="Kari Nordmann"))
        audit.record(session, SYSTEM, audit.Action.CREATE, "person", "x", "created")
        raise InvalidInput("Something a person got wrong.")
    with db.sessions() as session:
        assert audit.count_events(session) == 0
        assert session.execute(select(Person)).first() is None
    _fill(db, 1)
    assert _verify(db).ok


def test_many_events_at_once_are_the_events_one_by_one(db: Database) -> None:
    """A batch (a thousand printed plans) is audited in one go: the same rows, hashes and
    chain as recording each in turn, continuing the chain that was there."""
    _fill(db, 2)
    at = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
    ids = ["p-3", uuid.UUID(int=7), "p-1"]
    with db.sessions.begin() as session:
        last = audit.record_many(
            session, "kari", audit.Action.PRINT, "person", ids, "plans due", now=lambda: at
        )
    with db.sessions() as session:
        rows = session.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()
        batch = [(r.seq, r.entity_id, r.prev_hash, r.hash) for r in rows[2:]]
    assert last == 5 and _verify(db) == audit.ChainReport(ok=True, checked=5)
    with _behind_the_app(db) as session:
        session.execute(delete(AuditEvent).where(AuditEvent.seq > 2))
    with db.sessions.begin() as session:
        for entity_id in ids:
            audit.record(
                session,
                "kari",
                audit.Action.PRINT,
                "person",
                entity_id,
                "plans due",
                now=lambda: at,
            )
    with db.sessions() as session:
        rows = session.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()
        assert [(r.seq, r.entity_id, r.prev_hash, r.hash) for r in rows[2:]] == batch
    assert [b[1] for b in batch] == ["p-3", str(uuid.UUID(int=7)), "p-1"]


def test_an_edited_row_is_reported(db: Database) -> None:
    _fill(db, 5)
    with _behind_the_app(db) as session:
        session.execute(update(AuditEvent).where(AuditEvent.seq == 3).values(account="mallory"))
    report = _verify(db)
    assert (report.ok, report.first_broken_seq, report.checked) == (False, 3, 2)
    assert report.reason == "Audit event 3 was changed after it was written."


def test_a_deleted_row_is_reported(db: Database) -> None:
    _fill(db, 5)
    with _behind_the_app(db) as session:
        session.execute(delete(AuditEvent).where(AuditEvent.seq == 2))
    report = _verify(db)
    assert (report.ok, report.first_broken_seq) == (False, 3)
    assert "does not follow the one before it" in report.reason


def test_deleting_the_first_row_is_reported(db: Database) -> None:
    _fill(db, 3)
    with _behind_the_app(db) as session:
        session.execute(delete(AuditEvent).where(AuditEvent.seq == 1))
    assert _verify(db).first_broken_seq == 2


def test_an_edit_with_a_recomputed_hash_breaks_its_seal(db: Database) -> None:
    """The hash anyone can recompute; the seal over it only with the audit key."""
    _fill(db, 5)
    with _behind_the_app(db) as session:
        event = session.get(AuditEvent, 3)
        assert event is not None
        event.detail = "nothing happened"
        event.hash = audit.event_hash(
            event.seq, event.at, event.account, event.action, event.entity,
            event.entity_id, event.detail, event.prev_hash,
        )  # fmt: skip
    report = _verify(db)
    assert (report.ok, report.first_broken_seq) == (False, 3)
    assert "does not carry the seal Caseplan gave it" in report.reason


def test_a_rolled_back_event_leaves_no_gap(db: Database) -> None:
    _fill(db, 2)
    with pytest.raises(RuntimeError), db.sessions.begin() as session:
        audit.record(session, SYSTEM, audit.Action.PRINT, "person", "p-1")
        raise RuntimeError("printer on fire")
    _fill(db, 2)
    assert _verify(db) == audit.ChainReport(ok=True, checked=4)


def test_two_writers_never_fork_the_chain(db: Database) -> None:
    errors: list[BaseException] = []

    def writer(name: str) -> None:
        done = 0
        while done < 8:
            try:
                with db.sessions.begin() as session:
                    audit.record(session, name, audit.Action.CHANGE, "goal", "p-2", "changed")
                done += 1
            except OperationalError:  # SQLite: the other writer won; try again
                continue
            except BaseException as error:  # pragma: no cover - shown by the assert
                errors.append(error)
                return

    threads = [threading.Thread(target=writer, args=(n,)) for n in ("anne", "bjorn")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert _verify(db) == audit.ChainReport(ok=True, checked=16)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(detail=st.text(max_size=60), account=st.text(max_size=20))
def test_any_text_is_chained_exactly_or_refused(db: Database, detail: str, account: str) -> None:
    try:
        with db.sessions.begin() as session:
            seq = audit.record(session, account, audit.Action.CHANGE, "goal", "p-3", detail)
    except InvalidInput:
        return
    with db.sessions() as session:
        event = session.get(AuditEvent, seq)
        assert event is not None
        assert event.detail == unicodedata.normalize("NFC", detail).replace("\r\n", "\n").replace(
            "\r", "\n"
        )
        assert audit.verify_chain(session).ok


def test_changed_fields_names_fields_never_words() -> None:
    assert audit.changed_fields(["own_words", "status", "own_words"]) == (
        "changed: own_words, status"
    )


def test_trail_for_a_person_is_filterable_and_for_leads_and_admins(
    db: Database, world: World
) -> None:
    person = str(world.consented)
    with db.sessions.begin() as session:
        audit.record(session, world.practitioner, audit.Action.OPEN_PERSON, "person", person)
        audit.record(
            session, world.practitioner, audit.Action.CHANGE, "goal", person, "changed: own_words"
        )
        audit.record(session, world.lead, audit.Action.PRINT, "plan", person, "shared plan")
        audit.record(session, world.lead, audit.Action.PRINT, "plan", str(uuid.uuid4()))
    lead = world.ctx(db, world.lead)
    assert [(e.account, e.action) for e in trail.events_for(lead, person)] == [
        ("lea", "print"),
        ("pia", "change"),
        ("pia", "open_person"),
    ]
    assert [e.action for e in trail.events_for(world.ctx(db, world.admin), person, "PIA")] == [
        "change",
        "open_person",
    ]
    assert [e.detail for e in trail.events_for(lead, person, "own_words")] == ["changed: own_words"]
    for actor in (world.practitioner, world.peer):
        with pytest.raises(AccessDenied, match="audit trail"):
            trail.events_for(world.ctx(db, actor), person)
