"""Every row of every table, before and after an upgrade, and what each migration may change.

The fixtures in ``fixtures/schema-NNNN`` are databases made by the code of that schema (see
``tools/make_schema_fixture.py`` and each ``fixture.json``). :func:`account_for` compares
the rows of such a database with the rows after the upgrade: each old row must still be
there with every old value unchanged, and every new column must hold what
:data:`NEW_COLUMNS` documents. New tables are listed in :data:`NEW_TABLES`.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, MetaData, create_engine, select
from sqlalchemy.pool import NullPool

from caseplan.storage.cipher import cipher_module, connect_for_reading

FIXTURES = Path(__file__).with_name("fixtures")
SCHEMAS = sorted(p.name for p in FIXTURES.iterdir() if (p / "fixture.json").exists())

Row = dict[str, Any]
Rows = dict[str, dict[tuple[Any, ...], Row]]  # table -> primary key -> row


@dataclass(frozen=True)
class Fixture:
    name: str
    folder: Path
    revision: str
    key: bytes
    rows: Mapping[str, int]
    migrations: Mapping[str, str]

    def copy_to(self, folder: Path) -> Path:
        """A copy of the database and its key file in ``folder``; returns the database."""
        folder.mkdir(parents=True, exist_ok=True)
        for name in ("caseplan.db", "caseplan.db.keys"):
            shutil.copyfile(self.folder / name, folder / name)
        return folder / "caseplan.db"


def load(name: str) -> Fixture:
    folder = FIXTURES / name
    data = json.loads((folder / "fixture.json").read_text(encoding="utf-8"))
    return Fixture(
        name=name,
        folder=folder,
        revision=data["revision"],
        key=bytes.fromhex(data["key"]),
        rows=data["rows"],
        migrations=data["migrations"],
    )


@contextmanager
def reading(path: Path, key: bytes) -> Iterator[Engine]:
    """An engine that only reads the encrypted file (no journal mode change, no writes)."""
    engine = create_engine(
        "sqlite+pysqlite://",
        creator=lambda: connect_for_reading(path, key),
        module=cipher_module(),
        poolclass=NullPool,
    )
    try:
        yield engine
    finally:
        engine.dispose()


def reflect(connection: Connection) -> MetaData:
    metadata = MetaData()
    metadata.reflect(connection)
    return metadata


def read_rows(connection: Connection, metadata: MetaData | None = None) -> Rows:
    """All rows of all tables of ``metadata`` (default: the database's own), by primary key.

    Reading a SQLite file with the tables reflected from PostgreSQL gives typed values
    (UUIDs, dates, JSON) that compare with what PostgreSQL hands back.
    """
    metadata = metadata if metadata is not None else reflect(connection)
    rows: Rows = {}
    for table in metadata.tables.values():
        key_columns = [c.name for c in table.primary_key.columns] or [c.name for c in table.c]
        found: dict[tuple[Any, ...], Row] = {}
        for record in connection.execute(select(table)).mappings():
            row = dict(record)
            found[tuple(row[c] for c in key_columns)] = row
        rows[table.name] = found
    return rows


def _peer_consent(pick: Callable[..., Any], field: str) -> Callable[[Row, Rows], Any]:
    def derive(plan: Row, before: Rows) -> Any:
        dates = [
            p[field]
            for p in before["participants"].values()
            if p["plan_id"] == plan["id"] and p["role"] == "peer" and p[field] is not None
        ]
        return pick(dates) if dates else None

    return derive


#: (table, new column) -> its value after the upgrade, from the old row and all old rows.
NEW_COLUMNS: dict[tuple[str, str], Callable[[Row, Rows], Any]] = {
    # 0003: what a peer offers, when, and how: empty, and "none" for who was there before.
    ("participants", "offers"): lambda row, before: "",
    ("participants", "availability"): lambda row, before: "",
    ("participants", "peer_engagement"): lambda row, before: "none",
    # 0003: consent to peer involvement carried over from the peers' consent to sharing.
    ("plans", "peer_consent_granted_on"): _peer_consent(min, "consent_granted_on"),
    ("plans", "peer_consent_expires_on"): _peer_consent(max, "consent_expires_on"),
    # 0007: a person's phone and consent to the plan, closing a plan, carried-over goals:
    # nothing known yet (an empty phone, no dates); a closed plan's reason is not guessed.
    ("persons", "phone"): lambda row, before: "",
    ("persons", "plan_consent_on"): lambda row, before: None,
    ("persons", "plan_consent_how"): lambda row, before: None,
    ("plans", "closed_on"): lambda row, before: None,
    ("plans", "closed_reason"): lambda row, before: None,
    ("goals", "carried_from_id"): lambda row, before: None,
    # 0008: no address known yet; an older review's due date is never guessed, and no one
    # has agreed to share the words of a review made before the choice existed.
    ("persons", "address"): lambda row, before: "",
    ("reviews", "due_on"): lambda row, before: None,
    ("reviews", "words_shared"): lambda row, before: False,
    # 0011: nothing recorded before is marked as imported (it cannot be told afterwards),
    # accepted, or verified: no dates, no names.
    ("peer_contributions", "imported_on"): lambda row, before: None,
    ("peer_contributions", "imported_by"): lambda row, before: "",
    ("peer_contributions", "accepted_on"): lambda row, before: None,
    ("peer_contributions", "accepted_by"): lambda row, before: "",
    ("plan_versions", "imported_on"): lambda row, before: None,
    ("plan_versions", "imported_by"): lambda row, before: "",
    ("participants", "peer_verified_on"): lambda row, before: None,
    ("participants", "peer_verified_by"): lambda row, before: "",
    # 0013: who acted, by full name and role; not known for the events before, and no
    # seal on them either (the keyed chain starts with the first event after the upgrade).
    ("audit_events", "actor_name"): lambda row, before: "",
    ("audit_events", "actor_role"): lambda row, before: "",
    ("audit_events", "mac"): lambda row, before: "",
}


def _rank(table: str, parent: str) -> Callable[[Row, Rows], Any]:
    """0009: positions renumbered 0, 1, 2... within each parent, in the order shown."""

    def derive(row: Row, before: Rows) -> Any:
        siblings = [r for r in before[table].values() if r[parent] == row[parent]]
        order = sorted(siblings, key=lambda r: (r["position"], str(r["id"]).replace("-", "")))
        return [r["id"] for r in order].index(row["id"])

    return derive


#: (table, old column) -> its value after the upgrade, where a migration changes it.
CHANGED_COLUMNS: dict[tuple[str, str], Callable[[Row, Rows], Any]] = {
    ("goals", "position"): _rank("goals", "plan_id"),
    ("steps", "position"): _rank("steps", "goal_id"),
}
#: Tables an upgrade creates, with the rows they start with (none).
NEW_TABLES = {"settings": 0, "audit_events": 0, "review_goals": 0, "review_attendees": 0}


@dataclass
class Accounting:
    """What :func:`account_for` found: rows per table kept, and every problem."""

    kept: dict[str, int]
    problems: list[str]

    @property
    def total(self) -> int:
        return sum(self.kept.values())


def account_for(before: Rows, after: Rows, head: str) -> Accounting:
    kept: dict[str, int] = {}
    problems: list[str] = []
    for table, old_rows in before.items():
        if table == "alembic_version":
            versions = [row["version_num"] for row in after.get(table, {}).values()]
            if versions != [head]:
                problems.append(f"alembic_version is {versions}, not [{head!r}]")
            kept[table] = len(versions)
            continue
        new_rows = after.get(table)
        if new_rows is None:
            problems.append(f"table {table} is gone")
            continue
        missing = old_rows.keys() - new_rows.keys()
        added = new_rows.keys() - old_rows.keys()
        if missing:
            problems.append(f"{table}: {len(missing)} of {len(old_rows)} rows lost")
        if added:
            problems.append(f"{table}: {len(added)} rows appeared")
        same = 0
        for key, old in old_rows.items():
            new = new_rows.get(key)
            if new is None:
                continue
            wrong = [
                c
                for c, value in old.items()
                if new.get(c, _GONE)
                != (
                    CHANGED_COLUMNS[(table, c)](old, before)
                    if (table, c) in CHANGED_COLUMNS
                    else value
                )
            ]
            for column in new.keys() - old.keys():
                rule = NEW_COLUMNS.get((table, column))
                if rule is None:
                    wrong.append(f"{column} (new, undocumented)")
                elif new[column] != rule(old, before):
                    wrong.append(f"{column} = {new[column]!r}, documented {rule(old, before)!r}")
            if wrong:
                problems.append(f"{table} {key}: {', '.join(map(str, wrong))}")
            else:
                same += 1
        kept[table] = same
    for table, new_rows in after.items():
        if table not in before:
            if table not in NEW_TABLES:
                problems.append(f"table {table} is new and undocumented")
            elif len(new_rows) != NEW_TABLES[table]:
                problems.append(f"new table {table} has {len(new_rows)} rows")
    return Accounting(kept, problems)


_GONE = object()
