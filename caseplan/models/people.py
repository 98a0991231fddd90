"""The person whose plan it is, and the accounts of those who sign in."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from caseplan.models.base import (
    Base,
    UtcDateTime,
    UuidPrimaryKey,
    Versioned,
    enum_type,
    text_column,
    utcnow,
)
from caseplan.models.enums import ConsentGiven, Language, Role
from caseplan.models.text import ADDRESS, EMAIL, LONG, PHONE, SHORT


class Person(UuidPrimaryKey, Versioned, Base):
    """The service user whose plan it is (plan owner), with their own "about me" words."""

    __tablename__ = "persons"

    full_name: Mapped[str] = text_column(SHORT, label="Full name", name=True)
    preferred_name: Mapped[str] = text_column(SHORT, label="Preferred name", name=True)
    date_of_birth: Mapped[date | None] = mapped_column(Date)
    preferred_language: Mapped[Language] = mapped_column(
        enum_type(Language, "language"), default=Language.NB
    )
    phone: Mapped[str] = text_column(PHONE, label="Phone")
    #: Where letters reach the person (a reminder of their review); a few lines.
    address: Mapped[str] = text_column(ADDRESS, label="Address", multiline=True)
    # The person's consent to having a plan: when, and whether on the screen or on paper.
    plan_consent_on: Mapped[date | None] = mapped_column(Date)
    plan_consent_how: Mapped[ConsentGiven | None] = mapped_column(
        enum_type(ConsentGiven, "plan_consent_how")
    )
    # About me: the person's own words, printed in the shared plan.
    what_matters: Mapped[str] = text_column(LONG, label="What matters to me", multiline=True)
    strengths: Mapped[str] = text_column(LONG, label="My strengths", multiline=True)
    what_helps: Mapped[str] = text_column(LONG, label="What helps", multiline=True)
    what_does_not_help: Mapped[str] = text_column(LONG, label="What does not help", multiline=True)
    how_i_want_to_be_met: Mapped[str] = text_column(
        LONG, label="How I want to be met", multiline=True
    )
    search_key: Mapped[str] = mapped_column(String(2 * SHORT + 1), default="")
    sort_key: Mapped[str] = mapped_column(
        String(SHORT).with_variant(String(SHORT, collation="C"), "postgresql"), default=""
    )
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)

    # Covers the caseload: name order, with the search key read from the index itself.
    __table_args__ = (Index("ix_persons_sort_key_search", "sort_key", "id", "search_key"),)


class Account(UuidPrimaryKey, Versioned, Base):
    """Someone who signs in: practitioner, team lead, peer worker or admin."""

    __tablename__ = "accounts"

    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = text_column(SHORT, label="Name", name=True)
    email: Mapped[str] = text_column(EMAIL, label="Email")
    role: Mapped[Role] = mapped_column(enum_type(Role, "role"))
    password_hash: Mapped[str | None] = mapped_column(String(256), default=None)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_sign_ins: Mapped[int] = mapped_column(Integer, default=0)
    last_failed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
