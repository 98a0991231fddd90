"""Versions on paper: version 2 prints with the ratings, version 1 reprints as it was signed."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

from pdftools import pdf_text, squeeze
from sqlalchemy import select

from caseplan.models import AuditEvent, GoalDecision, LifeDomain
from caseplan.reports.printing import PlanOptions, plan_pdf, version_pdf
from caseplan.services.agreement import agreement
from caseplan.services.meetings.together import GoalReview, record_review
from caseplan.services.plans import goals
from caseplan.storage.database import Database
from tests.services.test_agreement import png
from tests.services.test_life_of_a_plan import LATER, START, Clinic

PRINTED = date(2026, 11, 22)


def _images(path: Path) -> int:
    listed = subprocess.run(
        ["pdfimages", "-list", str(path)], check=True, capture_output=True, text=True
    ).stdout
    return len(listed.splitlines()) - 2


def test_version_two_prints_and_version_one_reprints_unchanged(
    db: Database, tmp_path: Path
) -> None:
    c = Clinic(db)
    first = c.agree(START)
    options = PlanOptions(printed_on=PRINTED)
    v1_before = tmp_path / "v1-before.pdf"
    v1_before.write_bytes(version_pdf(c.ctx, first.id, options))

    c.day = LATER
    record_review(
        c.ctx,
        c.plan_id,
        on=LATER,
        present=[c.kari],
        goals=[
            GoalReview(
                c.housing.id, score=7, what_helped="Kari ringte med meg.", others=((c.kari, 6),)
            ),
            GoalReview(c.work.id, score=2, decision=GoalDecision.CHANGE),
        ],
        next_review=date(2026, 9, 2),
    )
    goals.update_goal(c.ctx, c.work.id, None, own_words="Prøve arbeidstrening to dager i uka.")
    goals.add_goal(c.ctx, c.plan_id, LifeDomain.LEISURE, "Begynne å fiske igjen.")

    draft = tmp_path / "draft.pdf"
    draft.write_bytes(plan_pdf(c.ctx, c.person_id, options))
    text = squeeze(pdf_text(draft))
    assert squeeze("Ikke avtalt ennå – endringer siden versjon 1 er merket") in text
    assert squeeze("Utkast – endret siden versjon 1") in text
    assert squeeze("Nytt siden versjon 1") in text and squeeze("Endret siden versjon 1") in text

    second = agreement.agree_plan(
        c.ctx,
        c.plan_id,
        c.plan().version,
        [c.ola, c.kari],
        {c.ola: "signature", c.kari: "paper"},
        {c.ola: png(40, 12)},
        LATER,
    )
    assert second.number == 2
    v2 = tmp_path / "v2.pdf"
    v2.write_bytes(plan_pdf(c.ctx, c.person_id, options))
    text = squeeze(pdf_text(v2))
    assert squeeze("Planversjon 2, avtalt 2. juni 2026") in text
    assert squeeze("Slik går det") in text
    assert squeeze("Du: 7 av 10 (2. juni 2026)") in text
    assert squeeze("Du: 2 av 10 (2. juni 2026)") in text
    assert squeeze("Andre: Kari 6") in text
    assert squeeze("Kari ringte med meg.") in text
    assert "siden versjon" not in pdf_text(v2)

    v1_after = tmp_path / "v1-after.pdf"
    v1_after.write_bytes(version_pdf(c.ctx, first.id, options))
    assert pdf_text(v1_after) == pdf_text(v1_before)
    old = squeeze(pdf_text(v1_after))
    assert squeeze("Planversjon 1, avtalt 2. mars 2026") in old
    assert squeeze("Komme i arbeidstrening.") in old and "fiske" not in old
    assert "Slik går det" not in pdf_text(v1_after)  # no review had been made then
    assert _images(v1_after) == 1  # Ola's signature drawn on the screen, as signed
    with db.sessions() as session:
        details = session.scalars(
            select(AuditEvent.detail).where(AuditEvent.action == "print")
        ).all()
    assert details.count("shared plan, nb, version 1") == 2
