"""`caseplan settings`: Tone sets the idle lock on a clinic's first day (scenario 1), a team
lead the time to a new plan's first review; a wrong value or a wrong account changes nothing."""

from __future__ import annotations

import json
from datetime import date

import pytest

from caseplan.services.clinic import settings
from caseplan.services.clinic.unlock import sign_in
from caseplan.services.review_dates import months_after
from caseplan.services.security.trail import recent_events
from caseplan.storage.location import resolve
from tests.cli.conftest import PASSWORDS
from tests.support import run_cli as run


def _as(monkeypatch: pytest.MonkeyPatch, username: str) -> None:
    monkeypatch.setenv("CASEPLAN_PASSWORD", PASSWORDS[username])


def _shown(capsys: pytest.CaptureFixture[str], clinic: str, username: str) -> dict[str, float]:
    code, out, err = run(capsys, "settings", "--json", "--db", clinic, "--account", username)
    assert (code, err) == (0, "")
    shown: dict[str, float] = json.loads(out)
    return shown


def test_the_administrator_sets_the_idle_lock_and_a_team_lead_the_first_review(
    clinic: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _shown(capsys, clinic, "kari") == {"first_review_months": 3, "idle_lock_minutes": 5.0}
    _as(monkeypatch, "tone")
    code, out, err = run(
        capsys, "settings", "--idle-lock", "2,5", "--db", clinic, "--account", "tone"
    )
    assert (code, err) == (0, "")
    assert out == "First review of a new plan after: 3 months\n" + (
        "Lock the window when idle for: 2.5 minutes\n"
    )
    _as(monkeypatch, "lars")
    code, _out, err = run(
        capsys, "settings", "--first-review", "6", "--db", clinic, "--account", "lars"
    )
    assert (code, err) == (0, "")
    _as(monkeypatch, "kari")
    assert _shown(capsys, clinic, "kari") == {"first_review_months": 6, "idle_lock_minutes": 2.5}

    # What the app reads when someone signs in (the team lead reads the trail too), and
    # what a new person's plan gets.
    clinic_open = sign_in(resolve(clinic), "lars", PASSWORDS["lars"])
    try:
        assert settings.idle_lock_minutes(clinic_open.ctx) == 2.5
        changes = [e.detail for e in recent_events(clinic_open.ctx) if e.entity == "setting"]
    finally:
        clinic_open.close()
    assert sorted(changes) == ["idle_lock_minutes", "review_interval_months"]
    code, out, err = run(
        capsys, "person", "add", "--name", "Ola Nordmann", "--json",
        "--db", clinic, "--account", "kari",
    )  # fmt: skip
    assert code == 0, err
    expected = months_after(date.today(), 6).isoformat()
    assert json.loads(out)["next_review"] == expected


@pytest.mark.parametrize(
    ("username", "options", "sentence"),
    [
        ("tone", ["--idle-lock", "0"], "The idle lock must be between 0.5 and 240 minutes."),
        ("tone", ["--idle-lock", "nan"], "nan is not a number of minutes."),
        ("tone", ["--idle-lock", "fem"], "fem is not a number of minutes."),
        ("tone", ["--idle-lock", "100000"], "The idle lock must be between 0.5 and 240 minutes."),
        (
            "tone",
            ["--first-review", "6", "--idle-lock", "0"],
            "The idle lock must be between 0.5 and 240 minutes.",
        ),
        ("lars", ["--first-review", "1.5"], "1.5 is not a whole number of months."),
        (
            "lars",
            ["--first-review", "0"],
            "The time to the first review must be between 1 and 24 months.",
        ),
        (
            "lars",
            ["--first-review", "6", "--idle-lock", "60"],
            "Only an administrator can change when the window locks.",
        ),
        (
            "kari",
            ["--first-review", "6"],
            "Only a team lead or an administrator can change the clinic's settings.",
        ),
    ],
)
def test_a_wrong_value_or_account_is_one_sentence_and_changes_nothing(
    clinic: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    username: str,
    options: list[str],
    sentence: str,
) -> None:
    _as(monkeypatch, username)
    code, out, err = run(capsys, "settings", *options, "--db", clinic, "--account", username)
    assert (code, out, err) == (1, "", f"caseplan: {sentence}\n")
    _as(monkeypatch, "kari")
    assert _shown(capsys, clinic, "kari") == {"first_review_months": 3, "idle_lock_minutes": 5.0}
