"""Typed SQLAlchemy models for every word of docs/design.md §2; no behaviour beyond invariants."""

from caseplan.models.activity import (
    Meeting,
    PeerContribution,
    Review,
    ReviewGoal,
    ReviewRating,
    meeting_attendees,
    review_attendees,
)
from caseplan.models.base import Base, add_length_checks
from caseplan.models.crisis import CrisisContact, CrisisPlan
from caseplan.models.enums import (
    CloseReason,
    ConsentGiven,
    ConsentScope,
    ContributionKind,
    GoalDecision,
    GoalStatus,
    Language,
    LifeDomain,
    ParticipantRole,
    PeerEngagement,
    PlanStatus,
    Role,
    StepStatus,
)
from caseplan.models.people import Account, Person
from caseplan.models.plan import Goal, Participant, Plan, PlanVersion, Step
from caseplan.models.records import AuditEvent, Setting

add_length_checks(Base.metadata)

__all__ = [
    "Account",
    "AuditEvent",
    "Base",
    "CloseReason",
    "ConsentGiven",
    "ConsentScope",
    "ContributionKind",
    "CrisisContact",
    "CrisisPlan",
    "Goal",
    "GoalDecision",
    "GoalStatus",
    "Language",
    "LifeDomain",
    "Meeting",
    "Participant",
    "ParticipantRole",
    "PeerContribution",
    "PeerEngagement",
    "Person",
    "Plan",
    "PlanStatus",
    "PlanVersion",
    "Review",
    "ReviewGoal",
    "ReviewRating",
    "Role",
    "Setting",
    "Step",
    "StepStatus",
    "meeting_attendees",
    "review_attendees",
]
