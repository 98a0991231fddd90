"""Remembering the key on this computer: only with a real keyring, and never a new key."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.errors import PasswordDeleteError

from caseplan.storage import keystore


class MemoryKeyring(KeyringBackend):
    """Stands in for a real OS keyring in tests."""

    priority = 5  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError("not there")


class PlaintextLike(MemoryKeyring):
    """Looks like keyrings.alt's file backends to the detection."""


PlaintextLike.__module__ = "keyrings.alt.file"


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def fail_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


def test_a_real_keyring_remembers_and_forgets_per_database(
    memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    assert keystore.keyring_status() == (True, "")
    first, second = tmp_path / "a" / "caseplan.db", tmp_path / "b" / "caseplan.db"
    key = bytes(range(32))
    assert keystore.recall_key(first) is None
    assert keystore.remember_key(first, key)
    assert keystore.recall_key(first) == key
    assert keystore.recall_key(second) is None
    keystore.forget_key(first)
    assert keystore.recall_key(first) is None
    keystore.forget_key(first)  # forgetting twice is fine
    assert memory_keyring.entries == {}


def test_fail_backend_means_password_only_with_a_note(fail_keyring: None, tmp_path: Path) -> None:
    usable, note = keystore.keyring_status()
    assert not usable
    assert note == (
        "This computer has no secure keyring, so Caseplan asks for a password every time."
    )
    assert keystore.remember_key(tmp_path / "caseplan.db", bytes(32)) is False
    assert keystore.recall_key(tmp_path / "caseplan.db") is None
    keystore.forget_key(tmp_path / "caseplan.db")


@pytest.mark.parametrize(
    "backend",
    [fail.Keyring(), null.Keyring(), PlaintextLike()],
    ids=["fail", "null", "plaintext-file"],
)
def test_backends_that_are_not_real_keyrings(backend: KeyringBackend) -> None:
    assert keystore.keyring_status(backend)[0] is False


def _chain(*members: KeyringBackend) -> KeyringBackend:
    return type("Chain", (chainer.ChainerBackend,), {"backends": list(members)})()  # type: ignore[no-any-return]


def test_a_chain_is_real_only_if_every_member_is() -> None:
    assert keystore.keyring_status(_chain(MemoryKeyring()))[0] is True
    assert keystore.keyring_status(_chain(MemoryKeyring(), PlaintextLike()))[0] is False
    assert keystore.keyring_status(_chain(MemoryKeyring(), fail.Keyring()))[0] is False
    assert keystore.keyring_status(_chain())[0] is False


@pytest.mark.parametrize("stored", ["", "not base64!", "AAAA", "A" * 400])
def test_a_damaged_entry_is_treated_as_missing(
    memory_keyring: MemoryKeyring, tmp_path: Path, stored: str
) -> None:
    path = tmp_path / "caseplan.db"
    memory_keyring.set_password(keystore.SERVICE, str(path), stored)
    assert keystore.recall_key(path) is None
