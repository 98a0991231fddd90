"""What happens around a plan over time: peer contributions, meetings and reviews."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Boolean, CheckConstraint, Column, Date, ForeignKey, Index, Integer, Table
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
from caseplan.models.enums import ContributionKind, GoalDecision
from caseplan.models.plan import Participant
from caseplan.models.text import LONG, SHORT

#: The overview's peer time, with the pay rule's columns (services.peers.pay).
PEER_TIME_COLUMNS = (
    "date",
    "plan_id",
    "peer_id",
    "minutes",
    "paid_minutes",
    "imported_on",
    "accepted_on",
)


class PeerContribution(UuidPrimaryKey, Versioned, Base):
    """A dated record of what a peer did; their time is work, so paid minutes are kept."""

    __tablename__ = "peer_contributions"

    plan_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("plans.id", ondelete="CASCADE"), index=True
    )
    peer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("participants.id"), index=True)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    minutes: Mapped[int] = mapped_column(Integer)
    kind: Mapped[ContributionKind] = mapped_column(enum_type(ContributionKind, "kind"))
    note: Mapped[str] = text_column(LONG, label="Note", multiline=True)
    paid_minutes: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    #: Where a contribution came from when it was not recorded here: read from a file on
    #: this date, by this account ("Kari Nordmann (kari)"). Such a contribution is listed
    #: apart, and its time is not paid, until a team lead accepts it (migration 0011).
    imported_on: Mapped[dt.date | None] = mapped_column(Date)
    imported_by: Mapped[str] = text_column(SHORT, label="Imported by")
    accepted_on: Mapped[dt.date | None] = mapped_column(Date)
    accepted_by: Mapped[str] = text_column(SHORT, label="Accepted by")

    __table_args__ = (
        CheckConstraint("minutes BETWEEN 1 AND 1440", name="minutes"),
        CheckConstraint("paid_minutes BETWEEN 0 AND minutes", name="paid_minutes"),
        # The overview's peer time per month, with the pay rule's columns, read from the
        # index alone (migrations 0010, 0015); a plan's recent contact (0015).
        Index("ix_peer_contributions_overview", *PEER_TIME_COLUMNS),
        Index("ix_peer_contributions_plan_date", "plan_id", "date"),
    )


meeting_attendees = Table(
    "meeting_attendees",
    Base.metadata,
    Column("meeting_id", ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True),
    Column("participant_id", ForeignKey("participants.id", ondelete="CASCADE"), primary_key=True),
)


class Meeting(UuidPrimaryKey, Versioned, Base):
    """A dated meeting: who attended, shared notes, decisions, and whether the plan was agreed."""

    __tablename__ = "meetings"

    plan_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("plans.id", ondelete="CASCADE"), index=True
    )
    date: Mapped[dt.date] = mapped_column(Date)
    shared_notes: Mapped[str] = text_column(LONG, label="Shared notes", multiline=True)
    worker_note: Mapped[str] = text_column(LONG, label="Worker's note", multiline=True)
    agreed: Mapped[bool] = mapped_column(Boolean, default=False)

    attendees: Mapped[list[Participant]] = relationship(
        secondary=meeting_attendees, order_by=Participant.position
    )

    #: Who was met lately (the overview's "no contact"), from the index alone (0010), and
    #: whether one plan was (0015).
    __table_args__ = (
        Index("ix_meetings_date_plan", "date", "plan_id"),
        Index("ix_meetings_plan_date", "plan_id", "date"),
    )


review_attendees = Table(
    "review_attendees",
    Base.metadata,
    Column("review_id", ForeignKey("reviews.id", ondelete="CASCADE"), primary_key=True),
    Column("participant_id", ForeignKey("participants.id", ondelete="CASCADE"), primary_key=True),
)


class Review(UuidPrimaryKey, Versioned, Base):
    """An evaluation of the plan: each goal rated 0–10, what helped, what got in the way.

    ``what_helped`` and ``what_got_in_the_way`` here are about the plan as a whole; what
    the person says about each goal, and what was decided for it, is in :class:`ReviewGoal`.
    """

    __tablename__ = "reviews"

    plan_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("plans.id", ondelete="CASCADE"), index=True
    )
    date: Mapped[dt.date] = mapped_column(Date)
    what_helped: Mapped[str] = text_column(LONG, label="What helped", multiline=True)
    what_got_in_the_way: Mapped[str] = text_column(
        LONG, label="What got in the way", multiline=True
    )
    next_review: Mapped[dt.date | None] = mapped_column(Date)
    #: The review date this review answered (the plan's next review when it was recorded),
    #: so "held on time" can be told later; None where it is not known (older reviews).
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    #: The person agreed that their words in this review may be shared without their name,
    #: for the service to learn from ("what people say helps"). Off unless they say yes.
    words_shared: Mapped[bool] = mapped_column(Boolean, default=False)

    ratings: Mapped[list[ReviewRating]] = relationship(
        back_populates="review", cascade="all, delete-orphan", passive_deletes=True
    )
    goals: Mapped[list[ReviewGoal]] = relationship(
        back_populates="review", cascade="all, delete-orphan", passive_deletes=True
    )
    attendees: Mapped[list[Participant]] = relationship(
        secondary=review_attendees, order_by=Participant.position
    )

    __table_args__ = (
        Index("ix_reviews_date_plan", "date", "plan_id"),
        Index("ix_reviews_plan_date", "plan_id", "date"),
    )


class ReviewRating(Base):
    """One goal rated 0–10 by one participant (usually the person) in one review."""

    __tablename__ = "review_ratings"

    review_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("reviews.id", ondelete="CASCADE"), primary_key=True
    )
    goal_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("goals.id", ondelete="CASCADE"), primary_key=True
    )
    by_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE"), primary_key=True
    )
    score: Mapped[int] = mapped_column(Integer)

    review: Mapped[Review] = relationship(back_populates="ratings")

    __table_args__ = (CheckConstraint("score BETWEEN 0 AND 10", name="score"),)


class ReviewGoal(Base):
    """One goal in one review: in the person's words what helped and what got in the way,
    and what was decided (keep, change, reached, let go)."""

    __tablename__ = "review_goals"

    review_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("reviews.id", ondelete="CASCADE"), primary_key=True
    )
    goal_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("goals.id", ondelete="CASCADE"), primary_key=True
    )
    what_helped: Mapped[str] = text_column(LONG, label="What helped", multiline=True)
    what_got_in_the_way: Mapped[str] = text_column(
        LONG, label="What got in the way", multiline=True
    )
    decision: Mapped[GoalDecision | None] = mapped_column(enum_type(GoalDecision, "decision"))

    review: Mapped[Review] = relationship(back_populates="goals")
