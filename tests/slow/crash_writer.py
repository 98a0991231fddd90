"""The child program of the crash-safety tests: it saves through the real services until killed.

Started as ``python crash_writer.py serve DB_PATH``. It imports Caseplan once, prints
``LOADED`` and then reads one JSON command per line from stdin. For each command it forks a
fresh writer process (so a kill cycle does not pay for importing SQLAlchemy and Alembic
again) and reports ``PID``; on the next input line (``KILL``) it sends the writer SIGKILL
and reports ``DEAD`` with how it ended. The writer opens the database itself, after the
fork, through :func:`open_for_test`; a writer that fails prints ``ERROR``.

Every line on stdout is ``TAG {json}``, written with one ``os.write`` of at most
``PIPE_BUF`` bytes so the lines of the server and of its writer never mix. A writer prints
``TRY`` before a save and ``ACK`` only after the service call has returned, that is after
the transaction committed: an ``ACK`` is the promise the tests hold the database to.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import time
import traceback
import uuid
from pathlib import Path
from typing import Any, NoReturn

from sqlalchemy.orm import configure_mappers

from caseplan.models import LifeDomain, Step
from caseplan.services.context import Context
from caseplan.services.people import people
from caseplan.services.plans import goals, plans
from caseplan.storage.database import Database, open_database
from caseplan.storage.location import resolve

#: The raw 256-bit database key of the crash tests' database (test data, not a secret).
TEST_KEY = bytes(range(1, 33))
#: A writer that is never killed gives up after this long, so nothing is left behind.
WRITER_LIFETIME = 60.0
#: Steps written in one transaction by the bulk writer.
BULK_STEPS = 500
#: POSIX guarantees that pipe writes up to this size are never interleaved.
PIPE_BUF = 4096
DOMAINS = tuple(LifeDomain)
WORDS = ("bolig", "jobb", "søvn", "venner", "trening", "økonomi", "familie", "ro", "kafé")


def open_for_test(path: Path) -> Database:
    """Open the database the way the program does; the only place the crash tests open it.

    The embedded database is encrypted (SQLCipher); the tests use one fixed raw key.
    """
    return open_database(resolve(str(path)), key=TEST_KEY)


def emit(tag: str, **fields: Any) -> None:
    data = (tag + " " + json.dumps(fields, ensure_ascii=False, sort_keys=True) + "\n").encode()
    if len(data) > PIPE_BUF:
        raise ValueError(f"line too long for one atomic pipe write: {len(data)} bytes")
    while data:
        data = data[os.write(1, data) :]


# --- the save writer -----------------------------------------------------------------------


class SaveWriter:
    """Random saves (new and changed people, plans, goals) on what is already stored."""

    def __init__(self, ctx: Context, cycle: int, rng: random.Random) -> None:
        self.ctx = ctx
        self.cycle = cycle
        self.rng = rng
        self.count = 0
        self.people: list[uuid.UUID] = [p.id for p in people.list_people(ctx)]
        self.plans: list[uuid.UUID] = []
        self.goals: list[uuid.UUID] = []
        for person_id in rng.sample(self.people, min(15, len(self.people))):
            plan = plans.get_open_plan(ctx, person_id)
            if plan is not None:
                self.plans.append(plan.id)
                self.goals.extend(goal.id for goal in goals.list_goals(ctx, plan.id))

    def value(self) -> str:
        """A new text that no earlier save used, sometimes long or on several lines."""
        self.count += 1
        text = f"c{self.cycle}-s{self.count} {self.rng.choice(WORDS)}"
        shape = self.rng.randrange(4)
        if shape == 1:
            text += "\n" + "æøå ÆØÅ " * self.rng.randint(1, 40)
        elif shape == 2:
            text += " " + "x" * self.rng.randint(100, 1200)
        return text

    def save_once(self) -> None:
        choice = self.rng.random()
        if choice < 0.15 or not self.people:
            self.create_person()
        elif choice < 0.45:
            self.update_person(self.rng.choice(self.people))
        elif choice < 0.55:
            self.open_plan(self.rng.choice(self.people))
        elif choice < 0.75 and self.plans:
            self.add_goal(self.rng.choice(self.plans))
        elif self.goals:
            self.update_goal(self.rng.choice(self.goals))
        else:
            self.create_person()

    def create_person(self) -> None:
        value = self.value()
        emit("TRY", op="create", kind="person", id=None, version=1, value=value)
        person = people.create_person(
            self.ctx, f"Crash Test {self.cycle}-{self.count}", what_matters=value
        )
        emit("ACK", kind="person", id=str(person.id), version=person.version, value=value)
        self.people.append(person.id)

    def update_person(self, person_id: uuid.UUID) -> None:
        before = people.get_person(self.ctx, person_id)
        value = self.value()
        emit(
            "TRY",
            op="update",
            kind="person",
            id=str(person_id),
            version=before.version + 1,
            value=value,
        )
        person = people.update_person(self.ctx, person_id, before.version, what_matters=value)
        emit(
            "ACK",
            kind="person",
            id=str(person.id),
            version=person.version,
            value=person.what_matters,
        )

    def open_plan(self, person_id: uuid.UUID) -> None:
        existing = plans.get_open_plan(self.ctx, person_id)
        if existing is not None:
            if existing.id not in self.plans:
                self.plans.append(existing.id)
            return
        emit("TRY", op="create", kind="plan", id=None, version=1, value=str(person_id))
        plan = plans.open_plan(self.ctx, person_id)
        emit("ACK", kind="plan", id=str(plan.id), version=plan.version, value=str(plan.person_id))
        self.plans.append(plan.id)

    def add_goal(self, plan_id: uuid.UUID) -> None:
        value = self.value()
        emit("TRY", op="create", kind="goal", id=None, version=1, value=value)
        goal = goals.add_goal(self.ctx, plan_id, self.rng.choice(DOMAINS), value)
        emit("ACK", kind="goal", id=str(goal.id), version=goal.version, value=goal.own_words)
        self.goals.append(goal.id)

    def update_goal(self, goal_id: uuid.UUID) -> None:
        before = goals.get_goal(self.ctx, goal_id)
        value = self.value()
        emit(
            "TRY",
            op="update",
            kind="goal",
            id=str(goal_id),
            version=before.version + 1,
            value=value,
        )
        goal = goals.update_goal(self.ctx, goal_id, before.version, own_words=value)
        emit("ACK", kind="goal", id=str(goal.id), version=goal.version, value=goal.own_words)


def run_saves(path: Path, cycle: int, seed: int) -> None:
    ctx = Context(open_for_test(path).sessions)
    writer = SaveWriter(ctx, cycle, random.Random(seed))
    emit("READY", cycle=cycle, people=len(writer.people))
    deadline = time.monotonic() + WRITER_LIFETIME
    while time.monotonic() < deadline:
        writer.save_once()


# --- the bulk writer -----------------------------------------------------------------------


def run_bulk(path: Path, cycle: int, pause: bool) -> None:
    """One transaction of :data:`BULK_STEPS` steps; with ``pause`` it stops half way, open."""
    ctx = Context(open_for_test(path).sessions)
    person = people.create_person(ctx, f"Bulk Test {cycle}")
    plan = plans.open_plan(ctx, person.id)
    goal = goals.add_goal(ctx, plan.id, LifeDomain.DAILY_LIVING, f"bulk {cycle}")
    emit("READY", cycle=cycle, goal=str(goal.id))
    note = "notat æøå " * 100
    with ctx.write() as session:
        # A small page cache, so the uncommitted half of the batch spills into the WAL file.
        session.connection().exec_driver_sql("PRAGMA cache_size = 16")
        for index in range(BULK_STEPS):
            session.add(
                Step(
                    goal_id=goal.id,
                    action=f"bulk {cycle} step {index}",
                    worker_note=note,
                    position=index,
                )
            )
            if index % 10 == 9:
                session.flush()
            if index == BULK_STEPS // 2 - 1:
                emit("MID", cycle=cycle, goal=str(goal.id), flushed=index + 1)
                if pause:
                    time.sleep(WRITER_LIFETIME)
                    raise SystemExit("the paused bulk writer was not killed")
    emit("ACK", kind="bulk", id=str(goal.id), steps=BULK_STEPS)
    time.sleep(WRITER_LIFETIME)


# --- the server ----------------------------------------------------------------------------


def run_writer(path: Path, command: dict[str, Any]) -> None:
    if command["mode"] == "saves":
        run_saves(path, command["cycle"], command["seed"])
    elif command["mode"] == "bulk":
        run_bulk(path, command["cycle"], command["pause"])
    else:
        raise ValueError(f"unknown mode {command['mode']!r}")


def serve(path: Path) -> None:
    """Fork a writer per command; kill it (SIGKILL) when the next line (``KILL``) arrives.

    The server kills its own child before reaping it, so the process id cannot have been
    given to another process in the meantime.
    """
    configure_mappers()  # once here, not in every writer
    emit("LOADED")
    while line := sys.stdin.readline():
        command = json.loads(line)
        pid = os.fork()
        if pid == 0:
            _writer_process(path, command)
        emit("PID", cycle=command["cycle"], pid=pid)
        sys.stdin.readline()  # "KILL", or the end of input if the tests stopped
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        emit(
            "DEAD",
            cycle=command["cycle"],
            pid=pid,
            signal=os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
            code=os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
        )


def _writer_process(path: Path, command: dict[str, Any]) -> NoReturn:
    code = 0
    try:
        run_writer(path, command)
    except BaseException:
        traceback.print_exc()
        emit("ERROR", error=traceback.format_exc()[-700:])
        code = 70
    finally:
        sys.stderr.flush()
        os._exit(code)


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] != "serve":
        sys.exit("usage: crash_writer.py serve DB_PATH")
    serve(Path(sys.argv[2]))
