"""Schema migrations with Alembic: upgrade older databases, refuse newer ones, lose no row.

An upgrade is one transaction that holds the write lock from its first statement (SQLite:
``BEGIN IMMEDIATE``; PostgreSQL: an advisory lock), so two programs never upgrade at once
and a kill at any moment leaves the database at its old schema, untouched. On SQLite the
foreign keys are off while tables are rebuilt (``PRAGMA foreign_keys`` cannot change inside
a transaction, and with them on, dropping the old copy of a table would delete or refuse the
rows that point at it); ``PRAGMA foreign_key_check`` must then find nothing before the
transaction commits. Every step counts the rows of every table before and after, and a
count that falls is refused unless the migration says why in ``ROWS_MAY_FALL``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import Script, ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, text

from caseplan.errors import CaseplanError, StorageError, tr_noop
from caseplan.storage.cipher import READ_ONLY

MIGRATIONS = Path(__file__).with_name("migrations")
#: Any constant will do: it names "the schema upgrade" among PostgreSQL's advisory locks.
_PG_LOCK_ID = 0x43_41_53_45_4D_49_47  # "CASEMIG"


class MigrationFailed(Exception):
    """The upgrade did not finish; its transaction was rolled back, nothing was changed.

    Not a :class:`~caseplan.errors.CaseplanError`: the caller turns it into one sentence
    that names the backup. The cause is chained (``__cause__``).
    """


class MigrationRefused(MigrationFailed):
    """A migration step would lose rows or break references."""


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


@cache
def scripts() -> ScriptDirectory:
    """The migration scripts, read once per program: they do not change while it runs, and
    reading all of them again cost 10 ms or more at every sign-in and unlock."""
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = scripts().get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect().execution_options(**{READ_ONLY: True}) as connection:
        return MigrationContext.configure(connection).get_current_revision()


def is_empty(engine: Engine) -> bool:
    with engine.connect().execution_options(**{READ_ONLY: True}) as connection:
        return not inspect(connection).get_table_names()


def _set_foreign_keys(connection: Connection, on: bool) -> None:
    """Outside any transaction, on the driver's connection (SQLAlchemy would begin one)."""
    raw = connection.connection.driver_connection
    if raw is not None:
        raw.execute(f"PRAGMA foreign_keys = {'ON' if on else 'OFF'}")


def _check_known(revision: str | None, empty: bool) -> None:
    if revision is None:
        if not empty:
            raise StorageError(
                tr_noop("This database was not made by Caseplan, so it will not be opened.")
            )
        return
    known = {script.revision for script in scripts().walk_revisions()}
    if revision not in known:
        raise StorageError(
            tr_noop(
                "This database was made by a newer version of Caseplan; "
                "please update Caseplan before opening it."
            )
        )


def check_not_newer(engine: Engine) -> str | None:
    """Return the database's revision; raise if this program does not know it."""
    revision = current_revision(engine)
    _check_known(revision, revision is not None or is_empty(engine))
    return revision


def steps_after(revision: str | None) -> list[Script]:
    """The migration scripts that bring ``revision`` to the head, oldest first."""
    return list(reversed(list(scripts().iterate_revisions("head", revision or "base"))))


def count_rows(connection: Connection) -> dict[str, int]:
    """The number of rows in every table (Alembic's own bookkeeping table left out)."""
    counts: dict[str, int] = {}
    for table in inspect(connection).get_table_names():
        if table == "alembic_version":
            continue
        quoted = connection.dialect.identifier_preparer.quote(table)
        counts[table] = int(connection.execute(text(f"SELECT count(*) FROM {quoted}")).scalar_one())
    return counts


def fallen_counts(
    before: Mapping[str, int], after: Mapping[str, int], allowed: Mapping[str, str]
) -> list[str]:
    """Tables that hold fewer rows than before without a documented reason."""
    return [
        f"{table}: {count} → {after.get(table, 0)}"
        for table, count in sorted(before.items())
        if after.get(table, 0) < count and table not in allowed
    ]


def _broken_references(connection: Connection) -> list[str]:
    rows = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    return [f"{row[0]} row {row[1]} → {row[2]}" for row in rows[:10]]


def _run_steps(connection: Connection, revision: str | None) -> None:
    for step in steps_after(revision):
        before = count_rows(connection)
        command.upgrade(alembic_config(connection), step.revision)
        allowed: Mapping[str, str] = getattr(step.module, "ROWS_MAY_FALL", {})
        fallen = fallen_counts(before, count_rows(connection), allowed)
        if fallen:
            raise MigrationRefused(f"migration {step.revision} would lose rows: {fallen}")
    if connection.dialect.name == "sqlite":
        broken = _broken_references(connection)
        if broken:
            raise MigrationRefused(f"references point nowhere after the upgrade: {broken}")


def upgrade(engine: Engine, before_upgrade: Callable[[str], None] | None = None) -> bool:
    """Bring the schema to the head revision; returns whether anything was migrated.

    ``before_upgrade`` is called with the old revision inside the upgrade's transaction,
    once the write lock is held and before anything is changed, so the caller can take a
    backup of exactly what is about to be upgraded.
    """
    revision = check_not_newer(engine)
    head = head_revision()
    if revision == head:
        return False
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        if sqlite:
            _set_foreign_keys(connection, on=False)
        try:
            return _upgrade_locked(connection, head, before_upgrade)
        except (CaseplanError, MigrationFailed):
            raise
        except Exception as error:
            raise MigrationFailed(str(error)) from error
        finally:
            if sqlite and not connection.invalidated:
                _set_foreign_keys(connection, on=True)


def _upgrade_locked(
    connection: Connection, head: str, before_upgrade: Callable[[str], None] | None
) -> bool:
    with connection.begin():
        if connection.dialect.name != "sqlite":
            connection.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _PG_LOCK_ID})
        # Another program may have upgraded it while this one waited for the lock.
        revision = MigrationContext.configure(connection).get_current_revision()
        _check_known(revision, not inspect(connection).get_table_names())
        if revision == head:
            return False
        if revision is not None and before_upgrade is not None:
            before_upgrade(revision)
        _run_steps(connection, revision)
    return True
