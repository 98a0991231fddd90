"""Opening a clinic's database: create it, sign in, and keep the key where it belongs.

For the embedded database the password first unwraps the database key from the account's
key slot (so a wrong password never touches the database file), then the account is
checked and the sign-in audited inside the database. Wrong passwords that could not be
written to the audit trail (the database stays shut) are kept in a small side file and
audited at the next successful sign-in; they also slow further tries down.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from caseplan.errors import AccessDenied, CaseplanError, StorageError, tr_noop
from caseplan.models import Role
from caseplan.services.context import SYSTEM, Actor, Context
from caseplan.services.security import accounts, audit
from caseplan.storage import keys, keystore
from caseplan.storage.database import Database, open_database
from caseplan.storage.files import write_atomically
from caseplan.storage.location import Location

Clock = Callable[[], datetime]


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass
class OpenClinic:
    """A clinic's database, open and signed in: what the app and the CLI work with."""

    database: Database
    ctx: Context
    key: bytes | None = field(default=None, repr=False)
    keyring_note: str = ""

    @property
    def actor(self) -> Actor:
        return self.ctx.actor

    def close(self) -> None:
        """Close the database and drop the key (as far as Python allows)."""
        self.key = None
        self.database.close()


@dataclass(frozen=True)
class NewAccount:
    username: str
    display_name: str
    role: Role
    password: str


def failures_path(database: Path) -> Path:
    return database.with_name(database.name + ".signins")


def _read_failures(path: Path) -> list[dict[str, str]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [dict(item) for item in data["failures"]]
    except (OSError, ValueError, KeyError, TypeError):
        return []


def _note_failure(path: Path, username: str, now: datetime) -> int:
    failures = _read_failures(path)
    failures.append({"at": now.isoformat(), "account": audit.safe_label(username)})
    write_atomically(path, json.dumps({"failures": failures[-100:]}).encode())
    return len(failures)


def _check_throttle(path: Path, now: datetime) -> None:
    failures = _read_failures(path)
    wait = accounts.wait_after(len(failures))
    if wait and failures:
        last = datetime.fromisoformat(failures[-1]["at"])
        remaining = int(wait - (now - last).total_seconds())
        if remaining > 0:
            raise accounts.TooManyTries(remaining)


def _audit_earlier_failures(ctx: Context, path: Path) -> None:
    failures = _read_failures(path)
    if not failures:
        return
    with ctx.write() as session:
        for failure in failures:
            audit.record(
                session,
                failure.get("account", ""),
                audit.Action.SIGN_IN_FAILED,
                "account",
                "",
                f"wrong password before unlocking, at {failure.get('at', '')}",
            )
    path.unlink(missing_ok=True)


def create_clinic(
    location: Location,
    first: NewAccount,
    *,
    more: Iterable[NewAccount] = (),
    allow_weak: bool = False,
    kdf: keys.KdfParams | None = None,
) -> tuple[OpenClinic, str]:
    """Create a new database with its first (admin) account; returns it and the recovery key.

    The recovery key is shown once: it unlocks the database if every password is lost.
    """
    for account in (first, *more):
        accounts.check_new_account(
            account.username, account.display_name, account.password, allow_weak
        )
    db_key: bytes | None = None
    recovery = ""
    if location.path is not None:
        keyfile_path = keys.keys_path(location.path)
        if location.path.exists() or keyfile_path.exists():
            raise StorageError(
                tr_noop("There is already a database at {path}."), path=str(location.path)
            )
        location.path.parent.mkdir(parents=True, exist_ok=True)
        keyfile, db_key, recovery = keys.create_new(kdf)
        keys.save(keyfile, keyfile_path)
    try:
        database = open_database(location, key=db_key)
    except BaseException:
        _remove_new_files(location)
        raise
    try:
        ctx = Context(database.sessions, actor=SYSTEM)
        if accounts.count_accounts(ctx):
            raise StorageError(
                tr_noop("There is already a database at {path}."), path=location.describe()
            )
        slots = (
            keys.KeySlots(keys.keys_path(location.path), db_key, kdf)
            if location.path is not None and db_key is not None
            else None
        )
        for account in (first, *more):
            accounts.create_account(
                ctx,
                account.username,
                account.display_name,
                account.role,
                account.password,
                slots=slots,
                allow_weak=allow_weak,
            )
        actor = accounts.sign_in(ctx, first.username, first.password)
    except BaseException:
        database.close()
        _remove_new_files(location)
        raise
    return OpenClinic(database, Context(database.sessions, actor=actor), db_key), recovery


def _remove_new_files(location: Location) -> None:
    """Take away what a failed :func:`create_clinic` made, so it can simply be tried again."""
    if location.path is None:
        return
    for path in (location.path, keys.keys_path(location.path)):
        for suffix in ("", "-wal", "-shm", "-journal"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)


def sign_in(
    location: Location,
    username: str,
    password: str,
    *,
    remember: bool = False,
    clock: Clock = _utcnow,
) -> OpenClinic:
    """Unlock the database with an account's password and sign that account in."""
    db_key: bytes | None = None
    note = ""
    if location.path is not None:
        if not location.path.exists():
            raise StorageError(tr_noop("There is no database at {path}."), path=str(location.path))
        failures = failures_path(location.path)
        _check_throttle(failures, clock())
        keyfile_path = keys.keys_path(location.path)
        if not keyfile_path.exists():
            raise StorageError(
                tr_noop(
                    "The key file beside the database is missing ({path}); "
                    "restore it from a backup."
                ),
                path=str(keyfile_path),
            )
        try:
            db_key = keys.unwrap(keys.load(keyfile_path), username, password)
        except AccessDenied:
            _note_failure(failures, username, clock())
            raise
        usable, note = keystore.keyring_status()
        if remember and usable:
            keystore.remember_key(location.path, db_key)
    database = open_database(location, key=db_key, create=False)
    try:
        system = Context(database.sessions, actor=SYSTEM)
        if location.path is not None:
            _audit_earlier_failures(system, failures_path(location.path))
        actor = accounts.sign_in(system, username, password, clock=clock)
    except BaseException:
        database.close()
        raise
    return OpenClinic(database, Context(database.sessions, actor=actor), db_key, note)


class LockReason(StrEnum):
    """Why the window locked (stored in the audit trail as it is; keep the values stable)."""

    IDLE = "idle"
    PRIVACY = "privacy screen"
    SIGN_OUT = "signed out"


def lock(clinic: OpenClinic, reason: LockReason) -> None:
    """Audit the lock, then close the database and drop the key.

    Locking must never fail: if the audit row cannot be written (the database is busy or
    already gone), the database is closed all the same.
    """
    try:
        with clinic.ctx.write() as session:
            audit.record(session, clinic.actor, audit.Action.LOCK, "session", "", reason.value)
    except CaseplanError:
        pass
    clinic.close()


def sign_in_again(clinic: OpenClinic, username: str, password: str) -> OpenClinic:
    """After a lock: the same database, checked against the password once more."""
    location = clinic.database.location
    clinic.close()
    return sign_in(location, username, password)


def is_new(location: Location) -> bool:
    """Whether there is no clinic here yet (no file; or a shared server with no accounts)."""
    if location.path is not None:
        return not location.path.exists() and not keys.keys_path(location.path).exists()
    database = open_database(location)
    try:
        return accounts.count_accounts(Context(database.sessions, actor=SYSTEM)) == 0
    finally:
        database.close()


def key_slots(clinic: OpenClinic) -> keys.KeySlots | None:
    """The key file of an open embedded database, for account changes (None on a server)."""
    path = clinic.database.location.path
    if path is None or clinic.key is None:
        return None
    return keys.KeySlots(keys.keys_path(path), clinic.key)
