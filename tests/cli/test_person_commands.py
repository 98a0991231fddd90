"""`caseplan person add` and `caseplan person edit` on a clinic made with `caseplan init`."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.cli.conftest import PASSWORDS
from tests.support import run_cli as run


def test_person_add_then_pdf_on_an_empty_clinic(
    clinic: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(
        capsys, "person", "add", "--name", "Ola Nordmann", "--preferred-name", "Ola",
        "--born", "1988-05-17", "--language", "nb", "--db", clinic, "--account", "kari",
        "--json",
    )  # fmt: skip
    assert (code, err) == (0, "")
    added = json.loads(out)
    assert (added["full_name"], added["preferred_name"], added["date_of_birth"]) == (
        "Ola Nordmann",
        "Ola",
        "1988-05-17",
    )
    assert added["plan_id"] and added["next_review"]
    code, out, err = run(capsys, "people", "--db", clinic, "--account", "kari", "--json")
    assert [p["id"] for p in json.loads(out)] == [added["id"]]

    pdf = tmp_path / "ola.pdf"
    code, _out, err = run(
        capsys, "pdf", added["id"], "--out", str(pdf), "--db", clinic, "--account", "kari"
    )
    assert code == 0, err
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Ola Nordmann" in text
    assert "Kari Lund" in text  # on the team from the start

    code, out, err = run(
        capsys, "person", "edit", added["id"], "--phone", "400 00 000", "--language", "en",
        "--db", clinic, "--account", "kari", "--json",
    )  # fmt: skip
    assert code == 0, err
    assert (json.loads(out)["phone"], json.loads(out)["preferred_language"]) == ("400 00 000", "en")


def test_without_json_the_new_id_alone_and_a_twin_is_added_with_a_note(
    clinic: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, first, err = run(
        capsys, "person", "add", "--name", "Siv Dahl", "--db", clinic, "--account", "kari"
    )
    assert (code, err) == (0, "")
    assert len(first.strip()) == 36
    code, second, err = run(
        capsys, "person", "add", "--name", "siv dahl", "--db", clinic, "--account", "kari"
    )
    assert code == 0 and second != first
    assert err == (
        "Note: someone with the same name and date of birth was already registered; "
        "check that this is not the same person twice.\n"
    )


@pytest.mark.parametrize(
    ("options", "sentence"),
    [
        (["--name", ""], "caseplan: Please write the person's name.\n"),
        (["--name", "   "], "caseplan: Please write the person's name.\n"),
        (
            ["--name", "Ola", "--born", "2999-01-01"],  # (a date computed here would age)
            "caseplan: The date of birth cannot be in the future.\n",
        ),
        (
            ["--name", "Ola", "--language", "de"],
            "caseplan: de is not a language Caseplan can print a plan in; "
            "use one of: en, nb, nn, se.\n",
        ),
        (
            ["--name", "Ola", "--born", "17.05.1988"],
            "caseplan: 17.05.1988 is not a date; write it as YYYY-MM-DD, for example 2026-03-31.\n",
        ),
    ],
)
def test_bad_input_is_one_sentence_and_writes_nothing(
    clinic: str, capsys: pytest.CaptureFixture[str], options: list[str], sentence: str
) -> None:
    before = {p.name: p.read_bytes() for p in Path(clinic).parent.glob("clinic.db*")}
    code, out, err = run(capsys, "person", "add", *options, "--db", clinic, "--account", "kari")
    assert (code, out, err) == (1, "", sentence)
    code, out, _err = run(capsys, "people", "--db", clinic, "--account", "kari", "--json")
    assert json.loads(out) == []
    assert set(before) <= {p.name for p in Path(clinic).parent.glob("clinic.db*")}


def test_a_team_lead_adds_a_person_for_a_practitioner(
    clinic: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CASEPLAN_PASSWORD", "lars's long password")
    code, _out, err = run(
        capsys, "person", "add", "--name", "Åse Nilsen", "--practitioner", "KARI",
        "--db", clinic, "--account", "lars",
    )  # fmt: skip
    assert code == 0, err
    code, _out, err = run(
        capsys, "person", "add", "--name", "Per", "--practitioner", "nobody",
        "--db", clinic, "--account", "lars",
    )  # fmt: skip
    assert (code, err) == (1, "caseplan: There is no practitioner account called nobody.\n")
    monkeypatch.setenv("CASEPLAN_PASSWORD", PASSWORDS["kari"])
    code, listed, _err = run(capsys, "people", "--db", clinic, "--account", "kari", "--json")
    assert [p["full_name"] for p in json.loads(listed)] == ["Åse Nilsen"]
    monkeypatch.setenv("CASEPLAN_PASSWORD", PASSWORDS["tone"])
    code, _out, err = run(
        capsys, "person", "add", "--name", "Per", "--db", clinic, "--account", "tone"
    )
    assert (code, err) == (1, "caseplan: Your account may not add people.\n")


@pytest.mark.parametrize("language", ["nn", "se"])
def test_every_language_a_plan_prints_in_is_offered_and_taken(
    clinic: str, capsys: pytest.CaptureFixture[str], language: str
) -> None:
    with pytest.raises(SystemExit):
        run(capsys, "person", "add", "--help")
    assert "nb|nn|se|en" in capsys.readouterr().out
    code, out, err = run(
        capsys, "person", "add", "--name", "Ánde Gaup", "--language", language,
        "--db", clinic, "--account", "kari", "--json",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert json.loads(out)["preferred_language"] == language
