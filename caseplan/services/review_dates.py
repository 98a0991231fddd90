"""When a new plan is first reviewed: the clinic's interval (a setting) and month arithmetic.

Kept apart from the clinic's other settings so that opening a plan (people, plans) needs
nothing from the clinic package.
"""

from __future__ import annotations

import calendar
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseplan.models import Setting

REVIEW_MONTHS_KEY = "review_interval_months"
#: A new plan is reviewed this many months after it starts, unless the clinic says otherwise.
DEFAULT_REVIEW_MONTHS = 3
MIN_REVIEW_MONTHS, MAX_REVIEW_MONTHS = 1, 24


def months_after(start: date, months: int) -> date:
    """The same day ``months`` later (the month's last day when it is shorter)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def review_interval_in(session: Session) -> int:
    """Months from a new plan's start to its first review (read in the caller's session)."""
    value = session.execute(
        select(Setting.value).where(Setting.key == REVIEW_MONTHS_KEY)
    ).scalar_one_or_none()
    try:
        months = int(value) if value is not None else DEFAULT_REVIEW_MONTHS
    except ValueError:
        return DEFAULT_REVIEW_MONTHS
    return min(max(months, MIN_REVIEW_MONTHS), MAX_REVIEW_MONTHS)


def first_review(session: Session, start: date) -> date:
    """The first review of a plan that starts on ``start``."""
    return months_after(start, review_interval_in(session))
