"""What people say helps: across the reviews of a period, the person's own words under "what
helped" and "what got in the way", grouped by life domain and by the themes the research names
(relation, mutuality, choice, time, knowledge, networks), with counts.

Only words the person agreed in that review may be shared without their name
(``Review.words_shared``; off unless they said yes). Never a name: no person, plan or review
is named, the person's own names are taken out of their words, and a group that fewer than
:data:`MINIMUM` people said something in is not shown at all (its words, and its counts).
"""

from __future__ import annotations

import re
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from sqlalchemy import func, select

from caseplan.errors import InvalidInput, tr_noop
from caseplan.models import Goal, LifeDomain, Person, Plan, Review, ReviewGoal
from caseplan.services.context import Context
from caseplan.services.overview.signals import person_is_visible, visible_ids
from caseplan.services.security import access, audit
from caseplan.services.security.access import Action

#: no group of fewer people than this is shown (it could tell who said what)
MINIMUM = 5
#: the words of the plan as a whole (not about one goal): their own "domain"
WHOLE_PLAN = "whole_plan"


class Theme(StrEnum):
    RELATION = "relation"
    MUTUALITY = "mutuality"
    CHOICE = "choice"
    TIME = "time"
    KNOWLEDGE = "knowledge"
    NETWORKS = "networks"
    OTHER = "other"


#: word beginnings (bokmål and English) that put a saying under a theme; one saying may
#: be under several
_STEMS: dict[Theme, tuple[str, ...]] = {
    Theme.RELATION: (
        "høre på", "hørte på", "lytt", "tatt på alvor", "møtt", "respekt", "tillit", "samme person",
        "nye folk", "listen", "taken seriously", "respect", "trust", "same person", "new people",
        "relasjon", "relationship", "brydde", "cared",
    ),
    Theme.MUTUALITY: (
        "sammen", "together", "likeperson", "peer", "vært gjennom", "been through", "gjensidig",
        "mutual", "med på å", "part of",
    ),
    Theme.CHOICE: (
        "velge", "valg", "bestem", "choose", "choice", "decid", "selv", "myself",
    ),
    Theme.TIME: (
        "tid", "time", "stress", "rush", "vente", "wait", "lang tid", "long time", "fort",
    ),
    Theme.KNOWLEDGE: (
        "forklar", "explain", "visste", "vite", "know", "rettighet", "right", "lærte", "lære",
        "learn", "informasjon", "information", "kunnskap", "knowledge",
    ),
    Theme.NETWORKS: (
        "familie", "family", "søster", "sister", "bror", "brother", "venn", "friend", "nettverk",
        "network", "gruppa", "gruppe", "group", "andre", "others", "mor", "mother", "far ",
        "father", "barn", "children",
    ),
}  # fmt: skip


def themes_of(text: str) -> tuple[Theme, ...]:
    """The themes a saying is about (by the words it uses); :attr:`Theme.OTHER` if none."""
    folded = " " + " ".join(text.casefold().split()) + " "
    found = tuple(
        theme
        for theme, stems in _STEMS.items()
        if any(re.search(r"(?<![\w])" + re.escape(stem), folded) for stem in stems)
    )
    return found or (Theme.OTHER,)


@dataclass(frozen=True)
class Said:
    """One saying as it is shown: the words, whether they helped, how many people said it."""

    text: str
    helped: bool
    people: int = 1


@dataclass(frozen=True)
class Group:
    """A theme or a life domain: how many people said something in it, and what."""

    key: str
    people: int
    helped: int
    in_the_way: int
    #: fewer than :data:`MINIMUM` people: nothing of it is shown (counts are 0, words empty)
    suppressed: bool
    words: tuple[Said, ...] = ()


@dataclass(frozen=True)
class Voices:
    start: date
    end: date
    #: reviews held in the period (of the people the actor may see), and how many of them
    #: the person agreed to share their words from
    reviews: int
    shared: int
    people: int
    by_theme: tuple[Group, ...] = field(default=())
    by_domain: tuple[Group, ...] = field(default=())
    minimum: int = MINIMUM


@dataclass
class _Pile:
    people: set[uuid.UUID] = field(default_factory=set)
    said: Counter[tuple[str, bool]] = field(default_factory=Counter)
    by_whom: dict[tuple[str, bool], set[uuid.UUID]] = field(default_factory=dict)

    def add(self, person: uuid.UUID, text: str, helped: bool) -> None:
        self.people.add(person)
        self.said[(text, helped)] += 1
        self.by_whom.setdefault((text, helped), set()).add(person)

    def group(self, key: str) -> Group:
        if len(self.people) < MINIMUM:
            return Group(key, 0, 0, 0, True)
        words = tuple(
            Said(text, helped, len(self.by_whom[(text, helped)]))
            for text, helped in sorted(self.said, key=lambda k: (not k[1], k[0].casefold()))
        )
        helped = sum(n for (_t, h), n in self.said.items() if h)
        in_the_way = sum(n for (_t, h), n in self.said.items() if not h)
        return Group(key, len(self.people), helped, in_the_way, False, words)


def without_names(text: str, names: tuple[str, ...]) -> str:
    """``text`` with each part of the person's names (two letters or more) taken out."""
    parts = {p for name in names for p in re.split(r"[\s\-]+", name) if len(p) >= 2}
    for part in sorted(parts, key=len, reverse=True):
        text = re.sub(r"(?<!\w)" + re.escape(part) + r"(?!\w)", "…", text, flags=re.IGNORECASE)
    return " ".join(text.split())


def what_helps(ctx: Context, start: date, end: date) -> Voices:
    """The shared words of the reviews held from ``start`` to ``end`` (audited as viewed).

    Needs :attr:`Action.WHAT_PEOPLE_SAY` (the role table: team leads), not only the overview.
    """
    access.require(ctx, Action.WHAT_PEOPLE_SAY)
    if end < start:
        raise InvalidInput(tr_noop("The period cannot end before it starts."))
    visible = visible_ids(ctx)
    seen = person_is_visible(Plan.person_id, visible)
    in_period = Review.date.between(start, end)
    with ctx.write() as session:
        reviews = session.scalar(
            select(func.count(Review.id))
            .join(Plan, Plan.id == Review.plan_id)
            .where(in_period, seen)
        )
        rows = session.execute(
            select(
                Review.id,
                Plan.person_id,
                Person.full_name,
                Person.preferred_name,
                Review.what_helped,
                Review.what_got_in_the_way,
            )
            .join(Plan, Plan.id == Review.plan_id)
            .join(Person, Person.id == Plan.person_id)
            .where(in_period, seen, Review.words_shared.is_(True))
        ).all()
        shared = {row[0]: row for row in rows}
        goal_rows = (
            session.execute(
                select(
                    ReviewGoal.review_id,
                    Goal.domain,
                    ReviewGoal.what_helped,
                    ReviewGoal.what_got_in_the_way,
                )
                .join(Goal, Goal.id == ReviewGoal.goal_id)
                .where(ReviewGoal.review_id.in_(list(shared)))
            ).all()
            if shared
            else []
        )
        detail = f"what people say helps: {start.isoformat()} to {end.isoformat()}"
        audit.record(session, ctx.actor, audit.Action.VIEWED_LIST, "overview", "", detail)
    themes: dict[str, _Pile] = {theme.value: _Pile() for theme in Theme}
    domains: dict[str, _Pile] = {}

    def take(review: uuid.UUID, domain: str, text: str, helped: bool) -> None:
        _id, person, full, preferred, *_rest = shared[review]
        words = without_names(text, (full, preferred))
        if not words.strip(" …"):
            return
        domains.setdefault(domain, _Pile()).add(person, words, helped)
        for theme in themes_of(words):
            themes[theme.value].add(person, words, helped)

    for review_id, _person, _full, _preferred, helped, in_the_way in rows:
        take(review_id, WHOLE_PLAN, helped, True)
        take(review_id, WHOLE_PLAN, in_the_way, False)
    for review_id, domain, helped, in_the_way in goal_rows:
        take(review_id, LifeDomain(domain).value, helped, True)
        take(review_id, LifeDomain(domain).value, in_the_way, False)
    return Voices(
        start=start,
        end=end,
        reviews=int(reviews or 0),
        shared=len(shared),
        people=len({row[1] for row in rows}),
        by_theme=tuple(themes[t.value].group(t.value) for t in Theme),
        by_domain=tuple(
            pile.group(key)
            for key, pile in sorted(domains.items(), key=lambda kv: (-len(kv[1].people), kv[0]))
        ),
    )
