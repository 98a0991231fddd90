"""Page furniture shared by every printout: footer with page X of Y, the DEMO mark, bookmarks.

Footers are drawn when the document is saved, once the number of pages of each plan is known;
a batch of plans in one file numbers each plan on its own. The big DEMO mark is drawn first
on each page, under the text, in an opaque light colour: a transparent mark would make many
print systems send every page as a picture.
"""

from __future__ import annotations

import io
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
from caseplan.reports.styles import DEMO_MARK, DEMO_RED, DETAIL_SIZE, MUTED, RULE
from caseplan.storage.files import write_atomically

#: The side margin of every printout.
MARGIN = 18 * mm
#: The body frame starts this far above the bottom edge; the footer sits below it.
BODY_BOTTOM = 24 * mm


@dataclass(frozen=True)
class FooterInfo:
    """What every page of one printout says at its foot."""

    key: int
    language: str
    name: str  # plain text, drawn with drawString (never parsed as markup)
    left: str  # version and date printed: always shown in full
    demo: bool
    numbered: bool = True
    font_size: float = DETAIL_SIZE


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


class Bookmark(Flowable):  # type: ignore[misc]
    """A zero-size marker: an entry in the PDF's outline (bookmarks) pointing at this page."""

    def __init__(self, title: str, level: int = 0) -> None:
        super().__init__()
        self.title, self.level = title, level
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return (0, 0)

    def draw(self) -> None:
        marks = getattr(self.canv, "outline_marks", None)
        if marks is None:  # a plain canvas (never in Caseplan): bookmark at once
            key = f"m{id(self)}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(self.title, key, self.level)
        else:
            marks.append((self.title, self.level))


class FooterCanvas(Canvas):  # type: ignore[misc]
    """Keeps each page until :meth:`save`, then stamps footer, page numbers and DEMO line."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        register_fonts()
        if not kwargs.get("initialFontName"):
            kwargs["initialFontName"] = REGULAR  # no base-14 font anywhere in the file
        super().__init__(*args, **kwargs)
        # readers show "Plan for NAME", not the file's name, in their title bar
        self.setViewerPreference("DisplayDocTitle", "true")
        self.footer_info: FooterInfo | None = None
        self.outline_marks: list[tuple[str, int]] = []
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self.outline_marks = []
        self._startPage()

    def save(self) -> None:
        totals = Counter(id(page["footer_info"]) for page in self._pages)
        seen: Counter[int] = Counter()
        level = -1
        for number, page in enumerate(self._pages):
            self.__dict__.update(page)
            for index, (title, wanted) in enumerate(page["outline_marks"]):
                key = f"p{number}m{index}"
                self.bookmarkPage(key)
                level = min(wanted, level + 1)  # an outline never skips a level
                self.addOutlineEntry(title, key, level, closed=level > 0)
            info = self.footer_info
            if info is not None:
                seen[id(info)] += 1
                stamp_page(self, info, seen[id(info)], totals[id(info)])
            super().showPage()
        if level >= 0:
            self.showOutline()
        super().save()


def _fit(canvas: Canvas, text: str, limit: float, size: float) -> str:
    """``text`` shortened with an ellipsis until it fits ``limit`` points at ``size``."""
    while text and canvas.stringWidth(text, REGULAR, size) > limit:
        text = text[:-2] + "…" if len(text) > 2 else ""
    return text


def stamp_page(canvas: Canvas, info: FooterInfo, page: int, pages: int) -> None:
    """The footer: the name and page X of Y on one line, version and date printed below."""
    width, height = canvas._pagesize
    canvas.saveState()
    if info.demo:
        draw_demo_note(canvas, info.language, width, height)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN, 18 * mm, width - MARGIN, 18 * mm)
    canvas.setFillColor(MUTED)
    size = max(info.font_size, DETAIL_SIZE)
    canvas.setFont(REGULAR, size)
    number = t("footer_page", info.language, page=page, pages=pages) if info.numbered else ""
    room = width - 2 * MARGIN - canvas.stringWidth(number, REGULAR, size) - 6 * mm
    canvas.drawString(MARGIN, 13.5 * mm, _fit(canvas, info.name, room, size))
    if number:
        canvas.drawRightString(width - MARGIN, 13.5 * mm, number)
    canvas.drawString(MARGIN, 8.5 * mm, _fit(canvas, info.left, width - 2 * MARGIN, size))
    canvas.restoreState()


def draw_demo_mark(canvas: Canvas, language: str, width: float, height: float) -> None:
    """A large diagonal DEMO in an opaque light colour; draw it before anything else."""
    canvas.saveState()
    canvas.setFillColor(DEMO_MARK)
    canvas.setFont(BOLD, 150)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(45)
    canvas.drawCentredString(0, -50, t("demo", language))
    canvas.restoreState()


def draw_demo_note(canvas: Canvas, language: str, width: float, height: float) -> None:
    """The line at the top of the page that says why it says DEMO."""
    canvas.saveState()
    canvas.setFillColor(DEMO_RED)
    canvas.setFont(BOLD, DETAIL_SIZE)
    canvas.drawCentredString(width / 2, height - 9 * mm, t("demo_note", language).upper())
    canvas.restoreState()


def write_pdf(data: bytes, out: BinaryIO | Path | str) -> None:
    """Write the finished PDF; a path is replaced atomically, so nothing is half-written."""
    if isinstance(out, str | Path):
        write_atomically(Path(out), data)
    else:
        out.write(data)


@dataclass(frozen=True)
class DocumentInfo:
    """What a PDF says about itself: its title, subject and language (shown by readers)."""

    title: str
    subject: str
    language: str
    demo: bool = False


def a4_document(buffer: io.BytesIO, info: DocumentInfo) -> BaseDocTemplate:
    """An A4 document with one body frame above the footer, as every printout has."""
    register_fonts()
    width, height = A4
    frame = Frame(
        MARGIN,
        BODY_BOTTOM,
        width - 2 * MARGIN,
        height - BODY_BOTTOM - 16 * mm,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        title=info.title,
        subject=info.subject,
        author="Caseplan",
        creator="Caseplan",
        lang=info.language,
        initialFontName=REGULAR,
        pageCompression=1,
    )

    def under_the_text(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        if info.demo:
            draw_demo_mark(canvas, info.language, width, height)

    doc.addPageTemplates([PageTemplate(id="body", frames=[frame], onPage=under_the_text)])
    return doc
