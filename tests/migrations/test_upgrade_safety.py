"""An upgrade that would lose rows is refused whole, says so in one sentence, names the backup."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import text

from caseplan.errors import StorageError
from caseplan.storage import migrate
from caseplan.storage.backup import backup_before_migration
from caseplan.storage.cipher import connect_encrypted
from caseplan.storage.database import open_database
from caseplan.storage.location import resolve
from tests.migrations.schema_rows import load, read_rows, reading

REFUSED = (
    r"^Caseplan could not upgrade the database to this version, so it left it as it was "
    r"\(it still opens in the previous version\); the backup from before the upgrade is "
    r".*/backups/caseplan-\d{8}T\d{12}Z-before-migration-0002\.db\.$"
)


def _upgrade_that_loses(table: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make each migration step also delete every row of ``table`` (a buggy migration)."""
    real = command.upgrade

    def losing(config: Any, revision: str, **kwargs: Any) -> None:
        real(config, revision, **kwargs)
        config.attributes["connection"].execute(text(f"DELETE FROM {table}"))

    monkeypatch.setattr(command, "upgrade", losing)


@pytest.mark.parametrize("table", ["steps", "participants"])
def test_a_migration_that_loses_rows_is_refused_and_changes_nothing(
    table: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fixture = load("schema-0002")
    path = fixture.copy_to(tmp_path / "clinic")
    with reading(path, fixture.key) as engine, engine.connect() as connection:
        before = read_rows(connection)
    _upgrade_that_loses(table, monkeypatch)

    for _attempt in range(3):
        with pytest.raises(StorageError, match=REFUSED):
            open_database(resolve(str(path)), key=fixture.key, create=False)

    with reading(path, fixture.key) as engine, engine.connect() as connection:
        assert read_rows(connection) == before
    backups = sorted((path.parent / "backups").iterdir())
    assert [p.name.endswith(".db") for p in backups] == [True, False], "one backup, its keys"

    monkeypatch.undo()
    database = open_database(resolve(str(path)), key=fixture.key, create=False)
    database.close()
    assert migrate.current_revision(database.engine) == migrate.head_revision()


def test_a_rebuilt_table_keeps_the_rows_that_point_at_it(tmp_path: Path) -> None:
    """Migration 0003 rebuilds ``participants`` and ``plans``; with foreign keys on, SQLite
    deleted (or refused) every goal, step and meeting that pointed at them."""
    fixture = load("schema-0002")
    path = fixture.copy_to(tmp_path / "clinic")
    open_database(resolve(str(path)), key=fixture.key, create=False).close()
    with reading(path, fixture.key) as engine, engine.connect() as connection:
        counts = {
            table: connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()
            for table in ("goals", "steps", "participants", "meetings", "meeting_attendees")
        }
        foreign_keys = connection.exec_driver_sql("PRAGMA foreign_keys").scalar()
    assert counts == {t: fixture.rows[t] for t in counts}
    assert foreign_keys == 0  # a reading connection; the program's own turn them on again


def test_what_interrupted_backups_left_is_removed_and_retries_do_not_pile_up(
    tmp_path: Path,
) -> None:
    fixture = load("schema-0003")
    path = fixture.copy_to(tmp_path / "clinic")
    folder = path.parent / "backups"
    folder.mkdir()
    stamp = "20260101T000000000000Z"
    leftovers = [
        folder / f"caseplan-{stamp}-before-migration-0003.db.partial",
        folder / f"caseplan-{stamp}-before-migration-0003.db.partial-journal",
        folder / f"caseplan-{stamp}-before-migration-0003.db.keys.x1y2.tmp",
    ]
    for leftover in leftovers:
        leftover.write_bytes(b"\0" * 4096)
    someone_elses = folder / "notes.db.partial"
    someone_elses.write_bytes(b"not ours")

    first = backup_before_migration(path, fixture.key, "0003")
    second = backup_before_migration(path, fixture.key, "0003")
    assert not any(p.exists() for p in leftovers)
    assert someone_elses.exists()
    assert not first.exists()
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [second.name, second.name + ".keys", someone_elses.name]
    )


def test_only_the_newest_five_automatic_backups_are_kept(tmp_path: Path) -> None:
    fixture = load("schema-0003")
    path = fixture.copy_to(tmp_path / "clinic")
    made = [backup_before_migration(path, fixture.key, f"r{n}") for n in range(7)]
    kept = sorted(p for p in (path.parent / "backups").iterdir() if p.suffix == ".db")
    assert kept == made[-5:]


def test_a_full_disk_for_the_backup_stops_the_upgrade_with_a_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fixture = load("schema-0002")
    path = fixture.copy_to(tmp_path / "clinic")
    before = path.read_bytes()

    def full(*args: Any, **kwargs: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("caseplan.storage.keyfile.copy", full)
    with pytest.raises(
        StorageError,
        match=r"^The database was not upgraded, because the backup before the upgrade could not "
        r"be written in .*/backups; free some space there or make it writable, then try again\.$",
    ):
        open_database(resolve(str(path)), key=fixture.key, create=False)
    assert path.read_bytes() == before
    assert list((path.parent / "backups").iterdir()) == []


def test_doubled_positions_are_renumbered_in_the_order_shown(tmp_path: Path) -> None:
    """0009: what concurrent adds on PostgreSQL left (two steps at one place) is put in order."""
    fixture = load("schema-0004")
    path = fixture.copy_to(tmp_path / "clinic")
    connection = connect_encrypted(path, fixture.key, create=False)
    goal_id = connection.execute(
        "SELECT goal_id FROM steps GROUP BY goal_id HAVING count(*) >= 2 LIMIT 1"
    ).fetchone()[0]
    connection.execute("UPDATE steps SET position = 7 WHERE goal_id = ?", (goal_id,))
    shown = [
        row[0]
        for row in connection.execute(
            "SELECT id FROM steps WHERE goal_id = ? ORDER BY position, id", (goal_id,)
        )
    ]
    connection.close()

    open_database(resolve(str(path)), key=fixture.key, create=False).close()
    with reading(path, fixture.key) as engine, engine.connect() as connection:
        after = connection.exec_driver_sql(
            "SELECT id, position FROM steps WHERE goal_id = ? ORDER BY position", (goal_id,)
        ).all()
    assert after == [(step, n) for n, step in enumerate(shown)]
