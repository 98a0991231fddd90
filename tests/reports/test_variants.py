"""Every printout: fonts embedded, a valid PDF; the crisis card; batch printing."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pdftools import fonts, page_count, pdf_text, qpdf_check, squeeze
from PIL import Image
from plan_documents import IDS, WORKER_NOTES, rich_document

from caseplan.errors import InvalidInput
from caseplan.reports.crisis_card import render_crisis_card
from caseplan.reports.shared_plan import (
    PlanOptions,
    PrintCancelled,
    render_many,
    render_shared_plan,
)

PRINTED = date(2026, 11, 22)


def _signature() -> bytes:
    buffer = io.BytesIO()
    Image.new("L", (200, 60), 255).save(buffer, format="PNG")
    return buffer.getvalue()


def _english() -> dict[str, object]:
    document = rich_document()
    document["person"]["preferred_language"] = "en"  # type: ignore[index]
    return document


VARIANTS: dict[str, Callable[[Path], None]] = {
    "plan-nb": lambda p: render_shared_plan(rich_document(), p, PlanOptions(printed_on=PRINTED)),
    "plan-en-bilingual": lambda p: render_shared_plan(
        _english(), p, PlanOptions(bilingual=True, printed_on=PRINTED)
    ),
    "plan-easy-read-demo": lambda p: render_shared_plan(
        rich_document(), p, PlanOptions(easy_read=True, demo=True)
    ),
    "plan-signed": lambda p: render_shared_plan(
        rich_document(), p, PlanOptions(signatures={IDS["me"]: _signature()})
    ),
    "crisis-card": lambda p: render_crisis_card(rich_document(), p, PlanOptions(demo=True)),
    "crisis-card-en": lambda p: render_crisis_card(_english(), p, PlanOptions()),
    "many": lambda p: render_many([rich_document(), _english()], p, PlanOptions()),
}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_every_variant_embeds_all_fonts_and_passes_qpdf(variant: str, tmp_path: Path) -> None:
    path = tmp_path / f"{variant}.pdf"
    VARIANTS[variant](path)
    listed = fonts(path)
    assert listed, "no fonts listed"
    assert all(embedded for _, embedded in listed), listed
    assert all("DejaVuSans" in name for name, _ in listed), listed
    check = qpdf_check(path)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "No syntax or stream encoding errors" in check.stdout


def test_crisis_card_has_warning_signs_what_helps_and_who_to_call(tmp_path: Path) -> None:
    path = tmp_path / "card.pdf"
    render_crisis_card(rich_document(), path, PlanOptions(printed_on=PRINTED))
    assert page_count(path) == 1
    text = pdf_text(path)
    squeezed = squeeze(text)
    assert text.count("Mitt krisekort") == 2  # two cards on the sheet
    assert squeezed.count(squeeze("Ása Máret Ŋuolja Gaup")) >= 2
    for words in (
        "Varselsignaler",
        "Det som hjelper",
        "Hvem jeg ringer",
        "Ved fare for liv: ring 113.",
        "Jeg slutter å svare på telefonen.",
        "Går ut med bikkja. Ringer Ánde.",
        "Ánde Čoavddáš (Likeperson): +47 400 11 222",
        "Legevakta Tromsø",
        "Slik vil jeg bli møtt",
        "Som en voksen som vet hva jeg trenger.",
        "Behandling jeg ønsker",
        "Samtale med fastlegen samme dag.",
        "Behandling jeg ikke ønsker",
        "Innleggelse langt hjemmefra.",
    ):
        assert squeeze(words) in squeezed, words
    assert "Klipp langs merkene" in text
    for note in WORKER_NOTES:
        assert squeeze(note) not in squeezed


def test_crisis_card_shortens_texts_too_long_for_the_card(tmp_path: Path) -> None:
    document = rich_document()
    document["plans"][1]["crisis_plan"]["warning_signs"] = "Jeg blir stille. " * 1000
    path = tmp_path / "card.pdf"
    render_crisis_card(document, path, PlanOptions(language="en"))
    text = pdf_text(path)
    assert page_count(path) == 1
    assert text.count("My crisis card") == 2
    assert "…" in text
    assert "Legevakta Tromsø" in text  # who to call is on the front, never crowded out


def test_render_many_numbers_each_plan_on_its_own(tmp_path: Path) -> None:
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    render_shared_plan(rich_document(), first, PlanOptions(printed_on=PRINTED))
    render_shared_plan(_english(), second, PlanOptions(printed_on=PRINTED))
    pages_a, pages_b = page_count(first), page_count(second)
    both = tmp_path / "both.pdf"
    seen: list[tuple[int, int]] = []
    render_many(
        [rich_document(), _english()],
        both,
        PlanOptions(printed_on=PRINTED),
        progress=lambda done, total: seen.append((done, total)),
    )
    assert page_count(both) == pages_a + pages_b
    assert seen == [(1, 2), (2, 2)]
    assert f"Side {pages_a} av {pages_a}" in pdf_text(both, pages_a)
    start_b = pdf_text(both, pages_a + 1)
    assert f"Page 1 of {pages_b}" in start_b and "My plan" in start_b


def test_cancelled_batch_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "cancelled.pdf"
    calls: list[int] = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(PrintCancelled):
        render_many([rich_document()] * 3, path, PlanOptions(), cancelled=cancelled)
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []


def test_render_many_refuses_an_empty_batch(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput):
        render_many([], tmp_path / "none.pdf", PlanOptions())


def test_writes_to_a_binary_stream() -> None:
    buffer = io.BytesIO()
    render_shared_plan(rich_document(), buffer, PlanOptions())
    assert buffer.getvalue().startswith(b"%PDF-")


def test_no_crisis_card_without_a_crisis_plan(tmp_path: Path) -> None:
    document = rich_document()
    for plan in document["plans"]:
        plan["crisis_plan"] = None
    path = tmp_path / "card.pdf"
    with pytest.raises(InvalidInput) as refused:
        render_crisis_card(document, path, PlanOptions())
    assert str(refused.value) == (
        "There is no crisis plan for this person yet, so there is no card to print."
    )
    assert not path.exists()
