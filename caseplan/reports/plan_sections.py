"""The sections of the shared plan, each a list of flowables built from a :class:`PlanView`.

Each section starts with :func:`section` (heading, rule, bookmark); a new section is a new
function here and one line in :data:`caseplan.reports.shared_plan.SECTIONS`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from functools import lru_cache

from reportlab.lib.colors import white
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepTogether,
    TableStyle,
)

from caseplan.reports.blocks import Para, Table, Words, gap, keep_room, labelled, paragraphs
from caseplan.reports.document import ABOUT_ME_FIELDS, CRISIS_FIELDS, Participant, PlanView, Step
from caseplan.reports.fonts import REGULAR
from caseplan.reports.i18n import has
from caseplan.reports.pages import Bookmark
from caseplan.reports.styles import (
    ACCENT_LINE,
    ACCENT_SOFT,
    INK,
    RULE,
    WARM,
    WARM_HEX,
    WARM_SOFT,
    Styles,
    detail,
    phone_text,
    user_text,
)
from caseplan.services.plans.order import DOMAIN_ORDER, in_plan_order

WIDTH = 174 * mm


def section(key: str, words: Words, styles: Styles, body: Sequence[Flowable]) -> list[Flowable]:
    """A heading with its rule and bookmark; it starts a new page rather than sit alone."""
    rule = HRFlowable(
        width="100%", thickness=0.8, color=ACCENT_LINE, spaceBefore=0, spaceAfter=styles.gap
    )
    return [
        keep_room(styles, 10),
        Bookmark(words.plain(key), 1),
        Para(words.heading(key), styles.h1),
        rule,
        *body,
    ]


@lru_cache(maxsize=8)
def _summary_label(styles: Styles) -> ParagraphStyle:
    return ParagraphStyle("summary_label", parent=styles.cell_head, textColor=INK)


def table(
    rows: list[list[object]], widths: Sequence[float], styles: Styles, header: bool = True
) -> Table:
    pad = 6 if styles.easy_read else 4
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), pad),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), pad),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad + 1),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
    ]
    if header:
        commands.append(("LINEBELOW", (0, 0), (-1, 0), 1, ACCENT_LINE))
    return Table(
        rows,
        colWidths=list(widths),
        repeatRows=1 if header else 0,
        splitInRow=1,
        style=TableStyle(commands),
        hAlign="LEFT",
    )


def role_text(words: Words, role: str) -> str:
    return words.say(f"role_{role}") if has(f"role_{role}") else ""


def who(view: PlanView, words: Words, key: str) -> tuple[str, str]:
    """The name of the one responsible for a step and their role, as markup."""
    participant = view.participant(key) if key else None
    if participant is None:
        return words.say("nobody_yet"), ""
    if participant.role == "person":
        return words.say("me"), ""
    return user_text(participant.name), role_text(words, participant.role)


def domain_key(domain: str) -> str:
    return domain if domain in DOMAIN_ORDER and has(domain) else "other"


def title_block(view: PlanView, words: Words, styles: Styles) -> list[Flowable]:
    name = view.full_name
    if view.preferred_name and view.preferred_name != view.full_name:
        name = f"{name} ({view.preferred_name})" if name else view.preferred_name
    if view.period_start and view.period_end:
        period = words.say(
            "period", start=words.date(view.period_start), end=words.date(view.period_end)
        )
    elif view.period_start:
        period = words.say("period_open", start=words.date(view.period_start))
    else:
        period = words.say("not_set")
    coordinator = view.participant(view.coordinator)
    coordinator_text = words.say("not_set")
    if coordinator is not None:
        coordinator_text = user_text(
            " · ".join(p for p in (coordinator.name, coordinator.phone) if p)
        )
    review = words.date(view.next_review) if view.next_review else words.plain("not_set")
    status_key = f"status_{view.status}" if has(f"status_{view.status}") else "status_draft"
    status = words.say(status_key)
    if view.status == "draft" and view.versions:
        status = words.say("status_changed", number=str(view.versions[-1].number))
    elif view.status == "agreed" and view.versions and view.versions[-1].imported_on:
        latest = view.versions[-1]  # read from a file: not agreed here, as the screens say
        status = words.say(
            "status_imported", date=words.date(latest.imported_on), account=latest.imported_by
        )
    rows = [
        ("plan_period", period),
        ("coordinator", coordinator_text),
        ("next_review", user_text(review)),
        ("status", status),
    ]
    label_style = _summary_label(styles)
    summary = Table(
        [[Para(words.heading(k), label_style), Para(v, styles.cell)] for k, v in rows],
        colWidths=[46 * mm, None],
        style=TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("BACKGROUND", (0, 0), (-1, -1), ACCENT_SOFT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ("LINEBELOW", (0, 0), (-1, -2), 0.5, white),
            ]
        ),
        hAlign="LEFT",
    )
    return [
        Para(words.heading("title"), styles.title),
        Para(words.say("subtitle", name=name), styles.subtitle),
        summary,
        gap(styles),
    ]


def not_in_copy(key: str, words: Words, styles: Styles) -> list[Flowable]:
    """A section a copy for a team member leaves out: it says so (not "not written yet")."""
    return section(key, words, styles, [Para(f"<i>{words.say('not_in_copy')}</i>", styles.body)])


def copy_note(name: str, scope: str, words: Words, styles: Styles) -> list[Flowable]:
    """At the top of a copy for a team member: whose copy, and what it holds."""
    if scope == "full_plan":
        text = words.say("copy_note_full", name=name)
    else:
        text = words.say("copy_note", name=name, what=words.plain(f"copy_scope_{scope}"))
    return [Para(text, styles.body), gap(styles)]


def about_me(view: PlanView, words: Words, styles: Styles) -> list[Flowable]:
    body: list[Flowable] = []
    for key in ABOUT_ME_FIELDS:
        body += labelled(words, key, view.about_me.get(key, ""), styles)
    return section("about_me", words, styles, body)


def step_rows(
    view: PlanView,
    words: Words,
    styles: Styles,
    steps: Sequence[Step],
    with_who: bool = True,
    marks: Mapping[str, str] | None = None,
) -> list[Flowable]:
    head: list[object] = [
        Para(words.stacked(k), styles.cell_head)
        for k in (("who", "does_what", "by_when") if with_who else ("does_what", "by_when"))
    ]
    rows: list[list[object]] = [head]
    for step in steps:
        when = user_text(words.date(step.due))
        status_key = f"step_{step.status}"
        if has(status_key) and step.status != "planned":
            mark = "✓ " if step.status == "done" else ""
            when += "<br/>" + detail(mark + words.say(status_key))
        if marks and step.key in marks:
            when += "<br/>" + change_mark(words, marks[step.key], view)
        row: list[object] = []
        if with_who:
            name, role = who(view, words, step.responsible)
            row.append(
                Para(f"<b>{name}</b>" + ("<br/>" + detail(role) if role else ""), styles.cell)
            )
        row += [Para(user_text(step.action), styles.cell), Para(when, styles.cell)]
        rows.append(row)
    widths = [42 * mm, 90 * mm, 42 * mm] if with_who else [132 * mm, 42 * mm]
    return [table(rows, widths, styles)]


def change_mark(words: Words, kind: str, view: PlanView) -> str:
    """ "New since version 1" / "Changed since version 1", marked so it shows on paper."""
    number = str(view.versions[-1].number) if view.versions else ""
    return f'<font color="{WARM_HEX}"><b>● {words.say(f"mark_{kind}", number=number)}</b></font>'


def goals(
    view: PlanView, words: Words, styles: Styles, marks: Mapping[str, str] | None = None
) -> list[Flowable]:
    if not view.goals:
        return section("my_goals", words, styles, [Para(words.say("no_goals"), styles.body)])
    by_domain = in_plan_order(view.goals, lambda g: domain_key(g.domain))
    body: list[Flowable] = []
    current = None
    for goal in by_domain:
        domain = domain_key(goal.domain)
        body.append(keep_room(styles, 7))
        if domain != current:
            current = domain
            body.append(Para(words.heading(domain), styles.domain))
        if marks and goal.key in marks:
            body.append(Para(change_mark(words, marks[goal.key], view), styles.meta))
        body += paragraphs(goal.own_words, styles.own_words, styles)
        meta = []
        if goal.target_date:
            meta.append(words.say("goal_target", date=words.date(goal.target_date)))
        if has(f"goal_{goal.status}") and goal.status != "active":
            meta.append(words.say("goal_status", status=words.plain(f"goal_{goal.status}")))
        if meta:
            body.append(Para(" · ".join(meta), styles.meta))
        if goal.steps:
            body += step_rows(view, words, styles, goal.steps, marks=marks)
        else:
            body.append(Para(f"<i>{words.say('no_steps')}</i>", styles.small))
        body.append(gap(styles))
    return section("my_goals", words, styles, body)


def _consent(words: Words, scope: str, expires: date | None) -> str:
    scope_key = f"scope_{scope}" if has(f"scope_{scope}") else "scope_none"
    text = words.say(scope_key)
    if scope_key != "scope_none":
        until = words.say("until", date=words.date(expires)) if expires else words.say("no_end")
        text += f"<br/>{until}"
    return text


def coordinator_mark(words: Words) -> str:
    return f'<font color="{WARM_HEX}">★ {words.say("is_coordinator")}</font>'


def team(view: PlanView, words: Words, styles: Styles) -> list[Flowable]:
    members = [p for p in view.participants if p.role != "person"]
    if not members:
        return section("my_team", words, styles, [Para(words.say("no_team"), styles.body)])
    body: list[Flowable] = [Para(words.say("team_intro"), styles.body)]
    rows: list[list[object]] = [
        [Para(words.stacked(k), styles.cell_head) for k in ("name", "role", "phone", "may_see")]
    ]
    for p in members:
        role = role_text(words, p.role)
        if p.key == view.coordinator:
            role += f"<br/>{coordinator_mark(words)}"
        org = "<br/>" + detail(user_text(p.organisation)) if p.organisation else ""
        email = "<br/>" + detail(user_text(p.email)) if p.email else ""
        rows.append(
            [
                Para(f"<b>{user_text(p.name)}</b>{org}", styles.cell),
                Para(role, styles.cell),
                Para(f"{phone_text(p.phone)}{email}", styles.cell),
                Para(_consent(words, p.consent_scope, p.consent_expires_on), styles.cell),
            ]
        )
    body.append(table(rows, [48 * mm, 38 * mm, 46 * mm, 42 * mm], styles))
    return section("my_team", words, styles, body)


def _peer_block(view: PlanView, words: Words, styles: Styles, p: Participant) -> list[Flowable]:
    body: list[Flowable] = [keep_room(styles, 5), Para(user_text(p.name), styles.h2)]
    if p.offers.strip():
        body.append(Para(words.heading("peer_offers", name=p.name), styles.label))
        body += paragraphs(p.offers, styles.body, styles)
    contact = [user_text(x) for x in (p.organisation, p.phone, p.email) if x]
    if contact or p.availability.strip():
        body.append(Para(words.heading("peer_contact", name=p.name), styles.label))
        if contact:
            body.append(Para(" · ".join(contact), styles.body))
        if p.availability.strip():
            body.append(Para(words.say("peer_available", when=p.availability.strip()), styles.body))
    seen = view.peer_contact.get(p.key)
    if seen is not None and seen.count and seen.last is not None:
        body.append(
            Para(
                user_text(words.plural("peer_contacts", seen.count, date=words.date(seen.last))),
                styles.body,
            )
        )
    steps = [s for g in view.goals for s in g.steps if s.responsible == p.key]
    body += [keep_room(styles, 4), Para(words.heading("peer_steps"), styles.label)]
    if steps:
        body += step_rows(view, words, styles, steps, with_who=False)
    else:
        body.append(Para(f"<i>{words.say('peer_no_steps')}</i>", styles.small))
    return body


def peer(view: PlanView, words: Words, styles: Styles) -> list[Flowable]:
    peers = [p for p in view.participants if p.role == "peer"]
    if not peers:
        return section("my_peer", words, styles, [Para(words.say("no_peer"), styles.body)])
    body: list[Flowable] = [Para(words.say("peer_intro"), styles.body)]
    for p in peers:
        body += _peer_block(view, words, styles, p)
    return section("my_peer", words, styles, body)


def emergency_box(words: Words, styles: Styles, width: float = WIDTH) -> Table:
    return Table(
        [[Para(words.say("emergency"), styles.emergency)]],
        colWidths=[width],
        style=TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("BACKGROUND", (0, 0), (-1, -1), WARM_SOFT),
                ("LINEBEFORE", (0, 0), (0, -1), 3, WARM),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
            ]
        ),
    )


def crisis(view: PlanView, words: Words, styles: Styles) -> list[Flowable]:
    """The crisis plan, kept on one page when it fits: it is read in a hurry."""
    plan = view.crisis
    body: list[Flowable] = [emergency_box(words, styles)]
    if plan.is_empty:
        body.append(Para(words.say("no_crisis_plan"), styles.body))
        return section("crisis_plan", words, styles, body)
    for key in CRISIS_FIELDS:
        value = plan.fields.get(key, "")
        if value.strip():
            label = "crisis_not_help" if key == "what_does_not_help" else key
            body += labelled(words, label, value, styles)
    if plan.contacts:
        body.append(Para(words.heading("who_to_call"), styles.label))
        rows: list[list[object]] = [
            [Para(words.stacked(k), styles.cell_head) for k in ("name", "role", "phone")]
        ]
        for c in plan.contacts:
            rows.append(
                [
                    Para(f"<b>{user_text(c.name)}</b>", styles.cell),
                    Para(user_text(c.role), styles.cell),
                    Para(phone_text(c.phone), styles.cell),
                ]
            )
        body.append(table(rows, [60 * mm, 64 * mm, 50 * mm], styles))
    whole = section("crisis_plan", words, styles, body)
    return [whole[0], KeepTogether(whole[1:])]


def review(view: PlanView, words: Words, styles: Styles) -> list[Flowable]:
    if view.next_review:
        text = words.say("review_on", date=words.date(view.next_review))
    else:
        text = words.say("review_unset")
    return section("review", words, styles, [Para(text, styles.body)])
