"""The people list (caseload) and a person's own details.

Everyone sees only the people their account may see (:func:`access.visible_people`);
every change is recorded in the audit trail in the same transaction.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, fields
from datetime import date, timedelta
from enum import StrEnum
from typing import Any, TypedDict, Unpack

from sqlalchemy import ColumnElement, Select, false, func, select
from sqlalchemy.orm import Session

from caseplan.errors import InvalidInput, tr_noop
from caseplan.models import (
    Account,
    Language,
    Participant,
    ParticipantRole,
    Person,
    Plan,
    PlanStatus,
    Role,
)
from caseplan.models.names import fold_query, search_key, sort_key
from caseplan.models.text import clean_text
from caseplan.services.context import Context, check_version
from caseplan.services.security import access, audit
from caseplan.services.security.access import Action
from caseplan.services.shared import check_unknown, load


@dataclass(frozen=True)
class PersonSummary:
    """One row of the caseload."""

    id: uuid.UUID
    full_name: str
    preferred_name: str
    next_review: date | None
    plan_status: PlanStatus | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "full_name": self.full_name,
            "preferred_name": self.preferred_name,
            "next_review": self.next_review.isoformat() if self.next_review else None,
            "plan_status": self.plan_status.value if self.plan_status else None,
        }


@dataclass(frozen=True)
class PersonDetails:
    """A person's own details and "about me", as the workspace shows them."""

    id: uuid.UUID
    version: int
    full_name: str
    preferred_name: str = ""
    date_of_birth: date | None = None
    preferred_language: Language = Language.NB
    what_matters: str = ""
    strengths: str = ""
    what_helps: str = ""
    what_does_not_help: str = ""
    how_i_want_to_be_met: str = ""


class PersonFields(TypedDict, total=False):
    """What :func:`create_person` takes besides the full name."""

    preferred_name: str
    date_of_birth: date | None
    preferred_language: Language | str
    what_matters: str
    strengths: str
    what_helps: str
    what_does_not_help: str
    how_i_want_to_be_met: str


class PersonChanges(PersonFields, total=False):
    """What :func:`update_person` may change."""

    full_name: str


EDITABLE = tuple(f.name for f in fields(PersonDetails) if f.name not in ("id", "version"))


def _caseload_base() -> Select[Any]:
    open_plan = (
        select(Plan.person_id, Plan.next_review, Plan.status)
        .where(Plan.status != PlanStatus.CLOSED)
        .subquery()
    )
    return select(
        Person.id,
        Person.full_name,
        Person.preferred_name,
        open_plan.c.next_review,
        open_plan.c.status,
    ).outerjoin(open_plan, open_plan.c.person_id == Person.id)


# Built once: a statement is never changed in place, only copied with more added.
_CASELOAD = _caseload_base()
_COUNT = select(func.count(Person.id))


class Shown(StrEnum):
    """Which part of the caseload to show."""

    ALL = "all"
    MINE = "mine"  #: people whose team the account is on
    OVERDUE = "overdue"  #: the next review date has passed
    DUE_SOON = "due_soon"  #: the next review is within the next 30 days

    def where(self, ctx: Context) -> ColumnElement[bool] | None:
        today = ctx.today()
        open_plans = select(Plan.person_id).where(Plan.status != PlanStatus.CLOSED)
        if self is Shown.MINE:
            if ctx.actor.account_id is None:
                return false()
            return Person.id.in_(
                open_plans.join(Participant, Participant.plan_id == Plan.id).where(
                    Participant.account_id == ctx.actor.account_id
                )
            )
        if self is Shown.OVERDUE:
            return Person.id.in_(open_plans.where(Plan.next_review < today))
        if self is Shown.DUE_SOON:
            return Person.id.in_(
                open_plans.where(Plan.next_review.between(today, today + DUE_SOON_DAYS))
            )
        return None


DUE_SOON_DAYS = timedelta(days=30)


def _caseload_query(ctx: Context, search: str | None, shown: Shown) -> Select[Any]:
    return _narrowed(ctx, _CASELOAD, search, shown)


def _narrowed(
    ctx: Context, query: Select[Any], search: str | None, shown: Shown = Shown.ALL
) -> Select[Any]:
    """``query`` (over ``persons``) narrowed to whom the actor may see, ``shown`` and
    ``search``."""
    query = access.visible_people(ctx, query)
    condition = Shown(shown).where(ctx)
    if condition is not None:
        query = query.where(condition)
    if search and search.strip():
        if not _could_be_in_a_name(search):
            return query.where(false())
        pattern = "%" + _escape_like(fold_query(search.strip())) + "%"
        query = query.where(Person.search_key.like(pattern, escape="\\"))
    return query


def _could_be_in_a_name(text: str) -> bool:
    """Names never hold control or direction characters, so such a search finds no one."""
    try:
        clean_text(text, field="", max_length=len(text), multiline=False)
    except InvalidInput:
        return False
    return True


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def list_people(
    ctx: Context,
    search: str | None = None,
    *,
    limit: int | None = None,
    offset: int = 0,
    shown: Shown = Shown.ALL,
) -> list[PersonSummary]:
    """The people the actor may see, in Norwegian name order, optionally only those whose
    name contains ``search`` and only the part of the caseload ``shown``."""
    query = _caseload_query(ctx, search, shown).order_by(Person.sort_key, Person.id).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    with ctx.read() as session:
        return [
            PersonSummary(
                id=row.id,
                full_name=row.full_name,
                preferred_name=row.preferred_name,
                next_review=row.next_review,
                plan_status=_plan_status(row.status),
            )
            for row in session.execute(query)
        ]


def count_people(ctx: Context, search: str | None = None, *, shown: Shown = Shown.ALL) -> int:
    """How many people :func:`list_people` would list, without reading them."""
    # Counted over ``persons`` alone: a person has at most one open plan (a unique index
    # says so), so joining it, as the list does for the review date, changes no count.
    query = _narrowed(ctx, _COUNT, search, shown)
    with ctx.read() as session:
        return int(session.execute(query).scalar_one())


def _plan_status(value: PlanStatus | str | None) -> PlanStatus | None:
    if value is None or isinstance(value, PlanStatus):
        return value
    return PlanStatus(value) if value else None


def _details(person: Person) -> PersonDetails:
    return PersonDetails(
        id=person.id, version=person.version, **{k: getattr(person, k) for k in EDITABLE}
    )


def set_name_keys(person: Person) -> None:
    """Keep the stored search and sort keys in step with the names."""
    person.search_key = search_key(person.full_name, person.preferred_name)
    person.sort_key = sort_key(person.full_name)[:200]


def create_person(ctx: Context, full_name: str, **details: Unpack[PersonFields]) -> PersonDetails:
    """Add a person; their name is required, everything else can come later.

    An account that works only with the people whose team it is on (a practitioner)
    would lose sight of the person at once; so for them a draft plan is opened with the
    account on its team, and the new person is on their caseload.
    """
    check_unknown("person", details, EDITABLE)
    access.require(ctx, Action.CREATE_PERSON)
    with ctx.write() as session:
        person = Person(full_name=full_name, **details)
        if not person.full_name.strip():
            raise InvalidInput(tr_noop("Please write the person's name."))
        set_name_keys(person)
        session.add(person)
        session.flush()
        created = _details(person)
        given = [k for k in EDITABLE if getattr(created, k) not in (None, "")]
        audit.record(
            session,
            ctx.actor,
            audit.Action.CREATE,
            "person",
            str(person.id),
            audit.changed_fields(given),
        )
        if _only_own_team(ctx):
            _open_plan_with_actor(session, ctx, person.id)
        return created


def _only_own_team(ctx: Context) -> bool:
    """Does the actor work only with the people whose team they are on?"""
    return (
        not ctx.actor.system
        and ctx.actor.account_id is not None
        and (access.rule_for(ctx.actor.role, Action.EDIT_PLAN) is access.Rule.TEAM)
    )


def _open_plan_with_actor(session: Session, ctx: Context, person_id: uuid.UUID) -> None:
    account = session.get(Account, ctx.actor.account_id)
    name = (account.display_name if account is not None else "") or ctx.actor.username
    plan = Plan(person_id=person_id, status=PlanStatus.DRAFT, period_start=ctx.today())
    session.add(plan)
    session.flush()
    role = (
        ParticipantRole.PEER if ctx.actor.role is Role.PEER_WORKER else ParticipantRole.PRACTITIONER
    )
    session.add(
        Participant(
            plan_id=plan.id, role=role, name=name, account_id=ctx.actor.account_id, position=0
        )
    )
    session.flush()
    audit.record(
        session,
        ctx.actor,
        audit.Action.CREATE,
        "plan",
        str(person_id),
        audit.changed_fields(["period_start", "status"]),
    )
    audit.record(
        session,
        ctx.actor,
        audit.Action.CREATE,
        "participant",
        str(person_id),
        audit.changed_fields(["account_id", "name", "role"]),
    )


def get_person(ctx: Context, person_id: uuid.UUID) -> PersonDetails:
    with ctx.read() as session:
        access.require(ctx, Action.VIEW_PERSON, person_id, session=session)
        return _details(load(session, Person, person_id))


def update_person(
    ctx: Context,
    person_id: uuid.UUID,
    expected_version: int | None,
    **changes: Unpack[PersonChanges],
) -> PersonDetails:
    """Change some of a person's details, unless someone changed them since they were read."""
    check_unknown("person", changes, EDITABLE)
    with ctx.write() as session:
        access.require(ctx, Action.EDIT_PLAN, person_id, session=session)
        person = load(session, Person, person_id)
        check_version("person", person.version, expected_version)
        before = _details(person)
        for key, value in changes.items():
            setattr(person, key, value)
        if not person.full_name.strip():
            raise InvalidInput(tr_noop("Please write the person's name."))
        set_name_keys(person)
        session.flush()
        after = _details(person)
        changed = [k for k in EDITABLE if getattr(before, k) != getattr(after, k)]
        if changed:
            audit.record(
                session,
                ctx.actor,
                audit.Action.CHANGE,
                "person",
                str(person_id),
                audit.changed_fields(changed),
            )
        return after


def delete_person(ctx: Context, person_id: uuid.UUID, expected_version: int | None) -> None:
    """Remove a person and all their plans (a team lead's task; the audit trail is kept)."""
    with ctx.write() as session:
        access.require(ctx, Action.DELETE_PERSON, session=session)
        person = load(session, Person, person_id)
        check_version("person", person.version, expected_version)
        session.delete(person)
        session.flush()
        audit.record(session, ctx.actor, audit.Action.DELETE, "person", str(person_id))
