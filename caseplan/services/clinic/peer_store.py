"""Peer stores: each peer worker's own encrypted database, holding only what they may see.

docs/security.md §4. A peer store has the clinic database's schema and exactly the rows the
app shows that peer: the people who consented to them (the role × action table decides,
through :func:`caseplan.services.security.access.visible_people`), their plans with every
worker's note blank, the peer's own account, and the settings a session needs. It is
encrypted with a key derived from the clinic key, sealed to the peer's public key.

Staff sessions keep the stores up to date. A rebuild first *merges* what the peer wrote
into their store (their contributions, their steps, their audit rows) into the clinic
database through the services, acting as the peer, then rewrites the store: all in one
transaction on one connection with the store attached, plus a bookkeeping row, so no
change is lost or applied twice.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import sessionmaker

from caseplan.errors import StorageError, tr_noop
from caseplan.models import Account, Base, Participant, Person, Plan, Role, Setting
from caseplan.services.clinic import peer_merge
from caseplan.services.clinic.peer_merge import BUILD_KEY
from caseplan.services.clinic.settings import DEMO_KEY, IDLE_LOCK_KEY
from caseplan.services.context import Actor, Context
from caseplan.services.security import access
from caseplan.services.security.consent_rules import effective_scope
from caseplan.storage import cipher, keyfile, keys, migrate
from caseplan.storage.database import Database, open_database
from caseplan.storage.files import make_private
from caseplan.storage.location import resolve
from caseplan.storage.secret import Secret

NOT_READY = tr_noop(
    "Your view of the clinic's plans is not ready yet: a colleague (practitioner, team lead "
    "or administrator) must sign in once first."
)
#: The only clinic settings a peer store carries.
SHARED_SETTINGS = (IDLE_LOCK_KEY, DEMO_KEY)

_PLANS = "plan_id IN (SELECT id FROM temp.peer_plans)"
# What the person's consent to this peer covers, per plan (temp.peer_scope, made at each
# build from the consent as it stands that day): the store holds no more than the app shows.
_WHOLE = "plan_id IN (SELECT plan_id FROM temp.peer_scope WHERE scope = 'full_plan')"
_CRISIS = (
    "plan_id IN (SELECT plan_id FROM temp.peer_scope WHERE scope IN ('full_plan', 'crisis_plan'))"
)
_ME = "(SELECT member FROM temp.peer_scope)"
_MY_PART = "(SELECT member FROM temp.peer_scope WHERE scope = 'own_part')"
_WHOLE_GOALS = f"(SELECT id FROM main.goals WHERE {_WHOLE})"
#: Every table of the schema, and which of its rows go into a peer store (tests check that
#: a new table is placed here before it can be built).
PER_PERSON: dict[str, str] = {
    "persons": "id IN (SELECT id FROM temp.peer_people)",
    "plans": "id IN (SELECT id FROM temp.peer_plans)",
    "participants": f"{_PLANS} AND ({_WHOLE} OR id IN {_ME} OR role = 'person' OR id IN "
    "(SELECT coordinator_id FROM main.plans WHERE id IN (SELECT plan_id FROM temp.peer_scope)))",
    "goals": f"{_PLANS} AND ({_WHOLE} OR id IN "
    f"(SELECT goal_id FROM main.steps WHERE responsible_id IN {_MY_PART}))",
    "steps": f"goal_id IN (SELECT id FROM main.goals WHERE {_PLANS}) AND "
    f"(goal_id IN {_WHOLE_GOALS} OR responsible_id IN {_MY_PART})",
    "peer_contributions": f"{_PLANS} AND ({_WHOLE} OR peer_id IN {_ME})",
    "meetings": _WHOLE,
    "meeting_attendees": f"meeting_id IN (SELECT id FROM main.meetings WHERE {_WHOLE})",
    "reviews": _WHOLE,
    "review_ratings": f"review_id IN (SELECT id FROM main.reviews WHERE {_WHOLE})",
    "review_goals": f"review_id IN (SELECT id FROM main.reviews WHERE {_WHOLE})",
    "review_attendees": f"review_id IN (SELECT id FROM main.reviews WHERE {_WHOLE})",
    "crisis_plans": _CRISIS,
    "crisis_contacts": f"crisis_plan_id IN (SELECT id FROM main.crisis_plans WHERE {_CRISIS})",
    "plan_versions": _WHOLE,
}
#: A person's own words and details that only a consent to the whole plan lets a peer see.
WHOLE_PLAN_ONLY = {
    "what_matters": "''",
    "strengths": "''",
    "what_helps": "''",
    "what_does_not_help": "''",
    "how_i_want_to_be_met": "''",
    "address": "''",
    "date_of_birth": "NULL",
}
_SEES_WHOLE = (
    "id IN (SELECT person_id FROM main.plans WHERE id IN "
    "(SELECT plan_id FROM temp.peer_scope WHERE scope = 'full_plan'))"
)
OWN_ACCOUNT = "accounts"
SETTINGS = "settings"
LEFT_OUT = frozenset({"audit_events"})
#: Columns never copied: a peer never reads a worker's note or another account's data.
BLANKED = {"worker_note": "''"}
ACCOUNT_COLUMNS = {"password_hash": "NULL", "failed_sign_ins": "0", "last_failed_at": "NULL"}


def store_folder(database: Path) -> Path:
    return database.with_name(database.name + ".peers")


def store_path(database: Path, store: str) -> Path:
    return store_folder(database) / f"{store}.db"


def clinic_database_of(store: Path) -> Path:
    """The clinic's database a peer store belongs to (the store lies in ``<database>.peers``)."""
    folder = store.parent
    return folder.with_name(folder.name.removesuffix(".peers"))


def new_store_id() -> str:
    return secrets.token_hex(8)


def open_store(database: Path, store: str, secret: Secret) -> Database:
    """A peer worker's own store, opened with their key (for their sign-in)."""
    path = store_path(database, store)
    if not path.exists() or path.stat().st_size == 0:
        raise StorageError(NOT_READY)
    try:
        return open_database(resolve(str(path)), key=secret, create=False)
    except StorageError as error:
        if error.template == cipher.WRONG_KEY:
            raise StorageError(NOT_READY) from error
        raise


@dataclass(frozen=True)
class Peer:
    """A peer worker with a store: their account and their entry in the key file."""

    account_id: Any
    username: str
    store: str


def peers_with_stores(clinic_db: Database, current: keys.KeyFile) -> list[Peer]:
    """Peer workers of this clinic who have a store (staff only: names need the database)."""
    with clinic_db.sessions() as session:
        rows = session.execute(
            select(Account.id, Account.username).where(Account.role == Role.PEER_WORKER)
        ).all()
    found = []
    for account_id, username in rows:
        entry = current.entries.get(current.label(username))
        if entry is not None and entry.store is not None:
            found.append(Peer(account_id, username, entry.store))
    return found


def _select(table_name: str, peer: Peer) -> tuple[str, list[Any]]:
    table = Base.metadata.tables[table_name]
    columns, exprs, params = [], [], []
    for column in table.columns:
        columns.append(column.name)
        if column.name in BLANKED:
            exprs.append(BLANKED[column.name])
        elif table_name == OWN_ACCOUNT and column.name in ACCOUNT_COLUMNS:
            exprs.append(ACCOUNT_COLUMNS[column.name])
        elif table_name == "persons" and column.name in WHOLE_PLAN_ONLY:
            blank = WHOLE_PLAN_ONLY[column.name]
            exprs.append(f"CASE WHEN {_SEES_WHOLE} THEN {column.name} ELSE {blank} END")
        elif table_name == "participants" and column.name == "account_id":
            exprs.append("CASE WHEN account_id = ? THEN account_id END")
            params.append(peer.account_id.hex)
        else:
            exprs.append(column.name)
    if table_name in PER_PERSON:
        where = PER_PERSON[table_name]
    elif table_name == OWN_ACCOUNT:
        where = "id = ?"
        params.append(peer.account_id.hex)
    elif table_name == SETTINGS:
        where = "key IN (" + ", ".join("?" for _ in SHARED_SETTINGS) + ")"
        params.extend(SHARED_SETTINGS)
    else:  # pragma: no cover - guarded by a test over every table
        raise AssertionError(f"the table {table_name} has no place in a peer store")
    sql = (
        f"INSERT INTO peer.{table_name} ({', '.join(columns)}) "
        f"SELECT {', '.join(exprs)} FROM main.{table_name} WHERE {where}"
    )
    return sql, params


_JOURNAL = """
CREATE TABLE IF NOT EXISTS peer.peer_journal (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    entity TEXT NOT NULL, row_id TEXT NOT NULL, field TEXT NOT NULL, old TEXT, new TEXT)
"""
_LOG = "INSERT INTO peer_journal (entity, row_id, field, old, new) VALUES"


def _on_change(table: str, entity: str, column: str) -> str:
    return (
        f"AFTER UPDATE OF {column} ON {table} WHEN OLD.{column} IS NOT NEW.{column} "
        f"BEGIN {_LOG} ('{entity}', NEW.id, '{column}', OLD.{column}, NEW.{column}); END"
    )


#: What a peer may write, noted in the store's journal for the next merge.
_TRIGGERS = {
    "peer_journal_contribution_added": "AFTER INSERT ON peer_contributions "
    f"BEGIN {_LOG} ('contribution', NEW.id, 'added', NULL, NULL); END",
    "peer_journal_contribution_note": _on_change("peer_contributions", "contribution", "note"),
    "peer_journal_step_action": _on_change("steps", "step", "action"),
    "peer_journal_step_status": _on_change("steps", "step", "status"),
}


@contextmanager
def _attached(clinic_db: Database, path: Path, key: bytes) -> Iterator[Connection]:
    """One connection to the clinic database with the store attached as ``peer``."""
    with clinic_db.engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA query_only = OFF")
        raw.execute(f"ATTACH DATABASE ? AS peer KEY \"x'{key.hex()}'\"", (str(path),))
        try:
            yield connection
        finally:
            if connection.in_transaction():
                connection.rollback()
            raw.execute("DETACH DATABASE peer")


def _usable(path: Path, key: bytes) -> bool:
    """Whether the store opens with ``key`` and has this program's schema."""
    try:
        connection = cipher.connect_for_reading(path, key)
    except StorageError:
        return False
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except cipher.cipher_module().DatabaseError:
        return False
    finally:
        connection.close()
    return row is not None and row[0] == migrate.head_revision()


def _ensure_store(path: Path, key: bytes) -> None:
    """Make (or bring up to date) the store's schema; one under another key is made anew."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and _usable(path, key):
        return
    try:
        open_database(resolve(str(path)), key=Secret(key)).close()
    except StorageError as error:
        if error.template != cipher.WRONG_KEY:
            raise
        cipher.remove_database_files(path)
        open_database(resolve(str(path)), key=Secret(key)).close()
    make_private(path)


def rekey_stores(
    database: Path, current: keys.KeyFile, old_key: bytes, new_key: bytes, new_epoch: int
) -> None:
    """After the clinic key changed: every store re-encrypted with its new key (fast), so
    no store has to be made anew. A store this cannot re-key is made anew at its rebuild."""
    for entry in current.entries.values():
        if entry.store is None:
            continue
        path = store_path(database, entry.store)
        old = keys.peer_key(old_key, entry.store, current.epoch)
        if path.exists() and cipher.opens_with(path, old):
            cipher.rekey(path, old, keys.peer_key(new_key, entry.store, new_epoch))


def rebuild(
    clinic_db: Database, secret: Secret, current: keys.KeyFile, peer: Peer, today: date
) -> None:
    """Merge what the peer wrote, then rewrite their store from the clinic database."""
    assert clinic_db.location.path is not None
    path = store_path(clinic_db.location.path, peer.store)
    key = keys.peer_key(secret.reveal(), peer.store, current.epoch)
    _ensure_store(path, key)
    actor = Actor(account_id=peer.account_id, username=peer.username, role=Role.PEER_WORKER)
    with _attached(clinic_db, path, key) as connection, connection.begin():
        connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        sessions = sessionmaker(
            bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False
        )
        peer_merge.merge(sessions, actor, peer.store)
        _fill(connection, sessions, actor, peer, today, current.epoch)


def _fill(
    connection: Connection, sessions: Any, actor: Actor, peer: Peer, today: date, epoch: int
) -> None:
    ctx = Context(sessions, actor=actor, today=lambda: today)
    with sessions() as session:
        people = [row.hex for row in session.scalars(access.visible_people(ctx, select(Person.id)))]
    run = connection.exec_driver_sql
    run("DROP TABLE IF EXISTS temp.peer_people")
    run("DROP TABLE IF EXISTS temp.peer_plans")
    run("CREATE TEMP TABLE peer_people (id CHAR(32) PRIMARY KEY)")
    run("CREATE TEMP TABLE peer_plans (id CHAR(32) PRIMARY KEY)")
    if people:
        run("INSERT INTO temp.peer_people (id) VALUES (?)", [(pid,) for pid in people])
    run(
        "INSERT INTO temp.peer_plans SELECT id FROM main.plans "
        "WHERE person_id IN (SELECT id FROM temp.peer_people)"
    )
    run("DROP TABLE IF EXISTS temp.peer_scope")
    run("CREATE TEMP TABLE peer_scope (plan_id CHAR(32) PRIMARY KEY, member CHAR(32), scope TEXT)")
    with sessions() as session:
        mine = session.scalars(
            select(Participant).where(
                Participant.account_id == peer.account_id,
                Participant.plan_id.in_(
                    select(Plan.id).where(
                        Plan.person_id.in_(
                            access.visible_people(ctx, select(Person.id)).scalar_subquery()
                        )
                    )
                ),
            )
        ).all()
        scopes = [(m.plan_id.hex, m.id.hex, str(effective_scope(m, today))) for m in mine]
    if scopes:
        run("INSERT OR REPLACE INTO temp.peer_scope VALUES (?, ?, ?)", scopes)
    for name in _TRIGGERS:
        run(f"DROP TRIGGER IF EXISTS peer.{name}")
    run(_JOURNAL)
    for table in reversed(Base.metadata.sorted_tables):
        run(f"DELETE FROM peer.{table.name}")
    run("DELETE FROM peer.peer_journal")
    for table in Base.metadata.sorted_tables:
        if table.name in LEFT_OUT:
            continue
        sql, params = _select(table.name, peer)
        run(sql, tuple(params))
    build = json.dumps({"build": secrets.token_hex(8), "day": today.isoformat(), "epoch": epoch})
    run("INSERT INTO peer.settings (key, value) VALUES (?, ?)", (BUILD_KEY, build))
    for name, body in _TRIGGERS.items():
        run(f"CREATE TRIGGER peer.{name} {body}")
    run("DROP TABLE temp.peer_people")
    run("DROP TABLE temp.peer_plans")


def build_info(store_db: Database) -> dict[str, Any]:
    with store_db.sessions() as session:
        setting = session.get(Setting, BUILD_KEY)
    try:
        return dict(json.loads(setting.value)) if setting is not None else {}
    except ValueError:
        return {}


def sync(clinic_db: Database, secret: Secret, today: date, *, force: bool = False) -> int:
    """After a staff sign-in, or when a session that changed data closes: every store merged
    and rebuilt (``force``), or those not built today; stores of former peers removed.
    Returns how many stores were rebuilt."""
    path = clinic_db.location.path
    if path is None:
        return 0
    current = keyfile.load(keys.keys_path(path))
    peers = peers_with_stores(clinic_db, current)
    rebuilt = 0
    for peer in peers:
        if force or _stale(clinic_db, secret, current, peer, today):
            rebuild(clinic_db, secret, current, peer, today)
            rebuilt += 1
    kept = {store_path(path, peer.store).name for peer in peers}
    folder = store_folder(path)
    if folder.is_dir():
        for orphan in folder.glob("*.db"):
            if orphan.name not in kept:
                cipher.remove_database_files(orphan)
    return rebuilt


def _stale(
    clinic_db: Database, secret: Secret, current: keys.KeyFile, peer: Peer, today: date
) -> bool:
    assert clinic_db.location.path is not None
    path = store_path(clinic_db.location.path, peer.store)
    if not path.exists():
        return True
    key = keys.peer_key(secret.reveal(), peer.store, current.epoch)
    try:
        with _attached(clinic_db, path, key) as connection:
            raw = connection.connection.driver_connection
            assert raw is not None
            row = raw.execute(
                "SELECT value FROM peer.settings WHERE key = ?", (BUILD_KEY,)
            ).fetchone()
            pending = raw.execute("SELECT count(*) FROM peer.peer_journal").fetchone()[0]
            audited = raw.execute("SELECT count(*) FROM peer.audit_events").fetchone()[0]
    except cipher.cipher_module().DatabaseError:
        return True
    try:
        info = json.loads(row[0]) if row else {}
    except ValueError:
        return True
    return bool(pending or audited) or info.get("day") != today.isoformat()
