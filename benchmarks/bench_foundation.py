"""Foundation benchmark: fill a database with fictional people, then search the caseload.

The embedded database is encrypted (SQLCipher) with a fresh random key, as in real use.

Prints how long ``create_demo`` takes, how long a caseload search takes (median of several
runs, in ms), and the peak memory of this process. Not part of the test suite.

    .venv/bin/python benchmarks/bench_foundation.py [--people 10000] [--db PATH_OR_URL]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from caseplan.demo.generator import create_demo
from caseplan.services.context import Context
from caseplan.services.people.people import count_people, list_people
from caseplan.storage.database import open_database
from caseplan.storage.keys import new_database_key
from caseplan.storage.location import resolve

SEARCHES = ("kari", "Hansen", "ÁILU", "čáhppes", "øy", "a", "no such name")
RUNS = 7


def _median_ms(action: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _search(ctx: Context, text: str, limit: int | None = None) -> Callable[[], object]:
    return lambda: list_people(ctx, search=text, limit=limit)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000, metavar="N")
    parser.add_argument("--db", metavar="PATH_OR_URL", help="default: a fresh temporary file")
    parser.add_argument("--key", metavar="HEX", help="the 256-bit key of an existing file")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="caseplan-bench-") as folder:
        where = args.db or str(Path(folder) / "bench.db")
        location = resolve(where)
        if location.path is not None and location.path.exists() and not args.key:
            parser.error("an existing database file needs its key: --key HEX")
        key = bytes.fromhex(args.key) if args.key else new_database_key()
        database = open_database(location, key=key)
        ctx = Context(database.sessions, today=lambda: date(2026, 11, 22))
        try:
            start, cpu = time.perf_counter(), time.process_time()
            added = create_demo(
                ctx,
                args.people,
                seed=args.seed,
                progress=lambda done, total: print(f"\r  {done}/{total}", end="", file=sys.stderr),
            )
            seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
            print(file=sys.stderr)
            print(f"database:              {resolve(where).describe()}")
            print(f"create_demo:           {added} people in {seconds:.1f} s (CPU {cpu:.1f} s)")
            if database.location.path is not None:
                size = database.location.path.stat().st_size / 1e6
                print(f"database file:         {size:.0f} MB")
            print(f"people in database:    {count_people(ctx)}")
            print(f"list_people (all):     {_median_ms(lambda: list_people(ctx), 3):8.1f} ms")
            for text in SEARCHES:
                hits = len(list_people(ctx, search=text))
                ms = _median_ms(_search(ctx, text))
                paged = _median_ms(_search(ctx, text, limit=100))
                print(f"search {text!r:16} {ms:8.1f} ms  ({hits} found; first 100: {paged:.1f} ms)")
        finally:
            database.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"peak memory (maxrss):  {peak:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
