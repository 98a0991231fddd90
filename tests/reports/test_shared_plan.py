"""The shared plan as the person will read it: their words, their team, never the worker's notes."""

from __future__ import annotations

import copy
import io
import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from pdftools import body_text, page_count, pdf_text, squeeze
from PIL import Image
from plan_documents import IDS, WORKER_NOTES, all_goal_and_step_texts, rich_document

from caseplan.errors import InvalidInput
from caseplan.reports.shared_plan import PlanOptions, render_shared_plan

PRINTED = date(2026, 11, 22)


@pytest.fixture(scope="module")
def nb_plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("nb") / "plan.pdf"
    render_shared_plan(rich_document(), path, PlanOptions(printed_on=PRINTED))
    return path


def test_plan_holds_the_name_and_every_goal_and_step_exactly(nb_plan: Path) -> None:
    text = squeeze(body_text(nb_plan))
    document = rich_document()
    assert squeeze("Ása Máret Ŋuolja Gaup") in text
    texts = all_goal_and_step_texts(document)
    assert len(texts) == 4 + 3 + 40 + 2 + 1
    missing = [t for t in texts if squeeze(t) not in text]
    assert missing == []


def test_about_me_and_crisis_plan_are_printed_in_full(nb_plan: Path) -> None:
    text = squeeze(body_text(nb_plan))
    person = rich_document()["person"]
    for value in person["about_me"].values():
        assert squeeze(value) in text
    crisis = rich_document()["plans"][1]["crisis_plan"]
    for key in ("warning_signs", "triggers", "what_i_do", "treatment_not_wanted"):
        assert squeeze(crisis[key]) in text
    assert squeeze("Legevakta Tromsø") in text and "116117" in text


@pytest.mark.parametrize("easy_read", [False, True])
def test_worker_notes_ids_and_closed_plans_are_never_printed(
    nb_plan: Path, tmp_path: Path, easy_read: bool
) -> None:
    if easy_read:
        nb_plan = tmp_path / "easy.pdf"
        render_shared_plan(rich_document(), nb_plan, PlanOptions(easy_read=True))
    text = pdf_text(nb_plan)
    squeezed = squeeze(text)
    for note in WORKER_NOTES:
        assert squeeze(note) not in squeezed
    assert "INTERN" not in text
    for value in IDS.values():
        assert value not in text
    assert "9f1c2d4e" not in text
    assert "GAMMEL-LUKKET-PLAN-MÅL" not in text
    assert re.search(r"[0-9a-f]{8}-[0-9a-f]{4}-", text) is None


def test_norwegian_headings_dates_and_footer(nb_plan: Path) -> None:
    text = pdf_text(nb_plan)
    for heading in (
        "Min plan",
        "Om meg",
        "Mine mål",
        "Mitt team",
        "Min kriseplan",
        "Min likeperson og det vi gjør sammen",
        "Neste evaluering",
        "Vår avtale",
    ):
        assert heading in text
    assert "About me" not in text
    assert "Skrevet ut 22. november 2026" in text
    assert "Vi ser på planen sammen igjen 20. januar 2027." in text
    pages = page_count(nb_plan)
    assert pages >= 3
    for page in range(1, pages + 1):
        footer = pdf_text(nb_plan, page)
        assert f"Side {page} av {pages}" in footer
        assert "Skrevet ut 22. november 2026" in footer


def test_team_shows_roles_phones_coordinator_and_consent_expiry(nb_plan: Path) -> None:
    text = pdf_text(nb_plan)
    assert "+47 77 79 00 00" in text and "+47 400 11 222" in text
    assert squeeze("★ min koordinator") in squeeze(text)
    assert squeeze("til 31. desember 2026") in squeeze(text)  # the peer's consent runs out
    assert squeeze("Ser ikke planen min") in squeeze(text)  # the sister has no consent


def test_peer_section_lists_what_we_do_together(nb_plan: Path) -> None:
    text = pdf_text(nb_plan)
    section = squeeze(
        text.split("Min likeperson og det vi gjør sammen")[1].split("Min kriseplan")[0]
    )
    assert squeeze("Ringe Ánde Čoavddáš når suget kommer, også om natta") in section
    assert squeeze("Delmål 4: gå en tur") in section  # a peer step from the 40-step goal
    assert squeeze("Delmål 2: gå en tur") not in section  # that one is the person's own
    assert squeeze("Vi har vært i kontakt 2 ganger, sist 12. november 2026.") in section


def test_agreement_lists_who_was_present_with_lines_to_sign(nb_plan: Path) -> None:
    text = pdf_text(nb_plan)
    agreement = text.split("Vår avtale")[-1]
    for name in ("Ása Máret Ŋuolja Gaup", "Åse Ødegård", "Ánde Čoavddáš"):
        assert squeeze(name) in squeeze(agreement)
    assert "Siobhan" not in agreement  # not at the meeting


def _png() -> bytes:
    image = Image.new("RGB", (300, 90), "white")
    for x in range(20, 280):
        image.putpixel((x, 45 + (x % 20) - 10), (20, 20, 60))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _images(path: Path) -> int:
    out = subprocess.run(
        ["pdfimages", "-list", str(path)], check=True, capture_output=True, text=True
    ).stdout
    return len(out.splitlines()) - 2


def test_drawn_signatures_replace_the_lines(tmp_path: Path) -> None:
    path = tmp_path / "signed.pdf"
    signatures = {
        IDS["me"]: _png(),
        IDS["coord"]: _png(),
        "not-a-participant": _png(),
        IDS["peer"]: b"not a png",
    }
    render_shared_plan(
        rich_document(), path, PlanOptions(printed_on=PRINTED, signatures=signatures)
    )
    assert _images(path) == 2  # the damaged one prints as a line, the stranger not at all
    unsigned = tmp_path / "unsigned.pdf"
    render_shared_plan(rich_document(), unsigned, PlanOptions(printed_on=PRINTED))
    assert _images(unsigned) == 0


def test_english_follows_the_persons_preferred_language(tmp_path: Path) -> None:
    document = rich_document()
    document["person"]["preferred_language"] = "en"
    path = tmp_path / "en.pdf"
    render_shared_plan(document, path, PlanOptions(printed_on=PRINTED))
    text = pdf_text(path)
    for heading in (
        "My plan",
        "About me",
        "My goals",
        "My team",
        "My crisis plan",
        "Our agreement",
    ):
        assert heading in text
    assert "Om meg" not in text
    assert "Printed 22 November 2026" in text
    assert "Page 1 of" in text
    # the language option wins over the person's preference
    render_shared_plan(document, path, PlanOptions(language="nb", printed_on=PRINTED))
    assert "Om meg" in pdf_text(path)


def test_bilingual_prints_every_heading_in_both_languages(tmp_path: Path) -> None:
    path = tmp_path / "both.pdf"
    render_shared_plan(rich_document(), path, PlanOptions(bilingual=True, printed_on=PRINTED))
    text = pdf_text(path)
    for pair in (
        "Om meg / About me",
        "Mine mål / My goals",
        "Mitt team / My team",
        "Min kriseplan / My crisis plan",
        "Vår avtale / Our agreement",
    ):
        assert pair in text


def test_demo_mark_on_every_page(tmp_path: Path) -> None:
    path = tmp_path / "demo.pdf"
    render_shared_plan(rich_document(), path, PlanOptions(demo=True, printed_on=PRINTED))
    for page in range(1, page_count(path) + 1):
        assert "DEMO – FIKTIV PERSON, IKKE EN EKTE PLAN" in pdf_text(path, page)
    plain = tmp_path / "plain.pdf"
    render_shared_plan(rich_document(), plain, PlanOptions(printed_on=PRINTED))
    assert "DEMO" not in pdf_text(plain)


def test_version_label_and_draft_status_in_footer(tmp_path: Path) -> None:
    path = tmp_path / "v.pdf"
    render_shared_plan(rich_document(), path, PlanOptions(version_label="3", printed_on=PRINTED))
    assert "Planversjon 3" in pdf_text(path, 1)
    render_shared_plan(rich_document(), path, PlanOptions(printed_on=PRINTED))
    assert "Utkast – endret siden versjon 1" in pdf_text(path, 1)  # changed since agreed
    never = rich_document()
    never["plans"][1]["versions"] = []
    render_shared_plan(never, path, PlanOptions(printed_on=PRINTED))
    assert "Utkast – ikke avtalt ennå" in pdf_text(path, 1)
    agreed = rich_document()
    agreed["plans"][1]["status"] = "agreed"
    render_shared_plan(agreed, path, PlanOptions(printed_on=PRINTED))
    assert "Planversjon 1, avtalt 1. mars 2026" in pdf_text(path, 2)


def test_easy_read_is_written_for_it_one_goal_per_page(tmp_path: Path) -> None:
    path = tmp_path / "easy.pdf"
    render_shared_plan(rich_document(), path, PlanOptions(easy_read=True, printed_on=PRINTED))
    text = pdf_text(path)
    for sentence in (
        "Dette er planen min.",
        "Den sier hva jeg vil. Den sier hvem som hjelper meg.",
        "Åse Ødegård hjelper meg med planen.",
        "Dette vil jeg:",
        "Dette skal vi gjøre:",
        "Når det blir vanskelig",
        "Pictograms: OpenMoji",
    ):
        assert squeeze(sentence) in squeeze(text), sentence
    assert "Mine mål" not in text  # not the shared plan's headings in bigger type
    pages = page_count(path)
    goal_pages = [n for n in range(1, pages + 1) if re.search(r"Mål \d av 4", pdf_text(path, n))]
    assert len(goal_pages) == 4
    for n, page in enumerate(goal_pages, start=1):
        assert f"Mål {n} av 4" in pdf_text(path, page)
    first_goal = squeeze(pdf_text(path, goal_pages[0]))
    assert squeeze("Dette målet handler om: Bolig") in first_goal
    assert squeeze("Hvem gjør det: Åse Ødegård (Koordinator)") in first_goal
    assert squeeze("Når: innen 15. desember 2026") in first_goal
    assert _images(path) == 0  # the pictograms are drawings, not pictures


def test_changes_page_compares_with_the_last_agreed_version(nb_plan: Path) -> None:
    pages = page_count(nb_plan)
    last = pdf_text(nb_plan, pages)
    assert "Dette er endret siden forrige avtalte versjon" in last
    assert "Sammenlignet med versjon 1, avtalt 1. mars 2026." in last
    squeezed = squeeze(last)
    assert squeeze("Før: Jeg vil ha min egen leilighet i Tromsø.") in squeezed
    assert squeeze("Flytte inn hos søsteren min en stund") in squeezed  # a step removed
    assert squeeze("Begynne i arbeidstrening på snekkerverkstedet") in squeezed  # a goal removed
    assert "Nytt mål" in last


def test_no_changes_page_without_an_earlier_version(tmp_path: Path) -> None:
    document = rich_document()
    document["plans"][1]["versions"] = []
    path = tmp_path / "first.pdf"
    render_shared_plan(document, path, PlanOptions(printed_on=PRINTED))
    assert "Dette er endret" not in pdf_text(path)


def test_a_person_without_an_open_plan_gets_a_clear_error() -> None:
    document = rich_document()
    document["plans"] = [p for p in document["plans"] if p["status"] == "closed"]
    with pytest.raises(InvalidInput, match="no open plan"):
        render_shared_plan(document, io.BytesIO(), PlanOptions())


def test_very_long_texts_split_across_pages(tmp_path: Path) -> None:
    document = copy.deepcopy(rich_document())
    long_goal = " ".join(f"ord{n}" for n in range(330))[:2000]
    document["plans"][1]["goals"][0]["own_words"] = long_goal
    document["plans"][1]["goals"][0]["steps"][0]["action"] = "Å" * 2000  # one unbroken word
    document["person"]["about_me"]["strengths"] = "Sterk. " * 2800  # 20,000 characters
    path = tmp_path / "long.pdf"
    render_shared_plan(document, path, PlanOptions(easy_read=True, printed_on=PRINTED))
    text = squeeze(body_text(path))
    assert squeeze(long_goal) in text
    assert "Å" * 2000 in text
    assert text.count("Sterk.") == 2800


def test_decomposed_text_prints_composed(tmp_path: Path) -> None:
    document = rich_document()
    document["plans"][1]["goals"][0]["own_words"] = "A\u030asa vil bo ved fjorden"  # Å as A + ring
    path = tmp_path / "nfd.pdf"
    render_shared_plan(document, path, PlanOptions())
    text = pdf_text(path)
    assert "Åsa vil bo ved fjorden" in text
    assert "A\u030asa" not in text


def test_a_long_name_never_pushes_the_date_out_of_the_footer(tmp_path: Path) -> None:
    document = rich_document()
    document["person"]["full_name"] = "Ánde " * 40
    path = tmp_path / "name.pdf"
    render_shared_plan(document, path, PlanOptions(easy_read=True, printed_on=PRINTED))
    footer = pdf_text(path, 2)
    assert "Skrevet ut 22. november 2026" in footer
    assert "Utkast – endret siden versjon 1" in footer


def test_peer_section_says_what_the_peer_offers_and_when_they_are_there(nb_plan: Path) -> None:
    section = squeeze(
        pdf_text(nb_plan).split("Min likeperson og det vi gjør sammen")[1].split("Min kriseplan")[0]
    )
    for expected in (
        "Det Ánde Čoavddáš kan tilby",
        "Har selv vært gjennom LAR. Kan bli med på NAV og boligkontoret.",
        "Treffes: Hverdager 9–15, og torsdag kveld",
    ):
        assert squeeze(expected) in section, expected


def test_the_crisis_plan_is_kept_on_one_page(tmp_path: Path) -> None:
    """However long the goals before it, the crisis plan is never split when it fits a page."""
    for extra in range(0, 60, 7):
        document = rich_document()
        document["plans"][1]["goals"][1]["steps"] = document["plans"][1]["goals"][1]["steps"][
            :extra
        ]
        path = tmp_path / f"plan{extra}.pdf"
        render_shared_plan(document, path, PlanOptions(printed_on=PRINTED))
        pages = [
            n
            for n in range(1, page_count(path) + 1)
            if "Varselsignaler" in pdf_text(path, n) or "Hvem jeg ringer" in pdf_text(path, n)
        ]
        assert len(pages) == 1, (extra, pages)
        page = squeeze(pdf_text(path, pages[0]))
        assert squeeze("Ved fare for liv: ring 113.") in page
        assert squeeze("Legevakta Tromsø") in page
