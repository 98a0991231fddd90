"""Saving (what autosave calls) when the disk is full, the database busy or damaged.

Each save ends in one sentence naming the fault, and the database keeps what it held
before: the goal's words and version are the old ones when it is read again, and on a full
disk the database file itself has not changed by a byte.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from caseplan.errors import StorageError
from caseplan.services.context import Context
from caseplan.services.plans import goals
from caseplan.storage import cipher
from caseplan.storage.cipher import connect_encrypted
from caseplan.storage.database import Database, open_database
from caseplan.storage.location import resolve
from tests.faults.conftest import fill
from tests.faults.damage import PAGE, flip_bytes
from tests.migrations.schema_rows import load

WORDS = "Et sted å bo, med egen dør og nøkkel. " * 50


def _goal(database: Database) -> tuple[Context, goals.GoalDetails]:
    from caseplan.services.people.people import list_people
    from caseplan.services.plans import plans

    ctx = Context(database.sessions)
    for person in list_people(ctx):
        plan = plans.get_open_plan(ctx, person.id)
        if plan is not None and goals.list_goals(ctx, plan.id):
            return ctx, goals.list_goals(ctx, plan.id)[0]
    raise AssertionError("no goal in the demo clinic")


@pytest.fixture
def head_fixture(tmp_path: Path) -> tuple[Path, bytes]:
    """A clinic at the head schema with its raw key (the schema-0004 fixture, upgraded)."""
    fixture = load("schema-0004")
    path = fixture.copy_to(tmp_path / "clinic")
    open_database(resolve(str(path)), key=fixture.key, create=False).close()
    return path, fixture.key


def test_a_full_disk(small_disk: Path, head_fixture: tuple[Path, bytes]) -> None:
    source, key = head_fixture
    path = small_disk / "caseplan.db"
    shutil.copyfile(source, path)
    database = open_database(resolve(str(path)), key=key, create=False)
    try:
        ctx, goal = _goal(database)
        fill(small_disk)
        before = path.read_bytes()
        with pytest.raises(StorageError) as refused:
            goals.update_goal(ctx, goal.id, goal.version, own_words=WORDS)
        assert str(refused.value) == (
            "The disk holding the database is full, so nothing was saved; "
            "free some space and try again."
        )
        assert path.read_bytes() == before
        (small_disk / "filler").unlink()
    finally:
        database.close()
    database = open_database(resolve(str(path)), key=key, create=False)
    try:
        ctx, _ = _goal(database)
        again = goals.get_goal(ctx, goal.id)
        assert (again.own_words, again.version) == (goal.own_words, goal.version)
    finally:
        database.close()


def test_a_database_busy_for_longer_than_the_wait(
    head_fixture: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, key = head_fixture
    monkeypatch.setattr(cipher, "BUSY_TIMEOUT_MS", 100)
    database = open_database(resolve(str(path)), key=key, create=False)
    other = connect_encrypted(path, key, create=False)
    try:
        ctx, goal = _goal(database)
        other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        with pytest.raises(StorageError) as refused:
            goals.update_goal(ctx, goal.id, goal.version, own_words="Mine")
        assert str(refused.value) == (
            "The database is busy with someone else's work, so nothing was saved; "
            "please try again in a moment."
        )
        other.execute("ROLLBACK")
        assert goals.get_goal(ctx, goal.id).own_words == goal.own_words
        saved = goals.update_goal(ctx, goal.id, goal.version, own_words="Mine")
        assert (saved.own_words, saved.version) == ("Mine", goal.version + 1)
    finally:
        other.close()
        database.close()


def test_a_damaged_page_under_the_goals(head_fixture: tuple[Path, bytes]) -> None:
    path, key = head_fixture
    database = open_database(resolve(str(path)), key=key, create=False)
    try:
        _ctx, goal = _goal(database)
    finally:
        database.close()
    connection = connect_encrypted(path, key, create=False)
    (root,) = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = 'goals'")
    connection.close()
    page = root[0] - 1
    flip_bytes(path, page)
    damaged = path.read_bytes()[page * PAGE : (page + 1) * PAGE]

    database = open_database(resolve(str(path)), key=key, create=False)
    try:
        ctx = Context(database.sessions)
        with pytest.raises(StorageError) as refused:
            goals.update_goal(ctx, goal.id, goal.version, own_words="Mine")
        assert str(refused.value) == (
            f"The database at {path} is damaged, so Caseplan stopped without changing "
            "anything; restore the last good backup (caseplan restore)."
        )
    finally:
        database.close()
    assert path.read_bytes()[page * PAGE : (page + 1) * PAGE] == damaged
