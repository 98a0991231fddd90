"""The encrypted database file: no readable names, wrong keys change nothing, verified backups."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from caseplan.errors import StorageError
from caseplan.models import Account, Base, Person, Role
from caseplan.services.context import Context
from caseplan.services.people import people
from caseplan.storage import cipher, migrate
from caseplan.storage.cipher import backup_encrypted, connect_encrypted, create_encrypted_engine

NAME = "Kari Nordmann-Sørensen"
WRONG_KEY = "The database could not be unlocked: the password or key is wrong."


@pytest.fixture
def key() -> bytes:
    return os.urandom(32)


def _digest(*paths: Path) -> dict[str, str | None]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else None for p in paths
    }


def _files(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("", "-wal", "-shm")]


def _assert_no_name(*paths: Path) -> None:
    for path in paths:
        data = path.read_bytes()
        for needle in (NAME, "Nordmann", "Sørensen"):
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                assert needle.encode(encoding) not in data, f"{needle!r} readable in {path.name}"


@pytest.fixture
def filled(tmp_path: Path, key: bytes) -> Iterator[tuple[Path, sessionmaker[Session]]]:
    """An encrypted, migrated database with one person, its connection still open (WAL)."""
    path = tmp_path / "caseplan.db"
    engine = create_encrypted_engine(path, key)
    migrate.upgrade(engine)
    sessions = sessionmaker(engine, expire_on_commit=False)
    people.create_person(Context(sessions), NAME, what_helps="Walks with Ola Testesen")
    yield path, sessions
    engine.dispose()


def test_names_are_in_none_of_the_bytes_of_the_files(
    filled: tuple[Path, sessionmaker[Session]], tmp_path: Path, key: bytes
) -> None:
    path, sessions = filled
    with sessions() as session:  # keeps the WAL and shared-memory files in use
        assert session.execute(select(Person.full_name)).scalar_one() == NAME
        assert all(p.exists() for p in _files(path)), "expected -wal and -shm beside the file"
        assert path.with_name(path.name + "-wal").stat().st_size > 0
        _assert_no_name(*_files(path))
        backup = backup_encrypted(path, key, tmp_path / "backups" / "copy.db")
    _assert_no_name(backup)
    assert sorted(p.name for p in backup.parent.iterdir()) == ["copy.db"]


def test_plain_sqlite_refuses_the_file(filled: tuple[Path, sessionmaker[Session]]) -> None:
    path, _sessions = filled
    plain = sqlite3.connect(path)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
            plain.execute("SELECT count(*) FROM sqlite_master").fetchall()
    finally:
        plain.close()


def test_a_wrong_key_is_one_sentence_and_changes_nothing(
    filled: tuple[Path, sessionmaker[Session]], key: bytes
) -> None:
    path, sessions = filled
    sessions.kw["bind"].dispose()  # type: ignore[union-attr]
    before = _digest(*_files(path))
    wrong = bytes(b ^ 0x01 for b in key)
    with pytest.raises(StorageError) as refused:
        connect_encrypted(path, wrong)
    assert str(refused.value) == WRONG_KEY
    assert _digest(*_files(path)) == before
    connect_encrypted(path, key).close()  # and the right key still opens it


def test_a_plain_sqlite_file_is_not_a_caseplan_database(tmp_path: Path, key: bytes) -> None:
    path = tmp_path / "plain.db"
    plain = sqlite3.connect(path)
    plain.execute("CREATE TABLE t (x)")
    plain.commit()
    plain.close()
    before = _digest(*_files(path))
    with pytest.raises(
        StorageError, match=r"^The file at .*plain\.db is not a Caseplan database\.$"
    ):
        connect_encrypted(path, key)
    assert _digest(*_files(path)) == before


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(content=st.binary(min_size=1, max_size=3000) | st.binary(min_size=4096, max_size=4096))
def test_any_other_file_is_refused_and_left_alone(
    tmp_path: Path, key: bytes, content: bytes
) -> None:
    path = tmp_path / "other.db"
    path.write_bytes(content)
    with pytest.raises(StorageError) as refused:
        connect_encrypted(path, key)
    assert str(refused.value) in (WRONG_KEY, f"The file at {path} is not a Caseplan database.")
    assert path.read_bytes() == content
    assert not path.with_name("other.db-wal").exists()


def test_it_fails_closed_without_sqlcipher(
    tmp_path: Path, key: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cipher, "_sqlcipher", None)
    path = tmp_path / "new.db"
    with pytest.raises(StorageError, match=r"encryption library .* is missing"):
        connect_encrypted(path, key)
    with pytest.raises(StorageError):
        create_encrypted_engine(path, key)
    assert not path.exists()


def test_a_missing_file_is_not_created_unless_asked(tmp_path: Path, key: bytes) -> None:
    with pytest.raises(StorageError, match="There is no database at"):
        connect_encrypted(tmp_path / "gone.db", key, create=False)
    assert not (tmp_path / "gone.db").exists()


def test_connection_settings(tmp_path: Path, key: bytes) -> None:
    connection = connect_encrypted(tmp_path / "new.db", key)
    try:
        pragma = {
            name: connection.execute(f"PRAGMA {name}").fetchone()[0]
            for name in ("foreign_keys", "journal_mode", "synchronous", "temp_store")
        }
    finally:
        connection.close()
    assert pragma == {"foreign_keys": 1, "journal_mode": "wal", "synchronous": 2, "temp_store": 2}


def test_sqlalchemy_can_use_it_with_a_plain_creator(tmp_path: Path, key: bytes) -> None:
    path = tmp_path / "orm.db"
    engine = create_engine("sqlite+pysqlite://", creator=lambda: connect_encrypted(path, key))
    try:
        Base.metadata.create_all(engine)
        with Session(engine) as session:
            session.add(Person(full_name=NAME))
            session.commit()
            assert session.execute(select(func.count()).select_from(Person)).scalar_one() == 1
    finally:
        engine.dispose()


def test_the_encrypted_engine_reports_integrity_errors_as_sqlalchemy_does(
    tmp_path: Path, key: bytes
) -> None:
    engine = create_encrypted_engine(tmp_path / "orm.db", key)
    try:
        migrate.upgrade(engine)
        with pytest.raises(IntegrityError), Session(engine) as session, session.begin():
            session.add(Account(username="ada", display_name="Ada", role=Role.ADMIN))
            session.add(Account(username="ada", display_name="Ada 2", role=Role.ADMIN))
    finally:
        engine.dispose()


def test_backup_round_trips_and_is_verified(
    filled: tuple[Path, sessionmaker[Session]], tmp_path: Path, key: bytes
) -> None:
    path, _sessions = filled
    seen: list[tuple[int, int]] = []
    target = backup_encrypted(
        path, key, tmp_path / "b.db", progress=lambda done, total: seen.append((done, total))
    )
    assert seen and seen[-1][0] == seen[-1][1] > 0
    copy = create_encrypted_engine(target, key)
    try:
        ctx = Context(sessionmaker(copy))
        assert [p.full_name for p in people.list_people(ctx)] == [NAME]
        assert people.get_person(ctx, people.list_people(ctx)[0].id).what_helps == (
            "Walks with Ola Testesen"
        )
    finally:
        copy.dispose()
    with pytest.raises(StorageError, match="A file already exists"):
        backup_encrypted(path, key, target)
    with pytest.raises(StorageError, match=WRONG_KEY):
        connect_encrypted(target, os.urandom(32))


def test_a_backup_that_fails_verification_is_not_kept(
    filled: tuple[Path, sessionmaker[Session]],
    tmp_path: Path,
    key: bytes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, _sessions = filled

    def broken(_path: Path, _key: bytes) -> None:
        raise StorageError("The backup could not be verified, so it was not kept.")

    monkeypatch.setattr(cipher, "verify_encrypted", broken)
    with pytest.raises(StorageError, match="not kept"):
        backup_encrypted(path, key, tmp_path / "out" / "b.db")
    assert list((tmp_path / "out").iterdir()) == []


def test_sqlcipher_wipes_the_memory_it_frees(tmp_path: Path) -> None:
    """docs/security.md §7: keys and decrypted pages do not linger in freed memory."""
    from caseplan.storage.cipher import connect_encrypted

    connection = connect_encrypted(tmp_path / "wiped.db", b"\x07" * 32)
    try:
        assert connection.execute("PRAGMA cipher_memory_security").fetchone()[0] == "1"
    finally:
        connection.close()
