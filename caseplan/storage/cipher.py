"""The embedded database encrypted with SQLCipher: opening it with a key, and backing it up.

Everything here fails closed: without the ``sqlcipher3`` library, or with a wrong key, a
:class:`~caseplan.errors.StorageError` is raised and the plain ``sqlite3`` module is never
used instead. The key is the raw 256-bit database key (no passphrase, no KDF here: the key
slots in :mod:`caseplan.storage.keys` do the password work).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event

from caseplan.errors import StorageError, tr_noop

if TYPE_CHECKING:
    from sqlcipher3.dbapi2 import Connection

try:
    import sqlcipher3.dbapi2 as _sqlcipher
except ImportError:  # pragma: no cover - depends on the installation
    _sqlcipher = None

KEY_BYTES = 32
#: SQLite's plain-file header: such a file is not encrypted, so it is not ours.
PLAIN_HEADER = b"SQLite format 3\x00"
#: SQLCipher pages are whole multiples of this (the smallest page size).
_MIN_PAGE = 512

WRONG_KEY = tr_noop("The database could not be unlocked: the password or key is wrong.")
NOT_CASEPLAN = tr_noop("The file at {path} is not a Caseplan database.")
NO_CIPHER = tr_noop(
    "The encryption library (SQLCipher) is missing, so the database will not be opened."
)
MISSING = tr_noop("There is no database at {path}.")


def cipher_module() -> ModuleType:
    """The SQLCipher DB-API module, or :class:`StorageError` if it cannot be imported."""
    if _sqlcipher is None:
        raise StorageError(NO_CIPHER)
    module: ModuleType = _sqlcipher
    return module


def _key_pragma(key: bytes) -> str:
    if not isinstance(key, bytes) or len(key) != KEY_BYTES:
        raise ValueError("the database key must be 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def _looks_encrypted(path: Path) -> bool:
    """Whether ``path`` could be a SQLCipher file (so a failure means a wrong key)."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(len(PLAIN_HEADER))
    except OSError:
        return False
    return header != PLAIN_HEADER and size >= _MIN_PAGE and size % _MIN_PAGE == 0


def _open_keyed(path: Path, key: bytes) -> Connection:
    """Connect, give the key and prove it by reading the schema; nothing is written."""
    module = cipher_module()
    pragma = _key_pragma(key)
    existed = path.exists() and path.stat().st_size > 0
    if existed and not _looks_encrypted(path):
        raise StorageError(NOT_CASEPLAN, path=str(path))
    connection: Connection = module.connect(
        str(path), detect_types=0, check_same_thread=False, isolation_level=None
    )
    try:
        # SQLCipher would otherwise print decryption failures to stderr.
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(pragma)
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except module.DatabaseError as error:
        connection.close()
        if existed:
            raise StorageError(WRONG_KEY) from error
        raise StorageError(NOT_CASEPLAN, path=str(path)) from error
    except BaseException:
        connection.close()
        raise
    return connection


def connect_encrypted(path: Path, key: bytes, *, create: bool = True) -> Connection:
    """Open (or, with ``create``, make) the encrypted database at ``path``.

    The key is checked before anything is written, so a wrong key leaves the file
    unchanged byte for byte. Temporary tables and sorts stay in memory, so no plain
    temporary files are written.
    """
    if not create and not path.exists():
        raise StorageError(MISSING, path=str(path))
    connection = _open_keyed(path, key)
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA temp_store = MEMORY")
        connection.execute("PRAGMA busy_timeout = 5000")
        # SQLCipher decrypts every page it reads back; a roomier cache reads back less.
        connection.execute("PRAGMA cache_size = -32768")
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = FULL")
    except BaseException:
        connection.close()
        raise
    return connection


def create_encrypted_engine(path: Path, key: bytes, **kwargs: Any) -> Engine:
    """A SQLAlchemy engine whose every connection is made by :func:`connect_encrypted`.

    ``module=`` makes SQLAlchemy treat SQLCipher's exceptions as the DB-API's, so an
    integrity error still becomes :class:`sqlalchemy.exc.IntegrityError`.
    """
    module = cipher_module()
    _key_pragma(key)
    engine = create_engine(
        "sqlite+pysqlite://",
        creator=lambda: connect_encrypted(path, key),
        module=module,
        **kwargs,
    )

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine


def verify_encrypted(path: Path, key: bytes) -> None:
    """Open ``path`` afresh with ``key`` and run SQLCipher's and SQLite's integrity checks."""
    connection = _open_keyed(path, key)
    try:
        cipher_problems = connection.execute("PRAGMA cipher_integrity_check").fetchall()
        (result,) = connection.execute("PRAGMA integrity_check").fetchone()
    finally:
        connection.close()
    if cipher_problems or result != "ok":
        raise StorageError(tr_noop("The backup could not be verified, so it was not kept."))


def backup_encrypted(
    source: Path,
    key: bytes,
    target: Path,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Write a verified, encrypted copy of the live database at ``source`` to ``target``.

    SQLite's backup API copies pages between two connections keyed alike, so the copy
    is consistent even while others write and is never decrypted on disk. It is written
    to ``target.partial``, checked, then renamed. ``progress(done, total)`` is called with
    page counts (for a progress bar).
    """
    if target.exists():
        raise StorageError(tr_noop("A file already exists at {path}."), path=str(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    _remove_database_files(partial)
    src = connect_encrypted(source, key, create=False)
    try:
        dst = _open_keyed(partial, key)
        try:
            report = progress
            if report is None:
                src.backup(dst)
            else:
                src.backup(
                    dst, pages=256, progress=lambda _s, left, total: report(total - left, total)
                )
            # A backup is one self-contained file: no -wal beside it.
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    except BaseException:
        _remove_database_files(partial)
        raise
    finally:
        src.close()
    try:
        verify_encrypted(partial, key)
        _fsync(partial)
    except BaseException:
        _remove_database_files(partial)
        raise
    partial.replace(target)
    _fsync_dir(target.parent)
    return target


def _remove_database_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - Windows cannot open folders
        return
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
