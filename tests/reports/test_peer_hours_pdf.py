"""The peer hours PDF shows the report's numbers; the shared plan's peer section in both
languages, built from a plan made with the services. All people are fictional."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from caseplan.models import ContributionKind, LifeDomain, ParticipantRole
from caseplan.reports.peer_hours import render_peer_hours
from caseplan.reports.printing import PlanOptions, plan_pdf
from caseplan.services.context import Context
from caseplan.services.peers import contributions
from caseplan.services.peers.peer_hours import hours_text, peer_hours
from caseplan.services.people import people
from caseplan.services.plans import goals, plans
from caseplan.services.team import team
from caseplan.storage.database import Database
from tests.reports.pdftools import pdf_text, squeeze
from tests.support import verify_peer

TODAY = date(2026, 4, 2)
START, END = date(2026, 3, 1), date(2026, 3, 31)


@pytest.fixture
def kari(db: Database) -> tuple[Context, object]:
    ctx = Context(db.sessions, today=lambda: TODAY)
    person = people.create_person(ctx, "Kari Ŋuolja Nordmann")
    plan = plans.open_plan(ctx, person.id, period_start=date(2026, 1, 1))
    plans.update_plan(ctx, plan.id, None, peer_consent_granted_on=date(2026, 1, 1))
    peer = team.add_participant(
        ctx, plan.id, ParticipantRole.PEER, "Ánde Čoavddáš", phone="+47 400 11 222",
        organisation="Likepersonsenteret", offers="Har vært gjennom LAR",
        peer_engagement="paid",
    )  # fmt: skip
    verify_peer(ctx, peer.id)  # no account: a team lead has checked who Ánde is
    goal = goals.add_goal(ctx, plan.id, LifeDomain.LEISURE, "Komme meg ut i naturen")
    goals.add_step(ctx, goal.id, "Gå tur til Storvatnet hver lørdag", responsible_id=peer.id)
    for day, minutes, paid in ((START, 95, 95), (date(2026, 3, 20), 50, 45), (END, 7, 0)):
        contributions.add_contribution(
            ctx, plan.id, peer.id, day, minutes, ContributionKind.MEETING, paid_minutes=paid
        )
    return ctx, person.id


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ("Peer hours", "1 March 2026 to 31 March 2026", "Total, all peers", "Signature")),
        ("nb", ("Likepersontimer", "1. mars 2026 til 31. mars 2026", "Sum, alle", "Underskrift")),
    ],
)
def test_the_pdf_shows_the_reports_numbers(
    kari: tuple[Context, object], tmp_path: Path, language: str, words: tuple[str, ...]
) -> None:
    ctx, _person = kari
    report = peer_hours(ctx, START, END)
    out = tmp_path / "hours.pdf"
    render_peer_hours(report, out, language=language)
    text = pdf_text(out)
    for word in words:
        assert squeeze(word) in squeeze(text), word
    assert (report.contributions, report.minutes, report.paid_minutes) == (3, 152, 140)
    assert hours_text(report.minutes) == "2:32" and hours_text(report.paid_minutes) == "2:20"
    # the person's row and the totals: contributions, time, paid time, paid minutes
    assert "Kari Ŋuolja Nordmann 3 2:32 2:20 140" in text
    assert text.count("3 2:32 2:20 140") == 3  # the person, the peer's total, the grand total
    assert "Ánde Čoavddáš" in text and "Likepersonsenteret" in text
    signer = "system"  # the program itself made this report (no signed-in account)
    assert squeeze(signer) in squeeze(text) and squeeze("2026") in squeeze(text)


@pytest.mark.parametrize(
    ("language", "heading", "reach", "together"),
    [
        ("en", "My peer and what we do together", "How to reach Ánde Čoavddáš",
         "What we do together"),
        ("nb", "Min likeperson og det vi gjør sammen", "Slik når jeg Ánde Čoavddáš",
         "Det vi gjør sammen"),
    ],
)  # fmt: skip
def test_the_shared_plan_has_the_peer_section_in_both_languages(
    kari: tuple[Context, object], tmp_path: Path, language: str, heading: str, reach: str,
    together: str,
) -> None:  # fmt: skip
    ctx, person_id = kari
    out = tmp_path / f"plan-{language}.pdf"
    out.write_bytes(plan_pdf(ctx, person_id, PlanOptions(language=language)))  # type: ignore[arg-type]
    text = pdf_text(out)
    assert heading in text
    section = squeeze(text.split(heading)[1])
    for expected in (reach, "+47 400 11 222", together, "Gå tur til Storvatnet hver lørdag"):
        assert squeeze(expected) in section, expected
