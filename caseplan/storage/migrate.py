"""Schema migrations with Alembic: upgrade older databases, refuse newer ones."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect

from caseplan.errors import StorageError, tr_noop

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def is_empty(engine: Engine) -> bool:
    return not inspect(engine).get_table_names()


def check_not_newer(engine: Engine) -> str | None:
    """Return the database's revision; raise if this program does not know it."""
    revision = current_revision(engine)
    if revision is None:
        if not is_empty(engine):
            raise StorageError(
                tr_noop("This database was not made by Caseplan, so it will not be opened.")
            )
        return None
    known = {
        script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()
    }
    if revision not in known:
        raise StorageError(
            tr_noop(
                "This database was made by a newer version of Caseplan; "
                "please update Caseplan before opening it."
            )
        )
    return revision


def upgrade(engine: Engine, before_upgrade: Callable[[str], None] | None = None) -> bool:
    """Bring the schema to the head revision; returns whether anything was migrated.

    ``before_upgrade`` is called with the old revision before an existing database is
    changed, so the caller can take a backup first.
    """
    revision = check_not_newer(engine)
    head = head_revision()
    if revision == head:
        return False
    if revision is not None and before_upgrade is not None:
        before_upgrade(revision)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
    return True
