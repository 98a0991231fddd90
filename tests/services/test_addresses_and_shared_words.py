"""A person's address (for letters) and a review's two new facts: the date it answered, and
whether the person agreed that its words may be shared without their name (off by default)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from caseplan.errors import InvalidInput
from caseplan.models import AuditEvent, GoalDecision
from caseplan.services.context import Context
from caseplan.services.exchange.exchange import export_person, import_person
from caseplan.services.meetings import reviews
from caseplan.services.meetings.together import GoalReview, record_review
from caseplan.services.people import people
from caseplan.storage.database import Database
from tests.services.test_life_of_a_plan import LATER, START, Clinic


def test_an_address_is_kept_line_by_line_and_travels_with_the_person(
    db: Database, open_db: object, tmp_path: object
) -> None:
    c = Clinic(db)
    ola = people.update_person(c.ctx, c.person_id, None, address="Storgata 1\r\n0155 Oslo")
    assert ola.address == "Storgata 1\n0155 Oslo"
    assert people.get_person(c.ctx, c.person_id).address == "Storgata 1\n0155 Oslo"
    with pytest.raises(InvalidInput, match="Address is too long"):
        people.update_person(c.ctx, c.person_id, None, address="x" * 301)
    with pytest.raises(InvalidInput, match="Address contains a control character"):
        people.update_person(c.ctx, c.person_id, None, address="Storgata\x001")
    exported = json.loads(export_person(c.ctx, c.person_id))
    assert exported["person"]["address"] == "Storgata 1\n0155 Oslo"
    siv = people.create_person(c.ctx, "Siv Berg", address="Postboks 7\n9999 Vadsø")
    assert people.get_person(c.ctx, siv.id).address == "Postboks 7\n9999 Vadsø"


def test_a_review_remembers_the_date_it_answered_and_shares_nothing_unless_asked(
    db: Database,
) -> None:
    c = Clinic(db)
    due = c.plan().next_review
    assert due is not None
    c.day = LATER
    first = record_review(
        c.ctx,
        c.plan_id,
        on=LATER,
        present=[c.kari],
        goals=[GoalReview(c.housing.id, score=5, what_helped="Turen.")],
        next_review=date(2026, 9, 2),
    )
    assert (first.due_on, first.words_shared) == (due, False)
    second = record_review(
        c.ctx,
        c.plan_id,
        on=LATER,
        present=[c.kari],
        goals=[GoalReview(c.housing.id, score=6, decision=GoalDecision.KEEP)],
        next_review=date(2026, 12, 2),
        words_shared=True,
    )
    assert (second.due_on, second.words_shared) == (date(2026, 9, 2), True)
    changed = reviews.update_review(c.ctx, first.id, first.version, words_shared=True)
    assert changed.words_shared and changed.due_on == due
    with db.sessions() as session:
        details = session.scalars(
            select(AuditEvent.detail)
            .where(AuditEvent.entity == "review", AuditEvent.entity_id == str(c.person_id))
            .order_by(AuditEvent.seq)
        ).all()
    assert "words_shared" not in details[0]  # not asked: nothing said about sharing
    assert "words_shared" in details[1] and "words_shared" in details[2]
    exported = json.loads(export_person(c.ctx, c.person_id))
    written = sorted((r["due_on"], r["words_shared"]) for r in exported["plans"][0]["reviews"])
    assert written == [(due.isoformat(), True), ("2026-09-02", True)]


def test_shared_words_and_due_dates_round_trip_through_the_json_file(db: Database) -> None:
    c = Clinic(db)
    c.day = LATER
    record_review(
        c.ctx,
        c.plan_id,
        on=START,
        present=[c.kari],
        goals=[GoalReview(c.housing.id, score=4)],
        next_review=LATER,
        words_shared=True,
    )
    people.update_person(c.ctx, c.person_id, None, address="Fjellveien 3")
    system = Context(db.sessions)  # accounts are not in the file, so no one's team comes back
    exported = export_person(system, c.person_id)
    doc = json.loads(exported)
    assert doc["person"]["address"] == "Fjellveien 3"
    assert [(r["due_on"], r["words_shared"]) for r in doc["plans"][0]["reviews"]] == [
        (LATER.isoformat(), True)  # the plan's first review date, three months on
    ]
    people.delete_person(system, c.person_id, None)
    again = import_person(system, exported)
    assert json.loads(export_person(system, again)) == doc
