"""Print-due of 1,000 plans, timed several times, with bare ReportLab in the same run.

Run: ``.venv/bin/python benchmarks/bench_print_due.py [--people 1000] [--runs 3]
[--clinic DIR] [--workers 2] [--profile FILE]``. Prints numbers; never part of the pass/fail
suite. All people are fictional (a demo clinic).

Each run prints the due plans through the service exactly as the team lead's "Print due
plans" does (access check, reading every person from the encrypted database, rendering in
worker processes, joining, one audit event per person, the file written), then renders the
same documents with ``benchmarks/bare_reportlab.py`` in one process as the reference. The
machine may be shared: the minimum and the median of the runs are printed, with the load
average, and the CPU seconds of this process and of the workers, since wall time on a busy
computer also counts waiting for a core: per plan, the workers' CPU against bare ReportLab's
CPU in the same run, and an estimate for two quiet cores, (CPU here + CPU in workers) / 2,
which assumes both cores kept busy (the workers render while this process reads and joins).
The workers are forked from a server process that imports the renderer once: the first run
pays for that import, later runs in the same process do not.

``--clinic DIR`` keeps the demo clinic in DIR (made once, about half a minute; reused after)
so repeated runs measure printing only. ``--profile FILE`` writes cProfile statistics of
this process (reading, joining, audit) during the first run.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import resource
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))


def _clinic(folder: Path, people: int) -> Path:
    from caseplan.demo import clinic as demo_clinic
    from caseplan.storage.keys import KdfParams
    from caseplan.storage.location import resolve

    path = folder / f"due-{people}.db"
    if not path.exists():
        cheap = KdfParams(time_cost=1, memory_cost=8 * 1024, parallelism=1)
        # A few more than asked for: some demo drafts have no review date yet.
        where = resolve(str(path))
        demo_clinic.create_demo_clinic(where, people + people // 20 + 5, kdf=cheap).close()
    return path


def children_cpu() -> float:
    """CPU seconds of finished child processes, and of the fork server and the workers it
    forked (they are its children, not this process's), read from /proc where it is."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    total = used.ru_utime + used.ru_stime
    from multiprocessing import forkserver

    server = getattr(forkserver._forkserver, "_forkserver_pid", None)
    stat = Path(f"/proc/{server}/stat")
    if server and stat.exists():
        # fields after the name: utime, stime, cutime, cstime are the 12th to 15th
        fields = stat.read_text().rsplit(")", 1)[1].split()
        total += sum(int(x) for x in fields[11:15]) / os.sysconf("SC_CLK_TCK")
    return total


def run(args: argparse.Namespace, folder: Path) -> None:
    from bare_reportlab import bare_render

    from caseplan.reports.printing import print_due
    from caseplan.services.clinic import unlock
    from caseplan.services.printing import printing as service
    from caseplan.storage.location import resolve

    path = _clinic(folder, args.people)
    workspace = unlock.sign_in(resolve(str(path)), "lead", "demo")
    try:
        ctx = workspace.ctx
        everyone = service.due_people(ctx, date.max)
        until = everyone[min(args.people, len(everyone)) - 1].next_review
        assert until is not None
        walls: list[float] = []
        ratios: list[float] = []
        quiet: list[float] = []
        cpu_ratios: list[float] = []
        for number in range(args.runs):
            out = folder / "print-due.pdf"
            profile = cProfile.Profile() if args.profile and number == 0 else None
            children = children_cpu()
            began, began_cpu = time.perf_counter(), time.process_time()
            if profile is not None:
                profile.enable()
            count = print_due(ctx, until, out, workers=args.workers)
            if profile is not None:
                profile.disable()
                profile.dump_stats(args.profile)
            took = time.perf_counter() - began
            parent = time.process_time() - began_cpu
            workers = children_cpu() - children
            load = os.getloadavg()[0]
            due = service.due_documents(ctx, until)
            documents = list(due.documents)
            bare_began, bare_cpu = time.perf_counter(), time.process_time()
            bare_render(documents, io.BytesIO())
            bare = time.perf_counter() - bare_began
            bare_cpu = time.process_time() - bare_cpu
            walls.append(took)
            ratios.append(took / bare)
            quiet.append((parent + workers) / 2)
            cpu_ratios.append(workers / bare_cpu)
            per_plan, bare_per_plan = workers * 1000 / count, bare_cpu * 1000 / len(documents)
            print(
                f"run {number + 1}: print-due {count} plans, {args.workers} processes, "
                f"{out.stat().st_size / 1e6:.1f} MB: {took:.1f} s wall (CPU {parent:.1f} s here "
                f"+ {workers:.1f} s in workers = {per_plan:.1f} ms a plan); bare ReportLab, "
                f"same documents, one process: {bare:.1f} s wall, {bare_cpu:.1f} s CPU = "
                f"{bare_per_plan:.1f} ms a plan; ratio wall {took / bare:.2f}, workers' CPU "
                f"{workers / bare_cpu:.2f}; two quiet cores about {quiet[-1]:.1f} s; "
                f"load average {load:.1f}",
                flush=True,
            )
        per_thousand = [w * 1000 / count for w in walls]
        print(
            f"PRINT-DUE {count} plans, {len(walls)} runs: min {min(walls):.1f} s, median "
            f"{statistics.median(walls):.1f} s (per 1,000 plans: min {min(per_thousand):.1f} s, "
            f"median {statistics.median(per_thousand):.1f} s; aim at most 15 s on 2 cores); "
            f"RATIO to bare ReportLab: min {min(ratios):.2f}, median "
            f"{statistics.median(ratios):.2f} (workers' CPU to bare CPU: median "
            f"{statistics.median(cpu_ratios):.2f}); ON TWO QUIET CORES about "
            f"{statistics.median(quiet):.1f} s (median; (CPU here + workers) / 2); "
            "load average now " + ", ".join(f"{x:.1f}" for x in os.getloadavg())
        )
    finally:
        workspace.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--clinic", type=Path, help="folder to keep the demo clinic in")
    parser.add_argument("--profile", help="write cProfile statistics of the first run here")
    args = parser.parse_args()
    if args.clinic is not None:
        args.clinic.mkdir(parents=True, exist_ok=True)
        run(args, args.clinic)
    else:
        with tempfile.TemporaryDirectory() as folder:
            run(args, Path(folder))


if __name__ == "__main__":
    main()
