"""The plan, its team, its goals and steps, and the immutable versions agreed over time."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    UniqueConstraint,
    Uuid,
    event,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from caseplan.models.base import (
    Base,
    UtcDateTime,
    UuidPrimaryKey,
    Versioned,
    enum_type,
    text_column,
    utcnow,
)
from caseplan.models.enums import (
    CloseReason,
    ConsentScope,
    GoalStatus,
    LifeDomain,
    ParticipantRole,
    PeerEngagement,
    PlanStatus,
    StepStatus,
)
from caseplan.models.text import EMAIL, LONG, MEDIUM, PHONE, SHORT


class Plan(UuidPrimaryKey, Versioned, Base):
    """The individual follow-up plan of one person; one open plan at a time, older ones kept."""

    __tablename__ = "plans"

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"))
    status: Mapped[PlanStatus] = mapped_column(
        enum_type(PlanStatus, "status"), default=PlanStatus.DRAFT
    )
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    next_review: Mapped[date | None] = mapped_column(Date)
    # The person's consent to peer involvement; without it no peer joins the team.
    peer_consent_granted_on: Mapped[date | None] = mapped_column(Date)
    peer_consent_expires_on: Mapped[date | None] = mapped_column(Date)
    coordinator_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("participants.id", use_alter=True)
    )
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    closed_on: Mapped[date | None] = mapped_column(Date)
    closed_reason: Mapped[CloseReason | None] = mapped_column(
        enum_type(CloseReason, "closed_reason")
    )

    participants: Mapped[list[Participant]] = relationship(
        back_populates="plan",
        foreign_keys="Participant.plan_id",
        order_by="Participant.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )
    goals: Mapped[list[Goal]] = relationship(
        back_populates="plan",
        order_by="Goal.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )

    __table_args__ = (
        CheckConstraint("period_end IS NULL OR period_end >= period_start", name="period"),
        CheckConstraint(
            "peer_consent_expires_on IS NULL OR peer_consent_granted_on IS NULL "
            "OR peer_consent_expires_on >= peer_consent_granted_on",
            name="peer_consent_period",
        ),
        Index(
            "uq_plans_open_per_person",
            "person_id",
            unique=True,
            sqlite_where=text("status != 'closed'"),
            postgresql_where=text("status != 'closed'"),
        ),
        Index("ix_plans_next_review", "next_review"),
        # The overview reaches a plan from its goals and team: these columns from the index
        # alone (migration 0010, as the other overview indexes).
        Index("ix_plans_id_status_person", "id", "status", "person_id"),
        Index("ix_plans_person_status", "person_id", "status"),
    )


#: A team member linked to an account or verified by a team lead (the peer pay rule).
KNOWN_PEER = "account_id IS NOT NULL OR peer_verified_on IS NOT NULL"


class Participant(UuidPrimaryKey, Versioned, Base):
    """A member of the person's team, with the person's consent to share the plan with them."""

    __tablename__ = "participants"

    plan_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("plans.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[ParticipantRole] = mapped_column(enum_type(ParticipantRole, "role"))
    name: Mapped[str] = text_column(SHORT, label="Name", name=True)
    organisation: Mapped[str] = text_column(SHORT, label="Organisation", name=True)
    phone: Mapped[str] = text_column(PHONE, label="Phone")
    email: Mapped[str] = text_column(EMAIL, label="Email")
    # For peers: what they offer ("has been through LAR", "being a parent"), when they
    # can be reached, and whether their time is paid by the service or volunteered.
    offers: Mapped[str] = text_column(MEDIUM, label="What I offer", multiline=True)
    availability: Mapped[str] = text_column(SHORT, label="Availability")
    peer_engagement: Mapped[PeerEngagement] = mapped_column(
        enum_type(PeerEngagement, "peer_engagement"), default=PeerEngagement.NONE
    )
    consent_granted_on: Mapped[date | None] = mapped_column(Date)
    consent_expires_on: Mapped[date | None] = mapped_column(Date)
    consent_scope: Mapped[ConsentScope] = mapped_column(
        enum_type(ConsentScope, "consent_scope"), default=ConsentScope.NONE
    )
    account_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="SET NULL"), index=True
    )
    #: For a peer without an account: a team lead has checked who they are (on this date,
    #: by this account), so their paid time may be paid (migration 0011).
    peer_verified_on: Mapped[date | None] = mapped_column(Date)
    peer_verified_by: Mapped[str] = text_column(SHORT, label="Verified by")
    position: Mapped[int] = mapped_column(Integer, default=0)

    plan: Mapped[Plan] = relationship(back_populates="participants", foreign_keys=[plan_id])

    __table_args__ = (
        CheckConstraint(
            "consent_expires_on IS NULL OR consent_granted_on IS NULL "
            "OR consent_expires_on >= consent_granted_on",
            name="consent_period",
        ),
        Index("ix_participants_consent_end", "consent_expires_on", "consent_scope", "plan_id"),
        # The known peers, whose paid time counts (services.peers.pay.known_peer; 0015).
        Index(
            "ix_participants_known_peer",
            "id",
            sqlite_where=text(KNOWN_PEER),
            postgresql_where=text(KNOWN_PEER),
        ),
    )


class Goal(UuidPrimaryKey, Versioned, Base):
    """What the person wants, in their own words, in one life domain."""

    __tablename__ = "goals"

    plan_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("plans.id", ondelete="CASCADE"), index=True
    )
    domain: Mapped[LifeDomain] = mapped_column(enum_type(LifeDomain, "domain"))
    own_words: Mapped[str] = text_column(MEDIUM, label="Goal", multiline=True)
    worker_note: Mapped[str] = text_column(LONG, label="Worker's note", multiline=True)
    status: Mapped[GoalStatus] = mapped_column(
        enum_type(GoalStatus, "status"), default=GoalStatus.ACTIVE
    )
    target_date: Mapped[date | None] = mapped_column(Date)
    priority: Mapped[int] = mapped_column(Integer, default=2)
    position: Mapped[int] = mapped_column(Integer, default=0)
    #: The same goal in the person's plan before, when it was carried over into this one.
    #: A link without a foreign key (so adding it rebuilt no table); it may outlive the goal.
    carried_from_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)

    plan: Mapped[Plan] = relationship(back_populates="goals")
    steps: Mapped[list[Step]] = relationship(
        back_populates="goal",
        order_by="Step.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )

    __table_args__ = (
        CheckConstraint("priority BETWEEN 1 AND 3", name="priority"),
        CheckConstraint("length(own_words) > 0", name="own_words_not_empty"),
        # Two goals added at the same moment cannot share a place (migration 0009).
        UniqueConstraint("plan_id", "position"),
        Index("ix_goals_id_status_plan", "id", "status", "plan_id"),
    )


class Step(UuidPrimaryKey, Versioned, Base):
    """A concrete measure towards a goal: what (and how), who is responsible, by when."""

    __tablename__ = "steps"

    goal_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("goals.id", ondelete="CASCADE"), index=True
    )
    action: Mapped[str] = text_column(MEDIUM, label="Step", multiline=True)
    responsible_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("participants.id"), index=True
    )
    due: Mapped[date | None] = mapped_column(Date)
    status: Mapped[StepStatus] = mapped_column(
        enum_type(StepStatus, "status"), default=StepStatus.PLANNED
    )
    worker_note: Mapped[str] = text_column(LONG, label="Worker's note", multiline=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    goal: Mapped[Goal] = relationship(back_populates="steps")

    __table_args__ = (
        CheckConstraint("length(action) > 0", name="action_not_empty"),
        UniqueConstraint("goal_id", "position"),
        # Steps overdue: open steps by due date, with their goal, from the index alone.
        Index("ix_steps_status_due_goal", "status", "due", "goal_id"),
    )


class PlanVersion(UuidPrimaryKey, Base):
    """An immutable snapshot taken when a plan is agreed."""

    __tablename__ = "plan_versions"

    plan_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("plans.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    agreed_on: Mapped[date] = mapped_column(Date)
    agreed_by: Mapped[list[str]] = mapped_column(JSON, default=list)
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    #: A version read from a file was not agreed here: it says when and by whom it was
    #: imported, and is never shown as agreed in this clinic (migration 0011).
    imported_on: Mapped[date | None] = mapped_column(Date)
    imported_by: Mapped[str] = text_column(SHORT, label="Imported by")

    __table_args__ = (Index("uq_plan_versions_number", "plan_id", "number", unique=True),)


@event.listens_for(PlanVersion, "before_update")
def _plan_versions_are_immutable(mapper: Any, connection: Any, target: PlanVersion) -> None:
    raise ValueError("an agreed plan version cannot be changed")
