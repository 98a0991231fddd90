"""A key file that asks for absurd key derivation settings is refused at once, never run.

Someone who can write the key file could otherwise make every sign-in hang for hours (or
run out of memory) by setting a huge Argon2 time or memory cost; an old (version-1) key
file, read only to be converted, is held to the same limits as the current one.
"""

from __future__ import annotations

import base64

import pytest

from caseplan.errors import StorageError
from caseplan.storage import legacy_keys
from caseplan.storage.costs import KdfParams


def _legacy(kdf: dict[str, int]) -> dict[str, object]:
    salt = base64.b64encode(b"s" * 16).decode()
    slot = {
        "kind": "password",
        "account": "ola",
        "kdf": {**kdf, "salt": salt},
        "nonce": base64.b64encode(b"n" * 12).decode(),
        "wrapped_key": base64.b64encode(b"w" * 48).decode(),
    }
    return {"format": legacy_keys.FORMAT, "slots": {"slot-1": slot, "recovery": slot}}


@pytest.mark.parametrize(
    "kdf",
    [
        {"time_cost": 10**9, "memory_cost": 8, "parallelism": 1},
        {"time_cost": 1, "memory_cost": 2**40, "parallelism": 1},
        {"time_cost": 1, "memory_cost": 8, "parallelism": 10_000},
        {"time_cost": 0, "memory_cost": 8, "parallelism": 1},
    ],
)
def test_an_old_key_file_with_absurd_settings_is_refused_without_deriving(
    kdf: dict[str, int],
) -> None:
    document = _legacy(kdf)
    with pytest.raises(StorageError) as error:
        legacy_keys.unwrap(document, "ola", "any password at all")
    assert str(error.value) == (
        "The clinic's key file asks for key derivation settings Caseplan never uses, so it has "
        "been changed or damaged; restore it from a backup."
    )
    with pytest.raises(StorageError):
        legacy_keys.unwrap_recovery(document, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH")


def test_the_settings_caseplan_uses_are_within_the_limits() -> None:
    assert KdfParams().reasonable
    assert KdfParams(time_cost=1, memory_cost=8, parallelism=1).reasonable
    assert not KdfParams(time_cost=17).reasonable
