"""Smaller findings of the insider review, as the command line shows them.

A practitioner may not restore a backup (the role table holds there too), and `check` on a
damaged file says so in one sentence instead of a traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import run_cli as run


def test_only_a_team_lead_or_an_administrator_restores_a_backup(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup, restored = tmp_path / "backup.db", tmp_path / "restored" / "caseplan.db"
    code, _out, err = run(
        capsys, "backup", "--db", str(demo_db), "--account", "lead", "--out", str(backup)
    )
    assert code == 0, err
    code, out, err = run(capsys, "restore", str(backup), "--db", str(restored), "--account", "demo")
    assert (code, out) == (1, "")
    assert err == (
        "caseplan: Only a team lead or an administrator of the clinic in this backup can "
        "restore it.\n"
    )
    assert not restored.exists() and not (restored.parent / "caseplan.db.keys").exists()
    code, _out, err = run(
        capsys, "restore", str(backup), "--db", str(restored), "--account", "admin"
    )
    assert code == 0, err


@pytest.mark.parametrize("where", [0.3, 0.5, 0.9])
def test_check_on_a_damaged_file_is_one_sentence(
    demo_db: Path, capsys: pytest.CaptureFixture[str], where: float
) -> None:
    """Damage somewhere in the file: either sign-in already notices it, or check does when
    it reads every page; either way a report that ends in one sentence, and a failing exit
    status."""
    page = 4096
    at = int(demo_db.stat().st_size * where) // page * page + 100
    with demo_db.open("r+b") as stream:  # a disk error inside one page
        stream.seek(at)
        stream.write(b"\xa5" * 200)
    code, out, err = run(capsys, "check", "--db", str(demo_db), "--account", "lead")
    assert (code, err) == (1, "")
    # What was found (the damaged pages, or that the file cannot be opened far enough to
    # sign in), then the one sentence that says what to do.
    damaged = (
        f"The database at {demo_db} is damaged: it cannot be read to the end. Caseplan changed "
        "nothing; restore the last good backup (caseplan restore).\n"
    )
    assert out.endswith(damaged)
    found = out.removesuffix(damaged).splitlines()
    assert found and all(line.startswith("Integrity check: ") for line in found)
