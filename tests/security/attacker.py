"""Someone who holds every file and one password, with nothing of Caseplan's code.

Only the crypto primitives (argon2, cryptography, sqlcipher3) and the key file's format as
docs/security.md §3 describes it: find the entry by its label, unwrap the private key with
Argon2id and AES-GCM, open every grant it can, and try every key on every file. What it
can read is what the design lets one password read.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

FORMAT = "caseplan.keys/2"


def _b(text: str) -> bytes:
    return base64.b64decode(text)


def _json(*parts: Any) -> bytes:
    return json.dumps(parts, separators=(",", ":"), ensure_ascii=True).encode()


def _label(salt: bytes, username: str) -> str:
    name = unicodedata.normalize("NFC", username).strip().casefold().encode()
    return base64.urlsafe_b64encode(hmac.new(salt, name, hashlib.sha256).digest()[:18]).decode()


def _private_key(doc: dict[str, Any], label: str, password: str) -> X25519PrivateKey | None:
    entry = doc["accounts"].get(label)
    if entry is None:
        return None
    kdf = entry["kdf"]
    wrapping = hash_secret_raw(
        unicodedata.normalize("NFC", password).encode(),
        _b(kdf["salt"]),
        time_cost=kdf["time_cost"],
        memory_cost=kdf["memory_cost"],
        parallelism=kdf["parallelism"],
        hash_len=32,
        type=Type.ID,
    )
    aad = _json(
        FORMAT,
        doc["clinic"],
        label,
        entry["kind"],
        entry["public_key"],
        entry["store"],
        kdf["time_cost"],
        kdf["memory_cost"],
        kdf["parallelism"],
        kdf["salt"],
    )
    try:
        raw = AESGCM(wrapping).decrypt(_b(entry["nonce"]), _b(entry["wrapped_private_key"]), aad)
    except InvalidTag:
        return None
    return X25519PrivateKey.from_private_bytes(raw)


def _open(
    doc: dict[str, Any], epoch: str, label: str, private: X25519PrivateKey, grant: dict[str, str]
) -> bytes | None:
    entry = doc["accounts"][label]
    ephemeral = _b(grant["ephemeral"])
    shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral))
    key = HKDF(hashes.SHA256(), 32, ephemeral + _b(entry["public_key"]), b"caseplan grant").derive(
        shared
    )
    aad = _json(
        FORMAT,
        "grant",
        doc["clinic"],
        int(epoch),
        label,
        entry["store"],
        entry["public_key"],
        grant["ephemeral"],
    )
    try:
        return AESGCM(key).decrypt(_b(grant["nonce"]), _b(grant["sealed"]), aad)
    except InvalidTag:
        return None


def keys_from(key_files: list[Path], username: str, password: str) -> list[bytes]:
    """Every key ``password`` opens in any of ``key_files`` (current and pending epochs)."""
    found: list[bytes] = []
    for path in key_files:
        try:
            doc = json.loads(path.read_text())
        except (ValueError, UnicodeDecodeError):
            continue
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            continue
        label = _label(_b(doc["lookup_salt"]), username)
        private = _private_key(doc, label, password)
        if private is None:
            continue
        epochs = dict(doc.get("grants", {}))
        if doc.get("pending"):
            epochs[str(doc["pending"]["epoch"])] = doc["pending"]["grants"]
        for epoch, grants in epochs.items():
            if label in grants:
                key = _open(doc, epoch, label, private, grants[label])
                if key is not None and key not in found:
                    found.append(key)
    return found


@dataclass
class Loot:
    """Everything read: per database file, per table, every row as text."""

    tables: dict[str, dict[str, list[tuple[Any, ...]]]] = field(default_factory=dict)

    def rows(self, table: str) -> list[tuple[Any, ...]]:
        return [row for found in self.tables.values() for row in found.get(table, [])]

    def text(self) -> str:
        return "\n".join(
            repr(row) for found in self.tables.values() for rows in found.values() for row in rows
        )

    def columns(self, table: str, column: str) -> list[Any]:
        values = []
        for found in self.tables.values():
            names = found.get(f"{table}.__columns__")
            if names is None:
                continue
            index = list(names[0]).index(column)
            values += [row[index] for row in found.get(table, [])]
        return values


def read_everything(folder: Path, keys: list[bytes]) -> Loot:
    """Try every key on every file under ``folder``; dump what opens."""
    loot = Loot()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        for key in keys:
            connection = sqlcipher.connect(f"file:{path}?mode=ro", uri=True)
            try:
                connection.execute("PRAGMA cipher_log_level = NONE")
                connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
                names = [
                    r[0]
                    for r in connection.execute(
                        "SELECT name FROM sqlite_master WHERE type = 'table'"
                    )
                ]
            except sqlcipher.DatabaseError:
                connection.close()
                continue
            if not names:  # an empty file "opens" with any key: nothing in it
                connection.close()
                continue
            found: dict[str, list[tuple[Any, ...]]] = {}
            for name in names:
                cursor = connection.execute(f'SELECT * FROM "{name}"')
                found[name] = [tuple(row) for row in cursor.fetchall()]
                found[f"{name}.__columns__"] = [tuple(d[0] for d in cursor.description)]
            loot.tables[str(path)] = found
            connection.close()
            break
    return loot
