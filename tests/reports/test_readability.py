"""Type sizes and contrast on the pages the person takes home, measured on the printed PDF:
every text at least 10 pt and 4.5:1 against what is behind it, the emergency line 7:1,
running text 12 pt (16 pt in easy-read); and nothing transparent on any page."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pagecheck import contrast, seen_text
from plan_documents import rich_document

from caseplan.reports.crisis_card import render_crisis_card
from caseplan.reports.meeting_summary import render_meeting_summary
from caseplan.reports.shared_plan import PlanOptions, render_shared_plan
from caseplan.reports.styles import DEMO_MARK, WARM

PRINTED = date(2026, 11, 22)
DECORATION = {tuple(round(c * 255) for c in DEMO_MARK.rgb())}
EMERGENCY = tuple(round(c * 255) for c in WARM.rgb())

PRINTOUTS: dict[str, tuple[Callable[[Path], None], float]] = {
    # name: (how to print it, the size most of its text must have at least)
    "plan": (lambda p: render_shared_plan(rich_document(), p, PlanOptions(demo=True)), 12),
    "plan-nynorsk": (
        lambda p: render_shared_plan(rich_document(), p, PlanOptions(language="nn")),
        12,
    ),
    "plan-sami-bilingual": (
        lambda p: render_shared_plan(
            rich_document(), p, PlanOptions(language="se", bilingual=True)
        ),
        12,
    ),
    "easy-read": (
        lambda p: render_shared_plan(rich_document(), p, PlanOptions(easy_read=True, demo=True)),
        16,
    ),
    "crisis-card": (
        lambda p: render_crisis_card(rich_document(), p, PlanOptions(demo=True)),
        10,
    ),
    "meeting-summary": (
        lambda p: render_meeting_summary(rich_document(), p, PlanOptions(printed_on=PRINTED)),
        12,
    ),
}


@pytest.fixture(scope="module", params=sorted(PRINTOUTS))
def printout(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp(request.param) / "out.pdf"
    make, body = PRINTOUTS[request.param]
    make(path)
    return request.param, path, body


def test_every_text_is_large_enough_and_stands_out(printout) -> None:  # type: ignore[no-untyped-def]
    name, path, body = printout
    seen = seen_text(path, DECORATION)
    assert len(seen) > 20, "no text found"
    too_small = sorted({(run.size, run.page) for run, _ in seen if run.size < 10 - 0.01})
    assert not too_small, f"{name}: text under 10 pt: {too_small[:5]}"
    faint = sorted({(round(contrast(run.color, bg), 2), run.color, bg) for run, bg in seen})
    assert faint[0][0] >= 4.5, f"{name}: contrast under 4.5:1: {faint[:3]}"
    emergency = [(run, bg) for run, bg in seen if run.color == EMERGENCY]
    assert emergency, f"{name}: no emergency line"
    assert min(contrast(run.color, bg) for run, bg in emergency) >= 7
    glyphs = sum(run.glyphs for run, _ in seen)
    large = sum(run.glyphs for run, _ in seen if run.size >= body - 0.01)
    assert large / glyphs >= 0.75, f"{name}: only {large / glyphs:.0%} of the text is {body} pt"


def test_no_page_has_anything_transparent(printout) -> None:  # type: ignore[no-untyped-def]
    _name, path, _body = printout
    raw = path.read_bytes()
    assert b"/SMask" not in raw
    for value in re.findall(rb"/(?:ca|CA) ([0-9.]+)", raw):
        assert float(value) == 1.0
