"""Every use case obeys the role × action rules and leaves an audit trail.

For each service function: a practitioner not on the team is refused with the exact
sentence, a practitioner on the team and a team lead can, a consenting peer worker can
read and make only the two peer writes (their own contributions, their own steps), a peer
worker without consent cannot even see the person, and an administrator needs to break the
glass to read and can never write. Each change leaves exactly one audit event naming the
person, and the trail never holds the words written. All people are fictional.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from caseplan.errors import AccessDenied
from caseplan.models import (
    Account,
    AuditEvent,
    CloseReason,
    ConsentScope,
    ContributionKind,
    LifeDomain,
    Participant,
    ParticipantRole,
    Person,
    Plan,
    Role,
    StepStatus,
)
from caseplan.services.agreement import agreement, versions
from caseplan.services.agreement import changes as agreement_changes
from caseplan.services.context import Actor, Context
from caseplan.services.crisis import crisis
from caseplan.services.meetings import meetings, progress, reviews, together
from caseplan.services.peers import contributions, peer_hours
from caseplan.services.people import people
from caseplan.services.plans import closing, goals, period, plan_view, plans
from caseplan.services.plans.plan_view import load_plan_view
from caseplan.services.security import access, audit, trail
from caseplan.services.team import team
from caseplan.storage.database import Database

TODAY = date(2026, 3, 14)
START = date(2026, 1, 1)
FULL, NONE = ConsentScope.FULL_PLAN, ConsentScope.NONE

NOT_ON_TEAM = (
    "This person is not among the people your account may open (you are not on their team)."
)
NO_CONSENT = (
    "This person has not consented to peer involvement, so a peer worker cannot open their plan."
)
NEEDS_GLASS = (
    "An administrator must record a reason (break the glass) before opening a person's plan."
)
MAY_NOT_EDIT = "Your account may not change this person's plan."
ONLY_LEAD_DELETES = "Only a team lead can remove a person and all their plans."
MAY_NOT_CONTRIBUTE = "Your account may not record peer contributions here."
MAY_NOT_ADD_PEOPLE = "Your account may not add people."
MAY_NOT_CLOSE = "Your account may not close this person's plan."
PEER_OWN_STEPS = (
    "A peer worker can change only the status or the action of steps they are responsible for."
)
PEER_OWN_CONTRIBUTIONS = "A peer worker can record only their own peer contributions."
PEER_OWN_NOTE = "A peer worker can change only the note of their own peer contributions."

GOAL_NOTE, STEP_NOTE, MEETING_NOTE = "GOAL-SECRET", "STEP-SECRET", "MEETING-SECRET"


# --- a small world (built the way tests/security/conftest.py builds it) --------------------


def _add_account(ctx: Context, username: str, role: Role) -> Actor:
    with ctx.write() as session:
        account = Account(username=username, display_name=username.title(), role=role)
        session.add(account)
        session.flush()
        return Actor(account_id=account.id, username=username, role=role)


Member = tuple[Actor, ConsentScope]


def _add_person(ctx: Context, name: str, members: Sequence[Member]) -> uuid.UUID:
    """A person with one draft plan whose participants are linked to the given accounts."""
    with ctx.write() as session:
        person = Person(full_name=name)
        people.set_name_keys(person)
        session.add(person)
        session.flush()
        plan = Plan(person_id=person.id, period_start=START, status="draft")
        if any(actor.role is Role.PEER_WORKER for actor, _scope in members):
            plan.peer_consent_granted_on = START  # consent to peer involvement
        session.add(plan)
        session.flush()
        for position, (actor, scope) in enumerate(members):
            peer = actor.role is Role.PEER_WORKER
            session.add(
                Participant(
                    plan_id=plan.id,
                    role=ParticipantRole.PEER if peer else ParticipantRole.PRACTITIONER,
                    name=actor.username.title(),
                    account_id=actor.account_id,
                    consent_scope=scope,
                    position=position,
                )
            )
        return person.id


@dataclass
class World:
    db: Database
    pia: Actor  # practitioner on Kari's team
    ola: Actor  # practitioner, not on Kari's team
    lea: Actor  # team lead
    per: Actor  # peer worker on Kari's team, Kari consented
    pal: Actor  # peer worker on Kari's team, Kari did not consent
    ada: Actor  # administrator
    kari: uuid.UUID
    elsewhere: uuid.UUID  # only Ola's
    plan: uuid.UUID
    pia_p: uuid.UUID
    per_p: uuid.UUID
    pal_p: uuid.UUID
    goal: uuid.UUID
    second_goal: uuid.UUID
    per_step: uuid.UUID  # Per is responsible
    pia_step: uuid.UUID  # Pia is responsible
    per_contribution: uuid.UUID
    pal_contribution: uuid.UUID
    meeting: uuid.UUID
    review: uuid.UUID

    def ctx(self, actor: Actor | None = None) -> Context:
        if actor is None:
            return Context(self.db.sessions, today=lambda: TODAY)
        return Context(self.db.sessions, actor=actor, today=lambda: TODAY)

    @property
    def system(self) -> Context:
        return self.ctx()

    def team(self) -> list[Member]:
        return [(self.pia, FULL), (self.per, FULL), (self.pal, NONE)]

    def new_person(self) -> uuid.UUID:
        """Another person with Kari's team, for changes that use something up."""
        return _add_person(self.system, "Åse Nilsen", self.team())

    def open_plan_of(self, person_id: uuid.UUID) -> uuid.UUID:
        plan = plans.get_open_plan(self.system, person_id)
        assert plan is not None
        return plan.id


@pytest.fixture
def world(db: Database) -> World:
    ctx = Context(db.sessions, today=lambda: TODAY)
    pia = _add_account(ctx, "pia", Role.PRACTITIONER)
    ola = _add_account(ctx, "ola", Role.PRACTITIONER)
    lea = _add_account(ctx, "lea", Role.TEAM_LEAD)
    per = _add_account(ctx, "per", Role.PEER_WORKER)
    pal = _add_account(ctx, "pal", Role.PEER_WORKER)
    ada = _add_account(ctx, "ada", Role.ADMIN)
    kari = _add_person(ctx, "Kari Nordmann", [(pia, FULL), (per, FULL), (pal, NONE)])
    elsewhere = _add_person(ctx, "Ola Testesen", [(ola, FULL)])
    plan = plans.get_open_plan(ctx, kari)
    assert plan is not None
    pia_p, per_p, pal_p = (p.id for p in team.list_participants(ctx, plan.id))
    goal = goals.add_goal(ctx, plan.id, LifeDomain.HOUSING, "Egen leilighet", worker_note=GOAL_NOTE)
    second = goals.add_goal(ctx, plan.id, LifeDomain.LEISURE, "Fjelltur")
    per_step = goals.add_step(ctx, goal.id, "Se på leiligheter", responsible_id=per_p)
    pia_step = goals.add_step(
        ctx, goal.id, "Søke bolig", responsible_id=pia_p, worker_note=STEP_NOTE
    )
    per_c = contributions.add_contribution(ctx, plan.id, per_p, START, 60, ContributionKind.MEETING)
    pal_c = contributions.add_contribution(ctx, plan.id, pal_p, START, 30, ContributionKind.MEETING)
    meeting = meetings.add_meeting(
        ctx, plan.id, START, attendee_ids=[pia_p], shared_notes="Enige", worker_note=MEETING_NOTE
    )
    review = reviews.add_review(ctx, plan.id, START, ratings=[(goal.id, pia_p, 6)])
    crisis.save_crisis_plan(ctx, plan.id, None, what_i_do="Ringer Pia")
    return World(
        db,
        pia,
        ola,
        lea,
        per,
        pal,
        ada,
        kari,
        elsewhere,
        plan.id,
        pia_p,
        per_p,
        pal_p,
        goal.id,
        second.id,
        per_step.id,
        pia_step.id,
        per_c.id,
        pal_c.id,
        meeting.id,
        review.id,
    )


# --- the service functions, each with what it needs and what it should leave -------------

Act = Callable[[Context, World, Any], object]


@dataclass(frozen=True)
class Op:
    name: str
    act: Act
    #: (audit action, entity) of the one event it leaves: a view for a read
    event: tuple[str, str] | None = None
    #: runs as the system before each try; its result is handed to ``act``
    prepare: Callable[[World], Any] = lambda w: None
    #: which rule refuses others: "view", "edit", "contribute", "peer_step", "peer_note"
    gate: str = "edit"
    #: the person it is about (default Kari), given what ``prepare`` returned
    person: Callable[[World, Any], uuid.UUID] = lambda w, p: w.kari
    #: who on the team may do it (besides a consenting peer worker where the gate says so)
    allowed: tuple[str, ...] = ("pia", "lea")


C, CH, D = audit.Action.CREATE, audit.Action.CHANGE, audit.Action.DELETE
#: Every read of a person's data is a view, kept in the audit trail.
VIEW = (audit.Action.VIEWED, "person")


def _new_goal(w: World) -> uuid.UUID:
    return goals.add_goal(w.system, w.plan, LifeDomain.OTHER, "Noe nytt").id


def _new_step(w: World) -> uuid.UUID:
    return goals.add_step(w.system, w.goal, "Ringe NAV", responsible_id=w.pia_p).id


def _new_participant(w: World) -> uuid.UUID:
    return team.add_participant(w.system, w.plan, ParticipantRole.NETWORK, "Mor").id


def _new_meeting(w: World) -> uuid.UUID:
    return meetings.add_meeting(w.system, w.plan, START).id


def _new_review(w: World) -> uuid.UUID:
    return reviews.add_review(w.system, w.plan, START).id


def _person_with_plan(w: World) -> tuple[uuid.UUID, uuid.UUID]:
    person = w.new_person()
    return person, w.open_plan_of(person)


def _person_with_closed_plan(w: World) -> uuid.UUID:
    person, plan = _person_with_plan(w)
    plans.close_plan(w.system, plan, None)
    return person


READS = [
    Op("get_person", lambda c, w, p: people.get_person(c, w.kari), VIEW, gate="view"),
    Op("get_plan", lambda c, w, p: plans.get_plan(c, w.plan), VIEW, gate="view"),
    Op("get_open_plan", lambda c, w, p: plans.get_open_plan(c, w.kari), VIEW, gate="view"),
    Op("list_plans", lambda c, w, p: plans.list_plans(c, w.kari), VIEW, gate="view"),
    Op("get_participant", lambda c, w, p: team.get_participant(c, w.pia_p), VIEW, gate="view"),
    Op("list_participants", lambda c, w, p: team.list_participants(c, w.plan), VIEW, gate="view"),
    Op("get_goal", lambda c, w, p: goals.get_goal(c, w.goal), VIEW, gate="view"),
    Op("list_goals", lambda c, w, p: goals.list_goals(c, w.plan), VIEW, gate="view"),
    Op("get_step", lambda c, w, p: goals.get_step(c, w.pia_step), VIEW, gate="view"),
    Op("outside_period", lambda c, w, p: period.outside_period(c, w.plan), gate="view"),
    Op("goal_progress", lambda c, w, p: progress.goal_progress(c, w.plan), VIEW, gate="view"),
    Op(
        "agreement_state", lambda c, w, p: agreement_changes.agreement_state(c, w.plan), gate="view"
    ),
    Op(
        "get_version",
        lambda c, w, p: versions.get_version(c, p),
        VIEW,
        gate="view",
        prepare=lambda w: (
            agreement.agree_plan(
                w.system, w.plan, None, [w.pia_p], {w.pia_p: "paper"}, {}, TODAY
            ).id
        ),
    ),
    Op(
        "list_contributions",
        lambda c, w, p: contributions.list_contributions(c, w.plan),
        VIEW,
        gate="view",
    ),
    Op("list_meetings", lambda c, w, p: meetings.list_meetings(c, w.plan), VIEW, gate="view"),
    Op("list_reviews", lambda c, w, p: reviews.list_reviews(c, w.plan), VIEW, gate="view"),
    Op("get_crisis_plan", lambda c, w, p: crisis.get_crisis_plan(c, w.plan), VIEW, gate="view"),
    Op(
        "load_plan_view",
        lambda c, w, p: load_plan_view(c, w.kari, include_worker_notes=True),
        event=(audit.Action.OPEN_PERSON, "person"),
        gate="view",
    ),
]

WRITES = [
    Op(
        "update_person",
        lambda c, w, p: people.update_person(c, w.kari, None, what_helps=p),
        (CH, "person"),
        prepare=lambda w: f"Turer {uuid.uuid4().hex[:6]}",
    ),
    Op(
        "delete_person",
        lambda c, w, p: people.delete_person(c, p, None),
        (D, "person"),
        prepare=lambda w: w.new_person(),
        person=lambda w, p: p,
        gate="delete",
        allowed=("lea",),
    ),
    Op(  # a practitioner on the last team of someone whose plans are all closed goes on
        "open_plan",
        lambda c, w, p: plans.open_plan(c, p),
        (C, "plan"),
        prepare=_person_with_closed_plan,
        person=lambda w, p: p,
    ),
    Op(
        "start_next_plan",
        lambda c, w, p: closing.start_next_plan(c, p, []),
        (C, "plan"),
        prepare=_person_with_closed_plan,
        person=lambda w, p: p,
    ),
    Op(  # the screen's Start a plan: after a closed one it is the next plan
        "start_plan",
        lambda c, w, p: closing.start_plan(c, p),
        (C, "plan"),
        prepare=_person_with_closed_plan,
        person=lambda w, p: p,
    ),
    Op(
        "set_period",
        lambda c, w, p: period.set_period(
            c, w.plan, None, period_start=START, period_end=None, next_review=date(2026, 6, 1)
        ),
        (CH, "plan"),
        prepare=lambda w: plans.update_plan(w.system, w.plan, None, next_review=None),
    ),
    Op(
        "update_plan",
        lambda c, w, p: plans.update_plan(c, w.plan, None, next_review=date(2026, 6, 1)),
        (CH, "plan"),
        prepare=lambda w: plans.update_plan(w.system, w.plan, None, next_review=None),
    ),
    Op(
        "set_coordinator",
        lambda c, w, p: plans.set_coordinator(c, w.plan, None, w.pia_p),
        (CH, "plan"),
        prepare=lambda w: plans.set_coordinator(w.system, w.plan, None, None),
    ),
    Op(
        "close_plan",
        lambda c, w, p: plans.close_plan(c, p[1], None, CloseReason.MOVED),
        (CH, "plan"),
        prepare=_person_with_plan,
        person=lambda w, p: p[0],
        gate="close",
    ),
    Op(
        "add_participant",
        lambda c, w, p: team.add_participant(c, w.plan, ParticipantRole.SERVICE, "Fastlege"),
        (C, "participant"),
    ),
    Op(
        "update_participant",
        lambda c, w, p: team.update_participant(c, w.pia_p, None, phone="400 00 000"),
        (CH, "participant"),
        prepare=lambda w: team.update_participant(w.system, w.pia_p, None, phone=""),
    ),
    Op(
        "remove_participant",
        lambda c, w, p: team.remove_participant(c, p, None),
        (D, "participant"),
        prepare=_new_participant,
    ),
    Op(
        "reorder_participants",
        lambda c, w, p: team.reorder_participants(c, w.plan, p),
        (CH, "participant"),
        prepare=lambda w: [x.id for x in reversed(team.list_participants(w.system, w.plan))],
    ),
    Op(
        "add_goal",
        lambda c, w, p: goals.add_goal(c, w.plan, LifeDomain.WORK_AND_ACTIVITY, "Jobb"),
        (C, "goal"),
    ),
    Op(
        "update_goal",
        lambda c, w, p: goals.update_goal(c, p, None, own_words="Egen hybel"),
        (CH, "goal"),
        prepare=_new_goal,
    ),
    Op("close_goal", lambda c, w, p: goals.close_goal(c, p, None), (CH, "goal"), prepare=_new_goal),
    Op(
        "reorder_goals",
        lambda c, w, p: goals.reorder_goals(c, w.plan, p),
        (CH, "goal"),
        prepare=lambda w: [g.id for g in reversed(goals.list_goals(w.system, w.plan))],
    ),
    Op(
        "move_goal",
        lambda c, w, p: goals.move_goal(c, p, -1),
        (CH, "goal"),
        prepare=_new_goal,
    ),
    Op(
        "delete_goal", lambda c, w, p: goals.delete_goal(c, p, None), (D, "goal"), prepare=_new_goal
    ),
    Op("add_step", lambda c, w, p: goals.add_step(c, w.goal, "Besøke"), (C, "step")),
    Op(
        "update_step (the peer's own step)",
        lambda c, w, p: goals.update_step(c, w.per_step, None, status=p),
        (CH, "step"),
        prepare=lambda w: next(
            s for s in StepStatus if s != goals.get_step(w.system, w.per_step).status
        ),
        gate="peer_step",
    ),
    Op(
        "move_step",
        lambda c, w, p: goals.move_step(c, p, -1),
        (CH, "step"),
        prepare=_new_step,
    ),
    Op(
        "delete_step", lambda c, w, p: goals.delete_step(c, p, None), (D, "step"), prepare=_new_step
    ),
    Op(
        "add_contribution (the peer's own)",
        lambda c, w, p: contributions.add_contribution(
            c, w.plan, w.per_p, TODAY, 45, ContributionKind.PHONE_OR_MESSAGE, note="Ringte"
        ),
        (C, "peer_contribution"),
        gate="contribute",
    ),
    Op(
        "update_contribution (note of the peer's own)",
        lambda c, w, p: contributions.update_contribution(c, w.per_contribution, None, note=p),
        (CH, "peer_contribution"),
        prepare=lambda w: f"Kaffe {uuid.uuid4().hex[:6]}",
        gate="peer_note",
    ),
    Op(
        "delete_contribution",
        lambda c, w, p: contributions.delete_contribution(c, p, None),
        (D, "peer_contribution"),
        prepare=lambda w: (
            contributions.add_contribution(
                w.system, w.plan, w.per_p, TODAY, 10, ContributionKind.OTHER
            ).id
        ),
    ),
    Op("add_meeting", lambda c, w, p: meetings.add_meeting(c, w.plan, TODAY), (C, "meeting")),
    Op(
        "update_meeting",
        lambda c, w, p: meetings.update_meeting(c, p, None, attendee_ids=[w.pia_p]),
        (CH, "meeting"),
        prepare=_new_meeting,
    ),
    Op(
        "delete_meeting",
        lambda c, w, p: meetings.delete_meeting(c, p, None),
        (D, "meeting"),
        prepare=_new_meeting,
    ),
    Op("add_review", lambda c, w, p: reviews.add_review(c, w.plan, TODAY), (C, "review")),
    Op(
        "record_review",
        lambda c, w, p: together.record_review(
            c,
            w.plan,
            on=TODAY,
            present=[w.pia_p],
            goals=[together.GoalReview(w.goal, what_helped="Turene")],
            next_review=None,
        ),
        (C, "review"),
    ),
    Op(
        "update_review",
        lambda c, w, p: reviews.update_review(c, p, None, what_helped="Turene"),
        (CH, "review"),
        prepare=_new_review,
    ),
    Op(
        "delete_review",
        lambda c, w, p: reviews.delete_review(c, p, None),
        (D, "review"),
        prepare=_new_review,
    ),
    Op(
        "save_crisis_plan",
        lambda c, w, p: crisis.save_crisis_plan(c, w.plan, None, triggers=p),
        (CH, "crisis_plan"),
        prepare=lambda w: f"Stress {uuid.uuid4().hex[:6]}",
    ),
]

#: What each refused account is told, by gate.
REFUSED: dict[str, dict[str, str]] = {
    "view": {"ola": NOT_ON_TEAM, "pal": NO_CONSENT, "ada": NEEDS_GLASS},
    "edit": {"ola": MAY_NOT_EDIT, "pal": MAY_NOT_EDIT, "per": MAY_NOT_EDIT, "ada": MAY_NOT_EDIT},
    "peer_step": {"ola": MAY_NOT_EDIT, "pal": NO_CONSENT, "ada": MAY_NOT_EDIT},
    "contribute": {"ola": MAY_NOT_CONTRIBUTE, "pal": MAY_NOT_CONTRIBUTE, "ada": MAY_NOT_CONTRIBUTE},
    "peer_note": {"ola": MAY_NOT_EDIT, "pal": MAY_NOT_CONTRIBUTE, "ada": MAY_NOT_EDIT},
    "delete": {who: ONLY_LEAD_DELETES for who in ("ola", "pal", "per", "ada", "pia")},
    "close": {who: MAY_NOT_CLOSE for who in ("ola", "pal", "per", "ada")},
}


def _events(db: Database, after: int = 0) -> list[tuple[str, str, str]]:
    with db.sessions() as session:
        rows = session.scalars(select(AuditEvent).where(AuditEvent.seq > after)).all()
        return [(e.action, e.entity, e.entity_id) for e in rows]


def _last_seq(db: Database) -> int:
    with db.sessions() as session:
        return audit.count_events(session)


def _chain_ok(db: Database) -> bool:
    with db.sessions() as session:
        return audit.verify_chain(session).ok


def _refused(w: World, op: Op, who: str, sentence: str) -> None:
    """Refused with ``sentence``; nothing of the work is kept, the refusal itself is."""
    argument = op.prepare(w)
    person_id = str(op.person(w, argument))
    before = _last_seq(w.db)
    with pytest.raises(AccessDenied) as denied:
        op.act(w.ctx(getattr(w, who)), w, argument)
    assert str(denied.value) == sentence, f"{op.name} as {who}"
    events = _events(w.db, before)
    assert [e[0] for e in events] == [audit.Action.REFUSED], f"{op.name} as {who}: {events}"
    assert events[0][2] in (person_id, ""), f"{op.name} as {who}: {events}"


def _allowed(w: World, op: Op, who: str) -> None:
    argument = op.prepare(w)
    person_id = op.person(w, argument)
    before = _last_seq(w.db)
    op.act(w.ctx(getattr(w, who)), w, argument)
    expected = [] if op.event is None else [(*op.event, str(person_id))]
    if op.name == "load_plan_view" and who == "per":  # a peer never reads workers' notes
        expected.append((audit.Action.REFUSED, "view_worker_notes", str(person_id)))
    assert _events(w.db, before) == expected, f"{op.name} as {who}"


@pytest.mark.parametrize("op", READS + WRITES, ids=lambda op: op.name)
def test_each_use_case_follows_the_rules(world: World, op: Op) -> None:
    refused = dict(REFUSED[op.gate])
    for who in ("pia", "lea"):
        if who not in op.allowed:
            refused.setdefault(who, MAY_NOT_EDIT)
    for who, sentence in refused.items():
        _refused(world, op, who, sentence)
    for who in op.allowed:
        _allowed(world, op, who)
    if op.gate not in ("edit", "delete", "close"):  # reads and the two peer writes
        _allowed(world, op, "per")
    if op.gate == "view":
        access.break_glass(world.ctx(world.ada), world.kari, "Akutt henvendelse fra legevakt")
        _allowed(world, op, "ada")
    assert _chain_ok(world.db)


def test_every_service_function_is_covered() -> None:
    """A new service function without a row here would escape the rules unnoticed."""
    import inspect

    modules = (people, plans, team, goals, contributions, meetings, reviews, crisis)
    modules += (plan_view, peer_hours, period, closing, together, progress)
    modules += (agreement_changes, versions)
    public = {
        name
        for module in modules
        for name, value in vars(module).items()
        if inspect.isfunction(value)
        and value.__module__ == module.__name__
        and list(inspect.signature(value).parameters)[:1] == ["ctx"]
        and not name.startswith("_")
    }
    named = {op.name.split(" ")[0] for op in READS + WRITES}
    special = {"list_people", "count_people", "create_person"}  # tested below
    special |= {"is_peer_worker", "is_own"}  # helpers, not use cases
    special |= {"peer_hours", "export_peer_hours"}  # about no one person: tested below
    # read inside the caller's transaction; the chart that calls it checks PEER_HOURS_REPORT
    # (tests/services/test_peer_chart.py: only who may see peer hours gets the chart)
    special |= {"read_peer_hours"}
    assert public - named - special == set()


# --- the peer worker's two writes, and what stays closed to them ---------------------------


def test_a_peer_worker_changes_only_status_or_action_of_their_own_steps(world: World) -> None:
    per = world.ctx(world.per)
    before = _last_seq(world.db)
    changed = goals.update_step(per, world.per_step, None, action="Se på to leiligheter")
    assert changed.action == "Se på to leiligheter"
    assert _events(world.db, before) == [(CH, "step", str(world.kari))]
    step_changes: list[tuple[uuid.UUID, dict[str, Any]]] = [
        (world.pia_step, {"status": StepStatus.DONE}),  # Pia's step
        (world.per_step, {"due": date(2026, 5, 1)}),  # their step, but not status or action
        (world.per_step, {"worker_note": "Mitt notat"}),
        (world.per_step, {"responsible_id": world.pia_p}),
    ]
    for step, changes in step_changes:
        with pytest.raises(AccessDenied) as denied:
            goals.update_step(per, step, None, **changes)
        assert str(denied.value) == PEER_OWN_STEPS
    with pytest.raises(AccessDenied, match=re.escape(MAY_NOT_EDIT)):
        goals.delete_step(per, world.per_step, None)
    assert goals.get_step(world.system, world.pia_step).status == StepStatus.PLANNED


def test_a_peer_worker_records_and_annotates_only_their_own_contributions(world: World) -> None:
    per = world.ctx(world.per)
    with pytest.raises(AccessDenied) as denied:
        contributions.add_contribution(
            per, world.plan, world.pal_p, TODAY, 30, ContributionKind.PHONE_OR_MESSAGE
        )
    assert str(denied.value) == PEER_OWN_CONTRIBUTIONS
    contribution_changes: list[tuple[uuid.UUID, dict[str, Any]]] = [
        (world.per_contribution, {"minutes": 90}),
        (world.per_contribution, {"paid_minutes": 60}),
        (world.per_contribution, {"note": "Ny", "minutes": 90}),
        (world.pal_contribution, {"note": "Ikke min"}),
    ]
    for contribution, changes in contribution_changes:
        with pytest.raises(AccessDenied) as denied:
            contributions.update_contribution(per, contribution, None, **changes)
        assert str(denied.value) == PEER_OWN_NOTE
    with pytest.raises(AccessDenied, match=re.escape(MAY_NOT_EDIT)):
        contributions.delete_contribution(per, world.per_contribution, None)
    stored = {c.id: c for c in contributions.list_contributions(world.system, world.plan)}
    assert (stored[world.per_contribution].minutes, stored[world.per_contribution].note) == (60, "")
    assert stored[world.pal_contribution].note == ""


# --- who sees whom ---------------------------------------------------------------------


def _names(ctx: Context, search: str | None = None) -> list[str]:
    return [p.full_name for p in people.list_people(ctx, search)]


def test_the_caseload_shows_only_the_people_an_account_may_see(world: World) -> None:
    both = ["Kari Nordmann", "Ola Testesen"]
    assert _names(world.ctx(world.pia)) == ["Kari Nordmann"]
    assert _names(world.ctx(world.ola)) == ["Ola Testesen"]
    assert _names(world.ctx(world.lea)) == both
    assert _names(world.ctx(world.per)) == ["Kari Nordmann"]
    assert _names(world.ctx(world.pal)) == []
    assert _names(world.ctx(world.ada)) == []
    assert people.count_people(world.ctx(world.pal)) == 0
    assert people.count_people(world.ctx(world.ola), "kari") == 0
    assert people.count_people(world.ctx(world.lea), "o") == 2
    access.break_glass(world.ctx(world.ada), world.kari, "Fylkeslegen ber om innsyn")
    assert _names(world.ctx(world.ada)) == ["Kari Nordmann"]
    assert _names(world.ctx(world.ada), "ola") == []


def test_a_peer_worker_without_consent_cannot_see_the_person_at_all(world: World) -> None:
    pal = world.ctx(world.pal)
    assert world.kari not in [p.id for p in people.list_people(pal)]
    for read in (
        lambda: people.get_person(pal, world.kari),
        lambda: load_plan_view(pal, world.kari),
        lambda: goals.list_goals(pal, world.plan),
        lambda: contributions.list_contributions(pal, world.plan),
    ):
        with pytest.raises(AccessDenied) as denied:
            read()
        assert str(denied.value) == NO_CONSENT


def test_only_practitioners_and_team_leads_add_people(world: World) -> None:
    for who in ("per", "pal", "ada"):
        before = _last_seq(world.db)
        with pytest.raises(AccessDenied) as denied:
            people.create_person(world.ctx(getattr(world, who)), "Nils Nilsen")
        assert str(denied.value) == MAY_NOT_ADD_PEOPLE
        assert _events(world.db, before) == [(audit.Action.REFUSED, "create_person", "")]
    before = _last_seq(world.db)
    lead_added = people.create_person(world.ctx(world.lea), "Lise Lund")
    assert _events(world.db, before) == [(C, "person", str(lead_added.id))]
    assert plans.get_open_plan(world.ctx(world.lea), lead_added.id) is None


def test_a_practitioner_who_adds_a_person_is_on_their_team(world: World) -> None:
    pia = world.ctx(world.pia)
    before = _last_seq(world.db)
    added = people.create_person(pia, "Nils Nilsen", preferred_name="Nisse")
    assert _events(world.db, before) == [
        (C, "person", str(added.id)),
        (C, "plan", str(added.id)),
        (C, "participant", str(added.id)),  # the person on their own team
        (C, "participant", str(added.id)),  # Pia
    ]
    assert "Nils Nilsen" in _names(pia)
    plan = plans.get_open_plan(pia, added.id)
    assert plan is not None and plan.period_start == TODAY
    [nils, me] = team.list_participants(pia, plan.id)
    assert (nils.name, nils.role) == ("Nils Nilsen", ParticipantRole.PERSON)
    assert (me.name, me.role, me.account_id) == (
        "Pia",
        ParticipantRole.PRACTITIONER,
        world.pia.account_id,
    )
    goals.add_goal(pia, plan.id, LifeDomain.HOUSING, "Bo for meg selv")
    with pytest.raises(AccessDenied, match=re.escape(NOT_ON_TEAM)):
        people.get_person(world.ctx(world.ola), added.id)
    assert _chain_ok(world.db)


def test_linking_an_account_to_a_team_member_puts_them_on_the_team(world: World) -> None:
    ola = world.ctx(world.ola)
    with pytest.raises(AccessDenied):
        people.get_person(ola, world.kari)
    joined = team.add_participant(
        world.ctx(world.pia), world.plan, "practitioner", "Ola", account_id=world.ola.account_id
    )
    assert joined.account_id == world.ola.account_id
    assert people.get_person(ola, world.kari).full_name == "Kari Nordmann"
    team.update_participant(world.ctx(world.pia), joined.id, None, account_id=None)
    with pytest.raises(AccessDenied, match=re.escape(NOT_ON_TEAM)):
        people.get_person(ola, world.kari)


# --- worker's notes ---------------------------------------------------------------------


def _worker_notes(value: object) -> Iterator[str]:
    """Every ``worker_note`` anywhere in a tree of dataclasses, tuples and lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            child = getattr(value, item.name)
            if item.name == "worker_note":
                yield child
            else:
                yield from _worker_notes(child)
    elif isinstance(value, (tuple, list)):
        for child in value:
            yield from _worker_notes(child)


def test_worker_notes_never_reach_a_peer_worker(world: World) -> None:
    per = world.ctx(world.per)
    view = load_plan_view(per, world.kari, include_worker_notes=True)
    assert view is not None and not view.include_worker_notes
    notes = list(_worker_notes(view))
    assert len(notes) == 5  # two goals, two steps, one meeting: all walked, all empty
    assert set(notes) == {""}
    for read in (
        goals.list_goals(per, world.plan),
        goals.get_goal(per, world.goal),
        goals.get_step(per, world.pia_step),
        meetings.list_meetings(per, world.plan),
        goals.update_step(per, world.per_step, None, status=StepStatus.IN_PROGRESS),
    ):
        assert set(_worker_notes(read)) <= {""}
        assert "SECRET" not in repr(read)


def test_worker_notes_reach_the_practitioner_and_a_glass_breaking_admin(world: World) -> None:
    expected = [GOAL_NOTE, "", STEP_NOTE, "", MEETING_NOTE]
    for who in ("pia", "lea"):
        view = load_plan_view(world.ctx(getattr(world, who)), world.kari, include_worker_notes=True)
        assert view is not None and view.include_worker_notes
        assert sorted(_worker_notes(view)) == sorted(expected)
    pia = world.ctx(world.pia)
    assert goals.get_goal(pia, world.goal).worker_note == GOAL_NOTE
    assert goals.get_step(pia, world.pia_step).worker_note == STEP_NOTE
    assert [m.worker_note for m in meetings.list_meetings(pia, world.plan)] == [MEETING_NOTE]
    shared = load_plan_view(pia, world.kari)  # meeting mode: not asked for
    assert shared is not None and set(_worker_notes(shared)) == {""}
    ada = world.ctx(world.ada)
    access.break_glass(ada, world.kari, "Tilsynssak")
    glass = load_plan_view(ada, world.kari, include_worker_notes=True)
    assert glass is not None and GOAL_NOTE in list(_worker_notes(glass))


def test_opening_a_plan_is_in_the_persons_trail(world: World) -> None:
    before = _last_seq(world.db)
    load_plan_view(world.ctx(world.per), world.kari, include_worker_notes=True)
    load_plan_view(world.ctx(world.pia), world.kari, include_worker_notes=True)
    events = trail.events_for(world.ctx(world.lea), world.kari)
    newest = [(e.account, e.action, e.detail) for e in events if e.seq > before]
    assert newest == [  # newest first; asking for the notes is refused to the peer, and kept
        ("pia", audit.Action.OPEN_PERSON, "with workers' notes"),
        ("per", audit.Action.REFUSED, "Your account may not read workers' notes."),
        ("per", audit.Action.OPEN_PERSON, ""),
    ]


def test_a_refresh_of_an_opened_plan_is_not_a_new_opening_but_follows_the_rules(
    world: World,
) -> None:
    before = _last_seq(world.db)
    view = load_plan_view(world.ctx(world.per), world.kari, record_open=False)
    assert view is not None and view.person.full_name == "Kari Nordmann"
    assert _events(world.db, before) == []
    with pytest.raises(AccessDenied) as denied:
        load_plan_view(world.ctx(world.ola), world.kari, record_open=False)
    assert str(denied.value) == NOT_ON_TEAM
    refreshed = load_plan_view(
        world.ctx(world.per), world.kari, include_worker_notes=True, record_open=False
    )
    assert refreshed is not None and set(_worker_notes(refreshed)) == {""}


# --- the trail says what changed, never the words ------------------------------------------

WORDS = "Blåbærturen med Áilu"


def test_the_trail_names_fields_but_never_holds_the_words(world: World) -> None:
    pia = world.ctx(world.pia)
    people.update_person(pia, world.kari, None, what_matters=WORDS, strengths=WORDS)
    goal = goals.add_goal(pia, world.plan, LifeDomain.LEISURE, WORDS, worker_note=WORDS)
    goals.update_goal(pia, goal.id, None, own_words=WORDS + "!", worker_note=WORDS + "?")
    step = goals.add_step(pia, goal.id, WORDS, worker_note=WORDS)
    goals.update_step(pia, step.id, None, action=WORDS + ".")
    team.add_participant(pia, world.plan, "network", WORDS, phone="+47 400 00 000")
    contributions.add_contribution(
        pia, world.plan, world.per_p, TODAY, 5, "phone_or_message", note=WORDS
    )
    meetings.add_meeting(pia, world.plan, TODAY, shared_notes=WORDS, worker_note=WORDS)
    reviews.add_review(pia, world.plan, TODAY, what_helped=WORDS, what_got_in_the_way=WORDS)
    crisis.save_crisis_plan(
        pia,
        world.plan,
        None,
        triggers=WORDS,
        contacts=[crisis.CrisisContactInput(WORDS, WORDS, "113")],
    )
    with world.db.sessions() as session:
        events = session.scalars(select(AuditEvent)).all()
        assert audit.verify_chain(session).ok
    for event in events:
        for column in AuditEvent.__table__.columns:
            value = str(getattr(event, column.key))
            assert "Blåbær" not in value and "Áilu" not in value, (column.key, value)
    details = {e.detail for e in events if e.account == "pia"}
    assert "changed: strengths, what_matters" in details
    assert "changed: own_words, worker_note" in details
    assert "changed: contacts, triggers" in details


def test_a_refused_change_changes_nothing(world: World) -> None:
    with pytest.raises(AccessDenied):
        goals.update_goal(world.ctx(world.ola), world.goal, None, own_words="Noe annet")
    assert goals.get_goal(world.system, world.goal).own_words == "Egen leilighet"
    with pytest.raises(AccessDenied):
        people.delete_person(world.ctx(world.per), world.kari, None)
    assert people.get_person(world.system, world.kari).full_name == "Kari Nordmann"


def test_the_peer_hours_report_is_for_team_leads_and_audited_per_person(world: World) -> None:
    from caseplan.reports.peer_hours_csv import peer_hours_csv
    from caseplan.services.peers.peer_hours import export_peer_hours, peer_hours

    refused = "Only a team lead or an administrator can see the peer hours report."
    for who in ("pia", "ola", "per", "pal"):
        ctx = world.ctx(getattr(world, who))
        before = _last_seq(world.db)
        acts: list[Callable[[], object]] = [
            functools.partial(peer_hours, ctx, START, TODAY),
            functools.partial(export_peer_hours, ctx, START, TODAY, "csv", peer_hours_csv, print),
        ]
        for act in acts:
            with pytest.raises(AccessDenied) as denied:
                act()
            assert str(denied.value) == refused, who
        kept = [(audit.Action.REFUSED, "peer_hours_report", "")] * 2  # each try, refused
        assert _events(world.db, before) == kept, who
    lea = world.ctx(world.lea)
    report = peer_hours(lea, START, TODAY)
    assert (report.contributions, report.people_supported) == (2, 1)
    before = _last_seq(world.db)
    export_peer_hours(lea, START, TODAY, "pdf", lambda r: b"%PDF", lambda d: None)
    assert _events(world.db, before) == [("print", "peer_hours", str(world.kari))]
    # an administrator counts only whom they may see: no one until the glass is broken
    assert peer_hours(world.ctx(world.ada), START, TODAY).peers == ()
    assert _chain_ok(world.db)
