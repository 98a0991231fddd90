"""`caseplan peer-hours` as a script uses it: CSV or PDF by the file's ending, audited."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.reports.pdftools import pdf_text
from tests.support import run_cli as run


def hours(capsys: pytest.CaptureFixture[str], db: Path, account: str, out: Path, *more: str):
    return run(
        capsys, "peer-hours", "--db", str(db), "--account", account,
        "--from", "2020-01-01", "--to", "2030-12-31", "--out", str(out), *more,
    )  # fmt: skip


def test_csv_and_pdf_show_the_same_totals(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, stdout, err = hours(capsys, demo_db, "lead", tmp_path / "hours.csv")
    assert (code, stdout) == (0, ""), err
    assert "Wrote peer hours for" in err
    data = (tmp_path / "hours.csv").read_bytes().decode("utf-8-sig")
    data_block, totals_block, _waiting = data.split("\r\n\r\n")
    rows = list(csv.DictReader(io.StringIO(data_block), delimiter=";"))
    total = list(csv.DictReader(io.StringIO(totals_block), delimiter=";"))[-1]
    paid = sum(int(r["Betalte minutter"]) for r in rows)
    assert int(total["Betalte minutter"]) == paid > 0
    code, _out, err = hours(capsys, demo_db, "lead", tmp_path / "hours.pdf")
    assert code == 0, err
    text = pdf_text(tmp_path / "hours.pdf")
    assert "Likepersontimer" in text and "DEMO Team Lead" in text and "Underskrift" in text
    assert f"{total['Betalte minutter']}" in text  # the grand total row
    code, _out, err = hours(capsys, demo_db, "lead", tmp_path / "en.csv", "--language", "en")
    assert code == 0, err
    english = (tmp_path / "en.csv").read_bytes().decode("utf-8-sig")
    assert english.startswith("Peer;Organisation;Identity;Engagement;Person supported;")


@pytest.mark.parametrize(
    ("account", "name", "sentence"),
    [
        ("demo", "h.csv", "Only a team lead or an administrator can see the peer hours report."),
        (
            "lead",
            "h.xlsx",
            "Save the peer hours report as a file ending in .csv or .pdf, not h.xlsx.",
        ),
        ("lead", "h", "Save the peer hours report as a file ending in .csv or .pdf, not h."),
    ],
)
def test_refusals_are_one_sentence_and_write_nothing(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], account: str, name: str,
    sentence: str,
) -> None:  # fmt: skip
    code, stdout, err = hours(capsys, demo_db, account, tmp_path / name)
    assert (code, stdout, err) == (1, "", f"caseplan: {sentence}\n")
    assert not (tmp_path / name).exists()


def test_a_period_that_ends_before_it_starts(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "h.csv"
    code, _out, err = run(
        capsys, "peer-hours", "--db", str(demo_db), "--account", "lead",
        "--from", "2026-03-31", "--to", "2026-03-01", "--out", str(out),
    )  # fmt: skip
    assert (code, err) == (1, "caseplan: The period cannot end before it starts.\n")
    assert not out.exists()
