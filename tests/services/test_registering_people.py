"""Registering a person from a clinic's first day: details, their first plan, duplicates."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from caseplan.errors import AccessDenied, InvalidInput
from caseplan.models import (
    Account,
    AuditEvent,
    ConsentGiven,
    Language,
    ParticipantRole,
    Person,
    Plan,
    Role,
)
from caseplan.services.clinic import settings
from caseplan.services.context import Actor, Context
from caseplan.services.people import checks, people
from caseplan.services.plans import plans
from caseplan.services.plans.plan_view import load_plan_view
from caseplan.services.printing import printing
from caseplan.services.review_dates import months_after
from caseplan.storage.database import Database

TODAY = date(2026, 3, 14)


def _account(db: Database, username: str, role: Role, name: str = "") -> Actor:
    with db.sessions.begin() as session:
        account = Account(username=username, display_name=name or username.title(), role=role)
        session.add(account)
        session.flush()
        return Actor(account.id, username, role)


def _ctx(db: Database, actor: Actor | None = None) -> Context:
    if actor is None:
        return Context(db.sessions, today=lambda: TODAY)
    return Context(db.sessions, actor=actor, today=lambda: TODAY)


def _counts(db: Database) -> tuple[int, int, int]:
    with db.sessions() as session:
        return (
            session.scalar(select(func.count(Person.id))) or 0,
            session.scalar(select(func.count(Plan.id))) or 0,
            session.scalar(select(func.count(AuditEvent.seq))) or 0,
        )


def test_a_practitioner_registers_a_person_and_is_on_their_first_plan(db: Database) -> None:
    kari = _account(db, "kari", Role.PRACTITIONER, "Kari Lund")
    ctx = _ctx(db, kari)
    ola = people.create_person(
        ctx,
        "Ola Nordmann",
        preferred_name="Ola",
        date_of_birth=date(1988, 5, 17),
        preferred_language="nb",
        phone="400 00 000",
        plan_consent_on=TODAY,
        plan_consent_how="paper",
    )
    assert (ola.preferred_name, ola.preferred_language, ola.phone) == (
        "Ola",
        Language.NB,
        "400 00 000",
    )
    assert ola.plan_consent_how is ConsentGiven.PAPER
    assert [p.full_name for p in people.list_people(ctx, shown=people.Shown.MINE)] == [
        "Ola Nordmann"
    ]
    view = load_plan_view(ctx, ola.id)
    assert view is not None
    assert view.plan.period_start == TODAY
    assert view.plan.next_review == date(2026, 6, 14)  # three months: the clinic's default
    team = [(p.role, p.name, p.phone) for p in view.participants]
    assert team == [
        (ParticipantRole.PERSON, "Ola Nordmann", "400 00 000"),
        (ParticipantRole.PRACTITIONER, "Kari Lund", ""),
    ]
    assert view.coordinator is not None and view.coordinator.name == "Kari Lund"
    with db.sessions() as session:
        events = session.execute(
            select(AuditEvent.action, AuditEvent.entity, AuditEvent.detail)
            .where(AuditEvent.entity_id == str(ola.id))
            .order_by(AuditEvent.seq)
        ).all()
    assert events[0][:2] == ("create", "person")
    assert "full_name" in events[0][2] and "Ola" not in events[0][2]  # field names, never words
    assert ("create", "plan") in [e[:2] for e in events]


def test_a_team_lead_registers_a_person_for_a_practitioner(db: Database) -> None:
    lead = _account(db, "lars", Role.TEAM_LEAD)
    kari = _account(db, "kari", Role.PRACTITIONER, "Kari Lund")
    peer = _account(db, "sindre", Role.PEER_WORKER)
    person = people.create_person(_ctx(db, lead), "Åse Nilsen", practitioner_id=kari.account_id)
    assert people.count_people(_ctx(db, kari)) == 1
    with pytest.raises(InvalidInput, match="active practitioner"):
        people.create_person(_ctx(db, lead), "Per Berg", practitioner_id=peer.account_id)
    # without a practitioner the plan is still opened, with the person on its team only
    alone = people.create_person(_ctx(db, lead), "Zara Ali", with_plan=True)
    view = load_plan_view(_ctx(db, lead), alone.id)
    assert view is not None and [p.role for p in view.participants] == [ParticipantRole.PERSON]
    assert people.count_people(_ctx(db, kari)) == 1
    assert plans.get_open_plan(_ctx(db, lead), person.id) is not None


def test_a_practitioner_cannot_register_someone_for_another(db: Database) -> None:
    kari = _account(db, "kari", Role.PRACTITIONER)
    other = _account(db, "ola", Role.PRACTITIONER)
    with pytest.raises(AccessDenied, match="Only a team lead"):
        people.create_person(_ctx(db, kari), "Siv Dahl", practitioner_id=other.account_id)
    assert _counts(db)[0] == 0


@pytest.mark.parametrize("role", [Role.PEER_WORKER, Role.ADMIN])
def test_peer_workers_and_administrators_cannot_add_people(db: Database, role: Role) -> None:
    actor = _account(db, "someone", role)
    before = _counts(db)
    with pytest.raises(AccessDenied, match="may not add people"):
        people.create_person(_ctx(db, actor), "Siv Dahl", with_plan=True)
    people_before, plans_before, events_before = before
    assert _counts(db) == (people_before, plans_before, events_before + 1)  # the refusal, kept


@pytest.mark.parametrize(
    ("details", "sentence"),
    [
        ({"full_name": "   "}, "Please write the person's name."),
        ({"date_of_birth": date(2026, 3, 15)}, "The date of birth cannot be in the future."),
        ({"date_of_birth": date(1899, 12, 31)}, "The date of birth cannot be before 1900-01-01"),
        ({"preferred_language": "de"}, "de is not a language Caseplan can print a plan in"),
        (
            {"plan_consent_on": date(2026, 3, 20), "plan_consent_how": "screen"},
            "The person cannot have consented on a day still to come.",
        ),
        ({"plan_consent_on": TODAY}, "on the screen or on paper"),
        ({"plan_consent_how": "screen"}, "Please give the date the person consented"),
        ({"plan_consent_on": TODAY, "plan_consent_how": "fax"}, "on the screen or on paper"),
    ],
)
def test_bad_details_get_one_sentence_and_nothing_is_written(
    db: Database, details: dict[str, object], sentence: str
) -> None:
    kari = _account(db, "kari", Role.PRACTITIONER)
    before = _counts(db)
    values = {"full_name": "Ola Nordmann", **details}
    with pytest.raises(InvalidInput) as refused:
        people.create_person(_ctx(db, kari), **values)  # type: ignore[arg-type]
    assert sentence in str(refused.value)
    assert "\n" not in str(refused.value) and str(refused.value).endswith(".")
    assert _counts(db) == before


def test_editing_details_is_checked_audited_and_the_team_row_follows(db: Database) -> None:
    kari = _account(db, "kari", Role.PRACTITIONER, "Kari Lund")
    ctx = _ctx(db, kari)
    ola = people.create_person(ctx, "Ola Nordmann", phone="400 00 000")
    changed = people.update_person(
        ctx, ola.id, ola.version, full_name="Ola Nordmann Berg", phone="401 11 111"
    )
    assert changed.full_name == "Ola Nordmann Berg"
    view = load_plan_view(ctx, ola.id)
    assert view is not None
    assert (view.participants[0].name, view.participants[0].phone) == (
        "Ola Nordmann Berg",
        "401 11 111",
    )
    with pytest.raises(InvalidInput, match="future"):
        people.update_person(ctx, ola.id, changed.version, date_of_birth=date(2030, 1, 1))
    assert people.get_person(ctx, ola.id).date_of_birth is None
    with db.sessions() as session:
        details = session.scalars(
            select(AuditEvent.detail).where(
                AuditEvent.entity_id == str(ola.id),
                AuditEvent.action == "change",
                AuditEvent.entity == "person",
            )
        ).all()
    assert details == ["changed: full_name, phone"]


def test_same_name_and_birth_is_counted_over_everyone_without_saying_who(db: Database) -> None:
    kari = _account(db, "kari", Role.PRACTITIONER)
    other = _account(db, "ola", Role.PRACTITIONER)
    people.create_person(_ctx(db, other), "Øystein Berg", date_of_birth=date(1990, 1, 2))
    people.create_person(_ctx(db, other), "Anne Lie")
    ctx = _ctx(db, kari)
    assert people.count_people(ctx) == 0  # not on Kari's caseload ...
    assert checks.same_name_and_birth(ctx, "øystein  berg", date(1990, 1, 2)) == 1  # ... but warned
    assert checks.same_name_and_birth(ctx, "Øystein Berg", None) == 1
    assert checks.same_name_and_birth(ctx, "Øystein Berg", date(1991, 1, 2)) == 0
    assert checks.same_name_and_birth(ctx, "Anne Lie", date(1970, 7, 7)) == 1
    assert checks.same_name_and_birth(ctx, "Anne", None) == 0
    peer = _account(db, "sindre", Role.PEER_WORKER)
    with pytest.raises(AccessDenied):
        checks.same_name_and_birth(_ctx(db, peer), "Anne Lie", None)


def test_the_first_review_follows_the_clinic_setting(db: Database) -> None:
    lead = _account(db, "lars", Role.TEAM_LEAD)
    kari = _account(db, "kari", Role.PRACTITIONER)
    assert settings.review_interval_months(_ctx(db)) == 3
    with pytest.raises(AccessDenied, match="team lead or an administrator"):
        settings.set_review_interval_months(_ctx(db, kari), 6)
    for wrong in (0, 25, True):
        with pytest.raises(InvalidInput, match="between 1 and 24 months"):
            settings.set_review_interval_months(_ctx(db, lead), wrong)  # type: ignore[arg-type]
    settings.set_review_interval_months(_ctx(db, lead), 6)
    person = people.create_person(_ctx(db, kari), "Siv Dahl")
    plan = plans.get_open_plan(_ctx(db, kari), person.id)
    assert plan is not None and plan.next_review == date(2026, 9, 14)


def test_months_after_keeps_the_day_or_takes_the_last_of_the_month() -> None:
    assert months_after(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert months_after(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert months_after(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert months_after(date(2026, 3, 14), 24) == date(2028, 3, 14)


def test_a_plan_registered_in_the_app_is_due_for_the_team_lead(db: Database) -> None:
    lead = _account(db, "lars", Role.TEAM_LEAD)
    kari = _account(db, "kari", Role.PRACTITIONER)
    ola = people.create_person(_ctx(db, kari), "Ola Nordmann")
    lead_ctx = _ctx(db, lead)
    assert printing.due_people(lead_ctx, date(2026, 6, 13)) == []
    due = printing.due_people(lead_ctx, date(2026, 6, 14))
    assert [p.id for p in due] == [ola.id]
    assert printing.due_people(lead_ctx, date(2026, 6, 14), kari.account_id)[0].id == ola.id
