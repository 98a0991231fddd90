"""A small DEMO database made through the CLI itself, shared by the command-line tests."""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from caseplan.cli import main


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database, made once per run by ``caseplan demo``; each test gets a copy."""
    folder = tmp_path_factory.mktemp("demo-template")
    path = folder / "made" / "demo.db"
    home = folder / "home"
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # as in every test: never the real keyring
    stderr = io.StringIO()
    try:
        with pytest.MonkeyPatch.context() as env, contextlib.redirect_stderr(stderr):
            env.setenv("HOME", str(home))
            env.setenv("XDG_DATA_HOME", str(home / "data"))
            env.setenv("XDG_CONFIG_HOME", str(home / "config"))
            for name in ("CASEPLAN_DB", "CASEPLAN_ACCOUNT", "CASEPLAN_PASSWORD"):
                env.delenv(name, raising=False)
            code = main(["demo", "--people", "12", "--seed", "3", "--db", str(path)])
    finally:
        keyring.set_keyring(previous)
    assert code == 0, stderr.getvalue()
    assert "Added 12 fictional people" in stderr.getvalue()
    return path


@pytest.fixture
def demo_db(_demo_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Twelve fictional people (seed 3); CASEPLAN_PASSWORD is the demo accounts' "demo"."""
    for made in _demo_template.parent.iterdir():  # the database, its key file, peer stores
        if made.is_dir():
            shutil.copytree(made, tmp_path / made.name)
        else:
            shutil.copyfile(made, tmp_path / made.name)
    monkeypatch.setenv("CASEPLAN_PASSWORD", "demo")
    return tmp_path / _demo_template.name


PASSWORDS = {
    "tone": "tone's long password",
    "kari": "kari's long password",
    "lars": "lars's long password",
}


@pytest.fixture(scope="session")
def _clinic_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The empty clinic of ``clinic``, made once per run through the CLI; each test gets a
    copy (the database and its key file)."""
    folder = tmp_path_factory.mktemp("clinic-template")
    db = str(folder / "made" / "clinic.db")
    home = folder / "home"
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # as in every test: never the real keyring
    stderr = io.StringIO()

    def run_quietly(*argv: str) -> None:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(stderr):
            code = main(list(argv))
        assert code == 0, stderr.getvalue()

    try:
        with pytest.MonkeyPatch.context() as env:
            env.setenv("HOME", str(home))
            env.setenv("XDG_DATA_HOME", str(home / "data"))
            env.setenv("XDG_CONFIG_HOME", str(home / "config"))
            for name in ("CASEPLAN_DB", "CASEPLAN_ACCOUNT", "CASEPLAN_PASSWORD"):
                env.delenv(name, raising=False)
            env.setenv("CASEPLAN_PASSWORD", PASSWORDS["tone"])
            run_quietly("init", "--db", db, "--account", "tone", "--name", "Tone")
            for username, role, name in (
                ("kari", "practitioner", "Kari Lund"),
                ("lars", "team_lead", "Lars"),
            ):
                env.setenv("CASEPLAN_NEW_PASSWORD", f"{username}'s long password")
                run_quietly(
                    "accounts", "add", username, "--role", role, "--name", name,
                    "--db", db, "--account", "tone",
                )  # fmt: skip
    finally:
        keyring.set_keyring(previous)
    assert not home.exists(), "the clinic is all in its folder (else copy the home too)"
    return Path(db)


@pytest.fixture
def clinic(_clinic_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """An empty clinic (no demo): the administrator Tone, the practitioner Kari, the team
    lead Lars, made by ``caseplan init`` and ``caseplan accounts add`` (once per run, each
    test gets a copy); CASEPLAN_PASSWORD is Kari's."""
    for made in _clinic_template.parent.iterdir():  # the database and its key file
        if made.is_dir():
            shutil.copytree(made, tmp_path / made.name)
        else:
            shutil.copyfile(made, tmp_path / made.name)
    monkeypatch.setenv("CASEPLAN_PASSWORD", PASSWORDS["kari"])
    return str(tmp_path / _clinic_template.name)
