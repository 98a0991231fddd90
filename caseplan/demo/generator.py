"""Fictional demo people with whole plans, for trying Caseplan out and for measuring it.

Rows are computed up front (ids included) and written with Core bulk inserts in batches, so
ten thousand people take seconds. The same seed on the same starting database gives the same
content, ids included: every random choice comes from one seeded :class:`random.Random`.
"""

from __future__ import annotations

import hashlib
import random
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from caseplan.demo.draws import Row
from caseplan.demo.maker import Maker, at_hour
from caseplan.models import (
    Base,
    Person,
    PlanStatus,
    Setting,
)
from caseplan.services.clinic.settings import DEMO_KEY
from caseplan.services.context import Context

BATCH = 500  #: people per batch of inserts
CACHE_KIB = 262_144  #: SQLite page cache while filling (it only grows as far as it is used)


def create_demo(
    ctx: Context,
    people: int,
    seed: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Add ``people`` fictional people, each with an open plan, and mark the database as demo.

    Returns how many were added. ``progress(done, total)`` is called after every batch.
    ``people=0`` adds no one but still marks the database, so it can be filled later.
    Existing practitioner and peer-worker accounts become coordinators and peers of some of
    the new people, so that signing in with them shows a caseload.
    """
    if people < 0:
        raise ValueError("people must not be negative")
    with ctx.write() as session, _roomy_cache(session):
        existing = sorted(str(i) for i in session.scalars(select(Person.id)))
        fingerprint = hashlib.sha256("\n".join(existing).encode()).hexdigest()
        maker = Maker(random.Random(f"caseplan-demo:{seed}:{fingerprint}"), ctx.today(), people)
        maker.link_accounts(session)
        done = 0
        while done < people:
            size = min(BATCH, people - done)
            rows: dict[str, list[Row]] = defaultdict(list)
            for _ in range(size):
                maker.person(rows)
            _add_versions(rows)
            _write(session, rows)
            done += size
            if progress is not None:
                progress(done, people)
        if session.get(Setting, DEMO_KEY) is None:
            session.add(Setting(key=DEMO_KEY, value="1"))
    return people


@contextmanager
def _roomy_cache(session: Session) -> Iterator[None]:
    """On SQLite, a big page cache while filling.

    Random ids put new rows all over every index; with a small cache each page is written
    out, read back and (SQLCipher) decrypted again many times over.
    """
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        yield
        return
    before = int(connection.exec_driver_sql("PRAGMA cache_size").scalar_one())
    connection.exec_driver_sql(f"PRAGMA cache_size = -{CACHE_KIB}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {before}")


#: tables in an order that satisfies every foreign key
_TABLES = (
    "persons", "plans", "participants", "goals", "steps", "peer_contributions", "meetings",
    "meeting_attendees", "reviews", "review_ratings", "review_goals", "crisis_plans",
    "crisis_contacts",
    "plan_versions",
)  # fmt: skip


def _write(session: Session, rows: dict[str, list[Row]]) -> None:
    """Insert one batch; then point each plan at its coordinator (the keys are circular)."""
    for name in _TABLES:
        table = Base.metadata.tables[name]
        if rows[name]:
            session.execute(insert(table), rows[name])
        if name == "participants" and rows["plans"]:
            plans = Base.metadata.tables["plans"]
            session.execute(
                update(plans)
                .where(plans.c.id == bindparam("plan"))
                .values(coordinator_id=bindparam("coordinator")),
                rows["coordinators"],
            )


def _add_versions(rows: dict[str, list[Row]]) -> None:
    """Version 1 of each agreed plan, its snapshot made as agreeing makes it (the plan as
    written; signed on paper by those at the planning meeting)."""
    from caseplan.services.agreement.agreement import (
        PAPER,
        document_from_rows,
        snapshot_from_document,
    )

    def grouped(name: str, key: str) -> dict[Any, list[Row]]:
        found: dict[Any, list[Row]] = defaultdict(list)
        for row in rows[name]:
            found[row[key]].append(row)
        return found

    plans = {row["id"]: row for row in rows["plans"]}
    people = {row["id"]: row for row in rows["persons"]}
    coordinators = {row["plan"]: row["coordinator"] for row in rows["coordinators"]}
    team, goals = grouped("participants", "plan_id"), grouped("goals", "plan_id")
    steps, contacts = grouped("steps", "goal_id"), grouped("crisis_contacts", "crisis_plan_id")
    crisis = {row["plan_id"]: row for row in rows["crisis_plans"]}
    added_after = {row["goal_id"] for row in rows["changed_after"]}
    for agreed in rows["agreed"]:
        plan_id = agreed["plan_id"]
        # As it was agreed: agreed, and without the goals that came after.
        plan = {**plans[plan_id], "coordinator_id": coordinators.get(plan_id)}
        plan["status"] = PlanStatus.AGREED
        plan_goals = [g for g in goals[plan_id] if g["id"] not in added_after]
        found = crisis.get(plan_id)
        document = document_from_rows(
            people[plan["person_id"]],
            plan,
            team[plan_id],
            plan_goals,
            [step for goal in plan_goals for step in steps[goal["id"]]],
            found,
            contacts[found["id"]] if found is not None else [],
        )
        snapshot = snapshot_from_document(document, plan_id)
        snapshot["agreed_how"] = {str(p): PAPER for p in agreed["agreed_by"]}
        snapshot["signatures"] = {}
        rows["plan_versions"].append(
            {
                "id": uuid.uuid5(plan_id, "plan version 1"),
                "plan_id": plan_id,
                "number": 1,
                "agreed_on": agreed["agreed_on"],
                "agreed_by": [str(p) for p in agreed["agreed_by"]],
                "snapshot": snapshot,
                "created_at": at_hour(agreed["agreed_on"], 12),
            }
        )
