"""What went wrong below the program, named for what it is: one sentence per fault.

A full disk, a read-only file or folder, a damaged file, a missing folder and a busy
database each get their own sentence, never "the password is wrong" and never a
traceback. Database errors are told apart by SQLite's result code (and PostgreSQL's
SQLSTATE), file errors by ``errno``.
"""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

from caseplan.errors import CaseplanError, StorageError, tr_noop

# --- the database itself ---------------------------------------------------------------------

DB_FULL = tr_noop(
    "The disk holding the database is full, so nothing was saved; free some space and try again."
)
DB_READ_ONLY = tr_noop(
    "The database at {path} is read-only (the file or its folder), so nothing was saved; "
    "ask for permission to write there."
)
DB_DAMAGED = tr_noop(
    "The database at {path} is damaged, so Caseplan stopped without changing anything; "
    "restore the last good backup (caseplan restore)."
)
DB_BUSY = tr_noop(
    "The database is busy with someone else's work, so nothing was saved; "
    "please try again in a moment."
)
DB_DISK_ERROR = tr_noop(
    "The disk holding the database could not be read or written, so nothing was saved; "
    "check the disk and try again."
)
DB_CANNOT_OPEN = tr_noop(
    "The database at {path} cannot be opened: its folder is missing or may not be written."
)
DB_SERVER_GONE = tr_noop(
    "The database server cannot be reached, so nothing was saved; check the network and try again."
)

# --- files the person asked for (backups, exports, PDFs) ------------------------------------

FILE_NO_ROOM = tr_noop(
    "There is no room for {path} on its disk, so it was not written; "
    "free some space or choose another place."
)
FILE_READ_ONLY = tr_noop(
    "Caseplan may not write {path} (the place is read-only); choose another place."
)
FOLDER_MISSING = tr_noop("The folder {folder} does not exist.")
FILE_DISK_ERROR = tr_noop(
    "{path} could not be written because of a disk error; choose another place or check the disk."
)

#: SQLite's primary result codes (the low byte of an extended code).
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CONSTRAINT = 19
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26

_NO_ROOM = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_NOT_ALLOWED = {errno.EROFS, errno.EACCES, errno.EPERM}


#: SQLite's own words for its result codes (``sqlite3_errstr``), for errors that come
#: without the code (the backup API's, in ``sqlcipher3``).
_SQLITE_WORDS = {
    "database is locked": SQLITE_BUSY,
    "database table is locked": SQLITE_LOCKED,
    "attempt to write a readonly database": SQLITE_READONLY,
    "disk I/O error": SQLITE_IOERR,
    "database disk image is malformed": SQLITE_CORRUPT,
    "database or disk is full": SQLITE_FULL,
    "unable to open database file": SQLITE_CANTOPEN,
    "file is not a database": SQLITE_NOTADB,
}


def sqlite_code(error: BaseException | None) -> int | None:
    """SQLite's primary result code behind ``error``, or None."""
    for candidate in (error, getattr(error, "orig", None)):
        code = getattr(candidate, "sqlite_errorcode", None)
        if isinstance(code, int):
            return code & 0xFF
    orig = getattr(error, "orig", error)
    if type(orig).__module__.startswith(("sqlcipher3", "sqlite3")):
        return _SQLITE_WORDS.get(str(orig).strip())
    return None


def _sqlstate(error: BaseException) -> str | None:
    orig = getattr(error, "orig", error)
    state = getattr(orig, "sqlstate", None)
    return state if isinstance(state, str) else None


def is_busy(error: BaseException) -> bool:
    """Whether ``error`` says the database was locked by another connection for too long."""
    if sqlite_code(error) in (SQLITE_BUSY, SQLITE_LOCKED):
        return True
    # PostgreSQL: lock_not_available, deadlock_detected, serialization_failure
    return _sqlstate(error) in ("55P03", "40P01", "40001")


def unique_clash(error: BaseException | None) -> bool:
    """Whether ``error`` is a unique constraint refusing a row (not another kind of refusal)."""
    orig = getattr(error, "orig", error)
    if getattr(orig, "sqlstate", None) == "23505":  # PostgreSQL: unique_violation
        return True
    return sqlite_code(orig) == SQLITE_CONSTRAINT and "UNIQUE constraint" in str(orig)


def database_fault(error: BaseException, path: Path | str | None = None) -> StorageError | None:
    """The sentence for a database error caused by the disk, the file or other writers.

    None when ``error`` is none of those (a bug, or a constraint: the caller decides).
    """
    where = str(path) if path is not None else ""
    code = sqlite_code(error)
    params: dict[str, Any] = {}
    template: str | None = None
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        template = DB_BUSY
    elif code == SQLITE_FULL:
        template = DB_FULL
    elif code == SQLITE_READONLY:
        template, params = DB_READ_ONLY, {"path": where}
    elif code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        template, params = DB_DAMAGED, {"path": where}
    elif code == SQLITE_CANTOPEN:
        template, params = DB_CANNOT_OPEN, {"path": where}
    elif code == SQLITE_IOERR:
        template = DB_DISK_ERROR
    else:
        state = _sqlstate(error)
        if state is not None:
            if state == "53100":  # disk_full
                template = DB_FULL
            elif is_busy(error):
                template = DB_BUSY
            elif state.startswith("08"):  # connection exception
                template = DB_SERVER_GONE
        else:
            orig = type(getattr(error, "orig", error))
            if orig.__module__.startswith("psycopg") and orig.__name__ == "OperationalError":
                # psycopg has no SQLSTATE when the connection itself is lost
                template = DB_SERVER_GONE
    if template is None:
        return None
    fault = StorageError(template, **params)
    fault.__cause__ = error
    return fault


def beside_database_fault(error: OSError, database: Path) -> StorageError:
    """Writing a file that lives beside the database (its key file) failed: say it of the
    database, whose folder it is."""
    if error.errno in _NOT_ALLOWED:
        fault = StorageError(DB_READ_ONLY, path=str(database))
    elif error.errno in _NO_ROOM:
        fault = StorageError(DB_FULL)
    else:
        fault = StorageError(DB_DISK_ERROR)
    fault.__cause__ = error
    return fault


def file_fault(error: OSError, path: Path) -> StorageError:
    """The sentence for writing ``path`` failing with ``error``."""
    number = error.errno
    if number in _NO_ROOM:
        fault = StorageError(FILE_NO_ROOM, path=str(path))
    elif number in _NOT_ALLOWED:
        fault = StorageError(FILE_READ_ONLY, path=str(path))
    elif number in (errno.ENOENT, errno.ENOTDIR):
        fault = StorageError(FOLDER_MISSING, folder=str(path.parent))
    else:
        fault = StorageError(FILE_DISK_ERROR, path=str(path))
    fault.__cause__ = error
    return fault


#: What went wrong, in a few words for the audit trail (which never keeps a path or a name).
_KINDS = {
    FILE_NO_ROOM: "no room on the disk",
    FILE_READ_ONLY: "the place is read-only",
    FOLDER_MISSING: "the folder is missing",
    FILE_DISK_ERROR: "a disk error",
    DB_FULL: "no room on the database's disk",
    DB_READ_ONLY: "the database is read-only",
    DB_DAMAGED: "the database is damaged",
    DB_BUSY: "the database was busy",
    DB_DISK_ERROR: "a disk error on the database's disk",
}


def fault_kind(error: CaseplanError) -> str:
    """A few words saying which fault ``error`` is (``refused`` for anything else)."""
    return _KINDS.get(error.template, "refused")
