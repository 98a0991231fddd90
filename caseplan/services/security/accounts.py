"""Accounts: creating them, changing passwords, switching them off (signing in: sign_in.py).

Passwords are stored as Argon2id hashes (argon2-cffi's :class:`PasswordHasher`), at least
12 characters and not common (zxcvbn). When a :class:`SlotKeeper` is given (normally
:class:`caseplan.services.clinic.clinic_keys.ClinicKeys`), the key file follows the
accounts: a new account gets a key pair and a grant, a reset password a new key pair, a
switched-off or removed account loses its entry, and a rotation follows (docs/security.md
§5). The key file is written just before the transaction commits and put back if the
commit fails.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from argon2 import PasswordHasher
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from zxcvbn import zxcvbn

from caseplan.errors import AccessDenied, AlreadyExists, InvalidInput, NotFound, tr_noop
from caseplan.models import Account, Role
from caseplan.services.context import Context
from caseplan.services.security import access, audit
from caseplan.services.security.sign_in import FREE_TRIES as FREE_TRIES
from caseplan.services.security.sign_in import WRONG, verify_password
from caseplan.services.security.sign_in import TooManyTries as TooManyTries
from caseplan.services.security.sign_in import begin_session as begin_session
from caseplan.services.security.sign_in import find as _find
from caseplan.services.security.sign_in import sign_in as sign_in
from caseplan.services.security.sign_in import typed_name as typed_name
from caseplan.services.security.sign_in import wait_after as wait_after
from caseplan.storage import costs
from caseplan.storage.keys import normalize_username

MIN_PASSWORD_LENGTH = 12
#: zxcvbn's score from 0 to 4; 3 means "about 10⁸ guesses or more" (no common password,
#: word, name or keyboard pattern with a digit or two added).
MIN_PASSWORD_SCORE = 3
#: Words anyone would try first against this program's databases.
_PROGRAM_WORDS = ("caseplan", "clinic", "klinikk", "passord", "password", "demo")
_USERNAME = re.compile(r"[^\W_][\w.\-]{0,63}")

#: The real hasher (new hashes follow :func:`caseplan.storage.costs.in_use`).
DEFAULT_HASHER = costs.REAL.hasher
Clock = Callable[[], datetime]


def _utcnow() -> datetime:
    return datetime.now(UTC)


class SlotKeeper(Protocol):
    """What accounts need from the key file (``services.clinic.clinic_keys.ClinicKeys``).

    Each change returns something :meth:`restore` puts back if the transaction fails;
    :meth:`prepare` runs before a change that takes keys away, :meth:`committed` after
    the commit (a rotation follows when an entry was removed or replaced).
    """

    def prepare(self) -> None: ...

    def grant(self, username: str, password: str, role: Role) -> Any: ...

    def change_own(self, username: str, old_password: str, new_password: str) -> Any: ...

    def remove(self, username: str) -> Any: ...

    def restore(self, before: Any) -> None: ...

    def committed(self) -> None: ...


@dataclass(frozen=True)
class AccountInfo:
    id: uuid.UUID
    version: int
    username: str
    display_name: str
    email: str
    role: Role
    active: bool
    failed_sign_ins: int


def _info(account: Account) -> AccountInfo:
    return AccountInfo(
        id=account.id,
        version=account.version,
        username=account.username,
        display_name=account.display_name,
        email=account.email,
        role=Role(account.role),
        active=account.active,
        failed_sign_ins=account.failed_sign_ins,
    )


def clean_username(username: str) -> str:
    name = normalize_username(username)
    if not _USERNAME.fullmatch(name):
        raise InvalidInput(
            tr_noop(
                "A user name is 1 to 64 letters or digits (dots, dashes and underscores "
                "allowed inside), with no spaces."
            )
        )
    return name


def check_new_account(username: str, display_name: str, password: str, allow_weak: bool) -> None:
    """Everything :func:`create_account` checks before it writes anything."""
    clean_username(username)
    check_password(password, allow_weak, about=(username, display_name))
    if not display_name.strip():
        raise InvalidInput(tr_noop("Please write the account holder's name."))


def check_password(password: str, allow_weak: bool = False, *, about: Iterable[str] = ()) -> None:
    """Refuse a password too weak to protect people's data (``allow_weak``: the demo only).

    At least :data:`MIN_PASSWORD_LENGTH` characters, and not common: zxcvbn (its lists of
    common passwords, words, names and keyboard patterns) must score it at least
    :data:`MIN_PASSWORD_SCORE`, counting ``about`` (the user name, the holder's name) and
    the program's own words as the first things an attacker tries.
    """
    if not password:
        raise InvalidInput(tr_noop("Please choose a password."))
    if allow_weak:
        return
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(
            tr_noop("A password needs at least {count} characters."), count=MIN_PASSWORD_LENGTH
        )
    if password_score(password, about) < MIN_PASSWORD_SCORE:
        raise InvalidInput(
            tr_noop(
                "This password is too common or too easy to guess; please choose another, "
                "for example three or four words that do not belong together."
            )
        )


def password_score(password: str, about: Iterable[str] = ()) -> int:
    """zxcvbn's estimate from 0 (guessed at once) to 4 (very hard to guess)."""
    words = [word for text in about for word in text.split() if word]
    # zxcvbn spends time on every character; a longer password is long enough anyway.
    result = zxcvbn(password[:100], user_inputs=[*words, *_PROGRAM_WORDS])
    return int(result["score"])


@contextmanager
def _with_slots(ctx: Context, slots: SlotKeeper | None) -> Iterator[tuple[Session, list[Any]]]:
    """A write transaction; key-file changes made inside are undone if the commit fails,
    and followed by :meth:`SlotKeeper.committed` (a rotation, peer stores) if it succeeds."""
    undo: list[Any] = []
    try:
        with ctx.write() as session:
            yield session, undo
    except BaseException:
        if slots is not None and undo:
            slots.restore(undo[0])
        raise
    if slots is not None and undo:
        slots.committed()


def _load(session: Session, username: str) -> Account:
    account = _find(session, username)
    if account is None:
        raise NotFound(tr_noop("There is no account called {name}."), name=username)
    return account


def create_account(
    ctx: Context,
    username: str,
    display_name: str,
    role: Role,
    password: str,
    *,
    email: str = "",
    slots: SlotKeeper | None = None,
    allow_weak: bool = False,
    hasher: PasswordHasher | None = None,
) -> AccountInfo:
    """Add an account (an administrator's task). ``allow_weak`` is for the demo only."""
    hasher = hasher or costs.in_use().hasher
    access.require(ctx, access.Action.MANAGE_ACCOUNTS)
    name = clean_username(username)
    check_password(password, allow_weak, about=(name, display_name))
    if not display_name.strip():
        raise InvalidInput(tr_noop("Please write the account holder's name."))
    with _with_slots(ctx, slots) as (session, undo):
        if _find(session, name) is not None:
            raise AlreadyExists(tr_noop("There is already an account called {name}."), name=name)
        account = Account(
            username=name,
            display_name=display_name.strip(),
            email=email,
            role=Role(role),
            password_hash=hasher.hash(password),
        )
        session.add(account)
        session.flush()
        audit.record(
            session,
            ctx.actor,
            audit.Action.ACCOUNT_CREATED,
            "account",
            str(account.id),
            f"role: {account.role.value}",
        )
        if slots is not None:
            undo.append(slots.grant(name, password, Role(role)))
        info = _info(account)
    return info


def change_password(
    ctx: Context,
    username: str,
    old_password: str,
    new_password: str,
    *,
    slots: SlotKeeper | None = None,
    hasher: PasswordHasher | None = None,
) -> None:
    """Change one's own password (the old one must be right); rewraps the key slot."""
    hasher = hasher or costs.in_use().hasher
    name = normalize_username(username)
    check_password(new_password, allow_weak=False, about=(name,))
    with _with_slots(ctx, slots) as (session, undo):
        account = _find(session, name)
        if account is None or account.password_hash is None:
            raise AccessDenied(WRONG)
        if not verify_password(hasher, account.password_hash, old_password):
            raise AccessDenied(WRONG)
        account.password_hash = hasher.hash(new_password)
        audit.record(session, ctx.actor, audit.Action.PASSWORD_CHANGED, "account", str(account.id))
        if slots is not None:
            undo.append(slots.change_own(name, old_password, new_password))


def reset_password(
    ctx: Context,
    username: str,
    new_password: str,
    *,
    slots: SlotKeeper | None = None,
    hasher: PasswordHasher | None = None,
) -> None:
    """An administrator sets a new password (and switches the account on again)."""
    hasher = hasher or costs.in_use().hasher
    access.require(ctx, access.Action.MANAGE_ACCOUNTS)
    check_password(new_password, allow_weak=False, about=(normalize_username(username),))
    if slots is not None:
        slots.prepare()
    with _with_slots(ctx, slots) as (session, undo):
        account = _load(session, username)
        account.password_hash = hasher.hash(new_password)
        account.active = True
        account.failed_sign_ins = 0
        account.last_failed_at = None
        audit.record(session, ctx.actor, audit.Action.PASSWORD_RESET, "account", str(account.id))
        if slots is not None:
            undo.append(slots.grant(account.username, new_password, Role(account.role)))


def _keep_an_admin(session: Session, account: Account) -> None:
    if account.role != Role.ADMIN or not account.active:
        return
    others = session.execute(
        select(func.count())
        .select_from(Account)
        .where(Account.role == Role.ADMIN, Account.active.is_(True), Account.id != account.id)
    ).scalar_one()
    if not others:
        raise InvalidInput(tr_noop("There must always be at least one active administrator."))


def deactivate_account(ctx: Context, username: str, *, slots: SlotKeeper | None = None) -> None:
    """Switch an account off; its password no longer unlocks the database either."""
    access.require(ctx, access.Action.MANAGE_ACCOUNTS)
    if slots is not None:
        slots.prepare()
    with _with_slots(ctx, slots) as (session, undo):
        account = _load(session, username)
        _keep_an_admin(session, account)
        account.active = False
        audit.record(
            session, ctx.actor, audit.Action.ACCOUNT_DEACTIVATED, "account", str(account.id)
        )
        if slots is not None:
            undo.append(slots.remove(account.username))


def remove_account(ctx: Context, username: str, *, slots: SlotKeeper | None = None) -> None:
    """Delete an account and its key slot; the audit trail keeps its user name."""
    access.require(ctx, access.Action.MANAGE_ACCOUNTS)
    if slots is not None:
        slots.prepare()
    with _with_slots(ctx, slots) as (session, undo):
        account = _load(session, username)
        _keep_an_admin(session, account)
        audit.record(session, ctx.actor, audit.Action.ACCOUNT_REMOVED, "account", str(account.id))
        session.delete(account)
        session.flush()
        if slots is not None:
            undo.append(slots.remove(account.username))


def list_accounts(ctx: Context) -> list[AccountInfo]:
    access.require(ctx, access.Action.MANAGE_ACCOUNTS)
    with ctx.read() as session:
        rows = session.execute(select(Account).order_by(Account.username)).scalars()
        return [_info(a) for a in rows]


def count_accounts(ctx: Context) -> int:
    """How many accounts exist (``caseplan init`` and the first start need no sign-in)."""
    with ctx.read() as session:
        return int(session.execute(select(func.count()).select_from(Account)).scalar_one())
