"""What people say helps, on paper: a short report for a team meeting or the user council.

No name anywhere: only words people agreed to share, grouped by theme and by life domain, with
counts; a group of fewer than five people is listed as "fewer than 5" with nothing of it shown.
"""

from __future__ import annotations

import io
from typing import Final

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from caseplan.reports.fonts import REGULAR, register_fonts
from caseplan.reports.i18n import format_date, normalise_language, screen_word, t
from caseplan.reports.pages import (
    Bookmark,
    DocumentInfo,
    FooterCanvas,
    FooterInfo,
    StartPrintout,
    a4_document,
)
from caseplan.reports.styles import INK, RULE, Styles, make_styles, user_text
from caseplan.services.overview.voices import WHOLE_PLAN, Group, Voices

#: at most this many sayings of a theme, and of a life domain, on paper (the most often
#: said first): a short report for one meeting
SAYINGS = 4
DOMAIN_SAYINGS = 2

_WORDS: Final[dict[str, tuple[str, str]]] = {
    "title": ("What people say helps", "Hva folk sier hjelper"),
    "period": ("Reviews from {start} to {end}", "Evalueringer fra {start} til {end}"),
    "intro": (
        "In their reviews people say in their own words what helped and what got in the way. "
        "Only the words of people who agreed that they may be shared without their name are "
        "here, and a group that fewer than {minimum} people said something in is not shown.",
        "I evalueringene sier folk med egne ord hva som hjalp og hva som var i veien. Her står "
        "bare ordene til dem som har sagt ja til at ordene kan deles uten navn, og en gruppe "
        "der færre enn {minimum} personer har sagt noe, vises ikke.",
    ),
    "summary": (
        "Reviews held: {reviews} · Words shared from: {shared} reviews, {people} people",
        "Evalueringer holdt: {reviews} · Ord delt fra: {shared} evalueringer, {people} personer",
    ),
    "themes": ("By theme", "Etter tema"),
    "domains": ("By life domain", "Etter livsområde"),
    "group": ("Group", "Gruppe"),
    "people": ("People", "Personer"),
    "helped": ("Helped", "Hjalp"),
    "in_the_way": ("Got in the way", "Var i veien"),
    "fewer": ("fewer than {minimum}", "færre enn {minimum}"),
    "said_helped": ("helped", "hjalp"),
    "said_in_the_way": ("in the way", "i veien"),
    "times": ("{count} people", "{count} personer"),
    "nothing": (
        "Too few people shared their words in this period to show anything.",
        "For få personer delte ordene sine i denne perioden til at noe kan vises.",
    ),
    "relation": ("Relation", "Relasjon"),
    "mutuality": ("Mutuality, doing it together", "Gjensidighet, å gjøre det sammen"),
    "choice": ("Choice", "Valg"),
    "time": ("Time", "Tid"),
    "knowledge": ("Knowledge", "Kunnskap"),
    "networks": ("Networks", "Nettverk"),
    "other": ("Other", "Annet"),
    WHOLE_PLAN: ("The plan as a whole", "Planen som helhet"),
    "subject": ("Anonymous, for the user council", "Anonymt, for brukerrådet"),
}


def _w(key: str, language: str, **params: object) -> str:
    return screen_word(_WORDS, key, language, **params)


def group_name(key: str, language: str, theme: bool) -> str:
    if theme or key == WHOLE_PLAN:
        return _w(key, language)
    return t(key, language)


def _counts(
    groups: tuple[Group, ...], voices: Voices, lang: str, styles: Styles, theme: bool
) -> Table:
    head = [
        Paragraph(_w(k, lang), styles.cell_head)
        for k in ("group", "people", "helped", "in_the_way")
    ]
    rows: list[list[object]] = [head]
    for group in groups:
        fewer = _w("fewer", lang, minimum=voices.minimum)
        figures = (
            (fewer, "", "")
            if group.suppressed
            else (str(group.people), str(group.helped), str(group.in_the_way))
        )
        rows.append(
            [Paragraph(group_name(group.key, lang, theme), styles.cell)]
            + [Paragraph(value, styles.cell) for value in figures]
        )
    table = Table(rows, colWidths=[70 * mm, 34 * mm, 30 * mm, 36 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
                ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
            ]
        )
    )
    return table


def _sayings(group: Group, lang: str, styles: Styles, theme: bool) -> list[Flowable]:
    chosen = sorted(group.words, key=lambda s: (-s.people, not s.helped, s.text.casefold()))
    lines: list[Flowable] = [Paragraph(group_name(group.key, lang, theme), styles.h2)]
    for said in chosen[: SAYINGS if theme else DOMAIN_SAYINGS]:
        kind = _w("said_helped" if said.helped else "said_in_the_way", lang)
        times = _w("times", lang, count=said.people) if said.people > 1 else ""
        tail = " · ".join(x for x in (kind, times) if x)
        lines.append(Paragraph(f"«{user_text(said.text)}» <i>({tail})</i>", styles.body))
    return [KeepTogether(lines)]


def render_what_helps(voices: Voices, *, language: str = "nb", demo: bool = False) -> bytes:
    """The short report as an A4 PDF."""
    register_fonts()
    lang = normalise_language(language)
    lang = "en" if lang == "en" else "nb"
    styles = make_styles(False)
    name = _w("title", lang)
    period = _w(
        "period", lang, start=format_date(voices.start, lang), end=format_date(voices.end, lang)
    )
    story: list[Flowable] = [
        StartPrintout(FooterInfo(0, lang, name, period, demo)),
        Bookmark(name, 0),
        Paragraph(name, styles.title),
        Paragraph(user_text(period), styles.subtitle),
        Paragraph(_w("intro", lang, minimum=voices.minimum), styles.small),
        Spacer(1, styles.gap),
        Paragraph(
            _w("summary", lang, reviews=voices.reviews, shared=voices.shared, people=voices.people),
            styles.body,
        ),
    ]
    shown = [g for g in (*voices.by_theme, *voices.by_domain) if not g.suppressed]
    if not shown:
        story.append(Paragraph(f"<i>{_w('nothing', lang)}</i>", styles.body))
    for key, groups, theme in (
        ("themes", voices.by_theme, True),
        ("domains", voices.by_domain, False),
    ):
        story += [Paragraph(_w(key, lang), styles.h1), _counts(groups, voices, lang, styles, theme)]
        for group in groups:
            if not group.suppressed and group.words:
                story += _sayings(group, lang, styles, theme)
    buffer = io.BytesIO()
    doc = a4_document(buffer, DocumentInfo(name, _w("subject", lang), lang, demo))
    doc.build(story, canvasmaker=FooterCanvas)
    return buffer.getvalue()
