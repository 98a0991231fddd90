"""Reading version-1 key files (``caseplan.keys/1``), only to convert them.

In version 1 every slot wrapped the *same* database key under a password (Argon2id +
AES-GCM), so any account's password opened everything. Such a file is converted at the
first sign-in of an administrator or with the recovery key (docs/security.md §3): the
database is then rotated to a new key, so none of the old slots opens it any more.
"""

from __future__ import annotations

import base64
import json
import unicodedata
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from caseplan.errors import AccessDenied, StorageError, tr_noop
from caseplan.storage.costs import KEY_BYTES, KdfParams
from caseplan.storage.keys import (
    WRONG_PASSWORD,
    WRONG_RECOVERY_KEY,
    normalize_username,
    recovery_bytes,
)

FORMAT = "caseplan.keys/1"
DAMAGED_LEGACY = tr_noop(
    "The clinic's key file asks for key derivation settings Caseplan never uses, so it has "
    "been changed or damaged; restore it from a backup."
)
RECOVERY_SLOT = "recovery"


def is_legacy(data: Any) -> bool:
    return isinstance(data, dict) and data.get("format") == FORMAT


def _aad(slot_id: str, raw: dict[str, Any], account: str | None) -> bytes:
    kdf = raw["kdf"]
    return json.dumps(
        [
            FORMAT,
            slot_id,
            raw["kind"],
            account,
            int(kdf["time_cost"]),
            int(kdf["memory_cost"]),
            int(kdf["parallelism"]),
            base64.b64decode(kdf["salt"]).hex(),
        ],
        separators=(",", ":"),
    ).encode()


def _unwrap(slot_id: str, raw: dict[str, Any], secret: bytes) -> bytes | None:
    kdf = raw["kdf"]
    params = KdfParams(
        time_cost=int(kdf["time_cost"]),
        memory_cost=int(kdf["memory_cost"]),
        parallelism=int(kdf["parallelism"]),
    )
    if not params.reasonable:  # a planted old file must not hang a sign-in either
        raise StorageError(DAMAGED_LEGACY)
    wrapping = params.derive(secret, base64.b64decode(kdf["salt"]))
    try:
        key = AESGCM(wrapping).decrypt(
            base64.b64decode(raw["nonce"]),
            base64.b64decode(raw["wrapped_key"]),
            _aad(slot_id, raw, raw.get("account")),
        )
    except InvalidTag:
        return None
    return key if len(key) == KEY_BYTES else None


def unwrap(data: dict[str, Any], username: str, password: str) -> bytes:
    """The old database key from ``username``'s slot, or :class:`AccessDenied`."""
    wanted = normalize_username(username)
    for slot_id, raw in data.get("slots", {}).items():
        if raw.get("kind") == "password" and raw.get("account") == wanted:
            key = _unwrap(slot_id, raw, unicodedata.normalize("NFC", password).encode())
            if key is not None:
                return key
    raise AccessDenied(WRONG_PASSWORD)


def unwrap_recovery(data: dict[str, Any], text: str) -> bytes:
    secret = recovery_bytes(text)
    raw = data.get("slots", {}).get(RECOVERY_SLOT)
    key = None if secret is None or raw is None else _unwrap(RECOVERY_SLOT, raw, secret)
    if key is None:
        raise AccessDenied(WRONG_RECOVERY_KEY)
    return key
