"""Where the database is: a file path (embedded SQLite) or a PostgreSQL URL (team mode)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from sqlalchemy.engine import URL, make_url

from caseplan.errors import StorageError, tr_noop

APP_NAME = "Caseplan"
DB_ENV = "CASEPLAN_DB"
DEFAULT_FILE = "caseplan.db"


@dataclass(frozen=True)
class Location:
    """A resolved database location. ``path`` is set for SQLite files only."""

    url: URL
    path: Path | None

    @property
    def is_sqlite(self) -> bool:
        return self.path is not None

    def describe(self) -> str:
        """Where it is, without a password, for messages and the window."""
        if self.path is not None:
            return str(self.path)
        return self.url.render_as_string(hide_password=True)


def default_database_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DEFAULT_FILE


def resolve(value: str | None = None) -> Location:
    """Turn ``--db`` (or ``CASEPLAN_DB``, or the default) into a :class:`Location`."""
    raw = value if value else os.environ.get(DB_ENV, "")
    if not raw:
        return _sqlite(default_database_path())
    if raw.startswith(("postgresql://", "postgresql+psycopg://", "postgres://")):
        url = make_url(raw.replace("postgres://", "postgresql://", 1))
        return Location(url=url.set(drivername="postgresql+psycopg"), path=None)
    if "://" in raw:
        raise StorageError(
            tr_noop("Only a file path or a postgresql:// address can be used as database: {db}"),
            db=raw.split("://", 1)[0] + "://…",
        )
    return _sqlite(Path(raw).expanduser())


def _sqlite(path: Path) -> Location:
    path = path.absolute()
    return Location(url=URL.create("sqlite+pysqlite", database=str(path)), path=path)
