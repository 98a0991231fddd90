"""A full disk, a read-only place or a missing folder for what a command writes: one sentence.

For ``backup``, ``export``, ``pdf`` and ``print-due``, run as their own processes: the
command ends with status 1 and exactly one sentence that names the fault, and nothing in
the place it was to write changed (an earlier file of that name keeps its bytes; no
half-written or temporary file is left). A failed export is audited as failed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from caseplan.services.clinic.unlock import sign_in
from caseplan.services.security import trail
from caseplan.storage.location import resolve
from tests.faults.conftest import Clinic, caseplan, fill, listing, make_read_only

NO_ROOM = (
    "There is no room for {path} on its disk, so it was not written; "
    "free some space or choose another place."
)
READ_ONLY = "Caseplan may not write {path} (the place is read-only); choose another place."
NO_FOLDER = "The folder {folder} does not exist."
EARLIER = b"an earlier file that must keep its bytes\n"


def _argv(command: str, clinic: Clinic, out: Path) -> list[str]:
    db = ["--db", str(clinic.database)]
    if command == "backup":
        return ["backup", *db, "--out", str(out)]
    force = ["--out", str(out), "--force"]
    if command == "export":
        return ["export", clinic.person, *db, *force]
    if command == "pdf":
        return ["pdf", clinic.person, *db, *force]
    return ["print-due", "--until", "2100-12-31", *db, *force]


def _target(command: str, folder: Path) -> Path:
    """Where the command writes; an earlier file is there, except for a backup (never over)."""
    out = folder / ("backup.db" if command == "backup" else f"{command}.out")
    if command != "backup":
        out.write_bytes(EARLIER)
    return out


COMMANDS = ["backup", "export", "pdf", "print-due"]


def _run_and_check(
    command: str, clinic: Clinic, out: Path, sentence: str, prepare: Callable[[], None]
) -> None:
    prepare()
    before = listing(out.parent)
    done = caseplan(*_argv(command, clinic, out))
    said = [line for line in done.stderr.splitlines() if not line.startswith("Printing ")]
    assert (done.returncode, said) == (1, [f"caseplan: {sentence}"]), done.stderr[-3000:]
    assert listing(out.parent) == before
    if command == "export":
        _assert_export_audited_as_failed(clinic)


def _assert_export_audited_as_failed(clinic: Clinic) -> None:
    opened = sign_in(resolve(str(clinic.database)), "lead", "demo")
    try:
        events = trail.recent_events(opened.ctx, limit=20)
    finally:
        opened.close()
    exports = [e for e in events if e.action in ("export", "export_failed")]
    assert [e.action for e in exports] == ["export_failed"]
    assert exports[0].entity_id == clinic.person
    assert "not written: " in exports[0].detail and "/" not in exports[0].detail


@pytest.mark.parametrize("command", COMMANDS)
def test_a_full_disk(command: str, clinic: Clinic, small_disk: Path) -> None:
    out = _target(command, small_disk)
    _run_and_check(command, clinic, out, NO_ROOM.format(path=out), lambda: fill(small_disk))


@pytest.mark.parametrize("command", COMMANDS)
def test_a_read_only_folder(command: str, clinic: Clinic, tmp_path: Path) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    out = _target(command, folder)
    try:
        _run_and_check(
            command, clinic, out, READ_ONLY.format(path=out), lambda: folder.chmod(0o555)
        )
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize("command", COMMANDS)
def test_a_read_only_file_system(command: str, clinic: Clinic, small_disk: Path) -> None:
    out = _target(command, small_disk)
    _run_and_check(
        command, clinic, out, READ_ONLY.format(path=out), lambda: make_read_only(small_disk)
    )


@pytest.mark.parametrize("command", ["export", "pdf", "print-due"])
def test_a_missing_folder(command: str, clinic: Clinic, tmp_path: Path) -> None:
    out = tmp_path / "unplugged-stick" / "out.file"
    done = caseplan(*_argv(command, clinic, out))
    sentence = NO_FOLDER.format(folder=out.parent)
    assert (done.returncode, done.stderr) == (1, f"caseplan: {sentence}\n")
    assert not out.parent.exists()
