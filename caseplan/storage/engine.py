"""The one seam where database connections are made.

Every connection to the embedded database goes through :func:`connect_sqlite`, so that
encryption (SQLCipher) and the durability pragmas are applied in exactly one place.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

from caseplan.storage.location import Location


def connect_sqlite(path: Path) -> sqlite3.Connection:
    """Open the embedded database file with foreign keys on, WAL and synchronous=FULL."""
    connection = sqlite3.connect(
        str(path), detect_types=0, check_same_thread=False, isolation_level=None
    )
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute("PRAGMA busy_timeout = 5000")
    return connection


def create_db_engine(location: Location, **kwargs: Any) -> Engine:
    """An engine for ``location``; SQLite files are opened through :func:`connect_sqlite`."""
    if location.path is not None:
        path = location.path
        engine = create_engine(location.url, creator=lambda: connect_sqlite(path), **kwargs)
        _use_sqlalchemy_transactions(engine)
        return engine
    return create_engine(location.url, pool_pre_ping=True, **kwargs)


def _use_sqlalchemy_transactions(engine: Engine) -> None:
    """Let SQLAlchemy issue BEGIN itself (pysqlite's own transaction handling is off)."""

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")
