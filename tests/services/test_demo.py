from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select

from caseplan.demo import text
from caseplan.demo.generator import create_demo
from caseplan.models import (
    Account,
    Base,
    Goal,
    Language,
    Participant,
    ParticipantRole,
    PeerContribution,
    Person,
    Plan,
    PlanStatus,
    Role,
    Setting,
    Step,
)
from caseplan.models.text import clean_text
from caseplan.services.clinic.settings import is_demo
from caseplan.services.context import Actor, Context
from caseplan.services.people import people
from caseplan.services.security import access
from caseplan.storage.database import Database, open_database
from caseplan.storage.keys import new_database_key
from caseplan.storage.location import resolve

TODAY = date(2026, 11, 22)
SAMI_LETTERS = set("áčđŋšŧžÁČĐŊŠŦŽ")


def _ctx(db: Database) -> Context:
    return Context(db.sessions, today=lambda: TODAY)


def _counts(ctx: Context) -> dict[str, int]:
    with ctx.read() as session:
        return {
            name: session.execute(select(func.count()).select_from(table)).scalar_one()
            for name, table in Base.metadata.tables.items()
        }


def _content(ctx: Context) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every demo table, ids included, in a backend-independent order."""
    with ctx.read() as session:
        return {
            name: sorted((tuple(row) for row in session.execute(select(table))), key=repr)
            for name, table in Base.metadata.tables.items()
            if name not in ("audit_events", "alembic_version")
        }


def _empty(ctx: Context) -> None:
    with ctx.write() as session:
        session.execute(delete(Person))
        session.execute(delete(Setting))


def test_same_seed_gives_the_same_people_on_two_fresh_databases(
    db: Database, tmp_path: Path
) -> None:
    """The second database is always SQLite, so on PostgreSQL this also compares backends."""
    other = open_database(resolve(str(tmp_path / "second" / "caseplan.db")), key=new_database_key())
    first, second = _ctx(db), _ctx(other)
    assert create_demo(first, 25, seed=7) == 25
    assert create_demo(second, 25, seed=7) == 25
    assert people.list_people(first) == people.list_people(second)
    assert _counts(first) == _counts(second)
    assert _counts(first)["persons"] == 25
    other.close()


def test_same_seed_on_the_same_start_gives_identical_rows_and_another_seed_does_not(
    db: Database,
) -> None:
    ctx = _ctx(db)
    create_demo(ctx, 20, seed=3)
    original, listed = _content(ctx), people.list_people(ctx)
    _empty(ctx)
    create_demo(ctx, 20, seed=3)
    assert _content(ctx) == original
    assert people.list_people(ctx) == listed
    _empty(ctx)
    create_demo(ctx, 20, seed=4)
    other = people.list_people(ctx)
    assert {p.id for p in other}.isdisjoint(p.id for p in listed)
    assert [p.full_name for p in other] != [p.full_name for p in listed]


def test_no_people_leaves_the_database_empty_but_ready_to_fill(db: Database) -> None:
    ctx = _ctx(db)
    assert create_demo(ctx, 0) == 0
    filled = {name: n for name, n in _counts(ctx).items() if n and name != "alembic_version"}
    assert filled == {"settings": 1}
    assert people.list_people(ctx) == []  # (a list looked at is kept in the audit trail)
    assert is_demo(ctx)  # so that `caseplan demo` may fill it later


def test_accounts_that_can_sign_in_get_a_caseload(db: Database) -> None:
    ctx = _ctx(db)
    with ctx.write() as session:
        for username, role in (("demo", Role.PRACTITIONER), ("peer", Role.PEER_WORKER)):
            session.add(Account(username=username, display_name=f"DEMO {username}", role=role))
    create_demo(ctx, 40, seed=1)
    with ctx.read() as session:
        accounts = {a.username: a for a in session.scalars(select(Account))}
        linked = session.execute(
            select(Participant.role, Participant.account_id).where(
                Participant.account_id.is_not(None)
            )
        ).all()
    assert {(role, account) for role, account in linked} == {
        (ParticipantRole.COORDINATOR, accounts["demo"].id),
        (ParticipantRole.PEER, accounts["peer"].id),
    }
    for account in accounts.values():
        actor = Actor(account.id, account.username, account.role)
        as_them = Context(db.sessions, actor=actor, today=lambda: TODAY)
        with as_them.read() as session:
            seen = session.scalars(access.visible_people(as_them, select(Person.id))).all()
        assert 0 < len(seen) < 40


def test_filling_adds_more_people_and_marks_the_database_as_demo(db: Database) -> None:
    ctx = _ctx(db)
    people.create_person(ctx, "Kari Nordmann")
    assert not is_demo(ctx)
    seen: list[tuple[int, int]] = []
    assert create_demo(ctx, 30, seed=1, progress=lambda done, total: seen.append((done, total)))
    assert create_demo(ctx, 12, seed=1) == 12  # same seed again: new people, no clashing ids
    assert is_demo(ctx)
    assert people.count_people(ctx) == 43
    assert seen[-1] == (30, 30)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_plans_are_realistic(db: Database) -> None:
    ctx = _ctx(db)
    create_demo(ctx, 40, seed=2)
    with ctx.read() as session:
        plans = session.scalars(select(Plan)).all()
        goals = Counter(session.scalars(select(Goal.plan_id)))
        steps = Counter(session.scalars(select(Step.goal_id)))
        contributions = Counter(session.scalars(select(PeerContribution.plan_id)))
        team = session.execute(
            select(Participant.plan_id, Participant.role, Participant.id, Participant.phone)
        ).all()
        wrong_pay = session.scalar(
            select(func.count())
            .select_from(PeerContribution)
            .where(PeerContribution.paid_minutes > PeerContribution.minutes)
        )
        early_steps = session.scalar(
            select(func.count())
            .select_from(Step)
            .join(Goal, Goal.id == Step.goal_id)
            .join(Plan, Plan.id == Goal.plan_id)
            .where(Step.due <= Plan.period_start)
        )
        languages = Counter(session.scalars(select(Person.preferred_language)))
    assert len(plans) == 40
    assert all(p.status is not PlanStatus.CLOSED for p in plans)
    # 2 to 6 goals, except a few new drafts not begun yet (the overview's "no plan yet")
    begun = [p for p in plans if goals[p.id]]
    assert all(2 <= goals[p.id] <= 6 for p in begun)
    assert all(p.status is PlanStatus.DRAFT for p in plans if not goals[p.id])
    assert all(1 <= n <= 4 for n in steps.values()) and sum(steps.values()) >= 80
    coordinators = {
        (plan, pid) for plan, role, pid, _ in team if role is ParticipantRole.COORDINATOR
    }
    assert {(p.id, p.coordinator_id) for p in plans} <= coordinators
    assert {plan for plan, role, _, _ in team if role is ParticipantRole.PERSON} == {
        p.id for p in plans
    }
    peer_plans = {plan for plan, role, _, _ in team if role is ParticipantRole.PEER}
    assert 0.6 * 40 <= len(peer_plans) <= 0.9 * 40
    # a peer on the team of a plan begun has given time; a plan not begun has none yet
    assert set(contributions) == {plan for plan in peer_plans if goals[plan]}
    assert all(n >= 3 for n in contributions.values())
    assert wrong_pay == 0 and early_steps == 0
    overdue = [p for p in plans if p.next_review is not None and p.next_review < TODAY]
    soon = [p for p in plans if p.next_review and TODAY <= p.next_review <= TODAY + timedelta(30)]
    assert overdue and soon
    assert languages[Language.NB] > languages[Language.EN] > 0
    phones = [phone for _, role, _, phone in team if role is not ParticipantRole.PERSON]
    assert all(len(phone) == 10 and phone.startswith("4") for phone in phones if phone)


def test_goals_are_in_the_persons_own_language(db: Database) -> None:
    ctx = _ctx(db)
    create_demo(ctx, 40, seed=5)
    by_language = {
        lang: {text for texts in text.GOALS[lang].values() for text in texts}
        for lang in ("nb", "en")
    }
    with ctx.read() as session:
        rows = session.execute(
            select(Person.preferred_language, Goal.own_words)
            .join(Plan, Plan.person_id == Person.id)
            .join(Goal, Goal.plan_id == Plan.id)
        ).all()
    assert rows
    for language, own_words in rows:
        assert own_words in by_language[language.value]


def test_every_stored_text_follows_the_text_rules(db: Database) -> None:
    ctx = _ctx(db)
    create_demo(ctx, 30, seed=11)
    checked = 0
    with ctx.read() as session:
        for table in Base.metadata.tables.values():
            for column in table.columns:
                rule = column.info.get("text")
                if rule is None:
                    continue
                for value in session.scalars(select(column)):
                    assert (
                        clean_text(
                            value,
                            field=rule["label"],
                            max_length=rule["max_length"],
                            multiline=rule["multiline"],
                        )
                        == value
                    )
                    checked += 1
    assert checked > 1000


def test_sami_names_occur_and_can_be_found_in_any_case(db: Database) -> None:
    ctx = _ctx(db)
    create_demo(ctx, 40, seed=1)
    names = [p.full_name for p in people.list_people(ctx)]
    sami = [name for name in names if SAMI_LETTERS & set(name)]
    assert sami
    first = sami[0].split()[0]
    assert sami[0] in [p.full_name for p in people.list_people(ctx, first.upper())]
