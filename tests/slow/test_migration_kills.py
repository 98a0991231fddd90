"""Power lost during an upgrade: SIGKILL at random moments of a migration loses no row.

A copy of an old-schema fixture is opened by the child program (``migration_child.py``),
which backs it up and upgrades it as the program does, and is killed after a random delay
within the time a whole upgrade takes. After every kill the database must pass SQLCipher's
and SQLite's integrity checks and be either still at its old schema with every row exactly
as it was, or at the head with every row accounted for (``tests/migrations/schema_rows``).
The same database is retried until an upgrade finishes; then ``backups/`` must hold exactly
one backup from before the upgrade and nothing an interrupted backup left behind.

``CASEPLAN_MIGRATION_KILLS`` sets how many kills (default 60), ``CASEPLAN_CRASH_SEED`` the
seed of every random choice (printed, so a failure can be rerun).
"""

from __future__ import annotations

import json
import os
import queue
import random
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from caseplan.storage import migrate
from caseplan.storage.cipher import connect_for_reading, integrity_problems
from tests.migrations.schema_rows import SCHEMAS, Fixture, account_for, load, read_rows, reading

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork() and SIGKILL (POSIX)"),
]

CHILD = Path(__file__).with_name("migration_child.py")
REPO_ROOT = Path(__file__).resolve().parents[2]
KILLS = int(os.environ.get("CASEPLAN_MIGRATION_KILLS", "60"))
PATIENCE = 120.0
#: Kills on one database before an upgrade is let finish.
RETRIES = 6


class Child:
    def __init__(self, log: Path) -> None:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
        self.log = log
        with log.open("wb") as stderr:
            self.process = subprocess.Popen(
                [sys.executable, str(CHILD), "serve"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=stderr,
                env=env,
            )
        self.lines: queue.Queue[tuple[str, dict[str, Any]]] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.expect("LOADED")

    def _read(self) -> None:
        assert self.process.stdout is not None
        for raw in self.process.stdout:
            tag, _, payload = raw.decode().rstrip("\n").partition(" ")
            self.lines.put((tag, json.loads(payload) if payload else {}))
        self.lines.put(("EOF", {}))

    def expect(self, wanted: str) -> list[tuple[str, dict[str, Any]]]:
        seen: list[tuple[str, dict[str, Any]]] = []
        while True:
            try:
                tag, fields = self.lines.get(timeout=PATIENCE)
            except queue.Empty:
                raise AssertionError(f"the child said nothing for {PATIENCE} s") from None
            if tag == "EOF":
                raise AssertionError(f"the child ended: {self.log.read_text()[-2000:]}")
            if tag == "ERROR":
                raise AssertionError(f"the upgrade failed: {fields['error']}")
            seen.append((tag, fields))
            if tag == wanted:
                return seen

    def upgrade(self, db: Path, key: bytes, delay: float) -> list[tuple[str, dict[str, Any]]]:
        assert self.process.stdin is not None
        command = {"db": str(db), "key": key.hex(), "delay": delay}
        self.process.stdin.write((json.dumps(command) + "\n").encode())
        self.process.stdin.flush()
        return self.expect("DEAD")

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=30)


@pytest.fixture
def child(tmp_path: Path) -> Iterator[Child]:
    process = Child(tmp_path / "child-stderr.log")
    yield process
    process.close()


def _state(path: Path, fixture: Fixture, before: Any) -> str:
    """``old`` or ``head``; fails the test if the database is damaged or lost a row."""
    connection = connect_for_reading(path, fixture.key)
    try:
        assert integrity_problems(connection) == []
    finally:
        connection.close()
    with reading(path, fixture.key) as engine, engine.connect() as connection:
        after = read_rows(connection)
    (revision,) = [row["version_num"] for row in after["alembic_version"].values()]
    if revision == fixture.revision:
        assert after == before, "a killed upgrade changed the old database"
        return "old"
    assert revision == migrate.head_revision()
    assert account_for(before, after, revision).problems == []
    return "head"


def _leftovers(folder: Path, revision: str) -> tuple[list[str], list[str]]:
    names = sorted(p.name for p in folder.iterdir()) if folder.exists() else []
    backups = [n for n in names if n.endswith(f"-before-migration-{revision}.db")]
    stray = [n for n in names if n not in backups and n not in {b + ".keys" for b in backups}]
    return backups, stray


def test_killing_upgrades_at_random_moments_loses_no_row(child: Child, tmp_path: Path) -> None:
    seed = int(os.environ.get("CASEPLAN_CRASH_SEED") or random.SystemRandom().randrange(2**32))
    print(f"\nCASEPLAN_CRASH_SEED={seed}")
    rng = random.Random(seed)
    old = [load(n) for n in SCHEMAS if load(n).revision != migrate.head_revision()]
    assert old, "no fixture older than the head"

    # How long one whole upgrade of each fixture takes here, so the kills spread over all of it.
    whole: dict[str, float] = {}
    for fixture in old:
        timing = fixture.copy_to(tmp_path / f"timing-{fixture.name}")
        events = child.upgrade(timing, fixture.key, -1)
        assert [tag for tag, _ in events] == ["BACKUP", "MIGRATE", "DONE", "DEAD"]
        whole[fixture.name] = events[-1][1]["seconds"]
    print(f"whole upgrades take {whole} s")

    kills = 0
    phases: Counter[str] = Counter()
    states: Counter[str] = Counter()
    databases = 0
    while kills < KILLS:
        fixture = rng.choice(old)
        databases += 1
        path = fixture.copy_to(tmp_path / f"clinic-{databases}")
        with reading(path, fixture.key) as engine, engine.connect() as connection:
            before = read_rows(connection)
        state = "old"
        attempts = 0
        while state == "old":
            attempts += 1
            # After a few kills, let one finish (as someone would, once the power is back).
            delay = rng.uniform(0.0, whole[fixture.name] * 1.1) if attempts <= RETRIES else -1
            events = child.upgrade(path, fixture.key, delay)
            dead = events[-1][1]
            tags = [tag for tag, _ in events]
            if dead["killed"]:
                kills += 1
                phase = "done" if "DONE" in tags else tags[-2].lower() if len(tags) > 1 else "open"
                phases[phase] += 1
            state = _state(path, fixture, before)
            states[state] += 1
        backups, stray = _leftovers(path.parent / "backups", fixture.revision)
        assert stray == [], f"left behind after {attempts} attempts: {stray}"
        assert len(backups) == 1, f"{len(backups)} backups after {attempts} attempts"
    print(
        f"{kills} kills over {databases} databases; killed while {dict(phases)}; "
        f"after a kill or a finish the database was {dict(states)}; no row lost"
    )
