"""Opening a clinic's database: create it, sign in, lock it, and keep keys where they belong.

For the embedded database (docs/security.md §3–§6) the password unlocks the account's
private key from the key file, which opens the account's grant: the clinic key for
staff, the key of their own peer store for a peer worker. A try is counted in the key file
before the password is checked. A wrong password never touches a database file, and a file
that is empty, cut short or not this clinic's is named as such and left as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from caseplan.errors import AccessDenied, CaseplanError, StorageError, tr_noop
from caseplan.models import Role
from caseplan.services.clinic import clinic_keys, peer_store, recovery, server
from caseplan.services.clinic.opened import OpenClinic, open_with_key, track_changes
from caseplan.services.context import SYSTEM, Context
from caseplan.services.security import accounts, audit
from caseplan.storage import cipher, costs, keyfile, keys, throttle
from caseplan.storage.database import open_database
from caseplan.storage.files import make_private
from caseplan.storage.location import Location
from caseplan.storage.secret import Secret

__all__ = [
    "LockReason",
    "NewAccount",
    "OpenClinic",
    "create_clinic",
    "is_new",
    "key_slots",
    "lock",
    "sign_in",
    "sign_in_again",
]

Clock = Callable[[], datetime]

KEYFILE_MISSING = tr_noop(
    "The key file beside the database is missing ({path}); restore it from a backup."
)
NO_GRANT = tr_noop(
    "This account has no key for the current database yet; please ask an administrator."
)


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class NewAccount:
    username: str
    display_name: str
    role: Role
    password: str


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
    secret: Secret | None = None
    recovery = ""
    if location.path is not None:
        keyfile_path = keys.keys_path(location.path)
        if location.path.exists() or keyfile_path.exists():
            raise StorageError(
                tr_noop("There is already a database at {path}."), path=str(location.path)
            )
        location.path.parent.mkdir(parents=True, exist_ok=True)
        new_file, clinic_key, recovery = keys.new_clinic(kdf)
        keyfile.save(new_file, keyfile_path)
        secret = Secret(clinic_key)
    try:
        database = open_database(location, key=secret)
    except BaseException:
        _remove_new_files(location)
        raise
    if location.path is not None:
        make_private(location.path)
    clinic = track_changes(OpenClinic(database, Context(database.sessions), secret))
    try:
        if accounts.count_accounts(clinic.ctx):
            raise StorageError(
                tr_noop("There is already a database at {path}."), path=location.describe()
            )
        slots = clinic_keys.key_slots_of(clinic, kdf=kdf)
        for account in (first, *more):
            accounts.create_account(
                clinic.ctx,
                account.username,
                account.display_name,
                account.role,
                account.password,
                slots=slots,
                allow_weak=allow_weak,
            )
        actor = accounts.begin_session(clinic.ctx, first.username)
    except BaseException:
        database.close()
        _remove_new_files(location)
        raise
    clinic.ctx = Context(database.sessions, actor=actor)
    return clinic, recovery


def _remove_new_files(location: Location) -> None:
    """Take away what a failed :func:`create_clinic` made, so it can simply be tried again."""
    if location.path is None:
        return
    for path in (location.path, keys.keys_path(location.path)):
        cipher.remove_database_files(path)
    keyfile.lock_path(keys.keys_path(location.path)).unlink(missing_ok=True)
    folder = peer_store.store_folder(location.path)
    if folder.is_dir():
        for store in folder.glob("*"):
            store.unlink(missing_ok=True)
        folder.rmdir()


def _count_try(path: Path, username: str, now: datetime) -> tuple[keys.KeyFile, str, str]:
    """Count this try in the key file first (parallel tries are all counted)."""
    counted: dict[str, str] = {}

    def change(current: keys.KeyFile) -> keys.KeyFile:
        name = throttle.bucket(current, username)
        wait = throttle.remaining_wait(current, name, now)
        if wait:
            raise accounts.TooManyTries(wait)
        updated, attempt = throttle.note_try(current, name, now)
        counted.update(name=name, attempt=attempt)
        return updated

    written = keyfile.update(path, change)
    return written, counted["name"], counted["attempt"]


def sign_in(
    location: Location,
    username: str,
    password: str,
    *,
    clock: Clock = _utcnow,
) -> OpenClinic:
    """Unlock with an account's password and sign that account in."""
    if location.path is None:
        return _sign_in_server(location, username, password, clock)
    path = location.path
    cipher.refuse_empty(path)
    key_path = keys.keys_path(path)
    if not key_path.exists():
        raise StorageError(KEYFILE_MISSING, path=str(key_path))
    try:
        current, name, attempt = _count_try(key_path, username, clock())
    except keyfile.LegacyKeyFile as old_file:
        return recovery.convert_legacy(location, old_file, username, password)
    unlocked = keys.unlock_account(current, username, password)

    def succeeded(kf: keys.KeyFile) -> keys.KeyFile:
        kf = throttle.succeeded(kf, name, attempt)
        if unlocked.entry.kdf != costs.in_use().kdf:  # made with older or cheaper settings
            kf = keys.change_own_password(kf, username, password, password)
        return kf

    current = keyfile.update(key_path, succeeded)
    return open_unlocked(location, current, unlocked, username)


def open_unlocked(
    location: Location, current: keys.KeyFile, unlocked: keys.Unlocked, username: str
) -> OpenClinic:
    """Open what an unlocked account's grant opens, and sign the account in there."""
    assert location.path is not None
    if unlocked.is_peer:
        return _open_peer_store(location.path, current, unlocked, username)
    current, clinic_key = clinic_keys.settle_pending(location.path, current, unlocked)
    if clinic_key is None:
        raise AccessDenied(NO_GRANT)
    keys.verify_directory(current, clinic_key)
    clinic = open_with_key(location, Secret(clinic_key))
    try:
        clinic_keys.audit_failed_tries(clinic)
        clinic.ctx = Context(
            clinic.database.sessions, actor=accounts.begin_session(clinic.ctx, username)
        )
        clinic_keys.after_staff_sign_in(clinic)
    except BaseException:
        clinic.close()
        raise
    return clinic


def _open_peer_store(
    database: Path, current: keys.KeyFile, unlocked: keys.Unlocked, username: str
) -> OpenClinic:
    store_key = keys.open_grant(current, unlocked)
    assert unlocked.entry.store is not None
    if store_key is None:
        raise AccessDenied(NO_GRANT)
    secret = Secret(store_key)
    store = peer_store.open_store(database, unlocked.entry.store, secret)
    try:
        actor = accounts.begin_session(Context(store.sessions), username)
    except BaseException:
        store.close()
        secret.forget()
        raise
    return OpenClinic(store, Context(store.sessions, actor=actor), secret, unlocked.entry.store)


def _sign_in_server(location: Location, username: str, password: str, clock: Clock) -> OpenClinic:
    if server.is_account_login(location):
        return server.sign_in(location, username, password)
    database = open_database(location, create=False)
    try:
        actor = accounts.sign_in(
            Context(database.sessions, actor=SYSTEM), username, password, clock=clock
        )
    except BaseException:
        database.close()
        raise
    return OpenClinic(database, Context(database.sessions, actor=actor))


class LockReason(StrEnum):
    """Why the window locked (stored in the audit trail as it is; keep the values stable)."""

    IDLE = "idle"
    PRIVACY = "privacy screen"
    SIGN_OUT = "signed out"


def lock(clinic: OpenClinic, reason: LockReason) -> None:
    """Audit the lock, then close every connection and forget the key.

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
    if server.is_account_login(location):
        return False  # a new server database is set up with the server administrator's login
    database = open_database(location)
    try:
        return accounts.count_accounts(Context(database.sessions, actor=SYSTEM)) == 0
    finally:
        database.close()


def key_slots(clinic: OpenClinic) -> accounts.SlotKeeper | None:
    """The key file of an open embedded database, for account changes (None on a server)."""
    return clinic_keys.key_slots_of(clinic)
