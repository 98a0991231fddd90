"""Many programs on one database: no error reaches a person, no edit silently overwrites another.

Four writers edit the same dozen goals (each edit on top of the version it read, as
autosave does; someone faster makes it a conflict the person sees) and add steps, while
eight readers list people and read goals, each in its own process (``contention_worker.py``),
for ``CASEPLAN_CONTENTION_SECONDS`` (default 30) on SQLite and on PostgreSQL. Then: no
worker met an error, no two acknowledged edits of a goal came from the same version, every
goal holds its last acknowledged words, and step positions are still unique. A backup taken
while a writer saves as fast as it can must succeed and read back whole.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from caseplan.demo.generator import create_demo
from caseplan.models import Step
from caseplan.services.context import Context
from caseplan.services.people.people import list_people
from caseplan.services.plans import goals, plans
from caseplan.storage.backup import backup_database, read_every_row
from caseplan.storage.database import Database
from caseplan.storage.location import Location
from tests.support import TEST_KEY

#: Under pytest-xdist these run one after another in one worker (``--dist loadgroup``):
#: twelve busy programs per test are load enough for two cores.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("contention")]

WORKER = Path(__file__).with_name("contention_worker.py")
REPO_ROOT = Path(__file__).resolve().parents[2]
SECONDS = float(os.environ.get("CASEPLAN_CONTENTION_SECONDS", "30"))


def _start(role: str, location: Location, seconds: float, seed: int, extra: Path) -> Any:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    key = TEST_KEY.hex() if location.is_sqlite else "-"
    where = location.url.render_as_string(hide_password=False) if location.path is None else ""
    db = where or str(location.path)
    return subprocess.Popen(
        [sys.executable, str(WORKER), role, db, key, str(seconds), str(seed), str(extra)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _finish(process: Any) -> dict[str, Any]:
    out, err = process.communicate(timeout=SECONDS + 300)
    assert process.returncode == 0, err.decode(errors="replace")[-2000:]
    return dict(json.loads(out.decode().strip().splitlines()[-1]))


def _shared_goals(ctx: Context, folder: Path) -> tuple[list[uuid.UUID], Path]:
    create_demo(ctx, 12, seed=5)
    goal_ids: list[uuid.UUID] = []
    for person in list_people(ctx):
        plan = plans.get_open_plan(ctx, person.id)
        if plan is not None:
            goal_ids += [g.id for g in goals.list_goals(ctx, plan.id)]
    shared = goal_ids[:12]
    listing = folder / "goals.txt"
    listing.write_text("\n".join(map(str, shared)))
    return shared, listing


def test_four_writers_and_eight_readers_share_one_database(
    location: Location, db: Database, tmp_path: Path
) -> None:
    ctx = Context(db.sessions)
    shared, listing = _shared_goals(ctx, tmp_path)
    before = {g: goals.get_goal(ctx, g).version for g in shared}

    workers = [_start("writer", location, SECONDS, 10 + n, listing) for n in range(4)]
    workers += [_start("reader", location, SECONDS, 20 + n, listing) for n in range(8)]
    results = [_finish(w) for w in workers]

    errors = [e for r in results for e in r["errors"]]
    common = Counter(errors).most_common(3)
    assert errors == [], f"{len(errors)} errors reached the caller: {common}"
    acks: dict[uuid.UUID, list[tuple[int, str]]] = defaultdict(list)
    for result in results:
        for goal, version, words in result.get("acks", []):
            acks[uuid.UUID(goal)].append((version, words))
    edits = sum(len(a) for a in acks.values())
    reads = sum(r.get("reads", 0) for r in results)
    conflicts = sum(r.get("conflicts", 0) for r in results)
    assert edits > 0 and reads > 0
    for goal, made in acks.items():
        versions = sorted(v for v, _ in made)
        assert len(versions) == len(set(versions)), f"goal {goal}: two edits from one version"
        stored = goals.get_goal(ctx, goal)
        assert (stored.version, stored.own_words) == max(made), f"goal {goal} lost its last edit"
        assert versions == list(range(before[goal] + 1, stored.version + 1))
    with db.sessions() as session:
        doubled = session.execute(
            select(Step.goal_id, Step.position)
            .group_by(Step.goal_id, Step.position)
            .having(func.count() > 1)
        ).all()
    assert doubled == [], "two steps of a goal share a position"
    print(
        f"\n{location.url.get_backend_name()}: {edits} edits, {reads} reads, {conflicts} "
        f"conflicts shown, {sum(r.get('steps', 0) for r in results)} steps added, 0 errors"
    )


def test_a_backup_succeeds_while_a_writer_saves_as_fast_as_it_can(
    sqlite_db: Database, tmp_path: Path
) -> None:
    ctx = Context(sqlite_db.sessions)
    _shared, listing = _shared_goals(ctx, tmp_path)
    path = sqlite_db.location.path
    assert path is not None
    writer = _start("writer", sqlite_db.location, 600, 3, listing)
    try:
        made = [
            backup_database(path, TEST_KEY, tmp_path / "backups" / f"b{n}.db") for n in range(5)
        ]
    finally:
        writer.kill()
        writer.wait()
    for backup in made:
        assert read_every_row(backup, TEST_KEY) > 0
