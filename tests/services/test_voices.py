"""What people say helps: only words the person agreed to share, never a name, never a group
of fewer than five people."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from caseplan.demo.generator import create_demo
from caseplan.errors import AccessDenied
from caseplan.models import Account, Person, Plan, Review, Role
from caseplan.services.context import Actor, Context
from caseplan.services.exchange.exchange import export_person
from caseplan.services.overview.voices import (
    MINIMUM,
    WHOLE_PLAN,
    Theme,
    Voices,
    themes_of,
    what_helps,
    without_names,
)
from caseplan.services.people import people
from caseplan.storage.database import Database

TODAY = date(2026, 11, 22)
YEAR = (date(2025, 11, 23), TODAY)


def _lead(db: Database, role: Role = Role.TEAM_LEAD) -> Context:
    with db.sessions.begin() as session:
        account = Account(username=f"lars.{role.value}", display_name="Lars Berg", role=role)
        session.add(account)
        session.flush()
        actor = Actor(account.id, account.username, account.role)
    return Context(db.sessions, actor=actor, today=lambda: TODAY)


def _reviewed(ctx: Context, name: str, helped: str, shared: bool) -> None:
    person = people.create_person(ctx, name, with_plan=True)
    with ctx.write() as session:
        plan = session.scalars(select(Plan).where(Plan.person_id == person.id)).one()
        session.add(
            Review(
                plan_id=plan.id,
                date=date(2026, 10, 1),
                what_helped=helped,
                what_got_in_the_way="",
                words_shared=shared,
                version=1,
            )
        )


def shown_words(voices: Voices) -> set[str]:
    return {s.text for g in (*voices.by_theme, *voices.by_domain) for s in g.words}


def test_a_review_without_the_persons_yes_adds_nothing(db: Database) -> None:
    ctx = _lead(db)
    names = ["Åse Nilsen", "Brede Lie", "Cecilie Aas", "Dag Holm", "Eli Vik"]
    for name in names:
        _reviewed(ctx, name, "Being taken seriously.", shared=True)
    _reviewed(ctx, "Frode Berg", "Frode's secret: the night bus home.", shared=False)
    found = what_helps(ctx, *YEAR)
    assert (found.reviews, found.shared, found.people) == (6, 5, 5)
    assert shown_words(found) == {"Being taken seriously."}
    assert not any("secret" in text or "Frode" in text for text in shown_words(found))
    whole = next(g for g in found.by_domain if g.key == WHOLE_PLAN)
    assert (whole.people, whole.helped, whole.in_the_way, whole.suppressed) == (5, 5, 0, False)
    relation = next(g for g in found.by_theme if g.key == Theme.RELATION)
    assert relation.people == 5 and relation.words[0].people == 5

    # the one who said no changes their mind in another review: then their words count
    _reviewed(ctx, "Frode Berg", "The night bus home.", shared=True)
    assert "The night bus home." in shown_words(what_helps(ctx, *YEAR))


def test_groups_of_fewer_than_five_people_are_not_shown(db: Database) -> None:
    ctx = _lead(db)
    for name in ["Åse Nilsen", "Brede Lie", "Cecilie Aas", "Dag Holm"]:
        _reviewed(ctx, name, "That my sister came along.", shared=True)
    found = what_helps(ctx, *YEAR)
    assert found.people == MINIMUM - 1
    assert shown_words(found) == set()
    for group in (*found.by_theme, *found.by_domain):
        assert group.suppressed and (group.people, group.helped, group.words) == (0, 0, ())
    _reviewed(ctx, "Eli Vik", "Having time to talk.", shared=True)
    found = what_helps(ctx, *YEAR)
    networks = next(g for g in found.by_theme if g.key == Theme.NETWORKS)
    time = next(g for g in found.by_theme if g.key == Theme.TIME)
    assert networks.suppressed and time.suppressed  # four people, and one
    whole = next(g for g in found.by_domain if g.key == WHOLE_PLAN)
    assert not whole.suppressed and whole.people == 5


def test_the_demo_shows_only_shared_words_in_groups_of_five_or_more(db: Database) -> None:
    ctx = _lead(db)
    create_demo(Context(db.sessions, today=lambda: TODAY), 80, seed=4)
    with db.sessions() as session:
        ids = list(session.scalars(select(Person.id)))
    shared: set[str] = set()
    people_sharing: set[str] = set()
    reviews = 0
    for person_id in ids:
        document = json.loads(export_person(ctx, person_id))
        for plan in document["plans"]:
            for review in plan["reviews"]:
                if not YEAR[0] <= date.fromisoformat(review["date"]) <= YEAR[1]:
                    continue
                reviews += 1
                if review["words_shared"]:
                    people_sharing.add(document["person"]["id"])
                    shared |= {review["what_helped"], review["what_got_in_the_way"]}
                    for goal in review["goals"]:
                        shared |= {goal["what_helped"], goal["what_got_in_the_way"]}
    found = what_helps(ctx, *YEAR)
    assert found.reviews == reviews and found.people == len(people_sharing) >= MINIMUM
    assert shown_words(found) and shown_words(found) <= shared
    for group in (*found.by_theme, *found.by_domain):
        assert group.suppressed or group.people >= MINIMUM
        assert sum(s.helped for s in group.words) <= group.helped + group.in_the_way


def test_only_a_team_lead_as_the_role_table_says(db: Database) -> None:
    """The role table's WHAT_PEOPLE_SAY, not the overview's rule: a practitioner has an
    overview, yet may not read what people say helps."""
    for role in (Role.PRACTITIONER, Role.PEER_WORKER, Role.ADMIN):
        with pytest.raises(AccessDenied, match="Only a team lead can read what people say"):
            what_helps(_lead(db, role), *YEAR)
    assert what_helps(_lead(db), *YEAR).reviews == 0


def test_themes_follow_the_words() -> None:
    assert Theme.RELATION in themes_of("At hun tok seg tid til å høre på meg.")
    assert Theme.TIME in themes_of("At hun tok seg tid til å høre på meg.")
    assert Theme.CHOICE in themes_of("That I could choose myself when we would meet.")
    assert Theme.NETWORKS in themes_of("At søsteren min var med på møtet.")
    assert Theme.KNOWLEDGE in themes_of("Jeg fikk forklart hva rettighetene mine er.")
    assert Theme.MUTUALITY in themes_of("Likepersonen som har vært gjennom det samme.")
    assert themes_of("Soup.") == (Theme.OTHER,)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    first=st.text(
        st.sampled_from("abcdefghijklmnopqrstuvwxyzæøåáčđŋšŧžéü"), min_size=2, max_size=12
    ),
    words=st.text(max_size=80),
)
def test_a_persons_own_name_never_stays_in_their_words(first: str, words: str) -> None:
    text = f"{words} {first} {first.upper()} {words}"
    assert first.casefold() not in without_names(text, (f"{first} Nilsen", "")).casefold() or (
        first.casefold() in words.casefold()
    )
