"""What the audit trail costs a search: the caseload's first page (audited as one
``viewed_list`` event, in a write transaction) against a further page of the same query
(read only), on an encrypted embedded database with ``synchronous = FULL``.

The caseload searches 250 ms after typing stops (``CaseloadView.SEARCH_DELAY_MS``), so a
name typed in one go is one query and one event, not one per key; this prints what that
one event adds, and how long the chain check takes for the events made.

    .venv/bin/python benchmarks/bench_audit.py [--people 2000] [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from caseplan.demo.generator import create_demo
from caseplan.models import Account, Role
from caseplan.services.context import Actor, Context
from caseplan.services.people.people import list_people
from caseplan.services.security import audit
from caseplan.storage.database import open_database
from caseplan.storage.keys import new_database_key
from caseplan.storage.location import resolve


def _median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=2_000, metavar="N")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="caseplan-bench-") as folder:
        database = open_database(resolve(str(Path(folder) / "bench.db")), key=new_database_key())
        try:
            system = Context(database.sessions)
            create_demo(system, args.people, seed=1)
            with system.write() as session:
                account = Account(username="lea", display_name="Lea Leder", role=Role.TEAM_LEAD)
                session.add(account)
                session.flush()
                lead = Context(database.sessions, Actor(account.id, "lea", Role.TEAM_LEAD))
            first = _median_ms(lambda: list_people(lead, "a", limit=200), args.runs)
            further = _median_ms(lambda: list_people(lead, "a", limit=200, offset=200), args.runs)
            with database.sessions() as session:
                events = audit.count_events(session)
                start = time.perf_counter()
                report = audit.verify_chain(session)
                verify_ms = (time.perf_counter() - start) * 1000
        finally:
            database.close()
    print(f"people: {args.people}, search 'a', page of 200, median of {args.runs} runs")
    print(f"  first page, audited (one viewed_list event): {first:7.1f} ms")
    print(f"  further page, read only:                      {further:7.1f} ms")
    print(f"  the event adds about:                         {first - further:7.1f} ms")
    print(f"  verifying the chain of {events} events:        {verify_ms:7.1f} ms ({report.ok})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
