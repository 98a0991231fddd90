"""Every released schema upgrades to the head on SQLite and PostgreSQL without losing a row.

The fixtures are real databases made by the code of each schema (``fixture.json`` names the
commit). On SQLite the fixture file itself is upgraded. On PostgreSQL the old schema is made
by the same migrations (their files are checked to be byte for byte those of that commit),
filled with the fixture's rows, and then upgraded by opening it as the app does.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Connection, MetaData, create_engine, insert, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.sql.ddl import sort_tables, sort_tables_and_constraints

from caseplan.storage import migrate
from caseplan.storage.cipher import connect_for_reading
from caseplan.storage.database import open_database
from caseplan.storage.location import resolve
from tests.migrations.schema_rows import (
    SCHEMAS,
    Fixture,
    Rows,
    account_for,
    load,
    read_rows,
    reading,
    reflect,
)

PG_ENV = "CASEPLAN_TEST_POSTGRES"


def _report(fixture: Fixture, backend: str, kept: dict[str, int]) -> None:
    """Print the rows accounted for (``pytest -s`` shows them; the closing note quotes them)."""
    print(f"\n{backend} {fixture.name}: {sum(kept.values())} rows accounted for: {kept}")


@pytest.mark.parametrize("name", SCHEMAS)
def test_the_migrations_that_made_a_fixture_are_unchanged(name: str) -> None:
    fixture = load(name)
    for script in migrate.steps_after(None):
        if script.revision in fixture.migrations:
            assert script.path is not None
            digest = hashlib.sha256(Path(script.path).read_bytes()).hexdigest()
            assert digest == fixture.migrations[script.revision], (
                f"migration {script.revision} changed after it was released"
            )
    assert set(fixture.migrations) == {
        s.revision for s in migrate.steps_after(None) if s.revision <= fixture.revision
    }


@pytest.mark.parametrize("name", SCHEMAS)
def test_a_fixture_upgrades_to_the_head_on_sqlite_keeping_every_row(
    name: str, tmp_path: Path
) -> None:
    fixture = load(name)
    path = fixture.copy_to(tmp_path / "clinic")
    with reading(path, fixture.key) as engine, engine.connect() as connection:
        before = read_rows(connection)
    assert {t: len(rows) for t, rows in before.items()} == dict(fixture.rows)

    database = open_database(resolve(str(path)), key=fixture.key, create=False)
    database.close()

    with reading(path, fixture.key) as engine, engine.connect() as connection:
        after = read_rows(connection)
        broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        integrity = connection.exec_driver_sql("PRAGMA integrity_check").scalar()
    accounting = account_for(before, after, migrate.head_revision())
    assert accounting.problems == []
    assert accounting.total == sum(fixture.rows.values())
    assert (broken, integrity) == ([], "ok")
    _report(fixture, "SQLite", accounting.kept)
    if fixture.revision != migrate.head_revision():
        assert database.last_backup is not None
        backup = connect_for_reading(database.last_backup, fixture.key)
        try:
            revision = backup.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            backup.close()
        assert revision == (fixture.revision,)


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A new, empty PostgreSQL database for one test."""
    admin_url = os.environ.get(PG_ENV)
    if not admin_url:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{PG_ENV} is not set, but CI must run the PostgreSQL tests.")
        pytest.skip(f"no PostgreSQL server: set {PG_ENV} (see .ci/start-postgres)")
    name = f"caseplan_schema_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name}"))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


def _insert_all(connection: Connection, schema: MetaData, rows: Rows) -> None:
    """Insert parents before children; references in a cycle are filled in afterwards."""
    cyclic = [
        fkc
        for table, fkcs in sort_tables_and_constraints(schema.tables.values())
        if table is None
        for fkc in fkcs
        if all(column.nullable for column in fkc.columns)
    ]
    later = {(fkc.table.name, column.name) for fkc in cyclic for column in fkc.columns}
    ordered = sort_tables(
        schema.tables.values(), skip_fn=lambda fk: getattr(fk, "constraint", fk) in cyclic
    )
    for table in ordered:
        if table.name == "alembic_version" or not rows[table.name]:
            continue
        postponed = [name for (owner, name) in later if owner == table.name]
        values = [{**row, **dict.fromkeys(postponed)} for row in rows[table.name].values()]
        connection.execute(insert(table), values)
    for table_name, column in sorted(later):
        table = schema.tables[table_name]
        keys = [c.name for c in table.primary_key.columns]
        for row in rows[table_name].values():
            if row[column] is not None:
                where = [table.c[k] == row[k] for k in keys]
                connection.execute(update(table).where(*where).values({column: row[column]}))


@pytest.mark.postgres
@pytest.mark.parametrize("name", SCHEMAS)
def test_a_fixture_upgrades_to_the_head_on_postgres_keeping_every_row(
    name: str, postgres_url: str
) -> None:
    fixture = load(name)
    location = resolve(postgres_url)
    server = create_engine(location.url)
    try:
        with server.begin() as connection:
            command.upgrade(migrate.alembic_config(connection), fixture.revision)
        with server.connect() as connection:
            old_schema = reflect(connection)
        # The fixture's rows, read with the PostgreSQL column types (UUID, date, JSON...).
        fixture_file = fixture.folder / "caseplan.db"
        with reading(fixture_file, fixture.key) as engine, engine.connect() as connection:
            before = read_rows(connection, old_schema)
        with server.begin() as connection:
            _insert_all(connection, old_schema, before)
    finally:
        server.dispose()
    assert {t: len(r) for t, r in before.items()} == dict(fixture.rows)

    database = open_database(location, create=False)
    try:
        with database.engine.connect() as connection:
            after = read_rows(connection)
    finally:
        database.close()
    accounting = account_for(before, after, migrate.head_revision())
    assert accounting.problems == []
    assert accounting.total == sum(fixture.rows.values())
    _report(fixture, "PostgreSQL", accounting.kept)
