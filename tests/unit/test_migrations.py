from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from caseplan.errors import StorageError
from caseplan.models import Base
from caseplan.storage import migrate
from caseplan.storage.cipher import connect_encrypted
from caseplan.storage.database import Database, open_database
from caseplan.storage.engine import create_db_engine
from caseplan.storage.location import Location, resolve
from tests.support import TEST_KEY, open_test_database


def test_empty_database_upgrades_to_head_and_matches_the_models(db: Database) -> None:
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    with db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_older_database_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    location = resolve(str(tmp_path / "old.db"))
    engine = create_db_engine(location, TEST_KEY)
    with engine.begin() as connection:
        command.upgrade(migrate.alembic_config(connection), "0001")
        connection.execute(
            text(
                "INSERT INTO persons (id, full_name, preferred_name, preferred_language, "
                "what_matters, strengths, what_helps, what_does_not_help, how_i_want_to_be_met, "
                "search_key, sort_key, created_at, version) VALUES ("
                "'0123456789abcdef0123456789abcdef', 'Siv Demo', '', 'nb', '', '', '', '', '', "
                "'siv demo', 'siv demo', "
                "'2026-01-01 00:00:00', 1)"
            )
        )
    engine.dispose()

    database = open_test_database(location)
    try:
        assert migrate.current_revision(database.engine) == migrate.head_revision()
        assert database.last_backup is not None
        backup = connect_encrypted(database.last_backup, TEST_KEY, create=False)
        try:
            (revision,) = backup.execute("SELECT version_num FROM alembic_version").fetchone()
            (name,) = backup.execute("SELECT full_name FROM persons").fetchone()
        finally:
            backup.close()
        assert (revision, name) == ("0001", "Siv Demo")
        with database.engine.connect() as connection:
            assert (
                connection.execute(text("SELECT full_name FROM persons")).scalar_one() == "Siv Demo"
            )
    finally:
        database.close()


def test_newer_database_is_refused_with_a_sentence(location: Location) -> None:
    database = open_test_database(location)
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    database.close()
    with pytest.raises(StorageError, match="newer version of Caseplan"):
        open_test_database(location)


def test_foreign_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    connection = connect_encrypted(path, TEST_KEY)
    connection.execute("CREATE TABLE holiday_photos (id INTEGER)")
    connection.close()
    with pytest.raises(StorageError, match="not made by Caseplan"):
        open_test_database(path)


def test_plain_sqlite_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "plain.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE holiday_photos (id INTEGER)")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(StorageError, match="not a Caseplan database"):
        open_test_database(path)
    assert path.read_bytes() == before


def test_an_embedded_database_is_never_opened_without_its_key(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="locked"):
        open_database(resolve(str(tmp_path / "new.db")))
    assert not (tmp_path / "new.db").exists()


def test_sqlite_is_durable_and_checks_foreign_keys(
    durable_writes: None, sqlite_db: Database
) -> None:
    with sqlite_db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_missing_database_is_not_created_when_asked_not_to(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="There is no database"):
        open_database(resolve(str(tmp_path / "nope.db")), key=TEST_KEY, create=False)
    assert not (tmp_path / "nope.db").exists()
