"""The shared plan on paper: what the person takes home, in their own words first."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.platypus import Flowable, PageBreak

from caseplan.errors import CaseplanError, InvalidInput, tr_noop
from caseplan.reports import plan_sections as sections
from caseplan.reports.blocks import Words
from caseplan.reports.changes import changes_page
from caseplan.reports.document import PlanView, read_plan
from caseplan.reports.pages import FooterCanvas, FooterInfo, StartPrintout, a4_document, write_pdf
from caseplan.reports.styles import make_styles


class PrintCancelled(CaseplanError):
    """Batch printing was stopped before it finished; nothing was written."""


@dataclass(frozen=True)
class PlanOptions:
    """How to print. ``language=None`` prints in the person's preferred language."""

    language: str | None = None
    bilingual: bool = False
    easy_read: bool = False
    demo: bool = False
    version_label: str = ""
    printed_on: date | None = None
    signatures: Mapping[str, bytes] | None = None  # participant id -> PNG of a drawn signature


def version_text(view: PlanView, words: Words, options: PlanOptions) -> str:
    if options.version_label:
        return words.plain("footer_version", label=options.version_label)
    if view.status == "agreed" and view.versions:
        latest = view.versions[-1]
        label = words.plain(
            "version_number", number=latest.number, date=words.date(latest.agreed_on)
        )
        return words.plain("footer_version", label=label)
    return words.plain("status_draft")


def plan_story(document: Mapping[str, Any], options: PlanOptions, key: int = 0) -> list[Flowable]:
    """Every flowable of one person's plan, starting with the marker for its footer."""
    view = read_plan(document, options.language)
    words = Words(view.language, options.bilingual)
    styles = make_styles(options.easy_read)
    printed = options.printed_on or date.today()
    footer = " · ".join(
        (
            version_text(view, words, options),
            words.plain("footer_printed", date=words.date(printed)),
        )
    )
    info = FooterInfo(
        key,
        view.language,
        view.display_name.replace("\n", " "),
        footer,
        options.demo,
        font_size=10 if options.easy_read else 8,
    )
    story: list[Flowable] = [StartPrintout(info)]
    story += sections.title_block(view, words, styles)
    story += sections.about_me(view, words, styles)
    story += sections.goals(view, words, styles)
    story += sections.team(view, words, styles)
    story += sections.peer(view, words, styles)
    story += sections.crisis(view, words, styles)
    story += sections.review(view, words, styles)
    story += sections.agreement(view, words, styles, options.signatures or {}, printed)
    story += changes_page(view, words, styles)
    return story


def render_shared_plan(
    document: Mapping[str, Any], out: BinaryIO | Path | str, options: PlanOptions
) -> None:
    """Print the person's open plan as an A4 PDF into ``out`` (a path or a binary stream)."""
    buffer = io.BytesIO()
    story = plan_story(document, options)
    a4_document(buffer, "Caseplan").build(story, canvasmaker=FooterCanvas)
    write_pdf(buffer.getvalue(), out)


class _Progress(Flowable):  # type: ignore[misc]
    """Reports progress as each plan is laid out and stops the build when asked to."""

    def __init__(
        self,
        done: int,
        total: int,
        progress: Callable[[int, int], None] | None,
        cancelled: Callable[[], bool] | None,
    ) -> None:
        super().__init__()
        self.done, self.total = done, total
        self.progress, self.cancelled = progress, cancelled

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self.cancelled is not None and self.cancelled():
            raise PrintCancelled(tr_noop("Printing was cancelled; no file was written."))
        return (0, 0)

    def draw(self) -> None:
        if self.progress is not None:
            self.progress(self.done, self.total)


def render_many(
    documents: Iterable[Mapping[str, Any]],
    out: BinaryIO | Path | str,
    options: PlanOptions,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> None:
    """Print many plans into one PDF, each from a new page with its own page X of Y.

    ``progress(done, total)`` is called as plans are laid out; when ``cancelled()`` turns true
    the build stops with :class:`PrintCancelled` and ``out`` is left untouched.
    """
    docs = list(documents)
    story: list[Flowable] = []
    for index, document in enumerate(docs):
        if cancelled is not None and cancelled():
            raise PrintCancelled(tr_noop("Printing was cancelled; no file was written."))
        if index:
            story.append(PageBreak())
        story += plan_story(document, options, key=index)
        story.append(_Progress(index + 1, len(docs), progress, cancelled))
    if not docs:
        raise InvalidInput(tr_noop("There are no plans to print."))
    buffer = io.BytesIO()
    a4_document(buffer, "Caseplan").build(story, canvasmaker=FooterCanvas)
    write_pdf(buffer.getvalue(), out)
