"""Sign-in: throttled per account in the key file, parallel tries counted, nothing typed kept,
and a database file that is empty, cut short or foreign refused and left as it is."""

from __future__ import annotations

import multiprocessing
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from caseplan.errors import AccessDenied, StorageError
from caseplan.models import AuditEvent, Role
from caseplan.services.clinic import unlock
from caseplan.services.security import accounts, audit
from caseplan.storage import keyfile, keys, throttle
from caseplan.storage.location import Location, resolve

ADMIN = "tone keeps the keys safe"
KARI = "kari walks the long road"
WRONG = "The user name or password is wrong."


@pytest.fixture
def where(tmp_path: Path) -> Location:
    location = resolve(str(tmp_path / "clinic" / "caseplan.db"))
    clinic, _ = unlock.create_clinic(location, unlock.NewAccount("tone", "Tone", Role.ADMIN, ADMIN))
    accounts.create_account(
        clinic.ctx, "kari", "Kari", Role.PRACTITIONER, KARI, slots=unlock.key_slots(clinic)
    )
    clinic.close()
    return location


def _key_file(where: Location) -> Path:
    assert where.path is not None
    return keys.keys_path(where.path)


def test_wrong_tries_slow_down_only_that_account(where: Location) -> None:
    for _ in range(throttle.FREE_TRIES):
        with pytest.raises(AccessDenied, match=WRONG):
            unlock.sign_in(where, "kari", "not kari's password")
    with pytest.raises(AccessDenied, match=r"please wait 30 seconds"):
        unlock.sign_in(where, "kari", KARI)  # even the right password waits now
    # Five wrong tries under one name never lock the administrator out.
    unlock.sign_in(where, "tone", ADMIN).close()
    later = datetime.now(UTC) + timedelta(seconds=31)
    unlock.sign_in(where, "kari", KARI, clock=lambda: later).close()


def test_the_wait_grows_and_deleting_side_files_does_not_reset_it(where: Location) -> None:
    now = datetime.now(UTC)
    for n in range(7):
        with pytest.raises(AccessDenied):
            unlock.sign_in(where, "kari", "wrong", clock=lambda n=n: now + timedelta(hours=n))
    assert where.path is not None
    for side in where.path.parent.iterdir():  # everything but the database and its key file
        if side.name not in ("caseplan.db", "caseplan.db.keys"):
            shutil.rmtree(side) if side.is_dir() else side.unlink()
    with pytest.raises(AccessDenied, match=r"please wait 120 seconds"):
        unlock.sign_in(where, "kari", KARI, clock=lambda: now + timedelta(hours=6))


def _try(database: str, password: str) -> str:
    try:
        unlock.sign_in(resolve(database), "kari", password).close()
    except AccessDenied as error:
        return str(error)
    return "signed in"


def test_tries_made_in_parallel_are_all_counted(where: Location) -> None:
    assert where.path is not None
    with multiprocessing.get_context("fork").Pool(4) as pool:
        said = pool.starmap(_try, [(str(where.path), f"guess {n}") for n in range(12)])
    assert said.count(WRONG) == throttle.FREE_TRIES
    assert all(s == WRONG or "please wait" in s for s in said)
    current = keyfile.load(_key_file(where))
    assert current.throttle["accounts"][current.label("kari")]["failures"] == throttle.FREE_TRIES


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(typed=st.text(alphabet=st.characters(codec="utf-8"), min_size=8, max_size=40))
def test_what_was_typed_in_the_account_field_is_never_kept(where: Location, typed: str) -> None:
    if keys.normalize_username(typed) in ("tone", "kari") or len(typed.strip()) < 8:
        return
    before = _key_file(where).read_bytes().decode()
    with pytest.raises(AccessDenied, match=WRONG):
        unlock.sign_in(where, typed, "whatever")
    raw = _key_file(where).read_bytes().decode()
    for form in (typed, typed.strip(), keys.normalize_username(typed)):
        assert form not in raw or form in before  # ("CASEPLAN" is in every key file's format)


def test_failed_tries_reach_the_audit_trail_as_accounts_or_keyed_hashes(where: Location) -> None:
    typed = "my secret password typed here"
    for name in ("kari", typed):
        with pytest.raises(AccessDenied):
            unlock.sign_in(where, name, "wrong")
    clinic = unlock.sign_in(where, "tone", ADMIN)
    with clinic.ctx.read() as session:
        failed = session.scalars(
            select(AuditEvent.account).where(AuditEvent.action == audit.Action.SIGN_IN_FAILED)
        ).all()
    clinic.close()
    assert failed[0] == "kari"
    assert failed[1].startswith("unknown account name ") and typed not in failed[1]
    assert keyfile.load(_key_file(where)).throttle["failed"] == []


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


@pytest.mark.parametrize(
    ("damage", "sentence"),
    [
        ("empty", r"is empty \(0 bytes\), so it was not opened and was left as it is"),
        ("cut short", r"is damaged|is not a Caseplan database"),
        ("plain sqlite", r"is not a Caseplan database"),
        ("random bytes", r"is not the one this key file belongs to"),
        ("another clinic", r"is not the one this key file belongs to"),
    ],
)
def test_a_wrong_database_file_is_refused_with_its_sentence_and_never_replaced(
    where: Location, tmp_path: Path, damage: str, sentence: str
) -> None:
    assert where.path is not None
    path = where.path
    if damage == "empty":
        path.write_bytes(b"")
    elif damage == "cut short":
        path.write_bytes(path.read_bytes()[:3000])
    elif damage == "plain sqlite":
        path.unlink()
        sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    elif damage == "random bytes":
        path.write_bytes(bytes(range(256)) * 32)
    else:
        other = resolve(str(tmp_path / "other" / "caseplan.db"))
        unlock.create_clinic(other, unlock.NewAccount("eve", "Eve", Role.ADMIN, ADMIN))[0].close()
        assert other.path is not None
        shutil.copyfile(other.path, path)
    before = _snapshot(path.parent)
    with pytest.raises(StorageError, match=sentence):
        unlock.sign_in(where, "tone", ADMIN)
    after = _snapshot(path.parent)
    assert after.pop("caseplan.db") == before.pop("caseplan.db")
    assert not any(name.startswith("caseplan.db-") for name in after)  # no WAL made for it
