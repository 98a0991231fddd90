"""A damaged, cut-short or read-only database: named for what it is, never a wrong password.

Sixteen flipped bytes in the first, a middle or the last page, or a file cut to half its
length, meet ``check``, ``backup``, ``export``, ``pdf`` and ``print-due`` (each its own
process): ``check`` reports the damage and ends with status 1; the others end with status
1 and one sentence that says the database is damaged, or finish with a whole file where
the damage lies outside what they read. Never a traceback or "the password is wrong", no
output file, and the damaged bytes are left exactly as they were (not spread, not papered
over). A read-only database file or folder is said to be read-only and is not changed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.faults.conftest import Clinic, caseplan
from tests.faults.damage import PAGE, flip_bytes, pages, truncate_half

DAMAGED = (
    "The database at {path} is damaged, so Caseplan stopped without changing anything; "
    "restore the last good backup (caseplan restore)."
)
NOT_BACKED_UP = "no backup was made and no earlier backup was replaced"
READ_ONLY = (
    "The database at {path} is read-only (the file or its folder), so nothing was saved; "
    "ask for permission to write there."
)


def _damage(where: str, database: Path) -> tuple[int, int]:
    """Damage the file; returns the byte range that was damaged (to check it is kept)."""
    count = pages(database)
    if where == "cut short":
        truncate_half(database)
        size = database.stat().st_size
        return size - PAGE // 3, size
    page = {"first page": 0, "a middle page": count // 2, "the last page": count - 1}[where]
    flip_bytes(database, page)
    return page * PAGE, (page + 1) * PAGE


def _argv(command: str, clinic: Clinic, out: Path) -> list[str]:
    db = ["--db", str(clinic.database)]
    return {
        "check": ["check", *db],
        "backup": ["backup", *db, "--out", str(out)],
        "export": ["export", clinic.person, *db, "--out", str(out)],
        "pdf": ["pdf", clinic.person, *db, "--out", str(out)],
        "print-due": ["print-due", "--until", "2100-12-31", *db, "--out", str(out)],
    }[command]


def _whole(command: str, out: Path) -> bool:
    data = out.read_bytes()
    if command == "export":
        return json.loads(data)["format"] == "caseplan.person/1"
    return data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")


WHERE = ["first page", "a middle page", "the last page", "cut short"]


@pytest.mark.parametrize("where", WHERE)
@pytest.mark.parametrize("command", ["check", "backup", "export", "pdf", "print-due"])
def test_a_damaged_database(command: str, where: str, clinic: Clinic, tmp_path: Path) -> None:
    start, end = _damage(where, clinic.database)
    damaged = clinic.database.read_bytes()[start:end]
    out = tmp_path / "out" / "file"
    out.parent.mkdir()

    done = caseplan(*_argv(command, clinic, out))
    said = [line for line in done.stderr.splitlines() if not line.startswith("Printing ")]

    shown = said or done.stdout.splitlines()[:1]
    print(f"\n{command}, {where}: exit {done.returncode}: {shown}")  # pytest -s
    assert "Traceback" not in done.stderr and "password" not in done.stderr
    assert clinic.database.read_bytes()[start:end] == damaged, "the damaged bytes changed"
    if command == "check":
        assert done.returncode == 1 and said == []
        assert "damaged" in done.stdout or "HMAC verification failed" in done.stdout
        assert not done.stdout.endswith("chain unbroken)\n")
        return
    if done.returncode == 0:  # the damage lies outside everything this command read
        assert command in ("export", "pdf", "print-due") and _whole(command, out)
        return
    assert done.returncode == 1 and len(said) == 1, done.stderr[-2000:]
    if command == "backup" and NOT_BACKED_UP in said[0]:
        assert said[0].startswith("caseplan: The database is damaged (")
    else:
        assert said == [f"caseplan: {DAMAGED.format(path=clinic.database)}"]
    assert sorted(p.name for p in out.parent.iterdir()) == []


def _read_only_file(clinic: Clinic) -> Callable[[], None]:
    clinic.database.chmod(0o444)
    return lambda: clinic.database.chmod(0o600)


def _read_only_folder(clinic: Clinic) -> Callable[[], None]:
    clinic.folder.chmod(0o555)
    return lambda: clinic.folder.chmod(0o755)


@pytest.mark.parametrize("make", [_read_only_file, _read_only_folder], ids=["file", "folder"])
@pytest.mark.parametrize("command", ["check", "export"])
def test_a_read_only_database(
    command: str, make: Callable[[Clinic], Callable[[], None]], clinic: Clinic, tmp_path: Path
) -> None:
    before = {p.name: p.read_bytes() for p in clinic.folder.iterdir() if p.is_file()}
    out = tmp_path / "out.json"
    undo = make(clinic)
    try:
        done = caseplan(*_argv(command, clinic, out))
    finally:
        undo()
    assert (done.returncode, done.stderr) == (
        1,
        f"caseplan: {READ_ONLY.format(path=clinic.database)}\n",
    )
    after = {p.name: p.read_bytes() for p in clinic.folder.iterdir() if p.is_file()}
    assert after[clinic.database.name] == before[clinic.database.name]
    assert not out.exists()
