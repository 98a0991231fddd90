"""Keys that follow the roles: one key pair per account, the clinic key sealed to staff only.

docs/security.md §3. Each account (and the recovery key) has an X25519 key pair whose
private half is wrapped (AES-256-GCM) under its password through Argon2id. A *grant*
seals a key of the current *epoch* to an account's public key: the clinic key ``K`` for
practitioners, team leads, administrators and the recovery key; the key of their own
peer store for a peer worker. Sealing needs no password, so a rotation re-seals a new key
to every remaining account. Accounts are found by a keyed label, never by name, and the
public half of the file carries a MAC under ``K``, so nobody without ``K`` can swap a
public key in. A :class:`KeyFile` is immutable; :mod:`caseplan.storage.keyfile` reads
and writes it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from caseplan.errors import AccessDenied, StorageError, tr_noop
from caseplan.storage import costs
from caseplan.storage.costs import KEY_BYTES as KEY_BYTES
from caseplan.storage.costs import KdfParams as KdfParams
from caseplan.storage.key_model import Entry as Entry
from caseplan.storage.key_model import EntryKind
from caseplan.storage.key_model import Grant as Grant
from caseplan.storage.key_model import KeyFile as KeyFile
from caseplan.storage.key_model import Pending as Pending
from caseplan.storage.key_model import Unlocked as Unlocked
from caseplan.storage.key_model import account_label as account_label
from caseplan.storage.key_model import keys_path as keys_path
from caseplan.storage.key_model import normalize_username as normalize_username

FORMAT = "caseplan.keys/2"
SALT_BYTES = 16
NONCE_BYTES = 12
RECOVERY = "recovery"
#: Letters and digits that cannot be mistaken for each other when read aloud or typed.
RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
RECOVERY_GROUPS = 8
RECOVERY_GROUP_LENGTH = 4


WRONG_PASSWORD = tr_noop("The user name or password is wrong.")
WRONG_RECOVERY_KEY = tr_noop("The recovery key is wrong.")
TAMPERED = tr_noop(
    "The key file's list of accounts was changed outside Caseplan, so no key is given to it; "
    "restore the key file from a backup."
)


#: The real settings of new entries (tests make cheaper ones: :mod:`caseplan.storage.costs`).
DEFAULT_KDF = costs.REAL.kdf


def new_database_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def peer_key(clinic_key: bytes, store: str, epoch: int) -> bytes:
    """The key of one peer store in one epoch, derived from the clinic key."""
    return _hkdf(clinic_key, f"caseplan peer store|{store}|{epoch}".encode())


def _hkdf(key: bytes, info: bytes, salt: bytes | None = None) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, info=info).derive(key)


def _json(*parts: Any) -> bytes:
    return json.dumps(parts, separators=(",", ":"), ensure_ascii=True).encode()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


# --- the private keys, wrapped by passwords ----------------------------------------------------


def _entry_aad(
    clinic: str,
    label: str,
    kind: str,
    public: bytes,
    store: str | None,
    kdf: KdfParams,
    salt: bytes,
) -> bytes:
    return _json(
        FORMAT,
        clinic,
        label,
        kind,
        _b64(public),
        store,
        kdf.time_cost,
        kdf.memory_cost,
        kdf.parallelism,
        _b64(salt),
    )


def _wrap_entry(
    clinic: str,
    label: str,
    kind: EntryKind,
    secret: bytes,
    private: X25519PrivateKey,
    store: str | None,
    kdf: KdfParams | None,
) -> Entry:
    kdf = kdf or costs.in_use().kdf
    public = private.public_key().public_bytes_raw()
    salt, nonce = secrets.token_bytes(SALT_BYTES), secrets.token_bytes(NONCE_BYTES)
    aad = _entry_aad(clinic, label, kind, public, store, kdf, salt)
    wrapped = AESGCM(kdf.derive(secret, salt)).encrypt(nonce, private.private_bytes_raw(), aad)
    return Entry(kind, public, store, kdf, salt, nonce, wrapped)


def _unwrap_entry(clinic: str, label: str, entry: Entry, secret: bytes) -> Unlocked | None:
    aad = _entry_aad(
        clinic, label, entry.kind, entry.public_key, entry.store, entry.kdf, entry.salt
    )
    try:
        raw = AESGCM(entry.kdf.derive(secret, entry.salt)).decrypt(entry.nonce, entry.wrapped, aad)
    except InvalidTag:
        return None
    private = X25519PrivateKey.from_private_bytes(raw)
    if private.public_key().public_bytes_raw() != entry.public_key:
        return None
    return Unlocked(label, entry, private)


def _password_bytes(password: str) -> bytes:
    return unicodedata.normalize("NFC", password).encode("utf-8")


def new_recovery_key() -> str:
    """A recovery key shown once, as groups of letters and digits (160 bits)."""
    chars = "".join(
        secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_GROUPS * RECOVERY_GROUP_LENGTH)
    )
    step = RECOVERY_GROUP_LENGTH
    return "-".join(chars[i : i + step] for i in range(0, len(chars), step))


def recovery_bytes(text: str) -> bytes | None:
    """The recovery key as typed: spaces, dashes and lower case are forgiven."""
    compact = "".join(ch for ch in text.upper() if ch not in " -\t\n")
    if len(compact) != RECOVERY_GROUPS * RECOVERY_GROUP_LENGTH:
        return None
    if any(ch not in RECOVERY_ALPHABET for ch in compact):
        return None
    return compact.encode("ascii")


# --- grants: a key sealed to a public key -----------------------------------------------------


def _grant_aad(clinic: str, epoch: int, label: str, entry: Entry, ephemeral: bytes) -> bytes:
    return _json(
        FORMAT, "grant", clinic, epoch, label, entry.store, _b64(entry.public_key), _b64(ephemeral)
    )


def _seal(clinic: str, epoch: int, label: str, entry: Entry, payload: bytes) -> Grant:
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes_raw()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(entry.public_key))
    key = _hkdf(shared, b"caseplan grant", salt=ephemeral_public + entry.public_key)
    nonce = secrets.token_bytes(NONCE_BYTES)
    aad = _grant_aad(clinic, epoch, label, entry, ephemeral_public)
    return Grant(ephemeral_public, nonce, AESGCM(key).encrypt(nonce, payload, aad))


def _open_sealed(clinic: str, epoch: int, unlocked: Unlocked, grant: Grant) -> bytes | None:
    entry = unlocked.entry
    shared = unlocked.private_key.exchange(X25519PublicKey.from_public_bytes(grant.ephemeral))
    key = _hkdf(shared, b"caseplan grant", salt=grant.ephemeral + entry.public_key)
    aad = _grant_aad(clinic, epoch, unlocked.label, entry, grant.ephemeral)
    try:
        payload = AESGCM(key).decrypt(grant.nonce, grant.sealed, aad)
    except InvalidTag:
        return None
    return payload if len(payload) == KEY_BYTES else None


def _payload(clinic_key: bytes, entry: Entry, epoch: int) -> bytes:
    return clinic_key if entry.store is None else peer_key(clinic_key, entry.store, epoch)


def _directory_mac(clinic_key: bytes, clinic: str, epoch: int, entries: dict[str, Entry]) -> bytes:
    listing = [[label, e.kind, _b64(e.public_key), e.store] for label, e in sorted(entries.items())]
    key = _hkdf(clinic_key, b"caseplan key file directory")
    return hmac.new(key, _json(FORMAT, clinic, epoch, listing), hashlib.sha256).digest()


def verify_directory(keyfile: KeyFile, clinic_key: bytes) -> None:
    """Refuse a key file whose accounts were changed by someone without the clinic key."""
    expected = _directory_mac(clinic_key, keyfile.clinic, keyfile.epoch, keyfile.entries)
    if not hmac.compare_digest(expected, keyfile.mac):
        raise StorageError(TAMPERED)


def _sealed_all(keyfile: KeyFile, clinic_key: bytes, epoch: int) -> dict[str, Grant]:
    return {
        label: _seal(keyfile.clinic, epoch, label, entry, _payload(clinic_key, entry, epoch))
        for label, entry in keyfile.entries.items()
    }


def _with_entries(keyfile: KeyFile, clinic_key: bytes, entries: dict[str, Entry]) -> KeyFile:
    mac = _directory_mac(clinic_key, keyfile.clinic, keyfile.epoch, entries)
    grants = {label: g for label, g in keyfile.grants.items() if label in entries}
    return replace(keyfile, entries=entries, grants=grants, mac=mac)


# --- what the program does with a key file --------------------------------------------------


def new_clinic(kdf: KdfParams | None = None) -> tuple[KeyFile, bytes, str]:
    """A new clinic key, a key file holding only the recovery key's entry, and its text."""
    clinic_key = new_database_key()
    keyfile = KeyFile(
        clinic=secrets.token_hex(8), epoch=1, lookup_salt=secrets.token_bytes(SALT_BYTES)
    )
    keyfile, recovery = replace_recovery(keyfile, clinic_key, kdf, due=False)
    return keyfile, clinic_key, recovery


def replace_recovery(
    keyfile: KeyFile, clinic_key: bytes, kdf: KdfParams | None = None, *, due: bool = True
) -> tuple[KeyFile, str]:
    """A new recovery key (the old one stops working); returns the text to show once."""
    text = new_recovery_key()
    secret = recovery_bytes(text)
    assert secret is not None
    entry = _wrap_entry(
        keyfile.clinic, RECOVERY, "recovery", secret, X25519PrivateKey.generate(), None, kdf
    )
    keyfile = _put(keyfile, clinic_key, RECOVERY, entry)
    return replace(keyfile, rotation_due=keyfile.rotation_due or due), text


def _put(keyfile: KeyFile, clinic_key: bytes, label: str, entry: Entry) -> KeyFile:
    if keyfile.entries:
        verify_directory(keyfile, clinic_key)
    updated = _with_entries(keyfile, clinic_key, {**keyfile.entries, label: entry})
    grant = _seal(
        keyfile.clinic, keyfile.epoch, label, entry, _payload(clinic_key, entry, keyfile.epoch)
    )
    return replace(updated, grants={**updated.grants, label: grant})


def add_account(
    keyfile: KeyFile,
    clinic_key: bytes,
    username: str,
    password: str,
    *,
    store: str | None = None,
    kdf: KdfParams | None = None,
) -> KeyFile:
    """Give ``username`` a new key pair under ``password`` and a grant of this epoch.

    ``store`` names a peer worker's peer store (their grant opens only that store). An
    existing entry is replaced by a fresh key pair, so a reset password never reuses the
    old private key; then a rotation is due.
    """
    if not normalize_username(username):
        raise ValueError("an account needs a user name")
    label = keyfile.label(username)
    replacing = label in keyfile.entries
    entry = _wrap_entry(
        keyfile.clinic,
        label,
        "password",
        _password_bytes(password),
        X25519PrivateKey.generate(),
        store,
        kdf,
    )
    keyfile = _put(keyfile, clinic_key, label, entry)
    return replace(keyfile, rotation_due=keyfile.rotation_due or replacing)


def remove_account(keyfile: KeyFile, clinic_key: bytes, username: str) -> KeyFile:
    """``username`` gets nothing from now on; the key must be rotated next."""
    label = keyfile.label(username)
    if label not in keyfile.entries:
        return keyfile
    verify_directory(keyfile, clinic_key)
    entries = {k: v for k, v in keyfile.entries.items() if k != label}
    return replace(_with_entries(keyfile, clinic_key, entries), rotation_due=True)


def unlock_account(keyfile: KeyFile, username: str, password: str) -> Unlocked:
    """The account's private key, or :class:`AccessDenied` (the same effort either way)."""
    label = keyfile.label(username)
    entry = keyfile.entries.get(label)
    if entry is None or entry.kind != "password":
        costs.in_use().kdf.derive(_password_bytes(password), b"\0" * SALT_BYTES)
        raise AccessDenied(WRONG_PASSWORD)
    unlocked = _unwrap_entry(keyfile.clinic, label, entry, _password_bytes(password))
    if unlocked is None:
        raise AccessDenied(WRONG_PASSWORD)
    return unlocked


def unlock_recovery(keyfile: KeyFile, text: str) -> Unlocked:
    secret = recovery_bytes(text)
    entry = keyfile.entries.get(RECOVERY)
    unlocked = (
        None
        if secret is None or entry is None
        else _unwrap_entry(keyfile.clinic, RECOVERY, entry, secret)
    )
    if unlocked is None:
        raise AccessDenied(WRONG_RECOVERY_KEY)
    return unlocked


def open_grant(keyfile: KeyFile, unlocked: Unlocked, *, pending: bool = False) -> bytes | None:
    """The key this account was given in the current (or the pending) epoch, if any."""
    if pending:
        if keyfile.pending is None:
            return None
        epoch, grants = keyfile.pending.epoch, keyfile.pending.grants
    else:
        epoch, grants = keyfile.epoch, keyfile.grants
    grant = grants.get(unlocked.label)
    return None if grant is None else _open_sealed(keyfile.clinic, epoch, unlocked, grant)


def change_own_password(
    keyfile: KeyFile,
    username: str,
    old_password: str,
    new_password: str,
    kdf: KdfParams | None = None,
) -> KeyFile:
    """Wrap the same private key under a new password (no clinic key needed)."""
    unlocked = unlock_account(keyfile, username, old_password)
    entry = _wrap_entry(
        keyfile.clinic,
        unlocked.label,
        "password",
        _password_bytes(new_password),
        unlocked.private_key,
        unlocked.entry.store,
        kdf,
    )
    return replace(keyfile, entries={**keyfile.entries, unlocked.label: entry})


def start_rotation(keyfile: KeyFile, clinic_key: bytes) -> tuple[KeyFile, bytes]:
    """A new clinic key sealed to every remaining entry, as the pending epoch."""
    verify_directory(keyfile, clinic_key)
    new_key = new_database_key()
    epoch = max(keyfile.epoch, keyfile.pending.epoch if keyfile.pending else 0) + 1
    mac = _directory_mac(new_key, keyfile.clinic, epoch, keyfile.entries)
    pending = Pending(epoch, _sealed_all(keyfile, new_key, epoch), mac)
    return replace(keyfile, pending=pending), new_key


def finish_rotation(keyfile: KeyFile) -> KeyFile:
    """The pending epoch becomes the current one; the old grants are gone."""
    if keyfile.pending is None:
        return keyfile
    p = keyfile.pending
    return replace(
        keyfile, epoch=p.epoch, grants=p.grants, mac=p.mac, pending=None, rotation_due=False
    )


def labels(keyfile: KeyFile, usernames: Iterable[str]) -> dict[str, str]:
    """The label of each user name (for staff, who know the names from the database)."""
    return {keyfile.label(name): normalize_username(name) for name in usernames}
