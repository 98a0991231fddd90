"""An open database: its engine, its session factory, and its schema brought up to date."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from caseplan.errors import CaseplanError, StorageError, tr_noop
from caseplan.storage import migrate
from caseplan.storage.backup import backup_before_migration
from caseplan.storage.cipher import file_damage
from caseplan.storage.engine import create_db_engine
from caseplan.storage.faults import DB_DAMAGED, DB_FULL, database_fault
from caseplan.storage.location import Location
from caseplan.storage.secret import Secret

CANNOT_OPEN = tr_noop("The database at {where} cannot be opened.")
UPGRADE_FAILED = tr_noop(
    "Caseplan could not upgrade the database to this version, so it left it as it was "
    "(it still opens in the previous version); the backup from before the upgrade is {backup}."
)
UPGRADE_FAILED_NO_BACKUP = tr_noop(
    "Caseplan could not upgrade the database to this version, so it left it as it was; "
    "it still opens in the previous version."
)
UPGRADE_DISK_FULL = tr_noop(
    "The disk is full, so the database was not upgraded and was left as it was; "
    "free some space and open it again."
)


#: The key in a session's ``info`` that says where the database is (for error sentences).
DATABASE_INFO = "caseplan_database"
#: The key in a session's ``info`` of a function that says what is damaged in the file.
DAMAGE_PROBE = "caseplan_damage_probe"


@dataclass
class Database:
    location: Location
    engine: Engine
    sessions: sessionmaker[Session]
    last_backup: Path | None = None

    def close(self) -> None:
        self.engine.dispose()


def open_database(
    location: Location, *, key: bytes | Secret | None = None, create: bool = True
) -> Database:
    """Open (or create) the database at ``location`` and migrate it to this program's schema.

    An embedded database needs its 256-bit ``key`` (see :mod:`caseplan.storage.keys`), best
    as a :class:`Secret`, which the engine asks for every connection (so a lock can forget it). An
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
    secret = None if key is None else Secret.of(key)
    engine = create_db_engine(location, secret)
    info: dict[str, Any] = {DATABASE_INFO: location.describe()}
    if location.path is not None and secret is not None:
        info[DAMAGE_PROBE] = _damage_probe(location.path, secret)
    database = Database(
        location=location,
        engine=engine,
        sessions=sessionmaker(engine, expire_on_commit=False, info=info),
    )

    def _backup(revision: str) -> None:
        if location.path is not None and secret is not None:
            database.last_backup = backup_before_migration(location.path, secret.reveal(), revision)

    try:
        migrate.upgrade(engine, before_upgrade=_backup)
    except CaseplanError:
        engine.dispose()
        raise
    except migrate.MigrationFailed as failure:
        engine.dispose()
        raise _upgrade_failed(failure, location, database.last_backup) from failure
    except (DBAPIError, MemoryError) as error:
        engine.dispose()
        fault = database_fault(error, location.describe())
        if fault is None and info.get(DAMAGE_PROBE) is not None and info[DAMAGE_PROBE]():
            fault = StorageError(DB_DAMAGED, path=location.describe())
        raise fault or StorageError(CANNOT_OPEN, where=location.describe()) from error
    except BaseException:
        engine.dispose()
        raise
    return database


def _damage_probe(path: Path, secret: Secret) -> Callable[[], list[str]]:
    def probe() -> list[str]:
        try:
            return file_damage(path, secret.reveal())
        except StorageError:  # the key was forgotten (the window locked) meanwhile
            return []

    return probe


def _upgrade_failed(
    failure: migrate.MigrationFailed, location: Location, backup: Path | None
) -> StorageError:
    """One sentence: the database was left as it was, and where the backup is."""
    cause = failure.__cause__
    fault = database_fault(cause, location.describe()) if cause is not None else None
    if fault is not None and fault.template == DB_FULL:
        return StorageError(UPGRADE_DISK_FULL)
    if fault is not None and fault.template != DB_DAMAGED:
        return fault
    if backup is not None:
        return StorageError(UPGRADE_FAILED, backup=str(backup))
    return StorageError(UPGRADE_FAILED_NO_BACKUP)
