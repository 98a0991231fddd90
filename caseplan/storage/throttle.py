"""Sign-in throttling per account, kept in the key file (docs/security.md §6).

A try is counted *before* the password is checked, under the key file's lock, so tries
made in parallel are all counted; a right password then takes its own try back and
starts the count again. Each account (and each name that is no account) has its own
count, so wrong tries under one name never lock another account out. What was typed in
the account field is not kept: a known name is kept as its account label, an unknown one
only as 4 bytes of a keyed hash. The key file holds the list of failed tries until a
staff sign-in writes them into the audit trail.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from caseplan.storage.keys import KeyFile, normalize_username

FREE_TRIES = 5
FIRST_WAIT_SECONDS = 30
MAX_WAIT_SECONDS = 15 * 60
#: How many failed tries the key file keeps for the audit trail (the newest).
KEEP_FAILED = 200
#: How many names that are no account have a count (the most recent).
KEEP_UNKNOWN = 500
UNKNOWN_PREFIX = "unknown:"


def wait_after(failures: int) -> int:
    """Seconds to wait before the next try after ``failures`` wrong passwords in a row."""
    if failures < FREE_TRIES:
        return 0
    return int(min(FIRST_WAIT_SECONDS * 2 ** (failures - FREE_TRIES), MAX_WAIT_SECONDS))


def bucket(keyfile: KeyFile, typed: str) -> str:
    """Whose count a try belongs to: the account's label, or a short keyed hash."""
    label = keyfile.label(typed)
    if label in keyfile.entries:
        return label
    digest = hmac.new(keyfile.lookup_salt, b"unknown|" + normalize_username(typed).encode(),
                      hashlib.sha256).hexdigest()  # fmt: skip
    return UNKNOWN_PREFIX + digest[:8]


def _counts(keyfile: KeyFile) -> dict[str, Any]:
    counts = keyfile.throttle.get("accounts", {})
    return dict(counts) if isinstance(counts, dict) else {}


def _failed(keyfile: KeyFile) -> list[dict[str, str]]:
    failed = keyfile.throttle.get("failed", [])
    return (
        [dict(item) for item in failed if isinstance(item, dict)]
        if isinstance(failed, list)
        else []
    )


def remaining_wait(keyfile: KeyFile, name: str, now: datetime) -> int:
    """Seconds before ``name`` may try again (0: now)."""
    state = _counts(keyfile).get(name)
    if not isinstance(state, dict):
        return 0
    try:
        failures = int(state.get("failures", 0))
        last = datetime.fromisoformat(str(state["last"]))
    except (KeyError, ValueError, TypeError):
        return 0
    wait = wait_after(failures)
    if wait == 0:
        return 0
    passed = (now - last).total_seconds()
    return max(0, int(wait - passed + 0.999))


def note_try(keyfile: KeyFile, name: str, now: datetime) -> tuple[KeyFile, str]:
    """Count a try as failed until it proves otherwise; returns the try's id."""
    counts = _counts(keyfile)
    state = counts.get(name) if isinstance(counts.get(name), dict) else {}
    failures = int(state.get("failures", 0)) + 1 if isinstance(state, dict) else 1
    counts[name] = {"failures": failures, "last": now.astimezone(UTC).isoformat()}
    unknown = [key for key in counts if key.startswith(UNKNOWN_PREFIX)]
    for stale in unknown[: max(0, len(unknown) - KEEP_UNKNOWN)]:
        del counts[stale]
    attempt = secrets.token_hex(6)
    failed = [*_failed(keyfile), {"id": attempt, "name": name, "at": counts[name]["last"]}]
    throttle = {**keyfile.throttle, "accounts": counts, "failed": failed[-KEEP_FAILED:]}
    return replace(keyfile, throttle=throttle), attempt


def succeeded(keyfile: KeyFile, name: str, attempt: str) -> KeyFile:
    """The password was right: take the try back and start the count again."""
    counts = _counts(keyfile)
    counts.pop(name, None)
    failed = [item for item in _failed(keyfile) if item.get("id") != attempt]
    return replace(keyfile, throttle={**keyfile.throttle, "accounts": counts, "failed": failed})


def take_failed(keyfile: KeyFile) -> tuple[KeyFile, list[tuple[str, datetime]]]:
    """The failed tries not yet audited (label or keyed hash, when), and a file without them."""
    taken: list[tuple[str, datetime]] = []
    for item in _failed(keyfile):
        try:
            taken.append((str(item["name"]), datetime.fromisoformat(str(item["at"]))))
        except (KeyError, ValueError):
            continue
    if not taken and not keyfile.throttle.get("failed"):
        return keyfile, []
    return replace(keyfile, throttle={**keyfile.throttle, "failed": []}), taken


def now_utc() -> datetime:
    return datetime.now(UTC)
