"""Team mode: what the consent policies of migration 0014 cost a peer worker's login.

Makes a DEMO clinic on a PostgreSQL server (login roles with names of their own, dropped at
the end), then, as the peer worker's own login, times the app's caseload, opening each of
their people's plans and printing one (its document), and plain queries over whole tables
(what someone with ``psql`` would run). The same is measured without 0014's policies (its
downgrade run, the database still marked 0014 so the app opens it) and with them again. A
practitioner's caseload is timed too: staff are not touched by the policies. Times are
medians of ``--repeat`` runs: wall time (and this process's CPU time), and the server's own
execution time from ``EXPLAIN ANALYZE`` for the plain queries.

    CASEPLAN_TEST_POSTGRES=postgresql://caseplan@127.0.0.1:55432/postgres \\
        .venv/bin/python benchmarks/bench_server_consent.py [--people 2000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import secrets
import statistics
import time
from collections.abc import Callable
from typing import Any

import psycopg
from alembic import command
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from caseplan.demo.generator import create_demo
from caseplan.models import Role
from caseplan.services.clinic import unlock
from caseplan.services.clinic.unlock import NewAccount
from caseplan.services.context import SYSTEM, Context
from caseplan.services.people.people import list_people
from caseplan.services.plans.plan_view import load_plan_view
from caseplan.services.printing import printing
from caseplan.storage.location import resolve
from caseplan.storage.migrate import alembic_config
from caseplan.storage.server_logins import without_login

PASSWORD = "a long benchmark passphrase for everyone"
PLAIN = {
    "persons": "SELECT count(*) FROM persons",
    "participants": "SELECT count(*) FROM participants",
    "goals": "SELECT count(*) FROM goals",
    "steps": "SELECT count(*) FROM steps",
    "peer_contributions": "SELECT count(*) FROM peer_contributions",
    "meetings": "SELECT count(*) FROM meetings",
    "crisis_contacts": "SELECT count(*) FROM crisis_contacts",
}


def _median(action: Callable[[], Any], repeat: int) -> tuple[float, float, Any]:
    """Median wall and client CPU seconds of ``action``, and its last result."""
    walls, cpus, result = [], [], None
    for _ in range(repeat):
        cpu, start = time.process_time(), time.perf_counter()
        result = action()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus), result


def _server_ms(connection: psycopg.Connection[Any], sql: str, repeat: int) -> tuple[float, int]:
    times, count = [], 0
    for _ in range(repeat):
        plan = "\n".join(
            row[0] for row in connection.execute(f"EXPLAIN (ANALYZE, FORMAT TEXT) {sql}")
        )
        found = re.search(r"Execution Time: ([0-9.]+) ms", plan)
        assert found is not None
        times.append(float(found.group(1)))
    count = connection.execute(sql).fetchone()[0]  # type: ignore[index]
    return statistics.median(times), count


def _measure(location: Any, names: dict[str, str], repeat: int) -> dict[str, str]:
    out: dict[str, str] = {}
    accounts = resolve(without_login(location.url).render_as_string())
    peer = unlock.sign_in(accounts, names["peer"], PASSWORD)
    try:
        wall, cpu, people = _median(lambda: list_people(peer.ctx), repeat)
        out["peer caseload"] = f"{len(people)} people: {wall * 1000:.0f} ms (CPU {cpu * 1000:.0f})"
        ids = [p.id for p in people]

        def open_all() -> None:
            for person in ids:
                load_plan_view(peer.ctx, person, record_open=False)

        wall, cpu, _ = _median(open_all, repeat)
        per = wall / max(1, len(ids)) * 1000
        out["peer opens each plan"] = f"{per:.1f} ms each (CPU {cpu / max(1, len(ids)) * 1000:.1f})"

        def print_one() -> None:
            printing.print_person(peer.ctx, ids[0], lambda d, _demo: (b"", "document only"))

        wall, cpu, _ = _median(print_one, repeat)
        out["peer prints one plan"] = f"{wall * 1000:.0f} ms (CPU {cpu * 1000:.0f})"
    finally:
        peer.close()
    staff = unlock.sign_in(accounts, names["practitioner"], PASSWORD)
    try:
        wall, cpu, people = _median(lambda: list_people(staff.ctx), repeat)
        out["practitioner caseload"] = f"{len(people)} people: {wall * 1000:.0f} ms"
    finally:
        staff.close()
    url = make_url(location.url.render_as_string(hide_password=False))
    with psycopg.connect(
        host=url.host, port=url.port, dbname=url.database, user=names["peer"], password=PASSWORD
    ) as plain:
        for table, sql in PLAIN.items():
            ms, count = _server_ms(plain, sql, repeat)
            out[f"psql: every row of {table}"] = f"{count} rows: {ms:.1f} ms on the server"
    return out


def _policies(location: Any, on: bool) -> None:
    """With (0014 as it is) or without 0014's policies: its downgrade, then the database
    marked as at 0014 again, so the app does not upgrade it when it opens."""
    engine = create_engine(location.url)
    with engine.begin() as connection:
        config = alembic_config(connection)
        if on:
            connection.execute(text("UPDATE alembic_version SET version_num = '0013'"))
            command.upgrade(config, "0014")
        else:
            command.downgrade(config, "0013")
            connection.execute(text("UPDATE alembic_version SET version_num = '0014'"))
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    admin_url = os.environ["CASEPLAN_TEST_POSTGRES"]
    suffix = secrets.token_hex(3)
    database = f"bench_consent_{suffix}"
    names = {role: f"bench_{role}_{suffix}" for role in ("admin", "practitioner", "peer", "lead")}
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {database}"))
    location = resolve(make_url(admin_url).set(database=database).render_as_string(False))
    try:
        start = time.perf_counter()
        clinic, _recovery = unlock.create_clinic(
            location,
            NewAccount(names["admin"], "Bench Admin", Role.ADMIN, PASSWORD),
            more=[
                NewAccount(names[key], f"Bench {key}", role, PASSWORD)
                for key, role in (
                    ("practitioner", Role.PRACTITIONER),
                    ("lead", Role.TEAM_LEAD),
                    ("peer", Role.PEER_WORKER),
                )
            ],
            allow_weak=True,
        )
        try:
            create_demo(Context(clinic.database.sessions, actor=SYSTEM), args.people)
        finally:
            clinic.close()
        print(f"{args.people} demo people on the server in {time.perf_counter() - start:.0f} s")
        print(f"load average at start: {os.getloadavg()}")
        _measured: list[bool] = []
        for on in (True, False, True):
            if on is False or _measured:
                _policies(location, on)
            _measured.append(on)
            print("\nwith the consent policies (0014):" if on else "\nwithout them (0013):")
            for what, figure in _measure(location, names, args.repeat).items():
                print(f"  {what}: {figure}")
        usage = resource.getrusage(resource.RUSAGE_SELF)
        print(f"\nthis process: {usage.ru_utime:.1f} s user, {usage.ru_stime:.1f} s system CPU")
        print(f"load average at end: {os.getloadavg()}")
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)"))
            for role in names.values():
                connection.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        admin.dispose()


if __name__ == "__main__":
    main()
