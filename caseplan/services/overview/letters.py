"""Reminder letters from the overview: to each person whose review is overdue or due within
30 days, in their own language, to the address in their details, signed by their coordinator.

A letter names the person and goes out on paper: each one is audited as printed (one event
per person) in the transaction that hands the file over. People without an address get no
letter; they are counted, so the team lead can reach them another way.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from caseplan.models import Participant, Person, Plan
from caseplan.services.account_names import account_names
from caseplan.services.context import Context
from caseplan.services.overview.signals import (
    DUE_SOON,
    open_plan,
    person_is_visible,
    visible_ids,
)
from caseplan.services.security import audit


@dataclass(frozen=True)
class Letter:
    person_id: uuid.UUID
    #: the name the letter greets them with (their preferred name, or their full name)
    name: str
    full_name: str
    address: str
    language: str
    review: date
    overdue: bool
    coordinator: str
    phone: str


@dataclass(frozen=True)
class Letters:
    today: date
    letters: tuple[Letter, ...]
    #: people whose review is due but who have no address on record (no letter for them)
    without_address: int


def _read(ctx: Context) -> tuple[list[Letter], int]:
    today = ctx.today()
    visible = visible_ids(ctx)
    coordinator = aliased(Participant)
    account = account_names()
    query = (
        select(
            Person.id,
            Person.full_name,
            Person.preferred_name,
            Person.address,
            Person.preferred_language,
            Plan.next_review,
            func.coalesce(account.c.display_name, coordinator.name, ""),
            func.coalesce(coordinator.phone, ""),
        )
        .select_from(Plan)
        .join(Person, Person.id == Plan.person_id)
        .outerjoin(coordinator, coordinator.id == Plan.coordinator_id)
        .outerjoin(account, account.c.id == coordinator.account_id)
        .where(
            open_plan(),
            person_is_visible(Plan.person_id, visible),
            Plan.next_review <= today + DUE_SOON,
        )
    )
    letters: list[Letter] = []
    missing = 0
    with ctx.read() as session:
        rows = session.execute(query).all()
    for person_id, full, preferred, address, language, review, who, phone in rows:
        if review is None:  # cannot be: the query asks for a date; for the type checker
            continue
        if not (address or "").strip():
            missing += 1
            continue
        letters.append(
            Letter(
                person_id=person_id,
                name=preferred or full,
                full_name=full,
                address=address.strip(),
                language=str(getattr(language, "value", language) or "nb"),
                review=review,
                overdue=review < today,
                coordinator=who,
                phone=phone,
            )
        )
    letters.sort(key=lambda x: (x.review, x.full_name, str(x.person_id)))
    return letters, missing


def reminder_letters(
    ctx: Context, render: Callable[[Letters], bytes], finish: Callable[[bytes], None]
) -> Letters:
    """Read the letters afresh, render them, audit each person as printed, ``finish(data)``.

    If ``finish`` fails, no audit event is kept (nothing was handed over).
    """
    letters, missing = _read(ctx)
    found = Letters(ctx.today(), tuple(letters), missing)
    data = render(found)
    with ctx.write() as session:
        for letter in found.letters:
            audit.record(
                session,
                ctx.actor,
                audit.Action.PRINT,
                "person",
                letter.person_id,
                "reminder letter",
            )
        finish(data)
    return found
