"""An open clinic: a database signed in to, with the key held where a lock can forget it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import event

from caseplan.errors import CaseplanError, StorageError, tr_noop
from caseplan.models import AuditEvent
from caseplan.services.clinic import anchors, peer_store
from caseplan.services.context import SYSTEM, Actor, Context
from caseplan.services.security.access import Action, Rule, rule_for
from caseplan.storage import cipher, keys, server_logins
from caseplan.storage.database import Database, open_database
from caseplan.storage.location import Location, resolve
from caseplan.storage.secret import Secret

NOT_THIS_CLINIC = tr_noop(
    "The database at {path} is not the one this key file belongs to (or it was replaced), so "
    "it was not opened and was left as it is; restore the database from a backup."
)


@dataclass
class OpenClinic:
    """A clinic's database, open and signed in: what the app and the CLI work with.

    For a peer worker ``database`` is their own peer store (``peer_store`` is its id).
    """

    database: Database
    ctx: Context
    secret: Secret | None = field(default=None, repr=False)
    peer_store: str | None = None
    #: Set when this session changed people's data (peer stores are then rebuilt on close).
    changed: bool = False
    closed: bool = False
    #: A recovery key made while signing in (a key file brought up to date): show it once.
    new_recovery_key: str = field(default="", repr=False)
    #: Signed in to a server as the account's own login role (its password is in the URL).
    server_login: bool = False

    @property
    def actor(self) -> Actor:
        return self.ctx.actor

    @property
    def location(self) -> Location:
        """Where the clinic's database is, to show: for a peer worker too, never the file of
        their own store (its name says whose it is)."""
        here = self.database.location
        if self.peer_store is None or here.path is None:
            return here
        return resolve(str(peer_store.clinic_database_of(here.path)))

    @property
    def key_path(self) -> Path | None:
        path = self.database.location.path
        return None if path is None or self.peer_store is not None else keys.keys_path(path)

    @property
    def holds_clinic_key(self) -> bool:
        """Staff on an embedded database: may build peer stores, rotate, back up."""
        return self.key_path is not None and self.secret is not None and not self.secret.forgotten

    def anchor(self) -> None:
        """Record the audit trail's head in the key file (staff on an embedded database), or,
        on a server, on this computer (accounts that may read the trail, so it is compared
        with the head recorded before: :func:`anchors.write_server_anchor`)."""
        if self.closed:
            return
        if self.key_path is not None and self.holds_clinic_key:
            anchors.write_anchor(self.key_path, self.ctx)
        elif self.database.location.path is None and self.peer_store is None:
            actor = self.ctx.actor
            if actor.system or rule_for(actor.role, Action.VIEW_AUDIT) is Rule.ALLOW:
                anchors.write_server_anchor(self.database.location, self.ctx)

    def close(self) -> None:
        """Bring peer stores up to date if need be, then close and forget the key.

        Never fails: closing must always leave the database shut and the key gone.
        """
        if self.closed:
            return
        self.anchor()
        try:
            if self.changed and self.holds_clinic_key and self.secret is not None:
                peer_store.sync(self.database, self.secret, date.today(), force=True)
        except CaseplanError:
            pass
        finally:
            self.closed = True
            self.database.close()
            if self.secret is not None:
                self.secret.forget()
            if self.server_login:  # forget the password in the server's address too
                self.database.location = replace(
                    self.database.location,
                    url=server_logins.without_login(self.database.location.url),
                )
                self.database.engine.url = self.database.location.url


def track_changes(clinic: OpenClinic) -> OpenClinic:
    """Note when a session writes anything but audit rows (peer stores follow on close)."""

    def after_flush(session: Any, _context: Any) -> None:
        touched = (*session.new, *session.dirty, *session.deleted)
        if any(not isinstance(obj, AuditEvent) for obj in touched):
            clinic.changed = True

    event.listen(clinic.database.sessions, "after_flush", after_flush)
    return clinic


def open_with_key(location: Location, secret: Secret) -> OpenClinic:
    """The clinic database opened with its key, as the system (sign-in follows)."""
    assert location.path is not None
    try:
        database = open_database(location, key=secret, create=False)
    except StorageError as error:
        secret.forget()
        if error.template == cipher.WRONG_KEY:
            raise StorageError(NOT_THIS_CLINIC, path=str(location.path)) from error
        raise
    return track_changes(OpenClinic(database, Context(database.sessions, actor=SYSTEM), secret))
