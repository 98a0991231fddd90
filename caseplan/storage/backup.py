"""Backups through SQLCipher's own mechanism, verified, with their key file, and rotated."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from caseplan.errors import StorageError, tr_noop
from caseplan.storage import keys
from caseplan.storage.cipher import backup_encrypted

KEEP_AUTOMATIC = 5


def backup_database(
    source: Path,
    key: bytes,
    target: Path,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """A verified, encrypted copy of the live database, with a copy of its key file beside it.

    The copy is encrypted with the same database key, so the same passwords (and the
    recovery key) unlock it.
    """
    keyfile_target = keys.keys_path(target)
    if keyfile_target.exists():
        raise StorageError(tr_noop("A file already exists at {path}."), path=str(keyfile_target))
    backup_encrypted(source, key, target, progress=progress)
    source_keys = keys.keys_path(source)
    if source_keys.exists():
        keys.save(keys.load(source_keys), keyfile_target)
    return target


def automatic_backup(source: Path, key: bytes, reason: str) -> Path:
    """A backup beside the database (``backups/``) before risky work such as a migration.

    Only the newest :data:`KEEP_AUTOMATIC` automatic backups are kept.
    """
    folder = source.parent / "backups"
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = backup_database(source, key, folder / f"{source.stem}-{stamp}-{reason}.db")
    automatic = sorted(folder.glob(f"{source.stem}-*-*.db"))
    for old in automatic[:-KEEP_AUTOMATIC]:
        old.unlink(missing_ok=True)
        keys.keys_path(old).unlink(missing_ok=True)
    return target
