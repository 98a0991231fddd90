"""Accounts: creating them, signing in, changing passwords, switching them off.

Passwords are stored as Argon2id hashes (argon2-cffi's :class:`PasswordHasher`). After
:data:`FREE_TRIES` wrong passwords in a row, each further try must wait (the wait grows
with every failure); the wait is reported in :class:`TooManyTries`, never slept here.

When a :class:`SlotKeeper` is given (normally :class:`caseplan.storage.keys.KeySlots`),
the key file follows the accounts: a new account or password gets a key slot, a switched
off or removed account loses it. The key file is written just before the transaction
commits and put back if the commit fails.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from zxcvbn import zxcvbn

from caseplan.errors import AccessDenied, AlreadyExists, InvalidInput, NotFound, tr_noop
from caseplan.models import Account, Role, Setting
from caseplan.services.context import Actor, Context
from caseplan.services.security import access, audit
from caseplan.storage import costs
from caseplan.storage.keys import normalize_username

FREE_TRIES = 5
FIRST_WAIT_SECONDS = 30
MAX_WAIT_SECONDS = 15 * 60
MIN_PASSWORD_LENGTH = 12
#: zxcvbn's score from 0 to 4; 3 means "about 10⁸ guesses or more" (no common password,
#: word, name or keyboard pattern with a digit or two added).
MIN_PASSWORD_SCORE = 3
#: Words anyone would try first against this program's databases.
_PROGRAM_WORDS = ("caseplan", "clinic", "klinikk", "passord", "password", "demo")
WRONG = tr_noop("The user name or password is wrong.")
_USERNAME = re.compile(r"[^\W_][\w.\-]{0,63}")

#: The real hasher (new hashes follow :func:`caseplan.storage.costs.in_use`).
DEFAULT_HASHER = costs.REAL.hasher
Clock = Callable[[], datetime]


def _utcnow() -> datetime:
    return datetime.now(UTC)


class TooManyTries(AccessDenied):
    """Too many wrong passwords in a row: ``wait_seconds`` must pass before the next try."""

    def __init__(self, wait_seconds: int) -> None:
        super().__init__(
            tr_noop("Too many wrong passwords: please wait {seconds} seconds and try again."),
            seconds=wait_seconds,
        )
        self.wait_seconds = wait_seconds


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


def wait_after(failures: int) -> int:
    """Seconds to wait before the next try after ``failures`` wrong passwords in a row."""
    if failures < FREE_TRIES:
        return 0
    return int(min(FIRST_WAIT_SECONDS * 2 ** (failures - FREE_TRIES), MAX_WAIT_SECONDS))


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


def _find(session: Session, username: str) -> Account | None:
    name = normalize_username(username)
    return session.execute(select(Account).where(Account.username == name)).scalar_one_or_none()


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


def sign_in(
    ctx: Context,
    username: str,
    password: str,
    *,
    clock: Clock = _utcnow,
    hasher: PasswordHasher | None = None,
) -> Actor:
    """The account as an :class:`Actor`, or :class:`AccessDenied` (audited either way)."""
    hasher = hasher or costs.in_use().hasher
    typed = normalize_username(username)
    name = audit.safe_label(typed)
    now = clock()
    outcome: AccessDenied | None = None
    with ctx.write() as session:
        account = _find(session, typed) if _USERNAME.fullmatch(typed) else None
        if account is None or account.password_hash is None:
            _burn(hasher, password)
            shown = name if account is not None else typed_name(session, typed)
            audit.record(session, shown, audit.Action.SIGN_IN_FAILED, "account", "", "")
            outcome = AccessDenied(WRONG)
        else:
            wait = _remaining_wait(account, now)
            if wait > 0:
                audit.record(
                    session,
                    name,
                    audit.Action.SIGN_IN_THROTTLED,
                    "account",
                    str(account.id),
                    f"wait: {wait} s",
                )
                outcome = TooManyTries(wait)
            elif not _verify(hasher, account.password_hash, password):
                account.failed_sign_ins += 1
                account.last_failed_at = now
                audit.record(
                    session,
                    name,
                    audit.Action.SIGN_IN_FAILED,
                    "account",
                    str(account.id),
                    f"failures in a row: {account.failed_sign_ins}",
                )
                outcome = AccessDenied(WRONG)
            elif not account.active:
                audit.record(
                    session,
                    name,
                    audit.Action.SIGN_IN_FAILED,
                    "account",
                    str(account.id),
                    "account switched off",
                )
                outcome = AccessDenied(
                    tr_noop("This account is switched off; please ask an administrator.")
                )
            else:
                if account.failed_sign_ins:
                    account.failed_sign_ins = 0
                    account.last_failed_at = None
                if hasher.check_needs_rehash(account.password_hash):
                    account.password_hash = hasher.hash(password)
                audit.record(session, name, audit.Action.SIGN_IN, "account", str(account.id))
                actor = Actor(account_id=account.id, username=name, role=Role(account.role))
    if outcome is not None:
        raise outcome
    return actor


def begin_session(ctx: Context, username: str) -> Actor:
    """Sign in an account whose password the key file has just proved; audited.

    (On an embedded database the key file is what checks the password: see
    :func:`caseplan.services.clinic.unlock.sign_in`.)
    """
    name = normalize_username(username)
    with ctx.write() as session:
        account = _find(session, name) if _USERNAME.fullmatch(name) else None
        if account is not None and account.active:
            audit.record(
                session, account.username, audit.Action.SIGN_IN, "account", str(account.id)
            )
            return Actor(account_id=account.id, username=account.username, role=Role(account.role))
        detail = "account switched off" if account is not None else "no such account here"
        audit.record(
            session,
            account.username if account is not None else typed_name(session, name),
            audit.Action.SIGN_IN_FAILED,
            "account",
            str(account.id) if account is not None else "",
            detail,
        )
    raise AccessDenied(tr_noop("This account is switched off; please ask an administrator."))


#: The setting holding this database's key for hashing names typed at sign-in.
NAME_HASH_KEY = "sign_in_name_key"


def typed_name(session: Session, typed: str) -> str:
    """What the audit trail keeps of a name that is no account: a keyed hash, never the text
    (someone may have typed their password into the account field)."""
    setting = session.get(Setting, NAME_HASH_KEY)
    if setting is None:
        setting = Setting(key=NAME_HASH_KEY, value=secrets.token_hex(32))
        session.add(setting)
        session.flush()
    digest = hmac.new(bytes.fromhex(setting.value), typed.encode(), hashlib.sha256).hexdigest()
    return f"unknown account name {digest[:8]}"


def _remaining_wait(account: Account, now: datetime) -> int:
    wait = wait_after(account.failed_sign_ins)
    if wait == 0 or account.last_failed_at is None:
        return 0
    passed = (now - account.last_failed_at).total_seconds()
    return max(0, int(wait - passed + 0.999))


def _verify(hasher: PasswordHasher, stored: str, password: str) -> bool:
    try:
        return hasher.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


_DUMMY: dict[int, str] = {}


def _burn(hasher: PasswordHasher, password: str) -> None:
    """Spend as long as a real check, so timing does not tell which user names exist."""
    dummy = _DUMMY.setdefault(id(hasher), hasher.hash("not a real password"))
    _verify(hasher, dummy, password)


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
        if not _verify(hasher, account.password_hash, old_password):
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
