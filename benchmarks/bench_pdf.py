"""How fast the shared plan prints, against bare ReportLab on the same content, in one run.

Run: ``.venv/bin/python benchmarks/bench_pdf.py [--people 1000] [--workers 2] [--keep DIR]``.
Prints numbers; never part of the pass/fail suite. All people are fictional.

Two ratios, each against ``benchmarks/bare_reportlab.py`` (the same plans laid out with
plain Paragraphs and Tables, same fonts and sizes) measured in the same run:

1. the plan PDF: Caseplan's renderer and the bare one on the same typical documents, one
   process, CPU time (the aim: at most 1.5);
2. print-due: ``print_due`` through the service on a demo database (access check, reading
   every person from the encrypted database, rendering in worker processes, joining,
   audit), wall time, against bare ReportLab rendering the same documents in one process;
   and the seconds it took (the aim: 1,000 plans in at most 15 s on 2 cores).

Wall time on a busy computer also counts waiting for a core; the CPU times are printed too.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from caseplan.demo import clinic as demo_clinic
from caseplan.reports.shared_plan import PlanOptions, render_many
from caseplan.services.clinic import unlock

sys.path.insert(0, str(Path(__file__).parent))
from bare_reportlab import bare_render
from bench_print_due import children_cpu

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


def _timed(work: Any, repeat: int = 3) -> tuple[float, float]:
    """Best wall and best CPU seconds of ``repeat`` runs of ``work()``."""
    wall, cpu = [], []
    for _ in range(repeat):
        began, began_cpu = time.perf_counter(), time.process_time()
        work()
        wall.append(time.perf_counter() - began)
        cpu.append(time.process_time() - began_cpu)
    return min(wall), min(cpu)


def plan_ratio(count: int) -> None:
    """Ratio 1: Caseplan's plan PDF against bare ReportLab, same documents, one process."""
    documents = [typical_document(seed) for seed in range(count)]
    bare_render(documents[:2], io.BytesIO())  # warm up: fonts, imports
    render_many(documents[:2], io.BytesIO(), PlanOptions())
    bare_wall, bare_cpu = _timed(lambda: bare_render(documents, io.BytesIO()))
    ours_wall, ours_cpu = _timed(lambda: render_many(documents, io.BytesIO(), PlanOptions()))
    print(
        f"plan PDF, {count} typical plans, one process: Caseplan {ours_cpu / count * 1000:.1f} ms "
        f"CPU per plan, bare ReportLab {bare_cpu / count * 1000:.1f} ms; "
        f"RATIO 1 (plan PDF / bare ReportLab, CPU) = {ours_cpu / bare_cpu:.2f} "
        f"(wall {ours_wall / bare_wall:.2f}; aim at most 1.5)"
    )


def print_due_ratio(people: int, workers: int, keep: Path | None) -> None:
    """Ratio 2: print-due through the service against bare ReportLab on the same documents."""
    from caseplan.reports.printing import plan_pdf, print_due
    from caseplan.services.printing import printing as service
    from caseplan.storage.keys import KdfParams
    from caseplan.storage.location import resolve

    cheap = KdfParams(time_cost=1, memory_cost=8 * 1024, parallelism=1)
    with tempfile.TemporaryDirectory() as tmp:
        where = resolve(str(Path(tmp) / "demo.db"))
        # A few more than asked for: some demo drafts have no review date yet.
        demo_clinic.create_demo_clinic(where, people + people // 20 + 5, kdf=cheap).close()
        workspace = unlock.sign_in(where, "lead", "demo")
        try:
            ctx = workspace.ctx
            everyone = service.due_people(ctx, date.max)
            until = everyone[min(people, len(everyone)) - 1].next_review
            assert until is not None
            plan_pdf(ctx, everyone[0].id)  # warm up
            times = []
            for person in everyone[:20]:
                began = time.process_time()
                plan_pdf(ctx, person.id)
                times.append((time.process_time() - began) * 1000)
            print(
                f"plan_pdf through the service (read, render, audit): "
                f"{statistics.median(times):.1f} ms CPU per plan (median of {len(times)})"
            )
            due = service.due_documents(ctx, until)
            documents = list(due.documents)
            bare_wall, bare_cpu = _timed(lambda: bare_render(documents, io.BytesIO()), 1)
            out = (keep or Path(tmp)) / "print-due.pdf"
            children = children_cpu()
            began, began_cpu = time.perf_counter(), time.process_time()
            count = print_due(ctx, until, out, workers=workers)
            took, parent_cpu = time.perf_counter() - began, time.process_time() - began_cpu
            worker_cpu = children_cpu() - children
            size = out.stat().st_size / 1e6
            load = os.getloadavg()[0]
            print(
                f"print-due through the service, {count} demo plans, {workers} processes, one "
                f"PDF ({size:.1f} MB): {took:.1f} s wall; CPU {parent_cpu:.1f} s in this "
                f"process (reading, joining, audit) + {worker_cpu:.1f} s in the workers"
            )
            print(
                f"bare ReportLab, the same {len(documents)} documents, one process: "
                f"{bare_wall:.1f} s wall, {bare_cpu:.1f} s CPU; per plan: the workers "
                f"{worker_cpu * 1000 / count:.1f} ms CPU, bare ReportLab "
                f"{bare_cpu * 1000 / len(documents):.1f} ms (workers' CPU / bare CPU = "
                f"{worker_cpu / bare_cpu:.2f})"
            )
            print(
                f"RATIO 2 (print-due / bare ReportLab, wall) = {took / bare_wall:.2f}; "
                f"{count} plans in {took:.1f} s (aim: 1,000 in at most 15 s on 2 cores); "
                f"on a quiet 2-core computer about "
                f"{max(parent_cpu, (parent_cpu + worker_cpu) / 2):.1f} s "
                f"(load average while measuring: {load:.1f})"
            )
        finally:
            workspace.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--plans", type=int, default=100, help="plans for ratio 1")
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--keep", type=Path, help="folder to keep the print-due PDF in")
    args = parser.parse_args()
    plan_ratio(args.plans)
    print_due_ratio(args.people, args.workers, args.keep)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
