"""The charts' figures against the same figures worked out from each person's exported JSON,
and no bar or group of fewer than five people shown."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from caseplan.demo.generator import create_demo
from caseplan.models import Account, Person, Role
from caseplan.services.context import Actor, Context
from caseplan.services.exchange.exchange import export_person
from caseplan.services.overview.charts import (
    BANDS,
    GRACE,
    latest_ratings,
    months_back,
    reviews_per_month,
)
from caseplan.services.overview.voices import MINIMUM
from caseplan.storage.database import Database

TODAY = date(2026, 11, 22)


def _clinic(db: Database) -> tuple[Context, list[dict[str, Any]]]:
    with db.sessions.begin() as session:
        account = Account(username="lars", display_name="Lars Berg", role=Role.TEAM_LEAD)
        session.add(account)
        session.flush()
        actor = Actor(account.id, account.username, account.role)
    system = Context(db.sessions, today=lambda: TODAY)
    create_demo(system, 80, seed=4)
    with db.sessions() as session:
        ids = list(session.scalars(select(Person.id)))
    documents = [json.loads(export_person(system, i)) for i in ids]
    return Context(db.sessions, actor=actor, today=lambda: TODAY), documents


def test_chart_figures_are_the_counts_in_the_exported_files(db: Database) -> None:
    ctx, documents = _clinic(db)
    firsts = months_back(TODAY)
    assert len(firsts) == 12 and firsts[-1] == date(2026, 11, 1) and firsts[0] == date(2025, 12, 1)
    tally: dict[date, list[int]] = defaultdict(lambda: [0, 0, 0])
    people: dict[date, set[str]] = defaultdict(set)
    latest: dict[str, tuple[str, int, str, str]] = {}
    for doc in documents:
        person = doc["person"]["id"]
        for plan in doc["plans"]:
            own = {m["id"] for m in plan["participants"] if m["role"] == "person"}
            domains = {g["id"]: g["domain"] for g in plan["goals"]}
            for review in plan["reviews"]:
                held = date.fromisoformat(review["date"])
                if firsts[0] <= held <= TODAY:
                    first = held.replace(day=1)
                    people[first].add(person)
                    due = review["due_on"]
                    kind = 2 if not due else int(held > date.fromisoformat(due) + GRACE)
                    tally[first][kind] += 1
                if plan["status"] == "closed":
                    continue
                for rating in review["ratings"]:
                    if rating["by"] in own and rating["goal"] in domains:
                        goal = rating["goal"]
                        if goal not in latest or review["date"] > latest[goal][0]:
                            latest[goal] = (review["date"], rating["score"], domains[goal], person)
    months = reviews_per_month(ctx)
    shown = 0
    for month in months:
        if len(people[month.first]) >= MINIMUM:
            shown += 1
            assert [month.on_time, month.late, month.unknown] == tally[month.first], month.first
        else:
            assert (month.on_time, month.late, month.unknown) == (None, None, None)
    assert shown > 0
    hidden = 0
    for found in latest_ratings(ctx):
        mine = [(s, p) for _d, s, dom, p in latest.values() if dom == found.domain.value]
        who = {p for _s, p in mine}
        if len(who) < MINIMUM:
            hidden += 1
            assert (found.bands, found.people) == (None, None)
            continue
        assert found.people == len(who)
        assert found.bands == tuple(
            len({p for s, p in mine if low <= s <= high}) for low, high in BANDS
        )
    assert latest


def test_a_month_with_fewer_than_five_people_shows_no_number(db: Database) -> None:
    ctx, _documents = _clinic(db)
    early = Context(db.sessions, actor=ctx.actor, today=lambda: TODAY + timedelta(days=400))
    months = reviews_per_month(early)
    # more than a year on, the last months hold no review at all: nothing to show
    assert months[-1].on_time is None and months[-1].late is None
