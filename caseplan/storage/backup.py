"""Backups through the database's own mechanism, verified, and rotated."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from caseplan.errors import StorageError, tr_noop
from caseplan.storage.engine import connect_sqlite

KEEP_AUTOMATIC = 5


def backup_sqlite(source: Path, target: Path) -> Path:
    """Copy a live database with SQLite's backup API, then check the copy's integrity."""
    if target.exists():
        raise StorageError(tr_noop("A file already exists at {path}."), path=str(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    src = connect_sqlite(source)
    try:
        dst = sqlite3.connect(str(partial))
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
            (result,) = dst.execute("PRAGMA integrity_check").fetchone()
        finally:
            dst.close()
    finally:
        src.close()
    if result != "ok":
        partial.unlink(missing_ok=True)
        raise StorageError(tr_noop("The backup could not be verified, so it was not kept."))
    partial.replace(target)
    return target


def automatic_backup(source: Path, reason: str) -> Path:
    """A backup beside the database (``backups/``) before risky work such as a migration.

    Only the newest :data:`KEEP_AUTOMATIC` automatic backups are kept.
    """
    folder = source.parent / "backups"
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = backup_sqlite(source, folder / f"{source.stem}-{stamp}-{reason}.db")
    automatic = sorted(folder.glob(f"{source.stem}-*-*.db"))
    for old in automatic[:-KEEP_AUTOMATIC]:
        old.unlink(missing_ok=True)
    return target
