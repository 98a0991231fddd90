"""The key file on disk: JSON in, JSON out, written atomically, changed under a lock.

Every read-modify-write of a key file (a sign-in try, a password change, a rotation)
goes through :func:`update`, which holds an exclusive lock on ``NAME.keys.lock`` while
it reads, changes and writes, so two programs never lose each other's changes. A
version-1 file is reported as :class:`LegacyKeyFile` (see :mod:`caseplan.storage.legacy_keys`).
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from caseplan.errors import StorageError, tr_noop
from caseplan.storage import legacy_keys
from caseplan.storage.costs import KdfParams
from caseplan.storage.faults import beside_database_fault
from caseplan.storage.keys import FORMAT, Entry, Grant, KeyFile, Pending

DAMAGED = tr_noop("The key file at {path} is damaged or is not a Caseplan key file.")
MISSING = tr_noop("The key file beside the database is missing: {path}.")
_KNOWN = {
    "format",
    "clinic",
    "epoch",
    "lookup_salt",
    "accounts",
    "grants",
    "pending",
    "directory_mac",
    "rotation_due",
    "throttle",
}


class LegacyKeyFile(StorageError):
    """A version-1 key file: it must be converted (docs/security.md §3)."""

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        super().__init__(
            tr_noop(
                "This clinic's key file is from an older Caseplan; an administrator must sign "
                "in first (or use the recovery key) to bring it up to date."
            )
        )
        self.path = path
        self.data = data


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text, validate=True)


def _grants_json(grants: dict[str, Grant]) -> dict[str, Any]:
    return {
        label: {"ephemeral": _b64(g.ephemeral), "nonce": _b64(g.nonce), "sealed": _b64(g.sealed)}
        for label, g in sorted(grants.items())
    }


def to_json(keyfile: KeyFile) -> dict[str, Any]:
    entries = {
        label: {
            "kind": e.kind,
            "public_key": _b64(e.public_key),
            "store": e.store,
            "kdf": {
                "name": "argon2id",
                "time_cost": e.kdf.time_cost,
                "memory_cost": e.kdf.memory_cost,
                "parallelism": e.kdf.parallelism,
                "salt": _b64(e.salt),
            },
            "cipher": "aes-256-gcm",
            "nonce": _b64(e.nonce),
            "wrapped_private_key": _b64(e.wrapped),
        }
        for label, e in sorted(keyfile.entries.items())
    }
    pending = keyfile.pending
    return {
        **keyfile.extra,
        "format": FORMAT,
        "clinic": keyfile.clinic,
        "epoch": keyfile.epoch,
        "lookup_salt": _b64(keyfile.lookup_salt),
        "accounts": entries,
        "grants": {str(keyfile.epoch): _grants_json(keyfile.grants)},
        "directory_mac": _b64(keyfile.mac),
        "pending": None
        if pending is None
        else {
            "epoch": pending.epoch,
            "grants": _grants_json(pending.grants),
            "directory_mac": _b64(pending.mac),
        },
        "rotation_due": keyfile.rotation_due,
        "throttle": keyfile.throttle,
        "anchors": keyfile.extra.get("anchors", {}),
    }


def _kdf(raw: Any) -> tuple[KdfParams, bytes]:
    if raw.get("name") != "argon2id":
        raise ValueError("unknown key derivation")
    params = KdfParams(int(raw["time_cost"]), int(raw["memory_cost"]), int(raw["parallelism"]))
    if not params.reasonable:  # a planted file must not hang a sign-in
        raise ValueError("key derivation settings out of range")
    return params, _unb64(raw["salt"])


def _grants(raw: Any) -> dict[str, Grant]:
    return {
        str(label): Grant(_unb64(g["ephemeral"]), _unb64(g["nonce"]), _unb64(g["sealed"]))
        for label, g in dict(raw).items()
    }


def from_json(data: Any) -> KeyFile:
    """Read a key file document; anything unexpected raises ``ValueError``."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("not a Caseplan key file")
    entries: dict[str, Entry] = {}
    for label, raw in dict(data["accounts"]).items():
        if raw["kind"] not in ("password", "recovery") or raw["cipher"] != "aes-256-gcm":
            raise ValueError("unknown entry")
        store = raw.get("store")
        if store is not None and not (isinstance(store, str) and store.isalnum()):
            raise ValueError("bad store id")
        kdf, salt = _kdf(raw["kdf"])
        entries[str(label)] = Entry(
            raw["kind"],
            _unb64(raw["public_key"]),
            store,
            kdf,
            salt,
            _unb64(raw["nonce"]),
            _unb64(raw["wrapped_private_key"]),
        )
    epoch = int(data["epoch"])
    raw_pending = data.get("pending")
    pending = None
    if raw_pending is not None:
        pending = Pending(
            int(raw_pending["epoch"]),
            _grants(raw_pending["grants"]),
            _unb64(raw_pending["directory_mac"]),
        )
    throttle = data.get("throttle") or {}
    if not isinstance(throttle, dict):
        raise ValueError("bad throttle")
    clinic = data["clinic"]
    if not isinstance(clinic, str):
        raise ValueError("bad clinic id")
    return KeyFile(
        clinic=clinic,
        epoch=epoch,
        lookup_salt=_unb64(data["lookup_salt"]),
        entries=entries,
        grants=_grants(dict(data["grants"]).get(str(epoch), {})),
        mac=_unb64(data["directory_mac"]),
        pending=pending,
        rotation_due=bool(data.get("rotation_due", False)),
        throttle=throttle,
        extra={k: v for k, v in data.items() if k not in _KNOWN},
    )


def load(path: Path) -> KeyFile:
    """Read the key file at ``path``; a missing or damaged one is a :class:`StorageError`."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise StorageError(MISSING, path=str(path)) from error
    except (OSError, UnicodeDecodeError) as error:
        raise StorageError(DAMAGED, path=str(path)) from error
    try:
        data = json.loads(text)
    except ValueError as error:
        raise StorageError(DAMAGED, path=str(path)) from error
    if legacy_keys.is_legacy(data):
        raise LegacyKeyFile(path, data)
    try:
        return from_json(data)
    except (ValueError, KeyError, TypeError, AttributeError) as error:
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


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold the key file's lock (other programs wait) for a read-modify-write."""
    target = lock_path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "a+b") as handle:
        _lock(handle)
        try:
            yield
        finally:
            _unlock(handle)


def update(path: Path, change: Callable[[KeyFile], KeyFile]) -> KeyFile:
    """Read, change and write the key file under its lock; returns what was written.

    The key file lives beside the database, so a read-only place or a full disk there is
    said of the database (one sentence, :mod:`caseplan.storage.faults`).
    """
    try:
        with locked(path):
            before = load(path)
            after = change(before)
            if after is not before:
                save(after, path)
            return after
    except OSError as error:
        raise beside_database_fault(
            error, path.with_name(path.name.removesuffix(".keys"))
        ) from error


def copy(source: Path, target: Path) -> None:
    """Copy a key file (a backup's) as it is, read under its lock."""
    with locked(source):
        data = source.read_bytes()
    temporary = target.with_name(target.name + ".tmp")
    try:
        temporary.write_bytes(data)
        with temporary.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):  # nothing half-written stays (a full disk)
            temporary.unlink(missing_ok=True)
        raise


if sys.platform == "win32":  # pragma: no cover - tested on Linux only
    import msvcrt

    def _lock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
