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
from dataclasses import dataclass
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
    """The account as an :class:`Actor`, or :class:`AccessDenied` (audited either way).

    The password is checked outside any transaction (Argon2 takes a while on purpose);
    only then is the outcome written, with its audit event, in one short transaction of
    its own. So signing in never holds a lock while hashing, and others are not kept
    waiting behind someone signing in.
    """
    hasher = hasher or costs.in_use().hasher
    typed = normalize_username(username)
    now = clock()
    for _attempt in range(3):
        with ctx.read() as session:
            seen = find(session, typed) if USERNAME.fullmatch(typed) else None
        verdict = _verdict(seen, password, now, hasher)
        with ctx.write() as session:
            account = find(session, typed) if seen is not None else None
            if seen is not None and (
                account is None
                or (account.password_hash, account.active) != (seen.password_hash, seen.active)
            ):
                continue  # the password changed or the account was switched off meanwhile
            actor = _record_sign_in(session, typed, account, verdict, now)
        if isinstance(actor, AccessDenied):
            raise actor
        return actor
    raise AccessDenied(WRONG)


@dataclass(frozen=True)
class _Verdict:
    outcome: str  # "unknown", "throttled", "wrong", "off" or "ok"
    wait: int = 0
    new_hash: str | None = None


def _verdict(
    account: Account | None, password: str, now: datetime, hasher: PasswordHasher
) -> _Verdict:
    """Check the password against what was read, outside any transaction."""
    if account is None or account.password_hash is None:
        _burn(hasher, password)
        return _Verdict("unknown")
    wait = _remaining_wait(account, now)
    if wait > 0:
        return _Verdict("throttled", wait)
    if not verify_password(hasher, account.password_hash, password):
        return _Verdict("wrong")
    if not account.active:
        return _Verdict("off")
    rehash = hasher.check_needs_rehash(account.password_hash)
    return _Verdict("ok", new_hash=hasher.hash(password) if rehash else None)


def _record_sign_in(
    session: Session, typed: str, account: Account | None, verdict: _Verdict, now: datetime
) -> Actor | AccessDenied:
    """Write the outcome of a sign-in and its audit event; returns the actor or the refusal."""
    name = audit.safe_label(typed)
    if account is None or verdict.outcome == "unknown":
        shown = name if account is not None else typed_name(session, typed)
        audit.record(session, shown, audit.Action.SIGN_IN_FAILED, "account", "", "")
        return AccessDenied(WRONG)
    account_id = str(account.id)
    if verdict.outcome == "throttled":
        detail = f"wait: {verdict.wait} s"
        audit.record(session, name, audit.Action.SIGN_IN_THROTTLED, "account", account_id, detail)
        return TooManyTries(verdict.wait)
    if verdict.outcome == "wrong":
        account.failed_sign_ins += 1
        account.last_failed_at = now
        detail = f"failures in a row: {account.failed_sign_ins}"
        audit.record(session, name, audit.Action.SIGN_IN_FAILED, "account", account_id, detail)
        return AccessDenied(WRONG)
    if verdict.outcome == "off":
        detail = "account switched off"
        audit.record(session, name, audit.Action.SIGN_IN_FAILED, "account", account_id, detail)
        return AccessDenied(tr_noop("This account is switched off; please ask an administrator."))
    if account.failed_sign_ins:
        account.failed_sign_ins = 0
        account.last_failed_at = None
    if verdict.new_hash is not None:
        account.password_hash = verdict.new_hash
    actor = Actor(account_id=account.id, username=name, role=Role(account.role))
    audit.record(session, actor, audit.Action.SIGN_IN, "account", account_id)
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
            actor = Actor(account_id=account.id, username=account.username, role=Role(account.role))
            audit.record(session, actor, audit.Action.SIGN_IN, "account", str(account.id))
            return actor
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
