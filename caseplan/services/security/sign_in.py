"""Signing in: checking a password, throttling wrong ones, and what the audit trail keeps.

On an embedded database the key file checks the password and counts the tries
(:func:`caseplan.services.clinic.unlock.sign_in`); then :func:`begin_session` signs the
account in. :func:`sign_in` checks an Argon2id hash kept in the database (a server reached
with one shared login). After :data:`FREE_TRIES` wrong passwords in a row each further try
must wait, the wait growing with every failure (:class:`TooManyTries`, never slept here).
A name that is no account is kept only as a keyed hash: it may be a password typed into
the wrong field.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Callable
from datetime import UTC, datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import select
from sqlalchemy.orm import Session

from caseplan.errors import AccessDenied, tr_noop
from caseplan.models import Account, Role, Setting
from caseplan.services.context import Actor, Context
from caseplan.services.security import audit
from caseplan.storage import costs, throttle
from caseplan.storage.keys import normalize_username

FREE_TRIES = throttle.FREE_TRIES
WRONG = tr_noop("The user name or password is wrong.")
USERNAME = re.compile(r"[^\W_][\w.\-]{0,63}")
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


def wait_after(failures: int) -> int:
    """Seconds to wait before the next try after ``failures`` wrong passwords in a row."""
    return throttle.wait_after(failures)


def find(session: Session, username: str) -> Account | None:
    name = normalize_username(username)
    return session.execute(select(Account).where(Account.username == name)).scalar_one_or_none()


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
        account = find(session, typed) if USERNAME.fullmatch(typed) else None
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
            elif not verify_password(hasher, account.password_hash, password):
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
        account = find(session, name) if USERNAME.fullmatch(name) else None
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


def verify_password(hasher: PasswordHasher, stored: str, password: str) -> bool:
    try:
        return hasher.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


_DUMMY: dict[int, str] = {}


def _burn(hasher: PasswordHasher, password: str) -> None:
    """Spend as long as a real check, so timing does not tell which user names exist."""
    dummy = _DUMMY.setdefault(id(hasher), hasher.hash("not a real password"))
    verify_password(hasher, dummy, password)
