"""Closed vocabularies, stored as short strings so both databases and JSON read the same."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """The role of an account (someone who signs in)."""

    PRACTITIONER = "practitioner"
    TEAM_LEAD = "team_lead"
    PEER_WORKER = "peer_worker"
    ADMIN = "admin"


class ParticipantRole(StrEnum):
    """A member of the person's team (docs/design.md §6: the ``role`` of a participant)."""

    PERSON = "person"
    COORDINATOR = "coordinator"
    PRACTITIONER = "practitioner"
    PEER = "peer"
    NETWORK = "network"
    SERVICE = "service"


class LifeDomain(StrEnum):
    HOUSING = "housing"
    PHYSICAL_HEALTH = "physical_health"
    MENTAL_HEALTH = "mental_health"
    SUBSTANCE_USE = "substance_use"
    WORK_AND_ACTIVITY = "work_and_activity"
    INCOME_AND_FINANCES = "income_and_finances"
    FAMILY_AND_CHILDREN = "family_and_children"
    SOCIAL_NETWORK = "social_network"
    LEISURE = "leisure"
    LEGAL = "legal"
    DAILY_LIVING = "daily_living"
    OTHER = "other"


class PlanStatus(StrEnum):
    DRAFT = "draft"
    AGREED = "agreed"
    CLOSED = "closed"


class GoalStatus(StrEnum):
    ACTIVE = "active"
    ACHIEVED = "achieved"
    PAUSED = "paused"
    CLOSED = "closed"


class StepStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


class ContributionKind(StrEnum):
    MEETING = "meeting"
    PHONE_OR_MESSAGE = "phone_or_message"
    ACCOMPANIMENT = "accompaniment"
    GROUP = "group"
    OTHER = "other"


class PeerEngagement(StrEnum):
    """How a peer on the team is engaged: their time is work, paid by the service or given."""

    NONE = "none"
    PAID = "paid"
    VOLUNTEER = "volunteer"


class ConsentScope(StrEnum):
    """How much of the plan a participant may see."""

    FULL_PLAN = "full_plan"
    OWN_PART = "own_part"
    CRISIS_PLAN = "crisis_plan"
    NONE = "none"


class Language(StrEnum):
    """The language a person's plan is printed in (migration 0005 added nn and se)."""

    EN = "en"
    NB = "nb"
    NN = "nn"  # Norwegian nynorsk
    SE = "se"  # Northern Sámi


class ConsentGiven(StrEnum):
    """How the person gave their consent to the plan: on the screen, or on paper."""

    SCREEN = "screen"
    PAPER = "paper"


class CloseReason(StrEnum):
    """Why a plan was closed."""

    GOALS_REACHED = "goals_reached"
    MOVED = "moved"
    ENDED_FOLLOW_UP = "ended_follow_up"
    OTHER = "other"


class GoalDecision(StrEnum):
    """What a review decided for a goal."""

    KEEP = "keep"
    CHANGE = "change"
    REACHED = "reached"
    LET_GO = "let_go"
