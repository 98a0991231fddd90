"""Team mode: the audit trail on a PostgreSQL server is append-only for every login, and
what the server's own administrator changes behind the app is found by the check.

Each account's own login, used with plain psycopg (no Caseplan code), may insert and (a
team lead) read the trail, never change, delete or empty it; a trigger refuses that even
to the table's owner. The owner can switch the trigger off: then the seals, and the head
written down from an earlier check, find what was done.
"""

from __future__ import annotations

from collections.abc import Callable

import psycopg
import pytest
from sqlalchemy import Connection, create_engine, text

from caseplan.services.clinic import backup, unlock
from caseplan.services.people.people import list_people
from caseplan.services.security import chain
from tests.cli.test_tamper import (
    delete_middle,
    delete_newest,
    edit_middle,
    empty,
    forge,
    renumber,
    reorder,
    swap,
)
from tests.security.test_files_and_one_password import PASSWORDS
from tests.security.test_server_roles import Server, _connect, server  # noqa: F401

#: A server's own login roles: on PostgreSQL only (no SQLite half to skip).
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.parametrize("location", ["postgres"], indirect=True),
]

#: Nine of the ten cases (the tenth, an older copy of the database put in its place, is in
#: test_server_rollback.py: this computer's record of the head finds it).
CASES: dict[str, tuple[Callable[[Connection], None], str]] = {
    "newest row deleted": (delete_newest(1), "recorded"),
    "ten newest rows deleted": (delete_newest(10), "recorded event"),
    "a middle row deleted, links recomputed": (delete_middle, "does not follow the one before"),
    "a middle row edited, links recomputed": (edit_middle, "does not carry the seal"),
    "renumbered after a deletion": (renumber, "does not carry the seal"),
    "two rows reordered": (reorder, "does not carry the seal"),
    "two rows swapped": (swap, "does not carry the seal"),
    "a forged break-glass row": (forge, "does not carry the seal"),
    # (a head written down carries no time, so an emptied trail reads as one cut short)
    "the table emptied": (empty, "The audit trail ends at event 1"),
}


def _refused(connection: psycopg.Connection[object], sql: str) -> bool:
    try:
        connection.execute(sql)
    except psycopg.errors.InsufficientPrivilege:
        return True
    return False


def test_no_login_may_change_delete_or_empty_the_trail(server: Server) -> None:  # noqa: F811
    lead = unlock.sign_in(server.accounts, server.names["lars"], PASSWORDS["lars"])
    list_people(lead.ctx)
    lead.close()
    for name in ("kari", "lars", "sindre", "tone"):
        login = _connect(server, name)
        for sql in (
            "UPDATE audit_events SET detail = 'nothing to see'",
            "DELETE FROM audit_events",
            "DELETE FROM audit_events WHERE seq = (SELECT max(seq) FROM audit_events)",
            "TRUNCATE audit_events",
        ):
            assert _refused(login, sql), (name, sql)
        login.close()
    lars = _connect(server, "lars")
    assert lars.execute("SELECT count(*) FROM audit_events").fetchone()[0] > 0
    lars.close()
    # The table's owner too: the trigger refuses, whoever asks.
    owner = create_engine(server.owner.url)
    for sql in ("UPDATE audit_events SET detail = 'x'", "DELETE FROM audit_events"):
        with owner.connect() as connection, pytest.raises(Exception, match="append-only"):
            connection.execute(text(sql))
    with owner.connect() as connection, pytest.raises(Exception, match="append-only"):
        connection.execute(text("TRUNCATE audit_events"))
    owner.dispose()


def _check(server: Server, expected: list[chain.Head]) -> backup.CheckReport:  # noqa: F811
    lead = unlock.sign_in(server.accounts, server.names["lars"], PASSWORDS["lars"])
    try:
        return backup.check(lead, expected)
    finally:
        lead.close()


@pytest.mark.parametrize("case", list(CASES))
def test_what_the_owner_changes_behind_the_app_is_found(
    server: Server,  # noqa: F811
    case: str,
) -> None:
    change, sentence = CASES[case]
    for name in ("lars", "kari", "lars", "kari", "lars", "kari"):
        clinic = unlock.sign_in(server.accounts, server.names[name], PASSWORDS[name])
        list_people(clinic.ctx)
        clinic.close()
    report = _check(server, [])
    assert report.ok, report.lines
    line = next(x for x in report.lines if x.startswith("Audit trail head: "))
    written_down = chain.parse_head(line.removeprefix("Audit trail head: ").split()[0])
    assert written_down is not None and written_down.seq > 12
    owner = create_engine(server.owner.url)
    with owner.begin() as connection:
        connection.execute(text("ALTER TABLE audit_events DISABLE TRIGGER audit_append_only"))
        change(connection)
        connection.execute(text("ALTER TABLE audit_events ENABLE TRIGGER audit_append_only"))
    owner.dispose()
    report = _check(server, [written_down])
    assert not report.ok, f"{case}: {report.lines}"
    assert any(sentence in line for line in report.lines), f"{case}: {report.lines}"
