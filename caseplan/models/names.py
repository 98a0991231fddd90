"""Search and sort keys for names: case-insensitive for every script, Norwegian order.

Norwegian sorts æ, ø, å after z (ä and ö with æ and ø); other accents (Sámi á, č, đ, ŋ,
š, ŧ, ž and the like) sort with their base letter. The keys are stored beside the name
so both databases can search and sort with plain, collation-free comparisons.
"""

from __future__ import annotations

import unicodedata
from typing import Protocol

from caseplan.models.text import is_invisible

_AFTER_Z = {"æ": "{", "ä": "{", "ø": "|", "ö": "|", "å": "}", "ŋ": "n", "đ": "d", "ŧ": "t"}


def _visible(text: str) -> str:
    """``text`` without invisible characters: a name stored before they were refused, or
    a search pasted with one, still finds (and is found by) what it looks like."""
    return "".join(char for char in text if not is_invisible(char))


def search_key(*names: str) -> str:
    """Casefolded NFC text that a casefolded query can be found in with LIKE."""
    return "\n".join(fold_query(name) for name in names if name)


def fold_query(text: str) -> str:
    return _visible(unicodedata.normalize("NFC", text)).casefold()


def sort_key(name: str) -> str:
    """A byte-comparable key that orders names as a Norwegian reader expects."""
    folded = unicodedata.normalize("NFC", name).casefold()
    out: list[str] = []
    for char in folded:
        mapped = _AFTER_Z.get(char)
        if mapped is not None:
            out.append(mapped)
            continue
        base = "".join(
            c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)
        )
        out.append(base if base.isascii() else char)
    return "".join(out)


class Named(Protocol):
    full_name: str
    preferred_name: str
    search_key: str
    sort_key: str


def set_name_keys(person: Named) -> None:
    """Keep a person's stored search and sort keys in step with their names."""
    person.search_key = search_key(person.full_name, person.preferred_name)
    person.sort_key = sort_key(person.full_name)[:200]
