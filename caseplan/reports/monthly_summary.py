"""The monthly summary on paper: the charts' figures with bar charts drawn by
reportlab.graphics (peer hours per month by peer: :mod:`caseplan.reports.peer_chart`), and
the same figures in tables. No group of fewer than 5 people shows
its numbers ("fewer than 5")."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from typing import Final

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
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
from caseplan.reports.peer_chart import peer_section
from caseplan.reports.styles import ACCENT, INK, MUTED, RULE, Styles, make_styles
from caseplan.services.overview.charts import DomainRatings, Month, PeerHoursChart


@dataclass(frozen=True)
class Summary:
    today: date
    months: tuple[Month, ...]
    agreed: int
    never_agreed: int
    changed: int
    ratings: tuple[DomainRatings, ...]
    #: the audit trail's head to write down (None: not for this reader)
    audit_head: str | None = None
    #: peer hours per month by peer (None: not for this reader)
    peers: PeerHoursChart | None = None


_WORDS: Final[dict[str, tuple[str, str]]] = {
    "title": ("Monthly summary", "Månedsoversikt"),
    "as_of": ("As of {date}", "Per {date}"),
    "plans": (
        "Open plans agreed: {agreed}. In draft: {drafts} (never agreed: {never}; changed since "
        "agreed: {changed}).",
        "Åpne planer som er avtalt: {agreed}. I utkast: {drafts} (aldri avtalt: {never}; endret "
        "etter avtale: {changed}).",
    ),
    "reviews": ("Reviews per month", "Evalueringer per måned"),
    "reviews_note": (
        "On time: held within 14 days of the date it answered. A month with fewer than 5 "
        "people is not shown.",
        "I tide: holdt innen 14 dager etter datoen den svarte på. En måned med færre enn 5 "
        "personer vises ikke.",
    ),
    "month": ("Month", "Måned"),
    "on_time": ("On time", "I tide"),
    "late": ("Late", "For sent"),
    "unknown": ("Date not known", "Dato ukjent"),
    "fewer": ("fewer than 5", "færre enn 5"),
    "ratings": ("Latest own ratings by life domain", "Siste egne vurderinger etter livsområde"),
    "domain": ("Life domain", "Livsområde"),
    "people": ("People", "Personer"),
    "head": ("Audit trail", "Hendelseslogg"),
    "head_note": (
        "The audit trail's newest event is {head}. Write it down with today's date: "
        "caseplan check --expect {head} shows later whether any event up to it was changed "
        "or removed.",
        "Hendelsesloggens nyeste hendelse er {head}. Skriv den ned med dagens dato: "
        "caseplan check --expect {head} viser senere om noen hendelse fram til den er endret "
        "eller fjernet.",
    ),
}


def _w(key: str, language: str, **params: object) -> str:
    return screen_word(_WORDS, key, language, **params)


def _label(month: Month) -> str:
    return month.first.strftime("%m.%y")


def bar_chart(months: tuple[Month, ...], language: str) -> Drawing:
    """Stacked bars (on time dark, late light), "<5" over a month not shown."""
    drawing = Drawing(170 * mm, 62 * mm)
    chart = VerticalBarChart()
    chart.x, chart.y = 12 * mm, 10 * mm
    chart.width, chart.height = 150 * mm, 45 * mm
    chart.data = [
        [m.on_time or 0 for m in months],
        [m.late or 0 for m in months],
    ]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.categoryNames = [_label(m) for m in months]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.valueMin = 0
    # whole reviews only: an empty year would otherwise count in steps of 0.002
    tallest = max([(m.on_time or 0) + (m.late or 0) for m in months] + [0])
    chart.valueAxis.valueStep = max(1, -(-tallest // 5))
    if tallest == 0:
        chart.valueAxis.valueMax = 1
    chart.bars[0].fillColor = ACCENT
    chart.bars[1].fillColor = RULE
    chart.bars.strokeColor = INK
    drawing.add(chart)
    step = chart.width / max(1, len(months))
    for number, month in enumerate(months):
        if month.on_time is None:
            drawing.add(
                String(
                    chart.x + step * (number + 0.5),
                    chart.y + 2,
                    "<5",
                    fontName=REGULAR,
                    fontSize=8,
                    fillColor=MUTED,
                    textAnchor="middle",
                )
            )
    legend = f"■ {_w('on_time', language)}    □ {_w('late', language)}"
    drawing.add(
        String(chart.x, chart.y + chart.height + 4 * mm, legend, fontName=REGULAR, fontSize=9)
    )
    return drawing


def _table(rows: list[list[str]], styles: Styles) -> Table:
    table = Table([[Paragraph(c, styles.cell) for c in row] for row in rows], repeatRows=1)
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


def render_summary(summary: Summary, *, language: str = "nb", demo: bool = False) -> bytes:
    register_fonts()
    lang = "en" if normalise_language(language) == "en" else "nb"
    styles = make_styles(False)
    name = _w("title", lang)
    as_of = _w("as_of", lang, date=format_date(summary.today, lang))
    fewer = _w("fewer", lang)
    month_rows = [[_w(k, lang) for k in ("month", "on_time", "late", "unknown")]]
    for m in summary.months:
        shown = m.on_time is not None
        month_rows.append(
            [_label(m)] + [str(v) if shown else fewer for v in (m.on_time, m.late, m.unknown)]
        )
    rating_rows = [[_w("domain", lang), _w("people", lang), "0–3", "4–6", "7–10"]]
    for r in summary.ratings:
        bands = [str(b) for b in r.bands] if r.bands is not None else [fewer] * 3
        rating_rows.append(
            [t(r.domain.value, lang), str(r.people) if r.people is not None else fewer, *bands]
        )
    story: list[Flowable] = [
        StartPrintout(FooterInfo(0, lang, name, as_of, demo)),
        Bookmark(name, 0),
        Paragraph(name, styles.title),
        Paragraph(as_of, styles.subtitle),
        Paragraph(
            _w(
                "plans",
                lang,
                agreed=summary.agreed,
                drafts=summary.never_agreed + summary.changed,
                never=summary.never_agreed,
                changed=summary.changed,
            ),
            styles.body,
        ),
        Paragraph(_w("reviews", lang), styles.h1),
        Paragraph(_w("reviews_note", lang), styles.small),
        bar_chart(summary.months, lang),
        _table(month_rows, styles),
        Spacer(1, styles.gap),
        Paragraph(_w("ratings", lang), styles.h1),
        _table(rating_rows, styles),
    ]
    if summary.peers is not None:
        story += [Spacer(1, styles.gap), *peer_section(summary.peers, lang, styles)]
    if summary.audit_head is not None:
        story += [
            Spacer(1, styles.gap),
            KeepTogether(
                [
                    Paragraph(_w("head", lang), styles.h1),
                    Paragraph(_w("head_note", lang, head=summary.audit_head), styles.body),
                ]
            ),
        ]
    buffer = io.BytesIO()
    doc = a4_document(buffer, DocumentInfo(name, as_of, lang, demo))
    doc.build(story, canvasmaker=FooterCanvas)
    return buffer.getvalue()
