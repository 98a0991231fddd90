"""The recovery key: a forgotten administrator password reset, a new recovery key, and
bringing a version-1 key file up to date.

docs/security.md §3 and §7. The recovery key is an entry of its own in the key file and
gets the clinic key in every epoch, like a staff account. Using it to reset an
administrator's password gives that administrator a new key pair and rotates the clinic
key, so an old key file with the forgotten password opens nothing afterwards.
"""

from __future__ import annotations

import secrets
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from caseplan.errors import AccessDenied, NotFound, StorageError, tr_noop
from caseplan.models import Account, Role
from caseplan.services.clinic import clinic_keys
from caseplan.services.clinic.opened import OpenClinic, open_with_key
from caseplan.services.context import Actor, Context
from caseplan.services.security import access, accounts, audit
from caseplan.storage import keyfile, keys, legacy_keys, throttle
from caseplan.storage.location import Location
from caseplan.storage.secret import Secret

#: Who the audit trail names for what the recovery key did.
RECOVERY_ACTOR = Actor(account_id=None, username="recovery key", role=Role.ADMIN, system=True)
NOT_AN_ADMIN = tr_noop(
    "The recovery key resets an administrator's password; {name} is not an administrator."
)
ONLY_ADMIN_CONVERTS = tr_noop(
    "This clinic's key file is from an older Caseplan; an administrator must sign in first "
    "(or use the recovery key) to bring it up to date."
)
RECOVERY_THROTTLE = "recovery"


def recover_admin(
    location: Location, recovery_key: str, username: str, new_password: str
) -> tuple[OpenClinic, str]:
    """Reset administrator ``username``'s password with the recovery key, and sign them in.

    Returns the open clinic and, for a key file that had to be brought up to date, a new
    recovery key to show once (otherwise "").
    """
    path = location.path
    if path is None:
        raise StorageError(
            tr_noop("On a PostgreSQL server, the server's administrator resets passwords.")
        )
    accounts.check_password(new_password, about=(username,))
    key_path = keys.keys_path(path)
    try:
        current = _count_recovery_try(key_path)
    except keyfile.LegacyKeyFile as old:
        return _convert(
            location,
            legacy_keys.unwrap_recovery(old.data, recovery_key),
            username,
            new_password,
            reset=True,
        )
    unlocked = keys.unlock_recovery(current, recovery_key)
    current = keyfile.update(key_path, _forget_recovery_tries)
    current, clinic_key = clinic_keys.settle_pending(path, current, unlocked)
    if clinic_key is None:
        raise AccessDenied(keys.WRONG_RECOVERY_KEY)
    clinic = open_with_key(location, Secret(clinic_key))
    try:
        _reset(clinic, username, new_password)
        clinic.ctx = Context(
            clinic.database.sessions, actor=accounts.begin_session(clinic.ctx, username)
        )
    except BaseException:
        clinic.close()
        raise
    return clinic, ""


def _count_recovery_try(key_path: Path) -> keys.KeyFile:
    now = datetime.now(UTC)

    def count(current: keys.KeyFile) -> keys.KeyFile:
        wait = throttle.remaining_wait(current, RECOVERY_THROTTLE, now)
        if wait:
            raise accounts.TooManyTries(wait)
        return throttle.note_try(current, RECOVERY_THROTTLE, now)[0]

    return keyfile.update(key_path, count)


def _forget_recovery_tries(current: keys.KeyFile) -> keys.KeyFile:
    counts = dict(current.throttle.get("accounts", {}))
    counts.pop(RECOVERY_THROTTLE, None)
    failed = [f for f in current.throttle.get("failed", []) if f.get("name") != RECOVERY_THROTTLE]
    return replace(current, throttle={**current.throttle, "accounts": counts, "failed": failed})


def _reset(clinic: OpenClinic, username: str, new_password: str) -> None:
    name = keys.normalize_username(username)
    with clinic.ctx.read() as session:
        account = session.scalars(select(Account).where(Account.username == name)).first()
        role = None if account is None else Role(account.role)
    if role is None:
        raise NotFound(tr_noop("There is no account called {name}."), name=name)
    if role is not Role.ADMIN:
        raise AccessDenied(NOT_AN_ADMIN, name=name)
    ctx = Context(clinic.database.sessions, actor=RECOVERY_ACTOR)
    accounts.reset_password(ctx, name, new_password, slots=clinic_keys.ClinicKeys(clinic))


def new_recovery_key(clinic: OpenClinic) -> str:
    """Replace the recovery key (the old one stops working) and rotate; the new text, once."""
    access.require(clinic.ctx, access.Action.MANAGE_ACCOUNTS)
    key_path = clinic.key_path
    if key_path is None or clinic.secret is None:
        raise AccessDenied(clinic_keys.NEEDS_CLINIC_KEY)
    key = clinic.secret.reveal()
    shown: list[str] = []

    def change(current: keys.KeyFile) -> keys.KeyFile:
        updated, text = keys.replace_recovery(current, key)
        shown.append(text)
        return updated

    keyfile.update(key_path, change)
    with clinic.ctx.write() as session:
        audit.record(session, clinic.actor, "recovery_key_replaced", "database")
    clinic_keys.rotate(clinic, "a new recovery key")
    return shown[0]


# --- version-1 key files ----------------------------------------------------------------------


def convert_legacy(
    location: Location, old: keyfile.LegacyKeyFile, username: str, password: str
) -> OpenClinic:
    """Sign-in with a version-1 key file: only an administrator may bring it up to date."""
    clinic = _convert(
        location, legacy_keys.unwrap(old.data, username, password), username, password, reset=False
    )[0]
    return clinic


def _convert(
    location: Location, old_key: bytes, username: str, password: str, *, reset: bool
) -> tuple[OpenClinic, str]:
    """A version-2 key file for this administrator and a new recovery key; then rotate.

    Every other account needs a new password from the administrator afterwards: their old
    slots cannot be converted without their passwords (docs/security.md §3).
    """
    assert location.path is not None
    clinic = open_with_key(location, Secret(old_key))
    try:
        name = keys.normalize_username(username)
        with clinic.ctx.read() as session:
            account = session.scalars(select(Account).where(Account.username == name)).first()
        if account is None or Role(account.role) is not Role.ADMIN or not account.active:
            raise AccessDenied(ONLY_ADMIN_CONVERTS)
        fresh = keys.KeyFile(
            clinic=secrets.token_hex(8), epoch=1, lookup_salt=secrets.token_bytes(keys.SALT_BYTES)
        )
        fresh, recovery = keys.replace_recovery(fresh, old_key, due=False)
        fresh = keys.add_account(fresh, old_key, name, password)
        keyfile.save(replace(fresh, rotation_due=True), keys.keys_path(location.path))
        if reset:
            recovery_ctx = Context(clinic.database.sessions, actor=RECOVERY_ACTOR)
            accounts.reset_password(recovery_ctx, name, password)
        clinic.ctx = Context(
            clinic.database.sessions, actor=accounts.begin_session(clinic.ctx, name)
        )
        with clinic.ctx.write() as session:
            audit.record(session, clinic.actor, "key_file_converted", "database")
        clinic_keys.rotate(clinic, "the key file was brought up to date")
    except BaseException:
        clinic.close()
        raise
    clinic.new_recovery_key = recovery
    return clinic, recovery
