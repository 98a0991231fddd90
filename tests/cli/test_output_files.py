"""`--out` as someone in a hurry uses it: never over the clinic's own files, never half a file.

Each case is the command line a person would type; the database, its key file and its
backups must be byte-for-byte as they were after every refusal.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caseplan.errors import StorageError
from caseplan.storage.files import check_output
from tests.support import run_cli as run

CLINIC_FILE = "belongs to a Caseplan database (the database, its key file or a backup)"
NOT_ENCRYPTED = "is not encrypted: anyone who can open the file can read it."


def first_person(capsys: pytest.CaptureFixture[str], db: Path) -> str:
    code, out, err = run(capsys, "people", "--db", str(db), "--account", "lead", "--json")
    assert code == 0, err
    return str(json.loads(out)[0]["id"])


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


#: A person's id that is not looked up: a refusal must come before signing in at all.
SOMEONE = "00000000-0000-4000-8000-000000000001"


def export(
    capsys: pytest.CaptureFixture[str], db: Path, *extra: str, person: str = SOMEONE
) -> tuple[int, str, str]:
    return run(capsys, "export", person, "--db", str(db), "--account", "lead", *extra)


def pdf(
    capsys: pytest.CaptureFixture[str], db: Path, *extra: str, person: str = SOMEONE
) -> tuple[int, str, str]:
    return run(capsys, "pdf", person, "--db", str(db), "--account", "lead", *extra)


@pytest.mark.parametrize("force", [False, True])
@pytest.mark.parametrize(
    "name", ["demo.db", "demo.db-wal", "demo.db-shm", "demo.db-journal", "demo.db.keys"]
)
def test_the_database_and_its_side_files_are_never_written_over(
    demo_db: Path, capsys: pytest.CaptureFixture[str], name: str, force: bool
) -> None:
    before = snapshot(demo_db.parent)
    flags = ["--force"] if force else []
    for command in (export, pdf):
        code, out, err = command(capsys, demo_db, "--out", str(demo_db.parent / name), *flags)
        assert (code, out) == (1, "")
        assert err == (
            f"caseplan: {demo_db.parent / name} {CLINIC_FILE} and is never written over; "
            "choose another file name.\n"
        )
    assert snapshot(demo_db.parent) == before


def test_a_backup_and_its_key_file_are_never_written_over(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path / "safe"
    elsewhere.mkdir()
    backup = elsewhere / "monday.db"
    code, _out, err = run(
        capsys, "backup", "--db", str(demo_db), "--account", "lead", "--out", str(backup)
    )
    assert code == 0, err
    before = snapshot(elsewhere)
    for target in (backup, elsewhere / "monday.db.keys", elsewhere / "monday.db-wal"):
        code, _out, err = export(capsys, demo_db, "--out", str(target), "--force")
        assert code == 1
        assert CLINIC_FILE in err
    # another clinic's database, found by its key file beside it, is just as safe
    code, _out, err = pdf(capsys, demo_db, "--out", str(elsewhere / "monday.db"), "--force")
    assert CLINIC_FILE in err
    assert snapshot(elsewhere) == before


def test_a_link_to_the_database_is_refused(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "harmless-looking.json"
    link.symlink_to(demo_db.parent / "demo.db.keys")
    before = snapshot(demo_db.parent)
    code, _out, err = export(capsys, demo_db, "--out", str(link), "--force")
    assert code == 1 and CLINIC_FILE in err
    assert snapshot(demo_db.parent) == before


def test_an_existing_file_needs_force(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "ola.json"
    target.write_text("my shopping list")
    code, _out, err = export(capsys, demo_db, "--out", str(target))
    assert code == 1
    assert err == (
        f"caseplan: A file already exists at {target}; choose another name, "
        "or add --force to replace it.\n"
    )
    assert target.read_text() == "my shopping list"
    code, _out, err = export(
        capsys, demo_db, "--out", str(target), "--force", person=first_person(capsys, demo_db)
    )
    assert code == 0, err
    assert json.loads(target.read_text())["format"] == "caseplan.person/1"


def test_a_folder_and_a_missing_folder_each_get_a_sentence(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = export(capsys, demo_db, "--out", str(tmp_path))
    assert (code, out) == (1, "")
    assert err == f"caseplan: {tmp_path} is a folder; give the name of a file to write in it.\n"
    missing = tmp_path / "no such folder" / "plan.pdf"
    code, out, err = pdf(capsys, demo_db, "--out", str(missing))
    assert (code, out) == (1, "")
    assert err == f"caseplan: The folder {missing.parent} does not exist.\n"
    for command in ("print-due", "peer-hours"):
        extra = (
            ["--until", "2099-01-01"]
            if command == "print-due"
            else ["--from", "2020-01-01", "--to", "2099-01-01"]
        )
        code, _out, err = run(
            capsys, command, "--db", str(demo_db), "--account", "lead", *extra,
            "--out", str(tmp_path / "nowhere" / "x.pdf"),
        )  # fmt: skip
        assert code == 1
        assert err == f"caseplan: The folder {tmp_path / 'nowhere'} does not exist.\n"


def test_every_output_is_only_for_its_owner_and_said_to_be_unencrypted(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    previous = os.umask(0o022)  # a usual desktop: new files readable by all unless said otherwise
    try:
        _write_every_output(demo_db, tmp_path, capsys)
    finally:
        os.umask(previous)


def _write_every_output(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    outputs = {
        "export": (export, folder / "person.json"),
        "pdf": (pdf, folder / "plan.pdf"),
    }
    someone = first_person(capsys, demo_db)
    for command, target in outputs.values():
        code, _out, err = command(capsys, demo_db, "--out", str(target), person=someone)
        assert code == 0, err
        assert err.count(NOT_ENCRYPTED) == 1
    hours = folder / "hours.csv"
    due = folder / "due.pdf"
    code, _out, err = run(
        capsys, "peer-hours", "--db", str(demo_db), "--account", "lead",
        "--from", "2000-01-01", "--to", "2099-12-31", "--out", str(hours),
    )  # fmt: skip
    assert code == 0, err
    assert err.count(NOT_ENCRYPTED) == 1
    code, _out, err = run(
        capsys, "print-due", "--db", str(demo_db), "--account", "lead",
        "--until", "2099-12-31", "--out", str(due),
    )  # fmt: skip
    assert code == 0, err
    assert err.count(NOT_ENCRYPTED) == 1
    for path in [target for _command, target in outputs.values()] + [hours, due]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["person.json", "plan.pdf", "hours.csv", "due.pdf"]
    ), "no temporary file is left beside an output"


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=st.text(
        st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)),
        min_size=1,
        max_size=40,
    )
)
def test_any_file_name_is_either_usable_or_one_sentence(tmp_path: Path, name: str) -> None:
    database = tmp_path / "clinic.db"
    database.write_bytes(b"\x00" * 32)
    database.with_name("clinic.db.keys").write_text('{"format": "caseplan.keys/2"}')
    try:
        target = check_output(tmp_path / name, databases=(database,))
    except StorageError as error:
        assert str(error).endswith(".")
    else:
        assert target.parent == tmp_path.absolute()
        side = {"", "-wal", "-shm", "-journal", ".keys", ".keys.lock", ".signins"}
        assert target.name not in {"clinic.db" + ending for ending in side}
