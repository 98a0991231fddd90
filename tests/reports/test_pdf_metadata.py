"""What PDF readers and screen readers are told: title, subject, language, bookmarks per
section, every font embedded; and the plan in nynorsk and Northern Sámi."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pdftools import fonts, page_count, pdf_text, squeeze
from plan_documents import rich_document
from pypdf import PdfReader

from caseplan.reports.crisis_card import render_crisis_card
from caseplan.reports.meeting_summary import render_meeting_summary
from caseplan.reports.shared_plan import PlanOptions, render_many, render_shared_plan

PRINTED = date(2026, 11, 22)
NAME = "Ása Máret Ŋuolja Gaup"


def _outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    """(level, title, page number) of every bookmark, in order."""
    out: list[tuple[int, str, int]] = []

    def walk(items: list[object], level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                out.append((level, item.title, reader.get_destination_page_number(item) + 1))  # type: ignore[attr-defined]

    walk(reader.outline, 0)
    return out


@pytest.mark.parametrize(
    ("language", "sections"),
    [
        ("nb", ["Om meg", "Mine mål", "Mitt team", "Min kriseplan", "Vår avtale"]),
        ("nn", ["Om meg", "Måla mine", "Teamet mitt", "Kriseplanen min", "Avtalen vår"]),
        ("se", ["Mu birra", "Mu ulbmilat", "Mu joavku", "Mu kriisaplána", "Min šiehtadus"]),
        ("en", ["About me", "My goals", "My team", "My crisis plan", "Our agreement"]),
    ],
)
def test_title_subject_language_and_a_bookmark_per_section(
    tmp_path: Path, language: str, sections: list[str]
) -> None:
    path = tmp_path / "plan.pdf"
    render_shared_plan(rich_document(), path, PlanOptions(language=language, printed_on=PRINTED))
    reader = PdfReader(path)
    info = reader.metadata
    assert info is not None
    expected_title = f"Plána: {NAME}" if language == "se" else f"Plan for {NAME}"
    assert info.title == expected_title
    assert info.subject and info.subject != "Caseplan"
    assert reader.trailer["/Root"]["/Lang"] == language
    assert reader.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"]
    outline = _outline(reader)
    assert outline[0][:2] == (0, expected_title)
    titles = [title for level, title, _ in outline if level == 1]
    for section in sections:
        assert section in titles
    text = pdf_text(path)
    for _level, title, page in outline[1:]:
        assert squeeze(title) in squeeze(pdf_text(path, page)), (title, page)
    assert all(section in text for section in sections)
    assert all(embedded for _, embedded in fonts(path))


def test_a_batch_has_one_bookmark_per_person(tmp_path: Path) -> None:
    english = rich_document()
    english["person"]["preferred_language"] = "en"
    english["person"]["full_name"] = "Kari Nordmann"
    path = tmp_path / "many.pdf"
    render_many([rich_document(), english], path, PlanOptions(printed_on=PRINTED))
    top = [(title, page) for level, title, page in _outline(PdfReader(path)) if level == 0]
    assert [title for title, _ in top] == [f"Plan for {NAME}", "Plan for Kari Nordmann"]
    assert top[0][1] == 1 and top[1][1] > 1
    assert "Kari Nordmann" in pdf_text(path, top[1][1])


def test_crisis_card_and_meeting_summary_say_what_they_are(tmp_path: Path) -> None:
    card, summary = tmp_path / "card.pdf", tmp_path / "summary.pdf"
    render_crisis_card(rich_document(), card, PlanOptions(language="nn"))
    render_meeting_summary(rich_document(), summary, PlanOptions(printed_on=PRINTED))
    card_reader, summary_reader = PdfReader(card), PdfReader(summary)
    assert card_reader.metadata.title == f"Krisekort for {NAME}"  # type: ignore[union-attr]
    assert card_reader.trailer["/Root"]["/Lang"] == "nn"
    assert summary_reader.metadata.title == f"Dette ble vi enige om i dag: {NAME}"  # type: ignore[union-attr]
    assert summary_reader.trailer["/Root"]["/Lang"] == "nb"
    for path in (card, summary):
        assert all(embedded for _, embedded in fonts(path))


def test_nynorsk_and_sami_plans_use_their_own_words_and_dates(tmp_path: Path) -> None:
    nn, se = tmp_path / "nn.pdf", tmp_path / "se.pdf"
    render_shared_plan(rich_document(), nn, PlanOptions(language="nn", printed_on=PRINTED))
    render_shared_plan(rich_document(), se, PlanOptions(language="se", printed_on=PRINTED))
    nn_text, se_text = pdf_text(nn), pdf_text(se)
    assert "Planen min" in nn_text and "Skrive ut 22. november 2026" in nn_text
    assert "Ved fare for liv: ring 113." in nn_text
    assert "Mine mål" not in nn_text and "Skrevet ut" not in nn_text
    assert "Mu plána" in se_text and "skábmamánnu" in se_text
    assert "riŋge 113" in se_text
    assert f"Siidu 1/{page_count(se)}" in pdf_text(se, 1)
    # the person's own words are never translated
    assert squeeze("Jeg vil ha min egen leilighet i Tromsø før vinteren") in squeeze(se_text)


def test_a_persons_preferred_language_chooses_nynorsk(tmp_path: Path) -> None:
    document = rich_document()
    document["person"]["preferred_language"] = "nn"
    path = tmp_path / "nn.pdf"
    render_shared_plan(document, path, PlanOptions(printed_on=PRINTED))
    assert "Måla mine" in pdf_text(path)
    render_shared_plan(document, path, PlanOptions(language="en", printed_on=PRINTED))
    assert "My goals" in pdf_text(path)  # the print's choice wins


def test_merged_parts_keep_every_bookmark_on_its_page(tmp_path: Path) -> None:
    from caseplan.reports.merge import merge_pdfs
    from caseplan.reports.shared_plan import batch_info

    english = rich_document()
    english["person"]["preferred_language"] = "en"
    english["person"]["full_name"] = "Kari Nordmann"
    first, second, merged = tmp_path / "a.pdf", tmp_path / "b.pdf", tmp_path / "all.pdf"
    render_many([rich_document()], first, PlanOptions(printed_on=PRINTED))
    render_many([english, rich_document()], second, PlanOptions(printed_on=PRINTED))
    merge_pdfs([first, second], merged, batch_info(PlanOptions()))
    pages_a = page_count(first)
    assert page_count(merged) == pages_a + page_count(second)
    reader = PdfReader(merged)
    assert reader.metadata.title == "Planer som skal evalueres"  # type: ignore[union-attr]
    assert reader.trailer["/Root"]["/Lang"] == "nb"
    assert reader.pdf_header == "%PDF-1.4"  # the version that has a document language
    outline = _outline(reader)
    people = [(title, page) for level, title, page in outline if level == 0]
    assert [title for title, _ in people] == [
        f"Plan for {NAME}",
        "Plan for Kari Nordmann",
        f"Plan for {NAME}",
    ]
    assert people[1][1] == pages_a + 1
    for level, title, page in outline:
        shown = title.removeprefix("Plan for ") if level == 0 else title
        assert squeeze(shown) in squeeze(pdf_text(merged, page)), (title, page)
    assert len(outline) >= 3 * 8  # a plan and its 7 sections, three times


def test_a_part_with_a_nested_page_tree_joins_in_order_with_what_its_pages_inherit(
    tmp_path: Path,
) -> None:
    """ReportLab writes one flat page tree; a part with nested page tree nodes (as other PDF
    writers make) still joins page for page, each page keeping the size and resources it
    inherited from the nodes above it."""
    import pikepdf

    from caseplan.reports.merge import merge_pdfs
    from caseplan.reports.shared_plan import batch_info

    flat, nested, merged = tmp_path / "flat.pdf", tmp_path / "nested.pdf", tmp_path / "all.pdf"
    render_many([rich_document()], flat, PlanOptions(printed_on=PRINTED))
    with pikepdf.open(flat) as pdf:
        root = pdf.Root.Pages
        kids = list(root.Kids)
        middle = pdf.make_indirect(
            pikepdf.Dictionary(
                Type=pikepdf.Name.Pages,
                Kids=pikepdf.Array(kids[1:]),
                Count=len(kids) - 1,
                Parent=root,
                MediaBox=kids[1].MediaBox,
                Resources=kids[1].Resources,
            )
        )
        for kid in kids[1:]:
            kid.Parent = middle
            del kid.MediaBox
            del kid.Resources
        root.Kids = pikepdf.Array([kids[0], middle])
        pdf.save(nested)
    merge_pdfs([nested, flat], merged, batch_info(PlanOptions()))
    pages = page_count(flat)
    assert page_count(merged) == 2 * pages
    for page in range(1, pages + 1):
        assert pdf_text(merged, page) == pdf_text(flat, page) == pdf_text(merged, pages + page)
    with pikepdf.open(merged) as pdf:
        assert all("/MediaBox" in p.obj and "/Resources" in p.obj for p in pdf.pages)
