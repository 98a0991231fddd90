"""Reminder letters on paper: one A4 page per person whose review is due, in plain words and
in their own language (bokmål, or English; nynorsk and Sámi readers get bokmål until those
words are written), with their address where a window envelope shows it."""

from __future__ import annotations

import io
from typing import Final

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from caseplan.reports.fonts import register_fonts
from caseplan.reports.i18n import format_date, screen_word
from caseplan.reports.pages import (
    DocumentInfo,
    FooterCanvas,
    FooterInfo,
    StartPrintout,
    a4_document,
)
from caseplan.reports.styles import Styles, make_styles, user_text
from caseplan.services.overview.letters import Letter, Letters

_WORDS: Final[dict[str, tuple[str, str]]] = {
    "title": ("Time to look at your plan together", "Tid for å se på planen din sammen"),
    "hello": ("Dear {name},", "Hei, {name}!"),
    "soon": (
        "It is soon time to look at your plan together again. Your next review is on {date}.",
        "Det er snart tid for å se på planen din sammen igjen. Neste evaluering er {date}.",
    ),
    "late": (
        "It is time to look at your plan together again. Your review was due on {date}, "
        "and we have not found a time yet.",
        "Det er på tide å se på planen din sammen igjen. Evalueringen skulle vært {date}, "
        "og vi har ikke funnet en tid ennå.",
    ),
    "what": (
        "We will look at your goals together: how it is going, what has helped and what "
        "has got in the way. You decide what is important to talk about. You are welcome "
        "to bring someone with you.",
        "Vi ser på målene dine sammen: hvordan det går, hva som har hjulpet og hva som har "
        "vært i veien. Du bestemmer hva som er viktig å snakke om. Du kan gjerne ta med "
        "deg noen.",
    ),
    "call": (
        "Please call {who} on {phone} to find a time that suits you.",
        "Ring {who} på {phone}, så finner vi en tid som passer for deg.",
    ),
    "call_no_phone": (
        "Please get in touch with {who} to find a time that suits you.",
        "Ta kontakt med {who}, så finner vi en tid som passer for deg.",
    ),
    "us": ("us", "oss"),
    "regards": ("Best wishes,", "Hilsen"),
    "subject": ("Reminder letters", "Påminnelsesbrev"),
}


def _w(key: str, language: str, **params: object) -> str:
    return screen_word(_WORDS, key, language, **params)


def _letter(letter: Letter, s: Styles) -> list[Flowable]:
    lang = "en" if letter.language == "en" else "nb"
    when = format_date(letter.review, lang)
    who = letter.coordinator or _w("us", lang)
    call = (
        _w("call", lang, who=who, phone=letter.phone)
        if letter.phone
        else _w("call_no_phone", lang, who=who)
    )
    address = "<br/>".join(
        user_text(line) for line in [letter.full_name, *letter.address.splitlines()]
    )
    return [
        Spacer(1, 30 * mm),
        Paragraph(address, s.body),
        Spacer(1, 25 * mm),
        Paragraph(_w("title", lang), s.h1),
        Paragraph(user_text(_w("hello", lang, name=letter.name)), s.body),
        Paragraph(user_text(_w("late" if letter.overdue else "soon", lang, date=when)), s.body),
        Paragraph(_w("what", lang), s.body),
        Paragraph(user_text(call), s.body),
        Spacer(1, 8 * mm),
        Paragraph(_w("regards", lang), s.body),
        Paragraph(user_text(letter.coordinator), s.body),
    ]


def render_letters(letters: Letters, *, demo: bool = False) -> bytes:
    """Every letter, one page each, as one A4 PDF (no page numbers: each page goes alone)."""
    register_fonts()
    styles = make_styles(False)
    story: list[Flowable] = [
        StartPrintout(
            FooterInfo(0, "nb", "", format_date(letters.today, "nb"), demo, numbered=False)
        )
    ]
    for number, letter in enumerate(letters.letters):
        if number:
            story.append(PageBreak())
        story += _letter(letter, styles)
    if not letters.letters:
        story.append(Paragraph(_w("subject", "nb"), styles.body))
    buffer = io.BytesIO()
    doc = a4_document(buffer, DocumentInfo(_w("subject", "nb"), _w("subject", "nb"), "nb", demo))
    doc.build(story, canvasmaker=FooterCanvas)
    return buffer.getvalue()
