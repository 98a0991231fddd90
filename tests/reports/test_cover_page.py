"""The cover list at the front of a print-due batch: whose plans, in the order printed, their
coordinator and why each is due, read back from the real batch's first pages."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from caseplan.errors import InvalidInput
from caseplan.models import (
    Account,
    Participant,
    ParticipantRole,
    Person,
    Plan,
    PlanStatus,
    PlanVersion,
    Role,
    Setting,
)
from caseplan.reports.cover_page import render_cover
from caseplan.reports.printing import print_due
from caseplan.services.clinic.settings import DEMO_KEY
from caseplan.services.context import Actor, Context
from caseplan.services.printing.cover import CoverRow
from caseplan.storage.database import Database
from tests.reports.pdftools import page_count, pdf_text, squeeze

TODAY = date(2026, 3, 2)
COVER_MARKS = ("Forside:", "Cover list:")


def cover_pages(path: Path) -> list[str]:
    """The text of each cover page: the pages at the front whose footer says so."""
    pages = []
    for number in range(1, page_count(path) + 1):
        text = pdf_text(path, number)
        if not any(mark in text for mark in COVER_MARKS):
            break
        pages.append(text)
    return pages


def cover_names(texts: list[str], names: list[str]) -> list[str]:
    """``names`` in the order they stand on the cover (each must stand there once)."""
    whole = squeeze("\n".join(texts))
    for name in names:
        assert whole.count(squeeze(name)) == 1, name
    return sorted(names, key=lambda name: whole.index(squeeze(name)))


def _lead(ctx: Context) -> Context:
    with ctx.write() as session:
        account = Account(username="lars", display_name="Lars Teamleder", role=Role.TEAM_LEAD)
        session.add(account)
        session.flush()
        actor = Actor(account.id, "lars", Role.TEAM_LEAD)
    return Context(ctx.sessions, actor=actor, today=ctx.today)


def _person(
    ctx: Context,
    name: str,
    next_review: date | None,
    *,
    coordinator: str = "",
    status: PlanStatus = PlanStatus.AGREED,
    versions: int = 1,
    preferred: str = "",
) -> uuid.UUID:
    with ctx.write() as session:
        person = Person(
            full_name=name,
            preferred_name=preferred,
            preferred_language="nb",
            search_key=name,
            sort_key=name,
        )
        session.add(person)
        session.flush()
        plan = Plan(
            person_id=person.id,
            status=status,
            period_start=date(2026, 1, 5),
            next_review=next_review,
        )
        session.add(plan)
        session.flush()
        if coordinator:
            member = Participant(
                plan_id=plan.id, role=ParticipantRole.COORDINATOR, name=coordinator, position=0
            )
            session.add(member)
            session.flush()
            session.execute(update(Plan).where(Plan.id == plan.id).values(coordinator_id=member.id))
        for number in range(1, versions + 1):
            session.add(PlanVersion(plan_id=plan.id, number=number, agreed_on=date(2026, 1, 20)))
        return person.id


@pytest.fixture
def ctx(db: Database) -> Context:
    return Context(db.sessions, today=lambda: TODAY)


def test_the_batch_starts_with_exactly_its_people_in_order_with_whom_and_why(
    ctx: Context, tmp_path: Path
) -> None:
    lead = _lead(ctx)
    _person(ctx, "Åse <b>Ødegård</b> & co", TODAY - timedelta(days=9), coordinator="Kari Nordmann")
    _person(ctx, "Nils Čoavddáš", TODAY, coordinator="Per Hansen", status=PlanStatus.DRAFT)
    _person(ctx, "Siobhan O'Neill", TODAY + timedelta(days=5), status=PlanStatus.DRAFT, versions=0)
    _person(ctx, "Ola Nordmann", TODAY + timedelta(days=12), coordinator="Kari", preferred="Ola")
    _person(ctx, "Ikke Forfalt", TODAY + timedelta(days=60), coordinator="Kari Nordmann")
    _person(ctx, "Ingen Dato", None, coordinator="Kari Nordmann")
    out = tmp_path / "due.pdf"

    assert print_due(lead, TODAY + timedelta(days=14), out, language="nb") == 4

    pages = cover_pages(out)
    assert len(pages) == 1
    cover = pages[0]
    names = ["Åse <b>Ødegård</b> & co", "Nils Čoavddáš", "Siobhan O'Neill", "Ola Nordmann (Ola)"]
    assert cover_names(pages, names) == names  # the printed order: soonest review first
    for absent in ("Ikke Forfalt", "Ingen Dato"):
        assert absent not in cover
    assert "Planer til evaluering innen 16. mars 2026" in cover
    assert "4 planer følger" in cover
    lines = [squeeze(line) for line in cover.splitlines()]
    expected = [
        "1Åse<b>Ødegård</b>&coKariNordmannEvalueringpåovertidsiden21.februar2026",
        "2NilsČoavddášPerHansenEvalueringidag;endretetteravtale,ikkesignert",
        "3SiobhanO'Neillingenkoordinator Evaluering7.mars2026;utkast,aldriavtalt",
        "4OlaNordmann(Ola)KariEvaluering14.mars2026",
    ]
    whole = squeeze(cover)
    for row in expected:
        assert squeeze(row) in whole, (row, lines)
    # the plans themselves follow, the first one's page straight after the cover
    assert "Åse <b>Ødegård</b> & co" in pdf_text(out, 2)


def test_the_cover_is_in_the_screens_language_and_marked_demo_on_a_demo(
    ctx: Context, tmp_path: Path
) -> None:
    lead = _lead(ctx)
    with ctx.write() as session:
        session.add(Setting(key=DEMO_KEY, value="1"))
    _person(ctx, "Máret Sara", TODAY - timedelta(days=1), coordinator="Kari Nordmann")
    out = tmp_path / "due.pdf"
    assert print_due(lead, TODAY, out, language="en") == 1
    cover = cover_pages(out)[0]
    assert "Plans due for review by 2 March 2026" in cover
    assert "1 plan follows" in cover
    assert squeeze("Review overdue since 1 March 2026") in squeeze(cover)
    assert "Cover list:" in cover and "Page 1 of 1" in cover
    assert "DEMO" in cover


def test_a_long_batch_gets_a_cover_of_several_pages_with_the_heading_on_each() -> None:
    rows = [
        CoverRow(
            uuid.uuid4(),
            f"Person nummer {n:03}",
            "",
            "Kari Nordmann",
            TODAY + timedelta(days=n % 10),
            PlanStatus.AGREED,
            False,
        )
        for n in range(80)
    ]
    data = render_cover(rows, TODAY + timedelta(days=14), TODAY, language="en", demo=True)
    path = Path(pytest.importorskip("tempfile").mkdtemp()) / "cover.pdf"
    path.write_bytes(data)
    pages = [pdf_text(path, n) for n in range(1, page_count(path) + 1)]
    assert len(pages) >= 3
    for number, text in enumerate(pages, start=1):
        assert "Person Coordinator" in text or squeeze("PersonCoordinator") in squeeze(text)
        assert f"Page {number} of {len(pages)}" in text
        assert "DEMO" in text
    assert cover_names(pages, [r.full_name for r in rows]) == [r.full_name for r in rows]


def test_an_empty_batch_prints_nothing_not_even_a_cover(ctx: Context, tmp_path: Path) -> None:
    lead = _lead(ctx)
    _person(ctx, "Ikke Forfalt", TODAY + timedelta(days=60), coordinator="Kari Nordmann")
    out = tmp_path / "due.pdf"
    with pytest.raises(InvalidInput) as raised:
        print_due(lead, TODAY, out, language="en")
    assert str(raised.value) == "No plan that you may print is due for review by 2026-03-02."
    assert not out.exists()
    with ctx.read() as session:
        assert session.scalar(select(Person.id).where(Person.full_name == "Ikke Forfalt"))
