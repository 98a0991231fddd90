"""How a plan is printed, and the footer words every printout of a plan shares."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from caseplan.reports.blocks import Words
from caseplan.reports.document import PlanView


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
    #: a copy for a team member: their name, what their consent covers ("own_part",
    #: "crisis_plan"), and the sections left out of it (each says so on the page)
    copy_for: str = ""
    copy_scope: str = ""
    left_out: frozenset[str] = frozenset()


def version_text(view: PlanView, words: Words, options: PlanOptions) -> str:
    if options.copy_for:
        what = words.plain(f"copy_short_{options.copy_scope}")
        return words.plain("footer_copy", name=options.copy_for, what=what)
    if options.version_label:
        return words.plain("footer_version", label=options.version_label)
    if view.status == "draft" and view.versions:
        return words.plain("footer_changed", number=view.versions[-1].number)
    if view.status == "agreed" and view.versions:
        latest = view.versions[-1]
        label = words.plain(
            "version_number", number=latest.number, date=words.date(latest.agreed_on)
        )
        return words.plain("footer_version", label=label)
    return words.plain("status_draft")
