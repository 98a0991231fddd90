"""Printing through the service: access, audit, what is on the page, and the due batch."""

from __future__ import annotations

import re
import uuid
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from caseplan.errors import AccessDenied, InvalidInput
from caseplan.models import (
    Account,
    AuditEvent,
    CrisisPlan,
    Goal,
    LifeDomain,
    Participant,
    ParticipantRole,
    Person,
    Plan,
    PlanStatus,
    PlanVersion,
    Role,
    Step,
)
from caseplan.reports.printing import PrintCancelled, crisis_card_pdf, plan_pdf, print_due
from caseplan.reports.shared_plan import PlanOptions
from caseplan.services.context import Actor, Context
from caseplan.services.printing import printing
from caseplan.storage.database import Database
from tests.reports.pdftools import page_count, pdf_text, squeeze

TODAY = date(2026, 3, 2)
NOTE = "Internt: ikke del dette notatet"


def _account(ctx: Context, username: str, role: Role) -> Actor:
    with ctx.write() as session:
        account = Account(username=username, display_name=username.title(), role=role)
        session.add(account)
        session.flush()
        return Actor(account.id, username, role)


def _person(
    ctx: Context,
    name: str,
    next_review: date | None,
    *,
    team: tuple[Actor, ...] = (),
    goal: str = "Å ha et trygt sted å bo",
    step: str = "Ringe boligkontoret sammen med Máret",
    agreed: bool = False,
) -> uuid.UUID:
    with ctx.write() as session:
        person = Person(full_name=name, preferred_language="nb", search_key=name, sort_key=name)
        session.add(person)
        session.flush()
        plan = Plan(
            person_id=person.id,
            status=PlanStatus.AGREED if agreed else PlanStatus.DRAFT,
            period_start=date(2026, 1, 5),
            next_review=next_review,
        )
        session.add(plan)
        session.flush()
        for position, actor in enumerate(team):
            session.add(
                Participant(
                    plan_id=plan.id,
                    role=ParticipantRole.PRACTITIONER,
                    name=actor.username.title(),
                    account_id=actor.account_id,
                    position=position,
                )
            )
        g = Goal(
            plan_id=plan.id, domain=LifeDomain.HOUSING, own_words=goal, worker_note=NOTE, position=0
        )
        session.add(g)
        session.flush()
        session.add(Step(goal_id=g.id, action=step, worker_note=NOTE + " 2", position=0))
        if agreed:
            session.add(PlanVersion(plan_id=plan.id, number=3, agreed_on=date(2026, 2, 12)))
        session.add(CrisisPlan(plan_id=plan.id, warning_signs="Jeg slutter å svare på telefonen."))
        return person.id


FOOTER = re.compile(r"^(?P<name>.+?) (Side|Page) (?P<page>\d+) (av|of) (?P<pages>\d+)\s*$", re.M)


def footers(path: Path) -> list[tuple[str, int, int]]:
    """(name, page, pages) from the footer of every page after the batch's cover list, in
    order."""
    found = []
    for number in range(1, page_count(path) + 1):
        match = FOOTER.search(pdf_text(path, number))
        assert match is not None, f"page {number} has no footer"
        if match["name"].startswith(("Forside: ", "Cover list: ")):
            assert not found, "the cover list comes first"
            continue
        found.append((match["name"], int(match["page"]), int(match["pages"])))
    return found


def plan_pages(path: Path, names: list[str]) -> list[tuple[str, int]]:
    """Each name with the page count its footer says, in the order they print."""
    totals: dict[str, int] = {}
    for name, _page, pages in footers(path):
        totals.setdefault(name, pages)
    assert list(totals) == names
    return list(totals.items())


def _prints(db: Database) -> list[tuple[str, str, str, str]]:
    with db.sessions() as session:
        rows = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "print").order_by(AuditEvent.seq)
        )
        return [(e.account, e.entity, e.entity_id, e.detail) for e in rows]


@pytest.fixture
def ctx(db: Database) -> Context:
    return Context(db.sessions, today=lambda: TODAY)


def _as(ctx: Context, actor: Actor) -> Context:
    return Context(ctx.sessions, actor=actor, today=ctx.today)


def test_the_printed_plan_shows_the_persons_words_and_no_workers_note(
    ctx: Context, db: Database, tmp_path: Path
) -> None:
    lead = _as(ctx, _account(ctx, "kari", Role.TEAM_LEAD))
    person = _person(ctx, "Áilu Ŋuvvon Sárá", TODAY, agreed=True)
    path = tmp_path / "plan.pdf"
    path.write_bytes(plan_pdf(lead, person, PlanOptions(language="en")))
    text = squeeze(pdf_text(path))
    for words in ("Áilu Ŋuvvon Sárá", "Å ha et trygt sted å bo", "Ringe boligkontoret sammen"):
        assert squeeze(words) in text
    assert squeeze("Internt") not in text
    assert squeeze("Plan version 3, agreed") in text
    assert _prints(db) == [("kari", "person", str(person), "shared plan, en")]


def test_a_crisis_card_and_easy_read_are_audited_as_such(ctx: Context, db: Database) -> None:
    lead = _as(ctx, _account(ctx, "kari", Role.TEAM_LEAD))
    person = _person(ctx, "Ola Nordmann", TODAY)
    assert crisis_card_pdf(lead, person).startswith(b"%PDF")
    assert plan_pdf(lead, person, PlanOptions(easy_read=True), audited=False).startswith(b"%PDF")
    plan_pdf(lead, person, PlanOptions(easy_read=True, bilingual=True))
    details = [row[3] for row in _prints(db)]
    assert details == ["crisis card, nb", "shared plan, nb, bilingual, easy-read"]


def test_a_practitioner_not_on_the_team_may_not_print(ctx: Context, db: Database) -> None:
    mine = _account(ctx, "per", Role.PRACTITIONER)
    other = _account(ctx, "ola", Role.PRACTITIONER)
    person = _person(ctx, "Kari Nilsen", TODAY, team=(mine,))
    assert plan_pdf(_as(ctx, mine), person).startswith(b"%PDF")
    with pytest.raises(AccessDenied) as denied:
        plan_pdf(_as(ctx, other), person)
    assert str(denied.value) == "Your account may not print this person's plan."
    assert [row[0] for row in _prints(db)] == ["per"]


def test_print_due_is_for_team_leads_only(ctx: Context, tmp_path: Path) -> None:
    mine = _account(ctx, "per", Role.PRACTITIONER)
    _person(ctx, "Kari Nilsen", TODAY, team=(mine,))
    out = tmp_path / "due.pdf"
    with pytest.raises(AccessDenied) as denied:
        print_due(_as(ctx, mine), TODAY, out)
    assert str(denied.value) == "Only a team lead can print the plans that are due."
    assert not out.exists()


def test_due_people_by_date_then_name_and_per_practitioner(ctx: Context) -> None:
    per = _account(ctx, "per", Role.PRACTITIONER)
    lead = _as(ctx, _account(ctx, "kari", Role.TEAM_LEAD))
    late = _person(ctx, "Berit", TODAY - timedelta(days=3), team=(per,))
    b = _person(ctx, "Bjørn", TODAY + timedelta(days=5))
    a = _person(ctx, "Anne", TODAY + timedelta(days=5), team=(per,))
    _person(ctx, "Later", TODAY + timedelta(days=30))
    _person(ctx, "Never", None)
    until = TODAY + timedelta(days=14)
    assert [p.id for p in printing.due_people(lead, until)] == [late, a, b]
    assert [p.id for p in printing.due_people(lead, until, per.account_id)] == [late, a]
    assert printing.count_due(lead, until) == 3
    assert [p.id for p in printing.due_people(_as(ctx, per), until)] == [late, a]
    assert printing.find_practitioner(lead, "PER").id == per.account_id


def test_print_due_prints_everyone_due_each_numbered_on_their_own(
    ctx: Context, db: Database, tmp_path: Path
) -> None:
    lead = _as(ctx, _account(ctx, "kari", Role.TEAM_LEAD))
    names = ["Åse Ødegård", "Nils Čoavddáš", "Siobhan O'Neill"]
    ids = [_person(ctx, n, TODAY + timedelta(days=i)) for i, n in enumerate(names)]
    _person(ctx, "Not Due", TODAY + timedelta(days=60))
    out = tmp_path / "due.pdf"
    seen: list[tuple[int, int]] = []
    count = print_due(
        lead, TODAY + timedelta(days=14), out, progress=lambda d, t: seen.append((d, t))
    )
    assert count == 3 and seen[-1] == (3, 3)
    text = pdf_text(out)
    for name in names:
        assert squeeze(name) in squeeze(text)
    assert "Not Due" not in text
    assert footers(out) == [
        (name, n, total) for name, total in plan_pages(out, names) for n in range(1, total + 1)
    ]
    assert [row[2] for row in _prints(db)] == [str(i) for i in ids]


def test_print_due_in_worker_processes_keeps_the_order(
    ctx: Context, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from caseplan.reports import printing as reports_printing

    monkeypatch.setattr(reports_printing, "POOL_FROM", 2)
    lead = _as(ctx, _account(ctx, "kari", Role.TEAM_LEAD))
    names = [f"Person {n:02}" for n in range(8)]
    for n, name in enumerate(names):
        _person(ctx, name, TODAY + timedelta(days=n))
    out = tmp_path / "due.pdf"
    assert print_due(lead, TODAY + timedelta(days=14), out, workers=2) == 8
    text = pdf_text(out)
    positions = [text.index(name) for name in names]
    assert positions == sorted(positions)
    assert len(_prints(db)) == 8


def test_cancelled_or_empty_print_due_leaves_no_file(
    ctx: Context, db: Database, tmp_path: Path
) -> None:
    lead = _as(ctx, _account(ctx, "kari", Role.TEAM_LEAD))
    _person(ctx, "Kari Nilsen", TODAY)
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "due.pdf"
    with pytest.raises(PrintCancelled):
        print_due(lead, TODAY, out, cancelled=lambda: True)
    with pytest.raises(InvalidInput) as empty:
        print_due(lead, TODAY - timedelta(days=400), out)
    assert str(empty.value) == "No plan that you may print is due for review by 2025-01-26."
    assert list(folder.iterdir()) == [] and _prints(db) == []


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    goal=st.text(
        st.characters(codec="utf-8", categories=("L", "N", "P", "Zs")), min_size=1, max_size=80
    ).filter(lambda s: s.strip())
)
def test_any_goal_text_prints_as_written(ctx: Context, goal: str) -> None:
    person = _person(ctx, "Ánde Gaup", TODAY, goal=goal)
    data = plan_pdf(ctx, person, audited=False)
    assert data.startswith(b"%PDF")


def test_cancelling_while_worker_processes_print_leaves_no_file(
    ctx: Context, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from caseplan.reports import printing as reports_printing

    monkeypatch.setattr(reports_printing, "POOL_FROM", 2)
    lead = _as(ctx, _account(ctx, "kari", Role.TEAM_LEAD))
    for n in range(8):
        _person(ctx, f"Person {n}", TODAY)
    folder = tmp_path / "out"
    folder.mkdir()
    seen: list[int] = []
    with pytest.raises(PrintCancelled):
        print_due(
            lead,
            TODAY,
            folder / "due.pdf",
            progress=lambda done, _total: seen.append(done),
            cancelled=lambda: any(seen),
        )
    assert any(seen) and max(seen) < 8
    assert list(folder.iterdir()) == [] and _prints(db) == []


def test_a_batch_never_puts_a_page_on_disk_and_the_result_is_only_for_its_owner(
    ctx: Context, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed half-way, a batch must leave no plaintext page behind: while worker processes
    print, neither the output folder nor the temporary folder holds anything new."""
    import os
    import stat
    import tempfile

    from caseplan.reports import printing as reports_printing

    monkeypatch.setattr(reports_printing, "POOL_FROM", 2)
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(private_tmp))  # the worker processes inherit it
    monkeypatch.setattr(tempfile, "tempdir", str(private_tmp))
    lead = _as(ctx, _account(ctx, "kari", Role.TEAM_LEAD))
    for n in range(8):
        _person(ctx, f"Person {n}", TODAY)
    folder = tmp_path / "out"
    folder.mkdir()
    on_disk: list[list[str]] = []

    def look(_done: int, _total: int) -> None:
        on_disk.append(sorted(p.name for p in [*folder.iterdir(), *private_tmp.iterdir()]))

    previous = os.umask(0o022)
    try:
        print_due(lead, TODAY, folder / "due.pdf", progress=look, workers=2)
    finally:
        os.umask(previous)
    assert len(on_disk) > 2 and all(names == [] for names in on_disk)
    assert [p.name for p in folder.iterdir()] == ["due.pdf"]
    assert stat.S_IMODE((folder / "due.pdf").stat().st_mode) == 0o600
    assert len(_prints(db)) == 8
