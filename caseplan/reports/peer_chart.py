"""Peer hours per month by peer, for the monthly summary: a row of twelve monthly bars per
peer drawn with reportlab.graphics (paid time solid, paid time held for a peer not yet
verified striped, time not paid only outlined, each named in the legend: never colour
alone), then the exact figures (h:mm) in two tables of six months each (twelve columns of hours
would not fit a page at a readable size), two lines per peer."""

from __future__ import annotations

from typing import Final

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from caseplan.reports.fonts import REGULAR
from caseplan.reports.i18n import screen_word
from caseplan.reports.styles import ACCENT, DETAIL_SIZE, INK, RULE, Styles, user_text
from caseplan.services.overview.charts import PeerHoursChart, PeerMonths
from caseplan.services.peers.peer_hours import hours_text

_WORDS: Final[dict[str, tuple[str, str]]] = {
    "title": ("Peer hours per month by peer", "Likepersontimer per måned per likeperson"),
    "note": (
        "The last 12 months, in hours and minutes. Paid time counts as paid only for a peer "
        "linked to an account or verified by a team lead; imported time only once a team lead "
        "has accepted it.",
        "De siste 12 månedene, i timer og minutter. Betalt tid regnes som betalt bare for en "
        "likeperson som er knyttet til en bruker-konto eller bekreftet av en teamleder; "
        "importert tid først når en teamleder har godkjent den.",
    ),
    "paid": ("paid", "betalt"),
    "held": ("held: peer not verified", "holdt tilbake: likeperson ikke bekreftet"),
    "unpaid": ("not paid", "ikke betalt"),
    "peer": ("Peer", "Likeperson"),
    "what": ("What", "Hva"),
    "time": ("Time", "Tid"),
    "paid_line": ("Paid", "Betalt"),
    "held_line": ("Held", "Holdt"),
    "total": ("Total", "Sum"),
    "in_all": ("{hours} in all", "{hours} i alt"),
    "none": (
        "No peer time was recorded in the last 12 months.",
        "Ingen likepersontid er registrert de siste 12 månedene.",
    ),
}

ROW = 13 * mm
#: peers per drawing: a drawing never runs over a page
PER_DRAWING = 12
LABEL = 38 * mm
WIDTH = 174 * mm


def _w(key: str, language: str, **params: object) -> str:
    return screen_word(_WORDS, key, language, **params)


def _bar(drawing: Drawing, x: float, y: float, w: float, h: float, kind: int) -> None:
    """One part of a bar: 0 paid (solid), 1 held (striped), 2 not paid (outline)."""
    fill = ACCENT if kind == 0 else colors.white
    drawing.add(Rect(x, y, w, h, fillColor=fill, strokeColor=INK, strokeWidth=0.5))
    if kind == 1:
        stripe = 1.2 * mm
        position = x + stripe / 2
        while position < x + w:
            drawing.add(Line(position, y, position, y + h, strokeColor=INK, strokeWidth=0.6))
            position += stripe


def _parts(peer: PeerMonths, month: int) -> tuple[int, int, int]:
    paid, held = peer.paid[month], peer.held[month]
    return paid, held, max(0, peer.minutes[month] - paid - held)


def peer_drawing(
    chart: PeerHoursChart, language: str, peers: tuple[PeerMonths, ...], tallest: int
) -> Drawing:
    """The small multiples of ``peers``: a legend, a row per peer, the months along the foot
    (bars on the scale of ``tallest`` minutes, the same in every drawing)."""
    height = 10 * mm + ROW * max(1, len(peers)) + 6 * mm
    drawing = Drawing(WIDTH, height)
    top = height - 6 * mm
    x = 0.0
    for kind, key in enumerate(("paid", "held", "unpaid")):
        _bar(drawing, x, top, 3.5 * mm, 3.5 * mm, kind)
        name = _w(key, language)
        drawing.add(String(x + 5 * mm, top + 0.6 * mm, name, fontName=REGULAR, fontSize=10))
        x += 5 * mm + len(name) * 2.1 * mm + 6 * mm
    step = (WIDTH - LABEL) / max(1, len(chart.months))
    for row, peer in enumerate(peers):
        base = top - 4 * mm - ROW * (row + 1)
        name = peer.name if len(peer.name) <= 24 else peer.name[:23] + "…"
        drawing.add(String(0, base + ROW - 5 * mm, name, fontName=REGULAR, fontSize=10))
        total = _w("in_all", language, hours=hours_text(peer.total))
        drawing.add(String(0, base + ROW - 9.5 * mm, total, fontName=REGULAR, fontSize=10))
        drawing.add(Line(LABEL, base, WIDTH, base, strokeColor=INK, strokeWidth=0.5))
        for month in range(len(chart.months)):
            left = LABEL + month * step + step * 0.15
            y = base
            for kind, value in enumerate(_parts(peer, month)):
                h = (ROW - 2.5 * mm) * value / tallest
                if h > 0:
                    _bar(drawing, left, y, step * 0.7, h, kind)
                    y += h
    foot = top - 4 * mm - ROW * max(1, len(peers)) - 4.5 * mm
    for month, first in enumerate(chart.months):
        drawing.add(
            String(
                LABEL + step * (month + 0.5),
                foot,
                first.strftime("%m.%y"),
                fontName=REGULAR,
                fontSize=DETAIL_SIZE,
                textAnchor="middle",
            )
        )
    return drawing


def peer_table(
    chart: PeerHoursChart, language: str, styles: Styles, months: range, total: bool
) -> Table:
    """The figures of ``months`` (indexes into the chart's months), two lines per peer;
    with ``total``, a last column with the whole period's sum."""

    def cell(text: str) -> Paragraph:
        return Paragraph(text, styles.small)

    head = [_w("peer", language), _w("what", language)]
    head += [chart.months[m].strftime("%m.%y") for m in months]
    head += [_w("total", language)] if total else []
    rows: list[list[Paragraph]] = [[cell(text) for text in head]]
    for peer in chart.peers:
        second = ("paid_line", peer.paid) if peer.known else ("held_line", peer.held)
        for key, values in (("time", peer.minutes), second):
            line = [cell(user_text(peer.name)), cell(_w(key, language))]
            line += [cell(hours_text(values[m])) for m in months]
            line += [cell(hours_text(sum(values)))] if total else []
            rows.append(line)
    month_w = 15.5 * mm
    widths = [44 * mm, 22 * mm] + [month_w] * len(months) + ([15 * mm] if total else [])
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
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
    return table


def peer_section(chart: PeerHoursChart, language: str, styles: Styles) -> list[Flowable]:
    """The heading, what counts, the chart and the table (or a sentence when there is none)."""
    story: list[Flowable] = [
        Paragraph(_w("title", language), styles.h1),
        Paragraph(_w("note", language), styles.small),
    ]
    if not chart.peers:
        return [*story, Paragraph(_w("none", language), styles.body)]
    half = len(chart.months) // 2
    tallest = max([m for p in chart.peers for m in p.minutes] + [1])
    drawings = [
        peer_drawing(chart, language, chart.peers[start : start + PER_DRAWING], tallest)
        for start in range(0, len(chart.peers), PER_DRAWING)
    ]
    return [
        KeepTogether([*story, drawings[0]]),
        *drawings[1:],
        peer_table(chart, language, styles, range(half), False),
        Spacer(1, styles.gap),
        peer_table(chart, language, styles, range(half, len(chart.months)), True),
    ]
