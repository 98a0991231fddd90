"""How much work a password costs: Argon2id for the key slots and for the account hashes.

The program only ever uses :data:`REAL`. The test suite switches the whole run to cheap
settings with :func:`use` (``tests/conftest.py``) and tests the real ones once, on purpose;
nothing under ``caseplan/`` calls :func:`use` (``tests/unit/test_costs.py`` checks that).
Only new hashes and new key slots follow the settings in use: a stored hash or slot keeps
the settings it was made with, so verifying one never depends on them.
"""

from __future__ import annotations

from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.low_level import Type, hash_secret_raw

KEY_BYTES = 32
#: Key derivation settings a key file may ask for. Beyond them a file is refused as damaged:
#: a planted file with a huge time or memory cost must not hang (or exhaust) a sign-in.
MAX_TIME_COST, MAX_MEMORY_KIB, MAX_PARALLELISM = 16, 1024 * 1024, 8


@dataclass(frozen=True)
class KdfParams:
    """Argon2id settings for a key slot; by default 64 MiB and about 0.2–0.3 s."""

    time_cost: int = 3
    memory_cost: int = 64 * 1024  # KiB
    parallelism: int = 1

    @property
    def reasonable(self) -> bool:
        """Whether these settings are within what a Caseplan key file may ask for."""
        return (
            1 <= self.time_cost <= MAX_TIME_COST
            and 8 <= self.memory_cost <= MAX_MEMORY_KIB
            and 1 <= self.parallelism <= MAX_PARALLELISM
        )

    def derive(self, secret: bytes, salt: bytes) -> bytes:
        return hash_secret_raw(
            secret,
            salt,
            time_cost=self.time_cost,
            memory_cost=self.memory_cost,
            parallelism=self.parallelism,
            hash_len=KEY_BYTES,
            type=Type.ID,
        )


@dataclass(frozen=True)
class Costs:
    kdf: KdfParams  #: for key slots (the database key wrapped by a password)
    hasher: PasswordHasher  #: for the accounts' password hashes


#: Argon2id for both: key slots as above; hashes with argon2-cffi's RFC 9106 low-memory profile.
REAL = Costs(KdfParams(), PasswordHasher())

_in_use = REAL


def in_use() -> Costs:
    """The settings new hashes and key slots are made with (always :data:`REAL` in the program)."""
    return _in_use


def use(costs: Costs) -> Costs:
    """For tests only: make new hashes and slots with ``costs``; returns the previous ones."""
    global _in_use
    previous, _in_use = _in_use, costs
    return previous
