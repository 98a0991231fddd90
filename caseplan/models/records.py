"""Clinic-wide settings and the append-only, hash-chained audit trail."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from caseplan.models.base import Base, UtcDateTime, utcnow


class Setting(Base):
    """A setting that belongs to the clinic's database (per-computer ones live in QSettings)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class AuditEvent(Base):
    """One audited action. ``hash`` covers the row and ``prev_hash`` links the chain."""

    __tablename__ = "audit_events"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    account: Mapped[str] = mapped_column(String(64), default="")
    #: The account's full name and role at that moment: a person may ask who looked at
    #: their plan, and a user name (or a role changed since) would not tell them.
    actor_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    actor_role: Mapped[str] = mapped_column(String(32), default="", server_default="")
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(64), default="")
    entity_id: Mapped[str] = mapped_column(String(64), default="", index=True)
    detail: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    hash: Mapped[str] = mapped_column(String(64), default="")
    #: HMAC over ``seq``, ``hash`` and the previous event's ``mac`` under the database's
    #: audit key (services/security/chain.py); "" for events from before schema 0013.
    mac: Mapped[str] = mapped_column(String(64), default="", server_default="")
