"""Helpers shared by tests (importable as ``tests.support``; fixtures live in conftest.py)."""

from __future__ import annotations

import copy
import secrets
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from sqlalchemy import create_engine, text

from caseplan.storage.costs import Costs, KdfParams
from caseplan.storage.database import Database, open_database
from caseplan.storage.location import Location, resolve

#: The database key of every embedded test database (random per run; never a real key).
TEST_KEY = secrets.token_bytes(32)

#: Key derivation and password hashing as cheap as Argon2id allows, for the whole test run
#: (tests/conftest.py). The real settings are tested once, on purpose
#: (tests/security/test_real_costs.py).
CHEAP_COSTS = Costs(
    KdfParams(time_cost=1, memory_cost=8, parallelism=1),
    PasswordHasher(time_cost=1, memory_cost=8, parallelism=1),
)


def open_test_database(location: Location | Path | str) -> Database:
    """Open (creating if need be) a database for a test; embedded ones use :data:`TEST_KEY`."""
    if not isinstance(location, Location):
        location = resolve(str(location))
    return open_database(location, key=TEST_KEY)


class Templates:
    """Databases filled once per test process (e.g. a demo of 80 people), copied per test.

    ``fill(location, name, build)`` makes the fresh database of the ``location`` fixture a
    copy of the template ``name`` on the same backend, building that template the first time
    with ``build(database)``; returns what ``build`` returned (ids and other plain data, the
    same in every copy). For fixtures whose data takes long to make and which no test changes
    in its template: each test still gets a database of its own.
    """

    def __init__(self, folder: Path, sqlite_template: Path, server_template: str) -> None:
        self.folder = folder
        self.sqlite_template = sqlite_template
        self.server_template = server_template
        self.made: dict[tuple[str, str], tuple[Location, Any]] = {}

    def fill(self, location: Location, name: str, build: Callable[[Database], Any]) -> Any:
        backend = "sqlite" if location.path is not None else "postgres"
        if (name, backend) not in self.made:
            self.made[name, backend] = self._build(location, name, build)
        template, made = self.made[name, backend]
        result = copy.deepcopy(made)  # a test may change what it got, never the next test's
        if location.path is not None:
            assert template.path is not None
            shutil.copyfile(template.path, location.path)
            return result
        url = location.url
        admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE {url.database} WITH (FORCE)"))
            connection.execute(
                text(f"CREATE DATABASE {url.database} TEMPLATE {template.url.database}")
            )
        admin.dispose()
        return result

    def _build(
        self, location: Location, name: str, build: Callable[[Database], Any]
    ) -> tuple[Location, Any]:
        if location.path is not None:
            path = self.folder / f"{name}.db"
            shutil.copyfile(self.sqlite_template, path)
            template = resolve(str(path))
        else:
            database = f"{self.server_template}_{name}".replace("-", "_")
            admin = create_engine(
                location.url.set(database="postgres"), isolation_level="AUTOCOMMIT"
            )
            with admin.connect() as connection:
                connection.execute(text(f"DROP DATABASE IF EXISTS {database}"))
                connection.execute(
                    text(f"CREATE DATABASE {database} TEMPLATE {self.server_template}")
                )
            admin.dispose()
            template = resolve(location.url.set(database=database).render_as_string(False))
        opened = open_test_database(template)
        try:
            result = build(opened)
        finally:
            opened.close()
        return template, result

    def drop(self) -> None:
        for (_name, backend), (template, _result) in self.made.items():
            if backend != "postgres":
                continue
            admin = create_engine(
                template.url.set(database="postgres"), isolation_level="AUTOCOMMIT"
            )
            with admin.connect() as connection:
                connection.execute(
                    text(f"DROP DATABASE IF EXISTS {template.url.database} WITH (FORCE)")
                )
            admin.dispose()


def run_cli(capsys: Any, *argv: str) -> tuple[int, str, str]:
    """Run ``caseplan ARGV…`` in this process: (exit status, stdout, stderr)."""
    from caseplan.cli import main

    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def key_of(database: Path, username: str, password: str) -> bytes:
    """What ``username``'s password opens from the key file beside ``database``."""
    from caseplan.storage import keyfile, keys

    current = keyfile.load(keys.keys_path(database))
    key = keys.open_grant(current, keys.unlock_account(current, username, password))
    assert key is not None
    return key


def has_account(database: Path, username: str) -> bool:
    from caseplan.storage import keyfile, keys

    return keyfile.load(keys.keys_path(database)).has_account(username)


def spoken_name(widget: Any) -> str:
    """The name assistive technology gets: the accessible name, or else the visible text."""
    from PySide6.QtGui import QAccessible

    accessible = QAccessible.queryAccessibleInterface(widget)
    return "" if accessible is None else accessible.text(QAccessible.Text.Name)


def verify_peer(ctx: Any, participant_id: Any) -> None:
    """Mark a peer without an account as verified, as a team lead does (for fixtures whose
    peers' paid time is to be counted as paid)."""
    from datetime import date

    from caseplan.models import Participant

    with ctx.write() as session:
        row = session.get(Participant, participant_id)
        row.peer_verified_on = date(2026, 1, 1)
        row.peer_verified_by = "Lea Leder (lea)"
