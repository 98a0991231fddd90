"""`caseplan print-due` starts its PDF with the cover list: exactly the people in the batch,
in the order printed, each with why (their review date), read back from the first pages."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from caseplan.reports.i18n import format_date
from tests.reports.pdftools import pdf_text, squeeze
from tests.reports.test_cover_page import cover_names, cover_pages
from tests.support import run_cli as run


def test_print_due_puts_the_cover_list_first(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "people", "--db", str(demo_db), "--account", "lead", "--json")
    assert code == 0, err
    everyone = json.loads(out)
    reviewed = sorted(p["next_review"] for p in everyone if p["next_review"])
    until = reviewed[len(reviewed) // 2]  # about half the people are due by then
    due = [p for p in everyone if p["next_review"] and p["next_review"] <= until]
    not_due = [p for p in everyone if p not in due]
    assert due and not_due
    target = tmp_path / "due.pdf"
    code, _out, err = run(
        capsys, "print-due", "--until", until, "--out", str(target),
        "--db", str(demo_db), "--account", "lead", "--language", "en",
    )  # fmt: skip
    assert code == 0, err

    pages = cover_pages(target)
    assert pages and "Cover list:" in pages[0]
    assert f"Plans due for review by {format_date(date.fromisoformat(until), 'en')}" in pages[0]
    names = [p["full_name"] for p in due]
    order = cover_names(pages, names)  # each due person once, in the order printed
    assert [
        date.fromisoformat(p["next_review"])
        for p in sorted(due, key=lambda p: order.index(p["full_name"]))
    ] == sorted(date.fromisoformat(p["next_review"]) for p in due)
    cover = squeeze("\n".join(pages))
    for person in not_due:
        assert squeeze(person["full_name"]) not in cover
    today = date.today()
    for number, name in enumerate(order):
        person = next(p for p in due if p["full_name"] == name)
        start = cover.index(squeeze(name))
        end = cover.index(squeeze(order[number + 1])) if number + 1 < len(order) else len(cover)
        row = cover[start:end]
        review = date.fromisoformat(person["next_review"])
        if review < today:
            why = f"Review overdue since {format_date(review, 'en')}"
        elif review == today:
            why = "Review due today"
        else:
            why = f"Review due {format_date(review, 'en')}"
        assert squeeze(why) in row, (name, row)
    # the first plan follows the cover, on a page of its own
    first_plan = pdf_text(target, len(pages) + 1)
    assert squeeze(order[0]) in squeeze(first_plan)


def test_print_due_with_nobody_due_writes_nothing(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "due.pdf"
    code, _out, err = run(
        capsys, "print-due", "--until", "2000-01-01", "--out", str(target),
        "--db", str(demo_db), "--account", "lead",
    )  # fmt: skip
    assert (code, err) == (
        1,
        "caseplan: No plan that you may print is due for review by 2000-01-01.\n",
    )
    assert not target.exists()
