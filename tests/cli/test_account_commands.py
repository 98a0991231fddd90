"""`caseplan accounts`: an administrator adds, resets and switches off accounts."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import has_account
from tests.support import run_cli as run


def test_an_admin_adds_an_account_that_can_then_sign_in(
    demo_db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(demo_db)
    monkeypatch.setenv("CASEPLAN_NEW_PASSWORD", "a new long password")
    code, _out, err = run(
        capsys,
        "accounts",
        "add",
        "siv",
        "--role",
        "practitioner",
        "--name",
        "Siv Demo",
        "--db",
        db,
        "--account",
        "admin",
    )
    assert (code, err) == (0, "Added the account siv (practitioner).\n")
    assert has_account(demo_db, "siv")
    code, out, _err = run(capsys, "accounts", "list", "--db", db, "--account", "admin")
    assert code == 0
    assert any(line.split()[:2] == ["siv", "practitioner"] for line in out.splitlines())

    monkeypatch.setenv("CASEPLAN_PASSWORD", "a new long password")
    code, out, err = run(capsys, "people", "--db", db, "--account", "siv", "--json")
    assert (code, out.strip()) == (0, "[]"), err  # on no one's team yet

    monkeypatch.setenv("CASEPLAN_PASSWORD", "demo")
    code, _out, err = run(capsys, "accounts", "deactivate", "siv", "--db", db, "--account", "admin")
    assert code == 0, err
    assert not has_account(demo_db, "siv")
    monkeypatch.setenv("CASEPLAN_PASSWORD", "a new long password")
    code, _out, err = run(capsys, "people", "--db", db, "--account", "siv")
    assert (code, err) == (1, "caseplan: The user name or password is wrong.\n")


def test_only_an_admin_manages_accounts_and_weak_passwords_are_refused(
    demo_db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(demo_db)
    monkeypatch.setenv("CASEPLAN_NEW_PASSWORD", "a new long password")
    code, _out, err = run(
        capsys,
        "accounts",
        "add",
        "ola",
        "--role",
        "practitioner",
        "--name",
        "Ola",
        "--db",
        db,
        "--account",
        "lead",
    )
    assert (code, err) == (1, "caseplan: Only an administrator can manage accounts.\n")
    monkeypatch.setenv("CASEPLAN_NEW_PASSWORD", "short")
    code, _out, err = run(
        capsys,
        "accounts",
        "add",
        "ola",
        "--role",
        "practitioner",
        "--name",
        "Ola",
        "--db",
        db,
        "--account",
        "admin",
    )
    assert (code, err) == (1, "caseplan: A password needs at least 12 characters.\n")


def test_changing_your_own_password_rewraps_your_key_slot(
    demo_db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(demo_db)
    monkeypatch.setenv("CASEPLAN_NEW_PASSWORD", "lead has a new password")
    code, _out, err = run(capsys, "accounts", "password", "--db", db, "--account", "lead")
    assert (code, err) == (0, "The password is changed.\n")
    code, _out, err = run(capsys, "people", "--db", db, "--account", "lead")
    assert code == 1 and "password is wrong" in err
    monkeypatch.setenv("CASEPLAN_PASSWORD", "lead has a new password")
    code, _out, err = run(capsys, "people", "--db", db, "--account", "lead")
    assert code == 0, err
