"""Damaging a database file the way disks and cut-off copies do: flipped bytes, a short file."""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

PAGE = 4096


def pages(path: Path) -> int:
    return path.stat().st_size // PAGE


def flip_bytes(path: Path, page: int, count: int = 16, seed: int = 9) -> None:
    """Invert ``count`` bytes at random places of page ``page`` (0 is the first)."""
    rng = random.Random(seed)
    data = bytearray(path.read_bytes())
    # Not the first page's 16-byte salt: that would be a different key, not damage.
    low = 16 if page == 0 else 0
    for offset in rng.sample(range(low, PAGE), count):
        data[page * PAGE + offset] ^= 0xFF
    path.write_bytes(bytes(data))


def truncate_half(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 // PAGE * PAGE + PAGE // 3])


def digest(*paths: Path) -> dict[str, str | None]:
    """What each file holds (None: it does not exist), to show nothing changed."""
    return {
        str(p): hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else None for p in paths
    }
