"""Peer pay that can be trusted: an imported look-alike peer is neither merged nor paid.

The world: team lead Lea, practitioner Kari, peer worker Sindre (an account). Ola Nordmann's
team has Sindre, linked to his account and paid, with two contributions in March. Then Kari
imports a file about "Per Import" whose team has a peer called exactly like Sindre (same
name, organisation and phone), with 30 contributions of 1,440 paid minutes each, and an
"agreed" version. All people are fictional.
"""

from __future__ import annotations

import csv
import io
import json
import re
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from caseplan.errors import AccessDenied, InvalidInput
from caseplan.models import Account, ContributionKind, ParticipantRole, Role
from caseplan.reports.peer_hours import render_peer_hours
from caseplan.reports.peer_hours_csv import peer_hours_csv
from caseplan.reports.printing import PlanOptions, plan_pdf, version_pdf
from caseplan.services.agreement import agreement
from caseplan.services.agreement import changes as agreement_changes
from caseplan.services.context import Actor, Context
from caseplan.services.exchange import exchange
from caseplan.services.peers import contributions, imported
from caseplan.services.peers.peer_hours import peer_hours
from caseplan.services.people import people
from caseplan.services.plans import plans
from caseplan.services.team import team
from caseplan.storage.database import Database
from tests.reports.pdftools import pdf_text, squeeze

TODAY = date(2026, 4, 2)
START, END = date(2026, 3, 1), date(2026, 3, 31)
SINDRE = {"name": "Sindre Berg", "organisation": "Likepersonsenteret", "phone": "400 11 222"}
DAY_MINUTES = 1440


@dataclass
class World:
    db: Database
    lead: Context
    kari: Context
    sindre: Context
    ola: uuid.UUID


def _account(ctx: Context, username: str, name: str, role: Role) -> Context:
    with ctx.write() as session:
        account = Account(username=username, display_name=name, role=role)
        session.add(account)
        session.flush()
        actor = Actor(account.id, username, role)
    return Context(ctx.sessions, actor=actor, today=lambda: TODAY)


def _peer_plan(ctx: Context, name: str, account_id: uuid.UUID | None) -> tuple[uuid.UUID, ...]:
    person = people.create_person(ctx, name)
    plan = plans.open_plan(ctx, person.id, period_start=date(2026, 1, 1))
    plans.update_plan(ctx, plan.id, None, peer_consent_granted_on=date(2026, 1, 1))
    peer = team.add_participant(
        ctx, plan.id, ParticipantRole.PEER, **SINDRE, account_id=account_id, peer_engagement="paid"
    )
    return person.id, plan.id, peer.id


def _fresh_ids(data: bytes) -> bytes:
    """The same document under new ids (and another name), as if from another clinic."""
    text = data.decode("utf-8")
    ids = set(re.findall(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", text))
    for old in ids:
        text = text.replace(old, str(uuid.uuid4()))
    return text.replace("Fil Forfalsket", "Per Import").encode("utf-8")


@pytest.fixture
def world(db: Database) -> World:
    system = Context(db.sessions, today=lambda: TODAY)
    lead = _account(system, "lea", "Lea Leder", Role.TEAM_LEAD)
    kari = _account(system, "kari", "Kari Praksis", Role.PRACTITIONER)
    sindre = _account(system, "sindre", "Sindre Berg", Role.PEER_WORKER)
    ola, plan, peer = _peer_plan(system, "Ola Nordmann", sindre.actor.account_id)
    add = contributions.add_contribution
    add(system, plan, peer, date(2026, 3, 3), 90, ContributionKind.MEETING, paid_minutes=90)
    add(system, plan, peer, date(2026, 3, 17), 45, "phone_or_message", paid_minutes=30)
    # The forged file: made here (so it is a valid document), then given new ids.
    forged, forged_plan, look_alike = _peer_plan(system, "Fil Forfalsket", None)
    for day in range(1, 31):
        add(
            system, forged_plan, look_alike, date(2026, 3, day), DAY_MINUTES, "accompaniment",
            paid_minutes=DAY_MINUTES,
        )  # fmt: skip
    forged_version = plans.get_plan(system, forged_plan).version
    # the person of the forged file "agreed" their plan (an agreed version in the file)
    me = team.add_participant(system, forged_plan, ParticipantRole.PERSON, "Fil Forfalsket")
    agreement.agree_plan(
        system, forged_plan, forged_version, [me.id], {me.id: "paper"}, {}, date(2026, 3, 1)
    )
    data = _fresh_ids(exchange.export_person(system, forged))
    people.delete_person(lead, forged, None)
    exchange.import_person(kari, data)
    return World(db, lead, kari, sindre, ola)


def test_an_imported_look_alike_is_not_merged_and_not_paid(world: World) -> None:
    report = peer_hours(world.lead, START, END)
    # only the real Sindre is counted: his account says who he is
    assert [(p.name, p.account) for p in report.peers] == [("Sindre Berg", "sindre")]
    assert (report.contributions, report.minutes, report.paid_minutes) == (2, 135, 120)
    # the 30 imported days are listed apart, with where they came from
    assert len(report.waiting) == 30
    assert {(w.peer_name, w.person_name, w.paid_minutes) for w in report.waiting} == {
        ("Sindre Berg", "Per Import", DAY_MINUTES)
    }
    assert {(w.imported_on, w.imported_by) for w in report.waiting} == {
        (TODAY, "Kari Praksis (kari)")
    }
    # the CSV the team lead hands to payroll
    rows, totals, waiting = (
        list(csv.DictReader(io.StringIO(block), delimiter=";"))
        for block in peer_hours_csv(report).decode("utf-8-sig").split("\r\n\r\n")
    )
    assert [(r["Likeperson"], r["Identitet"], r["Betalte minutter"]) for r in rows] == [
        ("Sindre Berg", "konto sindre", "120")
    ]
    assert totals[-1]["Betalte minutter"] == "120"
    assert len(waiting) == 30
    assert {r["Opphav"] for r in waiting} == {
        "importert fra en fil 2026-04-02 av Kari Praksis (kari)"
    }
    pdf = squeeze(pdf_text_of(report))
    assert squeeze("Importert, venter på teamleder") in pdf
    assert squeeze("Importert fra en fil 2. april 2026 av Kari Praksis (kari)") in pdf


def pdf_text_of(report: object) -> str:
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "hours.pdf"
        render_peer_hours(report, out, language="nb")  # type: ignore[arg-type]
        return pdf_text(out)


def test_accepted_it_counts_but_an_unknown_peer_is_not_paid_until_verified(world: World) -> None:
    waiting = imported.waiting(world.lead, START, END)
    with pytest.raises(AccessDenied, match=r"^Only a team lead can accept imported"):
        imported.accept_imported(world.kari, waiting[0].id, waiting[0].version)
    for row in waiting:
        imported.accept_imported(world.lead, row.id, row.version)
    with pytest.raises(InvalidInput, match="already been accepted"):
        imported.accept_imported(world.lead, waiting[0].id, None)
    report = peer_hours(world.lead, START, END)
    assert report.waiting == ()
    # two peers with the same name, never merged: told apart by who they are
    real, look_alike = sorted(report.peers, key=lambda p: p.account == "")
    assert (real.name, look_alike.name) == ("Sindre Berg", "Sindre Berg")
    assert (real.account, look_alike.account, look_alike.known) == ("sindre", "", False)
    assert look_alike.organisation == "Likepersonsenteret"
    # counted as time, held as pay: no account, not verified
    assert (look_alike.minutes, look_alike.paid_minutes) == (30 * DAY_MINUTES, 0)
    assert look_alike.held_minutes == 30 * DAY_MINUTES
    assert report.paid_minutes == 120
    rows = list(
        csv.DictReader(
            io.StringIO(peer_hours_csv(report, "en").decode("utf-8-sig").split("\r\n\r\n")[0]),
            delimiter=";",
        )
    )
    identities = [r["Identity"] for r in rows]
    assert identities[0] == "account sindre" or identities[1] == "account sindre"
    assert len(set(identities)) == 2  # two rows that a reader can tell apart
    with pytest.raises(AccessDenied, match=r"^Only a team lead can verify"):
        imported.verify_peer(world.kari, waiting[0].peer_id, None)
    imported.verify_peer(world.lead, waiting[0].peer_id, None)
    assert peer_hours(world.lead, START, END).paid_minutes == 120 + 30 * DAY_MINUTES


def test_an_imported_version_says_it_was_imported_not_agreed_here(world: World) -> None:
    found = people.list_people(world.lead, "Per Import")
    document = json.loads(exchange.export_person(world.lead, found[0].id))
    plan_id = uuid.UUID(document["plans"][0]["id"])
    (version,) = agreement.list_versions(world.lead, plan_id)
    assert (version.imported_on, version.imported_by) == (TODAY, "Kari Praksis (kari)")
    state = agreement_changes.agreement_state(world.lead, plan_id)
    assert (state.version, state.imported_on, state.imported_by) == (
        1,
        TODAY,
        "Kari Praksis (kari)",
    )
    ola_plan = json.loads(exchange.export_person(world.lead, world.ola))["plans"][0]
    assert ola_plan["versions"] == []


def test_an_imported_version_on_paper_says_imported_not_agreed_here(
    world: World, tmp_path: Path
) -> None:
    """The shared plan and a reprint of the version say what the screens say; a version
    agreed here still prints as agreed."""
    found = people.list_people(world.lead, "Per Import")
    plan_id = plans.get_open_plan(world.lead, found[0].id)
    assert plan_id is not None
    (version,) = agreement.list_versions(world.lead, plan_id.id)
    imported_from = "imported from a file on 2 April 2026 by Kari Praksis (kari)"
    for name, data in (
        ("plan.pdf", plan_pdf(world.lead, found[0].id, PlanOptions(language="en"))),
        ("version.pdf", version_pdf(world.lead, version.id, PlanOptions(language="en"))),
    ):
        (tmp_path / name).write_bytes(data)
        text = squeeze(pdf_text(tmp_path / name))
        assert squeeze(f"Plan version 1, {imported_from}, not agreed here") in text, name
        assert squeeze(f"Status {imported_from[0].upper()}{imported_from[1:]}; not agreed") in text
        assert squeeze("1, agreed") not in text, name
        assert squeeze("StatusAgreed") not in text, name
    in_bokmal = version_pdf(world.lead, version.id, PlanOptions(language="nb"))
    (tmp_path / "nb.pdf").write_bytes(in_bokmal)
    nb = "importert fra en fil 2. april 2026 av Kari Praksis (kari), ikke avtalt her"
    assert squeeze(nb) in squeeze(pdf_text(tmp_path / "nb.pdf"))
    # agreed here: printed as agreed, as before
    ola = plans.get_open_plan(world.lead, world.ola)
    assert ola is not None
    me = team.add_participant(world.lead, ola.id, ParticipantRole.PERSON, "Ola Nordmann")
    current = plans.get_plan(world.lead, ola.id).version
    agreement.agree_plan(world.lead, ola.id, current, [me.id], {me.id: "paper"}, {}, TODAY)
    (tmp_path / "ola.pdf").write_bytes(plan_pdf(world.lead, world.ola, PlanOptions(language="en")))
    ola_text = squeeze(pdf_text(tmp_path / "ola.pdf"))
    assert squeeze("Plan version 1, agreed 2 April 2026") in ola_text
    assert squeeze("imported") not in ola_text
