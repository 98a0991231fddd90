"""What every use case is handed: where to open sessions, who is acting, and what day it is."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.exc import DataError, DBAPIError, IntegrityError
from sqlalchemy.orm import Session, SessionTransaction, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from caseplan.errors import Conflict, InvalidInput, StorageError, tr_noop
from caseplan.models import Role
from caseplan.storage.cipher import READ_ONLY
from caseplan.storage.database import DAMAGE_PROBE, DATABASE_INFO
from caseplan.storage.faults import DB_DAMAGED, database_fault, is_busy

#: How often a write waits the whole busy timeout for the write lock before giving up.
WRITE_ATTEMPTS = 3


@dataclass(frozen=True)
class Actor:
    """The signed-in account a use case acts for."""

    account_id: uuid.UUID | None
    username: str
    role: Role
    #: Only the program itself acts as the system (creating a database, demo data, tests);
    #: no sign-in ever yields such an actor.
    system: bool = False


#: The program itself: setting up a new database, demo data, and tests. Passes every rule.
SYSTEM = Actor(account_id=None, username="system", role=Role.ADMIN, system=True)


@dataclass(frozen=True)
class Context:
    sessions: sessionmaker[Session]
    actor: Actor = SYSTEM
    today: Callable[[], date] = field(default=date.today)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction; a concurrent change becomes :class:`Conflict`.

        On SQLite it takes the write lock before the work starts (waiting for another
        writer up to the busy timeout, and trying again a few times, since SQLite does not
        queue waiters fairly); a full disk, a read-only file or a database still busy
        become one sentence each, and nothing of the transaction is kept.
        """
        try:
            session, transaction = self._take_write_lock()
            with session, transaction:
                yield session
        except StaleDataError as error:
            raise Conflict(
                tr_noop("Someone else changed this in the meantime; please look again.")
            ) from error
        except (IntegrityError, DataError) as error:
            raise InvalidInput(
                tr_noop("This change does not fit with what is already stored.")
            ) from error
        except (DBAPIError, MemoryError) as error:
            self._raise_fault(error)
            raise

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A transaction that only reads: on SQLite it cannot write (``query_only``)."""
        try:
            with self.sessions() as session:
                session.connection(execution_options={READ_ONLY: True})
                yield session
        except (DBAPIError, MemoryError) as error:
            self._raise_fault(error)
            raise

    def _take_write_lock(self) -> tuple[Session, SessionTransaction]:
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            session = self.sessions()
            try:
                transaction = session.begin()
                session.connection()  # SQLite: BEGIN IMMEDIATE, so busy comes before any work
            except DBAPIError as error:
                session.close()
                if attempt < WRITE_ATTEMPTS and is_busy(error):
                    continue
                raise
            return session, transaction
        raise AssertionError("unreachable")

    def _raise_fault(self, error: BaseException) -> None:
        """Raise the sentence for a full disk, a read-only or damaged file, a busy database.

        SQLCipher reports a damaged page as an odd error ("SQL logic error", then "out of
        memory"); for those the file itself is checked before the error is named.
        """
        info = self.sessions.kw.get("info", {})
        where = info.get(DATABASE_INFO)
        fault = database_fault(error, where)
        probe = info.get(DAMAGE_PROBE)
        if fault is None and probe is not None and probe():
            fault = StorageError(DB_DAMAGED, path=where)
        if fault is not None:
            raise fault from error


def check_version(kind: str, current: int, expected: int | None) -> None:
    """Refuse a change made on top of an older read (``expected`` None skips the check)."""
    if expected is not None and current != expected:
        raise Conflict(
            tr_noop("Someone else changed this {kind} in the meantime; please look again."),
            kind=kind,
        )
