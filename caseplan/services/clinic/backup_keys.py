"""Backups and the keys they were made with: which are made with a retired key, and
re-encrypting them with the current one (docs/security.md §5).

Every backup carries a copy of the key file of its moment. After a rotation (an account
switched off, a password reset) that copy still opens the backup with the old password,
so the backup is listed as *made with a retired key* until it is re-encrypted: copied,
checked, re-keyed with the current key, given the current key file, and put in place.
The clinic database keeps every retired key for this (staff only; never in a peer store).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseplan.errors import AccessDenied, StorageError, tr_noop
from caseplan.models import Setting
from caseplan.services.clinic.clinic_keys import NEEDS_CLINIC_KEY, RETIRED_KEY
from caseplan.services.clinic.opened import OpenClinic
from caseplan.services.security import access, audit
from caseplan.storage import cipher, keyfile, keys, legacy_keys
from caseplan.storage.backup import FOLDER

KNOWN_BACKUPS = "backup_files"
KEEP_KNOWN = 200
NO_RETIRED_KEY = tr_noop(
    "The key this backup was made with is not known to this database, so it cannot be "
    "re-encrypted here: {path}."
)
RE_ENCRYPTED = "backup_re_encrypted"


class KeyState(StrEnum):
    CURRENT = "current"
    RETIRED = "made with a retired key"
    OTHER_CLINIC = "another clinic's"
    NO_KEY_FILE = "without its key file"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made: datetime
    state: KeyState


def remember(session: Session, path: Path) -> None:
    """Note a backup made by hand, so it is listed with the automatic ones."""
    setting = session.get(Setting, KNOWN_BACKUPS)
    known = _known(setting)
    text = str(path)
    if text not in known:
        known.append(text)
    value = json.dumps(known[-KEEP_KNOWN:])
    if setting is None:
        session.add(Setting(key=KNOWN_BACKUPS, value=value))
    else:
        setting.value = value


def _known(setting: Setting | None) -> list[str]:
    try:
        found = json.loads(setting.value) if setting is not None else []
    except ValueError:
        return []
    return [str(item) for item in found] if isinstance(found, list) else []


def unlock_backup(key_path: Path, username: str, password: str) -> bytes:
    """The key a backup was made with, from its own key file and a staff password."""
    try:
        backup_keys = keyfile.load(key_path)
    except keyfile.LegacyKeyFile as old:
        return legacy_keys.unwrap(old.data, username, password)
    unlocked = keys.unlock_account(backup_keys, username, password)
    key = None if unlocked.is_peer else keys.open_grant(backup_keys, unlocked)
    if key is None:
        raise AccessDenied(NEEDS_CLINIC_KEY)
    return key


def _require(clinic: OpenClinic) -> tuple[Path, bytes]:
    access.require(clinic.ctx, access.Action.BACKUP)
    path = clinic.database.location.path
    if path is None or clinic.secret is None or not clinic.holds_clinic_key:
        raise AccessDenied(NEEDS_CLINIC_KEY)
    return path, clinic.secret.reveal()


def list_backups(clinic: OpenClinic) -> list[BackupInfo]:
    """Every backup this database knows of (automatic ones and those made by hand)."""
    database, _key = _require(clinic)
    current = keyfile.load(keys.keys_path(database))
    with clinic.ctx.read() as session:
        known = [Path(p) for p in _known(session.get(Setting, KNOWN_BACKUPS))]
    folder = database.parent / FOLDER
    automatic = sorted(folder.glob(f"{database.stem}-*.db")) if folder.is_dir() else []
    found: list[BackupInfo] = []
    for path in dict.fromkeys([*automatic, *known]):
        if path.exists():
            found.append(BackupInfo(path, _made(path), _state(path, current)))
    return sorted(found, key=lambda info: info.made)


def _made(path: Path) -> datetime:
    return datetime.fromtimestamp(path.stat().st_mtime, UTC)


def _state(path: Path, current: keys.KeyFile) -> KeyState:
    key_path = keys.keys_path(path)
    if not key_path.exists():
        return KeyState.NO_KEY_FILE
    try:
        theirs = keyfile.load(key_path)
    except keyfile.LegacyKeyFile:
        return KeyState.RETIRED
    except StorageError:
        return KeyState.NO_KEY_FILE
    if theirs.clinic != current.clinic:
        return KeyState.OTHER_CLINIC
    return KeyState.CURRENT if theirs.epoch == current.epoch else KeyState.RETIRED


def re_encrypt(clinic: OpenClinic, path: Path) -> Path:
    """Re-key a backup made with a retired key to the current key (and key file)."""
    database, current_key = _require(clinic)
    path = path.absolute()
    old = _retired_key_of(clinic, path)
    partial = path.with_name(path.name + ".re-encrypt")
    next_keys = keys.keys_path(path).with_name(keys.keys_path(path).name + ".next")
    cipher.remove_database_files(partial)
    try:
        cipher.backup_encrypted(path, old, partial)
        cipher.rekey(partial, old, current_key, keep_wal=False)
        cipher.verify_encrypted(partial, current_key)
        keyfile.copy(keys.keys_path(database), next_keys)
        os.replace(partial, path)
        os.replace(next_keys, keys.keys_path(path))
    finally:
        cipher.remove_database_files(partial)
        next_keys.unlink(missing_ok=True)
    with clinic.ctx.write() as session:
        audit.record(session, clinic.actor, RE_ENCRYPTED, "database", "", path.name)
    return path


def _retired_key_of(clinic: OpenClinic, path: Path) -> bytes:
    with clinic.ctx.read() as session:
        rows = session.execute(select(Setting.value).where(Setting.key.startswith(RETIRED_KEY)))
        candidates = [bytes.fromhex(value) for (value,) in rows]
    for candidate in reversed(candidates):
        if cipher.opens_with(path, candidate):
            return candidate
    raise StorageError(NO_RETIRED_KEY, path=str(path))
