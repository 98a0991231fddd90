"""What every use case is handed: where to open sessions, who is acting, and what day it is."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from caseplan.errors import Conflict, InvalidInput, tr_noop
from caseplan.models import Role


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
        """One transaction; a concurrent change becomes :class:`Conflict`."""
        try:
            with self.sessions.begin() as session:
                yield session
        except StaleDataError as error:
            raise Conflict(
                tr_noop("Someone else changed this in the meantime; please look again.")
            ) from error
        except (IntegrityError, DataError) as error:
            raise InvalidInput(
                tr_noop("This change does not fit with what is already stored.")
            ) from error

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self.sessions() as session:
            yield session


def check_version(kind: str, current: int, expected: int | None) -> None:
    """Refuse a change made on top of an older read (``expected`` None skips the check)."""
    if expected is not None and current != expected:
        raise Conflict(
            tr_noop("Someone else changed this {kind} in the meantime; please look again."),
            kind=kind,
        )
