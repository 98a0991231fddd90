"""The command line as a script uses it: exit codes, stdout, stderr, and files."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import update

from caseplan.models import AuditEvent
from caseplan.storage import keyfile, keys
from caseplan.storage.database import open_database
from caseplan.storage.location import resolve
from tests.support import key_of
from tests.support import run_cli as run


def test_people_json_lists_everyone_a_team_lead_may_see(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run(capsys, "people", "--db", str(demo_db), "--account", "lead", "--json")
    assert code == 0
    people = json.loads(out)
    assert len(people) == 12
    assert {"id", "full_name", "next_review"} <= set(people[0])


def test_search_finds_names_whatever_their_case(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _code, out, _err = run(capsys, "people", "--db", str(demo_db), "--account", "lead", "--json")
    someone = json.loads(out)[0]["full_name"]
    query = someone.split()[0].upper()
    code, out, _err = run(
        capsys, "--db", str(demo_db), "--account", "lead", "people", "--search", query, "--json"
    )
    assert code == 0
    assert someone in [row["full_name"] for row in json.loads(out)]


def test_wrong_password_is_one_sentence_and_leaves_the_file_alone(
    demo_db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = demo_db.read_bytes()
    monkeypatch.setenv("CASEPLAN_PASSWORD", "not the password")
    code, out, err = run(capsys, "people", "--db", str(demo_db), "--account", "lead")
    assert (code, out) == (1, "")
    assert err == "caseplan: The user name or password is wrong.\n"
    assert demo_db.read_bytes() == before


def test_the_file_is_encrypted(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _code, out, _err = run(capsys, "people", "--db", str(demo_db), "--account", "lead", "--json")
    names = [row["full_name"] for row in json.loads(out)]
    blob = b"".join(
        path.read_bytes()
        for path in demo_db.parent.rglob("*")
        if path.is_file()
        and (path.name.startswith("demo.db") or path.parent.name == "demo.db.peers")
    )
    for name in names:
        assert name.encode() not in blob
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        sqlite3.connect(demo_db).execute("SELECT * FROM sqlite_master").fetchall()


def test_export_import_export_is_byte_identical(
    demo_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _code, out, _err = run(capsys, "people", "--db", str(demo_db), "--account", "lead", "--json")
    person = json.loads(out)[5]["id"]
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    code, _out, err = run(
        capsys, "export", person, "--db", str(demo_db), "--account", "lead", "--out", str(first)
    )
    assert code == 0, err

    other = tmp_path / "other.db"
    code, _out, err = run(capsys, "demo", "--people", "0", "--db", str(other))
    assert code == 0, err
    code, out, err = run(capsys, "import", str(first), "--db", str(other), "--account", "lead")
    assert (code, out.strip()) == (0, person), err
    code, _out, err = run(
        capsys, "export", person, "--db", str(other), "--account", "lead", "--out", str(second)
    )
    assert code == 0, err
    assert first.read_bytes() == second.read_bytes()
    code, _out, err = run(capsys, "import", str(first), "--db", str(other), "--account", "lead")
    assert code == 1
    assert err == "caseplan: This person is already in the database.\n"


def test_init_shows_the_recovery_key_once_and_an_admin_must_break_the_glass(
    demo_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _code, out, _err = run(capsys, "people", "--db", str(demo_db), "--account", "lead", "--json")
    person = json.loads(out)[0]["id"]
    exported = tmp_path / "person.json"
    run(capsys, "export", person, "--db", str(demo_db), "--account", "lead", "--out", str(exported))

    clinic = tmp_path / "clinic.db"
    monkeypatch.setenv("CASEPLAN_PASSWORD", "a long enough password")
    code, out, err = run(capsys, "init", "--db", str(clinic), "--account", "boss")
    assert code == 0, err
    assert "Recovery key" in err
    recovery = out.strip()
    current = keyfile.load(keys.keys_path(clinic))
    assert keys.open_grant(current, keys.unlock_recovery(current, recovery))
    code, out, err = run(capsys, "import", str(exported), "--db", str(clinic), "--account", "boss")
    assert (code, out.strip()) == (0, person), err
    target = tmp_path / "again.json"
    code, _out, err = run(
        capsys, "export", person, "--db", str(clinic), "--account", "boss", "--out", str(target)
    )
    assert code == 1 and "break the glass" in err
    assert not target.exists()
    code, _out, err = run(capsys, "init", "--db", str(clinic), "--account", "boss")
    assert code == 1 and "There is already a database" in err


def test_import_of_a_broken_file_is_refused_whole(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "caseplan.person/1", "person": {', encoding="utf-8")
    _code, out, _err = run(capsys, "people", "--db", str(demo_db), "--account", "lead", "--json")
    count = len(json.loads(out))
    code, out, err = run(capsys, "import", str(broken), "--db", str(demo_db), "--account", "lead")
    assert code == 1 and out == ""
    assert err.startswith("caseplan: ") and err.count("\n") == 1
    _code, out, _err = run(capsys, "people", "--db", str(demo_db), "--account", "lead", "--json")
    assert len(json.loads(out)) == count


def test_backup_restore_round_trips_every_person(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup, restored = tmp_path / "backup.db", tmp_path / "restored" / "caseplan.db"
    code, _out, err = run(
        capsys, "backup", "--db", str(demo_db), "--account", "lead", "--out", str(backup)
    )
    assert code == 0, err
    assert keys.keys_path(backup).exists()
    code, _out, err = run(
        capsys, "restore", str(backup), "--db", str(restored), "--account", "lead"
    )
    assert code == 0, err
    _code, out, _err = run(capsys, "people", "--db", str(demo_db), "--account", "lead", "--json")
    for person in json.loads(out):
        exported = []
        for database in (demo_db, restored):
            target = tmp_path / f"{person['id']}-{database.parent.name}.json"
            code, _out, err = run(
                capsys,
                "export",
                person["id"],
                "--db",
                str(database),
                "--account",
                "lead",
                "--out",
                str(target),
            )
            assert code == 0, err
            exported.append(target.read_bytes())
        assert exported[0] == exported[1]
    code, _out, err = run(
        capsys, "restore", str(backup), "--db", str(restored), "--account", "lead"
    )
    assert code == 1 and "only restored into an empty place" in err


def test_check_reports_an_edited_audit_row(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run(capsys, "check", "--db", str(demo_db), "--account", "lead")
    assert code == 0
    assert "Integrity check: ok" in out and "chain unbroken" in out

    key = key_of(demo_db, "lead", "demo")
    database = open_database(resolve(str(demo_db)), key=key)
    with database.engine.begin() as connection:
        connection.execute(update(AuditEvent).where(AuditEvent.seq == 2).values(detail="edited"))
    database.close()
    code, out, _err = run(capsys, "check", "--db", str(demo_db), "--account", "lead")
    assert code == 1
    assert "Audit trail: broken at event 2" in out


def test_a_peer_worker_may_not_back_up(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(
        capsys, "backup", "--db", str(demo_db), "--account", "peer", "--out", str(tmp_path / "b.db")
    )
    assert code == 1
    assert err == "caseplan: Only a team lead or an administrator can make or restore backups.\n"
    assert not (tmp_path / "b.db").exists()


def test_no_account_given_is_one_sentence(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(capsys, "people", "--db", str(demo_db))
    assert code == 1
    assert err == "caseplan: Say which account to use with --account or CASEPLAN_ACCOUNT.\n"


def test_only_a_team_lead_or_admin_adds_fictional_people_to_a_demo(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for account in ("demo", "peer"):
        code, _out, err = run(
            capsys, "demo", "--people", "2", "--db", str(demo_db), "--account", account
        )
        assert (code, err) == (
            1,
            "caseplan: Only a team lead or an administrator can add fictional people.\n",
        )
    _code, out, _err = run(capsys, "people", "--db", str(demo_db), "--account", "lead", "--json")
    assert len(json.loads(out)) == 12
    code, _out, err = run(
        capsys, "demo", "--people", "2", "--db", str(demo_db), "--account", "lead"
    )
    assert code == 0, err
    _code, out, _err = run(capsys, "people", "--db", str(demo_db), "--account", "lead", "--json")
    assert len(json.loads(out)) == 14
