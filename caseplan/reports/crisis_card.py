"""The wallet-size crisis card: 85 × 55 mm, folded once, four to an A4 sheet with cut marks.

Unfolded, a card is two panels side by side; folded along the middle, the front says who to
call and the back lists the warning signs and what helps. Long texts shrink to a still-readable
size and are then shortened with an ellipsis: the full crisis plan is in the shared plan.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.colors import white
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from caseplan.errors import InvalidInput, tr_noop
from caseplan.reports.blocks import Words
from caseplan.reports.document import PlanView, read_plan
from caseplan.reports.fonts import BOLD, REGULAR, register_fonts
from caseplan.reports.pages import FooterCanvas, FooterInfo, write_pdf
from caseplan.reports.shared_plan import PlanOptions
from caseplan.reports.styles import ACCENT, ACCENT_SOFT, INK, MUTED, RULE, WARM, user_text

CARD_W, CARD_H = 85 * mm, 55 * mm
PANEL_PAD = 3.5 * mm
BAND_H = 11 * mm
CARDS_PER_SHEET = 4
SIZES = (9.0, 8.5, 8.0, 7.5, 7.0, 6.5, 6.0)  # points; below 6 pt a card is no longer readable


def _fit(blocks: list[tuple[str, str]], width: float, height: float) -> list[Paragraph]:
    """Labelled texts as paragraphs that fit ``width`` × ``height``, shrinking, then shortening."""

    def build(size: float, cap: int | None) -> list[Paragraph]:
        label = ParagraphStyle(
            "card_label",
            fontName=BOLD,
            fontSize=size,
            leading=size * 1.25,
            textColor=ACCENT,
            spaceBefore=size * 0.5,
        )
        body = ParagraphStyle(
            "card_body",
            fontName=REGULAR,
            fontSize=size,
            leading=size * 1.25,
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


def _draw_paragraphs(
    canvas: Canvas, paragraphs: list[Paragraph], x: float, top: float, width: float, height: float
) -> None:
    y = top
    for p in paragraphs:
        _, h = p.wrap(width, height)
        y -= p.getSpaceBefore() + h
        p.drawOn(canvas, x, y)


def _front(canvas: Canvas, view: PlanView, words: Words, x: float, y: float, demo: bool) -> None:
    canvas.setFillColor(ACCENT)
    canvas.rect(x, y + CARD_H - BAND_H, CARD_W, BAND_H, stroke=0, fill=1)
    canvas.setFillColor(white)
    canvas.setFont(BOLD, 9)
    canvas.drawString(x + PANEL_PAD, y + CARD_H - 5 * mm, words.plain("crisis_card"))
    canvas.setFont(REGULAR, 7)
    name = view.display_name
    while name and canvas.stringWidth(name, REGULAR, 7) > CARD_W - 2 * PANEL_PAD - 12 * mm:
        name = name[:-2] + "…"
    canvas.drawString(x + PANEL_PAD, y + CARD_H - 8.8 * mm, name)
    if demo:
        canvas.setFont(BOLD, 8)
        canvas.drawRightString(x + CARD_W - PANEL_PAD, y + CARD_H - 5 * mm, words.plain("demo"))
    canvas.setFillColor(WARM)
    canvas.setFont(BOLD, 7.5)
    canvas.drawString(x + PANEL_PAD, y + CARD_H - BAND_H - 4.5 * mm, words.plain("emergency"))
    contacts = "\n".join(
        " · ".join(part for part in (c.name, c.role, c.phone) if part) for c in view.crisis.contacts
    )
    blocks = [(words.heading("who_to_call"), contacts)]
    top = y + CARD_H - BAND_H - 6 * mm
    inner_w = CARD_W - 2 * PANEL_PAD
    _draw_paragraphs(
        canvas,
        _fit(blocks, inner_w, top - y - PANEL_PAD),
        x + PANEL_PAD,
        top,
        inner_w,
        top - y - PANEL_PAD,
    )


def _back(canvas: Canvas, view: PlanView, words: Words, x: float, y: float) -> None:
    canvas.setFillColor(ACCENT_SOFT)
    canvas.rect(x, y, CARD_W, CARD_H, stroke=0, fill=1)
    fields = view.crisis.fields
    helps = "\n".join(t for t in (fields["what_i_do"], fields["what_others_do"]) if t.strip())
    blocks = [
        (words.heading("warning_signs"), fields["warning_signs"].strip()),
        (words.heading("card_what_helps"), helps),
    ]
    inner_w = CARD_W - 2 * PANEL_PAD
    inner_h = CARD_H - 2 * PANEL_PAD + 1 * mm
    _draw_paragraphs(
        canvas,
        _fit(blocks, inner_w, inner_h),
        x + PANEL_PAD,
        y + CARD_H - PANEL_PAD + 1 * mm,
        inner_w,
        inner_h,
    )


def _marks(canvas: Canvas, x: float, y: float, words: Words) -> None:
    """Cut marks at the four corners, outside the card, and fold ticks above and below."""
    canvas.setStrokeColor(MUTED)
    canvas.setLineWidth(0.4)
    length, offset = 4 * mm, 1.5 * mm
    right, top = x + 2 * CARD_W, y + CARD_H
    for cx, cy, dx, dy in ((x, y, -1, -1), (right, y, 1, -1), (x, top, -1, 1), (right, top, 1, 1)):
        canvas.line(cx + dx * offset, cy, cx + dx * (offset + length), cy)
        canvas.line(cx, cy + dy * offset, cx, cy + dy * (offset + length))
    fold = x + CARD_W
    canvas.setDash(1.5, 1.5)
    canvas.line(fold, top + offset, fold, top + offset + length)
    canvas.line(fold, y - offset, fold, y - offset - length)
    canvas.setDash()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.3)
    canvas.rect(x, y, 2 * CARD_W, CARD_H, stroke=1, fill=0)
    canvas.setDash(1, 2)
    canvas.line(fold, y, fold, top)
    canvas.setDash()
    canvas.setFillColor(MUTED)
    canvas.setFont(REGULAR, 5.5)
    canvas.drawCentredString(fold, top + offset + length + 1 * mm, words.plain("fold_here"))


def render_crisis_card(
    document: Mapping[str, Any], out: BinaryIO | Path | str, options: PlanOptions
) -> None:
    """Print an A4 sheet of four identical foldable crisis cards for the person's open plan."""
    register_fonts()
    view = read_plan(document, options.language)
    if view.crisis.is_empty:
        raise InvalidInput(
            tr_noop("There is no crisis plan for this person yet, so there is no card to print.")
        )
    words = Words(view.language, options.bilingual)
    printed = options.printed_on or date.today()
    buffer = io.BytesIO()
    canvas = FooterCanvas(buffer, pagesize=A4, pageCompression=1)
    canvas.setTitle("Caseplan")
    canvas.setAuthor("Caseplan")
    footer = words.plain("footer_printed", date=words.date(printed))
    canvas.footer_info = FooterInfo(
        0, view.language, view.display_name.replace("\n", " "), footer, options.demo
    )
    width, height = A4
    canvas.setFillColor(INK)
    canvas.setFont(REGULAR, 9)
    canvas.drawCentredString(width / 2, height - 13 * mm, words.plain("cut_note"))
    x = (width - 2 * CARD_W) / 2
    gap = 11 * mm
    top = height - 23 * mm
    for index in range(CARDS_PER_SHEET):
        y = top - (index + 1) * CARD_H - index * gap
        canvas.saveState()
        _front(canvas, view, words, x, y, options.demo)
        _back(canvas, view, words, x + CARD_W, y)
        _marks(canvas, x, y, words)
        canvas.restoreState()
    canvas.showPage()
    canvas.save()
    write_pdf(buffer.getvalue(), out)
