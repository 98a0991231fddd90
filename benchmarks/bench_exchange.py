"""How fast a person's JSON (``caseplan.person/1``) is exported, checked and imported.

Run: ``.venv/bin/python benchmarks/bench_exchange.py [--people 1000] [--repeat 5]``.
Prints numbers; never part of the pass/fail suite. All people are fictional.

Two cases: one very large person (three plans, 1,500 steps, 6,000 ratings, 20 agreed
versions; several MB of JSON), and a demo clinic of ``--people`` people exported one by one
and imported into an empty database. "check" is reading and checking the file alone
(``read_document``); "import" and "export" go through the services with the encrypted
database, access check and audit, as ``caseplan import``/``export`` do.
"""

from __future__ import annotations

import argparse
import json
import secrets
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from caseplan.demo.generator import create_demo
from caseplan.services.context import SYSTEM, Context
from caseplan.services.exchange import exchange
from caseplan.services.people import people
from caseplan.storage.database import Database, open_database
from caseplan.storage.location import resolve

TEXT = "Å ha et trygt sted å bo, og at dattera mi får være stolt av meg – Máret 🙂. "


def _id() -> str:
    return str(uuid.uuid4())


def _day(n: int) -> str:
    return (date(2024, 1, 1) + timedelta(days=n)).isoformat()


def _plan(status: str, start: int, goals: int, steps: int, versions: int) -> dict[str, Any]:
    team = [
        {
            "id": _id(),
            "role": role,
            "name": f"Deltaker {n} Ødegård",
            "organisation": "Tromsø kommune",
            "phone": "+47 912 34 567",
            "email": "",
            "offers": "",
            "availability": "",
            "peer_engagement": "paid" if role == "peer" else "none",
            "consent": {"granted_on": _day(start), "expires_on": None, "scope": "full_plan"},
        }
        for n, role in enumerate(["person", "coordinator", "peer", "practitioner"] * 3)
    ]
    ids = [p["id"] for p in team]
    peers = [p["id"] for p in team if p["role"] == "peer"]
    goal_list = [
        {
            "id": _id(),
            "domain": "housing",
            "own_words": (TEXT * 8)[:600],
            "worker_note": (TEXT * 20)[:1500],
            "status": "active",
            "target_date": _day(start + 300),
            "priority": 1 + g % 3,
            "steps": [
                {
                    "id": _id(),
                    "action": f"Steg {s}: {TEXT}",
                    "responsible": ids[s % len(ids)],
                    "due": _day(start + s),
                    "status": "planned",
                    "worker_note": "",
                }
                for s in range(steps)
            ],
        }
        for g in range(goals)
    ]
    goal_ids = [g["id"] for g in goal_list]
    return {
        "id": _id(),
        "status": status,
        "period_start": _day(start),
        "period_end": None if status != "closed" else _day(start + 360),
        "next_review": _day(start + 90),
        "peer_consent_granted_on": _day(start),
        "peer_consent_expires_on": None,
        "coordinator": ids[1],
        "created_at": "2024-01-15T09:30:12.345678+00:00",
        "participants": team,
        "goals": goal_list,
        "peer_contributions": [
            {
                "id": _id(),
                "peer": peers[c % len(peers)],
                "date": _day(start + c),
                "minutes": 60,
                "kind": "meeting",
                "note": TEXT,
                "paid_minutes": 30,
                "created_at": "2024-01-15T09:30:12+00:00",
            }
            for c in range(200 if status != "closed" else 20)
        ],
        "meetings": [
            {
                "id": _id(),
                "date": _day(start + m),
                "attendees": ids[:4],
                "shared_notes": TEXT * 4,
                "worker_note": "",
                "agreed": m == 0,
            }
            for m in range(100 if status != "closed" else 10)
        ],
        "reviews": [
            {
                "id": _id(),
                "date": _day(start + r * 7),
                "ratings": [
                    {"goal": goal, "by": by, "score": 5} for goal in goal_ids for by in ids[:2]
                ],
                "what_helped": TEXT,
                "what_got_in_the_way": TEXT,
                "next_review": None,
            }
            for r in range(50 if status != "closed" else 2)
        ],
        "crisis_plan": {
            "id": _id(),
            **{
                name: TEXT * 3
                for name in (
                    "warning_signs",
                    "triggers",
                    "what_i_do",
                    "what_others_do",
                    "what_does_not_help",
                    "treatment_wanted",
                    "treatment_not_wanted",
                )
            },
            "contacts": [
                {"id": _id(), "name": f"Kontakt {c}", "role": "Søster", "phone": "+47 1"}
                for c in range(10)
            ],
        },
        "versions": [
            {
                "id": _id(),
                "number": v + 1,
                "agreed_on": _day(start + v),
                "agreed_by": ids[:2],
                "snapshot": {
                    "goals": [{"own_words": g["own_words"], "steps": 3} for g in goal_list],
                    "about": {"what_matters": TEXT},
                },
                "created_at": "2024-01-15T09:30:12+00:00",
            }
            for v in range(versions)
        ],
    }


def large_document() -> bytes:
    doc = {
        "format": "caseplan.person/1",
        "person": {
            "id": _id(),
            "full_name": "Áilu Ŋuvvon Sárá",
            "preferred_name": "Áilu",
            "date_of_birth": "1987-03-14",
            "preferred_language": "nb",
            "about_me": {
                "what_matters": TEXT * 100,
                "strengths": TEXT * 50,
                "what_helps": TEXT,
                "what_does_not_help": TEXT,
                "how_i_want_to_be_met": TEXT,
            },
            "created_at": "2024-01-15T09:30:12+00:00",
        },
        "plans": [
            _plan("closed", 0, 10, 5, 2),
            _plan("closed", 400, 10, 5, 2),
            _plan("agreed", 800, 60, 25, 20),
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")


def _database(folder: Path, name: str) -> Database:
    return open_database(resolve(str(folder / name)), key=secrets.token_bytes(32))


def _best(repeat: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def bench_large(folder: Path, repeat: int) -> None:
    data = large_document()
    print(f"large person: {len(data) / 1e6:.1f} MB of JSON")
    check = _best(repeat, lambda: exchange.read_document(data))
    print(f"  check (read_document)  {check * 1000:8.0f} ms")
    imports, exports = [], []
    exported = b""
    for n in range(repeat):
        database = _database(folder, f"large-{n}.db")
        ctx = Context(database.sessions, actor=SYSTEM)
        start = time.perf_counter()
        person_id = exchange.import_person(ctx, data)
        imports.append(time.perf_counter() - start)
        start = time.perf_counter()
        exported = exchange.export_person(ctx, person_id)
        exports.append(time.perf_counter() - start)
        database.close()
    print(f"  import                 {min(imports) * 1000:8.0f} ms")
    print(f"  export                 {min(exports) * 1000:8.0f} ms")
    assert json.loads(exported) == json.loads(data)


def bench_many(folder: Path, count: int) -> None:
    source = _database(folder, "many.db")
    ctx = Context(source.sessions, actor=SYSTEM)
    create_demo(ctx, count, seed=7)
    ids = [p.id for p in people.list_people(ctx, limit=count)]
    start = time.perf_counter()
    files = [exchange.export_person(ctx, person_id) for person_id in ids]
    export = time.perf_counter() - start
    size = sum(len(f) for f in files)
    start = time.perf_counter()
    for data in files:
        exchange.read_document(data)
    check = time.perf_counter() - start
    target = _database(folder, "many-target.db")
    other = Context(target.sessions, actor=SYSTEM)
    start = time.perf_counter()
    for data in files:
        exchange.import_person(other, data)
    imported = time.perf_counter() - start
    print(f"{len(files)} demo people: {size / 1e6:.1f} MB of JSON")
    for what, seconds in (("export", export), ("check", check), ("import", imported)):
        each = seconds / len(files) * 1000
        print(f"  {what} all {seconds:15.2f} s  ({each:.1f} ms each)")
    source.close()
    target.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        bench_large(Path(folder), args.repeat)
        bench_many(Path(folder), args.people)


if __name__ == "__main__":
    main()
