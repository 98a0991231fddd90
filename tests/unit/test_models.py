from __future__ import annotations

import uuid
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import insert
from sqlalchemy.exc import DataError, IntegrityError

from caseplan.errors import InvalidInput
from caseplan.models import Goal, Person, Plan, PlanStatus, PlanVersion
from caseplan.models.names import sort_key
from caseplan.models.text import clean_text
from caseplan.storage.database import Database


def test_text_is_stored_in_nfc() -> None:
    decomposed = "A\u030ase"  # "Åse" typed with a combining ring
    assert Person(full_name=decomposed).full_name == "Åse"


@pytest.mark.parametrize(
    ("value", "sentence"),
    [
        ("Kari\u202eNordmann", "Full name contains a hidden direction-changing character."),
        ("Kari\u0007", "Full name contains a control character that cannot be stored."),
        ("Kari\nNordmann", "Full name contains a control character that cannot be stored."),
        ("K" * 201, "Full name is too long: at most 200 characters, this has 201."),
    ],
)
def test_bad_text_is_refused_with_a_sentence(value: str, sentence: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        Person(full_name=value)
    assert str(caught.value) == sentence


def test_multiline_fields_keep_line_breaks() -> None:
    person = Person(full_name="Kari", what_helps="Walks.\r\nCoffee with Per.")
    assert person.what_helps == "Walks.\nCoffee with Per."


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_cleaning_is_idempotent_or_refuses(value: str) -> None:
    try:
        cleaned = clean_text(value, field="Goal", max_length=2000, multiline=True)
    except InvalidInput as error:
        assert str(error).startswith("Goal ")
    else:
        assert clean_text(cleaned, field="Goal", max_length=2000, multiline=True) == cleaned


def test_norwegian_sort_order() -> None:
    names = ["Åse", "Øystein", "Zara", "Ærlig", "Anne", "Ánde", "Ola"]
    assert sorted(names, key=sort_key) == ["Ánde", "Anne", "Ola", "Zara", "Ærlig", "Øystein", "Åse"]


def test_length_limits_hold_in_the_database_itself(db: Database) -> None:
    """Even a write that bypasses the models is held to the limit (CHECK on SQLite too)."""
    with pytest.raises((IntegrityError, DataError)), db.engine.begin() as connection:
        connection.execute(
            insert(Person.__table__).values(
                id=uuid.uuid4(),
                full_name="x" * 201,
                preferred_name="",
                preferred_language="nb",
                what_matters="",
                strengths="",
                what_helps="",
                what_does_not_help="",
                how_i_want_to_be_met="",
                search_key="",
                sort_key="",
                version=1,
            )
        )


def test_one_open_plan_per_person_and_versions_are_immutable(db: Database) -> None:
    with db.sessions.begin() as session:
        person = Person(full_name="Siv")
        session.add(person)
        session.flush()
        session.add(Plan(person_id=person.id, period_start=date(2026, 1, 1)))
        session.add(
            Plan(person_id=person.id, period_start=date(2025, 1, 1), status=PlanStatus.CLOSED)
        )
        person_id = person.id
    with pytest.raises(IntegrityError), db.sessions.begin() as session:
        session.add(Plan(person_id=person_id, period_start=date(2026, 2, 1)))
    with db.sessions.begin() as session:
        plan = session.query(Plan).filter_by(status=PlanStatus.DRAFT).one()
        version = PlanVersion(plan_id=plan.id, number=1, agreed_on=date(2026, 2, 2))
        session.add(version)
    with pytest.raises(ValueError, match="cannot be changed"), db.sessions.begin() as session:
        stored = session.get(PlanVersion, version.id)
        assert stored is not None
        stored.agreed_on = date(2026, 3, 3)


def test_an_empty_goal_cannot_be_stored(db: Database) -> None:
    with db.sessions.begin() as session:
        person = Person(full_name="Siv")
        session.add(person)
        session.flush()
        plan = Plan(person_id=person.id, period_start=date(2026, 1, 1))
        session.add(plan)
        session.flush()
        plan_id = plan.id
    with pytest.raises(IntegrityError), db.sessions.begin() as session:
        session.add(Goal(plan_id=plan_id, domain="housing", own_words=""))
