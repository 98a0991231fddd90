"""The reference for bench_pdf.py: the same plan content laid out with bare ReportLab.

Plain Paragraphs and Tables in a SimpleDocTemplate, the same embedded DejaVu fonts and
sizes, a plain page number — none of Caseplan's own machinery (catalogues, footers with
page X of Y, bookmarks, styles checked for contrast, caching). Caseplan's renderer is
measured against this, in the same run, on the same documents.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from caseplan.resources import asset

_fonts: list[str] = []


def _register() -> None:
    if not _fonts:
        pdfmetrics.registerFont(TTFont("BareSans", str(asset("fonts", "DejaVuSans.ttf"))))
        pdfmetrics.registerFont(TTFont("BareBold", str(asset("fonts", "DejaVuSans-Bold.ttf"))))
        _fonts.append("done")


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("b", fontName="BareSans", fontSize=12, leading=16)
    return {
        "body": body,
        "own": ParagraphStyle("o", parent=body, fontSize=13.5, leading=18),
        "title": ParagraphStyle("t", parent=body, fontName="BareBold", fontSize=26, leading=32),
        "h1": ParagraphStyle("h", parent=body, fontName="BareBold", fontSize=18, leading=23),
        "label": ParagraphStyle("l", parent=body, fontName="BareBold"),
        "small": ParagraphStyle("s", parent=body, fontSize=10, leading=13),
    }


def _p(text: object, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(str(text or "")).replace("\n", "<br/>"), style)


def _table(rows: list[list[object]], widths: list[float]) -> Table:
    return Table(
        rows,
        colWidths=widths,
        repeatRows=1,
        style=TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), "BareSans"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, "#D5DEE1"),
            ]
        ),
    )


def bare_story(document: Mapping[str, Any], s: dict[str, ParagraphStyle]) -> list[Any]:
    person = document["person"]
    plan = next(p for p in document["plans"] if p.get("status") != "closed")
    names = {p["id"]: p["name"] for p in plan.get("participants") or []}
    story: list[Any] = [
        _p("Min plan", s["title"]),
        _p(f"Individuell plan for {person['full_name']}", s["body"]),
        _table(
            [
                [_p("Planperiode", s["small"]), _p(plan.get("period_start"), s["body"])],
                [_p("Koordinator", s["small"]), _p(names.get(plan.get("coordinator")), s["body"])],
                [_p("Neste evaluering", s["small"]), _p(plan.get("next_review"), s["body"])],
                [_p("Status", s["small"]), _p(plan.get("status"), s["body"])],
            ],
            [46 * mm, 128 * mm],
        ),
        _p("Om meg", s["h1"]),
    ]
    for key, value in (person.get("about_me") or {}).items():
        story += [_p(key, s["label"]), _p(value, s["body"])]
    story.append(_p("Mine mål", s["h1"]))
    for goal in plan.get("goals") or []:
        story += [_p(goal.get("domain"), s["label"]), _p(goal.get("own_words"), s["own"])]
        rows: list[list[object]] = [[_p(h, s["small"]) for h in ("Hvem", "Gjør hva", "Innen")]]
        for step in goal.get("steps") or []:
            rows.append(
                [
                    _p(names.get(step.get("responsible"), "Ikke bestemt"), s["body"]),
                    _p(step.get("action"), s["body"]),
                    _p(step.get("due"), s["body"]),
                ]
            )
        story.append(_table(rows, [42 * mm, 90 * mm, 42 * mm]))
    story.append(_p("Mitt team", s["h1"]))
    rows = [[_p(h, s["small"]) for h in ("Navn", "Rolle", "Telefon", "Kan se")]]
    for p in plan.get("participants") or []:
        scope = (p.get("consent") or {}).get("scope")
        rows.append(
            [_p(p.get(k), s["body"]) for k in ("name", "role", "phone")] + [_p(scope, s["body"])]
        )
    story.append(_table(rows, [48 * mm, 38 * mm, 46 * mm, 42 * mm]))
    crisis = plan.get("crisis_plan") or {}
    story.append(_p("Min kriseplan", s["h1"]))
    story.append(_p("Ved fare for liv: ring 113.", s["label"]))
    for key, value in crisis.items():
        if isinstance(value, str) and value:
            story += [_p(key, s["label"]), _p(value, s["body"])]
    contacts = [
        [_p(c.get(k), s["body"]) for k in ("name", "role", "phone")]
        for c in crisis.get("contacts") or []
    ]
    if contacts:
        story.append(
            _table(
                [[_p(h, s["small"]) for h in ("Navn", "Rolle", "Telefon")], *contacts],
                [60 * mm, 64 * mm, 50 * mm],
            )
        )
    story += [
        _p("Neste evaluering", s["h1"]),
        _p(f"Vi ser på planen sammen igjen {plan.get('next_review')}.", s["body"]),
        _p("Vår avtale", s["h1"]),
        _table(
            [
                [_p(h, s["small"]) for h in ("Til stede", "Signatur", "Dato")],
                ["", "", ""],
                ["", "", ""],
            ],
            [58 * mm, 80 * mm, 36 * mm],
        ),
        Spacer(1, 8),
    ]
    return story


def _page_number(canvas: Any, doc: Any) -> None:
    canvas.setFont("BareSans", 10)
    canvas.drawRightString(A4[0] - 18 * mm, 12 * mm, f"Side {doc.page}")


def bare_render(documents: Iterable[Mapping[str, Any]], out: io.BytesIO | str) -> None:
    """All ``documents`` into one PDF, each from a new page."""
    _register()
    s = _styles()
    story: list[Any] = []
    for index, document in enumerate(documents):
        if index:
            story.append(PageBreak())
        story += bare_story(document, s)
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=24 * mm,
        initialFontName="BareSans",
        pageCompression=1,
    )
    doc.build(story, onFirstPage=_page_number, onLaterPages=_page_number)
