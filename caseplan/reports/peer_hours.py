"""The peer hours report on paper: per peer, the people they supported, signed off by the lead.

Same fonts, colours and footer as the shared plan. Times are exact: whole minutes, and
hours as ``h:mm`` (no decimals, so nothing is rounded on the way to payroll).
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import BinaryIO, Final

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from caseplan.reports.fonts import BOLD, REGULAR, register_fonts
from caseplan.reports.i18n import format_date, normalise_language, screen_word
from caseplan.reports.pages import (
    Bookmark,
    DocumentInfo,
    FooterCanvas,
    FooterInfo,
    StartPrintout,
    a4_document,
    write_pdf,
)
from caseplan.reports.styles import ACCENT_SOFT, INK, RULE, Styles, make_styles, user_text
from caseplan.services.peers.peer_hours import PeerHoursReport, hours_text

#: key -> (English, Norwegian bokmål)
_WORDS: Final[dict[str, tuple[str, str]]] = {
    "title": ("Peer hours", "Likepersontimer"),
    "subject": (
        "Time given by peers, per person supported, for payment",
        "Tid gitt av likepersoner, per person som fikk støtte, til utbetaling",
    ),
    "period": ("{start} to {end}", "{start} til {end}"),
    "summary": (
        "Peers: {peers} · People supported: {people} · Contributions: {count} · "
        "Time: {time} · Paid time: {paid}",
        "Likepersoner: {peers} · Personer som fikk støtte: {people} · Bidrag: {count} · "
        "Tid: {time} · Betalt tid: {paid}",
    ),
    "intro": (
        "Time given by peers with lived experience, per person supported. Hours are written "
        "h:mm; paid minutes are exact.",
        "Tid gitt av likepersoner med egen erfaring, per person som fikk støtte. Timer står "
        "som t:mm; betalte minutter er eksakte.",
    ),
    "person": ("Person", "Person"),
    "contributions": ("Contributions", "Bidrag"),
    "time": ("Time", "Tid"),
    "paid_time": ("Paid time", "Betalt tid"),
    "paid_minutes": ("Paid minutes", "Betalte minutter"),
    "peer_total": ("Total for {name}", "Sum for {name}"),
    "total": ("Total, all peers", "Sum, alle likepersoner"),
    "people_supported": ("People supported", "Personer som fikk støtte"),
    "engagement_paid": ("paid by the service", "betalt av tjenesten"),
    "engagement_volunteer": ("volunteer", "frivillig"),
    "engagement_none": ("", ""),
    "no_peers": (
        "No peer contributions were recorded in this period.",
        "Ingen likepersonbidrag ble registrert i denne perioden.",
    ),
    "sign_off": ("Signed off", "Godkjent"),
    "signed_by": (
        "Checked and signed off by {name}, team lead, on {date}.",
        "Kontrollert og godkjent av {name}, teamleder, {date}.",
    ),
    "signature": ("Signature", "Underskrift"),
    "printed": ("Printed {date}", "Skrevet ut {date}"),
    "account": ("account {name}", "konto {name}"),
    "verified": ("no account, verified by a team lead", "ingen konto, bekreftet av teamleder"),
    "unknown": (
        "no account and not verified: paid time is held, not paid ({minutes} minutes)",
        "ingen konto og ikke bekreftet: betalt tid holdes tilbake, ikke utbetalt "
        "({minutes} minutter)",
    ),
    "waiting": (
        "Imported, waiting for a team lead",
        "Importert, venter på teamleder",
    ),
    "waiting_intro": (
        "Read from a file, not recorded here: not counted above until a team lead accepts them.",
        "Lest fra en fil, ikke registrert her: ikke talt med ovenfor før en teamleder godtar dem.",
    ),
    "imported": (
        "{peer} ({organisation}) for {person}, {date}: {time}, paid {paid}. Imported from a "
        "file on {on} by {account}.",
        "{peer} ({organisation}) for {person}, {date}: {time}, betalt {paid}. Importert fra "
        "en fil {on} av {account}.",
    ),
}


def _t(key: str, language: str, **params: object) -> str:
    return screen_word(_WORDS, key, language, **params)


def _table(rows: list[list[object]], widths: list[float], bold_last: bool) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if bold_last:
        commands += [
            ("BACKGROUND", (0, -1), (-1, -1), ACCENT_SOFT),
            ("FONTNAME", (0, -1), (-1, -1), BOLD),
        ]
    table.setStyle(TableStyle(commands))
    return table


def _number(value: object, styles: Styles, bold: bool = False) -> Paragraph:
    text = f"<b>{value}</b>" if bold else str(value)
    return Paragraph(text, ParagraphStyle("number", parent=styles.cell, alignment=TA_RIGHT))


def _head(language: str, styles: Styles) -> list[object]:
    right = ParagraphStyle("head_number", parent=styles.cell_head, alignment=TA_RIGHT)
    return [
        Paragraph(_t(key, language), styles.cell_head if key == "person" else right)
        for key in ("person", "contributions", "time", "paid_time", "paid_minutes")
    ]


WIDTHS = [66 * mm, 26 * mm, 24 * mm, 24 * mm, 34 * mm]


def peer_hours_story(report: PeerHoursReport, language: str, styles: Styles) -> list[Flowable]:
    """The flowables of the report (without the footer marker)."""
    lang = language
    period = _t(
        "period", lang, start=format_date(report.start, lang), end=format_date(report.end, lang)
    )
    story: list[Flowable] = [
        Paragraph(_t("title", lang), styles.title),
        Paragraph(user_text(period), styles.subtitle),
        Paragraph(_t("intro", lang), styles.small),
        Spacer(1, styles.gap),
        Paragraph(
            user_text(
                _t(
                    "summary",
                    lang,
                    peers=len(report.peers),
                    people=report.people_supported,
                    count=report.contributions,
                    time=hours_text(report.minutes),
                    paid=hours_text(report.paid_minutes),
                )
            ),
            styles.body,
        ),
    ]
    if not report.peers:
        story.append(Paragraph(f"<i>{_t('no_peers', lang)}</i>", styles.body))
    for peer in report.peers:
        about = [user_text(peer.organisation)] if peer.organisation else []
        if peer.account:
            about.append(user_text(_t("account", lang, name=peer.account)))
        elif peer.verified:
            about.append(_t("verified", lang))
        else:
            about.append(_t("unknown", lang, minutes=peer.held_minutes))
        for kind in sorted({str(row.engagement) for row in peer.people}, reverse=True):
            if _t(f"engagement_{kind}", lang):
                about.append(_t(f"engagement_{kind}", lang))
        rows: list[list[object]] = [_head(lang, styles)]
        for row in peer.people:
            rows.append(
                [
                    Paragraph(user_text(row.person_name), styles.cell),
                    _number(row.contributions, styles),
                    _number(hours_text(row.minutes), styles),
                    _number(hours_text(row.paid_minutes), styles),
                    _number(row.paid_minutes, styles),
                ]
            )
        rows.append(
            [
                Paragraph(
                    f"<b>{user_text(_t('peer_total', lang, name=peer.name))}</b>", styles.cell
                ),
                _number(peer.contributions, styles, True),
                _number(hours_text(peer.minutes), styles, True),
                _number(hours_text(peer.paid_minutes), styles, True),
                _number(peer.paid_minutes, styles, True),
            ]
        )
        heading = [Paragraph(user_text(peer.name), styles.h2)]
        if about:
            heading.append(Paragraph(" · ".join(about), styles.small))
        story += [
            CondPageBreak(40 * mm),
            KeepTogether([*heading, Spacer(1, 3)]),
            _table(rows, WIDTHS, bold_last=True),
        ]
    total_rows: list[list[object]] = [
        _head(lang, styles),
        [
            Paragraph(
                f"<b>{_t('total', lang)}</b><br/>"
                f"{_t('people_supported', lang)}: {report.people_supported}",
                styles.cell,
            ),
            _number(report.contributions, styles, True),
            _number(hours_text(report.minutes), styles, True),
            _number(hours_text(report.paid_minutes), styles, True),
            _number(report.paid_minutes, styles, True),
        ],
    ]
    waiting: list[Flowable] = []
    if report.waiting:
        waiting = [
            Paragraph(_t("waiting", lang), styles.h2),
            Paragraph(_t("waiting_intro", lang), styles.small),
        ]
        for item in report.waiting:
            line = _t(
                "imported",
                lang,
                peer=item.peer_name,
                organisation=item.organisation or "–",
                person=item.person_name,
                date=format_date(item.date, lang),
                time=hours_text(item.minutes),
                paid=hours_text(item.paid_minutes),
                on=format_date(item.imported_on, lang),
                account=item.imported_by,
            )
            waiting.append(Paragraph(user_text(line), styles.body))
    signed = _t("signed_by", lang, name=report.made_by, date=format_date(report.made_on, lang))
    signature_line = Table(
        [["", ""], [Paragraph(_t("signature", lang), styles.small), ""]],
        colWidths=[90 * mm, 84 * mm],
        rowHeights=[16 * mm, None],
        hAlign="LEFT",
    )
    signature_line.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("LINEBELOW", (0, 0), (0, 0), 0.8, INK),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    story += [
        CondPageBreak(70 * mm),
        Spacer(1, styles.gap),
        _table(total_rows, WIDTHS, bold_last=True),
        *waiting,
        KeepTogether(
            [
                Paragraph(_t("sign_off", lang), styles.h1),
                Paragraph(user_text(signed), styles.body),
                signature_line,
            ]
        ),
    ]
    return story


def render_peer_hours(
    report: PeerHoursReport,
    out: BinaryIO | Path | str | None = None,
    *,
    language: str = "en",
    demo: bool = False,
    printed_on: date | None = None,
) -> bytes:
    """The report as an A4 PDF; also written to ``out`` (atomically, for a path) if given."""
    register_fonts()
    lang = normalise_language(language)
    styles = make_styles(False)
    printed = printed_on or report.made_on
    period = _t(
        "period", lang, start=format_date(report.start, lang), end=format_date(report.end, lang)
    )
    info = FooterInfo(
        0,
        lang,
        _t("title", lang),
        " · ".join((period, _t("printed", lang, date=format_date(printed, lang)))),
        demo,
    )
    buffer = io.BytesIO()
    doc = a4_document(
        buffer, DocumentInfo(f"{_t('title', lang)}: {period}", _t("subject", lang), lang, demo)
    )
    story: list[Flowable] = [
        StartPrintout(info),
        Bookmark(_t("title", lang), 0),
        *peer_hours_story(report, lang, styles),
    ]
    doc.build(story, canvasmaker=FooterCanvas)
    data = buffer.getvalue()
    if out is not None:
        write_pdf(data, out)
    return data
