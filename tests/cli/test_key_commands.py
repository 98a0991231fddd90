"""caseplan recover, keys rotate, keys new-recovery-key, backups list and re-encrypt."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import run_cli as run

TONE = "tone keeps the keys safe"


@pytest.fixture
def clinic(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, str]:
    database = tmp_path / "clinic.db"
    monkeypatch.setenv("CASEPLAN_DB", str(database))
    monkeypatch.setenv("CASEPLAN_ACCOUNT", "tone")
    monkeypatch.setenv("CASEPLAN_PASSWORD", TONE)
    code, out, err = run(capsys, "init", "--name", "Tone Admin")
    assert code == 0, err
    monkeypatch.setenv("CASEPLAN_NEW_PASSWORD", "kari walks the long road")
    assert (
        run(capsys, "accounts", "add", "kari", "--role", "practitioner", "--name", "Kari")[0] == 0
    )
    return database, out.strip()


def test_the_recovery_key_resets_a_forgotten_administrator_password(
    clinic: tuple[Path, str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _database, recovery = clinic
    monkeypatch.setenv("CASEPLAN_NEW_PASSWORD", "tone came back again")
    monkeypatch.setenv("CASEPLAN_RECOVERY_KEY", "AAAA-" * 7 + "AAAA")
    assert run(capsys, "recover", "--account", "tone")[1:] == (
        "",
        "caseplan: The recovery key is wrong.\n",
    )
    monkeypatch.setenv("CASEPLAN_RECOVERY_KEY", recovery.lower().replace("-", " "))
    code, _out, err = run(capsys, "recover", "--account", "kari")
    assert (code, err) == (
        1,
        "caseplan: The recovery key resets an administrator's password; kari is not an "
        "administrator.\n",
    )
    code, _out, err = run(capsys, "recover", "--account", "tone")
    assert code == 0 and "old key files and the forgotten password no longer open it" in err
    assert run(capsys, "accounts", "list")[0] == 1  # the forgotten password opens nothing
    monkeypatch.setenv("CASEPLAN_PASSWORD", "tone came back again")
    code, out, _err = run(capsys, "accounts", "list")
    assert code == 0 and "kari" in out


def test_a_new_recovery_key_replaces_the_old_one(
    clinic: tuple[Path, str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _database, old = clinic
    code, new, err = run(capsys, "keys", "new-recovery-key")
    assert code == 0 and "shown only now" in err
    new = new.strip()
    assert len(new.split("-")) == 8 and new != old
    monkeypatch.setenv("CASEPLAN_NEW_PASSWORD", "tone came back again")
    monkeypatch.setenv("CASEPLAN_RECOVERY_KEY", old)
    assert run(capsys, "recover")[2] == "caseplan: The recovery key is wrong.\n"
    monkeypatch.setenv("CASEPLAN_RECOVERY_KEY", new)
    assert run(capsys, "recover")[0] == 0


def test_rotation_and_backups_made_with_a_retired_key(
    clinic: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    usb = tmp_path / "usb.db"
    assert run(capsys, "backup", "--out", str(usb))[0] == 0
    code, out, _err = run(capsys, "backups", "list")
    assert code == 0 and out.split()[2:] == ["current", str(usb)]
    code, _out, err = run(capsys, "keys", "rotate")
    assert code == 0 and "old key files no longer open it" in err
    code, out, err = run(capsys, "backups", "list")
    assert "made with a retired key" in out and "caseplan backups re-encrypt" in err
    code, _out, err = run(capsys, "backups", "re-encrypt")
    assert (code, err) == (0, f"Re-encrypted with the current key: {usb}\n")
    assert run(capsys, "backups", "list")[1].split()[2:] == ["current", str(usb)]


def test_only_an_administrator_rotates(
    clinic: tuple[Path, str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CASEPLAN_ACCOUNT", "kari")
    monkeypatch.setenv("CASEPLAN_PASSWORD", "kari walks the long road")
    assert run(capsys, "keys", "rotate")[1:] == (
        "",
        "caseplan: Only an administrator can manage accounts.\n",
    )
