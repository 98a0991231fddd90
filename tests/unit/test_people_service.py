from __future__ import annotations

from datetime import date, timedelta

import pytest

from caseplan.errors import Conflict, InvalidInput
from caseplan.models import Account, ParticipantRole, Role
from caseplan.services.context import Actor, Context
from caseplan.services.people import people
from caseplan.services.plans import plans
from caseplan.services.team import team
from caseplan.storage.database import Database


def test_search_is_case_insensitive_beyond_ascii_and_sorts_norwegian(db: Database) -> None:
    ctx = Context(db.sessions)
    for name in ["Øystein Berg", "Zara Ali", "Åse Nilsen", "Anne Ænes", "Áilu Juuso", "Æsa Lund"]:
        people.create_person(ctx, name)
    assert [p.full_name for p in people.list_people(ctx)] == [
        "Áilu Juuso",
        "Anne Ænes",
        "Zara Ali",
        "Æsa Lund",
        "Øystein Berg",
        "Åse Nilsen",
    ]
    assert [p.full_name for p in people.list_people(ctx, "øystein")] == ["Øystein Berg"]
    assert [p.full_name for p in people.list_people(ctx, "ÆNES")] == ["Anne Ænes"]
    assert people.count_people(ctx, "%") == 0


def test_second_writer_gets_a_conflict(db: Database) -> None:
    ctx = Context(db.sessions)
    person = people.create_person(ctx, "Kari Nordmann")
    people.update_person(ctx, person.id, person.version, preferred_name="Kari")
    with pytest.raises(Conflict):
        people.update_person(ctx, person.id, person.version, preferred_name="K")
    assert people.get_person(ctx, person.id).preferred_name == "Kari"


def test_empty_name_is_refused_and_nothing_is_written(db: Database) -> None:
    ctx = Context(db.sessions)
    with pytest.raises(InvalidInput, match="name"):
        people.create_person(ctx, "   ")
    assert people.count_people(ctx) == 0


@pytest.mark.parametrize("search", ["\x00", "a\nb", "Kari\u202e", "\x07"])
def test_a_search_no_name_can_match_finds_no_one(db: Database, search: str) -> None:
    ctx = Context(db.sessions)
    people.create_person(ctx, "Kari", preferred_name="Berit")
    assert people.list_people(ctx, search) == []
    assert people.count_people(ctx, search) == 0


def test_a_search_does_not_match_across_full_and_preferred_name(db: Database) -> None:
    ctx = Context(db.sessions)
    people.create_person(ctx, "Kari Nordmann", preferred_name="Berit")
    assert people.list_people(ctx, "nordmann berit") == []


def test_the_count_matches_the_list_whatever_plans_people_have(db: Database) -> None:
    ctx = Context(db.sessions)
    people.create_person(ctx, "Kari Nordmann")  # no plan
    open_one = people.create_person(ctx, "Kari Berg")
    plans.open_plan(ctx, open_one.id)
    closed_then_open = people.create_person(ctx, "Ola Karlsen")
    first = plans.open_plan(ctx, closed_then_open.id)
    plans.close_plan(ctx, first.id, first.version)
    plans.open_plan(ctx, closed_then_open.id)
    only_closed = people.create_person(ctx, "Åse Kari")
    gone = plans.open_plan(ctx, only_closed.id)
    plans.close_plan(ctx, gone.id, gone.version)
    for search in (None, "kari", "KAR", "berg", "ola", "zz", "å"):
        listed = people.list_people(ctx, search)
        assert people.count_people(ctx, search) == len(listed), search
    assert people.count_people(ctx) == 4
    assert people.count_people(ctx, "kar") == 4
    rows = {p.full_name: p.plan_status for p in people.list_people(ctx)}
    assert rows["Kari Nordmann"] is None and rows["Åse Kari"] is None
    assert rows["Kari Berg"] is not None and rows["Ola Karlsen"] is not None


def test_the_caseload_can_show_mine_overdue_and_due_soon(db: Database) -> None:
    today = date(2026, 11, 22)
    system = Context(db.sessions, today=lambda: today)
    with db.sessions.begin() as session:
        account = Account(username="per", display_name="Per", role=Role.PRACTITIONER)
        session.add(account)
        session.flush()
        per = Actor(account_id=account.id, username="per", role=Role.PRACTITIONER)
    reviews = {
        "Anna Overdue": today - timedelta(days=1),
        "Berit Soon": today + timedelta(days=30),
        "Cato Later": today + timedelta(days=31),
        "Dag Today": today,
    }
    for name, review in reviews.items():
        person = people.create_person(system, name)
        plan = plans.open_plan(
            system, person.id, period_start=today - timedelta(days=90), next_review=review
        )
        if name in ("Anna Overdue", "Cato Later"):
            team.add_participant(
                system, plan.id, ParticipantRole.PRACTITIONER, "Per", account_id=per.account_id
            )
    people.create_person(system, "Eli Noplan")

    def names(ctx: Context, shown: people.Shown) -> list[str]:
        listed = [p.full_name for p in people.list_people(ctx, shown=shown)]
        assert people.count_people(ctx, shown=shown) == len(listed)
        return listed

    assert names(system, people.Shown.OVERDUE) == ["Anna Overdue"]
    assert names(system, people.Shown.DUE_SOON) == ["Berit Soon", "Dag Today"]
    assert len(names(system, people.Shown.ALL)) == 5
    assert names(system, people.Shown.MINE) == []  # the program itself is on no team
    mine = Context(db.sessions, actor=per, today=lambda: today)
    assert names(mine, people.Shown.MINE) == ["Anna Overdue", "Cato Later"]
    assert names(mine, people.Shown.OVERDUE) == ["Anna Overdue"]
