"""What a key file holds (docs/security.md §3), as immutable records; the crypto is in
:mod:`caseplan.storage.keys`, reading and writing in :mod:`caseplan.storage.keyfile`."""

from __future__ import annotations

import base64
import hashlib
import hmac
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from caseplan.storage.costs import KdfParams

EntryKind = Literal["password", "recovery"]


@dataclass(frozen=True)
class Entry:
    """One account's key pair: the public key, and the private key wrapped by its password."""

    kind: EntryKind
    public_key: bytes
    store: str | None  #: the peer store of a peer worker; None for staff and recovery
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped: bytes


@dataclass(frozen=True)
class Grant:
    """A key sealed to one entry's public key (ephemeral X25519 + HKDF + AES-GCM)."""

    ephemeral: bytes
    nonce: bytes
    sealed: bytes


@dataclass(frozen=True)
class Pending:
    """A rotation under way: the next epoch's grants and directory MAC."""

    epoch: int
    grants: dict[str, Grant]
    mac: bytes


@dataclass(frozen=True)
class KeyFile:
    clinic: str
    epoch: int
    lookup_salt: bytes
    entries: dict[str, Entry] = field(default_factory=dict)
    grants: dict[str, Grant] = field(default_factory=dict)
    mac: bytes = b""
    pending: Pending | None = None
    #: An account was removed or its key pair replaced since the last rotation.
    rotation_due: bool = False
    #: Sign-in tries per label (:mod:`caseplan.storage.throttle`), kept outside the MAC.
    throttle: dict[str, Any] = field(default_factory=dict)
    #: Top-level parts this program does not know (e.g. ``anchors``), kept as they are.
    extra: dict[str, Any] = field(default_factory=dict)

    def label(self, username: str) -> str:
        return account_label(self.lookup_salt, username)

    def has_account(self, username: str) -> bool:
        return self.label(username) in self.entries

    def count(self, *, peers: bool) -> int:
        return sum(
            1
            for e in self.entries.values()
            if e.kind == "password" and (e.store is not None) is peers
        )


@dataclass(frozen=True)
class Unlocked:
    """An entry whose private key was unwrapped with its password (or the recovery key)."""

    label: str
    entry: Entry
    private_key: X25519PrivateKey = field(repr=False)

    @property
    def is_peer(self) -> bool:
        return self.entry.store is not None


def normalize_username(username: str) -> str:
    """The form a user name is compared and stored in (NFC, trimmed, case-folded)."""
    return unicodedata.normalize("NFC", username).strip().casefold()


def account_label(lookup_salt: bytes, username: str) -> str:
    digest = hmac.new(lookup_salt, normalize_username(username).encode(), hashlib.sha256)
    return base64.urlsafe_b64encode(digest.digest()[:18]).decode("ascii")


def keys_path(database: Path) -> Path:
    """Where the key file of the database at ``database`` lives."""
    return database.with_name(database.name + ".keys")
