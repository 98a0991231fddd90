"""Writing files so that a crash never leaves half a file behind, and never over the clinic's.

Everything Caseplan hands out (an export, a PDF, a report) is written the same way: into a
temporary file in the same folder (mode 0600, so only this user can read it), synced, and
renamed over the name asked for, then the folder is synced. Before that, :func:`check_output`
refuses a name that belongs to a clinic's database (the database, its WAL and shared-memory
files, its key file, the peer stores, a backup and its key file), a folder, a folder that
does not exist, and an existing file unless the caller says it may be replaced.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from caseplan.errors import StorageError, tr_noop
from caseplan.storage.faults import file_fault

#: Where an output is refused because it belongs to a clinic's database.
CLINIC_FILE = tr_noop(
    "{path} belongs to a Caseplan database (the database, its key file or a backup) and is "
    "never written over; choose another file name."
)
IS_FOLDER = tr_noop("{path} is a folder; give the name of a file to write in it.")
NO_FOLDER = tr_noop("The folder {folder} does not exist.")
EXISTS = tr_noop("A file already exists at {path}.")

#: Endings of the files that live beside a database (SQLite's and Caseplan's own).
SIDE_ENDINGS = ("-wal", "-shm", "-journal", ".keys", ".keys.lock", ".signins", ".peers")
#: How a Caseplan key file starts (any version of the format).
KEY_FILE_MARK = b'"caseplan.keys/'
#: A plain (unencrypted) SQLite database starts with this.
SQLITE_MARK = b"SQLite format 3\x00"
#: The folder beside a database where automatic backups are kept.
BACKUP_FOLDER = "backups"


def _has_key_file(path: Path) -> bool:
    return path.with_name(path.name + ".keys").exists()


def _looks_like_clinic_file(path: Path) -> bool:
    """Whether ``path`` is (or is beside, or inside) a database or backup, judged by its
    neighbours and its first bytes, so it holds for any clinic, not only the one open now."""
    if _has_key_file(path):
        return True  # a database or a backup: each has its key file beside it
    name = path.name
    for ending in SIDE_ENDINGS:
        if name.endswith(ending) and len(name) > len(ending):
            base = path.with_name(name[: -len(ending)])
            if base.exists() or _has_key_file(base):
                return True
    if path.parent.name.endswith(".peers"):
        return True  # a peer store
    try:
        with path.open("rb") as stream:
            start = stream.read(64)
    except OSError:
        return False
    return start.startswith(SQLITE_MARK) or KEY_FILE_MARK in start


def _belongs_to(path: Path, database: Path) -> bool:
    """``path`` is ``database`` or one of its side files, a peer store, or a backup beside it."""
    database = database.resolve()
    if path.parent == database.parent:
        if path.name == database.name or path.name.startswith(database.name + ".keys"):
            return True
        return any(path.name == database.name + ending for ending in SIDE_ENDINGS)
    if path.parent == database.with_name(database.name + ".peers"):
        return True
    return path.parent == database.parent / BACKUP_FOLDER and _has_key_file(path)


def check_output(
    path: Path | str,
    *,
    replace: bool = False,
    databases: Iterable[Path | None] = (),
    new_folder: bool = False,
) -> Path:
    """Where an output may be written, as an absolute path; or one sentence why not.

    ``databases`` are clinic databases known to the caller (the one open now); any file
    that belongs to them, or looks like part of any other Caseplan database, is refused
    even with ``replace``. An existing file is replaced only with ``replace``. With
    ``new_folder`` the folder may be missing (the writer makes it, as a backup does).
    """
    target = Path(path).expanduser().absolute()
    if target.is_dir():
        raise StorageError(IS_FOLDER, path=str(target))
    folder = target.parent
    if not folder.is_dir() and not (new_folder and not folder.exists()):
        raise StorageError(NO_FOLDER, folder=str(folder))
    real = target.resolve()  # through symbolic links, to what would really be replaced
    for candidate in {target, real}:
        if any(db is not None and _belongs_to(candidate, db) for db in databases):
            raise StorageError(CLINIC_FILE, path=str(target))
        if _looks_like_clinic_file(candidate):
            raise StorageError(CLINIC_FILE, path=str(target))
    if (target.exists() or target.is_symlink()) and not replace:
        raise StorageError(EXISTS, path=str(target))
    return target


def write_output(
    path: Path | str,
    data: bytes,
    *,
    replace: bool = False,
    databases: Iterable[Path | None] = (),
) -> Path:
    """:func:`check_output`, then :func:`write_atomically`; returns where it was written."""
    known = tuple(databases)
    target = check_output(path, replace=replace, databases=known)
    write_atomically(target, data)
    return target


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a synced temporary file (mode 0600) and a rename."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise StorageError(NO_FOLDER, folder=str(folder))
    if path.is_dir():
        raise StorageError(IS_FOLDER, path=str(path))
    with staged(path, data):
        pass


@contextmanager
def staged(path: Path, data: bytes) -> Iterator[Path]:
    """Write ``data`` beside ``path`` (mode 0600, synced); put it in place when the block ends.

    If the block raises, the written file is removed and ``path`` is left as it was: a
    caller can record what it delivered (say, an audit event) between the two, so a file
    that could not be written is never recorded as written. A full disk, a read-only place
    or a missing folder are each one sentence (:mod:`caseplan.storage.faults`).
    """
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise file_fault(error, path) from error
    try:
        try:
            with os.fdopen(handle, "wb") as stream:
                if hasattr(os, "fchmod"):
                    os.fchmod(stream.fileno(), 0o600)
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
        except OSError as error:
            raise file_fault(error, path) from error
        yield Path(temporary)
        try:
            os.replace(temporary, path)
        except OSError as error:
            raise file_fault(error, path) from error
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    sync_folder(folder)


def sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (where the platform can open a folder)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def read_limited(path: Path, limit: int) -> bytes:
    """Read a whole file a person handed us, refusing one larger than ``limit`` bytes."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise StorageError(
                tr_noop("The file {path} is too large ({size} MB; at most {limit} MB)."),
                path=str(path),
                size=round(size / 1_000_000, 1),
                limit=round(limit / 1_000_000, 1),
            )
        return path.read_bytes()
    except FileNotFoundError as error:
        raise StorageError(tr_noop("There is no file at {path}."), path=str(path)) from error
    except IsADirectoryError as error:
        raise StorageError(tr_noop("{path} is a folder, not a file."), path=str(path)) from error
    except PermissionError as error:
        raise StorageError(tr_noop("The file {path} cannot be read."), path=str(path)) from error


def make_private(path: Path) -> None:
    """Only this user may read or write ``path`` (POSIX; SQLite's side files follow it)."""
    if os.name == "posix":
        with contextlib.suppress(OSError):
            os.chmod(path, 0o600)
