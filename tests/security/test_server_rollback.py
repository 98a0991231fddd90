"""Team mode: a server database put back as an older copy of itself (the tenth tamper case)
is found by `caseplan check` without a head written down by hand: the computer that worked
with it keeps the head of the trail (docs/security.md, "anchors"). Fictional people."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url

from caseplan.services.clinic import anchors, backup, unlock
from caseplan.services.people.people import list_people
from tests.security.test_files_and_one_password import PASSWORDS
from tests.security.test_server_roles import Server, server  # noqa: F401

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.parametrize("location", ["postgres"], indirect=True),
]


def _work(server: Server, *names: str) -> None:  # noqa: F811
    for name in names:
        clinic = unlock.sign_in(server.accounts, server.names[name], PASSWORDS[name])
        list_people(clinic.ctx)
        clinic.close()


def _check(server: Server) -> backup.CheckReport:  # noqa: F811
    lead = unlock.sign_in(server.accounts, server.names["lars"], PASSWORDS["lars"])
    try:
        return backup.check(lead)
    finally:
        lead.close()


@pytest.fixture
def admin(server: Server) -> Iterator[Engine]:  # noqa: F811
    url = make_url(server.owner.url.render_as_string(hide_password=False))
    engine = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    yield engine
    with engine.connect() as connection:
        for name in (f"{url.database}_older", f"{url.database}_newer"):
            connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    engine.dispose()


def _alone(connection: object, database: str) -> None:
    """No one else connected (a template and a renamed database must have no sessions)."""
    connection.execute(  # type: ignore[attr-defined]
        text(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = :name AND pid <> pg_backend_pid()"
        ),
        {"name": database},
    )


def test_a_server_database_put_back_as_an_older_copy_of_itself_is_found(
    server: Server,  # noqa: F811
    admin: Engine,
) -> None:
    database = make_url(server.owner.url.render_as_string(hide_password=False)).database
    _work(server, "lars", "kari", "lars")
    report = _check(server)
    assert report.ok, report.lines
    assert f"Audit trail: the head fits {anchors.THIS_COMPUTER}" in report.lines
    kept = anchors.server_anchor(server.accounts)
    assert kept is not None and kept.seq > 5
    record = anchors.server_record(server.accounts)
    assert record is not None and record.stat().st_mode & 0o777 == 0o600
    assert "password" not in record.read_text() and server.names["lars"] not in record.read_text()

    with admin.connect() as connection:  # the server's administrator keeps a copy
        _alone(connection, database)
        connection.execute(text(f"CREATE DATABASE {database}_older TEMPLATE {database}"))
    _work(server, "kari", "lars", "kari", "lars")  # a morning's work after the copy
    newest = anchors.server_anchor(server.accounts)
    assert newest is not None and newest.seq > kept.seq
    with admin.connect() as connection:  # ...and puts it back in place of the database
        _alone(connection, database)
        connection.execute(text(f"ALTER DATABASE {database} RENAME TO {database}_newer"))
        connection.execute(text(f"ALTER DATABASE {database}_older RENAME TO {database}"))

    report = _check(server)
    assert not report.ok, report.lines
    assert any(
        f"but {anchors.THIS_COMPUTER} recorded event {newest.seq}" in line
        and "older copy of itself" in line
        for line in report.lines
    ), report.lines
    # the head on this computer stays where it was, for the next check to say the same
    _work(server, "lars", "kari")
    assert anchors.server_anchor(server.accounts) == newest
    assert not _check(server).ok
