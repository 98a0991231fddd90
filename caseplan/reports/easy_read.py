"""Easy-read: the plan in short sentences, one goal per page, with a pictogram for each idea.

Not the shared plan in bigger type: its own words, written for it (the ``er_`` messages of
the catalogues), large type (16 pt running text), and a pictogram beside each life domain
and beside "who", "what" and "when". The person's own words are printed as they wrote them.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Table, TableStyle

from caseplan.reports import plan_sections as sections
from caseplan.reports import signing
from caseplan.reports.blocks import Para, Words, gap, paragraphs
from caseplan.reports.document import ABOUT_ME_FIELDS, Goal, Participant, PlanView, Step
from caseplan.reports.fonts import REGULAR
from caseplan.reports.options import PlanOptions, version_text
from caseplan.reports.pages import Bookmark, FooterInfo, StartPrintout
from caseplan.reports.pictograms import ATTRIBUTION, pictogram
from caseplan.reports.styles import ACCENT_LINE, MUTED, Styles, make_styles, user_text
from caseplan.services.plans.order import in_plan_order

ICON = 16 * mm
SMALL_ICON = 10 * mm
TEXT_WIDTH = 174 * mm

#: The crisis plan's fields, each with the easy-read sentence that introduces it.
CRISIS_SENTENCES = (
    ("warning_signs", "er_signs"),
    ("triggers", "er_triggers"),
    ("what_i_do", "er_i_do"),
    ("what_others_do", "er_others_do"),
    ("what_does_not_help", "er_not_help"),
    ("treatment_wanted", "er_treatment_wanted"),
    ("treatment_not_wanted", "er_treatment_not_wanted"),
)


@lru_cache(maxsize=2)
def _credit(styles: Styles) -> ParagraphStyle:
    return ParagraphStyle("credit", parent=styles.small, textColor=MUTED)


def _beside(icon_name: str, size: float, content: list[Flowable]) -> Table:
    """A pictogram on the left, words on the right."""
    return Table(
        [[pictogram(icon_name, size), content]],
        colWidths=[size + 5 * mm, TEXT_WIDTH - size - 5 * mm],
        style=TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        ),
        hAlign="LEFT",
        splitInRow=1,
    )


def _heading(icon_name: str, text: str, styles: Styles, bookmark: str) -> list[Flowable]:
    return [Bookmark(bookmark, 1), _beside(icon_name, ICON, [Para(text, styles.h1)]), gap(styles)]


def _cover(view: PlanView, words: Words, styles: Styles) -> list[Flowable]:
    name = view.preferred_name or view.full_name
    out: list[Flowable] = [
        _beside("me", ICON, [Para(words.say("er_title"), styles.title)]),
        Para(user_text(view.full_name or name), styles.subtitle),
        Para(words.say("er_intro_1"), styles.body),
        Para(words.say("er_intro_2"), styles.body),
        Para(words.say("er_intro_3"), styles.body),
    ]
    coordinator = view.participant(view.coordinator)
    if coordinator is not None:
        out.append(Para(words.say("er_coordinator", name=coordinator.name), styles.body))
        if coordinator.phone:
            out.append(Para(words.say("er_phone", phone=coordinator.phone), styles.body))
    out.append(_review_sentence(view, words, styles))
    out += [gap(styles), Bookmark(words.plain("about_me"), 1)]
    out.append(_beside("me", SMALL_ICON, [Para(words.say("er_about_me"), styles.h2)]))
    for key in ABOUT_ME_FIELDS:
        value = view.about_me.get(key, "")
        if value.strip():
            out.append(Para(words.say(f"er_{key}"), styles.label))
            out += paragraphs(value, styles.own_words, styles)
    return out


def _review_sentence(view: PlanView, words: Words, styles: Styles) -> Para:
    if view.next_review:
        return Para(words.say("er_review_on", date=words.date(view.next_review)), styles.body)
    return Para(words.say("er_review_unset"), styles.body)


def _step(view: PlanView, words: Words, styles: Styles, step: Step) -> Flowable:
    name, role = sections.who(view, words, step.responsible)
    role_text = f" ({role})" if role else ""
    when = (
        words.say("er_when_date", date=words.date(step.due))
        if step.due
        else words.say("er_no_date")
    )
    lines = [
        _beside("what", SMALL_ICON, [Para(user_text(step.action), styles.body)]),
        _beside(
            "who", SMALL_ICON, [Para(words.say("er_who") + f" {name}{role_text}", styles.body)]
        ),
        _beside("when", SMALL_ICON, [Para(when, styles.body)]),
    ]
    if step.status == "done":
        lines.append(Para("✓ " + words.say("er_done"), styles.body))
    box = Table(
        [[lines]],
        colWidths=[TEXT_WIDTH],
        splitInRow=1,
        style=TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("BOX", (0, 0), (-1, -1), 1, ACCENT_LINE),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        ),
        hAlign="LEFT",
    )
    return KeepTogether([box, gap(styles, 0.6)])


def _goal(
    view: PlanView, words: Words, styles: Styles, goal: Goal, n: int, of: int
) -> list[Flowable]:
    domain = sections.domain_key(goal.domain)
    out: list[Flowable] = [PageBreak()]
    out += _heading(
        domain,
        words.say("er_goal_number", number=str(n), count=str(of)),
        styles,
        words.plain("er_goal_number", number=n, count=of),
    )
    out.append(Para(words.say("er_goal_area", area=words.plain(domain)), styles.body))
    out.append(Para(words.say("er_i_want"), styles.label))
    out += paragraphs(goal.own_words, styles.own_words, styles)
    if goal.target_date:
        out.append(Para(words.say("er_by", date=words.date(goal.target_date)), styles.body))
    if goal.status == "achieved":
        out.append(Para("✓ " + words.say("er_reached"), styles.body))
    out.append(Para(words.say("er_steps"), styles.label))
    if not goal.steps:
        out.append(Para(words.say("er_no_steps"), styles.body))
    for step in goal.steps:
        out.append(_step(view, words, styles, step))
    return out


def _person(words: Words, styles: Styles, p: Participant, coordinator: bool) -> Flowable:
    lines: list[Flowable] = [Para(f"<b>{user_text(p.name)}</b>", styles.body)]
    role = sections.role_text(words, p.role)
    if role:
        lines.append(Para(role, styles.body))
    if coordinator:
        lines.append(Para(words.say("er_is_coordinator"), styles.body))
    if p.phone:
        lines.append(_beside("phone", SMALL_ICON, [Para(user_text(p.phone), styles.body)]))
    if p.role == "peer":
        if p.offers.strip():
            lines.append(Para(words.say("er_peer_offers", name=p.name), styles.label))
            lines += paragraphs(p.offers, styles.body, styles)
        if p.availability.strip():
            lines.append(
                Para(
                    words.say("er_peer_available", name=p.name, when=p.availability.strip()),
                    styles.body,
                )
            )
    return KeepTogether([*lines, gap(styles)])


def _team(view: PlanView, words: Words, styles: Styles) -> list[Flowable]:
    out: list[Flowable] = [PageBreak()]
    out += _heading("team", words.say("er_team"), styles, words.plain("my_team"))
    members = [p for p in view.participants if p.role != "person"]
    if not members:
        return [*out, Para(words.say("er_no_team"), styles.body)]
    out.append(Para(words.say("er_team_intro"), styles.body))
    if any(p.role == "peer" for p in members):
        out.append(Para(words.say("er_peer_intro"), styles.body))
    out.append(gap(styles))
    for p in members:
        out.append(_person(words, styles, p, p.key == view.coordinator))
    return out


def _crisis(view: PlanView, words: Words, styles: Styles) -> list[Flowable]:
    out: list[Flowable] = [PageBreak()]
    out += _heading("crisis", words.say("er_crisis"), styles, words.plain("crisis_plan"))
    out += [sections.emergency_box(words, styles, TEXT_WIDTH), gap(styles)]
    plan = view.crisis
    if plan.is_empty:
        return [*out, Para(words.say("er_no_crisis"), styles.body)]
    for field, sentence in CRISIS_SENTENCES:
        value = plan.fields.get(field, "")
        if value.strip():
            out.append(Para(words.say(sentence), styles.label))
            out += paragraphs(value, styles.body, styles)
    if plan.contacts:
        out.append(Para(words.say("er_call"), styles.label))
        for c in plan.contacts:
            role = f" ({user_text(c.role)})" if c.role else ""
            out.append(
                _beside(
                    "phone",
                    SMALL_ICON,
                    [Para(f"<b>{user_text(c.name)}</b>{role}: {user_text(c.phone)}", styles.body)],
                )
            )
    return out


def easy_read_story(view: PlanView, options: PlanOptions, key: int = 0) -> list[Flowable]:
    """Every flowable of one person's easy-read plan, starting with its footer marker."""
    words = Words(view.language, options.bilingual)
    styles = make_styles(True)
    printed = options.printed_on or date.today()
    footer = " · ".join(
        (
            version_text(view, words, options),
            words.plain("footer_printed", date=words.date(printed)),
        )
    )
    name = view.display_name.replace("\n", " ")
    info = FooterInfo(key, view.language, name, footer, options.demo, font_size=12)
    story: list[Flowable] = [
        StartPrintout(info),
        Bookmark(words.plain("pdf_title", name=name), 0),
        *_cover(view, words, styles),
    ]
    goals = in_plan_order(view.goals, lambda g: sections.domain_key(g.domain))
    for n, goal in enumerate(goals, start=1):
        story += _goal(view, words, styles, goal, n, len(goals))
    if not goals:
        story += [PageBreak(), Para(words.say("er_no_goals"), styles.body)]
    story += _team(view, words, styles)
    story += _crisis(view, words, styles)
    story.append(PageBreak())
    story += _heading("review", words.say("er_review"), styles, words.plain("review"))
    story.append(_review_sentence(view, words, styles))
    story += signing.agreement(view, words, styles, options.signatures or {}, printed)
    story += [gap(styles), Para(ATTRIBUTION, _credit(styles))]
    return story
