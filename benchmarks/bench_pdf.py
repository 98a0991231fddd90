"""How fast the shared plan prints: ms per plan, and seconds for a batch of 1,000 plans.

Run: ``.venv/bin/python benchmarks/bench_pdf.py [--people 1000] [--workers 2] [--keep DIR]``.
Prints numbers; never part of the pass/fail suite. All people are fictional.

The first part measures the renderer alone on a made-up typical document; the second goes
through the print service on a demo database, as ``caseplan pdf`` and ``caseplan print-due``
do: access check, reading the person from the encrypted database, rendering, audit.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from caseplan.demo import clinic as demo_clinic
from caseplan.reports.shared_plan import PlanOptions, render_many, render_shared_plan
from caseplan.services.clinic import unlock

FIRST = ["Ása", "Åse", "Ánde", "Máret", "Ola", "Kari", "Siobhan", "Đenis", "Nils", "Ingrid"]
LAST = ["Gaup", "Ødegård", "Čoavddáš", "Nilsen", "O'Neill", "Šimić", "Berg", "Eira", "Haugen"]
DOMAINS = [
    "housing",
    "physical_health",
    "mental_health",
    "substance_use",
    "work_and_activity",
    "social_network",
    "daily_living",
]


def typical_document(seed: int) -> dict[str, Any]:
    """A demo person as a clinic would have: four goals with three steps each, a team of five."""
    rng = random.Random(seed)
    start = date(2026, 3, 1) + timedelta(days=rng.randrange(200))
    ids = [f"p{seed}-{n}" for n in range(5)]
    roles = ["person", "coordinator", "peer", "service", "network"]
    participants = [
        {
            "id": ids[n],
            "role": roles[n],
            "name": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            "organisation": "Tromsø kommune" if n in (1, 3) else "",
            "phone": f"+47 9{n}0 12 345",
            "email": "",
            "consent": {
                "granted_on": start.isoformat(),
                "expires_on": (start + timedelta(days=365)).isoformat(),
                "scope": "full_plan",
            },
        }
        for n in range(5)
    ]
    goals = [
        {
            "id": f"g{seed}-{g}",
            "domain": DOMAINS[(seed + g) % len(DOMAINS)],
            "own_words": f"Mål {g + 1}: jeg vil få til en trygg hverdag der jeg kan "
            f"{rng.choice(['bo godt', 'jobbe litt', 'se barna', 'sove om natta'])}.",
            "worker_note": "internt",
            "status": "active",
            "target_date": (start + timedelta(days=120 * (g + 1))).isoformat(),
            "steps": [
                {
                    "id": f"s{seed}-{g}-{s}",
                    "action": f"Tiltak {s + 1}: ringe, møte og følge opp "
                    f"sammen med teamet, uke {s + 2}",
                    "responsible": ids[(g + s) % 4],
                    "due": (start + timedelta(days=30 * (s + 1))).isoformat(),
                    "status": "planned",
                    "worker_note": "",
                }
                for s in range(3)
            ],
        }
        for g in range(4)
    ]
    return {
        "format": "caseplan.person/1",
        "person": {
            "id": f"person{seed}",
            "full_name": participants[0]["name"],
            "preferred_name": "",
            "date_of_birth": None,
            "preferred_language": "nb",
            "about_me": {
                "what_matters": "Barna mine og å ha et sted å bo. " * 3,
                "strengths": "Jeg er sta og flink med hendene.",
                "what_helps": "At folk sier det rett ut.",
                "what_does_not_help": "Mas.",
                "how_i_want_to_be_met": "Som en voksen.",
            },
        },
        "plans": [
            {
                "id": f"plan{seed}",
                "status": "agreed",
                "period_start": start.isoformat(),
                "period_end": (start + timedelta(days=365)).isoformat(),
                "next_review": (start + timedelta(days=90)).isoformat(),
                "coordinator": ids[1],
                "participants": participants,
                "goals": goals,
                "peer_contributions": [],
                "meetings": [],
                "reviews": [],
                "crisis_plan": {
                    "warning_signs": "Jeg sover dårlig og slutter å svare.",
                    "triggers": "Brev fra NAV.",
                    "what_i_do": "Går en tur.",
                    "what_others_do": "Ring meg.",
                    "what_does_not_help": "Kjefting.",
                    "treatment_wanted": "",
                    "treatment_not_wanted": "",
                    "contacts": [{"name": "Legevakta", "role": "", "phone": "116 117"}],
                },
                "versions": [
                    {"id": "v1", "number": 1, "agreed_on": start.isoformat(), "agreed_by": ids[:2]}
                ],
            }
        ],
    }


def _render_chunk(seeds: list[int], path: str) -> int:
    render_many([typical_document(s) for s in seeds], Path(path), PlanOptions())
    return len(seeds)


def through_the_service(people: int, workers: int, keep: Path | None) -> None:
    """ms per plan and seconds for print-due, from a demo database, signed in as the lead."""
    from caseplan.reports.printing import plan_pdf, print_due
    from caseplan.services.printing.printing import due_people
    from caseplan.storage.keys import KdfParams
    from caseplan.storage.location import resolve

    cheap = KdfParams(time_cost=1, memory_cost=8 * 1024, parallelism=1)
    with tempfile.TemporaryDirectory() as tmp:
        where = resolve(str(Path(tmp) / "demo.db"))
        # A few more than asked for: some demo drafts have no review date yet.
        start = time.perf_counter()
        demo_clinic.create_demo_clinic(where, people + people // 20 + 5, kdf=cheap).close()
        made = time.perf_counter() - start
        workspace = unlock.sign_in(where, "lead", "demo")
        try:
            ctx = workspace.ctx
            everyone = due_people(ctx, date.max)
            until = everyone[min(people, len(everyone)) - 1].next_review
            assert until is not None
            plan_pdf(ctx, everyone[0].id)  # warm up
            times, cpu = [], []
            for person in everyone[:30]:
                began, began_cpu = time.perf_counter(), time.process_time()
                plan_pdf(ctx, person.id)
                times.append((time.perf_counter() - began) * 1000)
                cpu.append((time.process_time() - began_cpu) * 1000)
            print(
                f"plan_pdf through the service (demo database, audited): "
                f"{statistics.median(times):.1f} ms per plan wall, {statistics.median(cpu):.1f} ms "
                f"CPU (median of {len(times)} demo people)"
            )
            out = (keep or Path(tmp)) / "print-due.pdf"
            children = resource.getrusage(resource.RUSAGE_CHILDREN)
            began, began_cpu = time.perf_counter(), time.process_time()
            count = print_due(ctx, until, out, workers=workers)
            took, parent_cpu = time.perf_counter() - began, time.process_time() - began_cpu
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            worker_cpu = (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
            size = out.stat().st_size / 1e6
            # On a quiet computer the batch takes about the larger of the parent's CPU and the
            # workers' CPU shared out over the processes; a busy one adds waiting for a core.
            print(
                f"print_due through the service, {count} demo people, {workers} processes, "
                f"one PDF: {took:.1f} s wall; CPU {parent_cpu:.1f} s in this process "
                f"(reading, merging, audit) + {worker_cpu:.1f} s in the workers "
                f"({size:.1f} MB; demo database made in {made:.1f} s)"
            )
        finally:
            workspace.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--keep", type=Path, help="folder to keep the print-due PDF in")
    parser.add_argument("--service-only", action="store_true", help="skip the renderer alone")
    args = parser.parse_args()
    through_the_service(args.people, args.workers, args.keep)
    if args.service_only:
        return

    document = typical_document(1)
    render_shared_plan(document, io.BytesIO(), PlanOptions())  # warm up: fonts, imports
    times, cpu = [], []
    for _ in range(30):
        start, start_cpu = time.perf_counter(), time.process_time()
        render_shared_plan(document, io.BytesIO(), PlanOptions())
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    # CPU time is what the plan costs on a quiet computer; wall time also counts waiting for
    # a core when other programs are busy.
    print(
        f"shared plan, typical person: {statistics.median(times):.1f} ms per plan wall, "
        f"{statistics.median(cpu):.1f} ms CPU (median of 30; best wall {min(times):.1f} ms)"
    )

    with tempfile.TemporaryDirectory() as tmp:
        seeds = list(range(args.people))
        start, start_cpu = time.perf_counter(), time.process_time()
        render_many([typical_document(s) for s in seeds], Path(tmp) / "all.pdf", PlanOptions())
        single, single_cpu = time.perf_counter() - start, time.process_time() - start_cpu
        size = (Path(tmp) / "all.pdf").stat().st_size / 1e6
        print(
            f"render_many, {args.people} people, one process, one PDF: {single:.1f} s wall, "
            f"{single_cpu:.1f} s CPU ({size:.1f} MB)"
        )
        if args.workers > 1:
            chunks = [seeds[i :: args.workers] for i in range(args.workers)]
            start = time.perf_counter()
            with ProcessPoolExecutor(args.workers) as pool:
                paths = [str(Path(tmp) / f"part{i}.pdf") for i in range(args.workers)]
                done = sum(pool.map(_render_chunk, chunks, paths))
            pooled = time.perf_counter() - start
            print(
                f"render_many, {done} people, {args.workers} processes, "
                f"{args.workers} PDFs: {pooled:.1f} s"
            )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
