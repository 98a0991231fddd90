"""Colours, type and the one door through which user text enters a Paragraph.

Every text the person reads is at least :data:`DETAIL_SIZE` points, running text at least
:data:`BODY_SIZE`, and every colour pair used for text has a contrast of at least 4.5:1
(the emergency line at least 7:1): the palette below is chosen for that, and
``tests/reports/test_readability.py`` measures it on the printed pages. Nothing on a page is
transparent: a transparent mark makes many print systems turn whole pages into pictures.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from caseplan.reports.fonts import BOLD, ITALIC, REGULAR, register_fonts

INK = colors.HexColor("#1F2A30")  # 14.7:1 on white
MUTED = colors.HexColor("#4A5A62")  # details: 7.2:1 on white, 6.1:1 on the tints below
ACCENT = colors.HexColor("#1E6470")  # calm teal for headings: 6.8:1 on white
ACCENT_SOFT = colors.HexColor("#E6F0F1")  # the person's own words sit on this
ACCENT_LINE = colors.HexColor("#A9C7CC")  # rules only, never text
WARM = colors.HexColor("#8A2E0C")  # the emergency line and the coordinator mark: 7.5:1
WARM_SOFT = colors.HexColor("#FBEFE6")
RULE = colors.HexColor("#D5DEE1")  # rules only, never text
DEMO_RED = colors.HexColor("#A8321F")  # the DEMO line: 6.7:1 on white
DEMO_MARK = colors.HexColor("#FCE9E6")  # the big DEMO behind the text: opaque, very light

MUTED_HEX = "#4A5A62"
WARM_HEX = "#8A2E0C"

#: Smallest type anywhere on the person's papers, and the size of running text.
DETAIL_SIZE = 10.0
BODY_SIZE = 12.0


def user_text(value: str) -> str:
    """User text made safe for Paragraph markup: NFC, escaped, line breaks kept."""
    normalised = unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n")
    escaped = escape(normalised.replace("\t", "    "))
    return escaped.replace("\n", "<br/>")


def detail(markup: str, size: float = DETAIL_SIZE) -> str:
    """Markup for a detail line inside a paragraph or cell: smaller, quieter, still readable."""
    return f'<font size="{max(size, DETAIL_SIZE):g}" color="{MUTED_HEX}">{markup}</font>'


def phone_text(phone: str) -> str:
    """A phone number as markup that never breaks across lines (no-break spaces)."""
    return user_text(phone).replace(" ", "\u00a0")


def relative_luminance(color: colors.Color) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in (color.red, color.green, color.blue))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: colors.Color, b: colors.Color) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    light, dark = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@dataclass(frozen=True)
class Styles:
    """One set of paragraph styles: the shared plan's, or easy-read's larger and airier ones."""

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
    size = 16.0 if easy_read else BODY_SIZE
    lead = size * (1.5 if easy_read else 1.35)

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

    small_size = 14.0 if easy_read else DETAIL_SIZE
    own_size = size + (2 if easy_read else 1.5)
    return Styles(
        easy_read=easy_read,
        body=style("body", spaceAfter=size * (0.8 if easy_read else 0.4)),
        own_words=style(
            "own_words",
            fontSize=own_size,
            leading=own_size * 1.35,
            backColor=ACCENT_SOFT,
            borderPadding=(6, 8, 6, 8),
            leftIndent=8,
            rightIndent=8,
            spaceBefore=6,
            spaceAfter=10 if easy_read else 8,
        ),
        small=style("small", fontSize=small_size, leading=small_size * 1.35, textColor=MUTED),
        meta=style(
            "meta",
            fontSize=small_size,
            leading=small_size * 1.35,
            textColor=MUTED,
            leftIndent=8,
            spaceBefore=2,
            spaceAfter=4,
        ),
        label=style(
            "label",
            fontName=BOLD,
            textColor=ACCENT,
            spaceBefore=size * (0.9 if easy_read else 0.6),
            spaceAfter=2,
        ),
        title=style(
            "title",
            fontName=BOLD,
            fontSize=30 if easy_read else 26,
            leading=38 if easy_read else 32,
            textColor=ACCENT,
        ),
        subtitle=style(
            "subtitle", fontSize=size + 4, leading=(size + 4) * 1.3, textColor=INK, spaceAfter=8
        ),
        h1=style(
            "h1",
            fontName=BOLD,
            fontSize=24 if easy_read else 18,
            leading=30 if easy_read else 23,
            textColor=ACCENT,
            spaceBefore=18 if easy_read else 14,
            spaceAfter=10 if easy_read else 6,
        ),
        h2=style(
            "h2",
            fontName=BOLD,
            fontSize=size + 2,
            leading=(size + 2) * 1.3,
            textColor=INK,
            spaceBefore=8,
            spaceAfter=4,
        ),
        domain=style(
            "domain",
            fontName=BOLD,
            textColor=ACCENT,
            spaceBefore=14 if easy_read else 10,
            spaceAfter=0,
        ),
        cell=style("cell", spaceAfter=0, leading=size * 1.3),
        cell_head=style(
            "cell_head",
            fontName=BOLD,
            fontSize=small_size,
            leading=small_size * 1.3,
            textColor=MUTED,
        ),
        emergency=style("emergency", fontName=BOLD, textColor=WARM, spaceBefore=6, spaceAfter=6),
        gap=14 if easy_read else 9,
    )


__all__ = [
    "ITALIC",
    "Styles",
    "contrast",
    "detail",
    "make_styles",
    "phone_text",
    "user_text",
]
