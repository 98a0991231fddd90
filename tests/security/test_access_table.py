"""Every cell of the role × action table, checked against people with different teams and consent.

The expectations are written out here by hand (not read from ``access.TABLE``), so a
wrong cell in the table fails a test.
"""

from __future__ import annotations

import unicodedata
import uuid
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from caseplan.errors import AccessDenied, InvalidInput, NotFound
from caseplan.models import Person, Role
from caseplan.services.context import Actor
from caseplan.services.exchange.exchange import export_person
from caseplan.services.security import access, audit, trail
from caseplan.services.security.access import Action
from caseplan.storage.database import Database

if TYPE_CHECKING:
    from tests.security.conftest import World

PEOPLE = ("consented", "no_consent", "expired", "elsewhere", "closed")
EVERYONE = frozenset(PEOPLE)
#: The practitioner's people: on their open plans' teams, and on the last team of someone
#: whose plans are all closed ("closed"), so they can start the next plan with them.
MY_TEAM = frozenset({"consented", "no_consent", "expired", "closed"})
PEER_OK = frozenset({"consented"})
NOBODY: frozenset[str] = frozenset()
#: For an admin: nobody until a reason is recorded, then only that person ("consented").
GLASS = "break glass"

#: action -> (practitioner, team lead, peer worker, admin); a set of people for actions
#: about a person, True/False for the others.
EXPECTED: dict[Action, tuple[object, object, object, object]] = {
    Action.VIEW_PERSON: (MY_TEAM, EVERYONE, PEER_OK, GLASS),
    Action.EDIT_PLAN: (MY_TEAM, EVERYONE, NOBODY, NOBODY),
    Action.VIEW_WORKER_NOTES: (MY_TEAM, EVERYONE, NOBODY, GLASS),
    Action.ADD_CONTRIBUTION: (MY_TEAM, EVERYONE, PEER_OK, NOBODY),
    Action.PRINT_PLAN: (MY_TEAM, EVERYONE, PEER_OK, GLASS),
    Action.EXPORT: (MY_TEAM, EVERYONE, NOBODY, GLASS),
    Action.CREATE_PERSON: (True, True, False, False),
    Action.DELETE_PERSON: (False, True, False, False),
    Action.IMPORT: (True, True, False, True),
    Action.MANAGE_ACCOUNTS: (False, False, False, True),
    Action.VIEW_AUDIT: (False, True, False, True),
    Action.BACKUP: (False, True, False, True),
    Action.PRINT_DUE: (False, True, False, False),
    Action.PEER_HOURS_REPORT: (False, True, False, True),
    Action.CLOSE_PLAN: (MY_TEAM, EVERYONE, NOBODY, NOBODY),
    Action.CLINIC_SETTINGS: (False, True, False, True),
    # a practitioner's overview counts only their own people (tests/services/test_overview*)
    Action.VIEW_OVERVIEW: (True, True, False, False),
    Action.TEAM_FIGURES: (False, True, False, False),
    Action.WHAT_PEOPLE_SAY: (False, True, False, False),
}
ROLES = (Role.PRACTITIONER, Role.TEAM_LEAD, Role.PEER_WORKER, Role.ADMIN)
CELLS = [(action, role) for action in EXPECTED for role in ROLES]


def _actor(world: World, role: Role) -> Actor:
    return {
        Role.PRACTITIONER: world.practitioner,
        Role.TEAM_LEAD: world.lead,
        Role.PEER_WORKER: world.peer,
        Role.ADMIN: world.admin,
    }[role]


def test_the_expectations_cover_every_cell_of_the_table() -> None:
    assert set(EXPECTED) == set(access.TABLE) == set(Action)
    assert all(set(row) == set(ROLES) for row in access.TABLE.values())


@pytest.mark.parametrize(("action", "role"), CELLS, ids=[f"{a}-{r}" for a, r in CELLS])
def test_cell(db: Database, world: World, action: Action, role: Role) -> None:
    ctx = world.ctx(db, _actor(world, role))
    expected = EXPECTED[action][ROLES.index(role)]
    if isinstance(expected, bool):
        assert action not in access.PERSON_ACTIONS
        if expected:
            access.require(ctx, action)
        else:
            with pytest.raises(AccessDenied) as denied:
                access.require(ctx, action)
            assert str(denied.value).endswith(".") and "\n" not in str(denied.value)
        assert access.can(ctx, action) is expected
        return
    ids = {name: getattr(world, name) for name in PEOPLE}
    if expected == GLASS:
        assert {n for n in PEOPLE if access.can(ctx, action, ids[n])} == set()
        access.break_glass(ctx, ids["consented"], "Her practitioner is ill; the GP asked.")
        expected = PEER_OK
    allowed = {name for name in PEOPLE if access.can(ctx, action, ids[name])}
    assert allowed == expected
    with db.sessions() as session:
        query = access.visible_people(ctx, select(Person.full_name), action)
        visible = set(session.execute(query).scalars())
        names = {
            name: session.get(Person, person_id).full_name  # type: ignore[union-attr]
            for name, person_id in ids.items()
        }
    assert visible == {names[n] for n in expected}


def _denial(db: Database, world: World, role: Role, action: Action, who: str) -> str:
    ctx = world.ctx(db, _actor(world, role))
    with pytest.raises(AccessDenied) as denied:
        access.require(ctx, action, getattr(world, who))
    return str(denied.value)


def test_denials_say_why_in_one_sentence(db: Database, world: World) -> None:
    assert _denial(db, world, Role.PEER_WORKER, Action.VIEW_PERSON, "no_consent") == (
        "This person has not consented to peer involvement, so a peer worker cannot open "
        "their plan."
    )
    assert "not consented" in _denial(db, world, Role.PEER_WORKER, Action.VIEW_PERSON, "expired")
    assert _denial(db, world, Role.PRACTITIONER, Action.VIEW_PERSON, "elsewhere") == (
        "This person is not among the people your account may open (you are not on their team)."
    )
    assert _denial(db, world, Role.PEER_WORKER, Action.VIEW_WORKER_NOTES, "consented") == (
        "Your account may not read workers' notes."
    )
    assert "break the glass" in _denial(db, world, Role.ADMIN, Action.VIEW_PERSON, "consented")


def test_an_unknown_id_and_a_stranger_get_the_same_sentence(db: Database, world: World) -> None:
    """Whether someone is a person in this clinic is not told to whoever may not open them."""
    for role, who in ((Role.PRACTITIONER, "elsewhere"), (Role.PEER_WORKER, "elsewhere")):
        ctx = world.ctx(db, _actor(world, role))
        for action in sorted(access.PERSON_ACTIONS):
            if access.rule_for(role, action) in (access.Rule.DENY, access.Rule.ALLOW):
                continue
            sentences = set()
            for person in (getattr(world, who), uuid.uuid4()):
                with pytest.raises(AccessDenied) as denied:
                    access.require(ctx, action, person)
                sentences.add(str(denied.value))
            assert len(sentences) == 1, (role, action, sentences)
    lead = world.ctx(db, world.lead)  # who may see everyone is told when no one has that id
    with pytest.raises(NotFound):
        export_person(lead, uuid.uuid4())


def test_break_glass_is_audited_with_its_reason_and_ends_with_the_day(
    db: Database, world: World
) -> None:
    ctx = world.ctx(db, world.admin)
    # A reason recorded yesterday does not open the plan today.
    with db.sessions.begin() as session:
        audit.record(
            session,
            world.admin,
            audit.Action.BREAK_GLASS,
            "person",
            world.elsewhere,
            "Old reason",
            now=lambda: datetime(2026, 3, 13, 12, 0, tzinfo=UTC),
        )
    assert not access.can(ctx, Action.VIEW_PERSON, world.elsewhere)
    access.break_glass(ctx, world.elsewhere, "Court order received today.")
    assert access.can(ctx, Action.VIEW_PERSON, world.elsewhere)
    events = trail.events_for(ctx, world.elsewhere)
    assert next((e.account, e.action, e.detail) for e in events) == (
        "ada",
        "break_glass",
        "Court order received today.",
    )
    with pytest.raises(InvalidInput, match="why"):
        access.break_glass(ctx, world.consented, "   ")
    for too_little in (".", "x", "-- ok --", "1234567890"):
        with pytest.raises(InvalidInput) as error:
            access.break_glass(ctx, world.consented, too_little)
        assert str(error.value) == (
            "Write in a few words why you need to open this person's plan (at least 10 letters);"
            " the reason is kept in the audit trail."
        )
    with pytest.raises(AccessDenied, match="Only an administrator"):
        access.break_glass(world.ctx(db, world.practitioner), world.consented, "Curious.")
    assert not access.can(ctx, Action.VIEW_PERSON, world.consented)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(reason=st.text(max_size=40))
def test_break_glass_reason_is_stored_as_typed_or_refused(
    db: Database, world: World, reason: str
) -> None:
    ctx = world.ctx(db, world.admin)
    try:
        access.break_glass(ctx, world.closed, reason)
    except InvalidInput as error:
        assert str(error).endswith(".")
        return
    events = trail.events_for(ctx, world.closed)
    assert events[0].action == "break_glass"
    assert events[0].detail == unicodedata.normalize("NFC", reason).strip() != ""
