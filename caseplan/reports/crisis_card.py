"""The wallet-size crisis card: three 85 × 55 mm panels in a strip, folded like a fan.

Two cards to a landscape A4 sheet, with cut marks and fold lines. Folded, the first panel is
the front: the emergency line and who to call. Unfolded, the second says what the warning
signs are and what helps, the third how I want to be met and the treatment I want and do not
want. Type never goes below 10 pt: long texts are shortened with an ellipsis instead (the
full crisis plan is in the shared plan).
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.colors import Color, white
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from caseplan.errors import InvalidInput, tr_noop
from caseplan.reports.blocks import Words
from caseplan.reports.document import PlanView, read_plan
from caseplan.reports.fonts import BOLD, REGULAR, register_fonts
from caseplan.reports.options import PlanOptions
from caseplan.reports.pages import FooterCanvas, FooterInfo, draw_demo_mark, write_pdf
from caseplan.reports.styles import (
    ACCENT,
    ACCENT_SOFT,
    DETAIL_SIZE,
    INK,
    MUTED,
    RULE,
    WARM,
    WARM_SOFT,
    user_text,
)

CARD_W, CARD_H = 85 * mm, 55 * mm
PANELS = 3
PANEL_PAD = 3 * mm
BAND_H = 11 * mm
CARDS_PER_SHEET = 2
SIZES = (11.0, 10.5, DETAIL_SIZE)  # points; never smaller than the details of the plan
PAGE = landscape(A4)


def _fit(blocks: list[tuple[str, str]], width: float, height: float) -> list[Paragraph]:
    """Labelled texts as paragraphs that fit ``width`` × ``height``, shrinking, then shortening."""

    def build(size: float, cap: int | None) -> list[Paragraph]:
        label = ParagraphStyle(
            "card_label",
            fontName=BOLD,
            fontSize=size,
            leading=size * 1.2,
            textColor=ACCENT,
            spaceBefore=size * 0.35,
        )
        body = ParagraphStyle(
            "card_body",
            fontName=REGULAR,
            fontSize=size,
            leading=size * 1.2,
            textColor=INK,
            splitLongWords=1,
        )
        out = []
        for heading, text in blocks:
            if cap is not None and len(text) > cap:
                text = text[:cap].rstrip() + "…"
            out.append(Paragraph(heading, label))
            if text:
                out.append(Paragraph(user_text(text), body))
        return out

    def height_of(paragraphs: list[Paragraph]) -> float:
        total = 0.0
        for p in paragraphs:
            total += p.wrap(width, height)[1] + p.getSpaceBefore()
        return total

    for size in SIZES:
        paragraphs = build(size, None)
        if height_of(paragraphs) <= height:
            return paragraphs
    low, high = 0, max((len(text) for _, text in blocks), default=0)
    best = build(SIZES[-1], 0)
    while low <= high:
        middle = (low + high) // 2
        candidate = build(SIZES[-1], middle)
        if height_of(candidate) <= height:
            best, low = candidate, middle + 1
        else:
            high = middle - 1
    return best


def _panel(
    canvas: Canvas, blocks: list[tuple[str, str]], x: float, y: float, top: float, fill: Color
) -> None:
    canvas.setFillColor(fill)
    canvas.rect(x, y, CARD_W, top - y, stroke=0, fill=1)
    width, height = CARD_W - 2 * PANEL_PAD, top - y - 2 * PANEL_PAD
    cursor = top - PANEL_PAD + 1.5 * mm
    for p in _fit(blocks, width, height + 1.5 * mm):
        _, h = p.wrap(width, height)
        cursor -= p.getSpaceBefore() + h
        p.drawOn(canvas, x + PANEL_PAD, cursor)


def _front(canvas: Canvas, view: PlanView, words: Words, x: float, y: float, demo: bool) -> None:
    canvas.setFillColor(ACCENT)
    canvas.rect(x, y + CARD_H - BAND_H, CARD_W, BAND_H, stroke=0, fill=1)
    canvas.setFillColor(white)
    canvas.setFont(BOLD, 11)
    canvas.drawString(x + PANEL_PAD, y + CARD_H - 5 * mm, words.plain("crisis_card"))
    canvas.setFont(REGULAR, DETAIL_SIZE)
    name = view.display_name.replace("\n", " ")
    room = CARD_W - 2 * PANEL_PAD
    while name and canvas.stringWidth(name, REGULAR, DETAIL_SIZE) > room:
        name = name[:-2] + "…"
    canvas.drawString(x + PANEL_PAD, y + CARD_H - 9.3 * mm, name)
    if demo:
        canvas.setFont(BOLD, 11)
        canvas.drawRightString(x + CARD_W - PANEL_PAD, y + CARD_H - 5 * mm, words.plain("demo"))
    canvas.setFillColor(WARM)
    canvas.setFont(BOLD, DETAIL_SIZE)
    canvas.drawString(x + PANEL_PAD, y + CARD_H - BAND_H - 4.5 * mm, words.plain("emergency"))
    contacts = "\n".join(
        (f"{c.name} ({c.role})" if c.role else c.name)
        + (": " + c.phone.replace(" ", "\u00a0") if c.phone else "")
        for c in view.crisis.contacts
    )
    blocks = [(words.heading("who_to_call"), contacts)]
    _panel(canvas, blocks, x, y, y + CARD_H - BAND_H - 6 * mm, white)


def _inside(canvas: Canvas, view: PlanView, words: Words, x: float, y: float) -> None:
    fields = view.crisis.fields
    helps = "\n".join(t for t in (fields["what_i_do"], fields["what_others_do"]) if t.strip())
    first = [
        (words.heading("warning_signs"), fields["warning_signs"].strip()),
        (words.heading("card_what_helps"), helps),
    ]
    _panel(canvas, first, x + CARD_W, y, y + CARD_H, ACCENT_SOFT)
    second = [
        (words.heading("how_i_want_to_be_met"), view.about_me["how_i_want_to_be_met"].strip()),
        (words.heading("treatment_wanted"), fields["treatment_wanted"].strip()),
        (words.heading("treatment_not_wanted"), fields["treatment_not_wanted"].strip()),
    ]
    _panel(canvas, [b for b in second if b[1]], x + 2 * CARD_W, y, y + CARD_H, WARM_SOFT)


def _marks(canvas: Canvas, x: float, y: float, words: Words) -> None:
    """Cut marks at the four corners, outside the card, and dotted fold lines between panels."""
    canvas.setStrokeColor(MUTED)
    canvas.setLineWidth(0.4)
    length, offset = 4 * mm, 1.5 * mm
    right, top = x + PANELS * CARD_W, y + CARD_H
    for cx, cy, dx, dy in ((x, y, -1, -1), (right, y, 1, -1), (x, top, -1, 1), (right, top, 1, 1)):
        canvas.line(cx + dx * offset, cy, cx + dx * (offset + length), cy)
        canvas.line(cx, cy + dy * offset, cx, cy + dy * (offset + length))
    canvas.setFillColor(MUTED)
    canvas.setFont(REGULAR, DETAIL_SIZE)
    for n in range(1, PANELS):
        fold = x + n * CARD_W
        canvas.setDash(1.5, 1.5)
        canvas.line(fold, top + offset, fold, top + offset + length)
        canvas.line(fold, y - offset, fold, y - offset - length)
        canvas.setDash()
        canvas.drawCentredString(fold, top + offset + length + 1 * mm, words.plain("fold_here"))
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.3)
    canvas.rect(x, y, PANELS * CARD_W, CARD_H, stroke=1, fill=0)


def render_crisis_card(
    document: Mapping[str, Any], out: BinaryIO | Path | str, options: PlanOptions
) -> None:
    """Print a landscape A4 sheet of two identical fold-out crisis cards for the open plan."""
    register_fonts()
    view = read_plan(document, options.language)
    if view.crisis.is_empty:
        raise InvalidInput(
            tr_noop("There is no crisis plan for this person yet, so there is no card to print.")
        )
    words = Words(view.language, options.bilingual)
    printed = options.printed_on or date.today()
    name = view.display_name.replace("\n", " ")
    buffer = io.BytesIO()
    canvas = FooterCanvas(buffer, pagesize=PAGE, pageCompression=1, lang=view.language)
    canvas.setTitle(words.plain("card_for", name=name))
    canvas.setSubject(words.plain("pdf_subject_card"))
    canvas.setAuthor("Caseplan")
    canvas.setCreator("Caseplan")
    footer = words.plain("footer_printed", date=words.date(printed))
    canvas.footer_info = FooterInfo(0, view.language, name, footer, options.demo)
    canvas.outline_marks.append((words.plain("card_for", name=name), 0))
    width, height = PAGE
    if options.demo:
        draw_demo_mark(canvas, view.language, width, height)
    canvas.setFillColor(INK)
    canvas.setFont(REGULAR, DETAIL_SIZE + 1)
    canvas.drawCentredString(width / 2, height - 16 * mm, words.plain("cut_note"))
    x = (width - PANELS * CARD_W) / 2
    tops = (height - 32 * mm, height - 32 * mm - CARD_H - 24 * mm)
    for top in tops[:CARDS_PER_SHEET]:
        y = top - CARD_H
        canvas.saveState()
        _front(canvas, view, words, x, y, options.demo)
        _inside(canvas, view, words, x, y)
        _marks(canvas, x, y, words)
        canvas.restoreState()
    canvas.showPage()
    canvas.save()
    write_pdf(buffer.getvalue(), out)
