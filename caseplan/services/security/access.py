"""Who may do what: the rules written once, as a table of role × action.

A cell is a :class:`Rule`. ``ALLOW`` and ``DENY`` need nothing else; the others depend on
the person concerned:

- ``TEAM``: the account is on the person's team, i.e. a participant of the person's open
  plan has ``account_id`` = the account; when all of the person's plans are closed, the
  team of the newest of them still counts (so its practitioner can start the next plan).
- ``TEAM_WITH_CONSENT``: on the team of the person's open plan, and on that participant row
  the person has consented (``consent_scope`` is not ``none``, granted no later than today,
  not expired before today), and that plan holds the person's consent to peer involvement
  (``peer_consent_granted_on`` given, no later than today; ``peer_consent_expires_on`` not
  before today).
- ``BREAK_GLASS``: the account recorded a reason with :func:`break_glass` for this person
  since the start of today (it is in the audit trail); tomorrow it needs a new reason.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Select, String, exists, false, or_, select, true
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.functions import FunctionElement

from caseplan.errors import AccessDenied, InvalidInput, NotFound, tr_noop
from caseplan.models import (
    AuditEvent,
    ConsentScope,
    Participant,
    Person,
    Plan,
    PlanStatus,
    Role,
)
from caseplan.models.text import clean_text
from caseplan.services.context import Context
from caseplan.services.security import audit


class Action(StrEnum):
    VIEW_PERSON = "view_person"
    CREATE_PERSON = "create_person"
    DELETE_PERSON = "delete_person"
    EDIT_PLAN = "edit_plan"
    VIEW_WORKER_NOTES = "view_worker_notes"
    ADD_CONTRIBUTION = "add_contribution"
    PRINT_PLAN = "print_plan"
    EXPORT = "export"
    IMPORT = "import"
    MANAGE_ACCOUNTS = "manage_accounts"
    VIEW_AUDIT = "view_audit"
    BACKUP = "backup"
    PRINT_DUE = "print_due"
    PEER_HOURS_REPORT = "peer_hours_report"
    CLOSE_PLAN = "close_plan"
    CLINIC_SETTINGS = "clinic_settings"
    #: the overview's counts and lists (a practitioner's cover only their own people)
    VIEW_OVERVIEW = "view_overview"
    #: the team's charts and the monthly summary (figures, never a group under five)
    TEAM_FIGURES = "team_figures"
    #: "what people say helps": shared words from reviews, without names
    WHAT_PEOPLE_SAY = "what_people_say"


class Rule(StrEnum):
    ALLOW = "allow"
    DENY = "deny"
    TEAM = "team"
    TEAM_WITH_CONSENT = "team_with_consent"
    BREAK_GLASS = "break_glass"


A, D, T, C, G = Rule.ALLOW, Rule.DENY, Rule.TEAM, Rule.TEAM_WITH_CONSENT, Rule.BREAK_GLASS
P, L, W, M = Role.PRACTITIONER, Role.TEAM_LEAD, Role.PEER_WORKER, Role.ADMIN

#: The rules. Columns: practitioner, team lead, peer worker, admin.
TABLE: dict[Action, dict[Role, Rule]] = {
    action: dict(zip((P, L, W, M), cells, strict=True))
    for action, cells in {
        Action.VIEW_PERSON: (T, A, C, G),
        Action.CREATE_PERSON: (A, A, D, D),
        Action.DELETE_PERSON: (D, A, D, D),
        Action.EDIT_PLAN: (T, A, D, D),
        Action.VIEW_WORKER_NOTES: (T, A, D, G),
        Action.ADD_CONTRIBUTION: (T, A, C, D),
        Action.PRINT_PLAN: (T, A, C, G),
        Action.EXPORT: (T, A, D, G),
        Action.IMPORT: (A, A, D, A),
        Action.MANAGE_ACCOUNTS: (D, D, D, A),
        Action.VIEW_AUDIT: (D, A, D, A),
        Action.BACKUP: (D, A, D, A),
        Action.PRINT_DUE: (D, A, D, D),
        Action.PEER_HOURS_REPORT: (D, A, D, A),
        Action.CLOSE_PLAN: (T, A, D, D),
        Action.CLINIC_SETTINGS: (D, A, D, A),
        Action.VIEW_OVERVIEW: (A, A, D, D),
        Action.TEAM_FIGURES: (D, A, D, D),
        Action.WHAT_PEOPLE_SAY: (D, A, D, D),
    }.items()
}

#: Actions about one person: their rules may depend on who the person is.
PERSON_ACTIONS = frozenset(
    {
        Action.VIEW_PERSON,
        Action.EDIT_PLAN,
        Action.VIEW_WORKER_NOTES,
        Action.ADD_CONTRIBUTION,
        Action.PRINT_PLAN,
        Action.EXPORT,
        Action.CLOSE_PLAN,
    }
)

_DENIED: dict[Action, str] = {
    Action.VIEW_PERSON: tr_noop("Your account may not open this person's plan."),
    Action.CREATE_PERSON: tr_noop("Your account may not add people."),
    Action.DELETE_PERSON: tr_noop("Only a team lead can remove a person and all their plans."),
    Action.EDIT_PLAN: tr_noop("Your account may not change this person's plan."),
    Action.VIEW_WORKER_NOTES: tr_noop("Your account may not read workers' notes."),
    Action.ADD_CONTRIBUTION: tr_noop("Your account may not record peer contributions here."),
    Action.PRINT_PLAN: tr_noop("Your account may not print this person's plan."),
    Action.EXPORT: tr_noop("Your account may not export this person's plan."),
    Action.IMPORT: tr_noop("Your account may not import plans."),
    Action.MANAGE_ACCOUNTS: tr_noop("Only an administrator can manage accounts."),
    Action.VIEW_AUDIT: tr_noop("Only a team lead or an administrator can read the audit trail."),
    Action.BACKUP: tr_noop("Only a team lead or an administrator can make or restore backups."),
    Action.PRINT_DUE: tr_noop("Only a team lead can print the plans that are due."),
    Action.PEER_HOURS_REPORT: tr_noop(
        "Only a team lead or an administrator can see the peer hours report."
    ),
    Action.CLOSE_PLAN: tr_noop("Your account may not close this person's plan."),
    Action.CLINIC_SETTINGS: tr_noop(
        "Only a team lead or an administrator can change the clinic's settings."
    ),
    Action.VIEW_OVERVIEW: tr_noop("Only practitioners and team leads have an overview."),
    Action.TEAM_FIGURES: tr_noop("Only a team lead can see the team's figures."),
    Action.WHAT_PEOPLE_SAY: tr_noop("Only a team lead can read what people say helps."),
}
NOT_ON_TEAM = tr_noop(
    "This person is not among the people your account may open (you are not on their team)."
)
NO_PEER_CONSENT = tr_noop(
    "This person has not consented to peer involvement, so a peer worker cannot open their plan."
)
NEEDS_BREAK_GLASS = tr_noop(
    "An administrator must record a reason (break the glass) before opening a person's plan."
)
REASON_LIMIT = 500
#: A reason a team lead can read afterwards, not "." or "x".
REASON_LETTERS = 10


def rule_for(role: Role, action: Action) -> Rule:
    return TABLE[Action(action)][Role(role)]


def _rule(ctx: Context, action: Action) -> Rule:
    """The actor's cell; the program itself (``SYSTEM``) passes every rule."""
    return Rule.ALLOW if ctx.actor.system else rule_for(ctx.actor.role, action)


# --- conditions as SQL, so the same rule filters lists and checks one person ---------------


def _last_plan() -> ColumnElement[bool]:
    """``Plan`` is the person's plan that counts for their team: the open one, or, when
    every plan of theirs is closed, the newest of them.

    A later plan counts only once someone with an account is on its team: until then the
    last team goes on (the next plan is being started, its team not yet copied; the same
    rule as the server's, migration 0012)."""
    other = aliased(Plan)
    staffed = exists(
        select(Participant.id).where(
            Participant.plan_id == other.id, Participant.account_id.is_not(None)
        )
    )
    newer_or_open = exists(
        select(other.id).where(
            other.person_id == Plan.person_id,
            other.id != Plan.id,
            or_(other.status != PlanStatus.CLOSED, other.created_at > Plan.created_at),
            staffed,
        )
    )
    return or_(Plan.status != PlanStatus.CLOSED, ~newer_or_open)


def _on_team(
    account_id: uuid.UUID | None, *extra: ColumnElement[bool], closed_too: bool = False
) -> ColumnElement[bool]:
    """The account is on the team of the person's open plan; with ``closed_too``, also on
    the team of their last plan when all of their plans are closed (so a practitioner can
    still start the next plan with the person)."""
    if account_id is None:
        return false()  # a system actor is on no one's team
    which = _last_plan() if closed_too else Plan.status != PlanStatus.CLOSED
    # An uncorrelated IN runs once (using participants.account_id), not once per person.
    return Person.id.in_(
        select(Plan.person_id)
        .join(Participant, Participant.plan_id == Plan.id)
        .where(which, Participant.account_id == account_id, *extra)
    )


def team_of(account_id: uuid.UUID | None) -> ColumnElement[bool]:
    """The people whose team the account is on (see :data:`Rule.TEAM`), for lists."""
    return _on_team(account_id, closed_too=True)


def _consented(today: date) -> tuple[ColumnElement[bool], ...]:
    return (
        Participant.consent_scope != ConsentScope.NONE,
        or_(Participant.consent_granted_on.is_(None), Participant.consent_granted_on <= today),
        or_(Participant.consent_expires_on.is_(None), Participant.consent_expires_on >= today),
    )


def _peer_consented(today: date) -> tuple[ColumnElement[bool], ...]:
    return (
        Plan.peer_consent_granted_on.is_not(None),
        Plan.peer_consent_granted_on <= today,
        or_(Plan.peer_consent_expires_on.is_(None), Plan.peer_consent_expires_on >= today),
    )


def _since_local_midnight(today: date) -> datetime:
    """Start of ``today`` on this computer's clock, in UTC (how the audit stores time)."""
    local_zone = datetime.now(UTC).astimezone().tzinfo
    return datetime.combine(today, time.min, tzinfo=local_zone).astimezone(UTC)


def _broke_glass(username: str, today: date) -> ColumnElement[bool]:
    since = _since_local_midnight(today)
    return exists(
        select(AuditEvent.seq).where(
            AuditEvent.action == audit.Action.BREAK_GLASS,
            AuditEvent.account == username,
            AuditEvent.entity_id == uuid_text(Person.id),
            AuditEvent.at >= since,
        )
    )


class uuid_text(FunctionElement[str]):
    """A UUID column as the text ``str(uuid)`` gives, as the audit trail stores ids."""

    type = String()
    name = "uuid_text"
    inherit_cache = True


@compiles(uuid_text, "postgresql")
def _uuid_text_postgresql(element: uuid_text, compiler: Any, **kw: Any) -> str:
    return f"CAST({compiler.process(element.clauses, **kw)} AS TEXT)"


@compiles(uuid_text)
def _uuid_text_sqlite(element: uuid_text, compiler: Any, **kw: Any) -> str:
    # SQLite keeps UUIDs as 32 lower-case hex digits; add the dashes.
    x = compiler.process(element.clauses, **kw)
    parts = [f"substr({x}, {start}, {length})" for start, length in _UUID_GROUPS]
    return "(" + " || '-' || ".join(parts) + ")"


_UUID_GROUPS = ((1, 8), (9, 4), (13, 4), (17, 4), (21, 12))


def _condition(ctx: Context, rule: Rule) -> ColumnElement[bool]:
    actor = ctx.actor
    if rule is Rule.ALLOW:
        return true()
    if rule is Rule.TEAM:
        return _on_team(actor.account_id, closed_too=True)
    if rule is Rule.TEAM_WITH_CONSENT:
        today = ctx.today()
        return _on_team(actor.account_id, *_consented(today), *_peer_consented(today))
    if rule is Rule.BREAK_GLASS:
        return _broke_glass(actor.username, ctx.today())
    return false()


def visible_people(
    ctx: Context, query: Select[Any], action: Action = Action.VIEW_PERSON
) -> Select[Any]:
    """``query`` (which selects from ``persons``) narrowed to whom the actor may ``action``."""
    rule = _rule(ctx, action)
    if rule is Rule.ALLOW:
        return query
    return query.where(_condition(ctx, rule))


def can(
    ctx: Context,
    action: Action,
    person_id: uuid.UUID | None = None,
    *,
    session: Session | None = None,
) -> bool:
    try:
        require(ctx, action, person_id, session=session, quiet=True)
    except AccessDenied:
        return False
    return True


def require(
    ctx: Context,
    action: Action,
    person_id: uuid.UUID | None = None,
    *,
    session: Session | None = None,
    quiet: bool = False,
) -> None:
    """Raise :class:`AccessDenied` with one sentence unless the actor may do ``action``.

    Pass ``session`` to check inside the caller's transaction. The refusal is kept in the
    audit trail, in a transaction of its own (:meth:`Context.refused`), unless ``quiet``:
    only for asking whether to offer something (:func:`can`), never for doing it.
    """
    try:
        _require(ctx, Action(action), person_id, session)
    except AccessDenied as refusal:
        refusal.action = str(action)
        refusal.person_id = "" if person_id is None else str(person_id)
        if quiet:
            refusal.recorded = True  # a question, not an attempt: nothing to keep
        else:
            ctx.refused(refusal)
        raise


def refuse_quietly(ctx: Context, action: Action, person_id: uuid.UUID | None = None) -> None:
    """Keep a refusal in the audit trail where the work goes on without what was refused
    (a plan opened without the workers' notes asked for), so nothing is raised."""
    refusal = AccessDenied(_DENIED[action])
    refusal.action = str(action)
    refusal.person_id = "" if person_id is None else str(person_id)
    ctx.refused(refusal)


def _require(
    ctx: Context, action: Action, person_id: uuid.UUID | None, session: Session | None
) -> None:
    rule = _rule(ctx, action)
    if rule is Rule.ALLOW:
        return
    if rule is Rule.DENY:
        raise AccessDenied(_DENIED[action])
    if person_id is None:
        raise TypeError(f"{action} needs the person it is about")
    if session is None:
        with ctx.read() as own:
            refusal = _person_refusal(own, ctx, action, rule, person_id)
    else:
        refusal = _person_refusal(session, ctx, action, rule, person_id)
    if refusal is not None:
        raise refusal


def _person_refusal(
    session: Session, ctx: Context, action: Action, rule: Rule, person_id: uuid.UUID
) -> AccessDenied | None:
    """Why the actor may not do ``action`` for this person, or None if they may.

    (Returned, not raised, so the refusal is kept by :func:`require` alone.)
    """
    allowed = session.execute(
        select(Person.id).where(Person.id == person_id, _condition(ctx, rule))
    ).first()
    if allowed is not None:
        return None
    if rule is Rule.BREAK_GLASS:  # an administrator, who holds the clinic key anyway
        if session.get(Person, person_id) is None:
            raise NotFound(tr_noop("This person is not in the database."))
        return AccessDenied(NEEDS_BREAK_GLASS)
    # Whether the person exists at all is not said to someone who may not open them: a
    # person off their team and an id that names no one get the same sentence.
    if action is not Action.VIEW_PERSON:
        return AccessDenied(_DENIED[action])
    if rule is Rule.TEAM_WITH_CONSENT:
        on_team = session.execute(
            select(Person.id).where(Person.id == person_id, _on_team(ctx.actor.account_id))
        ).first()
        if on_team is not None:
            return AccessDenied(NO_PEER_CONSENT)
    return AccessDenied(NOT_ON_TEAM)


def break_glass(ctx: Context, person_id: uuid.UUID, reason: str) -> None:
    """Record why an administrator must open this person's plan; valid for the rest of today."""
    if rule_for(ctx.actor.role, Action.VIEW_PERSON) is not Rule.BREAK_GLASS:
        raise AccessDenied(tr_noop("Only an administrator needs to break the glass."))
    reason = clean_text(reason, field="Reason", max_length=REASON_LIMIT, multiline=False).strip()
    if not reason:
        raise InvalidInput(tr_noop("Please write why you need to open this person's plan."))
    if sum(1 for char in reason if char.isalpha()) < REASON_LETTERS:
        raise InvalidInput(
            tr_noop(
                "Write in a few words why you need to open this person's plan "
                "(at least {count} letters); the reason is kept in the audit trail."
            ),
            count=REASON_LETTERS,
        )
    with ctx.write() as session:
        if session.get(Person, person_id) is None:
            raise NotFound(tr_noop("This person is not in the database."))
        audit.record(session, ctx.actor, audit.Action.BREAK_GLASS, "person", str(person_id), reason)
