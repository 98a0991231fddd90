"""What every use case is handed: where to open sessions, who is acting, and what day it is."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.exc import DataError, DBAPIError, IntegrityError
from sqlalchemy.orm import Session, SessionTransaction, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from caseplan.errors import (
    AccessDenied,
    CaseplanError,
    Conflict,
    InvalidInput,
    StorageError,
    tr_noop,
)
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

#: Writes a refusal to the audit trail in a transaction of its own (set by the audit module,
#: which sits above this one).
RefusalRecorder = Callable[["Context", AccessDenied], None]
_recorders: list[RefusalRecorder] = []
#: How many transactions this thread has open (a refusal is written once none is, so it
#: never waits for this thread's own write lock, and is never rolled back with the work).
_writing = threading.local()


def on_refusal(recorder: RefusalRecorder) -> None:
    """Have ``recorder`` write every refusal (once; see :meth:`Context.refused`)."""
    if recorder not in _recorders:
        _recorders.append(recorder)


def _open_writes() -> int:
    return int(getattr(_writing, "count", 0))


def _waiting() -> list[tuple[Context, AccessDenied]]:
    """Refusals of this thread waiting for its write transactions to end."""
    waiting: list[tuple[Context, AccessDenied]] | None = getattr(_writing, "refusals", None)
    if waiting is None:
        waiting = _writing.refusals = []
    return waiting


def _write_waiting_refusals() -> None:
    waiting = _waiting()
    while waiting:
        ctx, refusal = waiting.pop(0)
        _write_refusal(ctx, refusal)


@contextmanager
def _open() -> Iterator[None]:
    """Count this thread's open transaction; once none is left, write the refusals kept
    waiting meanwhile (a new transaction inside an open one would wait for this thread's
    own lock, or share its connection, and on SQLite fail)."""
    _writing.count = _open_writes() + 1
    try:
        yield
    finally:
        _writing.count = _open_writes() - 1
        if _open_writes() == 0:
            _write_waiting_refusals()


def _write_refusal(ctx: Context, refusal: AccessDenied) -> None:
    for recorder in _recorders:
        with suppress(CaseplanError, DBAPIError, OSError):
            recorder(ctx, refusal)


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
            with _open():
                session, transaction = self._take_write_lock()
                with session, transaction:
                    yield session
        except AccessDenied as refusal:
            self.refused(refusal)
            raise
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
            with _open(), self.sessions() as session:
                session.connection(execution_options={READ_ONLY: True})
                yield session
        except AccessDenied as refusal:
            self.refused(refusal)
            raise
        except (DBAPIError, MemoryError) as error:
            self._raise_fault(error)
            raise

    def refused(self, refusal: AccessDenied) -> None:
        """Keep ``refusal`` in the audit trail, in a transaction of its own.

        Called where a refusal is raised (and again as it leaves each transaction, which
        changes nothing then). It is written once, as soon as this thread holds no
        transaction: the work it refused is rolled back, the refusal is not, and it never
        waits for this thread's own write lock. Writing it never hides the refusal: if the
        trail cannot be written, the refusal is raised all the same.
        """
        if refusal.recorded:
            return
        refusal.recorded = True
        if _open_writes() > 0:
            _waiting().append((self, refusal))
        else:
            _write_refusal(self, refusal)

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
