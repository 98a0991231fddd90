"""Helpers shared by tests (importable as ``tests.support``; fixtures live in conftest.py)."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher

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
