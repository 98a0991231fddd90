"""Team mode: the server itself applies the role × action table (docs/security.md §8).

A peer worker's own PostgreSQL login, used with plain psycopg (no Caseplan code), reads
only the people who consented to that peer, never a worker's note, no other account and
no audit trail, and may change nothing but their own steps and contributions.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from caseplan.errors import AccessDenied
from caseplan.models import Account, CloseReason, LifeDomain, Role
from caseplan.reports.printing import print_due
from caseplan.services.agreement import agreement, changes
from caseplan.services.clinic import settings, unlock
from caseplan.services.context import Context
from caseplan.services.meetings import progress
from caseplan.services.meetings.together import GoalReview, record_review
from caseplan.services.people import people
from caseplan.services.people.people import list_people
from caseplan.services.plans import closing, goals, plans
from caseplan.services.plans.plan_view import load_plan_view
from caseplan.services.printing import printing
from caseplan.services.review_dates import months_after
from caseplan.services.security import access, accounts
from caseplan.storage.location import Location, resolve
from caseplan.storage.server_logins import without_login
from tests.security.test_files_and_one_password import NOTES, PASSWORDS, ROLES, _person

#: A server's own login roles: on PostgreSQL only (no SQLite half to skip).
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.parametrize("location", ["postgres"], indirect=True),
]


@dataclass
class Server:
    owner: Location  #: the server administrator's own login (as the test server's)
    accounts: Location  #: the address every account signs in to, with no user in it
    names: dict[str, str]  #: user name in the tests -> login role on the server


@pytest.fixture
def server(location: Location) -> Iterator[Server]:
    assert location.path is None, "a PostgreSQL server's own roles"
    suffix = uuid.uuid4().hex[:6]
    names = {name: f"{name}_{suffix}" for name in PASSWORDS}
    first = unlock.NewAccount(names["tone"], "Tone Admin", Role.ADMIN, PASSWORDS["tone"])
    clinic, _recovery = unlock.create_clinic(location, first)
    slots = unlock.key_slots(clinic)
    for name in ("kari", "lars", "sindre", "siri"):
        accounts.create_account(
            clinic.ctx, names[name], name.title(), ROLES[name], PASSWORDS[name], slots=slots
        )
    system = Context(clinic.database.sessions)
    with system.read() as session:
        ids = {a.username: a.id for a in session.scalars(select(Account))}
    ids = {name: ids[names[name]] for name in names}
    _person(system, "Ola Nordmann", [("kari", True), ("sindre", True)], ids)
    _person(system, "Eva Uten-Samtykke", [("kari", True), ("sindre", False)], ids)
    _person(system, "Per Hos-Siri", [("kari", True), ("siri", True)], ids)
    _person(system, "Åse Bare-Lars", [("lars", True)], ids)
    clinic.close()
    address = make_url(location.url.render_as_string(hide_password=False))
    try:
        yield Server(location, resolve(without_login(address).render_as_string()), names)
    finally:
        admin = create_engine(address.set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {address.database} WITH (FORCE)"))
            for role in names.values():
                connection.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        admin.dispose()


def _connect(server: Server, name: str, password: str | None = None) -> psycopg.Connection[Any]:
    url = make_url(server.owner.url.render_as_string(hide_password=False))
    return psycopg.connect(
        host=url.host,
        port=url.port,
        dbname=url.database,
        user=server.names[name],
        password=password if password is not None else PASSWORDS[name],
        autocommit=True,
    )


def _denied(connection: psycopg.Connection[Any], sql: str) -> bool:
    try:
        cursor = connection.execute(sql)
        if cursor.description is not None:
            cursor.fetchall()
    except psycopg.errors.InsufficientPrivilege:
        return True
    return False


def test_a_peers_own_login_with_plain_psycopg_reads_only_what_the_peer_may_see(
    server: Server,
) -> None:
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        _connect(server, "sindre", "not sindre's password")
    peer = _connect(server, "sindre")
    persons = [row[0] for row in peer.execute("SELECT full_name FROM persons")]
    assert persons == ["Ola Nordmann"]
    (ola,) = [row[0] for row in peer.execute("SELECT id FROM persons")]
    for table in ("plans", "goals", "meetings", "participants"):
        column = "person_id" if table == "plans" else "plan_id"
        rows = peer.execute(f"SELECT {column} FROM {table}").fetchall()
        assert rows, table  # the consented person's rows are there
        if table == "plans":
            assert {row[0] for row in rows} == {ola}
    # Worker's notes: the column is not theirs, in any table; the views show them blank.
    for table in ("goals", "steps", "meetings"):
        assert _denied(peer, f"SELECT worker_note FROM public.{table}")
        assert _denied(peer, f"SELECT * FROM public.{table}")
        notes = {row[0] for row in peer.execute(f"SELECT worker_note FROM caseplan_peer.{table}")}
        assert notes == {""}
    assert [row[0] for row in peer.execute("SELECT username FROM accounts")] == [
        server.names["sindre"]
    ]
    assert peer.execute("SELECT count(*) FROM audit_events").fetchone() == (0,)
    keys = {row[0] for row in peer.execute("SELECT key FROM settings")}
    assert "sign_in_name_key" not in keys
    everything = repr(peer.execute("SELECT * FROM caseplan_peer.goals").fetchall())
    everything += repr(peer.execute("SELECT * FROM participants").fetchall())
    for secret in (*NOTES, "Eva Uten-Samtykke", "Per Hos-Siri", "Åse Bare-Lars"):
        assert secret not in everything
    # No writes beyond their own work.
    for sql in (
        "INSERT INTO persons (id, version, full_name) VALUES (gen_random_uuid(), 1, 'X')",
        "UPDATE persons SET full_name = 'X'",
        "DELETE FROM goals",
        "UPDATE goals SET own_words = 'X'",
        "UPDATE accounts SET role = 'admin'",
        "SELECT caseplan_login('mallory', NULL, 'admin', true)",
    ):
        assert _denied(peer, sql), sql
    peer.close()


def test_staff_logins_see_their_rule_and_the_app_works_through_them(server: Server) -> None:
    kari = _connect(server, "kari")
    assert {r[0] for r in kari.execute("SELECT full_name FROM persons")} == {
        "Ola Nordmann",
        "Eva Uten-Samtykke",
        "Per Hos-Siri",
    }
    assert kari.execute("SELECT count(*) FROM audit_events").fetchone() == (0,)
    kari.close()
    lars = _connect(server, "lars")
    assert lars.execute("SELECT count(*) FROM persons").fetchone() == (4,)
    assert lars.execute("SELECT count(*) FROM audit_events").fetchone()[0] > 0
    lars.close()
    tone = _connect(server, "tone")
    assert tone.execute("SELECT count(*) FROM persons").fetchone() == (0,)  # break the glass
    assert tone.execute("SELECT count(*) FROM accounts").fetchone() == (5,)
    tone.close()

    # The app signs each account in as its own login.
    with pytest.raises(AccessDenied, match="user name or password is wrong"):
        unlock.sign_in(server.accounts, server.names["sindre"], "wrong")
    peer = unlock.sign_in(server.accounts, server.names["sindre"], PASSWORDS["sindre"])
    assert [p.full_name for p in list_people(peer.ctx)] == ["Ola Nordmann"]
    peer.close()
    practitioner = unlock.sign_in(server.accounts, server.names["kari"], PASSWORDS["kari"])
    assert len(list_people(practitioner.ctx)) == 3
    practitioner.close()
    # Switching an account off ends its login on the server at once.
    admin = unlock.sign_in(server.accounts, server.names["tone"], PASSWORDS["tone"])
    accounts.deactivate_account(admin.ctx, server.names["sindre"], slots=unlock.key_slots(admin))
    admin.close()
    with pytest.raises(psycopg.OperationalError):
        _connect(server, "sindre")


def test_every_table_has_row_level_security(server: Server) -> None:
    owner = create_engine(server.owner.url)
    with owner.connect() as connection:
        without = (
            connection.execute(
                text(
                    "SELECT relname FROM pg_class JOIN pg_namespace n ON n.oid = relnamespace "
                    "WHERE nspname = 'public' AND relkind = 'r' AND NOT relrowsecurity"
                )
            )
            .scalars()
            .all()
        )
    owner.dispose()
    assert without == ["alembic_version"]


def test_the_servers_rules_are_the_role_action_table(server: Server) -> None:
    owner = create_engine(server.owner.url)
    with owner.connect() as connection:
        for action in access.Action:
            for role in Role:
                rule = connection.execute(
                    text("SELECT caseplan_rule(:role, :action)"),
                    {"role": role.value, "action": action.value},
                ).scalar_one()
                assert rule == access.rule_for(role, action).value, (role, action)
    owner.dispose()


def test_the_new_columns_of_0008_follow_each_rows_rule(server: Server) -> None:
    """A person's address and a review's choice to share its words sit in rows that already
    have row-level security: each login reads and changes them only where it may the row."""
    owner = create_engine(server.owner.url)
    with owner.begin() as connection:
        connection.execute(text("UPDATE persons SET address = 'Storgata 1' || chr(10) || '0155'"))
        connection.execute(
            text(
                "INSERT INTO reviews (id, version, plan_id, date, what_helped, "
                "what_got_in_the_way, words_shared) SELECT gen_random_uuid(), 1, p.id, "
                "'2026-02-01', 'turen', '', true FROM plans p"
            )
        )
    owner.dispose()
    peer = _connect(server, "sindre")
    assert peer.execute("SELECT full_name, address FROM persons").fetchall() == [
        ("Ola Nordmann", "Storgata 1\n0155")
    ]
    assert peer.execute("SELECT count(*) FROM reviews WHERE words_shared").fetchone() == (1,)
    assert _denied(peer, "UPDATE public.persons SET address = 'x'")
    with pytest.raises(psycopg.errors.FeatureNotSupported):  # shown through a view (0014)
        peer.execute("UPDATE persons SET address = 'x'")
    peer.close()
    kari = _connect(server, "kari")
    changed = kari.execute("UPDATE persons SET address = 'Ny vei 2'").rowcount
    assert changed == 3  # her three people; Åse is on Lars's team only
    assert kari.execute("UPDATE reviews SET words_shared = false").rowcount == 3
    kari.close()
    lars = _connect(server, "lars")
    addresses = dict(lars.execute("SELECT full_name, address FROM persons").fetchall())
    assert addresses["Åse Bare-Lars"] == "Storgata 1\n0155"
    assert lars.execute("SELECT count(*) FROM reviews WHERE words_shared").fetchone() == (1,)
    lars.close()


def test_the_whole_life_of_a_plan_through_each_accounts_own_login(
    server: Server, tmp_path: Path
) -> None:
    """Migrations 0007 to 0009 under row-level security: registering a person, reviews,
    versions, closing and the next plan, the clinic's settings and print-due, each done by
    the account whose job it is, signed in as its own login (as the app does)."""
    today = date.today()
    kari = unlock.sign_in(server.accounts, server.names["kari"], PASSWORDS["kari"])
    try:
        ctx = kari.ctx
        ola = people.create_person(ctx, "Oda Førstedag", preferred_name="Oda")
        view = load_plan_view(ctx, ola.id)
        assert view is not None
        plan_id, oda, me = view.plan.id, view.participants[0].id, view.participants[1].id
        home = goals.add_goal(ctx, plan_id, LifeDomain.HOUSING, "Egen leilighet.")
        goals.add_step(ctx, home.id, "Søke kommunal bolig.", responsible_id=me)

        def agree() -> int:
            version = plans.get_plan(ctx, plan_id).version
            return agreement.agree_plan(
                ctx, plan_id, version, [oda, me], {oda: "paper", me: "paper"}, {}, today
            ).number

        assert agree() == 1
        record_review(
            ctx,
            plan_id,
            on=today,
            present=[me],
            goals=[GoalReview(home.id, score=6, what_helped="Søsteren min.", others=((me, 5),))],
            next_review=today,
            words_shared=True,
        )
        goals.update_goal(ctx, home.id, None, own_words="Egen leilighet før sommeren.")
        assert changes.agreement_state(ctx, plan_id).changed
        assert agree() == 2
        assert [p.score for p in progress.goal_progress(ctx, plan_id)[0].points] == [6]
        first = agreement.list_versions(ctx, plan_id)[0]
        seen: list[dict[str, Any]] = []

        def render(document: dict[str, Any], _demo: bool) -> tuple[bytes, str]:
            seen.append(document)
            return b"%PDF", "shared plan"

        assert printing.print_version(ctx, first.id, render) == b"%PDF"
        assert seen[0]["plans"][0]["goals"][0]["own_words"] == "Egen leilighet."
    finally:
        kari.close()

    lars = unlock.sign_in(server.accounts, server.names["lars"], PASSWORDS["lars"])
    try:
        settings.set_review_interval_months(lars.ctx, 6)
        assert settings.review_interval_months(lars.ctx) == 6
        with pytest.raises(AccessDenied):
            settings.set_idle_lock_minutes(lars.ctx, 240)
        due = [p.full_name for p in printing.due_people(lars.ctx, today)]
        assert "Oda Førstedag" in due
        assert print_due(lars.ctx, today, tmp_path / "due.pdf") >= 1
    finally:
        lars.close()
    tone = unlock.sign_in(server.accounts, server.names["tone"], PASSWORDS["tone"])
    try:
        settings.set_idle_lock_minutes(tone.ctx, 5)
    finally:
        tone.close()

    kari = unlock.sign_in(server.accounts, server.names["kari"], PASSWORDS["kari"])
    try:
        ctx = kari.ctx
        with pytest.raises(AccessDenied):
            settings.set_review_interval_months(ctx, 2)
        plans.close_plan(ctx, plan_id, None, CloseReason.GOALS_REACHED)
        assert people.get_person(ctx, ola.id).full_name == "Oda Førstedag"  # still hers
        nxt = closing.start_next_plan(ctx, ola.id, [home.id])
        assert nxt.next_review == months_after(today, 6)
        again = load_plan_view(ctx, ola.id)
        assert again is not None and [g.own_words for g in again.goals] == [
            "Egen leilighet før sommeren."
        ]
    finally:
        kari.close()
    # Nor behind the app's back: a practitioner's login changes no setting, a team lead's
    # not the idle lock (an administrator's).
    plain = _connect(server, "kari")
    assert _denied(plain, "UPDATE settings SET value = '1' WHERE key = 'review_interval_months'")
    plain.close()
    plain = _connect(server, "lars")
    changed = plain.execute("UPDATE settings SET value = '240' WHERE key = 'idle_lock_minutes'")
    assert changed.rowcount == 0
    assert _denied(plain, "INSERT INTO settings (key, value) VALUES ('demo', '1')")
    assert plain.execute("UPDATE settings SET value = '4' WHERE key = 'no_contact_weeks'")
    plain.close()
