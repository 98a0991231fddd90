"""One writer or reader of the contention tests, run as its own process on a shared database.

    python contention_worker.py writer|reader|backup DB KEY_HEX SECONDS SEED EXTRA [PACE]

EXTRA is the file with the shared goals' ids (the backup folder for ``backup``); PACE is
how many edits a writer makes per second (default: as many as it can).

A *writer* edits goals everyone shares, each edit on top of the version it just read (as
autosave does), and now and then adds a step; it reports every acknowledged edit (goal,
new version, words), every conflict (someone else was faster: the person is shown both
versions) and every other error, which would reach the person. A *reader* lists people and
reads plans and goals. A *backup* worker backs the database up again and again. At the end
each prints one JSON line on stdout. Only public services are used, so the same program
measures older versions of Caseplan too (``benchmarks/bench_contention.py``).
"""

from __future__ import annotations

import json
import random
import sys
import time
import uuid
from pathlib import Path
from typing import Any

from caseplan.errors import Conflict
from caseplan.services.context import Context

try:  # services by area (since the services were grouped in packages)
    from caseplan.services.people import people
    from caseplan.services.plans import goals
except ImportError:  # older Caseplan, measured by benchmarks/bench_contention.py
    from caseplan.services import goals, people  # type: ignore[no-redef]
from caseplan.storage.database import open_database
from caseplan.storage.location import resolve


def _error(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}".splitlines()[0][:200]


def writer(
    ctx: Context, goal_ids: list[uuid.UUID], until: float, rng: random.Random, pace: float = 0
) -> Any:
    acks: list[tuple[str, int, str]] = []
    conflicts = 0
    errors: list[str] = []
    steps = 0
    name = f"w{rng.randrange(10**6)}"
    while time.monotonic() < until:
        if pace:
            time.sleep(1 / pace)
        goal_id = rng.choice(goal_ids)
        try:
            if rng.random() < 0.1:
                goals.add_step(ctx, goal_id, f"{name} step {steps}")
                steps += 1
                continue
            seen = goals.get_goal(ctx, goal_id)
            words = f"{name}-{len(acks)}-{rng.randrange(10**6)}"
            stored = goals.update_goal(ctx, goal_id, seen.version, own_words=words)
            acks.append((str(goal_id), stored.version, words))
        except Conflict:
            conflicts += 1
        except Exception as error:
            errors.append(_error(error))
    return {"acks": acks, "conflicts": conflicts, "errors": errors, "steps": steps}


def reader(ctx: Context, goal_ids: list[uuid.UUID], until: float, rng: random.Random) -> Any:
    reads = 0
    errors: list[str] = []
    while time.monotonic() < until:
        try:
            people.list_people(ctx)
            goals.get_goal(ctx, rng.choice(goal_ids))
            reads += 1
        except Exception as error:
            errors.append(_error(error))
    return {"reads": reads, "errors": errors}


def backups(path: Path, key: bytes, until: float, folder: Path) -> Any:
    from caseplan.storage.backup import backup_database

    made = 0
    errors: list[str] = []
    while time.monotonic() < until:
        try:
            backup_database(path, key, folder / f"backup-{made + len(errors)}.db")
            made += 1
        except Exception as error:
            errors.append(_error(error))
    return {"backups": made, "errors": errors}


def main(argv: list[str]) -> int:
    role, db, key_hex, seconds, seed = argv[:5]
    key = bytes.fromhex(key_hex) if key_hex != "-" else None
    until = time.monotonic() + float(seconds)
    rng = random.Random(int(seed))
    location = resolve(db)
    if role == "backup":
        assert location.path is not None and key is not None
        result = backups(location.path, key, until, Path(argv[5]))
    else:
        goal_ids = [uuid.UUID(line) for line in Path(argv[5]).read_text().split()]
        database = open_database(location, key=key, create=False)
        try:
            ctx = Context(database.sessions)
            if role == "writer":
                pace = float(argv[6]) if len(argv) > 6 else 0.0
                result = writer(ctx, goal_ids, until, rng, pace)
            else:
                result = reader(ctx, goal_ids, until, rng)
        finally:
            database.close()
    sys.stdout.write(json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
