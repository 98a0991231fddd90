"""An open database: its engine, its session factory, and its schema brought up to date."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from caseplan.errors import StorageError, tr_noop
from caseplan.storage import migrate
from caseplan.storage.backup import automatic_backup
from caseplan.storage.engine import create_db_engine
from caseplan.storage.location import Location


@dataclass
class Database:
    location: Location
    engine: Engine
    sessions: sessionmaker[Session]
    last_backup: Path | None = None

    def close(self) -> None:
        self.engine.dispose()


def open_database(
    location: Location, *, key: bytes | None = None, create: bool = True
) -> Database:
    """Open (or create) the database at ``location`` and migrate it to this program's schema.

    An embedded database needs its 256-bit ``key`` (see :mod:`caseplan.storage.keys`). An
    existing database is backed up before it is migrated; one made by a newer Caseplan is
    refused.
    """
    if location.path is not None:
        if not location.path.exists() and not create:
            raise StorageError(tr_noop("There is no database at {path}."), path=str(location.path))
        try:
            location.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StorageError(
                tr_noop("The folder for the database cannot be created: {path}."),
                path=str(location.path.parent),
            ) from error
    engine = create_db_engine(location, key)
    database = Database(
        location=location,
        engine=engine,
        sessions=sessionmaker(engine, expire_on_commit=False),
    )

    def _backup(revision: str) -> None:
        if location.path is not None and key is not None:
            database.last_backup = automatic_backup(
                location.path, key, f"before-migration-{revision}"
            )

    try:
        migrate.upgrade(engine, before_upgrade=_backup)
    except OperationalError as error:
        engine.dispose()
        raise StorageError(
            tr_noop("The database at {where} cannot be opened."), where=location.describe()
        ) from error
    except BaseException:
        engine.dispose()
        raise
    return database
