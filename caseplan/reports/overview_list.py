"""One list of the overview on paper (A4 PDF) and as CSV: who, their practitioner, the date
that matters and what it is about, as the team lead saw it on screen.

Headers and titles in Norwegian bokmål (default) or English. The CSV is written like the
peer hours CSV: UTF-8 with a byte-order mark, ``;`` between fields, CRLF line ends, and no
text cell that a spreadsheet would run as a formula.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Final

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from caseplan.reports.fonts import REGULAR, register_fonts
from caseplan.reports.i18n import format_date, normalise_language, screen_word
from caseplan.reports.pages import (
    Bookmark,
    DocumentInfo,
    FooterCanvas,
    FooterInfo,
    StartPrintout,
    a4_document,
)
from caseplan.reports.peer_hours_csv import DELIMITER, ENCODING
from caseplan.reports.styles import INK, RULE, make_styles, user_text
from caseplan.services.overview.lists import PEER_INVOLVEMENT, ListRow, SignalList
from caseplan.services.overview.signals import Signal

#: key -> (English, Norwegian bokmål)
_WORDS: Final[dict[str, tuple[str, str]]] = {
    Signal.REVIEW_OVERDUE: ("Reviews overdue", "Evalueringer på overtid"),
    Signal.REVIEW_DUE_SOON: ("Reviews due within 30 days", "Evalueringer innen 30 dager"),
    Signal.PLAN_NEVER_AGREED: ("Plans in draft, never agreed", "Planer i utkast, aldri avtalt"),
    Signal.PLAN_CHANGED: (
        "Plans changed since agreed (unsigned)",
        "Planer endret etter avtale (ikke signert)",
    ),
    Signal.CONSENT_ENDED: ("Consents expired", "Samtykker som er utløpt"),
    Signal.CONSENT_ENDING: (
        "Consents ending within 30 days",
        "Samtykker som utløper innen 30 dager",
    ),
    Signal.STEPS_OVERDUE: ("Steps overdue", "Tiltak over fristen"),
    Signal.NO_CONTACT: ("People with no contact lately", "Personer uten kontakt i det siste"),
    Signal.NO_PLAN: ("New people with no goal yet", "Nye personer uten mål ennå"),
    "person": ("Person", "Person"),
    "preferred": ("Preferred name", "Foretrukket navn"),
    "practitioner": ("Coordinator", "Koordinator"),
    "when": ("Date", "Dato"),
    "what": ("About", "Gjelder"),
    "peer_involvement": ("consent to peer involvement", "samtykke til likepersonarbeid"),
    "version": ("since version {number}", "siden versjon {number}"),
    "never": ("no contact", "ingen kontakt"),
    "rows": ("Rows: {rows} · People: {people}", "Rader: {rows} · Personer: {people}"),
    "as_of": ("As of {date}", "Per {date}"),
    "empty": ("No one is on this list.", "Ingen står på denne listen."),
    "subject": ("A list from the overview", "En liste fra oversikten"),
    "confidential": (
        "Confidential: names of people in the service. Keep it safe and shred it after use.",
        "Taushetsbelagt: navn på personer i tjenesten. Oppbevar trygt og makuler etter bruk.",
    ),
}


def _t(key: str, language: str, **params: object) -> str:
    return screen_word(_WORDS, key, language, **params)


def title(signal: Signal, language: str) -> str:
    return _t(signal, language)


def about(row: ListRow, signal: Signal, language: str) -> str:
    """What the row is about, in words: the team member, the step, the version."""
    if row.role == PEER_INVOLVEMENT:
        return _t("peer_involvement", language)
    if row.number is not None:
        return _t("version", language, number=row.number)
    if signal is Signal.NO_CONTACT and row.when is None:
        return _t("never", language)
    return row.what


def _cell(text: str) -> str:
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def signal_list_csv(found: SignalList, language: str = "nb") -> bytes:
    lang = "en" if language == "en" else "nb"
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow([_t(k, lang) for k in ("person", "preferred", "practitioner", "when", "what")])
    for row in found.rows:
        writer.writerow(
            (
                _cell(row.full_name),
                _cell(row.preferred_name),
                _cell(row.practitioner),
                row.when.isoformat() if row.when else "",
                _cell(about(row, found.signal, lang)),
            )
        )
    return buffer.getvalue().encode(ENCODING)


def render_signal_list(
    found: SignalList, *, language: str = "nb", demo: bool = False, printed_on: date | None = None
) -> bytes:
    """The list as an A4 PDF, with the date it was read and a confidentiality line."""
    register_fonts()
    lang = normalise_language(language)
    styles = make_styles(False)
    name = title(found.signal, lang)
    as_of = _t("as_of", lang, date=format_date(printed_on or found.today, lang))
    head = [
        Paragraph(_t(k, lang), styles.cell_head) for k in ("person", "practitioner", "when", "what")
    ]
    rows: list[list[object]] = [head]
    for row in found.rows:
        person = row.full_name
        if row.preferred_name and row.preferred_name != row.full_name:
            person += f" ({row.preferred_name})"
        rows.append(
            [
                Paragraph(user_text(person), styles.cell),
                Paragraph(user_text(row.practitioner), styles.cell),
                Paragraph(format_date(row.when, lang) if row.when else "", styles.cell),
                Paragraph(user_text(about(row, found.signal, lang)), styles.cell),
            ]
        )
    table = Table(rows, colWidths=[55 * mm, 40 * mm, 32 * mm, 47 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
                ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
            ]
        )
    )
    summary = _t("rows", lang, rows=len(found.rows), people=found.people)
    story: list[Flowable] = [
        StartPrintout(FooterInfo(0, lang, name, as_of, demo)),
        Bookmark(name, 0),
        Paragraph(user_text(name), styles.title),
        Paragraph(user_text(as_of), styles.subtitle),
        Paragraph(_t("confidential", lang), styles.small),
        Spacer(1, styles.gap),
        Paragraph(user_text(summary), styles.body),
        table if found.rows else Paragraph(f"<i>{_t('empty', lang)}</i>", styles.body),
    ]
    buffer = io.BytesIO()
    doc = a4_document(buffer, DocumentInfo(name, _t("subject", lang), lang, demo))
    doc.build(story, canvasmaker=FooterCanvas)
    return buffer.getvalue()
