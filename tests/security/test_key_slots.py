"""Key slots: the database key wrapped per password and by the recovery key, in a JSON file."""

from __future__ import annotations

import contextlib
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caseplan.errors import AccessDenied, StorageError
from caseplan.storage import keys
from caseplan.storage.keys import KeySlots

CHEAP_KDF = keys.KdfParams(time_cost=1, memory_cost=8, parallelism=1)


def _new() -> tuple[keys.KeyFile, bytes, str]:
    return keys.create_new(CHEAP_KDF)


def test_each_password_unwraps_the_same_key_and_a_wrong_one_is_refused() -> None:
    keyfile, db_key, _recovery = _new()
    keyfile = keys.add_slot(keyfile, db_key, "ada", "correct horse", CHEAP_KDF)
    keyfile = keys.add_slot(keyfile, db_key, "Pia", "battery staple", CHEAP_KDF)
    assert keys.unwrap(keyfile, "ada", "correct horse") == db_key
    assert keys.unwrap(keyfile, " PIA ", "battery staple") == db_key
    for username, password in [("ada", "battery staple"), ("nobody", "correct horse")]:
        with pytest.raises(AccessDenied) as denied:
            keys.unwrap(keyfile, username, password)
        assert str(denied.value) == "The user name or password is wrong."
    assert keyfile.accounts == ["ada", "pia"]


def test_recovery_key_is_shown_in_groups_and_forgives_case_and_spaces() -> None:
    keyfile, db_key, recovery = _new()
    assert re.fullmatch(r"([A-Z2-9]{4}-){7}[A-Z2-9]{4}", recovery)
    assert keys.unwrap_recovery(keyfile, recovery) == db_key
    typed = recovery.lower().replace("-", " ")
    assert keys.unwrap_recovery(keyfile, typed) == db_key
    wrong = ("A" if recovery[0] != "A" else "B") + recovery[1:]
    for attempt in (wrong, "", recovery[:-1], recovery + "Q"):
        with pytest.raises(AccessDenied, match=r"The recovery key is wrong\."):
            keys.unwrap_recovery(keyfile, attempt)


def test_rewrap_changes_the_password_and_keeps_the_key() -> None:
    keyfile, db_key, _ = _new()
    keyfile = keys.add_slot(keyfile, db_key, "ada", "old secret", CHEAP_KDF)
    with pytest.raises(AccessDenied):
        keys.rewrap(keyfile, "ada", "not the old one", "new secret", CHEAP_KDF)
    keyfile = keys.rewrap(keyfile, "ada", "old secret", "new secret", CHEAP_KDF)
    assert keys.unwrap(keyfile, "ada", "new secret") == db_key
    with pytest.raises(AccessDenied):
        keys.unwrap(keyfile, "ada", "old secret")
    assert len(keyfile.slots) == 2


def test_removing_a_slot_stops_that_password_only() -> None:
    keyfile, db_key, recovery = _new()
    keyfile = keys.add_slot(keyfile, db_key, "ada", "a password", CHEAP_KDF)
    keyfile = keys.add_slot(keyfile, db_key, "pia", "b password", CHEAP_KDF)
    keyfile = keys.remove_slot(keyfile, "pia")
    with pytest.raises(AccessDenied):
        keys.unwrap(keyfile, "pia", "b password")
    assert keys.unwrap(keyfile, "ada", "a password") == db_key
    assert keys.unwrap_recovery(keyfile, recovery) == db_key
    assert keys.remove_slot(keyfile, "pia") == keyfile


def test_the_file_round_trips_and_never_holds_the_key(tmp_path: Path) -> None:
    keyfile, db_key, recovery = _new()
    keyfile = keys.add_slot(keyfile, db_key, "ada", "a password", CHEAP_KDF)
    path = keys.keys_path(tmp_path / "caseplan.db")
    assert path.name == "caseplan.db.keys"
    keys.save(keyfile, path)
    raw = path.read_bytes()
    document = json.loads(raw)
    assert document["format"] == "caseplan.keys/1"
    assert {s["kind"] for s in document["slots"].values()} == {"password", "recovery"}
    for encoding in (db_key, db_key.hex().encode(), db_key.hex().upper().encode()):
        assert encoding not in raw
    assert recovery.encode() not in raw and b"a password" not in raw
    loaded = keys.load(path)
    assert loaded == keyfile
    assert keys.unwrap(loaded, "ada", "a password") == db_key
    assert [p.name for p in tmp_path.iterdir()] == ["caseplan.db.keys"]  # no temporary left


def test_a_slot_moved_to_another_account_does_not_unlock(tmp_path: Path) -> None:
    keyfile, db_key, _ = _new()
    keyfile = keys.add_slot(keyfile, db_key, "ada", "same password", CHEAP_KDF)
    path = tmp_path / "k.keys"
    keys.save(keyfile, path)
    document = json.loads(path.read_text())
    for slot in document["slots"].values():
        if slot["account"] == "ada":
            slot["account"] = "mallory"
    path.write_text(json.dumps(document))
    with pytest.raises(AccessDenied):
        keys.unwrap(keys.load(path), "mallory", "same password")


def test_missing_or_damaged_files_are_one_sentence(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="key file beside the database is missing"):
        keys.load(tmp_path / "nothing.keys")
    for content in ("", "{", "[]", '{"format": "caseplan.keys/1"}', '{"format": "other"}'):
        (tmp_path / "bad.keys").write_text(content)
        with pytest.raises(StorageError, match="is damaged or is not a Caseplan key file"):
            keys.load(tmp_path / "bad.keys")


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(content=st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_any_file_content_loads_or_is_refused_with_storage_error(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "fuzz.keys"
    path.write_bytes(content)
    with contextlib.suppress(StorageError):
        keys.load(path)


@settings(max_examples=25, deadline=None)
@given(password=st.text(max_size=40), other=st.text(max_size=40))
def test_any_password_works_and_only_itself(password: str, other: str) -> None:
    keyfile, db_key, _ = keys.create_new(CHEAP_KDF)
    keyfile = keys.add_slot(keyfile, db_key, "ada", password, CHEAP_KDF)
    assert keys.unwrap(keyfile, "ada", password) == db_key
    if keys._password_bytes(other) != keys._password_bytes(password):
        with pytest.raises(AccessDenied):
            keys.unwrap(keyfile, "ada", other)


def test_key_slots_helper_writes_and_can_undo(tmp_path: Path) -> None:
    keyfile, db_key, _ = _new()
    path = tmp_path / "caseplan.db.keys"
    keys.save(keyfile, path)
    slots = KeySlots(path, db_key, CHEAP_KDF)
    before = slots.set_password("ada", "first password")
    assert keys.unwrap(keys.load(path), "ada", "first password") == db_key
    slots.restore(before)
    with pytest.raises(AccessDenied):
        keys.unwrap(keys.load(path), "ada", "first password")


def test_default_parameters_take_a_noticeable_moment() -> None:
    import time

    start = time.perf_counter()
    keys.DEFAULT_KDF.derive(b"a password", b"\0" * 16)
    assert time.perf_counter() - start > 0.05
