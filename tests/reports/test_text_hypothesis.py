"""Whatever a person types — markup-like text, ampersands, any Latin script — prints as typed."""

from __future__ import annotations

import tempfile
import unicodedata
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pdftools import body_text, pdf_text, squeeze

from caseplan.reports.crisis_card import render_crisis_card
from caseplan.reports.shared_plan import PlanOptions, render_shared_plan

MARKUP = [
    "<b>",
    "</para>",
    "<br/>",
    "&amp;",
    "&",
    "<",
    ">",
    "]]>",
    "&#65;",
    "<font color=red>",
    "{name}",
    "%s",
    '"',
    "'",
    "<img src='x'/>",
    "Ása",
    "ŋ",
    "ŧ",
    "đ",
    "ž",
    "č",
    "š",
]

letters = st.characters(
    max_codepoint=0x024F,
    categories=("L", "N", "P", "S", "Zs"),
    exclude_characters="\xad\xa0",
)
user_text = st.lists(
    st.one_of(st.text(letters, min_size=1, max_size=12), st.sampled_from(MARKUP)),
    min_size=1,
    max_size=6,
).map(" ".join)


def document(value: str) -> dict[str, Any]:
    """One open plan with ``value`` in every printed text field."""
    participant = {
        "role": "coordinator",
        "name": value,
        "organisation": value,
        "phone": value,
        "email": value,
        "consent": {"scope": "full_plan", "expires_on": "2027-01-01"},
    }
    return {
        "format": "caseplan.person/1",
        "person": {
            "full_name": value,
            "preferred_name": value,
            "preferred_language": "nb",
            "about_me": {
                k: value
                for k in (
                    "what_matters",
                    "strengths",
                    "what_helps",
                    "what_does_not_help",
                    "how_i_want_to_be_met",
                )
            },
        },
        "plans": [
            {
                "id": "p",
                "status": "draft",
                "period_start": "2026-01-01",
                "coordinator": "c",
                "participants": [
                    {"id": "me", **participant, "role": "person"},
                    {"id": "c", **participant},
                    {"id": "peer", **participant, "role": "peer"},
                ],
                "goals": [
                    {
                        "id": "g",
                        "domain": "housing",
                        "own_words": value,
                        "worker_note": "",
                        "steps": [
                            {"id": "s", "action": value, "responsible": "c", "worker_note": ""}
                        ],
                    }
                ],
                "crisis_plan": {
                    **{
                        k: value
                        for k in (
                            "warning_signs",
                            "triggers",
                            "what_i_do",
                            "what_others_do",
                            "what_does_not_help",
                            "treatment_wanted",
                            "treatment_not_wanted",
                        )
                    },
                    "contacts": [{"name": value, "role": value, "phone": value}],
                },
            }
        ],
    }


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(user_text, st.booleans())
def test_any_text_in_any_field_prints_as_typed(value: str, easy_read: bool) -> None:
    expected = squeeze(unicodedata.normalize("NFC", value))
    assume(expected)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plan.pdf"
        render_shared_plan(document(value), path, PlanOptions(easy_read=easy_read, language="en"))
        text = squeeze(body_text(path))
        # name, 5 about-me answers, goal, step (twice: goal and peer? no: responsible is the
        # coordinator), team rows, crisis fields and contact: far more than ten places
        assert text.count(expected) >= 10, (value, text[:400])
        card = Path(tmp) / "card.pdf"
        render_crisis_card(document(value), card, PlanOptions())
        assert expected in squeeze(pdf_text(card))
