"""The cover list of a print-due batch, for the team lead who prints it: whose plans are in
the batch, in the order they are printed, who coordinates each, and why each is there (its
review overdue since a date, or due on a date; drafts and plans changed since agreed say so).

In the language of the screens (it is for the team lead, not for the people in it), at body
size, running over as many pages as the batch needs with the header repeated, marked DEMO on
a demo database as every printout is. Names are the people's own text: always escaped.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from typing import Final

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from caseplan.models import PlanStatus
from caseplan.reports.fonts import BOLD, REGULAR, register_fonts
from caseplan.reports.i18n import format_date, screen_word
from caseplan.reports.pages import (
    Bookmark,
    DocumentInfo,
    FooterCanvas,
    FooterInfo,
    StartPrintout,
    a4_document,
)
from caseplan.reports.styles import INK, RULE, make_styles, user_text
from caseplan.services.printing.cover import CoverRow

#: key -> (English, Norwegian bokmål)
_WORDS: Final[dict[str, tuple[str, str]]] = {
    "title": ("Plans due for review by {date}", "Planer til evaluering innen {date}"),
    "name": ("Cover list", "Forside"),
    "bookmark": ("Cover list: the plans in this batch", "Forside: planene i denne bunken"),
    "printed": (
        "Printed {date}. {count} plans follow, in this order, each with its own page numbers.",
        "Skrevet ut {date}. {count} planer følger, i denne rekkefølgen, hver med egne sidenumre.",
    ),
    "one": (
        "Printed {date}. 1 plan follows, with its own page numbers.",
        "Skrevet ut {date}. 1 plan følger, med egne sidenumre.",
    ),
    "confidential": (
        "Confidential: names of people in the service. Keep it with the plans and shred it "
        "after use.",
        "Taushetsbelagt: navn på personer i tjenesten. Oppbevar den sammen med planene og "
        "makuler den etter bruk.",
    ),
    "number": ("No.", "Nr."),
    "person": ("Person", "Person"),
    "coordinator": ("Coordinator", "Koordinator"),
    "why": ("Why it is in the batch", "Hvorfor den er med"),
    "no_coordinator": ("no coordinator", "ingen koordinator"),
    "overdue": ("Review overdue since {date}", "Evaluering på overtid siden {date}"),
    "today": ("Review due today", "Evaluering i dag"),
    "due": ("Review due {date}", "Evaluering {date}"),
    "draft": ("draft, never agreed", "utkast, aldri avtalt"),
    "changed": ("changed since agreed, not signed", "endret etter avtale, ikke signert"),
    "subject": ("The plans in a print-due batch", "Planene i en utskriftsbunke"),
}


def _w(key: str, language: str, **params: object) -> str:
    return screen_word(_WORDS, key, language, **params)


def why(row: CoverRow, today: date, language: str) -> str:
    """Why the plan is in the batch, in words (plain text, not markup)."""
    due = row.next_review
    if due is None:  # print-due never picks such a plan; say nothing false if it did
        reason = ""
    elif due < today:
        reason = _w("overdue", language, date=format_date(due, language))
    elif due == today:
        reason = _w("today", language)
    else:
        reason = _w("due", language, date=format_date(due, language))
    if row.changed_since_agreed:
        state = _w("changed", language)
    elif row.status is PlanStatus.DRAFT:
        state = _w("draft", language)
    else:
        return reason
    return f"{reason}; {state}" if reason else state


def person_text(row: CoverRow) -> str:
    if row.preferred_name and row.preferred_name != row.full_name:
        return f"{row.full_name} ({row.preferred_name})"
    return row.full_name


def render_cover(
    rows: Sequence[CoverRow],
    until: date,
    today: date,
    *,
    language: str = "nb",
    demo: bool = False,
) -> bytes:
    """The cover list as A4 PDF pages (as many as the rows need), for the front of the batch."""
    register_fonts()
    lang = "en" if language == "en" else "nb"
    styles = make_styles(False)
    title = _w("title", lang, date=format_date(until, lang))
    printed = format_date(today, lang)
    summary = (
        _w("one", lang, date=printed)
        if len(rows) == 1
        else _w("printed", lang, date=printed, count=len(rows))
    )
    head = [
        Paragraph(f"<b>{user_text(_w(k, lang))}</b>", styles.cell)
        for k in ("number", "person", "coordinator", "why")
    ]
    table_rows: list[list[object]] = [head]
    for number, row in enumerate(rows, start=1):
        coordinator = row.coordinator or _w("no_coordinator", lang)
        table_rows.append(
            [
                Paragraph(str(number), styles.cell),
                Paragraph(user_text(person_text(row)), styles.cell),
                Paragraph(user_text(coordinator), styles.cell),
                Paragraph(user_text(why(row, today, lang)), styles.cell),
            ]
        )
    table = Table(table_rows, colWidths=[14 * mm, 58 * mm, 44 * mm, 58 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("FONTNAME", (0, 0), (-1, 0), BOLD),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
                ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    name = _w("name", lang)
    story: list[Flowable] = [
        StartPrintout(FooterInfo(0, lang, f"{name}: {title}", printed, demo)),
        Bookmark(_w("bookmark", lang), 0),
        Paragraph(user_text(title), styles.title),
        Paragraph(user_text(summary), styles.body),
        Paragraph(user_text(_w("confidential", lang)), styles.body),
        Spacer(1, styles.gap),
        table,
    ]
    buffer = io.BytesIO()
    doc = a4_document(buffer, DocumentInfo(title, _w("subject", lang), lang, demo))
    doc.build(story, canvasmaker=FooterCanvas)
    return buffer.getvalue()
