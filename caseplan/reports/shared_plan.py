"""The shared plan on paper: what the person takes home, in their own words first."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.platypus import Flowable, PageBreak

from caseplan.errors import CaseplanError, InvalidInput, tr_noop
from caseplan.reports import plan_sections as sections
from caseplan.reports import progress, signing
from caseplan.reports.blocks import Words
from caseplan.reports.changes import changes_page, marks
from caseplan.reports.document import PlanView, open_plan, read_plan
from caseplan.reports.easy_read import easy_read_story
from caseplan.reports.i18n import t
from caseplan.reports.options import PlanOptions, version_text
from caseplan.reports.pages import (
    Bookmark,
    DocumentInfo,
    FooterCanvas,
    FooterInfo,
    StartPrintout,
    a4_document,
    write_pdf,
)
from caseplan.reports.styles import Styles, make_styles

__all__ = ["PlanOptions", "PrintCancelled", "render_many", "render_shared_plan", "version_text"]


class PrintCancelled(CaseplanError):
    """Batch printing was stopped before it finished; nothing was written."""


@dataclass(frozen=True)
class Printing:
    """Everything a section needs: the plan, its words and styles, and how it is printed."""

    view: PlanView
    words: Words
    styles: Styles
    options: PlanOptions
    printed: date
    #: each goal's ratings over time, and the day of the plan's last review
    tracks: tuple[progress.Track, ...] = ()
    reviewed: date | None = None
    #: goals and steps new or changed since the version a draft has changed since
    marks: Mapping[str, str] = field(default_factory=dict)


Section = Callable[[Printing], list[Flowable]]


#: The shared plan, section by section, in print order. Add a section by adding a line.
def _unless_left_out(key: str, make: Section) -> Section:
    """``make``, or, in a copy for a team member that leaves it out, a line saying so."""

    def made(p: Printing) -> list[Flowable]:
        if key in p.options.left_out:
            return sections.not_in_copy(key, p.words, p.styles)
        return make(p)

    return made


def _copy_note(p: Printing) -> list[Flowable]:
    if not p.options.copy_for:
        return []
    return sections.copy_note(p.options.copy_for, p.options.copy_scope, p.words, p.styles)


SECTIONS: list[Section] = [
    lambda p: sections.title_block(p.view, p.words, p.styles),
    _copy_note,
    _unless_left_out("about_me", lambda p: sections.about_me(p.view, p.words, p.styles)),
    _unless_left_out("my_goals", lambda p: sections.goals(p.view, p.words, p.styles, p.marks)),
    lambda p: progress.how_it_is_going(p.tracks, p.reviewed, p.words, p.styles),
    lambda p: sections.team(p.view, p.words, p.styles),
    _unless_left_out("my_peer", lambda p: sections.peer(p.view, p.words, p.styles)),
    _unless_left_out("crisis_plan", lambda p: sections.crisis(p.view, p.words, p.styles)),
    lambda p: sections.review(p.view, p.words, p.styles),
    lambda p: signing.agreement(p.view, p.words, p.styles, p.options.signatures or {}, p.printed),
    lambda p: changes_page(p.view, p.words, p.styles),
]


def start_printout(view: PlanView, words: Words, options: PlanOptions, key: int) -> list[Flowable]:
    """The footer marker and the person's top-level bookmark: the first flowables of a plan."""
    printed = options.printed_on or date.today()
    footer = " · ".join(
        (
            version_text(view, words, options),
            words.plain("footer_printed", date=words.date(printed)),
        )
    )
    name = view.display_name.replace("\n", " ")
    info = FooterInfo(key, view.language, name, footer, options.demo)
    return [StartPrintout(info), Bookmark(words.plain("pdf_title", name=name), 0)]


def plan_story(document: Mapping[str, Any], options: PlanOptions, key: int = 0) -> list[Flowable]:
    """Every flowable of one person's plan, starting with the marker for its footer."""
    view = read_plan(document, options.language)
    if options.easy_read:
        return easy_read_story(view, options, key)
    words = Words(view.language, options.bilingual)
    plan = open_plan(document)
    printing = Printing(
        view,
        words,
        make_styles(False),
        options,
        options.printed_on or date.today(),
        progress.read_tracks(document, plan),
        progress.last_review(plan),
        marks(view),
    )
    story = start_printout(view, words, options, key)
    for make in SECTIONS:
        story += make(printing)
    return story


def plan_info(document: Mapping[str, Any], options: PlanOptions) -> DocumentInfo:
    """Title ("Plan for NAME"), subject and language of one person's plan."""
    view = read_plan(document, options.language)
    name = view.display_name.replace("\n", " ")
    subject = "pdf_subject_easy" if options.easy_read else "pdf_subject_plan"
    return DocumentInfo(
        t("pdf_title", view.language, name=name),
        t(subject, view.language),
        view.language,
        options.demo,
    )


def render_shared_plan(
    document: Mapping[str, Any], out: BinaryIO | Path | str, options: PlanOptions
) -> None:
    """Print the person's open plan as an A4 PDF into ``out`` (a path or a binary stream)."""
    buffer = io.BytesIO()
    story = plan_story(document, options)
    a4_document(buffer, plan_info(document, options)).build(story, canvasmaker=FooterCanvas)
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


def batch_info(options: PlanOptions, language: str = "nb") -> DocumentInfo:
    title = t("pdf_title_batch", language)
    return DocumentInfo(title, t("pdf_subject_plan", language), language, options.demo)


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
    a4_document(buffer, batch_info(options)).build(story, canvasmaker=FooterCanvas)
    write_pdf(buffer.getvalue(), out)
