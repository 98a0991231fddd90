"""Contention benchmark: how many errors reach people when several programs share one database.

Makes a demo clinic (encrypted SQLite, the real key derivation) with fictional people and
counts, on the code found on ``PYTHONPATH`` (so an older checkout can be measured the same
way, e.g. ``PYTHONPATH=/tmp/old-caseplan``):

A. ``caseplan people`` run 20 times at once, nobody writing: runs that failed;
B. the same while one program saves about ten times a second: runs that failed;
C. backups (``caseplan backup``) while one program saves about ten times a second;
D. 4 writers and 8 readers on the one database for ``--seconds`` (tests/slow's
   ``contention_worker.py``): errors that reached the caller, conflicts (the person is
   shown both versions: not an error) and silent overwrites (two acknowledged edits
   of the same goal from the same version).

Not part of the test suite. ``--postgres URL`` runs part D on a new database on that server.

    .venv/bin/python benchmarks/bench_contention.py [--seconds 30] [--people 40]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
WORKER = ROOT / "tests" / "slow" / "contention_worker.py"


def _env(workdir: Path) -> dict[str, str]:
    env = dict(os.environ, CASEPLAN_ACCOUNT="lead", CASEPLAN_PASSWORD="demo")
    env.setdefault("PYTHONPATH", str(ROOT))
    env["HOME"] = str(workdir)
    return env


def _cli(workdir: Path, *argv: str) -> subprocess.Popen[bytes]:
    code = "import sys; from caseplan.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.Popen(
        [sys.executable, "-c", code, *argv],
        env=_env(workdir),
        cwd=workdir,  # not the checkout: `python -c` would import it before PYTHONPATH
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _failed(process: subprocess.Popen[bytes]) -> tuple[bool, str]:
    _out, err = process.communicate()
    lines = err.decode(errors="replace").strip().splitlines()
    said = [line for line in lines if "Error" in line or line.startswith("caseplan:")]
    return process.returncode != 0, (said or lines or [""])[-1][:160]


def _worker(
    workdir: Path, role: str, db: str, key: str, seconds: float, seed: int, extra: str, pace=0
) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, str(WORKER), role, db, key, str(seconds), str(seed), extra, str(pace)],
        env=_env(workdir),
        cwd=workdir,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _result(process: subprocess.Popen[bytes]) -> dict[str, Any]:
    out, err = process.communicate()
    if process.returncode != 0:
        tail = err.decode(errors="replace").strip().splitlines()[-1:]
        return {"errors": [f"worker ended with {process.returncode}: {tail}"]}
    return dict(json.loads(out.decode().strip().splitlines()[-1]))


def _services() -> Any:
    """The services this benchmark uses, wherever this version of Caseplan keeps them."""
    try:
        from caseplan.demo.clinic import create_demo_clinic
        from caseplan.services.people.people import list_people
        from caseplan.services.plans import goals, plans
    except ImportError:  # before the services were grouped in packages
        from caseplan.services import goals, plans  # type: ignore[no-redef]
        from caseplan.services.clinic import create_demo_clinic  # type: ignore[no-redef]
        from caseplan.services.people import list_people  # type: ignore[no-redef]
    from caseplan.services.context import Context

    return create_demo_clinic, list_people, goals, plans, Context


def _demo(location: Any, people: int, ids: Path) -> bytes | None:
    """A demo clinic at ``location``; the ids of a dozen of its goals go to ``ids``."""
    create_demo_clinic, list_people, goals, plans, context = _services()
    clinic = create_demo_clinic(location, people, seed=7)
    ctx = context(clinic.database.sessions)
    goal_ids: list[uuid.UUID] = []
    for person in list_people(ctx):
        plan = plans.get_open_plan(ctx, person.id)
        if plan is not None:
            goal_ids += [g.id for g in goals.list_goals(ctx, plan.id)]
    key: bytes | None = clinic.key
    clinic.close()
    ids.write_text("\n".join(str(g) for g in goal_ids[:12]))
    return key


def _setup(workdir: Path, people: int) -> tuple[Path, bytes, Path]:
    from caseplan.storage.location import resolve

    os.environ["HOME"] = str(workdir)
    path = workdir / "caseplan.db"
    ids = workdir / "goals.txt"
    key = _demo(resolve(str(path)), people, ids)
    assert key is not None
    return path, key, ids


def part_cli(workdir: Path, path: Path, key: bytes, ids: Path, writer: bool) -> str:
    saver = (
        _worker(workdir, "writer", str(path), key.hex(), 60, 1, str(ids), 10) if writer else None
    )
    time.sleep(1.0 if writer else 0)
    runs = [_cli(workdir, "people", "--db", str(path)) for _ in range(20)]
    outcomes = [_failed(run) for run in runs]
    if saver is not None:
        saver.kill()
        saver.wait()
    failed = [why for bad, why in outcomes if bad]
    reasons = sorted(set(failed))[:3]
    return f"{len(failed)} of {len(runs)} failed" + (f" ({reasons})" if reasons else "")


def part_backup(workdir: Path, path: Path, key: bytes, ids: Path, count: int) -> str:
    saver = _worker(workdir, "writer", str(path), key.hex(), 600, 2, str(ids), 10)
    time.sleep(1.0)
    failed: list[str] = []
    for n in range(count):
        out = workdir / f"cli-backup-{n}.db"
        bad, why = _failed(_cli(workdir, "backup", "--db", str(path), "--out", str(out)))
        if bad:
            failed.append(why)
    saver.kill()
    saver.wait()
    reasons = sorted(set(failed))[:3]
    return f"{len(failed)} of {count} failed" + (f" ({reasons})" if reasons else "")


def part_stress(workdir: Path, db: str, key: str, ids: Path, seconds: float) -> str:
    workers = [_worker(workdir, "writer", db, key, seconds, 10 + n, str(ids)) for n in range(4)]
    workers += [_worker(workdir, "reader", db, key, seconds, 20 + n, str(ids)) for n in range(8)]
    results = [_result(w) for w in workers]
    errors = [e for r in results for e in r.get("errors", [])]
    acks = [tuple(a) for r in results for a in r.get("acks", [])]
    by_version: dict[tuple[str, int], int] = defaultdict(int)
    for goal, version, _words in acks:
        by_version[(goal, version)] += 1
    overwrites = sum(n - 1 for n in by_version.values() if n > 1)
    conflicts = sum(r.get("conflicts", 0) for r in results)
    reads = sum(r.get("reads", 0) for r in results)
    reasons = sorted({e.split(":")[0] + ":" + e.split(":")[1][:60] for e in errors if ":" in e})
    return (
        f"{len(acks)} edits acknowledged, {reads} reads, {conflicts} conflicts shown, "
        f"{len(errors)} errors reached the caller {reasons[:3]}, {overwrites} silent overwrites"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--people", type=int, default=40)
    parser.add_argument("--backups", type=int, default=20)
    parser.add_argument("--postgres", metavar="URL", help="also run part D on this server")
    args = parser.parse_args()
    code = os.environ.get("PYTHONPATH", str(ROOT))
    print(f"code under test: {code}")
    with tempfile.TemporaryDirectory(prefix="caseplan-contention-") as scratch:
        workdir = Path(scratch)
        path, key, ids = _setup(workdir, args.people)
        print("A. 20 x `caseplan people` at once, nobody writing:", end=" ", flush=True)
        print(part_cli(workdir, path, key, ids, writer=False))
        print("B. 20 x `caseplan people` at once, one program saving:", end=" ", flush=True)
        print(part_cli(workdir, path, key, ids, writer=True))
        print(f"C. {args.backups} backups, one program saving:", end=" ", flush=True)
        print(part_backup(workdir, path, key, ids, args.backups))
        print(f"D. 4 writers + 8 readers, {args.seconds:g} s, SQLite:", end=" ", flush=True)
        print(part_stress(workdir, str(path), key.hex(), ids, args.seconds))
        if args.postgres:
            print(f"D. 4 writers + 8 readers, {args.seconds:g} s, PostgreSQL:", end=" ", flush=True)
            print(_postgres_stress(workdir, args))
    return 0


def _postgres_stress(workdir: Path, args: argparse.Namespace) -> str:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from caseplan.storage.location import resolve

    name = f"caseplan_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(args.postgres, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name}"))
    url = make_url(args.postgres).set(database=name).render_as_string(hide_password=False)
    try:
        ids = workdir / "pg-goals.txt"
        _demo(resolve(url), args.people, ids)
        return part_stress(workdir, url, "-", ids, args.seconds)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


if __name__ == "__main__":
    sys.exit(main())
