"""The due batch reads many people at once and joins worker chunks: the pages must say
exactly what each plan printed on its own says (the one-person path is the reference)."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from caseplan.demo.generator import create_demo
from caseplan.models import (
    Account,
    Goal,
    Participant,
    Person,
    Plan,
    PlanStatus,
    Review,
    ReviewGoal,
)
from caseplan.reports.printing import plan_pdf, print_due
from caseplan.services.context import SYSTEM, Actor, Context
from caseplan.services.exchange import rows
from caseplan.services.exchange.document import build_document, plain_documents, to_plain
from caseplan.services.printing import printing
from caseplan.storage.database import Database
from tests.reports.pdftools import page_count, pdf_text

TODAY = date(2026, 3, 2)


@pytest.fixture
def demo(db: Database) -> Context:
    ctx = Context(db.sessions, actor=SYSTEM, today=lambda: TODAY)
    create_demo(ctx, 14, seed=7)
    with ctx.write() as session:  # review words per goal, and who came, in a few reviews
        have = {(r.review_id, r.goal_id) for r in session.scalars(select(ReviewGoal))}
        for review in session.scalars(select(Review)).all()[:4]:
            team = session.scalars(select(Participant).where(Participant.plan_id == review.plan_id))
            review.attendees = list(team)[::-1]
            for goal in session.scalars(select(Goal).where(Goal.plan_id == review.plan_id)).all():
                if (review.id, goal.id) not in have:
                    session.add(ReviewGoal(review_id=review.id, goal_id=goal.id, what_helped="Tur"))
    return ctx


def _lead(ctx: Context) -> Context:
    from caseplan.models import Role

    with ctx.write() as session:
        account = Account(username="kari", display_name="Kari", role=Role.TEAM_LEAD)
        session.add(account)
        session.flush()
        actor = Actor(account.id, "kari", Role.TEAM_LEAD)
    return Context(ctx.sessions, actor=actor, today=ctx.today)


def test_people_read_together_are_the_same_as_read_one_by_one(
    demo: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rows, "IN_LIMIT", 3)  # several slices of every kind of record
    with demo.read() as session:
        ids = list(session.scalars(select(Person.id).order_by(Person.sort_key)))
        ids = [*ids[5:], *ids[:5]]  # any order is kept
        one_by_one = [to_plain(build_document(session, i)) for i in ids]
    with demo.read() as session:
        together = plain_documents(session, ids)
    assert together == one_by_one
    kinds = ("meetings", "reviews", "peer_contributions", "versions", "goals")
    plans = [plan for document in together for plan in document["plans"]]
    for kind in kinds:  # the demo has all of these, so each was compared
        assert any(plan[kind] for plan in plans), kind
    assert any(plan["crisis_plan"] and plan["crisis_plan"]["contacts"] for plan in plans)
    reviews = [review for plan in plans for review in plan["reviews"]]
    assert any(r["ratings"] for r in reviews) and any(r["goals"] for r in reviews)
    meetings = [meeting for plan in plans for meeting in plan["meetings"]]
    assert any(m["attendees"] for m in meetings) and any(r["attendees"] for r in reviews)


def test_a_missing_person_in_a_batch_is_said_plainly(demo: Context) -> None:
    from caseplan.errors import NotFound

    with demo.read() as session, pytest.raises(NotFound) as missing:
        plain_documents(session, [uuid.uuid4()])
    assert str(missing.value) == "This person is not in the database."


@pytest.mark.parametrize("workers", [1, 2])
def test_each_plan_in_the_batch_reads_as_printed_on_its_own(
    demo: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    from caseplan.reports import printing as reports_printing

    monkeypatch.setattr(reports_printing, "POOL_FROM", 2)
    monkeypatch.setattr(printing, "READ_TOGETHER", 4)
    lead = _lead(demo)
    with demo.read() as session:
        due = session.scalars(
            select(Plan.next_review).where(
                Plan.status != PlanStatus.CLOSED, Plan.next_review.is_not(None)
            )
        )
        until = max(due)
    people = printing.due_people(lead, until)
    out = tmp_path / "due.pdf"
    assert print_due(lead, until, out, workers=workers) == len(people) >= 10
    page = 1
    while "Forside: " in pdf_text(out, page):  # the cover list, then the plans
        page += 1
    for person in people:
        alone = tmp_path / "alone.pdf"
        alone.write_bytes(plan_pdf(lead, person.id, audited=False))
        pages = page_count(alone)
        assert pdf_text(out, page, page + pages - 1) == pdf_text(alone), person.full_name
        page += pages
    assert page - 1 == page_count(out)
