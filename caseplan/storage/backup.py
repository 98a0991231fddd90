"""Backups through SQLCipher's own mechanism, verified, with their key file, and rotated.

A backup is only kept when it is really good: the source passes SQLCipher's page checksums
and SQLite's integrity check before it is copied (a damaged source is refused, so a good
older backup is never pushed out by a bad one), the copy passes both again, and when the
copy has this program's schema every row of every table is read back through the models'
column types (which catches damage the checks cannot see, such as garbled JSON).
"""

from __future__ import annotations

import contextlib
import errno
import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, select
from sqlalchemy.exc import DBAPIError, StatementError
from sqlalchemy.pool import NullPool

from caseplan.errors import StorageError, tr_noop
from caseplan.models import Base
from caseplan.storage import keyfile, keys
from caseplan.storage.cipher import (
    BACKUP_NOT_VERIFIED,
    backup_encrypted,
    cipher_module,
    connect_for_reading,
    integrity_problems,
    remove_database_files,
)
from caseplan.storage.faults import (
    DB_CANNOT_OPEN,
    DB_DAMAGED,
    DB_READ_ONLY,
    SQLITE_CANTOPEN,
    SQLITE_FULL,
    SQLITE_READONLY,
    file_fault,
    sqlite_code,
)

KEEP_AUTOMATIC = 5
FOLDER = "backups"
_STAMP = r"\d{8}T\d{12}Z"

SOURCE_DAMAGED = tr_noop(
    "The database is damaged ({problem}), so no backup was made and no earlier backup was "
    "replaced; keep the last good backup and restore it (caseplan restore)."
)
BACKUP_BEFORE_UPGRADE_FAILED = tr_noop(
    "The database was not upgraded, because the backup before the upgrade could not be "
    "written in {folder}; free some space there or make it writable, then try again."
)


def check_source(source: Path, key: bytes) -> None:
    """Refuse to back up a database that fails its integrity checks."""
    try:
        connection = connect_for_reading(source, key)
    except StorageError as error:
        if error.template != DB_DAMAGED:
            raise
        raise StorageError(SOURCE_DAMAGED, problem="its schema cannot be read") from error
    try:
        problems = integrity_problems(connection)
    finally:
        connection.close()
    if problems:
        raise StorageError(SOURCE_DAMAGED, problem=problems[0][:120])


def read_every_row(path: Path, key: bytes) -> int:
    """Read every row of every table of ``path`` through the models' column types.

    Returns the number of rows. A value that cannot be read back as the model says it is
    stored (garbled JSON, an unknown choice, a broken date) means the database it was
    copied from holds it too: :class:`StorageError` says the database is damaged, where.
    """
    engine = create_engine(
        "sqlite+pysqlite://",
        creator=lambda: connect_for_reading(path, key),
        module=cipher_module(),
        poolclass=NullPool,
    )
    rows = 0
    try:
        with engine.connect() as connection:
            for table in Base.metadata.sorted_tables:
                try:
                    result = connection.execution_options(yield_per=500).execute(select(table))
                    for _row in result:
                        rows += 1
                except (StatementError, ValueError, LookupError, TypeError) as error:
                    problem = f"a value in the table {table.name} cannot be read"
                    raise StorageError(SOURCE_DAMAGED, problem=problem) from error
    except DBAPIError as error:
        raise StorageError(BACKUP_NOT_VERIFIED) from error
    finally:
        engine.dispose()
    return rows


def _schema_is_current(path: Path, key: bytes) -> bool:
    from caseplan.storage.migrate import head_revision

    connection = connect_for_reading(path, key)
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except cipher_module().DatabaseError:
        return False
    finally:
        connection.close()
    return row is not None and row[0] == head_revision()


def _check_copy(key: bytes) -> Callable[[Path], None]:
    def check(copy: Path) -> None:
        if _schema_is_current(copy, key):
            read_every_row(copy, key)

    return check


def backup_database(
    source: Path,
    key: bytes,
    target: Path,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """A verified, encrypted copy of the database, with a copy of its key file beside it.

    The copy is encrypted with the same database key, so the same passwords (and the
    recovery key) unlock it. A full disk or a read-only place leaves nothing behind.
    """
    keyfile_target = keys.keys_path(target)
    for taken in (target, keyfile_target):
        if taken.exists():
            raise StorageError(tr_noop("A file already exists at {path}."), path=str(taken))
    check_source(source, key)
    source_keys = keys.keys_path(source)
    try:
        backup_encrypted(source, key, target, progress=progress, check=_check_copy(key))
        if source_keys.exists():
            keyfile.copy(source_keys, keyfile_target)
    except BaseException as error:
        remove_database_files(target)
        with contextlib.suppress(OSError):  # a read-only medium holds nothing to remove
            keyfile_target.unlink(missing_ok=True)
        fault = _write_fault(error, target)
        if fault is not None:
            raise fault from error
        raise
    return target


def _write_fault(error: BaseException, target: Path) -> StorageError | None:
    """Writing the copy failed: name the disk's or the folder's fault."""
    if isinstance(error, OSError):
        return file_fault(error, target)
    if isinstance(error, StorageError) and error.template in (DB_READ_ONLY, DB_CANNOT_OPEN):
        return file_fault(OSError(errno.EACCES, "read-only"), target)  # opening the copy
    code = sqlite_code(error)
    if code == SQLITE_FULL:
        return file_fault(OSError(errno.ENOSPC, "no space"), target)
    if code in (SQLITE_READONLY, SQLITE_CANTOPEN):
        return file_fault(OSError(errno.EACCES, "read-only"), target)
    return None


def _automatic(folder: Path, stem: str, reason: str = r"[^/]+") -> list[Path]:
    pattern = re.compile(rf"{re.escape(stem)}-{_STAMP}-{reason}\.db")
    return sorted(p for p in folder.glob(f"{stem}-*.db") if pattern.fullmatch(p.name))


def remove_interrupted(folder: Path, stem: str) -> list[Path]:
    """Remove what killed automatic backups left behind (``.partial`` copies, key file temps,
    a key file without its database)."""
    pattern = re.compile(
        rf"{re.escape(stem)}-{_STAMP}-[^/]+\.db"
        r"(\.partial(-journal|-wal|-shm)?|\.keys(\.[^/]*)?\.tmp)"
    )
    removed = [p for p in folder.glob(f"{stem}-*") if pattern.fullmatch(p.name)]
    # a backup's key file whose copy of the database never arrived (killed in between)
    keys = re.compile(rf"{re.escape(stem)}-{_STAMP}-[^/]+\.db\.keys")
    removed += [
        p
        for p in folder.glob(f"{stem}-*.db.keys")
        if keys.fullmatch(p.name) and not p.with_name(p.name[: -len(".keys")]).exists()
    ]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def backup_before_migration(source: Path, key: bytes, revision: str) -> Path:
    """A backup beside the database (``backups/``) before it is upgraded from ``revision``.

    Called while the upgrade holds the write lock, so no other program is writing one:
    what interrupted attempts left behind is removed, and the backup of an earlier attempt
    from the same revision is replaced by this one (retries do not pile up backups). Only
    the newest :data:`KEEP_AUTOMATIC` automatic backups are kept.
    """
    folder = source.parent / FOLDER
    reason = f"before-migration-{revision}"
    try:
        folder.mkdir(exist_ok=True)
        remove_interrupted(folder, source.stem)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        target = backup_database(source, key, folder / f"{source.stem}-{stamp}-{reason}.db")
    except (OSError, StorageError) as error:
        if isinstance(error, StorageError) and error.template == SOURCE_DAMAGED:
            raise
        raise StorageError(BACKUP_BEFORE_UPGRADE_FAILED, folder=str(folder)) from error
    earlier = [p for p in _automatic(folder, source.stem, re.escape(reason)) if p != target]
    for old in earlier + _automatic(folder, source.stem)[:-KEEP_AUTOMATIC]:
        if old != target:
            old.unlink(missing_ok=True)
            keys.keys_path(old).unlink(missing_ok=True)
    return target
