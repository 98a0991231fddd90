"""The person's data as JSON: a deterministic export, an all-or-nothing import, a round trip."""

from __future__ import annotations

import copy
import json
import re
import shutil
import unicodedata
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from caseplan.errors import AccessDenied, AlreadyExists, CaseplanError, InvalidInput
from caseplan.models import (
    Base,
    CloseReason,
    ConsentGiven,
    ConsentScope,
    ContributionKind,
    CrisisContact,
    CrisisPlan,
    Goal,
    GoalDecision,
    GoalStatus,
    Language,
    LifeDomain,
    Meeting,
    Participant,
    ParticipantRole,
    PeerContribution,
    Person,
    Plan,
    PlanStatus,
    PlanVersion,
    Review,
    ReviewGoal,
    ReviewRating,
    Role,
    Step,
    StepStatus,
)
from caseplan.models.text import BIDI_CONTROLS
from caseplan.services.context import Actor, Context
from caseplan.services.exchange.exchange import MAX_DOCUMENT_BYTES, export_person, import_person
from caseplan.services.exchange.model import PARTS
from caseplan.services.people import people
from caseplan.services.security import trail
from caseplan.storage.database import Database
from tests.support import open_test_database

NORWEGIAN = "Å ha et trygt sted å bo, og at dattera mi får være stolt av meg. Æ, ø og å."
SAMI = "Mun háliidan bargat duojiin – čáppa, đ, ŋ, š, ŧ, ž. Giitu! 💪🏽"
EMOJI = "🏠 Eget hjem 🙂👨‍👩‍👧"
LONG_TEXT = ("Lang tekst med æøå og ŋ. " * 400)[:10_000]
FUZZ = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _open_copy(template: Path, path: Path) -> Database:
    shutil.copyfile(template, path)
    return open_test_database(path)


@pytest.fixture
def other_db(tmp_path: Path, _sqlite_template: Path) -> Iterator[Database]:
    """A second empty database to import into (beside the ``db`` under test)."""
    database = _open_copy(_sqlite_template, tmp_path / "other.db")
    yield database
    database.close()


def build_rich_person(ctx: Context, **texts: str) -> uuid.UUID:
    """A fictional person with two plans using every part of the model, built with the ORM."""
    t = {
        "full_name": "Áilu Ŋuvvon Sárá",
        "own_words": NORWEGIAN,
        "note": LONG_TEXT,
        "sami": SAMI,
        **texts,
    }
    moment = datetime(2024, 1, 15, 9, 30, 12, 345678, tzinfo=UTC)
    with ctx.write() as s:
        person = Person(
            full_name=t["full_name"],
            preferred_name="Áilu 🙂",
            date_of_birth=date(1987, 3, 14),
            preferred_language=Language.NB,
            what_matters=t["own_words"],
            strengths=t["sami"],
            what_helps=t["note"],
            what_does_not_help="Når folk snakker over hodet mitt.\nOg lange køer.",
            how_i_want_to_be_met="Rolig.\tTa deg tid. " + EMOJI,
            phone="+47 400 00 000",
            plan_consent_on=date(2024, 1, 15),
            plan_consent_how=ConsentGiven.PAPER,
            created_at=moment,
        )
        people.set_name_keys(person)
        s.add(person)
        s.flush()
        old = Plan(
            person_id=person.id,
            status=PlanStatus.CLOSED,
            period_start=date(2022, 1, 10),
            period_end=date(2022, 12, 31),
            created_at=moment,
            closed_on=date(2022, 12, 31),
            closed_reason=CloseReason.GOALS_REACHED,
        )
        new = Plan(
            person_id=person.id,
            status=PlanStatus.AGREED,
            period_start=date(2024, 1, 15),
            next_review=date(2024, 6, 1),
            created_at=moment,
        )
        s.add_all([new, old])
        s.flush()
        roles = [
            (ParticipantRole.SERVICE, "Fastlege Nordby", 5),
            (ParticipantRole.PERSON, t["full_name"], 0),
            (ParticipantRole.PEER, "Likeperson Åsmund", 3),
            (ParticipantRole.COORDINATOR, "Koordinator Kari", 1),
            (ParticipantRole.NETWORK, "Søster Ingá", 4),
            (ParticipantRole.PRACTITIONER, "Miljøterapeut Ola", 2),
        ]
        team = {
            role: Participant(
                plan_id=new.id,
                role=role,
                name=name,
                organisation="NAV Gamle Oslo" if role is ParticipantRole.SERVICE else "",
                phone="+47 912 34 567",
                email="kari@example.no" if role is ParticipantRole.COORDINATOR else "",
                consent_granted_on=date(2024, 1, 15),
                consent_expires_on=date(2025, 1, 15) if position else None,
                consent_scope=ConsentScope.FULL_PLAN if position < 3 else ConsentScope.OWN_PART,
                position=position,
            )
            for role, name, position in roles
        }
        old_person = Participant(plan_id=old.id, role=ParticipantRole.PERSON, name=t["full_name"])
        s.add_all([*team.values(), old_person])
        s.flush()
        goals = [
            Goal(
                plan_id=new.id,
                domain=LifeDomain.HOUSING,
                own_words=t["own_words"],
                worker_note=t["note"],
                target_date=date(2024, 9, 1),
                priority=1,
                position=0,
            ),
            Goal(
                plan_id=new.id,
                domain=LifeDomain.SUBSTANCE_USE,
                own_words="x" * 2_000,
                status=GoalStatus.PAUSED,
                priority=3,
                position=2,
            ),
            Goal(plan_id=new.id, domain=LifeDomain.LEISURE, own_words=t["sami"], position=1),
        ]
        old_goal = Goal(plan_id=old.id, domain=LifeDomain.OTHER, own_words=EMOJI)
        s.add_all([*goals, old_goal])
        s.flush()
        goals[2].carried_from_id = old_goal.id
        s.add_all(
            [
                Step(
                    goal_id=goals[0].id,
                    action="Søke kommunal bolig",
                    responsible_id=team[ParticipantRole.COORDINATOR].id,
                    due=date(2024, 3, 1),
                    status=StepStatus.IN_PROGRESS,
                    worker_note=t["note"],
                    position=1,
                ),
                Step(goal_id=goals[0].id, action=t["own_words"], position=0),
                Step(goal_id=goals[2].id, action=EMOJI, status=StepStatus.DONE),
                Step(goal_id=old_goal.id, action="Ferdig", status=StepStatus.DROPPED),
            ]
        )
        peer = team[ParticipantRole.PEER]
        for minutes, paid in [(90, 90), (30, 0), (45, 15)]:
            s.add(
                PeerContribution(
                    plan_id=new.id,
                    peer_id=peer.id,
                    date=date(2024, 2, 1 if minutes != 30 else 2),
                    minutes=minutes,
                    kind=ContributionKind.ACCOMPANIMENT,
                    note=t["sami"],
                    paid_minutes=paid,
                    created_at=moment,
                )
            )
        s.add(
            Meeting(
                plan_id=new.id,
                date=date(2024, 1, 15),
                attendees=[peer, team[ParticipantRole.PERSON], team[ParticipantRole.COORDINATOR]],
                shared_notes=t["own_words"],
                worker_note=t["note"],
                agreed=True,
            )
        )
        s.add(Meeting(plan_id=new.id, date=date(2024, 1, 1), shared_notes="Første møte"))
        review = Review(
            plan_id=new.id,
            date=date(2024, 5, 20),
            what_helped=t["sami"],
            what_got_in_the_way="Venteliste",
            next_review=date(2024, 11, 20),
            attendees=[team[ParticipantRole.COORDINATOR], team[ParticipantRole.PERSON]],
        )
        s.add(review)
        s.flush()
        s.add_all(
            [
                ReviewGoal(
                    review_id=review.id,
                    goal_id=goals[2].id,
                    what_helped=t["own_words"],
                    decision=GoalDecision.REACHED,
                ),
                ReviewGoal(
                    review_id=review.id,
                    goal_id=goals[0].id,
                    what_got_in_the_way=t["sami"],
                    decision=None,
                ),
            ]
        )
        for goal in goals:
            for who, score in [(peer, 6), (team[ParticipantRole.PERSON], 8)]:
                s.add(ReviewRating(review_id=review.id, goal_id=goal.id, by_id=who.id, score=score))
        crisis = CrisisPlan(
            plan_id=new.id,
            warning_signs=t["own_words"],
            triggers="Lønningsdag",
            what_i_do=t["sami"],
            what_others_do=EMOJI,
            what_does_not_help=t["note"],
            treatment_wanted="Samtale",
            treatment_not_wanted="Tvang",
        )
        s.add(crisis)
        s.flush()
        s.add_all(
            [
                CrisisContact(
                    crisis_plan_id=crisis.id, name="Legevakt", phone="116 117", position=1
                ),
                CrisisContact(crisis_plan_id=crisis.id, name="Ingá", role="Søster", phone="+47 1"),
            ]
        )
        agreed_by = [str(team[ParticipantRole.PERSON].id), str(peer.id)]
        for number in (2, 1):
            s.add(
                PlanVersion(
                    plan_id=new.id,
                    number=number,
                    agreed_on=date(2024, 1, number),
                    agreed_by=agreed_by[:number],
                    snapshot={"goals": [{"own_words": t["own_words"], "a": 1}], "b": EMOJI},
                    created_at=moment,
                )
            )
        s.flush()
        new.coordinator_id = team[ParticipantRole.COORDINATOR].id
        old.coordinator_id = old_person.id
        return person.id


@pytest.fixture(scope="session")
def rich_export(tmp_path_factory: pytest.TempPathFactory, _sqlite_template: Path) -> bytes:
    database = _open_copy(_sqlite_template, tmp_path_factory.mktemp("rich") / "rich.db")
    ctx = Context(database.sessions)
    data = export_person(ctx, build_rich_person(ctx))
    database.close()
    return data


def row_counts(database: Database) -> dict[str, int]:
    with database.sessions() as s:
        return {
            name: s.execute(select(func.count()).select_from(table)).scalar_one()
            for name, table in Base.metadata.tables.items()
        }


def _keys(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, inner in value.items():
            yield key
            if key != "snapshot":
                yield from _keys(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _keys(inner)


# --- export ------------------------------------------------------------------------------


def test_export_holds_everything_in_a_defined_order(db: Database) -> None:
    ctx = Context(db.sessions)
    person_id = build_rich_person(ctx)
    data = export_person(ctx, person_id)
    assert data == export_person(ctx, person_id)
    text = data.decode("utf-8")
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert "Áilu Ŋuvvon Sárá" in text and "💪🏽" in text  # not \u-escaped
    doc = json.loads(text)
    assert list(doc) == ["format", "person", "plans"] and doc["format"] == "caseplan.person/1"
    assert list(doc["person"]) == list(PARTS["person"].model_fields)
    assert doc["person"]["about_me"]["what_helps"] == LONG_TEXT
    assert doc["person"]["created_at"] == "2024-01-15T09:30:12.345678+00:00"
    closed, agreed = doc["plans"]
    assert (closed["status"], agreed["status"]) == ("closed", "agreed")
    assert closed["coordinator"] == closed["participants"][0]["id"]
    team = agreed["participants"]
    assert [p["role"] for p in team] == [
        "person", "coordinator", "practitioner", "peer", "network", "service"
    ]  # fmt: skip
    ids = {p["role"]: p["id"] for p in team}
    assert agreed["coordinator"] == ids["coordinator"]
    assert team[1]["consent"] == {
        "granted_on": "2024-01-15", "expires_on": "2025-01-15", "scope": "full_plan"
    }  # fmt: skip
    assert [g["domain"] for g in agreed["goals"]] == ["housing", "leisure", "substance_use"]
    housing = agreed["goals"][0]
    assert housing["own_words"] == NORWEGIAN and housing["worker_note"] == LONG_TEXT
    assert [s["action"] for s in housing["steps"]] == [NORWEGIAN, "Søke kommunal bolig"]
    assert housing["steps"][1]["responsible"] == ids["coordinator"]
    assert [c["date"] for c in agreed["peer_contributions"]] == [
        "2024-02-01", "2024-02-01", "2024-02-02"
    ]  # fmt: skip
    assert {c["peer"] for c in agreed["peer_contributions"]} == {ids["peer"]}
    first, second = agreed["meetings"]
    assert first["date"] == "2024-01-01" and first["attendees"] == []
    assert second["attendees"] == [ids["person"], ids["coordinator"], ids["peer"]]
    ratings = agreed["reviews"][0]["ratings"]
    goal_ids = [g["id"] for g in agreed["goals"]]
    assert [(r["goal"], r["by"], r["score"]) for r in ratings[:2]] == [
        (goal_ids[0], ids["person"], 8), (goal_ids[0], ids["peer"], 6)
    ]  # fmt: skip
    assert [c["name"] for c in agreed["crisis_plan"]["contacts"]] == ["Ingá", "Legevakt"]
    assert [v["number"] for v in agreed["versions"]] == [1, 2]
    assert agreed["versions"][1]["agreed_by"] == [ids["person"], ids["peer"]]
    assert list(agreed["versions"][0]["snapshot"]) == ["b", "goals"]
    assert closed["crisis_plan"] is None
    internal = {"version", "position", "sort_key", "search_key", "plan_id", "person_id"}
    assert internal.isdisjoint(_keys(doc))


def test_export_of_an_unknown_person_says_so(db: Database) -> None:
    with pytest.raises(CaseplanError) as caught:
        export_person(Context(db.sessions), uuid.uuid4())
    assert str(caught.value) == "This person is not in the database."


# --- round trip --------------------------------------------------------------------------


def test_round_trip_gives_the_same_bytes(db: Database, other_db: Database) -> None:
    ctx, other = Context(db.sessions), Context(other_db.sessions)
    first = export_person(ctx, build_rich_person(ctx))
    person_id = import_person(other, first)
    assert export_person(other, person_id) == first
    found = people.list_people(other, "ŋuvvon")
    assert [(p.id, p.full_name) for p in found] == [(person_id, "Áilu Ŋuvvon Sárá")]


def test_round_trip_through_this_backend_gives_the_same_bytes(
    db: Database, rich_export: bytes
) -> None:
    ctx = Context(db.sessions)
    person_id = import_person(ctx, rich_export)
    assert export_person(ctx, person_id) == rich_export
    assert people.get_person(ctx, person_id).preferred_name == "Áilu 🙂"


def _storable(multiline: bool) -> st.SearchStrategy[str]:
    chars = st.characters(exclude_categories=("Cs", "Cc"), exclude_characters=BIDI_CONTROLS)
    if multiline:
        chars = st.one_of(chars, st.sampled_from("\n\t"))
    return st.text(chars, min_size=1, max_size=80).filter(
        lambda s: s.strip() and not any(unicodedata.category(c) == "Cn" for c in s)
    )


@FUZZ
@given(
    name=_storable(False),
    own_words=_storable(True),
    note=st.one_of(_storable(True), st.just(LONG_TEXT)),
    sami=_storable(True),
)
def test_round_trip_of_any_storable_text(
    db: Database, other_db: Database, name: str, own_words: str, note: str, sami: str
) -> None:
    ctx = Context(db.sessions)
    try:
        person_id = build_rich_person(
            ctx, full_name=name, own_words=own_words, note=note, sami=sami
        )
    except InvalidInput:
        assume(False)  # e.g. NFC made the text longer than the column allows
        raise
    first = export_person(ctx, person_id)
    other = Context(other_db.sessions)
    assert export_person(other, import_person(other, first)) == first


# --- refusals ----------------------------------------------------------------------------

Doc = dict[str, Any]
PLAN = 1  # the agreed plan in ``rich_export``; plans[0] is the closed one


def _encode(doc: Doc) -> bytes:
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def assert_refused(
    db: Database, data: bytes, sentence: str, error: type[CaseplanError] = InvalidInput
) -> None:
    """Import must fail with exactly ``sentence`` and leave the database as it was."""
    before = row_counts(db)
    with pytest.raises(error) as caught:
        import_person(Context(db.sessions), data)
    assert type(caught.value) is error
    assert str(caught.value) == sentence
    assert row_counts(db) == before


def _plan(d: Doc) -> Doc:
    return d["plans"][PLAN]


def _set(getter: Callable[[Doc], Any], key: str | int, value: Any) -> Callable[[Doc], None]:
    def change(d: Doc) -> None:
        getter(d)[key] = value

    return change


def _goal(d: Doc) -> Doc:
    return _plan(d)["goals"][0]


def _same_id(d: Doc) -> None:
    _plan(d)["goals"][1]["id"] = _goal(d)["id"]


def _step_has_person_id(d: Doc) -> None:
    _goal(d)["steps"][0]["id"] = d["person"]["id"]


def _coordinator_of_old_plan(d: Doc) -> None:
    _plan(d)["coordinator"] = d["plans"][0]["participants"][0]["id"]


def _rating_twice(d: Doc) -> None:
    ratings = _plan(d)["reviews"][0]["ratings"]
    ratings[1] = dict(ratings[0])


def _attendee_twice(d: Doc) -> None:
    attendees = _plan(d)["meetings"][1]["attendees"]
    attendees[1] = attendees[0]


def _same_version_number(d: Doc) -> None:
    _plan(d)["versions"][1]["number"] = 1


def _too_many_paid_minutes(d: Doc) -> None:
    _plan(d)["peer_contributions"][0].update(minutes=30, paid_minutes=31)


def _two_open_plans(d: Doc) -> None:
    d["plans"][0]["status"] = "draft"


def _missing_priority(d: Doc) -> None:
    del _goal(d)["priority"]


def _consent(d: Doc) -> Doc:
    return _plan(d)["participants"][1]["consent"]


DOMAINS = (
    "housing, physical_health, mental_health, substance_use, work_and_activity, "
    "income_and_finances, family_and_children, social_network, leisure, legal, daily_living, other"
)
GOAL = f"plans[{PLAN}].goals[0]"
UNKNOWN_ID = "0b7c7f2e-5d1a-4c1e-9a53-2f0d8e4b6a10"
NOT_ON_TEAM = "refers to a participant who is not on this plan's team."

MALFORMED: list[tuple[str, Callable[[Doc], None], str]] = [
    # wrong types
    (
        "text-as-number",
        _set(lambda d: _plan(d)["goals"][2], "own_words", 5),
        f"plans[{PLAN}].goals[2].own_words must be text.",
    ),
    (
        "number-as-text",
        _set(lambda d: _plan(d)["peer_contributions"][0], "minutes", "90"),
        f"plans[{PLAN}].peer_contributions[0].minutes must be a whole number from 1 to 1440.",
    ),
    (
        "bool-as-number",
        _set(_goal, "priority", True),
        f"{GOAL}.priority must be a whole number from 1 to 3.",
    ),
    (
        "float-as-number",
        _set(_goal, "priority", 2.0),
        f"{GOAL}.priority must be a whole number from 1 to 3.",
    ),
    (
        "text-as-bool",
        _set(lambda d: _plan(d)["meetings"][0], "agreed", "yes"),
        f"plans[{PLAN}].meetings[0].agreed must be true or false.",
    ),
    ("object-as-list", _set(lambda d: d, "plans", {}), "plans must be a list."),
    ("list-as-object", _set(lambda d: d, "person", []), "person must be a JSON object."),
    (
        "text-as-object",
        _set(lambda d: _plan(d)["goals"], 0, "Bolig"),
        f"{GOAL} must be a JSON object.",
    ),
    (
        "text-as-list",
        _set(lambda d: _plan(d)["meetings"][1], "attendees", "alle"),
        f"plans[{PLAN}].meetings[1].attendees must be a list.",
    ),
    (
        "list-as-snapshot",
        _set(lambda d: _plan(d)["versions"][0], "snapshot", []),
        f"plans[{PLAN}].versions[0].snapshot must be a JSON object.",
    ),
    ("missing-field", _missing_priority, f"{GOAL}.priority is missing."),
    (
        "unknown-field",
        _set(_goal, "prioritet", 1),
        f"{GOAL}.prioritet is not a field Caseplan knows.",
    ),
    ("unknown-top-field", _set(lambda d: d, "extra", 1), "extra is not a field Caseplan knows."),
    # vocabularies and numbers
    (
        "unknown-domain",
        _set(_goal, "domain", "housng"),
        f"{GOAL}.domain must be one of: {DOMAINS}.",
    ),
    (
        "unknown-role",
        _set(lambda d: _plan(d)["participants"][0], "role", "doctor"),
        f"plans[{PLAN}].participants[0].role must be one of: "
        "person, coordinator, practitioner, peer, network, service.",
    ),
    (
        "unknown-language",
        _set(lambda d: d["person"], "preferred_language", "sv"),
        "person.preferred_language must be one of: en, nb, nn, se.",
    ),
    (
        "priority-0",
        _set(_goal, "priority", 0),
        f"{GOAL}.priority must be a whole number from 1 to 3.",
    ),
    (
        "score-11",
        _set(lambda d: _plan(d)["reviews"][0]["ratings"][0], "score", 11),
        f"plans[{PLAN}].reviews[0].ratings[0].score must be a whole number from 0 to 10.",
    ),
    (
        "paid-more-than-minutes",
        _too_many_paid_minutes,
        f"plans[{PLAN}].peer_contributions[0].paid_minutes must be a whole number from 0 to 30.",
    ),
    # dates
    (
        "date-that-does-not-exist",
        _set(_plan, "period_start", "2024-02-30"),
        f"plans[{PLAN}].period_start is not a date that exists: 2024-02-30.",
    ),
    (
        "norwegian-date",
        _set(lambda d: d["person"], "date_of_birth", "14.03.1987"),
        "person.date_of_birth must be a date written as YYYY-MM-DD.",
    ),
    (
        "compact-date",
        _set(_goal, "target_date", "20240901"),
        f"{GOAL}.target_date must be a date written as YYYY-MM-DD.",
    ),
    (
        "missing-required-date",
        _set(_plan, "period_start", None),
        f"plans[{PLAN}].period_start must be a date written as YYYY-MM-DD.",
    ),
    (
        "time-without-zone",
        _set(lambda d: d["person"], "created_at", "2024-01-15T09:30:12"),
        "person.created_at must be a time written as YYYY-MM-DDTHH:MM:SS+00:00.",
    ),
    (
        "end-before-start",
        _set(lambda d: d["plans"][0], "period_end", "2021-12-31"),
        "plans[0].period_end is before plans[0].period_start.",
    ),
    (
        "consent-expires-before-granted",
        _set(_consent, "expires_on", "2023-01-01"),
        f"plans[{PLAN}].participants[1].consent.expires_on is before "
        f"plans[{PLAN}].participants[1].consent.granted_on.",
    ),
    # texts
    (
        "name-too-long",
        _set(lambda d: _plan(d)["participants"][0], "name", "å" * 201),
        f"plans[{PLAN}].participants[0].name is too long: at most 200 characters, this has 201.",
    ),
    (
        "note-too-long",
        _set(lambda d: d["person"]["about_me"], "what_helps", "ø" * 20_001),
        "person.about_me.what_helps is too long: at most 20000 characters, this has 20001.",
    ),
    (
        "ten-megabyte-string",
        _set(lambda d: d["person"], "full_name", "x" * 10_000_000),
        "person.full_name is too long: at most 200 characters, this has 10000000.",
    ),
    (
        "bidi-override",
        _set(lambda d: d["person"], "full_name", "Kari \u202eNordmann"),
        "person.full_name contains a hidden direction-changing character.",
    ),
    (
        "bell-character",
        _set(_goal, "own_words", "Bo\x07 selv"),
        f"{GOAL}.own_words contains a control character that cannot be stored.",
    ),
    (
        "line-break-in-a-name",
        _set(lambda d: d["person"], "preferred_name", "Kari\nNordmann"),
        "person.preferred_name contains a control character that cannot be stored.",
    ),
    (
        "bidi-in-snapshot",
        _set(lambda d: _plan(d)["versions"][0]["snapshot"], "b", "\u2066x"),
        f"plans[{PLAN}].versions[0].snapshot.b contains a hidden direction-changing character.",
    ),
    ("blank-goal", _set(_goal, "own_words", "  \n"), f"{GOAL}.own_words must not be empty."),
    (
        "blank-name",
        _set(lambda d: d["person"], "full_name", ""),
        "person.full_name must not be empty.",
    ),
    # ids and references
    (
        "malformed-id",
        _set(_plan, "id", "plan-1"),
        f"plans[{PLAN}].id must be an id like 0b7c7f2e-5d1a-4c1e-9a53-2f0d8e4b6a10.",
    ),
    ("duplicate-id", _same_id, f"plans[{PLAN}].goals[1].id uses the same id as {GOAL}.id."),
    (
        "duplicate-id-across-kinds",
        _step_has_person_id,
        f"{GOAL}.steps[0].id uses the same id as person.id.",
    ),
    (
        "unknown-responsible",
        _set(lambda d: _goal(d)["steps"][1], "responsible", UNKNOWN_ID),
        f"{GOAL}.steps[1].responsible {NOT_ON_TEAM}",
    ),
    (
        "coordinator-of-another-plan",
        _coordinator_of_old_plan,
        f"plans[{PLAN}].coordinator {NOT_ON_TEAM}",
    ),
    (
        "unknown-peer",
        _set(lambda d: _plan(d)["peer_contributions"][2], "peer", UNKNOWN_ID),
        f"plans[{PLAN}].peer_contributions[2].peer {NOT_ON_TEAM}",
    ),
    (
        "unknown-attendee",
        _set(lambda d: _plan(d)["meetings"][1]["attendees"], 2, UNKNOWN_ID),
        f"plans[{PLAN}].meetings[1].attendees[2] {NOT_ON_TEAM}",
    ),
    (
        "unknown-rater",
        _set(lambda d: _plan(d)["reviews"][0]["ratings"][3], "by", UNKNOWN_ID),
        f"plans[{PLAN}].reviews[0].ratings[3].by {NOT_ON_TEAM}",
    ),
    (
        "unknown-goal",
        _set(lambda d: _plan(d)["reviews"][0]["ratings"][0], "goal", UNKNOWN_ID),
        f"plans[{PLAN}].reviews[0].ratings[0].goal refers to a goal that is not in this plan.",
    ),
    (
        "unknown-agreed-by",
        _set(lambda d: _plan(d)["versions"][0]["agreed_by"], 0, UNKNOWN_ID),
        f"plans[{PLAN}].versions[0].agreed_by[0] {NOT_ON_TEAM}",
    ),
    (
        "attendee-twice",
        _attendee_twice,
        f"plans[{PLAN}].meetings[1].attendees[1] names the same participant twice.",
    ),
    (
        "rating-twice",
        _rating_twice,
        f"plans[{PLAN}].reviews[0].ratings[1] rates a goal "
        "that the same participant already rated.",
    ),
    (
        "version-number-twice",
        _same_version_number,
        f"plans[{PLAN}].versions[1].number is the same number as plans[{PLAN}].versions[0].number.",
    ),
    (
        "two-open-plans",
        _two_open_plans,
        "Only one plan can be open at a time, but plans[0] and plans[1] are both open.",
    ),
    # the format
    (
        "no-format",
        lambda d: d.pop("format"),
        'The file does not say its format; it must have "format": "caseplan.person/1".',
    ),
    (
        "newer-format",
        _set(lambda d: d, "format", "caseplan.person/2"),
        'The file is in the format "caseplan.person/2", which this Caseplan cannot read.',
    ),
    (
        "format-as-number",
        _set(lambda d: d, "format", 1),
        "The file is in the format 1, which this Caseplan cannot read.",
    ),
]


def test_malformed_documents_are_refused_with_one_sentence(
    db: Database, rich_export: bytes
) -> None:
    # One database for all cases (a fresh PostgreSQL database per case is slow on CI).
    for name, change, sentence in MALFORMED:
        doc = json.loads(rich_export)
        change(doc)
        try:
            assert_refused(db, _encode(doc), sentence)
        except AssertionError as error:
            raise AssertionError(f"case {name}: {error}") from error


NOT_JSON = "The file is cut short or is not valid JSON (line 1, column {})."
NOT_AN_OBJECT = "The file does not hold a Caseplan person: it is not one JSON object."
BAD_NUMBER = "The file holds a number that is not valid JSON or is too large to read."
BAD_FILES: list[tuple[str, bytes, str]] = [
    (
        "latin-1",
        '{"format": "Ærlig"}'.encode("latin-1"),
        "The file is not UTF-8 text (the first wrong byte is at position 12).",
    ),
    ("empty", b"", NOT_JSON.format(1)),
    ("not-json", b"{format: 1}", NOT_JSON.format(2)),
    ("list", b"[]", NOT_AN_OBJECT),
    ("text", b'"caseplan.person/1"', NOT_AN_OBJECT),
    ("nan", b'{"format": NaN}', BAD_NUMBER),
    ("overflowing-float", b'{"format": 1e999}', BAD_NUMBER),
    ("huge-integer", b'{"format": ' + b"9" * 5000 + b"}", BAD_NUMBER),
    (
        "repeated-key",
        b'{"format": "caseplan.person/1", "format": "x"}',
        'The file has an object in which "format" is written twice.',
    ),
    (
        "deep-nesting",
        b"[" * 200_000,
        "The file nests lists or objects too deeply to be a person's data.",
    ),
    (
        "too-large",
        b" " * (MAX_DOCUMENT_BYTES + 1),
        "The file is too large to be one person's data: at most 32 MB is read.",
    ),
]


def test_unreadable_files_are_refused_with_one_sentence(db: Database) -> None:
    for name, data, sentence in BAD_FILES:
        try:
            assert_refused(db, data, sentence)
        except AssertionError as error:
            raise AssertionError(f"case {name}: {error}") from error


def test_truncated_file_is_refused(db: Database, rich_export: bytes) -> None:
    before = row_counts(db)
    for cut in (1, len(rich_export) // 3, len(rich_export) - 3):
        with pytest.raises(InvalidInput) as caught:
            import_person(Context(db.sessions), rich_export[:cut])
        assert re.fullmatch(
            r"The file is cut short or is not valid JSON \(line \d+, column \d+\)\.",
            str(caught.value),
        )
    assert row_counts(db) == before


def test_a_person_already_in_the_database_is_refused(db: Database, rich_export: bytes) -> None:
    ctx = Context(db.sessions)
    import_person(ctx, rich_export)
    assert_refused(db, rich_export, "This person is already in the database.", AlreadyExists)
    doc = json.loads(rich_export)
    doc["person"]["id"] = str(uuid.uuid4())
    assert_refused(
        db,
        _encode(doc),
        "plans[0].id is already in the database, under another person.",
        AlreadyExists,
    )
    assert people.count_people(ctx) == 1


def test_a_byte_order_mark_and_a_nfd_name_are_accepted(db: Database, rich_export: bytes) -> None:
    doc = json.loads(rich_export)
    doc["person"]["full_name"] = unicodedata.normalize("NFD", "Åse Ænes Nilsen")
    ctx = Context(db.sessions)
    person_id = import_person(ctx, b"\xef\xbb\xbf" + _encode(doc))
    assert people.get_person(ctx, person_id).full_name == "Åse Ænes Nilsen"  # stored as NFC
    assert [p.id for p in people.list_people(ctx, "ænes")] == [person_id]


# --- fuzzing -----------------------------------------------------------------------------

UUID_TEXT = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def _with_fresh_ids(data: bytes) -> Doc:
    fresh: dict[str, str] = {}
    text = UUID_TEXT.sub(lambda m: fresh.setdefault(m.group(), str(uuid.uuid4())), data.decode())
    result: Doc = json.loads(text)
    return result


def _places(value: Any, where: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every path to a value inside the document."""
    if where:
        yield where
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _places(inner, (*where, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _places(inner, (*where, index))


def _at(doc: Any, where: tuple[Any, ...]) -> Any:
    for step in where:
        doc = doc[step]
    return doc


@FUZZ
@given(data=st.binary(max_size=400))
def test_random_bytes_only_ever_raise_a_caseplan_error(db: Database, data: bytes) -> None:
    before = row_counts(db)
    with pytest.raises(CaseplanError):
        import_person(Context(db.sessions), data)
    assert row_counts(db) == before


@FUZZ
@given(
    value=JSON_VALUES
    | st.fixed_dictionaries(
        {"format": st.just("caseplan.person/1")},
        optional={"person": JSON_VALUES, "plans": JSON_VALUES},
    )
)
def test_random_json_only_ever_raises_a_caseplan_error(db: Database, value: Any) -> None:
    before = row_counts(db)
    with pytest.raises(CaseplanError):
        import_person(Context(db.sessions), json.dumps(value).encode())
    assert row_counts(db) == before


@FUZZ
@given(data=st.data())
def test_any_change_to_a_valid_file_is_stored_whole_or_refused(
    db: Database, other_db: Database, rich_export: bytes, data: st.DataObject
) -> None:
    doc = _with_fresh_ids(rich_export)
    places = list(_places(doc))
    where = data.draw(st.sampled_from(places), label="where")
    leaves = [_at(doc, p) for p in places if not isinstance(_at(doc, p), dict | list)]
    value = data.draw(
        st.sampled_from(leaves)  # a value that fits somewhere else in the file
        | JSON_VALUES
        | st.sampled_from(["", "2024-02-30", "x" * 201, -1, 1441, [], {}]),
        label="value",
    )
    target = _at(doc, where[:-1])
    if isinstance(target, dict) and data.draw(st.integers(0, 9), label="delete?") == 0:
        del target[where[-1]]
    else:
        target[where[-1]] = copy.deepcopy(value)
    ctx = Context(db.sessions)
    before = row_counts(db)
    try:
        person_id = import_person(ctx, _encode(doc))
    except CaseplanError:
        event("refused")
        assert row_counts(db) == before
        return
    event("stored")
    exported = export_person(ctx, person_id)
    other = Context(other_db.sessions)
    assert export_person(other, import_person(other, exported)) == exported


DOCS = Path(__file__).parents[2] / "docs" / "json-format.md"


def test_the_documented_example_imports_and_exports_as_written(db: Database) -> None:
    text = DOCS.read_text(encoding="utf-8")
    example = text.split("```json\n", 1)[1].split("```", 1)[0]
    ctx = Context(db.sessions)
    person_id = import_person(ctx, example.encode("utf-8"))
    assert json.loads(export_person(ctx, person_id)) == json.loads(example)
    assert people.list_people(ctx)[0].next_review == date(2024, 6, 1)


def _without_later_fields(value: Any, kind: str) -> Any:
    """A document as Caseplan wrote it before the fields each part calls LATER were added."""
    if isinstance(value, list):
        return [_without_later_fields(v, kind) for v in value]
    if not isinstance(value, dict):
        return value
    part = PARTS[kind]
    nested = {
        "about_me": "about_me",
        "participants": "participant",
        "consent": "consent",
        "goals": "review_goal" if kind == "review" else "goal",
        "steps": "step",
        "peer_contributions": "peer_contribution",
        "meetings": "meeting",
        "reviews": "review",
        "ratings": "rating",
        "crisis_plan": "crisis_plan",
        "contacts": "contact",
        "versions": "version",
    }
    return {
        key: _without_later_fields(inner, nested[key]) if key in nested else inner
        for key, inner in value.items()
        if key not in part.LATER
    }


def test_a_file_written_before_the_later_fields_still_imports(
    db: Database, rich_export: bytes
) -> None:
    doc = json.loads(rich_export)
    old = {
        "format": doc["format"],
        "person": _without_later_fields(doc["person"], "person"),
        "plans": _without_later_fields(doc["plans"], "plan"),
    }
    assert "phone" not in old["person"] and "goals" not in old["plans"][1]["reviews"][0]
    ctx = Context(db.sessions)
    person_id = import_person(ctx, json.dumps(old).encode())
    again = json.loads(export_person(ctx, person_id))
    assert again["person"]["phone"] == ""
    assert again["plans"][1]["reviews"][0]["goals"] == []
    assert again["plans"][1]["reviews"][0]["attendees"] == []
    assert again["plans"][0]["closed_reason"] is None
    assert _without_later_fields(again["plans"], "plan") == old["plans"]


def test_the_review_and_the_person_keep_what_was_added_later(rich_export: bytes) -> None:
    doc = json.loads(rich_export)
    person = doc["person"]
    assert (person["phone"], person["plan_consent_how"]) == ("+47 400 00 000", "paper")
    old, new = doc["plans"]
    assert (old["closed_on"], old["closed_reason"]) == ("2022-12-31", "goals_reached")
    assert new["goals"][1]["carried_from"] == old["goals"][0]["id"]
    review = new["reviews"][0]
    assert [g["decision"] for g in review["goals"]] == [None, "reached"]
    assert review["goals"][0]["goal"] == new["goals"][0]["id"]
    names = {p["id"]: p["name"] for p in new["participants"]}
    assert [names[i] for i in review["attendees"]] == ["Áilu Ŋuvvon Sárá", "Koordinator Kari"]


def test_the_documentation_names_every_field_and_the_size_limit() -> None:
    text = DOCS.read_text(encoding="utf-8")
    names = {key for part in PARTS.values() for key in part.model_fields}
    missing = sorted(name for name in names if f"`{name}`" not in text)
    assert missing == []
    assert f"{MAX_DOCUMENT_BYTES // 1_000_000} MB" in text


# --- access and audit --------------------------------------------------------------------


def test_export_and_import_are_audited_without_the_persons_words(
    db: Database, rich_export: bytes
) -> None:
    ctx = Context(db.sessions)
    person_id = import_person(ctx, rich_export)
    export_person(ctx, person_id)
    events = trail.events_for(ctx, person_id)
    assert [(e.action, e.detail) for e in events] == [
        ("export", "plans: 2"),
        ("import", "plans: 2"),
    ]


def test_accounts_that_may_not_export_or_import_are_refused(
    db: Database, rich_export: bytes
) -> None:
    ctx = Context(db.sessions)
    person_id = import_person(ctx, rich_export)
    doc = _with_fresh_ids(rich_export)
    peer_worker = Context(db.sessions, actor=Actor(uuid.uuid4(), "peer", Role.PEER_WORKER))
    assert_refused_for(peer_worker, db, _encode(doc), "Your account may not import plans.")
    stranger = Context(db.sessions, actor=Actor(uuid.uuid4(), "ola", Role.PRACTITIONER))
    before = row_counts(db)
    with pytest.raises(AccessDenied) as caught:
        export_person(stranger, person_id)
    assert str(caught.value) == "Your account may not export this person's plan."
    assert row_counts(db) == _and_one_refusal(before)


def assert_refused_for(ctx: Context, db: Database, data: bytes, sentence: str) -> None:
    before = row_counts(db)
    with pytest.raises(AccessDenied) as caught:
        import_person(ctx, data)
    assert str(caught.value) == sentence
    assert row_counts(db) == _and_one_refusal(before)


def _and_one_refusal(counts: dict[str, int]) -> dict[str, int]:
    """Nothing is written but the refusal itself, in the audit trail."""
    return {**counts, "audit_events": counts["audit_events"] + 1}
