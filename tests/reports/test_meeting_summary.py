""" "What we agreed today": one page after any meeting, with what the person may see only."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pdftools import page_count, pdf_text, squeeze
from plan_documents import IDS, WORKER_NOTES, rich_document

from caseplan.errors import InvalidInput
from caseplan.reports.meeting_summary import render_meeting_summary
from caseplan.reports.shared_plan import PlanOptions

PRINTED = date(2026, 11, 22)


def _with_a_second_meeting() -> dict[str, object]:
    document = rich_document()
    document["plans"][1]["meetings"].append(
        {
            "id": "m2",
            "date": "2026-12-01",
            "attendees": [IDS["me"], IDS["peer"]],
            "shared_notes": "Vi gikk gjennom boligsøknaden.\nÁnde blir med til NAV.",
            "worker_note": "INTERN-ARBEIDSNOTAT-MØTE-2",
            "agreed": False,
        }
    )
    return document


def test_summary_of_the_latest_meeting_on_one_page(tmp_path: Path) -> None:
    path = tmp_path / "summary.pdf"
    render_meeting_summary(_with_a_second_meeting(), path, PlanOptions(printed_on=PRINTED))
    assert page_count(path) == 1
    text = squeeze(pdf_text(path))
    for expected in (
        "Dette ble vi enige om i dag",
        "Ása · møte 1. desember 2026",
        "Hvem som var med",
        "Ánde Čoavddáš",
        "Vi gikk gjennom boligsøknaden.",
        "Ánde blir med til NAV.",
        "Det som skjer videre",
        "Søke om kommunal bolig sammen med Åse Ødegård på boligkontoret",  # due 15 Dec
        "15. desember 2026",
        "Vi ser på planen sammen igjen 20. januar 2027.",
        "Spørsmål? Ring Åse Ødegård, +47 77 79 00 00.",
        "Ved fare for liv: ring 113.",
    ):
        assert squeeze(expected) in text, expected
    assert squeeze("Åse Ødegård (Koordinator)") not in text  # she was not at this meeting
    assert squeeze("Vi ble enige om planen") not in text  # the plan was not agreed here
    for note in (*WORKER_NOTES, "INTERN-ARBEIDSNOTAT-MØTE-2"):
        assert squeeze(note) not in text
    assert "Se på leiligheter" not in text  # a step already done is not "next"


def test_summary_of_a_chosen_meeting_in_english(tmp_path: Path) -> None:
    path = tmp_path / "summary.pdf"
    render_meeting_summary(
        _with_a_second_meeting(), path, PlanOptions(language="en", printed_on=PRINTED), "m1"
    )
    text = squeeze(pdf_text(path))
    assert squeeze("What we agreed today") in text
    assert squeeze("meeting on 1 March 2026") in text
    assert squeeze("We agreed on the plan together at this meeting.") in text


def test_no_summary_without_a_meeting() -> None:
    document = rich_document()
    document["plans"][1]["meetings"] = []
    with pytest.raises(InvalidInput, match="no meeting"):
        render_meeting_summary(document, io.BytesIO(), PlanOptions())
    with pytest.raises(InvalidInput, match="not part of"):
        render_meeting_summary(rich_document(), io.BytesIO(), PlanOptions(), "nope")
