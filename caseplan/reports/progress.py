"""How it is going, on paper: each goal's ratings across reviews, as a small chart and words.

Read from the person's document: the reviews of the plan being printed, and of earlier plans
for a goal that was carried over (``carried_from``), so the line goes on across plans. The
person's own ratings make the chart; others' ratings are written beside it, apart. One review
is one point, never an empty chart. The chart is drawn in the plan's own colours, its numbers
at least 10 pt, nothing transparent.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, TableStyle

from caseplan.reports.blocks import Para, Table, Words, gap, keep_room, paragraphs
from caseplan.reports.document import text, to_date
from caseplan.reports.fonts import REGULAR
from caseplan.reports.i18n import has
from caseplan.reports.plan_sections import section
from caseplan.reports.styles import ACCENT, INK, MUTED, RULE, Styles, detail, user_text

CHART_WIDTH, CHART_HEIGHT = 74 * mm, 38 * mm
#: Room beside the first and last point, so a date written under it stays on the chart.
_INSET = 11 * mm
FONT_SIZE = 10


@dataclass(frozen=True)
class Rating:
    day: date
    score: int


@dataclass(frozen=True)
class OtherRating:
    day: date
    score: int
    name: str


@dataclass(frozen=True)
class Track:
    """One goal of the printed plan with its ratings over time and its latest review words."""

    goal_key: str
    own_words: str
    status: str
    points: tuple[Rating, ...]
    others: tuple[OtherRating, ...] = ()
    helped: str = ""
    in_the_way: str = ""
    decision: str = ""


def _items(value: object) -> list[Mapping[str, Any]]:
    if not isinstance(value, Sequence) or isinstance(value, str | bytes):
        return []
    return [item for item in value if isinstance(item, Mapping)]


def _lineage(key: str, goals: Mapping[str, Mapping[str, Any]]) -> list[str]:
    keys = [key]
    while True:
        earlier = text(goals.get(keys[-1], {}).get("carried_from"))
        if not earlier or earlier in keys or earlier not in goals:
            return keys
        keys.append(earlier)


def read_tracks(document: Mapping[str, Any], plan: Mapping[str, Any]) -> tuple[Track, ...]:
    """Every goal of ``plan`` (in its order) with its ratings from all of the person's plans."""
    plans = _items(document.get("plans"))
    goals: dict[str, Mapping[str, Any]] = {}
    for each in plans:
        for goal in _items(each.get("goals")):
            goals[text(goal.get("id"))] = goal
    reviews: list[tuple[date, Mapping[str, Any], dict[str, tuple[str, str]]]] = []
    for each in plans:
        team = {
            text(p.get("id")): (text(p.get("name")), text(p.get("role")))
            for p in _items(each.get("participants"))
        }
        for review in _items(each.get("reviews")):
            day = to_date(review.get("date"))
            if day is not None:
                reviews.append((day, review, team))
    reviews.sort(key=lambda r: r[0])
    tracks = []
    for goal in _items(plan.get("goals")):
        key = text(goal.get("id"))
        lineage = set(_lineage(key, goals))
        points: list[Rating] = []
        others: list[OtherRating] = []
        notes: Mapping[str, Any] = {}
        for day, review, team in reviews:
            for rating in _items(review.get("ratings")):
                score = rating.get("score")
                if text(rating.get("goal")) not in lineage or not isinstance(score, int):
                    continue
                name, role = team.get(text(rating.get("by")), ("", ""))
                if role == "person":
                    points.append(Rating(day, score))
                else:
                    others.append(OtherRating(day, score, name))
            for noted in _items(review.get("goals")):
                if text(noted.get("goal")) in lineage:
                    notes = noted
        tracks.append(
            Track(
                key,
                text(goal.get("own_words")),
                text(goal.get("status")),
                tuple(points),
                tuple(others),
                text(notes.get("what_helped")),
                text(notes.get("what_got_in_the_way")),
                text(notes.get("decision")),
            )
        )
    return tuple(tracks)


def last_review(plan: Mapping[str, Any]) -> date | None:
    days = [to_date(r.get("date")) for r in _items(plan.get("reviews"))]
    return max((d for d in days if d is not None), default=None)


class Chart(Flowable):  # type: ignore[misc]
    """The person's ratings, 0 to 10, one point per review, joined by a line.

    Drawn straight onto the page: a ``reportlab.graphics`` drawing of the same lines, dots
    and numbers cost a millisecond a chart more, in a batch of a thousand plans.
    """

    def __init__(self, points: Sequence[Rating], words: Words) -> None:
        super().__init__()
        self.width, self.height = CHART_WIDTH, CHART_HEIGHT
        left, right, bottom, top = 8 * mm, CHART_WIDTH - 2 * mm, 8 * mm, CHART_HEIGHT - 6 * mm

        def y(score: int) -> float:
            return float(bottom + (top - bottom) * score / 10)

        self.rules = [(left, y(level), right, str(level)) for level in (0, 5, 10)]
        count = len(points)
        first, last = left + _INSET, right - _INSET
        step = (last - first) / max(count - 1, 1)
        xs = [first + step * i if count > 1 else (first + last) / 2 for i in range(count)]
        #: each point: where it is, its score, and its date when it is written under it
        self.points: list[tuple[float, float, str, str]] = []
        labelled = {0, count - 1} if count > 4 else set(range(count))
        for index, (x, point) in enumerate(zip(xs, points, strict=True)):
            day = words.short_date(point.day) if index in labelled else ""
            self.points.append((x, y(point.score), str(point.score), day))

    @property
    def labels(self) -> list[str]:
        """Every number and date written on the chart."""
        written = [label for *_, label in self.rules]
        for *_, score, day in self.points:
            written += [score, day] if day else [score]
        return written

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return (self.width, self.height)

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFont(REGULAR, FONT_SIZE)
        canvas.setLineWidth(0.6)
        canvas.setStrokeColor(RULE)
        canvas.setFillColor(MUTED)
        for left, level_y, right, label in self.rules:
            canvas.line(left, level_y, right, level_y)
            canvas.drawRightString(left - 2, level_y - 3.5, label)
        if len(self.points) > 1:
            line = canvas.beginPath()
            line.moveTo(*self.points[0][:2])
            for x, point_y, *_ in self.points[1:]:
                line.lineTo(x, point_y)
            canvas.setStrokeColor(ACCENT)
            canvas.setLineWidth(1.6)
            canvas.drawPath(line, stroke=1, fill=0)
        canvas.setLineWidth(1)
        canvas.setStrokeColor(ACCENT)
        for x, point_y, score, day in self.points:
            canvas.setFillColor(ACCENT)
            canvas.circle(x, point_y, 2.2, stroke=1, fill=1)
            canvas.setFillColor(INK)
            canvas.drawCentredString(x, point_y + 4, score)
            if day:
                canvas.setFillColor(MUTED)
                canvas.drawCentredString(x, 1.5 * mm, day)
        canvas.restoreState()


def chart(points: Sequence[Rating], words: Words) -> Chart:
    """The person's ratings as a chart (see :class:`Chart`)."""
    return Chart(points, words)


def _decision(words: Words, decision: str) -> str:
    key = f"decision_{decision}"
    return words.say("progress_decided", decision=words.plain(key)) if has(key) else ""


def _beside(track: Track, words: Words, styles: Styles) -> list[Flowable]:
    out: list[Flowable] = []
    latest = track.points[-1] if track.points else None
    if latest is not None:
        out.append(
            Para(
                "<b>"
                + words.say("progress_you", score=str(latest.score), date=words.date(latest.day))
                + "</b>",
                styles.cell,
            )
        )
    else:
        out.append(Para(f"<i>{words.say('progress_not_rated')}</i>", styles.cell))
    if track.others:
        last_day = max(o.day for o in track.others)
        named = " · ".join(
            f"{o.name} {o.score}" for o in track.others if o.day == last_day and o.name
        )
        if named:
            out.append(Para(detail(words.say("progress_others", ratings=named)), styles.cell))
    said = (("progress_helped", track.helped), ("progress_in_the_way", track.in_the_way))
    for key, value in said:
        if value.strip():
            out.append(Para(f"<b>{words.say(key)}</b>", styles.cell))
            out += paragraphs(value, styles.cell, styles)
    decided = _decision(words, track.decision)
    if decided:
        out.append(Para(decided, styles.cell))
    return out


def how_it_is_going(
    tracks: Sequence[Track], reviewed: date | None, words: Words, styles: Styles
) -> list[Flowable]:
    """The section, or nothing when the plan has never been reviewed."""
    if reviewed is None and not any(t.points for t in tracks):
        return []
    body: list[Flowable] = []
    if reviewed is not None:
        body.append(Para(words.say("progress_intro", date=words.date(reviewed)), styles.body))
        body.append(gap(styles, 0.5))
    for track in tracks:
        if not track.points and not (track.helped or track.in_the_way or track.decision):
            continue
        heading = Para(user_text(track.own_words), styles.own_words)
        picture: Flowable | str = chart(track.points, words) if track.points else ""
        row = Table(
            [[picture, _beside(track, words, styles)]],
            colWidths=[CHART_WIDTH + 4 * mm, None],
            style=TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ]
            ),
            hAlign="LEFT",
        )
        body += [keep_room(styles, 8), KeepTogether([heading, row]), gap(styles)]
    return section("how_it_is_going", words, styles, body)
