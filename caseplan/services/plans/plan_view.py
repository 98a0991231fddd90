"""The whole of one person's plan in one read, for the workspace, meeting mode and reports.

Worker's notes are internal: when they are not asked for, or the account may not read
them (a peer worker never may), every ``worker_note`` in the tree is the empty string,
so a view handed to meeting mode or a shared report cannot leak them.

Opening a person's plan is recorded in the audit trail.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from caseplan.errors import NotFound, tr_noop
from caseplan.models import (
    ConsentScope,
    CrisisPlan,
    Goal,
    Meeting,
    Participant,
    PeerContribution,
    Person,
    Plan,
    PlanStatus,
    Review,
)
from caseplan.services.context import Context
from caseplan.services.crisis.crisis import CrisisPlanDetails, crisis_plan_details
from caseplan.services.meetings.meetings import MeetingDetails, meeting_details
from caseplan.services.meetings.reviews import ReviewDetails, review_details
from caseplan.services.peers.contributions import ContributionDetails, contribution_details
from caseplan.services.people.people import EDITABLE as PERSON_FIELDS
from caseplan.services.people.people import PersonDetails
from caseplan.services.plans.goal_details import GoalDetails, goal_details
from caseplan.services.plans.plans import PlanDetails, plan_details
from caseplan.services.security import access, audit
from caseplan.services.security.access import Action
from caseplan.services.shared import (
    is_peer_worker,
    may_read_worker_notes,
    require,
    without_worker_notes,
)
from caseplan.services.team.consent import effective_scope, scoped_view
from caseplan.services.team.team import ParticipantDetails, participant_details


@dataclass(frozen=True)
class PlanView:
    """One person's plan as a tree of plain values, in the order the plan shows them."""

    person: PersonDetails
    plan: PlanDetails
    participants: tuple[ParticipantDetails, ...]
    goals: tuple[GoalDetails, ...]
    contributions: tuple[ContributionDetails, ...]
    meetings: tuple[MeetingDetails, ...]
    reviews: tuple[ReviewDetails, ...]
    crisis_plan: CrisisPlanDetails | None
    include_worker_notes: bool

    def participant(self, participant_id: uuid.UUID | None) -> ParticipantDetails | None:
        """The team member with this id (e.g. a step's responsible), or None."""
        for participant in self.participants:
            if participant.id == participant_id:
                return participant
        return None

    @property
    def coordinator(self) -> ParticipantDetails | None:
        return self.participant(self.plan.coordinator_id)


def load_plan_view(
    ctx: Context,
    person_id: uuid.UUID,
    *,
    include_worker_notes: bool = False,
    plan_id: uuid.UUID | None = None,
    record_open: bool = True,
) -> PlanView | None:
    """The person's open plan (or the plan ``plan_id`` of theirs), or None if there is none.

    Worker's notes are left out unless ``include_worker_notes`` is True (only the
    practitioner's own workspace asks for them) *and* the account may read them;
    ``PlanView.include_worker_notes`` says whether they are in. Needs
    :attr:`Action.VIEW_PERSON`, and writes an ``open_person`` event to the audit trail.

    ``record_open=False`` is only for reading again a plan the same screen has already
    opened (a refresh after its own save), so the trail says "opened" once per opening,
    not once per keystroke saved; the rules apply all the same.
    """
    with ctx.write() if record_open else ctx.read() as session:
        require(session, ctx, Action.VIEW_PERSON, person_id)
        if include_worker_notes and not may_read_worker_notes(session, ctx, person_id):
            include_worker_notes = False  # the plan is shown without them, and that is kept
            if record_open:
                access.refuse_quietly(ctx, Action.VIEW_WORKER_NOTES, person_id)
        person = session.get(Person, person_id)
        if person is None:
            raise NotFound(tr_noop("This person is not in the database."))
        if record_open:
            audit.record(
                session,
                ctx.actor,
                audit.Action.OPEN_PERSON,
                "person",
                str(person_id),
                "with workers' notes" if include_worker_notes else "",
            )
        query = select(Plan).where(Plan.person_id == person_id)
        if plan_id is None:
            query = query.where(Plan.status != PlanStatus.CLOSED)
        else:
            query = query.where(Plan.id == plan_id)
        plan = session.scalars(query).one_or_none()
        if plan is None:
            return None
        participants = session.scalars(
            select(Participant)
            .where(Participant.plan_id == plan.id)
            .order_by(Participant.position, Participant.id)
        ).all()
        goals = session.scalars(
            select(Goal)
            .where(Goal.plan_id == plan.id)
            .options(selectinload(Goal.steps))
            .order_by(Goal.position, Goal.id)
        ).all()
        contributions = session.scalars(
            select(PeerContribution)
            .where(PeerContribution.plan_id == plan.id)
            .order_by(PeerContribution.date, PeerContribution.created_at, PeerContribution.id)
        ).all()
        meetings = session.scalars(
            select(Meeting)
            .where(Meeting.plan_id == plan.id)
            .options(selectinload(Meeting.attendees))
            .order_by(Meeting.date, Meeting.id)
        ).all()
        reviews = session.scalars(
            select(Review)
            .where(Review.plan_id == plan.id)
            .options(
                selectinload(Review.ratings),
                selectinload(Review.goals),
                selectinload(Review.attendees),
            )
            .order_by(Review.date, Review.id)
        ).all()
        crisis = session.scalars(
            select(CrisisPlan)
            .where(CrisisPlan.plan_id == plan.id)
            .options(selectinload(CrisisPlan.contacts))
        ).one_or_none()
        goal_order = {goal.id: i for i, goal in enumerate(goals)}
        view = PlanView(
            person=PersonDetails(
                id=person.id,
                version=person.version,
                **{name: getattr(person, name) for name in PERSON_FIELDS},
            ),
            plan=plan_details(plan),
            participants=tuple(participant_details(p) for p in participants),
            goals=tuple(goal_details(goal) for goal in goals),
            contributions=tuple(contribution_details(c) for c in contributions),
            meetings=tuple(meeting_details(m) for m in meetings),
            reviews=tuple(review_details(r, goal_order) for r in reviews),
            crisis_plan=None if crisis is None else crisis_plan_details(crisis),
            include_worker_notes=include_worker_notes,
        )
    if is_peer_worker(ctx):
        # a peer sees only what the person's consent to them covers today
        mine = next((p for p in view.participants if p.account_id == ctx.actor.account_id), None)
        if mine is None:
            view = scoped_view(view, uuid.UUID(int=0), ConsentScope.NONE)
        else:
            view = scoped_view(view, mine.id, effective_scope(mine, ctx.today()))
    return view if include_worker_notes else without_worker_notes(view)
