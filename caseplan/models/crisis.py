"""The crisis plan, a sub-plan of the individual plan, and whom to contact."""

from __future__ import annotations

import uuid

from sqlalchemy import ForeignKey, Integer
from sqlalchemy.orm import Mapped, mapped_column, relationship

from caseplan.models.base import Base, UuidPrimaryKey, Versioned, text_column
from caseplan.models.text import LONG, PHONE, SHORT


class CrisisPlan(UuidPrimaryKey, Versioned, Base):
    """Warning signs, triggers and what to do, in the person's own words."""

    __tablename__ = "crisis_plans"

    plan_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("plans.id", ondelete="CASCADE"), unique=True
    )
    warning_signs: Mapped[str] = text_column(LONG, label="Warning signs", multiline=True)
    triggers: Mapped[str] = text_column(LONG, label="Triggers", multiline=True)
    what_i_do: Mapped[str] = text_column(LONG, label="What I do", multiline=True)
    what_others_do: Mapped[str] = text_column(LONG, label="What others do", multiline=True)
    what_does_not_help: Mapped[str] = text_column(LONG, label="What does not help", multiline=True)
    treatment_wanted: Mapped[str] = text_column(LONG, label="Treatment I want", multiline=True)
    treatment_not_wanted: Mapped[str] = text_column(
        LONG, label="Treatment I do not want", multiline=True
    )

    contacts: Mapped[list[CrisisContact]] = relationship(
        order_by="CrisisContact.position", cascade="all, delete-orphan", passive_deletes=True
    )


class CrisisContact(UuidPrimaryKey, Base):
    """Someone to contact in a crisis."""

    __tablename__ = "crisis_contacts"

    crisis_plan_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("crisis_plans.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = text_column(SHORT, label="Contact name", name=True)
    role: Mapped[str] = text_column(SHORT, label="Contact role")
    phone: Mapped[str] = text_column(PHONE, label="Phone")
    position: Mapped[int] = mapped_column(Integer, default=0)
