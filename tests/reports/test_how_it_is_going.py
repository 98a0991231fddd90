"""The printed plan tells how it is going and whether it is still as agreed."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path
from typing import Any

from pdftools import body_text, pdf_text, squeeze
from plan_documents import GOAL, IDS, rich_document

from caseplan.reports.blocks import Words
from caseplan.reports.progress import Rating, chart, read_tracks
from caseplan.reports.shared_plan import PlanOptions, render_shared_plan

PRINTED = date(2026, 11, 22)


def _print(document: dict[str, Any], path: Path, **options: Any) -> str:
    render_shared_plan(document, path, PlanOptions(printed_on=PRINTED, **options))
    return pdf_text(path)


def _open(document: dict[str, Any]) -> dict[str, Any]:
    return next(p for p in document["plans"] if p["status"] != "closed")


def test_how_it_is_going_shows_the_persons_ratings_and_words(tmp_path: Path) -> None:
    text = _print(rich_document(), tmp_path / "plan.pdf")
    squeezed = squeeze(text)
    assert "Slik går det" in text
    assert squeeze("Du: 7 av 10 (1. september 2026)") in squeezed
    assert squeeze("Andre: Åse Ødegård 6") in squeezed  # others apart, the latest only
    assert squeeze("At Åse ringte boligkontoret sammen med meg.") in squeezed
    assert squeeze("Vi ble enige om: fortsette med det") in squeezed
    # the chart: one point per review, each labelled with its score and date
    assert squeeze("3 01.06.2026 7 01.09.2026") in squeeze(text.split("Slik går det")[1])
    # a goal rated once: one point, and its rating
    assert squeeze("Du: 6 av 10 (1. juni 2026)") in squeezed


def test_in_english_too(tmp_path: Path) -> None:
    text = _print(rich_document(), tmp_path / "plan.pdf", language="en")
    assert "How it is going" in text
    assert squeeze("You: 7 of 10 (1 September 2026)") in squeeze(text)
    assert squeeze("We decided: keep working on it") in squeeze(text)


def test_a_plan_never_reviewed_has_no_such_section(tmp_path: Path) -> None:
    document = rich_document()
    _open(document)["reviews"] = []
    text = _print(document, tmp_path / "plan.pdf")
    assert "Slik går det" not in text


def test_ratings_of_a_carried_goal_come_from_the_plan_before() -> None:
    document = rich_document()
    old, new = document["plans"]
    old["goals"] = [{"id": "old-goal", "own_words": "Før", "steps": []}]
    old["participants"] = [{"id": "old-me", "name": "Ása", "role": "person"}]
    old["reviews"] = [
        {"date": "2025-05-01", "ratings": [{"goal": "old-goal", "by": "old-me", "score": 1}]}
    ]
    new["goals"][0]["carried_from"] = "old-goal"
    tracks = read_tracks(document, new)
    assert [p.score for p in tracks[0].points] == [1, 3, 7]
    assert [p.score for p in tracks[1].points] == [6]


def test_one_point_is_a_point_not_an_empty_chart() -> None:
    drawn = chart([Rating(date(2026, 6, 1), 6)], Words("nb"))
    assert len(drawn.points) == 1 and "6" in drawn.labels and "01.06.2026" in drawn.labels


def test_a_plan_changed_since_agreed_prints_as_a_marked_draft(tmp_path: Path) -> None:
    text = _print(rich_document(), tmp_path / "plan.pdf")
    squeezed = squeeze(text)
    assert squeeze("Utkast – endret siden versjon 1") in squeezed  # the footer of every page
    assert squeeze("Ikke avtalt ennå – endringer siden versjon 1 er merket") in squeezed
    body = body_text(tmp_path / "plan.pdf")
    # the first goal's words changed; every step of the new goals is new
    assert squeeze("● Endret siden versjon 1") in squeeze(body)
    assert squeeze("● Nytt siden versjon 1") in squeeze(body)


def test_an_agreed_plan_has_no_marks(tmp_path: Path) -> None:
    document = rich_document()
    plan = _open(document)
    plan["status"] = "agreed"
    plan["versions"][0]["snapshot"] = {"goals": copy.deepcopy(plan["goals"])}
    text = _print(document, tmp_path / "plan.pdf")
    assert "siden versjon" not in text
    assert squeeze("Planversjon 1, avtalt 1. mars 2026") in squeeze(text)
    assert IDS["me"] not in text and GOAL.format(1) not in text
