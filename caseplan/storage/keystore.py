"""Optionally let this computer remember a database key in the operating system's keyring.

Only a real OS keyring counts (macOS Keychain, Windows Credential Locker, Secret Service,
KWallet...). keyring's ``fail`` and ``null`` backends and the file-based backends of
``keyrings.alt`` (plain text or a file "encrypted" with a password kept beside it) are
not real: then the database is unlocked by password only, and :func:`keyring_status`
says so in a sentence the window can show.

A key found here is only a convenience. If there is none (or it no longer opens the
database), the caller asks for a password; it must never make a new key.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
from pathlib import Path
from typing import Any

import keyring
from keyring.backends.chainer import ChainerBackend
from keyring.errors import KeyringError

from caseplan.errors import tr_noop

SERVICE = "Caseplan database key"
KEY_BYTES = 32

NOT_USABLE = tr_noop(
    "This computer has no secure keyring, so Caseplan asks for a password every time."
)

_NOT_REAL_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")


def _is_real(backend: Any) -> bool:
    if isinstance(backend, ChainerBackend):
        children = list(getattr(backend, "backends", []))
        return bool(children) and all(_is_real(child) for child in children)
    module = type(backend).__module__
    if any(module == bad or module.startswith(bad + ".") for bad in _NOT_REAL_MODULES):
        return False
    try:
        priority = float(type(backend).priority)
    except Exception:
        return False
    return priority > 0


def keyring_status(backend: Any = None) -> tuple[bool, str]:
    """Whether the key may be remembered here, and a sentence to show when it may not."""
    active = backend if backend is not None else keyring.get_keyring()
    if _is_real(active):
        return True, ""
    return False, NOT_USABLE


def _entry(database: Path) -> str:
    return str(database.expanduser().absolute())


def remember_key(database: Path, key: bytes) -> bool:
    """Keep ``key`` for ``database`` in the keyring; False (and nothing kept) if not usable."""
    if len(key) != KEY_BYTES:
        raise ValueError("the database key must be 32 bytes")
    usable, _note = keyring_status()
    if not usable:
        return False
    try:
        keyring.set_password(SERVICE, _entry(database), base64.b64encode(key).decode("ascii"))
    except KeyringError:
        return False
    return True


def recall_key(database: Path) -> bytes | None:
    """The remembered key for ``database``, or None (never a new key)."""
    usable, _note = keyring_status()
    if not usable:
        return None
    try:
        stored = keyring.get_password(SERVICE, _entry(database))
    except KeyringError:
        return None
    if not stored:
        return None
    try:
        key = base64.b64decode(stored, validate=True)
    except (binascii.Error, ValueError):
        return None
    return key if len(key) == KEY_BYTES else None


def forget_key(database: Path) -> None:
    """Stop remembering the key for ``database`` (nothing happens if none was kept)."""
    with contextlib.suppress(KeyringError):
        keyring.delete_password(SERVICE, _entry(database))
