"""Page furniture shared by every printout: footer with page X of Y, and the DEMO mark.

Footers are drawn when the document is saved, once the number of pages of each plan is known;
a batch of plans in one file numbers each plan on its own.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from caseplan.reports.fonts import BOLD, REGULAR, register_fonts
from caseplan.reports.i18n import t
from caseplan.reports.styles import DEMO_RED, MUTED, RULE

#: The side margin of every printout.
MARGIN = 18 * mm


@dataclass(frozen=True)
class FooterInfo:
    """What every page of one printout says at its foot."""

    key: int
    language: str
    name: str  # plain text, drawn with drawString (never parsed as markup)
    left: str  # version and date printed: always shown in full
    demo: bool
    numbered: bool = True
    font_size: float = 8


class StartPrintout(Flowable):  # type: ignore[misc]
    """A zero-size marker: the pages from here on belong to ``info``."""

    def __init__(self, info: FooterInfo) -> None:
        super().__init__()
        self.info = info
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return (0, 0)

    def draw(self) -> None:
        self.canv.footer_info = self.info


class FooterCanvas(Canvas):  # type: ignore[misc]
    """Keeps each page until :meth:`save`, then stamps footer, page numbers and DEMO."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        register_fonts()
        if not kwargs.get("initialFontName"):
            kwargs["initialFontName"] = REGULAR  # no base-14 font anywhere in the file
        super().__init__(*args, **kwargs)
        self.footer_info: FooterInfo | None = None
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        totals = Counter(id(page["footer_info"]) for page in self._pages)
        seen: Counter[int] = Counter()
        for page in self._pages:
            self.__dict__.update(page)
            info = self.footer_info
            if info is not None:
                seen[id(info)] += 1
                stamp_page(self, info, seen[id(info)], totals[id(info)])
            super().showPage()
        super().save()


def stamp_page(canvas: Canvas, info: FooterInfo, page: int, pages: int) -> None:
    width, height = canvas._pagesize
    canvas.saveState()
    if info.demo:
        draw_demo(canvas, info.language, width, height)
    margin = 18 * mm
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(margin, 14 * mm, width - margin, 14 * mm)
    canvas.setFillColor(MUTED)
    size = info.font_size
    limit = width - 2 * margin - 30 * mm
    name = info.name
    while True:
        text = " · ".join(part for part in (name, info.left) if part)
        if canvas.stringWidth(text, REGULAR, size) <= limit or not name:
            break
        name = name[:-2] + "…" if len(name) > 2 else ""
    while size > 5 and canvas.stringWidth(text, REGULAR, size) > limit:
        size -= 0.5
    canvas.setFont(REGULAR, size)
    canvas.drawString(margin, 10 * mm, text)
    if info.numbered:
        canvas.drawRightString(
            width - margin, 10 * mm, t("footer_page", info.language, page=page, pages=pages)
        )
    canvas.restoreState()


def draw_demo(canvas: Canvas, language: str, width: float, height: float) -> None:
    """A large diagonal DEMO behind the text and a line at the top saying why."""
    canvas.saveState()
    canvas.setFillColor(DEMO_RED)
    canvas.setFillAlpha(0.09)
    canvas.setFont(BOLD, 150)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(45)
    canvas.drawCentredString(0, -50, t("demo", language))
    canvas.restoreState()
    canvas.saveState()
    canvas.setFillColor(DEMO_RED)
    canvas.setFont(BOLD, 8)
    canvas.drawCentredString(width / 2, height - 8 * mm, t("demo_note", language).upper())
    canvas.restoreState()


def write_pdf(data: bytes, out: BinaryIO | Path | str) -> None:
    """Write the finished PDF; a path is replaced atomically, so nothing is half-written."""
    if isinstance(out, str | Path):
        target = Path(out)
        fd, tmp = tempfile.mkstemp(prefix=".caseplan-", suffix=".pdf", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    else:
        out.write(data)


def a4_document(buffer: io.BytesIO, title: str) -> BaseDocTemplate:
    """An A4 document with one body frame above the footer, as every printout has."""
    register_fonts()
    width, height = A4
    frame = Frame(
        MARGIN,
        22 * mm,
        width - 2 * MARGIN,
        height - 22 * mm - 16 * mm,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc = BaseDocTemplate(
        buffer, pagesize=A4, title=title, author="Caseplan", creator="Caseplan", pageCompression=1
    )
    doc.addPageTemplates([PageTemplate(id="body", frames=[frame])])
    return doc
