"""Team mode: the server cuts a peer worker's reads to the person's consent (migration 0014).

A peer worker's own PostgreSQL login, used with plain psycopg, must read no more of a
person than the app shows that peer: the whole plan, their own part only, the crisis plan
only, or nothing once the consent has ended (docs/security.md §8.1). Each test compares,
table by table and field by field, what the login reads with the app's own peer view of
the same people, made by the services from the owner's connection (so the server's rows
do not decide what is expected), and with what the app shows signed in as the peer.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import Enum
from typing import Any

import psycopg
import pytest
from psycopg.rows import dict_row
from sqlalchemy import create_engine, select, text

from caseplan.errors import AccessDenied
from caseplan.models import (
    Account,
    CloseReason,
    ConsentScope,
    ContributionKind,
    LifeDomain,
    ParticipantRole,
    Role,
    StepStatus,
)
from caseplan.services.agreement import agreement
from caseplan.services.clinic import unlock
from caseplan.services.context import Actor, Context
from caseplan.services.crisis.crisis import CrisisContactInput, save_crisis_plan
from caseplan.services.meetings.meetings import add_meeting
from caseplan.services.meetings.together import GoalReview, record_review
from caseplan.services.overview.counts import overview
from caseplan.services.peers.contributions import add_contribution
from caseplan.services.people import people
from caseplan.services.plans import closing, goals, plans
from caseplan.services.plans.plan_view import PlanView, load_plan_view
from caseplan.services.printing import printing
from caseplan.services.shared import peer_scope
from caseplan.services.team import team
from tests.security import test_server_roles as roles
from tests.security.test_files_and_one_password import PASSWORDS
from tests.security.test_server_roles import Server, _connect
from tests.support import open_test_database

#: The server roles' own fixture: a clinic on a fresh server database, with a login per
#: account whose name is unique to the test.
server = roles.server

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.parametrize("location", ["postgres"], indirect=True),
]

#: Mona's words that only a consent to the whole plan shows a peer.
ABOUT_MONA = {
    "what_matters": "Datteren min og å ha et sted å bo.",
    "strengths": "Jeg gir meg ikke.",
    "what_helps": "At noen ringer før de kommer.",
    "what_does_not_help": "Lange brev.",
    "how_i_want_to_be_met": "Rett fram.",
    "address": "Fjellveien 3\n0555 Oslo",
}
NOTES = ("NOTAT-MÅL-Mona", "NOTAT-TILTAK-Mona", "NOTAT-MØTE-Mona")

#: Every table of the schema: how its rows are told apart, and where a peer's login reads
#: it (``caseplan_peer`` views show worker's notes and hidden words blank). A new table
#: must be placed here before this test passes.
KEYS: dict[str, tuple[str, ...]] = {
    "persons": ("id",),
    "plans": ("id",),
    "participants": ("id",),
    "goals": ("id",),
    "steps": ("id",),
    "peer_contributions": ("id",),
    "meetings": ("id",),
    "meeting_attendees": ("meeting_id", "participant_id"),
    "reviews": ("id",),
    "review_ratings": ("review_id", "goal_id", "by_id"),
    "review_goals": ("review_id", "goal_id"),
    "review_attendees": ("review_id", "participant_id"),
    "crisis_plans": ("id",),
    "crisis_contacts": ("id",),
    "plan_versions": ("id",),
}
#: Tables that hold no person's data (their rules are tested in test_server_roles.py).
NOT_A_PERSONS = {"accounts", "settings", "audit_events", "alembic_version"}
THROUGH_VIEWS = {"persons", "goals", "steps", "meetings"}


@dataclass
class Mona:
    """Mona's plan, made through Kari's own login, and who is who on her team."""

    person: uuid.UUID
    plan: uuid.UUID
    sindre: uuid.UUID  #: the peer worker whose login is tried, a team member
    home: uuid.UUID  #: the goal with Sindre's step
    sindre_step: uuid.UUID
    siri_step: uuid.UUID
    accounts: dict[str, uuid.UUID]


def _account_ids(server: Server) -> dict[str, uuid.UUID]:
    owner = create_engine(server.owner.url)
    with owner.connect() as connection:
        rows = connection.execute(select(Account.username, Account.id)).all()
    owner.dispose()
    by_login = dict(rows)
    return {name: by_login[login] for name, login in server.names.items()}


def _make_mona(server: Server) -> Mona:
    ids = _account_ids(server)
    kari = unlock.sign_in(server.accounts, server.names["kari"], PASSWORDS["kari"])
    try:
        ctx = kari.ctx
        today = ctx.today()
        person = people.create_person(
            ctx,
            "Mona Samtykke",
            preferred_name="Mona",
            date_of_birth=date(1990, 5, 17),
            phone="400 00 000",
            **ABOUT_MONA,  # type: ignore[arg-type]
        )
        view = load_plan_view(ctx, person.id)
        assert view is not None
        plan_id, mona, me = view.plan.id, view.participants[0].id, view.participants[1].id
        plans.update_plan(ctx, plan_id, None, peer_consent_granted_on=today)
        consent: dict[str, Any] = {
            "consent_scope": ConsentScope.FULL_PLAN,
            "consent_granted_on": today,
            "consent_expires_on": today + timedelta(days=60),
        }
        sindre = team.add_participant(ctx, plan_id, ParticipantRole.PEER, "Sindre", **consent).id
        siri = team.add_participant(ctx, plan_id, ParticipantRole.PEER, "Siri", **consent).id
        nav = team.add_participant(
            ctx, plan_id, ParticipantRole.SERVICE, "NAV Sentrum", phone="55 55 33 33", **consent
        ).id
        home = goals.add_goal(ctx, plan_id, LifeDomain.HOUSING, "Egen leilighet.")
        goals.update_goal(ctx, home.id, None, worker_note=NOTES[0])
        sindre_step = goals.add_step(
            ctx, home.id, "Følge Mona til boligkontoret.", responsible_id=sindre,
            worker_note=NOTES[1],
        ).id  # fmt: skip
        goals.add_step(ctx, home.id, "Søknad om bostøtte.", responsible_id=nav)
        less = goals.add_goal(ctx, plan_id, LifeDomain.SUBSTANCE_USE, "Færre dager med rus.")
        goals.add_step(ctx, less.id, "Samtale hver uke.", responsible_id=me)
        siri_step = goals.add_step(ctx, less.id, "NA-møte sammen.", responsible_id=siri).id
        goals.add_goal(ctx, plan_id, LifeDomain.WORK_AND_ACTIVITY, "Jobbe to dager i uka.")
        for peer, note in ((sindre, "Ringte Mona."), (siri, "Møte på kafé.")):
            add_contribution(ctx, plan_id, peer, today, 45, ContributionKind.MEETING, note)
        add_meeting(
            ctx, plan_id, today, attendee_ids=[mona, me, sindre],
            shared_notes="Vi ble enige om boligsøknaden.", worker_note=NOTES[2],
        )  # fmt: skip
        save_crisis_plan(
            ctx, plan_id, None, warning_signs="Jeg slutter å svare på telefonen.",
            contacts=[CrisisContactInput("Anne", "søster", "411 11 111")],
        )  # fmt: skip
        agreement.agree_plan(
            ctx, plan_id, None, [mona, me], {mona: "paper", me: "paper"}, {}, today
        )
        record_review(
            ctx, plan_id, on=today, present=[mona, me, sindre],
            goals=[GoalReview(home.id, score=6, what_helped="Søsteren min.",
                              others=((sindre, 5),))],
            next_review=today + timedelta(days=90), what_helped="Å bli ringt.",
        )  # fmt: skip
    finally:
        kari.close()
    # Linking a team member to an account needs the accounts, which only the server's
    # owner (or an administrator) reads: a practitioner's login cannot.
    owner = create_engine(server.owner.url)
    with owner.begin() as connection:
        for member, name in ((sindre, "sindre"), (siri, "siri")):
            connection.execute(
                text("UPDATE participants SET account_id = :account WHERE id = :member"),
                {"account": ids[name], "member": member},
            )
    owner.dispose()
    return Mona(person.id, plan_id, sindre, home.id, sindre_step, siri_step, ids)


@pytest.fixture
def mona(server: Server) -> Mona:
    return _make_mona(server)


def _set_consent(server: Server, mona: Mona, **changes: Any) -> None:
    """Kari changes Sindre's consent on Mona's team, as the team dialog does."""
    kari = unlock.sign_in(server.accounts, server.names["kari"], PASSWORDS["kari"])
    try:
        team.update_participant(kari.ctx, mona.sindre, None, **changes)
    finally:
        kari.close()


@pytest.fixture
def owner_db(server: Server) -> Iterator[Any]:
    database = open_test_database(server.owner)
    yield database
    database.close()


def _peer_as_the_app_sees_him(owner_db: Any, server: Server, mona: Mona) -> Context:
    """The services acting for Sindre on the owner's connection: what they show him is
    cut in Python by the app's own rules, not by the server's."""
    actor = Actor(mona.accounts["sindre"], server.names["sindre"], Role.PEER_WORKER)
    return Context(owner_db.sessions, actor=actor, today=date.today)


def _plain(value: Any) -> Any:
    """A value as both sides give it: enums as their text, times as naive UTC, lists."""
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC).replace(tzinfo=None)
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    return value.value if isinstance(value, Enum) else value


def _fields(details: Any) -> dict[str, Any]:
    return {f.name: _plain(getattr(details, f.name)) for f in dataclasses.fields(details)}


def _expected(ctx: Context) -> dict[str, dict[tuple[Any, ...], dict[str, Any]]]:
    """Every row of every table the app shows the peer, as the app shows it (its fields)."""
    rows: dict[str, dict[tuple[Any, ...], dict[str, Any]]] = {table: {} for table in KEYS}

    def put(table: str, details: Any, **extra: Any) -> None:
        fields = _fields(details) if details is not None else {}
        fields.update(extra)
        rows[table][tuple(fields[k] for k in KEYS[table])] = fields

    for listed in people.list_people(ctx):
        # The person as the plan view of their open plan shows them (the view of an older
        # plan with a wider consent shows more of them: the server follows the open plan).
        opened = load_plan_view(ctx, listed.id, record_open=False)
        assert opened is not None
        put("persons", opened.person)
        for plan in plans.list_plans(ctx, listed.id, record=False):
            put("plans", plan)
            view = load_plan_view(ctx, listed.id, plan_id=plan.id, record_open=False)
            assert view is not None
            with ctx.read() as session:
                scope = peer_scope(session, ctx, plan.id)
            _expected_view(view, put, consented=scope != ConsentScope.NONE)
            for version in agreement.list_versions(ctx, plan.id, record=False):
                put("plan_versions", version)
    return rows


def _expected_view(view: PlanView, put: Any, *, consented: bool) -> None:
    """Without ``consented``: on a plan whose consent to the peer is "none" (an older plan
    they were not on, or where it ended) the app still names the person and the
    coordinator and lists the peer's own contributions; the server, stricter, shows nothing
    of that plan but its dates (docs/security.md §8.1)."""
    if not consented:
        assert not (view.goals or view.meetings or view.reviews or view.crisis_plan)
        return
    for participant in view.participants:
        put("participants", participant)
    for goal in view.goals:
        put("goals", goal, steps=None)
        for step in goal.steps:
            put("steps", step)
    for contribution in view.contributions:
        put("peer_contributions", contribution)
    for meeting in view.meetings:
        put("meetings", meeting)
        for attendee in meeting.attendee_ids:
            put("meeting_attendees", None, meeting_id=meeting.id, participant_id=attendee)
    for review in view.reviews:
        put("reviews", review, ratings=None, goals=None)
        for rating in review.ratings:
            put("review_ratings", rating, review_id=review.id, by_id=rating.by_participant_id)
        for notes in review.goals:
            put("review_goals", notes, review_id=review.id)
        for attendee in review.attendee_ids:
            put("review_attendees", None, review_id=review.id, participant_id=attendee)
    if view.crisis_plan is not None:
        put("crisis_plans", view.crisis_plan, contacts=None)
        for contact in view.crisis_plan.contacts:
            put("crisis_contacts", contact)


def _read_as_peer(
    peer: psycopg.Connection[Any],
) -> dict[str, dict[tuple[Any, ...], dict[str, Any]]]:
    """Every row of every table the peer's own login reads."""
    rows = {}
    with peer.cursor(row_factory=dict_row) as cursor:
        for table, key in KEYS.items():
            schema = "caseplan_peer" if table in THROUGH_VIEWS else "public"
            found = cursor.execute(f"SELECT * FROM {schema}.{table}").fetchall()
            rows[table] = {tuple(row[k] for k in key): dict(row) for row in found}
    return rows


def _compare(
    read: dict[str, dict[tuple[Any, ...], dict[str, Any]]],
    expected: dict[str, dict[tuple[Any, ...], dict[str, Any]]],
) -> None:
    """The same rows in every table, and the same value in every field the app shows."""
    for table, rows in expected.items():
        assert set(read[table]) == set(rows), table
        for key, fields in rows.items():
            row = read[table][key]
            same = {name for name in fields if name in row and fields[name] is not None}
            got = {name: _plain(row[name]) for name in same}
            assert got == {name: fields[name] for name in same}, (table, key)


def _texts(value: Any) -> Iterator[str]:
    """Every piece of text in what was read, at any depth (JSON snapshots too)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item)


def _without_notes(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_notes(v) for k, v in value.items() if k != "worker_note"}
    if isinstance(value, list):
        return [_without_notes(item) for item in value]
    return value


def _every_table_is_placed(server: Server) -> None:
    owner = create_engine(server.owner.url)
    with owner.connect() as connection:
        tables = set(
            connection.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
            ).scalars()
        )
    owner.dispose()
    assert tables == set(KEYS) | NOT_A_PERSONS, "place a new table in KEYS or NOT_A_PERSONS"


@pytest.mark.parametrize(
    "scope", [ConsentScope.FULL_PLAN, ConsentScope.OWN_PART, ConsentScope.CRISIS_PLAN]
)
def test_a_peers_login_reads_what_the_consent_covers_and_the_app_shows(
    server: Server,
    mona: Mona,
    owner_db: Any,
    scope: ConsentScope,
) -> None:
    _every_table_is_placed(server)
    _set_consent(server, mona, consent_scope=scope)
    ctx = _peer_as_the_app_sees_him(owner_db, server, mona)
    expected = _expected(ctx)
    assert mona.person in {key[0] for key in expected["persons"]}
    peer = _connect(server, "sindre")
    try:
        read = _read_as_peer(peer)
        _compare(read, expected)
        # The words of Mona and every worker's note, as plain text anywhere he may read.
        everything = "\n".join(_texts(read))
        for note in NOTES:
            assert note not in everything
        for words in ABOUT_MONA.values():
            assert (words in everything) == (scope == ConsentScope.FULL_PLAN), words
        # Nor behind the views: the hidden columns are not his, nor the functions' answer.
        for sql in (
            "SELECT what_matters FROM public.persons",
            "SELECT date_of_birth FROM public.persons",
            "SELECT worker_note FROM public.goals",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                peer.execute(sql)
        word = peer.execute(
            "SELECT caseplan_person_word(%s, 'what_matters')", (mona.person,)
        ).fetchone()
        assert word == ((ABOUT_MONA["what_matters"] if scope == ConsentScope.FULL_PLAN else None),)
    finally:
        peer.close()
    # The app signed in as Sindre shows the same plan as the app's own rules cut it.
    signed_in = unlock.sign_in(server.accounts, server.names["sindre"], PASSWORDS["sindre"])
    try:
        shown = load_plan_view(signed_in.ctx, mona.person)
        assert shown == load_plan_view(ctx, mona.person, record_open=False)
        assert "Mona Samtykke" in [p.full_name for p in people.list_people(signed_in.ctx)]
        # And his printed copy holds what the app's rules give him, read through his login.
        printed: list[dict[str, Any]] = []

        def render(document: dict[str, Any], _demo: bool) -> tuple[bytes, str]:
            printed.append(document)
            return b"%PDF", "shared plan"

        printing.print_person(signed_in.ctx, mona.person, render)
        printing.print_person(ctx, mona.person, render)
        # (The services leave worker's notes in a peer's document, for the shared plan's
        # renderer to leave out; through his login they are blank already.)
        assert not set(NOTES) & set(_texts(printed[0]))
        assert _without_notes(printed[0]) == _without_notes(printed[1])
        goals_printed = [g["own_words"] for p in printed[0]["plans"] for g in p["goals"]]
        assert goals_printed == {
            ConsentScope.FULL_PLAN: [
                "Egen leilighet.", "Færre dager med rus.", "Jobbe to dager i uka."
            ],
            ConsentScope.OWN_PART: ["Egen leilighet."],
            ConsentScope.CRISIS_PLAN: [],
        }[scope]  # fmt: skip
    finally:
        signed_in.close()


def _counts(connection: psycopg.Connection[Any], mona: Mona) -> dict[str, int]:
    plan = mona.plan
    sql = {
        "persons": "SELECT count(*) FROM persons WHERE id = %(person)s",
        "plans": "SELECT count(*) FROM plans WHERE person_id = %(person)s",
        "participants": "SELECT count(*) FROM participants WHERE plan_id = %(plan)s",
        "goals": "SELECT count(*) FROM goals WHERE plan_id = %(plan)s",
        "steps": "SELECT count(*) FROM steps WHERE id IN (%(sindre_step)s, %(siri_step)s)",
        "peer_contributions": "SELECT count(*) FROM peer_contributions WHERE plan_id = %(plan)s",
        "meetings": "SELECT count(*) FROM meetings WHERE plan_id = %(plan)s",
        "reviews": "SELECT count(*) FROM reviews WHERE plan_id = %(plan)s",
        "crisis_plans": "SELECT count(*) FROM crisis_plans WHERE plan_id = %(plan)s",
        "plan_versions": "SELECT count(*) FROM plan_versions WHERE plan_id = %(plan)s",
    }
    values = {
        "person": mona.person,
        "plan": plan,
        "sindre_step": mona.sindre_step,
        "siri_step": mona.siri_step,
    }
    return {table: connection.execute(q, values).fetchone()[0] for table, q in sql.items()}


@pytest.mark.parametrize(
    "when",
    ["ended yesterday", "not given yet", "scope none", "peer involvement ended"],
)
def test_without_a_consent_that_holds_today_the_peer_reads_nothing_of_the_person(
    server: Server,
    mona: Mona,
    owner_db: Any,
    when: str,
) -> None:
    today = date.today()
    if when == "ended yesterday":
        _set_consent(
            server,
            mona,
            consent_granted_on=today - timedelta(days=30),
            consent_expires_on=today - timedelta(days=1),
        )
    elif when == "not given yet":
        _set_consent(
            server,
            mona,
            consent_granted_on=today + timedelta(days=1),
            consent_expires_on=today + timedelta(days=60),
        )
    elif when == "scope none":
        _set_consent(server, mona, consent_scope=ConsentScope.NONE)
    else:
        owner = create_engine(server.owner.url)
        with owner.begin() as connection:  # the plan's consent to peer involvement ended
            connection.execute(
                text(
                    "UPDATE plans SET peer_consent_granted_on = current_date - 30, "
                    "peer_consent_expires_on = current_date - 1 WHERE id = :plan"
                ),
                {"plan": mona.plan},
            )
        owner.dispose()
    ctx = _peer_as_the_app_sees_him(owner_db, server, mona)
    expected = _expected(ctx)
    assert mona.person not in {key[0] for key in expected["persons"]}
    peer = _connect(server, "sindre")
    try:
        assert set(_counts(peer, mona).values()) == {0}
        _compare(_read_as_peer(peer), expected)
        assert peer.execute(
            "SELECT caseplan_person_word(%s, 'address')", (mona.person,)
        ).fetchone() == (None,)
        # What he wrote before stays, but he can no longer change it.
        changed = peer.execute(
            "UPDATE steps SET status = 'done' WHERE id = %s", (mona.sindre_step,)
        ).rowcount
        assert changed == 0
    finally:
        peer.close()
    # Staff logins are untouched by a peer's consent: they read all of Mona, as the owner.
    with psycopg.connect(
        server.owner.url.render_as_string(hide_password=False).replace(
            "postgresql+psycopg", "postgresql"
        )
    ) as owner:
        everything = _counts(owner, mona)
    assert everything["goals"] == 3 and everything["steps"] == 2
    for name in ("kari", "lars"):
        staff = _connect(server, name)
        try:
            assert _counts(staff, mona) == everything, name
        finally:
            staff.close()


@pytest.mark.parametrize("older", ["whole plan", "ended"])
def test_each_plan_of_a_person_follows_the_consent_given_on_it(
    server: Server, mona: Mona, owner_db: Any, older: str
) -> None:
    """Mona's plan is closed and her next one started with Sindre's consent to his own
    part; on the closed plan his consent is to the whole plan (still valid), or has ended."""
    today = date.today()
    if older == "ended":
        _set_consent(
            server,
            mona,
            consent_granted_on=today - timedelta(days=30),
            consent_expires_on=today - timedelta(days=1),
        )
    kari = unlock.sign_in(server.accounts, server.names["kari"], PASSWORDS["kari"])
    try:
        plans.close_plan(kari.ctx, mona.plan, None, CloseReason.GOALS_REACHED)
        following = closing.start_next_plan(kari.ctx, mona.person, [mona.home])
        (copy,) = [p for p in team.list_participants(kari.ctx, following.id) if p.name == "Sindre"]
        team.update_participant(
            kari.ctx, copy.id, None, consent_scope=ConsentScope.OWN_PART,
            consent_granted_on=today, consent_expires_on=today + timedelta(days=60),
        )  # fmt: skip
    finally:
        kari.close()
    ctx = _peer_as_the_app_sees_him(owner_db, server, mona)
    expected = _expected(ctx)
    closed_goals = [g for g in expected["goals"].values() if g["plan_id"] == mona.plan]
    assert len(closed_goals) == (3 if older == "whole plan" else 0)
    new_goals = [g for g in expected["goals"].values() if g["plan_id"] == following.id]
    assert [g["own_words"] for g in new_goals] == ["Egen leilighet."]
    peer = _connect(server, "sindre")
    try:
        _compare(_read_as_peer(peer), expected)
    finally:
        peer.close()


def test_own_part_the_peer_still_does_their_own_work_through_their_login(
    server: Server,
    mona: Mona,
) -> None:
    """Under "their own part" the app, signed in as the peer, still marks his step done and
    records his contribution; under "the crisis plan only" his step is out of his reach."""
    _set_consent(server, mona, consent_scope=ConsentScope.OWN_PART)
    sindre = unlock.sign_in(server.accounts, server.names["sindre"], PASSWORDS["sindre"])
    try:
        ctx = sindre.ctx
        step = goals.update_step(ctx, mona.sindre_step, None, status=StepStatus.DONE)
        assert step.status == StepStatus.DONE
        add_contribution(
            ctx, mona.plan, mona.sindre, ctx.today(), 30, ContributionKind.PHONE_OR_MESSAGE,
            "Ringte om visning.",
        )  # fmt: skip
        view = load_plan_view(ctx, mona.person)
        assert view is not None
        assert [s.action for g in view.goals for s in g.steps] == ["Følge Mona til boligkontoret."]
        assert {c.note for c in view.contributions} == {"Ringte Mona.", "Ringte om visning."}
        with pytest.raises(AccessDenied):  # a peer has no overview, with a sentence
            overview(ctx)
    finally:
        sindre.close()
    # Staff overviews through their own logins still see Mona's peer time and steps.
    for name in ("kari", "lars"):
        staff = unlock.sign_in(server.accounts, server.names[name], PASSWORDS[name])
        try:
            assert overview(staff.ctx).peer_time.this_month >= 45 + 45 + 30
        finally:
            staff.close()
    _set_consent(server, mona, consent_scope=ConsentScope.CRISIS_PLAN)
    peer = _connect(server, "sindre")
    try:
        changed = peer.execute(
            "UPDATE steps SET status = 'planned' WHERE id = %s", (mona.sindre_step,)
        ).rowcount
        assert changed == 0
        assert peer.execute("SELECT count(*) FROM peer_contributions").fetchone() == (2,)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            peer.execute("UPDATE public.goals SET own_words = 'x'")
    finally:
        peer.close()


def test_every_view_for_peers_shows_every_column_of_its_table(server: Server) -> None:
    """A view in ``caseplan_peer`` lists its table's columns as they were when it was made:
    a later column must be added to the view too, or the app fails for peers."""
    owner = create_engine(server.owner.url)
    with owner.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT table_schema, table_name, column_name FROM information_schema.columns "
                "WHERE table_schema IN ('public', 'caseplan_peer')"
            )
        ).all()
    owner.dispose()
    columns: dict[tuple[str, str], set[str]] = {}
    for schema, table, column in rows:
        columns.setdefault((schema, table), set()).add(column)
    views = [table for schema, table in columns if schema == "caseplan_peer"]
    assert set(views) == THROUGH_VIEWS
    for table in views:
        assert columns[("caseplan_peer", table)] == columns[("public", table)], table
