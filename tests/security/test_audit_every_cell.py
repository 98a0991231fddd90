"""Every cell of the role × action table leaves an audit event, allowed or refused.

Each account of each role tries each action through the service that does it (not through
the access check alone), on a person whose team it is on (with consent, for the peer
worker). Whether the cell allows it decides which event must follow: the action's own
event, or a ``refused`` event naming the action, written in its own transaction, so a
refusal is never rolled back with the work. Either way the event keeps the account's full
name and its role at that moment.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from caseplan.errors import CaseplanError
from caseplan.models import AuditEvent, Participant, Plan, Role
from caseplan.reports.printing import plan_pdf, print_due
from caseplan.services.clinic import backup, settings
from caseplan.services.clinic.opened import OpenClinic
from caseplan.services.context import SYSTEM, Actor, Context
from caseplan.services.exchange.exchange import export_person, import_person
from caseplan.services.overview.lists import signal_list
from caseplan.services.overview.signals import Signal
from caseplan.services.overview.voices import what_helps
from caseplan.services.peers.contributions import add_contribution
from caseplan.services.peers.peer_hours import peer_hours
from caseplan.services.people import people
from caseplan.services.plans import plans
from caseplan.services.plans.plan_view import load_plan_view
from caseplan.services.security import access, accounts, audit, trail
from caseplan.services.security.access import Action, Rule
from caseplan.storage.database import Database
from caseplan.storage.secret import Secret
from tests.security.conftest import TODAY, World
from tests.support import TEST_KEY

ROLES = {
    Role.PRACTITIONER: "practitioner",
    Role.TEAM_LEAD: "lead",
    Role.PEER_WORKER: "peer",
    Role.ADMIN: "admin",
}


@dataclass
class Stage:
    """What the tries act on: the person's plan, their peer on the team, and the folder."""

    db: Database
    world: World
    plan: uuid.UUID
    peer_member: uuid.UUID
    folder: Path
    days: int = 0

    def another_day(self) -> date:
        """A review date the plan does not have yet (a change that really changes)."""
        self.days += 1
        return TODAY + timedelta(days=self.days)

    def fresh_person(self) -> uuid.UUID:
        return people.create_person(Context(self.db.sessions, today=lambda: TODAY), "Ny").id

    def fresh_plan(self) -> uuid.UUID:
        """An open plan of a new person with the practitioner on its team (to close)."""
        practitioner = self.world.ctx(self.db, self.world.practitioner)
        person = people.create_person(practitioner, "Ny", with_plan=True).id
        system = Context(self.db.sessions, today=lambda: TODAY)
        plan = plans.get_open_plan(system, person, record=False)
        assert plan is not None
        return plan.id

    def fresh_document(self) -> bytes:
        system = Context(self.db.sessions, today=lambda: TODAY)
        someone = self.fresh_person()
        data = export_person(system, someone)
        people.delete_person(system, someone, None)
        return data


Try = Callable[[Context, Stage], object]


def _backup(ctx: Context, stage: Stage) -> object:
    clinic = OpenClinic(stage.db, ctx, Secret(TEST_KEY))
    return backup.backup(clinic, stage.folder / f"{uuid.uuid4().hex}.db")


TRIES: dict[Action, Try] = {
    Action.VIEW_PERSON: lambda c, s: load_plan_view(c, s.world.consented),
    Action.CREATE_PERSON: lambda c, s: people.create_person(c, "Nils Nilsen"),
    Action.DELETE_PERSON: lambda c, s: people.delete_person(c, s.fresh_person(), None),
    Action.EDIT_PLAN: lambda c, s: plans.update_plan(c, s.plan, None, next_review=s.another_day()),
    Action.VIEW_WORKER_NOTES: lambda c, s: load_plan_view(
        c, s.world.consented, include_worker_notes=True
    ),
    Action.ADD_CONTRIBUTION: lambda c, s: add_contribution(
        c, s.plan, s.peer_member, TODAY, 30, "meeting"
    ),
    Action.PRINT_PLAN: lambda c, s: plan_pdf(c, s.world.consented),
    Action.EXPORT: lambda c, s: export_person(c, s.world.consented),
    Action.IMPORT: lambda c, s: import_person(c, s.fresh_document()),
    Action.MANAGE_ACCOUNTS: lambda c, s: accounts.create_account(
        c, f"new{uuid.uuid4().hex[:6]}", "New Colleague", Role.PRACTITIONER, "x", allow_weak=True
    ),
    Action.VIEW_AUDIT: lambda c, s: trail.recent_events(c),
    Action.BACKUP: _backup,
    Action.PRINT_DUE: lambda c, s: print_due(
        c, TODAY + timedelta(days=365), s.folder / f"{uuid.uuid4().hex}.pdf"
    ),
    Action.PEER_HOURS_REPORT: lambda c, s: peer_hours(c, date(2026, 1, 1), TODAY),
    Action.CLOSE_PLAN: lambda c, s: plans.close_plan(c, s.fresh_plan(), None),
    Action.CLINIC_SETTINGS: lambda c, s: settings.set_review_interval_months(c, 6),
    Action.VIEW_OVERVIEW: lambda c, s: signal_list(c, Signal.REVIEW_OVERDUE),
    Action.WHAT_PEOPLE_SAY: lambda c, s: what_helps(c, date(2026, 1, 1), TODAY),
}
#: Cells of the table that no service asks yet (the team's figures are being built): only
#: their refusals can be tried, through the check itself.
NOT_BUILT = {Action.TEAM_FIGURES}
#: A refusal names the first rule that refused: closing a plan is changing it too, and a
#: worker's note is in a plan one must be able to open first.
REFUSED_AS: dict[Action, set[str]] = {
    Action.CLOSE_PLAN: {"edit_plan", "close_plan"},
    Action.VIEW_WORKER_NOTES: {"view_person", "view_worker_notes"},
}

#: The event an allowed try leaves: (action, what it is about) as the services write them.
ALLOWED_EVENT: dict[Action, tuple[str, str]] = {
    Action.VIEW_PERSON: (audit.Action.OPEN_PERSON, "person"),
    Action.CREATE_PERSON: (audit.Action.CREATE, "person"),
    Action.DELETE_PERSON: (audit.Action.DELETE, "person"),
    Action.EDIT_PLAN: (audit.Action.CHANGE, "plan"),
    Action.VIEW_WORKER_NOTES: (audit.Action.OPEN_PERSON, "person"),
    Action.ADD_CONTRIBUTION: (audit.Action.CREATE, "peer_contribution"),
    Action.PRINT_PLAN: (audit.Action.PRINT, "person"),
    Action.EXPORT: (audit.Action.EXPORT, "person"),
    Action.IMPORT: (audit.Action.IMPORT, "person"),
    Action.MANAGE_ACCOUNTS: (audit.Action.ACCOUNT_CREATED, "account"),
    Action.VIEW_AUDIT: (audit.Action.VIEWED_AUDIT, "database"),
    Action.BACKUP: (audit.Action.BACKUP, "database"),
    Action.PRINT_DUE: (audit.Action.PRINT, "person"),
    Action.PEER_HOURS_REPORT: (audit.Action.VIEWED, "peer_hours"),
    Action.CLOSE_PLAN: (audit.Action.CHANGE, "plan"),
    Action.CLINIC_SETTINGS: (audit.Action.CHANGE, "setting"),
    Action.VIEW_OVERVIEW: (audit.Action.VIEWED_LIST, "overview"),
    Action.WHAT_PEOPLE_SAY: (audit.Action.VIEWED_LIST, "overview"),
}


def _stage(db: Database, world: World, folder: Path) -> Stage:
    with db.sessions() as session:
        plan = session.scalars(select(Plan.id).where(Plan.person_id == world.consented)).one()
        peer = session.scalars(
            select(Participant.id).where(
                Participant.plan_id == plan, Participant.account_id == world.peer.account_id
            )
        ).one()
    ctx = Context(db.sessions, today=lambda: TODAY)
    plans.update_plan(ctx, plan, None, next_review=TODAY)  # due, for printing the plans due
    return Stage(db, world, plan, peer, folder)


def _newest_after(db: Database, seq: int) -> list[AuditEvent]:
    with db.sessions() as session:
        return list(
            session.scalars(select(AuditEvent).where(AuditEvent.seq > seq).order_by(AuditEvent.seq))
        )


def _last(db: Database) -> int:
    with db.sessions() as session:
        return int(session.scalar(select(AuditEvent.seq).order_by(AuditEvent.seq.desc())) or 0)


def _actor(world: World, role: Role) -> Actor:
    return {
        Role.PRACTITIONER: world.practitioner,
        Role.TEAM_LEAD: world.lead,
        Role.PEER_WORKER: world.peer,
        Role.ADMIN: world.admin,
    }[role]


def test_every_cell_of_the_table_leaves_an_event_allowed_or_refused(
    db: Database, world: World, tmp_path: Path
) -> None:
    stage = _stage(db, world, tmp_path)
    embedded = db.location.path is not None
    cells: list[tuple[Role, Action, str]] = []
    for action in Action:
        for role in ROLES:
            actor = _actor(world, role)
            ctx = world.ctx(db, actor)
            rule = access.rule_for(role, action)
            # on this person the practitioner is on the team and the peer has consent; the
            # administrator has not broken the glass
            allowed = rule in (Rule.ALLOW, Rule.TEAM, Rule.TEAM_WITH_CONSENT)
            if action is Action.BACKUP and allowed and not embedded:
                continue  # a server is backed up with pg_dump (its own test)
            if action in NOT_BUILT and allowed:
                continue  # nothing to look at yet, so nothing to keep
            before = _last(db)
            try:
                if action in NOT_BUILT:
                    access.require(ctx, action)
                result = TRIES[action](ctx, stage) if action in TRIES else None
                outcome = "allowed"
                if action is Action.VIEW_WORKER_NOTES and not getattr(
                    result, "include_worker_notes", False
                ):
                    outcome = "refused: the plan was shown without the notes"
            except CaseplanError as error:
                outcome = f"refused: {error}"
            events = [e for e in _newest_after(db, before) if e.account == actor.username]
            assert events, f"{role} {action}: no event at all ({outcome})"
            assert all(
                (e.actor_name, e.actor_role) == (actor.username.title(), str(role)) for e in events
            ), f"{role} {action}: the name and role at the time are kept"
            kinds = {(e.action, e.entity) for e in events}
            if allowed:
                assert outcome == "allowed", f"{role} {action}: {outcome}"
                assert ALLOWED_EVENT[action] in kinds, f"{role} {action}: {kinds}"
                assert (audit.Action.REFUSED, str(action)) not in kinds
            else:
                assert outcome.startswith("refused"), f"{role} {action} was allowed"
                names = REFUSED_AS.get(action, {str(action)})
                refused = {entity for kind, entity in kinds if kind == audit.Action.REFUSED}
                assert refused & names, f"{role} {action}: {kinds}"
            cells.append((role, action, outcome.split(":")[0]))
    not_built = sum(access.rule_for(r, a) is Rule.ALLOW for a in NOT_BUILT for r in ROLES)
    assert len(cells) >= len(Action) * len(ROLES) - not_built - (0 if embedded else 2)
    with db.sessions() as session:
        assert audit.verify_chain(session).ok


def test_a_refusal_is_kept_though_the_work_is_rolled_back(db: Database, world: World) -> None:
    """Refused half-way through a write: the write is gone, the refusal stays."""
    peer = world.ctx(db, world.peer)
    before = _last(db)
    with pytest.raises(CaseplanError):
        people.delete_person(peer, world.consented, None)
    events = _newest_after(db, before)
    assert [(e.action, e.entity, e.entity_id) for e in events] == [
        (audit.Action.REFUSED, "delete_person", "")
    ]
    assert load_plan_view(Context(db.sessions, actor=SYSTEM), world.consented) is not None


def test_asking_whether_something_is_allowed_is_not_a_refusal(db: Database, world: World) -> None:
    """The app asks which buttons to offer; only trying is kept."""
    ctx = world.ctx(db, world.peer)
    before = _last(db)
    assert not access.can(ctx, Action.EXPORT, world.consented)
    assert not access.can(ctx, Action.VIEW_PERSON, world.elsewhere)
    assert _newest_after(db, before) == []


def test_the_peer_without_consent_is_refused_and_it_is_kept(db: Database, world: World) -> None:
    ctx = world.ctx(db, world.peer)
    before = _last(db)
    with pytest.raises(CaseplanError):
        load_plan_view(ctx, world.no_consent)
    [event] = _newest_after(db, before)
    assert (event.action, event.entity, event.entity_id) == (
        audit.Action.REFUSED,
        "view_person",
        str(world.no_consent),
    )
    assert event.detail.startswith("This person has not consented to peer involvement")
