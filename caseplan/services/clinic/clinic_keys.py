"""The clinic's keys while it is open: accounts' entries, rotation, the recovery key.

docs/security.md §3 and §5. :class:`ClinicKeys` is what the accounts service is handed
(``slots=``): a new account gets a key pair and a grant, a reset password a new key pair,
a switched-off account loses its entry; after the commit, a rotation follows whenever an
entry was removed or replaced. A rotation re-encrypts the database with a new key sealed
to every remaining account, in steps that a kill at any moment cannot break
(:func:`settle_pending` finishes or redoes an interrupted one at the next sign-in).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from caseplan.errors import AccessDenied, StorageError, tr_noop
from caseplan.models import Account, Role, Setting
from caseplan.services.clinic import peer_store, server
from caseplan.services.clinic.opened import OpenClinic
from caseplan.services.clinic.peer_merge import fixed_time
from caseplan.services.context import Context
from caseplan.services.security import access, audit
from caseplan.storage import cipher, keyfile, keys, throttle
from caseplan.storage.costs import KdfParams

RETIRED_KEY = "retired_key."
KEYS_ROTATED = "keys_rotated"
UNKNOWN_NAME = "unknown account name"
NEEDS_CLINIC_KEY = tr_noop(
    "Only a practitioner, team lead or administrator can change the clinic's keys."
)


class ClinicKeys:
    """The key file of an open clinic, as the accounts service's ``slots``."""

    def __init__(self, clinic: OpenClinic, kdf: KdfParams | None = None) -> None:
        self.clinic = clinic
        self.kdf = kdf
        self._peer_changed = False

    @property
    def path(self) -> Path:
        path = self.clinic.key_path
        assert path is not None
        return path

    def _key(self) -> bytes:
        if self.clinic.secret is None or self.clinic.key_path is None:
            raise AccessDenied(NEEDS_CLINIC_KEY)
        return self.clinic.secret.reveal()

    def prepare(self) -> None:
        """Before an account is switched off or reset: bring in what peers wrote."""
        assert self.clinic.secret is not None
        peer_store.sync(self.clinic.database, self.clinic.secret, date.today(), force=True)

    def grant(self, username: str, password: str, role: Role) -> keys.KeyFile:
        """A new key pair for ``username`` (a peer keeps their store); returns the file before."""
        key = self._key()
        before = keyfile.load(self.path)
        store = None
        if Role(role) is Role.PEER_WORKER:
            old = before.entries.get(before.label(username))
            store = old.store if old is not None and old.store else peer_store.new_store_id()
            self._peer_changed = True
        after = keys.add_account(before, key, username, password, store=store, kdf=self.kdf)
        keyfile.update(self.path, lambda current: _keep_throttle(after, current))
        return before

    def change_own(self, username: str, old_password: str, new_password: str) -> keys.KeyFile:
        before = keyfile.load(self.path)
        keyfile.update(
            self.path,
            lambda current: keys.change_own_password(
                current, username, old_password, new_password, self.kdf
            ),
        )
        return before

    def remove(self, username: str) -> keys.KeyFile:
        key = self._key()
        before = keyfile.load(self.path)
        keyfile.update(self.path, lambda current: keys.remove_account(current, key, username))
        return before

    def restore(self, before: Any) -> None:
        keyfile.update(self.path, lambda current: _keep_throttle(before, current))

    def committed(self) -> None:
        """After the accounts changed: rotate if due, and build peer stores that need it."""
        current = keyfile.load(self.path)
        if current.rotation_due:
            rotate(self.clinic, "accounts changed")
        elif self._peer_changed and self.clinic.secret is not None:
            peer_store.sync(self.clinic.database, self.clinic.secret, date.today(), force=True)
        self._peer_changed = False


class PeerOwnKeys:
    """A peer worker's own entry, for changing their own password (nothing else)."""

    def __init__(self, path: Path, kdf: KdfParams | None = None) -> None:
        self.path, self.kdf = path, kdf

    def prepare(self) -> None:
        pass

    def grant(self, username: str, password: str, role: Role) -> Any:
        raise AccessDenied(NEEDS_CLINIC_KEY)

    def change_own(self, username: str, old_password: str, new_password: str) -> keys.KeyFile:
        before = keyfile.load(self.path)
        keyfile.update(
            self.path,
            lambda current: keys.change_own_password(
                current, username, old_password, new_password, self.kdf
            ),
        )
        return before

    def remove(self, username: str) -> Any:
        raise AccessDenied(NEEDS_CLINIC_KEY)

    def restore(self, before: Any) -> None:
        keyfile.update(self.path, lambda current: _keep_throttle(before, current))

    def committed(self) -> None:
        pass


def _keep_throttle(wanted: keys.KeyFile, current: keys.KeyFile) -> keys.KeyFile:
    """``wanted``, with the sign-in counts as they are now (they change under the lock)."""
    return replace(wanted, throttle=current.throttle)


def key_slots_of(
    clinic: OpenClinic, kdf: KdfParams | None = None
) -> ClinicKeys | PeerOwnKeys | server.ServerLogins | None:
    path = clinic.database.location.path
    if path is None:
        return server.logins_of(clinic)
    if clinic.peer_store is not None:
        return PeerOwnKeys(_main_of_store(path), kdf)
    return ClinicKeys(clinic, kdf)


def _main_of_store(store: Path) -> Path:
    """The key file of the clinic database a peer store belongs to."""
    folder = store.parent
    return keys.keys_path(folder.with_name(folder.name.removesuffix(".peers")))


# --- rotation -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rotation:
    epoch: int
    seconds: float


def rotate(clinic: OpenClinic, reason: str) -> Rotation:
    """Re-encrypt the clinic database with a new key sealed to every remaining account."""
    if not clinic.holds_clinic_key or clinic.secret is None:
        raise AccessDenied(NEEDS_CLINIC_KEY)
    start = time.perf_counter()
    path = clinic.database.location.path
    assert path is not None
    key_path = keys.keys_path(path)
    secret = clinic.secret
    peer_store.sync(clinic.database, secret, date.today(), force=True)
    old = secret.reveal()
    with keyfile.locked(key_path):
        pending, new = keys.start_rotation(keyfile.load(key_path), old)
        keyfile.save(pending, key_path)
    clinic.database.engine.dispose()
    cipher.rekey(path, old, new)
    secret.replace(new)
    _record_rotation(clinic, pending.epoch, old, reason)
    assert pending.pending is not None
    peer_store.rekey_stores(path, pending, old, new, pending.pending.epoch)
    finished = keyfile.update(key_path, keys.finish_rotation)
    peer_store.sync(clinic.database, secret, date.today())
    clinic.changed = False  # the stores are as new; nothing to rebuild on close
    return Rotation(finished.epoch, time.perf_counter() - start)


def rotate_keys(clinic: OpenClinic) -> Rotation:
    """An administrator's "rotate keys": a new clinic key now (e.g. after a laptop was lost)."""
    access.require(clinic.ctx, access.Action.MANAGE_ACCOUNTS)
    return rotate(clinic, "an administrator rotated the keys")


def _record_rotation(clinic: OpenClinic, retired_epoch: int, retired: bytes, reason: str) -> None:
    """Keep the retired key (old backups) and audit the rotation, in the re-keyed database."""
    ctx = Context(clinic.database.sessions, actor=clinic.ctx.actor)
    with ctx.write() as session:
        name = f"{RETIRED_KEY}{retired_epoch}"
        if session.get(Setting, name) is None:
            session.add(Setting(key=name, value=retired.hex()))
        audit.record(session, ctx.actor, KEYS_ROTATED, "database", "", reason)


def settle_pending(
    database: Path, current: keys.KeyFile, unlocked: keys.Unlocked
) -> tuple[keys.KeyFile, bytes | None]:
    """Finish (or redo) a rotation a kill interrupted; returns the file and the clinic key."""
    if current.pending is None:
        return current, keys.open_grant(current, unlocked)
    old = keys.open_grant(current, unlocked)
    new = keys.open_grant(current, unlocked, pending=True)
    if new is None:
        return current, old
    if not cipher.opens_with(database, new):
        if old is None or not cipher.opens_with(database, old):
            return current, old
        cipher.rekey(database, old, new)
    if old is not None:
        _record_after_the_fact(database, current, new, old)
    finished = keyfile.update(keys.keys_path(database), keys.finish_rotation)
    return finished, new


def _record_after_the_fact(database: Path, current: keys.KeyFile, new: bytes, old: bytes) -> None:
    from caseplan.services.clinic.opened import open_with_key
    from caseplan.storage.location import resolve
    from caseplan.storage.secret import Secret

    clinic = open_with_key(resolve(str(database)), Secret(new))
    try:
        _record_rotation(clinic, current.epoch, old, "an interrupted rotation finished")
    finally:
        clinic.database.close()


# --- staff sign-in ---------------------------------------------------------------------------


def audit_failed_tries(clinic: OpenClinic) -> None:
    """Write the failed tries the key file kept into the audit trail, and clear them there."""
    key_path = clinic.key_path
    if key_path is None:
        return
    taken: list[tuple[str, Any]] = []

    def take(current: keys.KeyFile) -> keys.KeyFile:
        updated, found = throttle.take_failed(current)
        taken.extend(found)
        return updated

    current = keyfile.update(key_path, take)
    if not taken:
        return
    with clinic.ctx.write() as session:
        names = keys.labels(current, session.scalars(select(Account.username)))
        for name, at in taken:
            account = (
                names.get(name) or f"{UNKNOWN_NAME} {name.removeprefix(throttle.UNKNOWN_PREFIX)}"
            )
            audit.record(
                session,
                account,
                audit.Action.SIGN_IN_FAILED,
                "account",
                "",
                "wrong password before unlocking",
                now=fixed_time(at),
            )


def after_staff_sign_in(clinic: OpenClinic) -> None:
    """Finish a rotation that is due, and bring the peer stores up to date."""
    key_path = clinic.key_path
    if key_path is None or clinic.secret is None:
        return
    if keyfile.load(key_path).rotation_due:
        rotate(clinic, "an account change was not yet followed by a rotation")
        return
    peer_store.sync(clinic.database, clinic.secret, date.today())


def may_manage_keys(ctx: Context) -> None:
    access.require(ctx, access.Action.MANAGE_ACCOUNTS)


def ensure_clinic_key(clinic: OpenClinic) -> None:
    if not clinic.holds_clinic_key:
        raise StorageError(NEEDS_CLINIC_KEY)
