"""Ten ways to tamper with the audit trail, each tried as an insider would, and `caseplan
check` names what it found; an untouched database passes.

The insider holds the database, its key file and a staff password, so they open the
database with its key and change the rows with plain SQL; they recompute every SHA-256
link (anyone can), but not the seals (the audit key is not theirs to take: a second round
below recomputes the seals too, and the head kept in the key file still finds the
rewrite). The database is the demo clinic made by ``caseplan demo``.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Connection, delete, func, select, text, update

from caseplan.models import AuditEvent, Setting
from caseplan.services.security import audit, chain
from caseplan.storage.database import open_database
from caseplan.storage.location import resolve
from tests.cli.conftest import PASSWORDS
from tests.support import key_of
from tests.support import run_cli as run

Tamper = Callable[[Connection], None]


def _rows(connection: Connection) -> list[AuditEvent]:
    return list(
        connection.execute(select(AuditEvent.__table__).order_by(AuditEvent.seq)).mappings()
    )  # type: ignore[arg-type]


def _relink(connection: Connection, *, seal: bool = False) -> None:
    """Recompute every SHA-256 link from the first row (and with ``seal``, every seal)."""
    key = None
    if seal:
        value = connection.execute(
            select(Setting.value).where(Setting.key == chain.KEY_SETTING)
        ).scalar_one()
        key = bytes.fromhex(value)
    prev_hash = prev_mac = ""
    for row in _rows(connection):
        new_hash = audit.event_hash(
            row["seq"],
            row["at"],
            row["account"],
            row["action"],
            row["entity"],
            row["entity_id"],
            row["detail"],
            prev_hash,
            row["actor_name"],
            row["actor_role"],
        )
        mac = row["mac"] if key is None else chain.event_mac(key, row["seq"], new_hash, prev_mac)
        connection.execute(
            update(AuditEvent)
            .where(AuditEvent.seq == row["seq"])
            .values(prev_hash=prev_hash, hash=new_hash, mac=mac)
        )
        prev_hash, prev_mac = new_hash, mac


def _newest(connection: Connection) -> int:
    return int(connection.execute(select(func.max(AuditEvent.seq))).scalar_one())


def delete_newest(count: int) -> Tamper:
    def tamper(connection: Connection) -> None:
        newest = _newest(connection)
        connection.execute(delete(AuditEvent).where(AuditEvent.seq > newest - count))

    return tamper


def delete_middle(connection: Connection) -> None:
    connection.execute(delete(AuditEvent).where(AuditEvent.seq == _newest(connection) // 2))
    _relink(connection)


def edit_middle(connection: Connection, *, seal: bool = False) -> None:
    middle = _newest(connection) // 2
    connection.execute(
        update(AuditEvent).where(AuditEvent.seq == middle).values(detail="nothing to see")
    )
    _relink(connection, seal=seal)


def renumber(connection: Connection, *, seal: bool = False) -> None:
    middle = _newest(connection) // 2
    connection.execute(delete(AuditEvent).where(AuditEvent.seq == middle))
    connection.execute(text("UPDATE audit_events SET seq = seq - 1 WHERE seq > :m"), {"m": middle})
    _relink(connection, seal=seal)


def reorder(connection: Connection, *, seal: bool = False) -> None:
    """Two neighbours change places in the order (their numbers swapped)."""
    middle = _newest(connection) // 2
    connection.execute(text("UPDATE audit_events SET seq = -1 WHERE seq = :m"), {"m": middle})
    connection.execute(
        text("UPDATE audit_events SET seq = :m WHERE seq = :n"), {"m": middle, "n": middle + 1}
    )
    connection.execute(text("UPDATE audit_events SET seq = :n WHERE seq = -1"), {"n": middle + 1})
    _relink(connection, seal=seal)


def swap(connection: Connection, *, seal: bool = False) -> None:
    """Two rows far apart exchange what they say (who, what, about whom)."""
    newest = _newest(connection)
    first, second = (dict(r) for r in _rows(connection) if r["seq"] in (3, newest - 3))
    for row, other in ((first, second), (second, first)):
        connection.execute(
            update(AuditEvent)
            .where(AuditEvent.seq == row["seq"])
            .values(
                account=other["account"],
                action=other["action"],
                entity=other["entity"],
                entity_id=other["entity_id"],
                detail=other["detail"],
            )
        )
    _relink(connection, seal=seal)


def forge(connection: Connection) -> None:
    """A break-glass row added at the end, its link computed as Caseplan computes it."""
    last = _rows(connection)[-1]
    seq, at = last["seq"] + 1, last["at"]
    values = dict(
        account="admin",
        action=audit.Action.BREAK_GLASS,
        entity="person",
        entity_id="00000000-0000-4000-8000-000000000001",
        detail="Emergency: the person asked us to look",
        actor_name="Admin",
        actor_role="admin",
    )
    new_hash = audit.event_hash(
        seq,
        at,
        values["account"],
        values["action"],
        values["entity"],
        values["entity_id"],
        values["detail"],
        last["hash"],
        values["actor_name"],
        values["actor_role"],
    )
    connection.execute(
        AuditEvent.__table__.insert().values(
            seq=seq, at=at, prev_hash=last["hash"], hash=new_hash, mac="0" * 64, **values
        )
    )


def empty(connection: Connection) -> None:
    connection.execute(delete(AuditEvent))


CASES: dict[str, tuple[Tamper, str]] = {
    "newest row deleted": (delete_newest(1), "recorded event"),
    "ten newest rows deleted": (delete_newest(10), "recorded event"),
    "a middle row deleted, links recomputed": (delete_middle, "does not follow the one before"),
    "a middle row edited, links recomputed": (edit_middle, "does not carry the seal"),
    "renumbered after a deletion": (renumber, "does not carry the seal"),
    "two rows reordered": (reorder, "does not carry the seal"),
    "two rows swapped": (swap, "does not carry the seal"),
    "a forged break-glass row": (forge, "does not carry the seal"),
    "the table emptied": (empty, "The audit trail was emptied"),
}


def _tamper(database: Path, change: Tamper) -> None:
    opened = open_database(resolve(str(database)), key=key_of(database, "lead", "demo"))
    with opened.engine.begin() as connection:
        change(connection)
    opened.close()


def _check(capsys: pytest.CaptureFixture[str], database: Path, *more: str) -> tuple[int, str]:
    code, out, _err = run(capsys, "check", "--db", str(database), "--account", "lead", *more)
    return code, out


def _head(out: str) -> str:
    line = next(x for x in out.splitlines() if x.startswith("Audit trail head: "))
    return line.removeprefix("Audit trail head: ").split()[0]


def test_an_untouched_database_passes_and_shows_its_head(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _check(capsys, demo_db)
    assert code == 0, out
    assert "chain unbroken" in out and "the head fits the key file" in out
    written_down = _head(out)
    run(capsys, "people", "--db", str(demo_db), "--account", "lead")  # more work since
    code, out = _check(capsys, demo_db, "--expect", written_down)
    assert code == 0, out
    assert f"the head written down ({written_down})" in out


@pytest.fixture
def worked_in(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The demo clinic after some days' work: a trail of a few dozen events."""
    for account in ("lead", "demo", "lead", "demo", "lead", "admin"):
        run(capsys, "people", "--db", str(demo_db), "--account", account)
    return demo_db


@pytest.mark.parametrize("case", list(CASES))
def test_each_tampering_is_found_and_named(
    case: str, worked_in: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    change, sentence = CASES[case]
    demo_db = worked_in
    code, out = _check(capsys, demo_db)
    assert code == 0, out
    assert int(_head(out).split(":")[0]) > 12
    _tamper(demo_db, change)
    code, out = _check(capsys, demo_db)
    assert code == 1, f"{case}: {out}"
    assert sentence in out, f"{case}: {out}"


def test_a_database_put_back_as_an_older_copy_of_itself_is_found(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    older = tmp_path / "older.db"
    shutil.copyfile(demo_db, older)
    for _ in range(3):  # a morning's work after the copy was taken
        run(capsys, "people", "--db", str(demo_db), "--account", "lead")
    shutil.copyfile(older, demo_db)
    code, out = _check(capsys, demo_db)
    assert code == 1, out
    assert "older copy of itself" in out


@pytest.mark.parametrize("change", [edit_middle, renumber, reorder, swap])
def test_who_also_recomputes_the_seals_is_found_by_the_head_outside(
    change: Callable[..., None], worked_in: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    demo_db = worked_in
    code, out = _check(capsys, demo_db)
    assert code == 0, out
    written_down = _head(out)
    _tamper(demo_db, lambda connection: change(connection, seal=True))
    code, out = _check(capsys, demo_db, "--expect", written_down)
    assert code == 1, out
    assert "chain unbroken" in out  # every seal fits again...
    assert "the key file recorded" in out  # ...but not the head kept outside
    assert f"the head written down ({written_down}) recorded" in out


def test_a_new_clinic_checks_ok_at_once(
    clinic: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Made and checked within the same second: the head kept in the key file carries its
    event's own time (a time cut to the second made the trail look emptied, for good)."""
    monkeypatch.setenv("CASEPLAN_PASSWORD", PASSWORDS["tone"])
    for _ in range(2):
        code, out, _err = run(capsys, "check", "--db", clinic, "--account", "tone")
        assert code == 0, out
        assert "the head fits the key file" in out
