"""Crash safety: a writer killed with SIGKILL at random moments never loses an acknowledged save.

The child program (``crash_writer.py``) saves through the real services and prints ``ACK``
after each save returned. The test kills it at a random moment, many times over on the same
growing database file, and after every kill re-opens the database and checks that every
acknowledged save is there with exactly the acknowledged value, that SQLite's integrity check
says "ok" and that no foreign key points nowhere. A save that was not acknowledged yet may
or may not be there.

``CASEPLAN_CRASH_CYCLES`` sets the number of kill cycles (default 40),
``CASEPLAN_CRASH_SEED`` the seed of every random choice (printed, so a failure can be rerun).
"""

from __future__ import annotations

import importlib.util
import json
import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from sqlalchemy import func, select

from caseplan.errors import StorageError
from caseplan.models import Goal, Person, Plan, Step
from caseplan.services.context import Context
from caseplan.services.people import people
from caseplan.services.plans import goals, plans
from caseplan.storage.database import Database

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork() and SIGKILL (POSIX)"),
]

WRITER_PATH = Path(__file__).with_name("crash_writer.py")
REPO_ROOT = Path(__file__).resolve().parents[2]
CYCLES = int(os.environ.get("CASEPLAN_CRASH_CYCLES", "40"))
BULK_CYCLES = 8
#: Generous: only a hung child ever waits this long, a healthy one answers in well under 1 s.
PATIENCE = 60.0
#: Longest wait between the writer being ready and the kill.
MAX_DELAY = 0.35
#: One cycle in this many kills the writer while it is still opening the database.
EARLY_KILL_EVERY = 8


def _load_writer_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("caseplan_crash_writer", WRITER_PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


crash_writer = _load_writer_module()


def open_for_test(path: Path) -> Database:
    database: Database = crash_writer.open_for_test(path)
    return database


# --- driving the child ---------------------------------------------------------------------


@dataclass
class Cycle:
    number: int
    events: list[tuple[str, dict[str, Any]]]
    signal: int | None
    code: int | None


class Writers:
    """The child program: a server that forks one writer per cycle, and its output."""

    def __init__(self, db_path: Path, log_path: Path) -> None:
        self.log_path = log_path
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
        with log_path.open("wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, str(WRITER_PATH), "serve", str(db_path)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log,
                env=env,
            )
        self.lines: queue.Queue[tuple[str, dict[str, Any]]] = queue.Queue()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self.expect("LOADED")

    def _read(self) -> None:
        assert self.process.stdout is not None
        for raw in self.process.stdout:
            tag, _, payload = raw.decode().rstrip("\n").partition(" ")
            self.lines.put((tag, json.loads(payload) if payload else {}))
        self.lines.put(("EOF", {}))

    def next(self) -> tuple[str, dict[str, Any]]:
        try:
            tag, fields = self.lines.get(timeout=PATIENCE)
        except queue.Empty:
            raise AssertionError(f"the child said nothing for {PATIENCE} s{self.log()}") from None
        if tag == "EOF":
            raise AssertionError(f"the child program ended unexpectedly{self.log()}")
        return tag, fields

    def expect(
        self, wanted: str, seen: list[tuple[str, dict[str, Any]]] | None = None
    ) -> dict[str, Any]:
        while True:
            tag, fields = self.next()
            if seen is not None:
                seen.append((tag, fields))
            if tag == wanted:
                return fields
            if tag in ("DEAD", "ERROR"):
                raise AssertionError(f"the writer failed before {wanted}: {fields}{self.log()}")

    def send(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write((line + "\n").encode())
        self.process.stdin.flush()

    def run(self, command: dict[str, Any], kill_after: str | None, delay: float) -> Cycle:
        """Start a writer, wait for ``kill_after`` (None: its start), wait ``delay``, kill it."""
        self.send(json.dumps(command))
        events: list[tuple[str, dict[str, Any]]] = []
        self.expect("PID", events)
        if kill_after is not None:
            self.expect(kill_after, events)
        time.sleep(delay)
        self.send("KILL")  # the child program sends SIGKILL to the writer it forked
        dead = self.expect("DEAD", events)
        errors = [fields for tag, fields in events if tag == "ERROR"]
        assert not errors, f"the writer failed: {errors[0]['error']}{self.log()}"
        return Cycle(command["cycle"], events, dead["signal"], dead["code"])

    def log(self) -> str:
        text = self.log_path.read_text(errors="replace")[-3000:]
        return f"\n--- child stderr ---\n{text}" if text else ""

    def close(self) -> None:
        """End the child program; closing its input also kills a writer still running."""
        assert self.process.stdin is not None
        self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def database_path(tmp_path: Path) -> Path:
    path = tmp_path / "caseplan.db"
    open_for_test(path).close()  # created and migrated before the first kill
    return path


@pytest.fixture
def writers(database_path: Path, tmp_path: Path) -> Iterator[Writers]:
    child = Writers(database_path, tmp_path / "writer-stderr.log")
    yield child
    child.close()


def _seed() -> int:
    raw = os.environ.get("CASEPLAN_CRASH_SEED")
    return int(raw) if raw else random.SystemRandom().randrange(2**32)


def _check_sqlite(database: Database) -> list[str]:
    """What SQLite finds wrong with the file: damaged pages or HMACs, dangling foreign keys."""
    with database.engine.connect() as connection:
        integrity = [row[0] for row in connection.exec_driver_sql("PRAGMA integrity_check")]
        dangling = list(connection.exec_driver_sql("PRAGMA foreign_key_check"))
        # SQLCipher's check of every page's HMAC (no rows means every page is intact).
        pages = list(connection.exec_driver_sql("PRAGMA cipher_integrity_check"))
    problems = [] if integrity == ["ok"] else [f"integrity_check: {integrity[:5]}"]
    if pages:
        problems.append(f"cipher_integrity_check: {pages[:5]}")
    if dangling:
        problems.append(f"foreign_key_check: {dangling[:5]}")
    return problems


# --- many kills during ordinary saves ------------------------------------------------------

Key = tuple[str, uuid.UUID]
Stored = tuple[int, str]  # version, value


@dataclass
class Ledger:
    """What the child acknowledged, and so what the database must still hold."""

    known: dict[Key, Stored] = field(default_factory=dict)
    acknowledged: int = 0
    unacknowledged_in_flight: int = 0
    applied_in_flight: int = 0

    def verify(self, database: Database, cycle: Cycle) -> list[str]:
        pending: dict[str, Any] | None = None
        touched: dict[Key, Stored] = {}
        for tag, fields in cycle.events:
            if tag == "TRY":
                pending = fields
            elif tag == "ACK":
                key = (fields["kind"], uuid.UUID(fields["id"]))
                touched[key] = (fields["version"], fields["value"])
                self.acknowledged += 1
                pending = None
        self.known.update(touched)
        in_flight: tuple[Key, Stored] | None = None
        if pending is not None:
            self.unacknowledged_in_flight += 1
            if pending["id"] is not None:
                key = (pending["kind"], uuid.UUID(pending["id"]))
                in_flight = (key, (pending["version"], pending["value"]))
        stored = _stored(database)
        problems: list[str] = []
        for key, expected in self.known.items():
            actual = stored.get(key)
            allowed = [expected]
            if in_flight is not None and in_flight[0] == key:
                allowed.append(in_flight[1])
            if actual is None:
                problems.append(f"acknowledged {key[0]} {key[1]} is gone")
            elif actual not in allowed:
                problems.append(f"{key[0]} {key[1]}: stored {actual!r}, acknowledged {expected!r}")
            else:
                if actual != expected:
                    self.applied_in_flight += 1
                self.known[key] = actual
        problems += _seen_through_services(database, {k: self.known[k] for k in touched})
        return problems


def _stored(database: Database) -> dict[Key, Stored]:
    with database.sessions() as session:
        rows: dict[Key, Stored] = {}
        for person in session.execute(select(Person.id, Person.version, Person.what_matters)):
            rows[("person", person.id)] = (person.version, person.what_matters)
        for plan in session.execute(select(Plan.id, Plan.version, Plan.person_id)):
            rows[("plan", plan.id)] = (plan.version, str(plan.person_id))
        for goal in session.execute(select(Goal.id, Goal.version, Goal.own_words)):
            rows[("goal", goal.id)] = (goal.version, goal.own_words)
    return rows


def _seen_through_services(database: Database, expected: dict[Key, Stored]) -> list[str]:
    """The records saved in this cycle, read the way the program shows them."""
    ctx = Context(database.sessions)
    problems = []
    for (kind, row_id), want in expected.items():
        if kind == "person":
            person = people.get_person(ctx, row_id)
            got: Stored = (person.version, person.what_matters)
        elif kind == "plan":
            plan = plans.get_plan(ctx, row_id)
            got = (plan.version, str(plan.person_id))
        else:
            goal = goals.get_goal(ctx, row_id)
            got = (goal.version, goal.own_words)
        if got != want:
            problems.append(f"{kind} {row_id} reads back as {got!r}, expected {want!r}")
    return problems


def test_sigkill_during_saves_never_loses_an_acknowledged_save(
    database_path: Path, writers: Writers
) -> None:
    seed = _seed()
    rng = random.Random(seed)
    ledger = Ledger()
    early = 0
    started = time.monotonic()

    def summary(cycles: int) -> str:
        return (
            f"crash safety: {cycles} SIGKILL cycles ({early} while opening), "
            f"{ledger.acknowledged} acknowledged saves, {len(ledger.known)} records checked, "
            f"{ledger.unacknowledged_in_flight} saves cut off "
            f"({ledger.applied_in_flight} of them committed anyway), "
            f"{database_path.stat().st_size // 1024} KiB database, "
            f"{time.monotonic() - started:.1f} s, seed {seed} (CASEPLAN_CRASH_SEED)"
        )

    for number in range(1, CYCLES + 1):
        command = {"mode": "saves", "cycle": number, "seed": rng.randrange(2**32)}
        if number > 1 and number % EARLY_KILL_EVERY == 0:
            early += 1
            cycle = writers.run(command, kill_after=None, delay=rng.uniform(0, 0.08))
        else:
            cycle = writers.run(command, kill_after="READY", delay=rng.uniform(0, MAX_DELAY))
        assert cycle.signal == signal.SIGKILL, (
            f"cycle {number}: the writer ended with {cycle.code} instead of being killed"
            f"{writers.log()}\n{summary(number)}"
        )
        try:
            database = open_for_test(database_path)
        except StorageError as error:
            pytest.fail(
                f"after kill {number} the database cannot be opened: {error!r}\n{summary(number)}"
            )
        try:
            problems = _check_sqlite(database) + ledger.verify(database, cycle)
        finally:
            database.close()
        assert not problems, (
            f"after kill {number}:\n" + "\n".join(problems[:20]) + (f"\n{summary(number)}")
        )

    print(f"\n{summary(CYCLES)}")
    assert ledger.acknowledged >= CYCLES // 2, f"the writers hardly saved: {summary(CYCLES)}"


# --- a kill in the middle of one long transaction ------------------------------------------


def _bulk_steps(database: Database, goal_id: uuid.UUID) -> int:
    with database.sessions() as session:
        count = session.execute(select(func.count()).where(Step.goal_id == goal_id))
        return int(count.scalar_one())


def test_sigkill_inside_a_transaction_of_500_steps_keeps_all_or_nothing(
    database_path: Path, writers: Writers
) -> None:
    seed = _seed()
    rng = random.Random(seed)
    size = crash_writer.BULK_STEPS
    batches: dict[uuid.UUID, tuple[bool, bool]] = {}  # goal -> (paused half way, acknowledged)
    started = time.monotonic()
    wal = database_path.with_name(database_path.name + "-wal")
    spilled: list[int] = []

    for number in range(1, BULK_CYCLES + 1):
        pause = number % 2 == 1
        command = {"mode": "bulk", "cycle": number, "pause": pause}
        if pause:  # killed for certain while the transaction is open, half written
            cycle = writers.run(command, kill_after="MID", delay=0)
        elif number % 4 == 0:  # killed as soon as the commit was acknowledged
            cycle = writers.run(command, kill_after="ACK", delay=0)
        else:  # killed at a random moment: before, during or after the commit
            cycle = writers.run(command, kill_after="READY", delay=rng.uniform(0, 0.5))
        assert cycle.signal == signal.SIGKILL, f"bulk cycle {number} ended by itself{writers.log()}"
        if pause:  # the uncommitted half reached the file: recovery must ignore it
            spilled.append(wal.stat().st_size if wal.exists() else 0)
        ready = next(fields for tag, fields in cycle.events if tag == "READY")
        acked = any(tag == "ACK" for tag, _ in cycle.events)
        batches[uuid.UUID(ready["goal"])] = (pause, acked)
        database = open_for_test(database_path)
        try:
            problems = _check_sqlite(database)
            for goal_id, (paused, acknowledged) in batches.items():
                steps = _bulk_steps(database, goal_id)
                allowed = {0} if paused else {size} if acknowledged else {0, size}
                if steps not in allowed:
                    problems.append(f"batch {goal_id}: {steps} of {size} steps, allowed {allowed}")
        finally:
            database.close()
        assert not problems, f"after bulk kill {number} (seed {seed}):\n" + "\n".join(problems)

    assert min(spilled) > 128 * 1024, (
        f"the half-written batches did not reach the WAL file ({spilled} bytes), so the kills "
        "did not test that uncommitted pages on disk are ignored"
    )
    committed = sum(1 for _, acknowledged in batches.values() if acknowledged)
    print(
        f"\nall-or-nothing: {BULK_CYCLES} kills inside {size}-step transactions "
        f"({len(spilled)} half way for certain, {committed} acknowledged), "
        f"WAL at the half-way kills {[size // 1024 for size in spilled]} KiB, "
        f"{time.monotonic() - started:.1f} s, seed {seed}"
    )
