"""A fictional person with a plan and a team, and their workspace."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import pytest

from caseplan.models import LifeDomain, ParticipantRole
from caseplan.services.context import Context
from caseplan.services.people import people
from caseplan.services.plans import goals, plans
from caseplan.services.team import team
from caseplan.ui.workspace import PersonWorkspace


@dataclass(frozen=True)
class Kari:
    person_id: uuid.UUID
    plan_id: uuid.UUID
    kari: uuid.UUID
    ola: uuid.UUID
    siri: uuid.UUID


@pytest.fixture
def kari(ctx: Context) -> Kari:
    person = people.create_person(
        ctx, "Kari Nordmann", preferred_name="Kari", what_matters="Å ha et sted å bo."
    )
    plan = plans.open_plan(ctx, person.id)
    plan = plans.update_plan(ctx, plan.id, None, peer_consent_granted_on=ctx.today())
    me = team.add_participant(ctx, plan.id, ParticipantRole.PERSON, "Kari Nordmann")
    ola = team.add_participant(
        ctx, plan.id, ParticipantRole.COORDINATOR, "Ola Hansen", phone="22 00 00 01"
    )
    siri = team.add_participant(ctx, plan.id, ParticipantRole.PEER, "Siri Å. Lie")
    plans.set_coordinator(ctx, plan.id, None, ola.id)
    return Kari(person.id, plan.id, me.id, ola.id, siri.id)


@pytest.fixture
def kari_goal(ctx: Context, kari: Kari) -> uuid.UUID:
    goal = goals.add_goal(
        ctx,
        kari.plan_id,
        LifeDomain.HOUSING,
        "Jeg vil ha min egen leilighet.",
        worker_note="Husbanken-søknad er sendt.",
    )
    goals.add_step(ctx, goal.id, "Søke om startlån.", responsible_id=kari.ola)
    return goal.id


@pytest.fixture
def workspace(qtbot: Any, ctx: Context, kari: Kari) -> PersonWorkspace:
    widget = PersonWorkspace(ctx, kari.person_id)
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    qtbot.waitExposed(widget)
    return widget
