"""The language a person's plan prints in is stored with the person (nb, nn, se, en) and
chooses the printed words, on SQLite and PostgreSQL alike; it travels in the JSON export."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from caseplan.models import LifeDomain
from caseplan.reports.printing import PlanOptions, plan_pdf
from caseplan.services.context import Context
from caseplan.services.people import people
from caseplan.services.plans import goals, plans
from caseplan.storage.database import Database
from tests.reports.pdftools import pdf_text

TODAY = date(2026, 4, 2)


@pytest.mark.parametrize(
    ("language", "heading"),
    [("se", "Mu ulbmilat"), ("nn", "Måla mine"), ("nb", "Mine mål"), ("en", "My goals")],
)
def test_the_persons_own_language_chooses_the_printed_language(
    db: Database, tmp_path: Path, language: str, heading: str
) -> None:
    from caseplan.models import Language
    from caseplan.services.exchange import exchange

    ctx = Context(db.sessions, today=lambda: TODAY)
    person = people.create_person(ctx, "Máret Ánde Gaup", preferred_language=Language(language))
    plan = plans.open_plan(ctx, person.id, period_start=date(2026, 1, 1))
    goals.add_goal(ctx, plan.id, LifeDomain.HOUSING, "Oažžut iežan ássama")
    out = tmp_path / "plan.pdf"
    out.write_bytes(plan_pdf(ctx, person.id, PlanOptions()))
    text = pdf_text(out)
    assert heading in text and "Oažžut iežan ássama" in text
    document = json.loads(exchange.export_person(ctx, person.id))
    assert document["person"]["preferred_language"] == language
