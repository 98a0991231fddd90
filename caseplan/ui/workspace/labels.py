"""Names of the closed vocabularies as a person reads them, in the UI language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from caseplan.models import (
    CloseReason,
    ConsentScope,
    ContributionKind,
    GoalStatus,
    LifeDomain,
    ParticipantRole,
    PlanStatus,
    StepStatus,
)


def domain_label(domain: LifeDomain) -> str:
    return {
        LifeDomain.HOUSING: QCoreApplication.translate("labels", "Housing"),
        LifeDomain.PHYSICAL_HEALTH: QCoreApplication.translate("labels", "Physical health"),
        LifeDomain.MENTAL_HEALTH: QCoreApplication.translate("labels", "Mental health"),
        LifeDomain.SUBSTANCE_USE: QCoreApplication.translate("labels", "Substance use"),
        LifeDomain.WORK_AND_ACTIVITY: QCoreApplication.translate("labels", "Work and activity"),
        LifeDomain.INCOME_AND_FINANCES: QCoreApplication.translate("labels", "Income and finances"),
        LifeDomain.FAMILY_AND_CHILDREN: QCoreApplication.translate("labels", "Family and children"),
        LifeDomain.SOCIAL_NETWORK: QCoreApplication.translate("labels", "Social network"),
        LifeDomain.LEISURE: QCoreApplication.translate("labels", "Leisure"),
        LifeDomain.LEGAL: QCoreApplication.translate("labels", "Legal matters"),
        LifeDomain.DAILY_LIVING: QCoreApplication.translate("labels", "Daily living"),
        LifeDomain.OTHER: QCoreApplication.translate("labels", "Other"),
    }[domain]


def goal_status_label(status: GoalStatus) -> str:
    return {
        GoalStatus.ACTIVE: QCoreApplication.translate("labels", "Working on it"),
        GoalStatus.ACHIEVED: QCoreApplication.translate("labels", "Achieved"),
        GoalStatus.PAUSED: QCoreApplication.translate("labels", "Paused"),
        GoalStatus.CLOSED: QCoreApplication.translate("labels", "Closed"),
    }[status]


def step_status_label(status: StepStatus) -> str:
    return {
        StepStatus.PLANNED: QCoreApplication.translate("labels", "Planned"),
        StepStatus.IN_PROGRESS: QCoreApplication.translate("labels", "In progress"),
        StepStatus.DONE: QCoreApplication.translate("labels", "Done"),
        StepStatus.DROPPED: QCoreApplication.translate("labels", "Dropped"),
    }[status]


def role_label(role: ParticipantRole) -> str:
    return {
        ParticipantRole.PERSON: QCoreApplication.translate("labels", "The person"),
        ParticipantRole.COORDINATOR: QCoreApplication.translate("labels", "Coordinator"),
        ParticipantRole.PRACTITIONER: QCoreApplication.translate("labels", "Practitioner"),
        ParticipantRole.PEER: QCoreApplication.translate("labels", "Peer"),
        ParticipantRole.NETWORK: QCoreApplication.translate("labels", "Family or friend"),
        ParticipantRole.SERVICE: QCoreApplication.translate("labels", "Other service"),
    }[role]


def scope_label(scope: ConsentScope) -> str:
    return {
        ConsentScope.FULL_PLAN: QCoreApplication.translate("labels", "Whole plan"),
        ConsentScope.OWN_PART: QCoreApplication.translate("labels", "Own part"),
        ConsentScope.CRISIS_PLAN: QCoreApplication.translate("labels", "Crisis plan"),
        ConsentScope.NONE: QCoreApplication.translate("labels", "No consent"),
    }[scope]


def kind_label(kind: ContributionKind) -> str:
    return {
        ContributionKind.MEETING: QCoreApplication.translate("labels", "Meeting"),
        ContributionKind.PHONE_OR_MESSAGE: QCoreApplication.translate("labels", "Phone or message"),
        ContributionKind.ACCOMPANIMENT: QCoreApplication.translate("labels", "Went along"),
        ContributionKind.GROUP: QCoreApplication.translate("labels", "Group"),
        ContributionKind.OTHER: QCoreApplication.translate("labels", "Other"),
    }[kind]


def plan_status_label(status: PlanStatus) -> str:
    return {
        PlanStatus.DRAFT: QCoreApplication.translate("labels", "Draft"),
        PlanStatus.AGREED: QCoreApplication.translate("labels", "Agreed"),
        PlanStatus.CLOSED: QCoreApplication.translate("labels", "Closed"),
    }[status]


def close_reason_label(reason: CloseReason) -> str:
    return {
        CloseReason.GOALS_REACHED: QCoreApplication.translate("labels", "goals reached"),
        CloseReason.MOVED: QCoreApplication.translate("labels", "moved"),
        CloseReason.ENDED_FOLLOW_UP: QCoreApplication.translate("labels", "follow-up ended"),
        CloseReason.OTHER: QCoreApplication.translate("labels", "other reason"),
    }[reason]
