"""Goals and steps added at the same moment by two programs each get their own place."""

from __future__ import annotations

import threading
from datetime import date

from caseplan.models import Goal, LifeDomain, Step
from caseplan.services.context import Context
from caseplan.services.people import people
from caseplan.services.plans import goals, plans
from caseplan.storage.database import Database


def _add_while_another_adds(db: Database, add_first: object, add_second: object) -> None:
    """``add_first`` writes its row and holds its transaction open while ``add_second`` runs
    in another thread; then the first commits, and the second must still succeed."""
    errors: list[BaseException] = []

    def second() -> None:
        try:
            add_second()  # type: ignore[operator]
        except BaseException as error:
            errors.append(error)

    thread = threading.Thread(target=second)
    add_first(thread)  # type: ignore[operator]
    thread.join(timeout=60)
    assert not thread.is_alive()
    assert errors == []


def test_two_goals_added_at_once_get_two_places(db: Database) -> None:
    ctx = Context(db.sessions, today=lambda: date(2026, 1, 5))
    plan = plans.open_plan(ctx, people.create_person(ctx, "Ola Nordmann").id)
    goals.add_goal(ctx, plan.id, LifeDomain.HOUSING, "A flat of my own")

    def first(thread: threading.Thread) -> None:
        with ctx.write() as session:
            session.add(
                Goal(
                    plan_id=plan.id,
                    position=1,
                    domain=LifeDomain.WORK_AND_ACTIVITY,
                    own_words="Job",
                )
            )
            session.flush()
            thread.start()  # its goal also wants position 1
            thread.join(timeout=1.0)  # PostgreSQL makes it wait for this commit

    _add_while_another_adds(
        db, first, lambda: goals.add_goal(ctx, plan.id, LifeDomain.LEISURE, "Fishing")
    )
    listed = [(g.own_words, g.position) for g in goals.list_goals(ctx, plan.id)]
    assert listed == [("A flat of my own", 0), ("Job", 1), ("Fishing", 2)]


def test_two_steps_added_at_once_get_two_places(db: Database) -> None:
    ctx = Context(db.sessions, today=lambda: date(2026, 1, 5))
    plan = plans.open_plan(ctx, people.create_person(ctx, "Ola Nordmann").id)
    goal = goals.add_goal(ctx, plan.id, LifeDomain.HOUSING, "A flat of my own")

    def first(thread: threading.Thread) -> None:
        with ctx.write() as session:
            session.add(Step(goal_id=goal.id, position=0, action="Call the housing office"))
            session.flush()
            thread.start()
            thread.join(timeout=1.0)

    _add_while_another_adds(db, first, lambda: goals.add_step(ctx, goal.id, "Visit flats"))
    listed = [(s.action, s.position) for s in goals.get_goal(ctx, goal.id).steps]
    assert listed == [("Call the housing office", 0), ("Visit flats", 1)]
