"""Meetings about a plan: the date, who attended, shared notes and a worker's note."""

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypedDict, Unpack

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import flag_modified

from caseplan.errors import InvalidInput, tr_noop
from caseplan.models import (
    Meeting,
)
from caseplan.services.context import Context, check_version
from caseplan.services.security import audit
from caseplan.services.security.access import Action
from caseplan.services.shared import (
    as_seen,
    check_unknown,
    delete_record,
    load,
    load_plan,
    peer_scope,
    reading,
    record,
    record_change,
    record_view,
    require,
    sees_only,
    set_fields,
    team_member,
)


@dataclass(frozen=True)
class MeetingDetails:
    """A dated meeting: who attended (in team order), shared notes, and if the plan was agreed."""

    id: uuid.UUID
    version: int
    plan_id: uuid.UUID
    date: dt.date
    attendee_ids: tuple[uuid.UUID, ...] = ()
    shared_notes: str = ""
    worker_note: str = ""
    agreed: bool = False


class MeetingFields(TypedDict, total=False):
    """What :func:`add_meeting` takes besides the date."""

    attendee_ids: Sequence[uuid.UUID]
    shared_notes: str
    worker_note: str
    agreed: bool


class MeetingChanges(MeetingFields, total=False):
    """What :func:`update_meeting` may change."""

    date: dt.date


MEETING_EDITABLE = ("date", "attendee_ids", "shared_notes", "worker_note", "agreed")


def meeting_details(row: Meeting) -> MeetingDetails:
    return MeetingDetails(
        id=row.id,
        version=row.version,
        plan_id=row.plan_id,
        date=row.date,
        attendee_ids=tuple(
            p.id for p in sorted(row.attendees, key=lambda p: (p.position, str(p.id)))
        ),
        shared_notes=row.shared_notes,
        worker_note=row.worker_note,
        agreed=row.agreed,
    )


def _apply_meeting(session: Session, row: Meeting, changes: Mapping[str, Any]) -> None:
    for key, value in changes.items():
        if key == "attendee_ids":
            ids = list(dict.fromkeys(value))
            row.attendees = [team_member(session, row.plan_id, pid) for pid in ids]
            continue
        if key == "agreed":
            value = bool(value)
        setattr(row, key, value)
    if row.date is None:
        raise InvalidInput(tr_noop("Please give the date of the meeting."))


def add_meeting(
    ctx: Context, plan_id: uuid.UUID, date: dt.date, **details: Unpack[MeetingFields]
) -> MeetingDetails:
    """Record a meeting; attendees must be on this plan's team."""
    check_unknown("meeting", details, MEETING_EDITABLE)
    with ctx.write() as session:
        plan = load_plan(session, plan_id)
        require(session, ctx, Action.EDIT_PLAN, plan.person_id)
        row = Meeting(plan_id=plan.id, attendees=[])
        _apply_meeting(session, row, {"date": date, **details})
        session.add(row)
        session.flush()
        created = meeting_details(row)
        names = set_fields(created, MEETING_EDITABLE)
        record(session, ctx, audit.Action.CREATE, "meeting", plan.person_id, names)
        return as_seen(session, ctx, plan.person_id, created)


def list_meetings(ctx: Context, plan_id: uuid.UUID, *, record: bool = True) -> list[MeetingDetails]:
    """The plan's meetings (audited as a view)."""
    query = (
        select(Meeting)
        .where(Meeting.plan_id == plan_id)
        .options(selectinload(Meeting.attendees))
        .order_by(Meeting.date, Meeting.id)
    )
    with reading(ctx, record=record) as session:
        person_id = load_plan(session, plan_id).person_id
        require(session, ctx, Action.VIEW_PERSON, person_id)
        record_view(session, ctx, person_id, "meetings", record=record)
        if sees_only(peer_scope(session, ctx, plan_id)):
            return []
        return as_seen(
            session, ctx, person_id, [meeting_details(r) for r in session.scalars(query)]
        )


def update_meeting(
    ctx: Context,
    meeting_id: uuid.UUID,
    expected_version: int | None,
    **changes: Unpack[MeetingChanges],
) -> MeetingDetails:
    check_unknown("meeting", changes, MEETING_EDITABLE)
    with ctx.write() as session:
        row = load(session, Meeting, meeting_id)
        person_id = load_plan(session, row.plan_id).person_id
        require(session, ctx, Action.EDIT_PLAN, person_id)
        check_version("meeting", row.version, expected_version)
        before = meeting_details(row)
        _apply_meeting(session, row, changes)
        if "attendee_ids" in changes:
            _force_update(row)  # attendance alone is still a change of the meeting
        session.flush()
        after = meeting_details(row)
        record_change(session, ctx, "meeting", person_id, before, after, MEETING_EDITABLE)
        return as_seen(session, ctx, person_id, after)


def delete_meeting(ctx: Context, meeting_id: uuid.UUID, expected_version: int | None) -> None:
    with ctx.write() as session:
        row = load(session, Meeting, meeting_id)
        person_id = load_plan(session, row.plan_id).person_id
        delete_record(session, ctx, row, person_id, expected_version, entity="meeting")


def _force_update(row: Any) -> None:
    """Make a change to a row's children bump its version like a change to the row would."""
    flag_modified(row, "date")
