"""Key slots, like disk encryption: the database key wrapped by each account's password.

The random 256-bit database key never leaves memory unwrapped. Each slot holds it
encrypted with AES-GCM under a key derived from a password (or the one-time recovery
key) with Argon2id. The slots live in a small JSON file beside the database
(``caseplan.db.keys``), so any account can unlock the database offline.

A :class:`KeyFile` is immutable: every change returns a new one, which :func:`save`
writes atomically.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import tempfile
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from caseplan.errors import AccessDenied, StorageError, tr_noop
from caseplan.storage import costs
from caseplan.storage.costs import KEY_BYTES as KEY_BYTES
from caseplan.storage.costs import KdfParams as KdfParams

FORMAT = "caseplan.keys/1"
SALT_BYTES = 16
NONCE_BYTES = 12
RECOVERY_SLOT = "recovery"
#: Letters and digits that cannot be mistaken for each other when read aloud or typed.
RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
RECOVERY_GROUPS = 8
RECOVERY_GROUP_LENGTH = 4

SlotKind = Literal["password", "recovery"]

WRONG_PASSWORD = tr_noop("The user name or password is wrong.")
WRONG_RECOVERY_KEY = tr_noop("The recovery key is wrong.")
DAMAGED = tr_noop("The key file at {path} is damaged or is not a Caseplan key file.")


#: The real key slot settings (tests make cheaper ones: :mod:`caseplan.storage.costs`).
DEFAULT_KDF = costs.REAL.kdf


@dataclass(frozen=True)
class Slot:
    """The database key wrapped under one password or the recovery key."""

    kind: SlotKind
    account: str | None
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped: bytes


@dataclass(frozen=True)
class KeyFile:
    slots: dict[str, Slot] = field(default_factory=dict)
    format: str = FORMAT

    def slot_for(self, username: str) -> str | None:
        wanted = normalize_username(username)
        for slot_id, slot in self.slots.items():
            if slot.kind == "password" and slot.account == wanted:
                return slot_id
        return None

    @property
    def accounts(self) -> list[str]:
        return sorted(s.account for s in self.slots.values() if s.account is not None)


def normalize_username(username: str) -> str:
    """The form a user name is compared and stored in (NFC, trimmed, case-folded)."""
    return unicodedata.normalize("NFC", username).strip().casefold()


def keys_path(database: Path) -> Path:
    """Where the key file of the database at ``database`` lives."""
    return database.with_name(database.name + ".keys")


def new_database_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def _aad(slot_id: str, kind: str, account: str | None, kdf: KdfParams, salt: bytes) -> bytes:
    """Everything about a slot except the ciphertext is bound in, so it cannot be swapped."""
    return json.dumps(
        [
            FORMAT,
            slot_id,
            kind,
            account,
            kdf.time_cost,
            kdf.memory_cost,
            kdf.parallelism,
            salt.hex(),
        ],
        separators=(",", ":"),
    ).encode()


def _wrap(
    slot_id: str,
    kind: SlotKind,
    account: str | None,
    secret: bytes,
    db_key: bytes,
    kdf: KdfParams | None,
) -> Slot:
    if len(db_key) != KEY_BYTES:
        raise ValueError("the database key must be 32 bytes")
    salt = secrets.token_bytes(SALT_BYTES)
    nonce = secrets.token_bytes(NONCE_BYTES)
    kdf = kdf or costs.in_use().kdf
    wrapping = kdf.derive(secret, salt)
    wrapped = AESGCM(wrapping).encrypt(nonce, db_key, _aad(slot_id, kind, account, kdf, salt))
    return Slot(kind=kind, account=account, kdf=kdf, salt=salt, nonce=nonce, wrapped=wrapped)


def _unwrap(slot_id: str, slot: Slot, secret: bytes) -> bytes | None:
    wrapping = slot.kdf.derive(secret, slot.salt)
    aad = _aad(slot_id, slot.kind, slot.account, slot.kdf, slot.salt)
    try:
        key = AESGCM(wrapping).decrypt(slot.nonce, slot.wrapped, aad)
    except InvalidTag:
        return None
    return key if len(key) == KEY_BYTES else None


def _password_bytes(password: str) -> bytes:
    return unicodedata.normalize("NFC", password).encode("utf-8")


def new_recovery_key() -> str:
    """A recovery key shown once, as groups of letters and digits (about 160 bits)."""
    chars = [
        secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_GROUPS * RECOVERY_GROUP_LENGTH)
    ]
    groups = [
        "".join(chars[i : i + RECOVERY_GROUP_LENGTH])
        for i in range(0, len(chars), RECOVERY_GROUP_LENGTH)
    ]
    return "-".join(groups)


def _recovery_bytes(text: str) -> bytes | None:
    """The recovery key as typed: spaces, dashes and lower case are forgiven."""
    compact = "".join(ch for ch in text.upper() if ch not in " -\t\n")
    if len(compact) != RECOVERY_GROUPS * RECOVERY_GROUP_LENGTH:
        return None
    if any(ch not in RECOVERY_ALPHABET for ch in compact):
        return None
    return compact.encode("ascii")


def create_new(kdf: KdfParams | None = None) -> tuple[KeyFile, bytes, str]:
    """A new database key, a key file with its recovery slot, and the recovery key text."""
    db_key = new_database_key()
    recovery = new_recovery_key()
    secret = _recovery_bytes(recovery)
    assert secret is not None
    slot = _wrap(RECOVERY_SLOT, "recovery", None, secret, db_key, kdf)
    return KeyFile(slots={RECOVERY_SLOT: slot}), db_key, recovery


def add_slot(
    keyfile: KeyFile, db_key: bytes, username: str, password: str, kdf: KdfParams | None = None
) -> KeyFile:
    """Let ``username`` unlock the database with ``password`` (replacing an older slot)."""
    account = normalize_username(username)
    if not account:
        raise ValueError("a key slot needs a user name")
    slots = dict(keyfile.slots)
    old = keyfile.slot_for(account)
    if old is not None:
        del slots[old]
    slot_id = "password-" + secrets.token_hex(8)
    slots[slot_id] = _wrap(slot_id, "password", account, _password_bytes(password), db_key, kdf)
    return replace(keyfile, slots=slots)


def unwrap(keyfile: KeyFile, username: str, password: str) -> bytes:
    """The database key, if ``password`` is ``username``'s; otherwise :class:`AccessDenied`."""
    slot_id = keyfile.slot_for(username)
    if slot_id is None:
        # Spend the same effort, so timing does not tell which accounts exist.
        costs.in_use().kdf.derive(_password_bytes(password), b"\0" * SALT_BYTES)
        raise AccessDenied(WRONG_PASSWORD)
    key = _unwrap(slot_id, keyfile.slots[slot_id], _password_bytes(password))
    if key is None:
        raise AccessDenied(WRONG_PASSWORD)
    return key


def unwrap_recovery(keyfile: KeyFile, text: str) -> bytes:
    """The database key from the recovery key; otherwise :class:`AccessDenied`."""
    secret = _recovery_bytes(text)
    slot = keyfile.slots.get(RECOVERY_SLOT)
    key = None if secret is None or slot is None else _unwrap(RECOVERY_SLOT, slot, secret)
    if key is None:
        raise AccessDenied(WRONG_RECOVERY_KEY)
    return key


def rewrap(
    keyfile: KeyFile,
    username: str,
    old_password: str,
    new_password: str,
    kdf: KdfParams | None = None,
) -> KeyFile:
    """Change ``username``'s password: proves the old one, then wraps under the new one."""
    db_key = unwrap(keyfile, username, old_password)
    return add_slot(keyfile, db_key, username, new_password, kdf)


def remove_slot(keyfile: KeyFile, username: str) -> KeyFile:
    """``username`` can no longer unlock the database (nothing changes if they could not)."""
    slot_id = keyfile.slot_for(username)
    if slot_id is None:
        return keyfile
    slots = {k: v for k, v in keyfile.slots.items() if k != slot_id}
    return replace(keyfile, slots=slots)


def replace_recovery(
    keyfile: KeyFile, db_key: bytes, kdf: KdfParams | None = None
) -> tuple[KeyFile, str]:
    """A new recovery key (the old one stops working); returns the text to show once."""
    recovery = new_recovery_key()
    secret = _recovery_bytes(recovery)
    assert secret is not None
    slots = dict(keyfile.slots)
    slots[RECOVERY_SLOT] = _wrap(RECOVERY_SLOT, "recovery", None, secret, db_key, kdf)
    return replace(keyfile, slots=slots), recovery


# --- the file -------------------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def to_json(keyfile: KeyFile) -> dict[str, Any]:
    return {
        "format": keyfile.format,
        "slots": {
            slot_id: {
                "kind": slot.kind,
                "account": slot.account,
                "kdf": {
                    "name": "argon2id",
                    "time_cost": slot.kdf.time_cost,
                    "memory_cost": slot.kdf.memory_cost,
                    "parallelism": slot.kdf.parallelism,
                    "salt": _b64(slot.salt),
                },
                "cipher": "aes-256-gcm",
                "nonce": _b64(slot.nonce),
                "wrapped_key": _b64(slot.wrapped),
            }
            for slot_id, slot in sorted(keyfile.slots.items())
        },
    }


def from_json(data: Any) -> KeyFile:
    """Read a key file document; anything unexpected raises ``ValueError``."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("not a Caseplan key file")
    raw_slots = data.get("slots")
    if not isinstance(raw_slots, dict):
        raise ValueError("no slots")
    slots: dict[str, Slot] = {}
    for slot_id, raw in raw_slots.items():
        kdf = raw["kdf"]
        if raw["kind"] not in ("password", "recovery") or kdf["name"] != "argon2id":
            raise ValueError("unknown slot kind or key derivation")
        if raw["cipher"] != "aes-256-gcm":
            raise ValueError("unknown cipher")
        account = raw["account"]
        if account is not None and not isinstance(account, str):
            raise ValueError("bad account")
        params = KdfParams(
            time_cost=int(kdf["time_cost"]),
            memory_cost=int(kdf["memory_cost"]),
            parallelism=int(kdf["parallelism"]),
        )
        slots[str(slot_id)] = Slot(
            kind=raw["kind"],
            account=account,
            kdf=params,
            salt=base64.b64decode(kdf["salt"], validate=True),
            nonce=base64.b64decode(raw["nonce"], validate=True),
            wrapped=base64.b64decode(raw["wrapped_key"], validate=True),
        )
    return KeyFile(slots=slots)


def load(path: Path) -> KeyFile:
    """Read the key file at ``path``; a missing or damaged one is a :class:`StorageError`."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise StorageError(
            tr_noop("The key file beside the database is missing: {path}."), path=str(path)
        ) from error
    except (OSError, UnicodeDecodeError) as error:
        raise StorageError(DAMAGED, path=str(path)) from error
    try:
        return from_json(json.loads(text))
    except (ValueError, KeyError, TypeError) as error:
        raise StorageError(DAMAGED, path=str(path)) from error


def save(keyfile: KeyFile, path: Path) -> None:
    """Write atomically: a temporary file in the same folder, fsync, rename, fsync the folder."""
    data = (json.dumps(to_json(keyfile), indent=2, sort_keys=True) + "\n").encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    try:
        folder = os.open(path.parent, os.O_RDONLY)
    except OSError:  # pragma: no cover - Windows cannot open folders
        return
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


class KeySlots:
    """The key file of one open database plus its key, for services that manage accounts.

    :mod:`caseplan.services.security.accounts` calls these as accounts are created, change their
    password or are removed, so the key file follows the accounts table.
    """

    def __init__(self, path: Path, db_key: bytes, kdf: KdfParams | None = None) -> None:
        self.path = path
        self._db_key = db_key
        self.kdf = kdf

    def current(self) -> KeyFile:
        return load(self.path)

    def set_password(self, username: str, password: str) -> KeyFile:
        """Add or replace ``username``'s slot; returns the previous key file (to undo)."""
        before = self.current()
        save(add_slot(before, self._db_key, username, password, self.kdf), self.path)
        return before

    def remove(self, username: str) -> KeyFile:
        before = self.current()
        save(remove_slot(before, username), self.path)
        return before

    def restore(self, keyfile: KeyFile) -> None:
        """Put back a key file returned by :meth:`set_password` or :meth:`remove`."""
        save(keyfile, self.path)
