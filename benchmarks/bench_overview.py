"""Overview benchmark: how long the team lead's overview takes to open, with many people.

Makes a demo clinic (encrypted SQLite with cheap key derivation, or a PostgreSQL database
given with ``--db``) with fictional people, signs in as the demo team lead "lead" (everyone)
or a practitioner (``--account demo``: their own people), and measures:

- the counts alone (``overview()``: each group of counts one SQL statement, and the reviews
  per practitioner), milliseconds, median and worst of ``--runs``;
- the overview opened in the window (the page built, its counts read and painted),
  milliseconds, the same way;
- one list read (consents ending, steps overdue) and the signals of a caseload page.

Beside each wall clock: the CPU time of this process (Python, Qt, SQLCipher), and on a
PostgreSQL server on this machine the CPU time of the server's processes serving this
database too (read from /proc; 10 ms ticks), and the load average: on a shared, busy
machine the wall clock mostly measures the wait for a core.

The first run is counted too: it is the one a team lead waits for on a Friday morning.
Aim: the overview opens in under 300 ms with 10,000 people and about 100,000 steps. Not part
of the test suite.

    .venv/bin/python benchmarks/bench_overview.py [--people 10000] [--keep DIR]
        [--db postgresql://…] [--account lead|demo] [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import func, select, text

from caseplan.demo import clinic as demo_clinic
from caseplan.models import Person, Step
from caseplan.services.clinic import unlock
from caseplan.storage.keys import KdfParams
from caseplan.storage.location import resolve

CHEAP_KDF = KdfParams(time_cost=1, memory_cost=8 * 1024, parallelism=1)


#: CPU milliseconds of the runs last timed (this process: Python, Qt and SQLCipher alike),
#: printed beside the wall clock: on a shared, busy machine the wall clock mostly measures
#: the wait for a core, the CPU time what opening the overview costs.
_CPU: list[float] = []
#: CPU milliseconds of the PostgreSQL server's processes for this database, per run (empty
#: on SQLite, or when the server is not on this machine)
_SERVER: list[float] = []
#: how to find the server's processes: set in main() for PostgreSQL
_server_pids: Callable[[], list[int]] | None = None


def _server_ms(pids: list[int]) -> dict[int, float]:
    """CPU milliseconds so far of each of ``pids`` (those still running)."""
    found = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        found[pid] = (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")
    return found


def _times(runs: int, work: Callable[[], object]) -> list[float]:
    found = []
    _CPU.clear()
    _SERVER.clear()
    for _ in range(runs):
        pids = _server_pids() if _server_pids else []
        server = _server_ms(pids)
        begin, cpu = time.perf_counter(), time.process_time()
        work()
        found.append((time.perf_counter() - begin) * 1000)
        _CPU.append((time.process_time() - cpu) * 1000)
        if _server_pids:
            after = _server_ms(_server_pids())
            _SERVER.append(sum(ms - server.get(pid, 0.0) for pid, ms in after.items()))
    return found


def _cpu_text() -> str:
    said = f"CPU first {_CPU[0]:.0f} ms, median {statistics.median(_CPU):.0f} ms"
    if _SERVER:
        said += (
            f"; server CPU first {_SERVER[0]:.0f} ms, median {statistics.median(_SERVER):.0f} ms"
        )
    return said


def _say(what: str, times: list[float]) -> None:
    print(
        f"{what}: first {times[0]:.0f} ms, median {statistics.median(times):.0f} ms, "
        f"worst {max(times):.0f} ms ({len(times)} runs); {_cpu_text()}; "
        f"load {os.getloadavg()[0]:.1f}"
    )


def _top_up_steps(clinic: unlock.OpenClinic, wanted: int) -> None:
    """More steps on the demo's goals (the demo makes about 7.5 per person), like the ones
    there: the same mix of due dates and states, each on a random goal."""
    import random
    import uuid

    from sqlalchemy import insert

    rng = random.Random(16)
    with clinic.database.sessions.begin() as session:
        have = session.scalar(select(func.count(Step.id))) or 0
        if have >= wanted:
            return
        models = session.execute(
            select(Step.goal_id, Step.action, Step.due, Step.status, Step.responsible_id)
        ).all()
        rows = []
        for number in range(wanted - have):
            _goal, action, due, status, _responsible = rng.choice(models)
            rows.append(
                {
                    "id": uuid.UUID(int=rng.getrandbits(128), version=4),
                    "goal_id": rng.choice(models)[0],
                    "action": action,
                    "responsible_id": None,
                    "due": due,
                    "status": status,
                    "worker_note": "",
                    "position": 100 + number,
                    "version": 1,
                }
            )
        session.execute(insert(Step), rows)
    print(f"steps topped up from {have} to {wanted}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000, metavar="N")
    parser.add_argument("--keep", metavar="DIR", help="reuse or keep the demo database here")
    parser.add_argument("--db", metavar="URL", help="a PostgreSQL database to fill instead")
    parser.add_argument("--account", default="lead", help="lead (everyone) or demo (own)")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--steps", type=int, default=100_000, help="add steps to existing goals up to this many"
    )
    parser.add_argument("--no-window", action="store_true", help="only the service")
    args = parser.parse_args(argv)

    if args.db:
        location = resolve(args.db)
        made = False
    else:
        folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="caseplan-ov-"))
        folder.mkdir(parents=True, exist_ok=True)
        location = resolve(str(folder / "caseplan.db"))
        made = (folder / "caseplan.db").exists()
    if not made:
        start = time.perf_counter()
        try:
            demo_clinic.create_demo_clinic(location, args.people, kdf=CHEAP_KDF).close()
        except Exception as error:  # a PostgreSQL database already made: use it
            if not args.db:
                raise
            print(f"(using the database as it is: {error.__class__.__name__})")
        else:
            print(f"demo clinic with {args.people} people: {time.perf_counter() - start:.1f} s")
    clinic = unlock.sign_in(location, args.account, demo_clinic.DEMO_PASSWORD)
    ctx = clinic.ctx
    _top_up_steps(clinic, args.steps)
    with ctx.read() as session:
        people = session.scalar(select(func.count(Person.id)))
        steps = session.scalar(select(func.count(Step.id)))
    print(f"{people} people, {steps} steps, signed in as {args.account}")
    if not location.is_sqlite:

        def server_pids() -> list[int]:
            query = text("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")
            with ctx.read() as session:
                return [int(pid) for pid in session.scalars(query)]

        global _server_pids
        _server_pids = server_pids if Path(f"/proc/{server_pids()[0]}").exists() else None

    from caseplan.services.overview.counts import overview
    from caseplan.services.overview.lists import signal_list
    from caseplan.services.overview.markers import person_signals
    from caseplan.services.overview.signals import Signal
    from caseplan.services.people.people import list_people

    service = _times(args.runs, lambda: overview(ctx))
    _say("overview counts (SQL)", service)
    service_cpu = statistics.median(_CPU)
    counts = overview(ctx)
    print("  " + ", ".join(f"{s.value} {c.items}" for s, c in counts.counts.items()))
    print(f"  peer time (minutes): {counts.peer_time}")
    for signal in (Signal.CONSENT_ENDING, Signal.STEPS_OVERDUE, Signal.NO_CONTACT):
        _say(f"list: {signal.value}", _times(3, lambda s=signal: signal_list(ctx, s)))
    page = [p.id for p in list_people(ctx, limit=200)]
    _say("caseload page of 200: signals", _times(3, lambda: person_signals(ctx, page)))

    if not args.no_window:
        from PySide6.QtWidgets import QApplication

        from caseplan.ui.overview import OverviewPage

        app = QApplication.instance() or QApplication(sys.argv[:1])

        def open_page() -> None:
            page = OverviewPage(ctx)
            page.resize(1200, 760)
            page.show()
            app.processEvents()
            page.repaint()
            page.close()
            page.deleteLater()

        app.processEvents()
        times = _times(args.runs, open_page)
        _say("overview opened in the window (built, counted, painted)", times)
        print(
            f"OVERVIEW OPENS IN: {times[0]:.0f} ms first, {statistics.median(times):.0f} ms median"
            f" ({_cpu_text()}; load {os.getloadavg()[0]:.1f})"
        )
        print(
            f"  of which the counts (service) {statistics.median(service):.0f} ms wall, "
            f"{service_cpu:.0f} ms CPU (medians), the page widget the rest: about "
            f"{statistics.median(_CPU) - service_cpu:.0f} ms CPU"
        )
    clinic.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
