"""`caseplan pdf` and `caseplan print-due` as a script uses them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.reports.pdftools import pdf_text, squeeze
from tests.support import run_cli as run


def people(capsys: pytest.CaptureFixture[str], db: Path, account: str) -> list[dict[str, str]]:
    code, out, err = run(capsys, "people", "--db", str(db), "--account", account, "--json")
    assert code == 0, err
    return list(json.loads(out))


def test_pdf_prints_the_persons_plan_with_a_demo_mark(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    someone = people(capsys, demo_db, "lead")[0]
    out = tmp_path / "plan.pdf"
    code, stdout, err = run(
        capsys, "pdf", someone["id"], "--db", str(demo_db), "--account", "lead",
        "--out", str(out), "--language", "en",
    )  # fmt: skip
    assert (code, stdout) == (0, ""), err
    text = pdf_text(out)
    assert squeeze(someone["full_name"]) in squeeze(text)
    assert "DEMO" in text and "Page 1 of" in text


def test_pdf_crisis_card_and_a_refusal_for_a_practitioner_not_on_the_team(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    everyone = {p["id"] for p in people(capsys, demo_db, "lead")}
    mine = {p["id"] for p in people(capsys, demo_db, "demo")}
    stranger = sorted(everyone - mine)[0]
    card = tmp_path / "card.pdf"
    code, _out, err = run(
        capsys, "pdf", stranger, "--db", str(demo_db), "--account", "lead",
        "--out", str(card), "--crisis-card",
    )  # fmt: skip
    assert code == 0, err
    assert card.read_bytes().startswith(b"%PDF")
    refused = tmp_path / "refused.pdf"
    code, _out, err = run(
        capsys, "pdf", stranger, "--db", str(demo_db), "--account", "demo", "--out", str(refused)
    )
    assert code == 1
    assert err == "caseplan: Your account may not print this person's plan.\n"
    assert not refused.exists()


def test_print_due_prints_every_due_plan_with_progress(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    due = [p for p in people(capsys, demo_db, "lead") if p["next_review"]]
    until = max(p["next_review"] for p in due)
    out = tmp_path / "due.pdf"
    code, _out, err = run(
        capsys, "print-due", "--until", until, "--out", str(out),
        "--db", str(demo_db), "--account", "lead",
    )  # fmt: skip
    assert code == 0, err
    assert f"Printing {len(due)}/{len(due)}…" in err
    assert f"Printed {len(due)} plans" in err
    text = squeeze(pdf_text(out))
    for person in due:
        assert squeeze(person["full_name"]) in text


def test_print_due_per_practitioner_and_refusals(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "due.pdf"
    base = ("--out", str(out), "--db", str(demo_db))
    code, _o, err = run(capsys, "print-due", "--until", "31.03.2026", *base, "--account", "lead")
    assert code == 1
    assert err == (
        "caseplan: 31.03.2026 is not a date; write it as YYYY-MM-DD, for example 2026-03-31.\n"
    )
    code, _o, err = run(capsys, "print-due", "--until", "2099-01-01", *base, "--account", "demo")
    assert (code, err) == (1, "caseplan: Only a team lead can print the plans that are due.\n")
    code, _o, err = run(
        capsys, "print-due", "--until", "2099-01-01", *base, "--account", "lead",
        "--practitioner", "nobody",
    )  # fmt: skip
    assert (code, err) == (1, "caseplan: There is no practitioner account called nobody.\n")
    assert not out.exists()
    mine = [p for p in people(capsys, demo_db, "demo") if p["next_review"]]
    code, _o, err = run(
        capsys, "print-due", "--until", "2099-01-01", *base, "--account", "lead",
        "--practitioner", "demo",
    )  # fmt: skip
    assert code == 0, err
    assert f"Printed {len(mine)} plans" in err


def _member_with(document: dict[str, object], scope: str) -> dict[str, object] | None:
    plans = [p for p in document["plans"] if p["status"] != "closed"]  # type: ignore[attr-defined, index]
    for member in plans[-1]["participants"] if plans else ():
        consent = member["consent"]
        if consent["scope"] == scope and (consent["expires_on"] or "9999") > "2026-12-01":
            return member  # type: ignore[no-any-return]
    return None


def test_pdf_for_participant_prints_their_copy_and_refuses_without_consent(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`pdf ID --for-participant NAME`: the shared plan as that team member's consent
    covers it, saying what is left out; refused with a sentence when they have none."""
    base = ("--db", str(demo_db), "--account", "lead")
    found: dict[str, tuple[str, dict[str, object]]] = {}
    for someone in people(capsys, demo_db, "lead"):
        code, _out, err = run(
            capsys, "export", someone["id"], "--out", str(tmp_path / "p.json"), "--force", *base
        )
        assert code == 0, err
        document = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))
        for scope in ("crisis_plan", "none"):
            member = _member_with(document, scope)
            if member is not None and scope not in found:
                found[scope] = (someone["id"], member)
    assert set(found) == {"crisis_plan", "none"}, "the demo has such team members"

    person, member = found["crisis_plan"]
    out = tmp_path / "copy.pdf"
    code, stdout, err = run(
        capsys, "pdf", person, "--for-participant", str(member["name"]).upper(),
        "--out", str(out), "--language", "en", *base,
    )  # fmt: skip
    assert (code, stdout) == (0, ""), err
    text = squeeze(pdf_text(out))
    assert squeeze(f"Copy for {member['name']}: the crisis plan only") in text
    assert squeeze("Not in this copy:") in text and squeeze("Not written yet") not in text

    person, member = found["none"]
    refused = tmp_path / "refused.pdf"
    code, _out, err = run(
        capsys, "pdf", person, "--for-participant", str(member["id"]), "--out", str(refused), *base
    )
    assert code == 1 and not refused.exists()
    assert err == (
        f"caseplan: {member['name']} has no valid consent to see this plan (none given, or it "
        "has ended), so no copy can be made for them.\n"
    )
    code, _out, err = run(
        capsys, "pdf", person, "--for-participant", "Nobody Here", "--out", str(refused), *base
    )
    assert (code, err) == (
        1,
        "caseplan: There is no team member called Nobody Here on this person's open plan.\n",
    )
    code, _out, err = run(
        capsys, "pdf", person, "--for-participant", "x", "--crisis-card", "--out", str(refused),
        *base,
    )  # fmt: skip
    assert code == 1 and "cannot be combined with --easy-read" in err
