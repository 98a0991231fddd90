from __future__ import annotations

from datetime import date

import pytest

from caseplan.errors import Conflict, InvalidInput
from caseplan.services.context import Context
from caseplan.services.crisis import crisis
from caseplan.services.crisis.crisis import CrisisContactInput
from caseplan.services.people import people
from caseplan.services.plans import plans
from caseplan.services.plans.plans import PlanDetails
from caseplan.storage.database import Database

START = date(2026, 1, 5)


def _plan(db: Database) -> tuple[Context, PlanDetails]:
    ctx = Context(db.sessions, today=lambda: START)
    return ctx, plans.open_plan(ctx, people.create_person(ctx, "Kari Nordmann").id)


def test_the_crisis_plan_is_created_then_updated(db: Database) -> None:
    ctx, plan = _plan(db)
    assert crisis.get_crisis_plan(ctx, plan.id) is None
    created = crisis.save_crisis_plan(
        ctx,
        plan.id,
        None,
        warning_signs="Jeg slutter å sove",
        triggers="Pengeproblemer",
        what_i_do="Ringer søsteren min",
        what_others_do="Tar kontakt",
        what_does_not_help="Å bli kjeftet på",
        treatment_wanted="Samtale",
        treatment_not_wanted="Innleggelse",
        contacts=[
            CrisisContactInput("Søster", "Familie", "900 00 000"),
            CrisisContactInput("Legevakt", phone="116 117"),
        ],
    )
    assert created.what_i_do == "Ringer søsteren min"
    assert [(c.name, c.role, c.phone, c.position) for c in created.contacts] == [
        ("Søster", "Familie", "900 00 000", 0),
        ("Legevakt", "", "116 117", 1),
    ]
    assert crisis.get_crisis_plan(ctx, plan.id) == created
    updated = crisis.save_crisis_plan(ctx, plan.id, created.version, triggers="Ensomhet")
    assert (updated.triggers, updated.warning_signs) == ("Ensomhet", "Jeg slutter å sove")
    assert updated.contacts == created.contacts  # not given, so kept
    reordered = crisis.save_crisis_plan(
        ctx, plan.id, updated.version, contacts=[CrisisContactInput("Legevakt", phone="116 117")]
    )
    assert [c.name for c in reordered.contacts] == ["Legevakt"]
    assert reordered.version > updated.version


def test_a_stale_version_is_a_conflict_also_for_contacts(db: Database) -> None:
    ctx, plan = _plan(db)
    created = crisis.save_crisis_plan(ctx, plan.id, None, triggers="A")
    crisis.save_crisis_plan(ctx, plan.id, created.version, contacts=[CrisisContactInput("Ola")])
    with pytest.raises(Conflict) as error:
        crisis.save_crisis_plan(ctx, plan.id, created.version, contacts=[])
    assert str(error.value) == (
        "Someone else changed this crisis plan in the meantime; please look again."
    )
    assert [c.name for c in crisis.get_crisis_plan(ctx, plan.id).contacts] == ["Ola"]  # type: ignore[union-attr]


def test_saving_with_a_version_when_there_is_none_is_a_conflict(db: Database) -> None:
    ctx, plan = _plan(db)
    with pytest.raises(Conflict) as error:
        crisis.save_crisis_plan(ctx, plan.id, 1, triggers="A")
    assert str(error.value) == (
        "Someone else removed this crisis plan in the meantime; please look again."
    )
    assert crisis.get_crisis_plan(ctx, plan.id) is None


def test_a_contact_needs_a_name_and_nothing_is_written(db: Database) -> None:
    ctx, plan = _plan(db)
    with pytest.raises(InvalidInput) as error:
        crisis.save_crisis_plan(
            ctx, plan.id, None, triggers="A", contacts=[CrisisContactInput(" ", phone="113")]
        )
    assert str(error.value) == "Please write the name of each crisis contact."
    assert crisis.get_crisis_plan(ctx, plan.id) is None
    with pytest.raises(InvalidInput) as error:
        crisis.save_crisis_plan(ctx, plan.id, None, triggers="A\u202eB")
    assert str(error.value) == "Triggers contains a hidden direction-changing character."
    assert crisis.get_crisis_plan(ctx, plan.id) is None
