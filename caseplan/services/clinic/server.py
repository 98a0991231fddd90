"""Team mode on a PostgreSQL server: each account signs in as its own login role, and the
server's row-level security applies the role × action table (docs/security.md §8).

The database's address (``--db postgresql://host/name``) carries no user: the account's
name and password are the login. An address with a user in it is the server
administrator's own login (``caseplan init`` and upgrades), checked against the
password hashes in the database as before.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool

from caseplan.errors import AccessDenied
from caseplan.models import Role
from caseplan.services.clinic.opened import OpenClinic
from caseplan.services.context import SYSTEM, Context
from caseplan.services.security import accounts
from caseplan.services.security.sign_in import WRONG
from caseplan.storage import server_logins
from caseplan.storage.database import open_database
from caseplan.storage.keys import normalize_username
from caseplan.storage.location import Location


def is_account_login(location: Location) -> bool:
    """A server address without a user: every account signs in as itself."""
    return location.path is None and not location.url.username


def sign_in(location: Location, username: str, password: str) -> OpenClinic:
    """Log in to the server as the account's own role, then sign the account in."""
    name = normalize_username(username)
    url = server_logins.with_login(location.url, name, password)
    _check_login(url.render_as_string(hide_password=False))
    database = open_database(Location(url=url, path=None), create=False)
    try:
        actor = accounts.begin_session(Context(database.sessions, actor=SYSTEM), name)
    except BaseException:
        database.close()
        raise
    return OpenClinic(database, Context(database.sessions, actor=actor), server_login=True)


def _check_login(url: str) -> None:
    """A refused login is a wrong name or password, never a traceback."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect():
            pass
    except OperationalError as error:
        state = getattr(error.orig, "sqlstate", None)
        if state in server_logins.REFUSED_LOGIN or "authentication failed" in str(error.orig):
            raise AccessDenied(WRONG) from None
        raise
    finally:
        engine.dispose()


class ServerLogins:
    """The accounts service's ``slots`` on a server: login roles follow the accounts."""

    def __init__(self, clinic: OpenClinic) -> None:
        self.clinic = clinic

    def prepare(self) -> None:
        pass

    def grant(self, username: str, password: str, role: Role) -> Any:
        with self.clinic.database.engine.begin() as connection:
            server_logins.make_login(connection, username, password, Role(role).value)
        return None

    def change_own(self, username: str, old_password: str, new_password: str) -> Any:
        with self.clinic.database.engine.begin() as connection:
            me = connection.execute(text("SELECT session_user")).scalar_one()
            if me == normalize_username(username):
                server_logins.change_own_password(connection, new_password)
            else:  # the server administrator's own login, acting for the account
                role = connection.execute(
                    text("SELECT role FROM accounts WHERE username = :name"),
                    {"name": normalize_username(username)},
                ).scalar_one()
                server_logins.make_login(
                    connection, normalize_username(username), new_password, role
                )
        return None

    def remove(self, username: str) -> Any:
        with self.clinic.database.engine.begin() as connection:
            server_logins.end_login(connection, username)
        return None

    def restore(self, before: Any) -> None:
        """Roles are made in their own transaction; a failed account change leaves a role
        that no account uses, which the next change of that account puts right."""

    def committed(self) -> None:
        pass


def logins_of(clinic: OpenClinic) -> ServerLogins | None:
    """Login roles for the accounts, where the server database has them (migration 0006)."""
    with clinic.database.engine.connect() as connection:
        return ServerLogins(clinic) if server_logins.has_roles(connection) else None
