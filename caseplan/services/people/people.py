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

from caseplan.errors import AccessDenied, InvalidInput, tr_noop
from caseplan.models import (
    ConsentGiven,
    Language,
    Participant,
    ParticipantRole,
    Person,
    Plan,
    PlanStatus,
)
from caseplan.models.names import fold_query, set_name_keys
from caseplan.models.text import clean_text
from caseplan.services.context import Context, check_version
from caseplan.services.people import checks
from caseplan.services.people.first_plan import open_first_plan, practitioner_account
from caseplan.services.security import access, audit
from caseplan.services.security.access import Action
from caseplan.services.shared import check_unknown, load, reading, record, record_view


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
    phone: str = ""
    address: str = ""
    plan_consent_on: date | None = None
    plan_consent_how: ConsentGiven | None = None
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
    phone: str
    address: str
    plan_consent_on: date | None
    plan_consent_how: ConsentGiven | str | None
    what_matters: str
    strengths: str
    what_helps: str
    what_does_not_help: str
    how_i_want_to_be_met: str


class PersonChanges(PersonFields, total=False):
    """What :func:`update_person` may change."""

    full_name: str


EDITABLE = tuple(f.name for f in fields(PersonDetails) if f.name not in ("id", "version"))
#: The person's own details (Person → Edit details…); the rest of EDITABLE is "about me".
OWN_DETAILS = (
    "full_name",
    "preferred_name",
    "date_of_birth",
    "preferred_language",
    "phone",
    "address",
    "plan_consent_on",
    "plan_consent_how",
)


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
            return access.team_of(ctx.actor.account_id)
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
    name contains ``search`` and only the part of the caseload ``shown``.

    Showing a list of people is seeing their names: the first page of each query writes
    one ``viewed_list`` event (what was asked for and how many were shown); the further
    pages of the same query, read as the list scrolls, do not.
    """
    query = _caseload_query(ctx, search, shown).order_by(Person.sort_key, Person.id).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    first_page = offset == 0
    with ctx.write() if first_page else ctx.read() as session:
        found = [
            PersonSummary(
                id=row.id,
                full_name=row.full_name,
                preferred_name=row.preferred_name,
                next_review=row.next_review,
                plan_status=_plan_status(row.status),
            )
            for row in session.execute(query)
        ]
        if first_page:
            audit.record(
                session,
                ctx.actor,
                audit.Action.VIEWED_LIST,
                "people",
                "",
                _query_text(search, shown, len(found)),
            )
        return found


def _query_text(search: str | None, shown: Shown, count: int) -> str:
    """What the list showed, for the audit trail: which people, the search, how many."""
    words = [f"shown: {Shown(shown).value}"]
    if search and search.strip():
        words.append(f"search: {audit.safe_label(search.strip(), 64)}")
    words.append(f"people listed: {count}")
    return "; ".join(words)


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


def create_person(
    ctx: Context,
    full_name: str,
    *,
    practitioner_id: uuid.UUID | None = None,
    with_plan: bool | None = None,
    **details: Unpack[PersonFields],
) -> PersonDetails:
    """Add a person; their name is required, everything else can come later.

    With ``with_plan`` the person's first plan is opened at once (a draft starting today,
    reviewed after the clinic's usual time), with the person on its team. A practitioner
    who adds someone is on that team and coordinates it; a team lead may name the
    practitioner (``practitioner_id``). An account that works only with the people whose
    team it is on would otherwise lose sight of the person, so for them the plan is
    always opened.
    """
    check_unknown("person", details, EDITABLE)
    access.require(ctx, Action.CREATE_PERSON)
    given = checks.normalised(details)
    own_team = _only_own_team(ctx)
    if own_team and practitioner_id not in (None, ctx.actor.account_id):
        raise AccessDenied(tr_noop("Only a team lead can add a person for another practitioner."))
    with ctx.write() as session:
        person = Person(full_name=full_name, **given)
        checks.check(person, ctx.today())
        set_name_keys(person)
        session.add(person)
        session.flush()
        created = _details(person)
        named = [k for k in EDITABLE if getattr(created, k) not in (None, "")]
        audit.record(
            session,
            ctx.actor,
            audit.Action.CREATE,
            "person",
            str(person.id),
            audit.changed_fields(named),
        )
        if own_team:
            practitioner_id = ctx.actor.account_id
        if with_plan or own_team or practitioner_id is not None:
            practitioner = None
            if practitioner_id is not None:
                practitioner = practitioner_account(session, practitioner_id)
            open_first_plan(session, ctx, person, practitioner)
        return created


def _only_own_team(ctx: Context) -> bool:
    """Does the actor work only with the people whose team they are on?"""
    return (
        not ctx.actor.system
        and ctx.actor.account_id is not None
        and (access.rule_for(ctx.actor.role, Action.EDIT_PLAN) is access.Rule.TEAM)
    )


def get_person(ctx: Context, person_id: uuid.UUID, *, record: bool = True) -> PersonDetails:
    """The person's names, date of birth, language and "about me" (audited as a view)."""
    with reading(ctx, record=record) as session:
        access.require(ctx, Action.VIEW_PERSON, person_id, session=session)
        details = _details(load(session, Person, person_id))
        record_view(session, ctx, person_id, "about the person", record=record)
        return details


def update_person(
    ctx: Context,
    person_id: uuid.UUID,
    expected_version: int | None,
    **changes: Unpack[PersonChanges],
) -> PersonDetails:
    """Change some of a person's details, unless someone changed them since they were read.

    The person's own row on their open plan's team follows a new name or phone.
    """
    check_unknown("person", changes, EDITABLE)
    given = checks.normalised(changes)
    with ctx.write() as session:
        access.require(ctx, Action.EDIT_PLAN, person_id, session=session)
        person = load(session, Person, person_id)
        check_version("person", person.version, expected_version)
        before = _details(person)
        for key, value in given.items():
            setattr(person, key, value)
        if person.full_name != person.full_name.strip():
            person.full_name = person.full_name.strip()
        checks.check(person, ctx.today())
        set_name_keys(person)
        session.flush()
        after = _details(person)
        changed = [k for k in EDITABLE if getattr(before, k) != getattr(after, k)]
        if changed:
            _follow_on_team(session, ctx, before, after)
            record(session, ctx, audit.Action.CHANGE, "person", person_id, changed)
        return after


def _follow_on_team(
    session: Session, ctx: Context, before: PersonDetails, after: PersonDetails
) -> None:
    """The person's own team row (as they were named before) takes their new name and phone."""
    if (before.full_name, before.phone) == (after.full_name, after.phone):
        return
    rows = session.scalars(
        select(Participant)
        .join(Plan, Plan.id == Participant.plan_id)
        .where(
            Plan.person_id == after.id,
            Plan.status != PlanStatus.CLOSED,
            Participant.role == ParticipantRole.PERSON,
        )
    ).all()
    for row in rows:
        names = [
            n
            for n, old in (("name", before.full_name), ("phone", before.phone))
            if getattr(row, n) == old
        ]
        if row.name == before.full_name:
            row.name = after.full_name
        if row.phone == before.phone:
            row.phone = after.phone
        if names:
            session.flush()
            record(session, ctx, audit.Action.CHANGE, "participant", after.id, names)


def delete_person(ctx: Context, person_id: uuid.UUID, expected_version: int | None) -> None:
    """Remove a person and all their plans (a team lead's task; the audit trail is kept)."""
    with ctx.write() as session:
        access.require(ctx, Action.DELETE_PERSON, session=session)
        person = load(session, Person, person_id)
        check_version("person", person.version, expected_version)
        session.delete(person)
        session.flush()
        audit.record(session, ctx.actor, audit.Action.DELETE, "person", str(person_id))
