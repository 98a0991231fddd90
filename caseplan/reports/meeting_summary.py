""" "What we agreed today": one page the person takes home after any meeting.

Who was there, the notes shared with the person (never the worker's note), whether the plan
was agreed, the next steps with who and when, the next review, who to call, and the
emergency line. Printed in the person's language, like the plan.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from caseplan.errors import InvalidInput, tr_noop
from caseplan.reports import plan_sections as sections
from caseplan.reports.blocks import Para, Words, gap, paragraphs
from caseplan.reports.document import Meeting, PlanView, Step, read_plan
from caseplan.reports.options import PlanOptions
from caseplan.reports.pages import (
    Bookmark,
    DocumentInfo,
    FooterCanvas,
    FooterInfo,
    StartPrintout,
    a4_document,
    write_pdf,
)
from caseplan.reports.styles import Styles, detail, make_styles, user_text

#: At most this many steps, so the summary stays on one page.
MAX_STEPS = 6


def choose_meeting(view: PlanView, meeting_id: str | None) -> Meeting:
    if not view.meetings:
        raise InvalidInput(
            tr_noop("There is no meeting in this plan yet, so there is no summary to print.")
        )
    if meeting_id is None:
        return view.meetings[-1]
    for meeting in view.meetings:
        if meeting.key == meeting_id:
            return meeting
    raise InvalidInput(tr_noop("That meeting is not part of this person's open plan."))


def next_steps(view: PlanView, day: date) -> list[Step]:
    """The open steps that come next: due from the meeting day on, soonest first, then
    those with no date yet; at most :data:`MAX_STEPS`."""
    open_steps = [
        s for g in view.goals for s in g.steps if s.status not in ("done", "dropped") and s.action
    ]
    dated = sorted((s for s in open_steps if s.due and s.due >= day), key=lambda s: s.due or day)
    undated = [s for s in open_steps if s.due is None]
    return [*dated, *undated][:MAX_STEPS]


def summary_story(
    view: PlanView, meeting: Meeting, words: Words, styles: Styles, options: PlanOptions
) -> list[Flowable]:
    printed = options.printed_on or date.today()
    day = meeting.day or printed
    name = view.display_name.replace("\n", " ")
    footer = words.plain("footer_printed", date=words.date(printed))
    info = FooterInfo(0, view.language, name, footer, options.demo)
    story: list[Flowable] = [
        StartPrintout(info),
        Bookmark(words.plain("summary_title"), 0),
        Para(words.heading("summary_title"), styles.title),
        Para(
            words.say("summary_subtitle", name=view.preferred_name or name, date=words.date(day)),
            styles.subtitle,
        ),
    ]
    present = [p for p in (view.participant(k) for k in meeting.attendees) if p is not None]
    if present:
        names = []
        for p in present:
            role = words.say("me") if p.role == "person" else sections.role_text(words, p.role)
            names.append(f"{user_text(p.name)}" + (f" {detail('(' + role + ')')}" if role else ""))
        story += [
            Para(words.heading("summary_present"), styles.h2),
            Para(", ".join(names), styles.body),
        ]
    if meeting.shared_notes.strip():
        story.append(Para(words.heading("summary_notes"), styles.h2))
        story += paragraphs(meeting.shared_notes, styles.own_words, styles)
    if meeting.agreed:
        story.append(Para("✓ " + words.say("summary_agreed"), styles.body))
    steps = next_steps(view, day)
    story.append(Para(words.heading("summary_next"), styles.h2))
    if steps:
        story += sections.step_rows(view, words, styles, steps)
    else:
        story.append(Para(words.say("summary_no_steps"), styles.body))
    story.append(gap(styles, 0.5))
    if view.next_review:
        story.append(Para(words.say("review_on", date=words.date(view.next_review)), styles.body))
    coordinator = view.participant(view.coordinator)
    if coordinator is not None and coordinator.phone:
        story.append(
            Para(
                words.say("summary_questions", name=coordinator.name, phone=coordinator.phone),
                styles.body,
            )
        )
    story += [gap(styles, 0.5), sections.emergency_box(words, styles, 174 * mm)]
    return story


def render_meeting_summary(
    document: Mapping[str, Any],
    out: BinaryIO | Path | str,
    options: PlanOptions,
    meeting_id: str | None = None,
) -> None:
    """Print "what we agreed today" for a meeting (the latest when ``meeting_id`` is None)."""
    view = read_plan(document, options.language)
    meeting = choose_meeting(view, meeting_id)
    words = Words(view.language, options.bilingual)
    styles = make_styles(False)
    name = view.display_name.replace("\n", " ")
    info = DocumentInfo(
        words.plain("summary_pdf_title", name=name),
        words.plain("summary_title"),
        view.language,
        options.demo,
    )
    buffer = io.BytesIO()
    story = summary_story(view, meeting, words, styles, options)
    a4_document(buffer, info).build(story, canvasmaker=FooterCanvas)
    write_pdf(buffer.getvalue(), out)
