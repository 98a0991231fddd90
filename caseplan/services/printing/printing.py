"""Printing plans, the service half: who may print what, whose plans are due, and the audit.

Rendering lives one layer up (:mod:`caseplan.reports.printing`), which hands a ``render``
function in: this module builds the person's document, lets it be rendered inside the same
transaction, and records a PRINT event there, so a print that fails leaves no trace and a
print that succeeds is never missing from the audit trail. The audit detail says what was
printed ("shared plan, nb"), never the person's words.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from sqlalchemy import Select, exists, func, select
from sqlalchemy.orm import Session

from caseplan.errors import AccessDenied, InvalidInput, NotFound, tr_noop
from caseplan.models import (
    ConsentScope,
    Participant,
    ParticipantRole,
    Person,
    Plan,
    PlanStatus,
    Role,
    Setting,
)
from caseplan.services.agreement.versions import load_version, mark_imported, version_document
from caseplan.services.clinic.settings import DEMO_KEY
from caseplan.services.context import Context
from caseplan.services.exchange.document import build_document, plain_documents, to_plain
from caseplan.services.people.people import PersonSummary
from caseplan.services.security import access, audit
from caseplan.services.security.access import Action
from caseplan.services.shared import is_peer_worker
from caseplan.services.team.consent import NO_SHARING_CONSENT, effective_scope, scoped_document
from caseplan.services.team.linking import directory

NOT_A_COPY_FOR_THE_PERSON = tr_noop(
    "{name} is the person whose plan this is: print the plan itself, not a copy for a team member."
)
PEER_OWN_COPY_ONLY = tr_noop("A peer worker can print only their own part of the plan.")
NO_SUCH_MEMBER = tr_noop("There is no team member called {name} on this person's open plan.")
SEVERAL_MEMBERS = tr_noop(
    "{count} team members are called {name}; give the team member's id instead."
)
VERSION_NEEDS_FULL_PLAN = tr_noop(
    "An agreed version is the whole plan; the person's consent lets you see only a part of it."
)

Document = dict[str, Any]
#: ``render(document, demo)`` -> (the printed bytes, what was printed for the audit detail)
Render = Callable[[Document, bool], tuple[bytes, str]]


@dataclass(frozen=True)
class Practitioner:
    """A practitioner account a team lead can print the due plans of."""

    id: uuid.UUID
    username: str
    display_name: str


@dataclass(frozen=True)
class DueDocuments:
    """The people whose plans are due, whether this is DEMO, and their documents.

    ``documents`` yields one document per person, in the order of ``people``, read lazily in
    one session (so rendering can start before the last one is read); close it, or read it
    to the end, to end that session.
    """

    people: list[PersonSummary]
    demo: bool
    documents: Generator[Document, None, None]


def _due_query(ctx: Context, until: date, practitioner_account_id: uuid.UUID | None) -> Select[Any]:
    query: Select[Any] = cast(
        "Select[Any]",
        select(Person.id, Person.full_name, Person.preferred_name, Plan.next_review, Plan.status)
        .join(Plan, Plan.person_id == Person.id)
        .where(
            Plan.status != PlanStatus.CLOSED,
            Plan.next_review.is_not(None),
            Plan.next_review <= until,
        ),
    )
    if practitioner_account_id is not None:
        query = query.where(
            exists(
                select(Participant.id).where(
                    Participant.plan_id == Plan.id,
                    Participant.account_id == practitioner_account_id,
                )
            )
        )
    return access.visible_people(ctx, query, Action.PRINT_PLAN)


def due_people(
    ctx: Context, until: date, practitioner_account_id: uuid.UUID | None = None
) -> list[PersonSummary]:
    """Open plans due for review by ``until`` that the actor may print, soonest first.

    With ``practitioner_account_id``, only the people whose team includes that account.
    """
    query = _due_query(ctx, until, practitioner_account_id).order_by(
        Plan.next_review, Person.sort_key, Person.id
    )
    with ctx.read() as session:
        return [
            PersonSummary(
                id=row.id,
                full_name=row.full_name,
                preferred_name=row.preferred_name,
                next_review=row.next_review,
                plan_status=PlanStatus(row.status),
            )
            for row in session.execute(query)
        ]


def count_due(ctx: Context, until: date, practitioner_account_id: uuid.UUID | None = None) -> int:
    """How many plans :func:`due_people` would list."""
    query = select(func.count()).select_from(
        _due_query(ctx, until, practitioner_account_id).subquery()
    )
    with ctx.read() as session:
        return int(session.execute(query).scalar_one())


def practitioners(ctx: Context) -> list[Practitioner]:
    """The active practitioner accounts, by name, for a team lead's "per practitioner" choice."""
    access.require(ctx, Action.PRINT_DUE)
    with ctx.read() as session:  # the directory: a team lead's server login sees no account row
        return [
            Practitioner(a.id, a.username, a.display_name)
            for a in directory(session)
            if a.active and a.role is Role.PRACTITIONER
        ]


def find_practitioner(ctx: Context, username: str) -> Practitioner:
    """The practitioner account called ``username`` (any case), or one sentence why not."""
    wanted = username.strip().casefold()
    for practitioner in practitioners(ctx):
        if practitioner.username.casefold() == wanted:
            return practitioner
    raise NotFound(
        tr_noop("There is no practitioner account called {name}."), name=username.strip()[:64]
    )


def _is_demo(session: Any) -> bool:
    return session.get(Setting, DEMO_KEY) is not None


def _consents(
    session: Session, ctx: Context, person_id: uuid.UUID, member: Participant | None
) -> dict[str, tuple[str, ConsentScope]]:
    """Per plan of the person: the team member a copy is for (``member``, or the peer
    worker's own row) and the scope their consent covers today."""
    query = select(Participant).join(Plan, Plan.id == Participant.plan_id)
    query = query.where(Plan.person_id == person_id)
    if member is not None:
        query = query.where(Participant.id == member.id)
    else:
        query = query.where(Participant.account_id == ctx.actor.account_id)
    today = ctx.today()
    return {
        str(row.plan_id): (str(row.id), effective_scope(row, today))
        for row in session.scalars(query)
    }


def _member(session: Session, person_id: uuid.UUID, member_id: uuid.UUID) -> Participant:
    row = session.get(Participant, member_id)
    plan = None if row is None else session.get(Plan, row.plan_id)
    if row is None or plan is None or plan.person_id != person_id:
        raise NotFound(tr_noop("This team member is not in the database."))
    return row


def _refused(sentence: str, person_id: uuid.UUID, **params: Any) -> AccessDenied:
    """A refused copy for a team member, kept in the audit trail as a refused print of
    the person's plan (the sentence says for whom and why)."""
    refusal = AccessDenied(sentence, **params)
    refusal.action, refusal.person_id = str(Action.PRINT_PLAN), str(person_id)
    return refusal


def find_member(ctx: Context, person_id: uuid.UUID, name_or_id: str) -> uuid.UUID:
    """The team member of the person's open plan with this id, or called this (any case),
    for a copy (``caseplan pdf --for-participant``); one sentence when none or several."""
    access.require(ctx, Action.VIEW_PERSON, person_id)
    wanted = name_or_id.strip()
    query = (
        select(Participant.id, Participant.name)
        .join(Plan, Plan.id == Participant.plan_id)
        .where(Plan.person_id == person_id, Plan.status != PlanStatus.CLOSED)
    )
    with ctx.read() as session:
        members = session.execute(query).all()
    for member_id, _name in members:
        if str(member_id) == wanted.lower():
            return uuid.UUID(str(member_id))
    named = [row[0] for row in members if row[1].casefold() == wanted.casefold()]
    if not named:
        raise NotFound(NO_SUCH_MEMBER, name=wanted[:64])
    if len(named) > 1:
        raise InvalidInput(SEVERAL_MEMBERS, count=len(named), name=wanted[:64])
    return uuid.UUID(str(named[0]))


def print_person(
    ctx: Context,
    person_id: uuid.UUID,
    render: Render,
    *,
    audited: bool = True,
    for_participant: uuid.UUID | None = None,
) -> bytes:
    """Check PRINT_PLAN, build the document, render it and audit, all in one transaction.

    ``render`` says what it printed ("shared plan, nb"); that is the audit detail.
    ``audited=False`` is for an on-screen preview only: nothing leaves the program, and
    the event says ``previewed`` instead of ``print``.

    A peer worker's print, and a copy ``for_participant`` (a team member), hold only what
    that team member's consent covers today (:mod:`caseplan.services.team.consent`); a
    copy for someone whose consent has ended, or was never given, is refused.
    """
    with ctx.write() as session:
        access.require(ctx, Action.PRINT_PLAN, person_id, session=session)
        document = mark_imported(session, to_plain(build_document(session, person_id)))
        detail = ""
        if for_participant is not None:
            member = _member(session, person_id, for_participant)
            if member.role == ParticipantRole.PERSON:
                raise InvalidInput(NOT_A_COPY_FOR_THE_PERSON, name=member.name)
            if is_peer_worker(ctx) and member.account_id != ctx.actor.account_id:
                # else their own-part consent would open, say, the crisis plan through NAV's
                raise _refused(PEER_OWN_COPY_ONLY, person_id)
            own = _consents(session, ctx, person_id, member)
            if all(scope == ConsentScope.NONE for _, scope in own.values()):
                raise _refused(NO_SHARING_CONSENT, person_id, name=member.name)
            document = scoped_document(document, own)
            detail = f", copy for a team member ({next(iter(own.values()))[1]})"
        elif is_peer_worker(ctx):
            document = scoped_document(document, _consents(session, ctx, person_id, None))
        data, what = render(document, _is_demo(session))
        # A preview on screen is a view of the person's data too, and says so.
        action = audit.Action.PRINT if audited else audit.Action.PREVIEWED
        audit.record(session, ctx.actor, action, "person", person_id, what + detail)
    return data


def print_version(
    ctx: Context, version_id: uuid.UUID, render: Render, *, audited: bool = True
) -> bytes:
    """Reprint one agreed version exactly as it was agreed (see
    :func:`caseplan.services.agreement.versions.version_document`); audited as a print."""
    with ctx.write() as session:
        version = load_version(session, version_id)
        person_id = session.get(Plan, version.plan_id).person_id  # type: ignore[union-attr]
        access.require(ctx, Action.PRINT_PLAN, person_id, session=session)
        if is_peer_worker(ctx):
            own = _consents(session, ctx, person_id, None).get(str(version.plan_id))
            if own is None or own[1] != ConsentScope.FULL_PLAN:
                # an agreed version is the whole plan as it was: only for the whole plan
                raise AccessDenied(VERSION_NEEDS_FULL_PLAN)
        document = version_document(session, version)
        data, what = render(document, _is_demo(session))
        if audited:
            detail = f"{what}, version {version.number}"
            audit.record(session, ctx.actor, audit.Action.PRINT, "person", person_id, detail)
    return data


def due_documents(
    ctx: Context, until: date, practitioner_account_id: uuid.UUID | None = None
) -> DueDocuments:
    """For a team lead: everyone due by ``until``, and their documents as they are read.

    Raises :class:`InvalidInput` when no one is due: there is nothing to print.
    """
    access.require(ctx, Action.PRINT_DUE)
    people = due_people(ctx, until, practitioner_account_id)
    if not people:
        raise InvalidInput(
            tr_noop("No plan that you may print is due for review by {date}."),
            date=until.isoformat(),
        )
    with ctx.read() as session:
        demo = _is_demo(session)
    return DueDocuments(people, demo, _read_documents(ctx, [p.id for p in people]))


#: People read together (a query per kind of record for all of them), small enough that
#: rendering starts soon and a batch's records are not all held at once.
READ_TOGETHER = 100


def _read_documents(ctx: Context, ids: list[uuid.UUID]) -> Generator[Document, None, None]:
    with ctx.read() as session:
        for start in range(0, len(ids), READ_TOGETHER):
            yield from plain_documents(session, ids[start : start + READ_TOGETHER])
            session.expunge_all()  # the records just read are not needed again


def record_prints(
    ctx: Context, person_ids: Iterable[uuid.UUID], what: str, finish: Callable[[], None]
) -> None:
    """One PRINT event per person, then ``finish()`` (say, moving the file into place).

    If ``finish`` fails, no event is kept.
    """
    access.require(ctx, Action.PRINT_DUE)
    with ctx.write() as session:
        audit.record_many(session, ctx.actor, audit.Action.PRINT, "person", person_ids, what)
        finish()
