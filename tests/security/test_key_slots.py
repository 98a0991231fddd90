"""The key file: a key pair per account, the clinic key sealed to staff only (security.md §3)."""

from __future__ import annotations

import base64
import contextlib
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caseplan.errors import AccessDenied, StorageError
from caseplan.storage import keyfile, keys

CHEAP_KDF = keys.KdfParams(time_cost=1, memory_cost=8, parallelism=1)


def _clinic() -> tuple[keys.KeyFile, bytes, str]:
    current, clinic_key, recovery = keys.new_clinic(CHEAP_KDF)
    current = keys.add_account(current, clinic_key, "ada", "correct horse", kdf=CHEAP_KDF)
    current = keys.add_account(current, clinic_key, "Pia", "battery staple", kdf=CHEAP_KDF)
    current = keys.add_account(
        current, clinic_key, "per", "peer passphrase", store="0a1b2c3d", kdf=CHEAP_KDF
    )
    return current, clinic_key, recovery


def _key_of(current: keys.KeyFile, name: str, password: str) -> bytes | None:
    return keys.open_grant(current, keys.unlock_account(current, name, password))


def test_staff_get_the_clinic_key_and_a_peer_only_their_store_key() -> None:
    current, clinic_key, _ = _clinic()
    assert _key_of(current, "ada", "correct horse") == clinic_key
    assert _key_of(current, " PIA ", "battery staple") == clinic_key
    peer = _key_of(current, "per", "peer passphrase")
    assert peer == keys.peer_key(clinic_key, "0a1b2c3d", current.epoch) != clinic_key
    for name, password in [("ada", "battery staple"), ("nobody", "correct horse"), ("ada", "")]:
        with pytest.raises(AccessDenied, match="user name or password is wrong"):
            keys.unlock_account(current, name, password)


def test_the_recovery_key_opens_the_clinic_key_and_forgives_case_and_spaces() -> None:
    current, clinic_key, recovery = _clinic()
    groups = recovery.split("-")
    assert len(groups) == 8 and all(len(g) == 4 for g in groups)
    sloppy = " ".join(groups).lower()
    assert keys.open_grant(current, keys.unlock_recovery(current, sloppy)) == clinic_key
    for wrong in ("", "AAAA-" * 7 + "AAAA", recovery[:-1]):
        with pytest.raises(AccessDenied, match="recovery key is wrong"):
            keys.unlock_recovery(current, wrong)


def test_changing_ones_own_password_keeps_the_key_pair_and_stops_the_old_password() -> None:
    current, clinic_key, _ = _clinic()
    changed = keys.change_own_password(current, "per", "peer passphrase", "a new passphrase")
    assert changed.entries[current.label("per")].public_key == (
        current.entries[current.label("per")].public_key
    )
    assert _key_of(changed, "per", "a new passphrase") == keys.peer_key(
        clinic_key, "0a1b2c3d", current.epoch
    )
    with pytest.raises(AccessDenied):
        keys.unlock_account(changed, "per", "peer passphrase")
    keys.verify_directory(changed, clinic_key)  # no clinic key was needed, the MAC still holds


def test_removing_an_account_leaves_it_nothing_and_makes_a_rotation_due() -> None:
    current, clinic_key, _ = _clinic()
    assert not current.rotation_due
    removed = keys.remove_account(current, clinic_key, "pia")
    assert removed.rotation_due and not removed.has_account("pia")
    with pytest.raises(AccessDenied):
        keys.unlock_account(removed, "pia", "battery staple")
    assert _key_of(removed, "ada", "correct horse") == clinic_key


def test_a_reset_gives_a_new_key_pair_and_makes_a_rotation_due() -> None:
    current, clinic_key, _ = _clinic()
    reset = keys.add_account(current, clinic_key, "pia", "new battery", kdf=CHEAP_KDF)
    label = current.label("pia")
    assert reset.entries[label].public_key != current.entries[label].public_key
    assert reset.rotation_due


def test_rotation_seals_a_new_key_to_every_remaining_account() -> None:
    current, old_key, recovery = _clinic()
    current = keys.remove_account(current, old_key, "pia")
    pending, new_key = keys.start_rotation(current, old_key)
    assert new_key != old_key and pending.pending is not None
    assert _key_of(pending, "ada", "correct horse") == old_key  # the current epoch still works
    done = keys.finish_rotation(pending)
    assert done.epoch == current.epoch + 1 and not done.rotation_due and done.pending is None
    assert _key_of(done, "ada", "correct horse") == new_key
    assert keys.open_grant(done, keys.unlock_recovery(done, recovery)) == new_key
    assert _key_of(done, "per", "peer passphrase") == keys.peer_key(new_key, "0a1b2c3d", done.epoch)
    keys.verify_directory(done, new_key)
    with pytest.raises(StorageError):
        keys.verify_directory(done, old_key)
    # The removed account's old password with the *old* file gives only the old key.
    assert _key_of(current, "ada", "correct horse") == old_key != new_key


def test_the_file_round_trips_keeps_unknown_parts_and_never_holds_a_key_or_name(
    tmp_path: Path,
) -> None:
    current, clinic_key, recovery = _clinic()
    path = tmp_path / "caseplan.db.keys"
    keyfile.save(current, path)
    document = json.loads(path.read_text())
    document["anchors"] = {"audit": {"seq": 7, "mac": "abc"}}
    document["something_new"] = [1, 2]
    path.write_text(json.dumps(document))
    loaded = keyfile.load(path)
    assert (loaded.entries, loaded.grants, loaded.mac) == (
        current.entries,
        current.grants,
        current.mac,
    )
    assert _key_of(loaded, "ada", "correct horse") == clinic_key
    keyfile.save(loaded, path)
    again = json.loads(path.read_text())
    assert again["anchors"] == {"audit": {"seq": 7, "mac": "abc"}}
    assert again["something_new"] == [1, 2] and again["format"] == "caseplan.keys/2"
    raw = path.read_bytes()
    for secret in (clinic_key, keys.peer_key(clinic_key, "0a1b2c3d", current.epoch)):
        assert secret not in raw and base64.b64encode(secret) not in raw
        assert secret.hex().encode() not in raw
    for word in (b"ada", b"Pia", b"pia", b"per", b"correct horse", recovery.encode()):
        assert word not in raw


def test_a_public_key_swapped_in_by_someone_without_the_clinic_key_is_refused(
    tmp_path: Path,
) -> None:
    """A peer who edits the key file cannot plant their own key for a colleague's account."""
    current, clinic_key, _ = _clinic()
    path = tmp_path / "caseplan.db.keys"
    keyfile.save(current, path)
    document = json.loads(path.read_text())
    ada, per = current.label("ada"), current.label("per")
    document["accounts"][ada]["public_key"] = document["accounts"][per]["public_key"]
    path.write_text(json.dumps(document))
    planted = keyfile.load(path)
    with pytest.raises(StorageError, match="changed outside Caseplan"):
        keys.verify_directory(planted, clinic_key)
    with pytest.raises(StorageError, match="changed outside Caseplan"):
        keys.start_rotation(planted, clinic_key)


def test_an_entry_moved_to_another_label_does_not_unlock(tmp_path: Path) -> None:
    current, _, _ = _clinic()
    path = tmp_path / "caseplan.db.keys"
    keyfile.save(current, path)
    document = json.loads(path.read_text())
    entry = document["accounts"].pop(current.label("ada"))
    document["accounts"][current.label("mallory")] = entry
    path.write_text(json.dumps(document))
    with pytest.raises(AccessDenied):
        keys.unlock_account(keyfile.load(path), "mallory", "correct horse")


def test_missing_damaged_or_unreasonable_files_are_one_sentence(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="key file beside the database is missing"):
        keyfile.load(tmp_path / "nothing.keys")
    for content in ("", "{", "[]", '{"format": "caseplan.keys/2"}', '{"format": "other"}'):
        (tmp_path / "bad.keys").write_text(content)
        with pytest.raises(StorageError, match="is damaged or is not a Caseplan key file"):
            keyfile.load(tmp_path / "bad.keys")
    current, _, _ = _clinic()
    keyfile.save(current, tmp_path / "huge.keys")
    document = json.loads((tmp_path / "huge.keys").read_text())
    next(iter(document["accounts"].values()))["kdf"]["time_cost"] = 10**9
    (tmp_path / "huge.keys").write_text(json.dumps(document))
    with pytest.raises(StorageError, match="is damaged"):  # never hang a sign-in
        keyfile.load(tmp_path / "huge.keys")


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
        keyfile.load(path)


@settings(max_examples=20, deadline=None)
@given(password=st.text(max_size=40), other=st.text(max_size=40))
def test_any_password_works_and_only_itself(password: str, other: str) -> None:
    current, clinic_key, _ = keys.new_clinic(CHEAP_KDF)
    current = keys.add_account(current, clinic_key, "ada", password, kdf=CHEAP_KDF)
    assert _key_of(current, "ada", password) == clinic_key
    if keys._password_bytes(other) != keys._password_bytes(password):
        with pytest.raises(AccessDenied):
            keys.unlock_account(current, "ada", other)


def test_default_parameters_take_a_noticeable_moment() -> None:
    import time

    start = time.perf_counter()
    keys.DEFAULT_KDF.derive(b"a password", b"\0" * 16)
    assert time.perf_counter() - start > 0.05
