"""Colours, type and the one door through which user text enters a Paragraph."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from caseplan.reports.fonts import BOLD, ITALIC, REGULAR, register_fonts

INK = colors.HexColor("#1F2A30")
MUTED = colors.HexColor("#5B6B73")
ACCENT = colors.HexColor("#1E6470")  # calm teal for headings
ACCENT_SOFT = colors.HexColor("#E6F0F1")  # the person's own words sit on this
ACCENT_LINE = colors.HexColor("#A9C7CC")
WARM = colors.HexColor("#B4622D")  # the coordinator mark, the emergency line
WARM_SOFT = colors.HexColor("#FBEFE6")
RULE = colors.HexColor("#D5DEE1")
DEMO_RED = colors.HexColor("#C0392B")


def user_text(value: str) -> str:
    """User text made safe for Paragraph markup: NFC, escaped, line breaks kept."""
    normalised = unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n")
    escaped = escape(normalised.replace("\t", "    "))
    return escaped.replace("\n", "<br/>")


@dataclass(frozen=True)
class Styles:
    """One set of paragraph styles; easy-read is the same plan in larger, airier type."""

    easy_read: bool
    body: ParagraphStyle
    own_words: ParagraphStyle
    small: ParagraphStyle
    meta: ParagraphStyle
    label: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    domain: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    emergency: ParagraphStyle
    gap: float  # space between blocks, in points


@lru_cache(maxsize=2)
def make_styles(easy_read: bool) -> Styles:
    """The styles for normal or easy-read print; shared, so never change them."""
    register_fonts()
    size = 16.0 if easy_read else 10.0
    lead = size * (1.55 if easy_read else 1.4)

    def style(name: str, **kw: object) -> ParagraphStyle:
        base: dict[str, object] = {
            "fontName": REGULAR,
            "fontSize": size,
            "leading": lead,
            "textColor": INK,
            "alignment": TA_LEFT,
            "splitLongWords": 1,
        }
        base.update(kw)
        return ParagraphStyle(name, **base)

    small_size = max(size - 2, 16.0) if easy_read else 8.5
    return Styles(
        easy_read=easy_read,
        body=style("body", spaceAfter=size * (0.8 if easy_read else 0.4)),
        own_words=style(
            "own_words",
            fontSize=size + (2 if easy_read else 1.5),
            leading=(size + (2 if easy_read else 1.5)) * 1.4,
            backColor=ACCENT_SOFT,
            borderPadding=(6, 8, 6, 8),
            leftIndent=8,
            rightIndent=8,
            spaceBefore=6,
            spaceAfter=10 if easy_read else 8,
        ),
        small=style("small", fontSize=small_size, leading=small_size * 1.4, textColor=MUTED),
        meta=style(
            "meta",
            fontSize=small_size,
            leading=small_size * 1.4,
            textColor=MUTED,
            leftIndent=8,
            spaceBefore=2,
            spaceAfter=4,
        ),
        label=style(
            "label",
            fontName=BOLD,
            fontSize=size,
            leading=lead,
            textColor=ACCENT,
            spaceBefore=size * (0.9 if easy_read else 0.6),
            spaceAfter=2,
        ),
        title=style(
            "title",
            fontName=BOLD,
            fontSize=30 if easy_read else 24,
            leading=38 if easy_read else 30,
            textColor=ACCENT,
        ),
        subtitle=style(
            "subtitle", fontSize=size + 4, leading=(size + 4) * 1.35, textColor=INK, spaceAfter=8
        ),
        h1=style(
            "h1",
            fontName=BOLD,
            fontSize=24 if easy_read else 16,
            leading=30 if easy_read else 21,
            textColor=ACCENT,
            spaceBefore=18 if easy_read else 14,
            spaceAfter=10 if easy_read else 6,
        ),
        h2=style(
            "h2",
            fontName=BOLD,
            fontSize=size + 2,
            leading=(size + 2) * 1.35,
            textColor=INK,
            spaceBefore=8,
            spaceAfter=4,
        ),
        domain=style(
            "domain",
            fontName=BOLD,
            fontSize=size if easy_read else 9,
            leading=lead,
            textColor=ACCENT,
            spaceBefore=14 if easy_read else 10,
            spaceAfter=0,
        ),
        cell=style("cell", spaceAfter=0, leading=size * 1.35),
        cell_head=style(
            "cell_head",
            fontName=BOLD,
            fontSize=small_size,
            leading=small_size * 1.3,
            textColor=MUTED,
        ),
        emergency=style("emergency", fontName=BOLD, textColor=WARM, spaceBefore=6, spaceAfter=6),
        gap=14 if easy_read else 8,
    )


__all__ = ["ITALIC", "Styles", "make_styles", "user_text"]
