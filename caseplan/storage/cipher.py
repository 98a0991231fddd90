"""The embedded database encrypted with SQLCipher: opening it with a key, and backing it up.

Everything here fails closed: without the ``sqlcipher3`` library, or with a wrong key, a
:class:`~caseplan.errors.StorageError` is raised and the plain ``sqlite3`` module is never
used instead. The key is the raw 256-bit database key (no passphrase, no KDF here: the key
slots in :mod:`caseplan.storage.keys` do the password work).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from sqlalchemy import Engine, create_engine, event

from caseplan.errors import StorageError, tr_noop
from caseplan.storage.faults import (
    DB_BUSY,
    DB_CANNOT_OPEN,
    DB_DAMAGED,
    DB_READ_ONLY,
    database_fault,
)
from caseplan.storage.secret import Secret

if TYPE_CHECKING:
    from sqlcipher3.dbapi2 import Connection

try:
    import sqlcipher3.dbapi2 as _sqlcipher
except ImportError:  # pragma: no cover - depends on the installation
    _sqlcipher = None

KEY_BYTES = 32
#: SQLite's plain-file header: such a file is not encrypted, so it is not ours.
PLAIN_HEADER = b"SQLite format 3\x00"
#: SQLCipher 4's page size and the bytes it reserves at the end of each page (IV and HMAC).
_PAGE = 4096
_RESERVE = 80
#: Every SQLite file is whole pages of at least this size.
_MIN_PAGE = 512
#: How long a transaction waits for another connection's write lock before giving up.
BUSY_TIMEOUT_MS = 5000

WRONG_KEY = tr_noop("The database could not be unlocked: the password or key is wrong.")
NOT_CASEPLAN = tr_noop("The file at {path} is not a Caseplan database.")
NO_CIPHER = tr_noop(
    "The encryption library (SQLCipher) is missing, so the database will not be opened."
)
MISSING = tr_noop("There is no database at {path}.")
EMPTY = tr_noop(
    "The database file at {path} is empty (0 bytes), so it was not opened and was left as it "
    "is; restore the database from a backup (caseplan restore)."
)
#: The execution option that marks a read-only transaction (``Context.read``, checks).
READ_ONLY = "caseplan_read_only"


def cipher_module() -> ModuleType:
    """The SQLCipher DB-API module, or :class:`StorageError` if it cannot be imported."""
    if _sqlcipher is None:
        raise StorageError(NO_CIPHER)
    module: ModuleType = _sqlcipher
    return module


def _key_pragma(key: bytes, pragma: str = "key") -> str:
    if not isinstance(key, bytes) or len(key) != KEY_BYTES:
        raise ValueError("the database key must be 32 bytes")
    return f"PRAGMA {pragma} = \"x'{key.hex()}'\""


def _is_plain_sqlite(path: Path) -> bool:
    """Whether ``path`` starts like an unencrypted SQLite file (so it is not ours)."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(PLAIN_HEADER)) == PLAIN_HEADER
    except OSError:
        return False


def page_one_fits(path: Path, key: bytes) -> bool:
    """Whether ``key`` decrypts the file's first page into a SQLite header.

    SQLCipher refuses a page whose checksum (HMAC) fails, and says the same for a wrong
    key. Decrypting the first page here tells the two apart: with the right key a few
    flipped bytes garble only the blocks they hit, and the header's fixed fields (page
    size, file format, reserved bytes, payload fractions) still read as they must.
    """
    try:
        with path.open("rb") as handle:
            page = handle.read(_PAGE)
    except OSError:
        return False
    if len(page) < _PAGE:
        return False
    iv = page[_PAGE - _RESERVE : _PAGE - _RESERVE + 16]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    plain = decryptor.update(page[16 : _PAGE - _RESERVE]) + decryptor.finalize()
    # Offsets below are the SQLite header's, minus the 16-byte salt in front of it.
    fixed = (
        plain[0:2] == _PAGE.to_bytes(2, "big"),
        plain[2] in (1, 2) and plain[3] in (1, 2),
        plain[4] == _RESERVE,
        plain[5:8] == bytes((64, 32, 32)),
        plain[84] in (0x02, 0x05, 0x0A, 0x0D),  # the schema's b-tree page type
    )
    return sum(fixed) >= 3


def _fault_on_open(error: BaseException, path: Path, key: bytes, existed: bool) -> StorageError:
    """What a failure to open an existing file means: wrong key, damage, permissions."""
    fault = database_fault(error, path)
    if fault is not None and fault.template not in (DB_DAMAGED, DB_BUSY):
        return fault
    if existed and page_one_fits(path, key):
        damaged = StorageError(DB_DAMAGED, path=str(path))
        damaged.__cause__ = error
        return damaged
    if fault is not None and fault.template == DB_BUSY:
        return fault
    return StorageError(WRONG_KEY) if existed else StorageError(NOT_CASEPLAN, path=str(path))


def _check_writable(path: Path) -> None:
    """A read-only file or folder is named as such, not mistaken for a wrong key."""
    folder = path.parent
    if not folder.is_dir():
        raise StorageError(DB_CANNOT_OPEN, path=str(path))
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise StorageError(DB_READ_ONLY, path=str(path))


def _open_keyed(path: Path, key: bytes, *, writable: bool = True) -> Connection:
    """Connect, give the key and prove it by reading the schema; nothing is written."""
    module = cipher_module()
    pragma = _key_pragma(key)
    size = path.stat().st_size if path.exists() else 0
    existed = size > 0
    if existed and _is_plain_sqlite(path):
        raise StorageError(NOT_CASEPLAN, path=str(path))
    if existed and size % _MIN_PAGE:
        # Not whole pages: cut short if its first page is ours, otherwise not ours at all.
        if page_one_fits(path, key):
            raise StorageError(DB_DAMAGED, path=str(path))
        raise StorageError(NOT_CASEPLAN, path=str(path))
    if writable:
        _check_writable(path)
    connection: Connection = module.connect(
        str(path), detect_types=0, check_same_thread=False, isolation_level=None
    )
    try:
        # SQLCipher would otherwise print decryption failures to stderr.
        connection.execute("PRAGMA cipher_log_level = NONE")
        # Wipe the memory SQLCipher frees (keys, decrypted pages): docs/security.md §7.
        connection.execute("PRAGMA cipher_memory_security = ON")
        connection.execute(pragma)
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except module.DatabaseError as error:
        connection.close()
        raise _fault_on_open(error, path, key, existed) from error
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
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # SQLCipher decrypts every page it reads back; a roomier cache reads back less. The
        # overview's counts over 10,000 people read more than 32 MB of pages, which a 32 MB
        # cache decrypted again at every opening (benchmarks/bench_overview.py: 240 -> 175 ms).
        connection.execute("PRAGMA cache_size = -65536")
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = FULL")
    except cipher_module().DatabaseError as error:
        connection.close()
        raise _fault_on_open(error, path, key, existed=True) from error
    except BaseException:
        connection.close()
        raise
    return connection


def connect_for_reading(path: Path, key: bytes) -> Connection:
    """Open an existing encrypted database to read it only (checks, backups, restores).

    Nothing is changed: not the journal mode, and ``query_only`` refuses any write. A
    file on a read-only medium can be read this way too.
    """
    if not path.exists():
        raise StorageError(MISSING, path=str(path))
    connection = _open_keyed(path, key, writable=False)
    try:
        connection.execute("PRAGMA temp_store = MEMORY")
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA query_only = ON")
    except BaseException:
        connection.close()
        raise
    return connection


def create_encrypted_engine(path: Path, key: bytes | Secret, **kwargs: Any) -> Engine:
    """A SQLAlchemy engine whose every connection is made by :func:`connect_encrypted`.

    The key is asked of its :class:`Secret` for every new connection, so after a lock
    (:meth:`Secret.forget`) the engine makes none. ``module=`` makes SQLAlchemy treat
    SQLCipher's exceptions as the DB-API's, so an integrity error still becomes
    :class:`sqlalchemy.exc.IntegrityError`.
    """
    module = cipher_module()
    secret = Secret.of(key)
    engine = create_engine(
        "sqlite+pysqlite://",
        creator=lambda: connect_encrypted(path, secret.reveal()),
        module=module,
        **kwargs,
    )

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        # A write takes the write lock as it begins, so it waits (busy_timeout) for another
        # writer instead of failing when it first writes after reading an older snapshot.
        # A read cannot write at all.
        if connection.get_execution_options().get(READ_ONLY):
            connection.exec_driver_sql("PRAGMA query_only = ON")
            connection.exec_driver_sql("BEGIN DEFERRED")
        else:
            connection.exec_driver_sql("PRAGMA query_only = OFF")
            connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def integrity_problems(connection: Connection) -> list[str]:
    """What SQLCipher's page checksums and SQLite's own check find wrong (empty: nothing).

    The checksums come first: a page that fails them makes SQLite's check stop with odd
    errors, so their report is the clearer one.
    """
    module = cipher_module()
    try:
        pages = [str(row[0]) for row in connection.execute("PRAGMA cipher_integrity_check")]
        if pages:
            return pages
        rows = [str(row[0]) for row in connection.execute("PRAGMA integrity_check")]
    except (module.DatabaseError, MemoryError) as error:
        return [str(error) or type(error).__name__]
    return [row for row in rows if row != "ok"]


def file_damage(path: Path, key: bytes) -> list[str]:
    """What is damaged in the file at ``path`` (empty: nothing), read on a fresh connection.

    SQLCipher reports a page that fails its checksum in odd ways (an "SQL logic error",
    then "out of memory" for everything the same connection does next), so when an
    operation fails like that, this tells whether the file is what is wrong.
    """
    try:
        connection = connect_for_reading(path, key)
    except StorageError as error:
        return ["the first page cannot be read"] if error.template == DB_DAMAGED else []
    try:
        return integrity_problems(connection)
    finally:
        connection.close()


BACKUP_NOT_VERIFIED = tr_noop("The backup could not be verified, so it was not kept.")


def verify_encrypted(path: Path, key: bytes) -> None:
    """Open ``path`` afresh with ``key`` and run SQLCipher's and SQLite's integrity checks."""
    connection = connect_for_reading(path, key)
    try:
        problems = integrity_problems(connection)
    finally:
        connection.close()
    if problems:
        raise StorageError(BACKUP_NOT_VERIFIED)


def backup_encrypted(
    source: Path,
    key: bytes,
    target: Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    check: Callable[[Path], None] | None = None,
) -> Path:
    """Write a verified, encrypted copy of the live database at ``source`` to ``target``.

    SQLite's backup API copies pages between two connections keyed alike, so the copy is
    never decrypted on disk. The source connection holds one read transaction for the
    whole copy, so the copy is one consistent moment even while others keep writing (WAL
    lets them). It is written to ``target.partial``, checked (integrity, then ``check``),
    then renamed. ``progress(done, total)`` is called with page counts (for a progress bar).
    """
    if target.exists():
        raise StorageError(tr_noop("A file already exists at {path}."), path=str(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    remove_database_files(partial)
    src = connect_for_reading(source, key)
    try:
        src.execute("BEGIN")
        src.execute("SELECT count(*) FROM sqlite_master").fetchone()
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
        src.execute("COMMIT")
    except BaseException:
        remove_database_files(partial)
        raise
    finally:
        src.close()
    try:
        verify_encrypted(partial, key)
        if check is not None:
            check(partial)
        _fsync(partial)
        partial.replace(target)
    except BaseException:
        remove_database_files(partial)
        raise
    _fsync_dir(target.parent)
    return target


def remove_database_files(path: Path) -> None:
    """The database file at ``path`` and whatever SQLite keeps beside it.

    As far as the place allows: on a read-only medium nothing was written to remove.
    """
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError, PermissionError, OSError):
            path.with_name(path.name + suffix).unlink()


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


def refuse_empty(path: Path) -> None:
    """A 0-byte file where a database should be is refused, never made into a new database."""
    try:
        size = path.stat().st_size
    except FileNotFoundError as error:
        raise StorageError(MISSING, path=str(path)) from error
    if size == 0:
        raise StorageError(EMPTY, path=str(path))


def opens_with(path: Path, key: bytes) -> bool:
    """Whether ``key`` opens the database at ``path`` (its write-ahead log included)."""
    try:
        connect_for_reading(path, key).close()
    except StorageError:
        return False
    return True


def rekey(path: Path, old: bytes, new: bytes, *, keep_wal: bool = True) -> None:
    """Re-encrypt every page of the database at ``path`` from ``old`` to ``new``.

    One transaction: after a crash the file has either every page under ``new`` or every
    page under ``old`` (SQLite's WAL keeps the rewritten pages until their commit). The
    caller must hold the only connection (no other program may have it open).
    """
    connection = connect_encrypted(path, old, create=False)
    try:
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute(_key_pragma(new, "rekey"))
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        if not keep_wal:  # a backup is one self-contained file
            connection.execute("PRAGMA journal_mode = DELETE")
    finally:
        connection.close()
