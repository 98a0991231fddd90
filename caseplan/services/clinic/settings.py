"""Settings that belong to the clinic's database (per-computer ones live in QSettings)."""

from __future__ import annotations

import math

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseplan.errors import AccessDenied, InvalidInput, tr_noop
from caseplan.models import Setting
from caseplan.services.context import Context
from caseplan.services.review_dates import (
    MAX_REVIEW_MONTHS,
    MIN_REVIEW_MONTHS,
    REVIEW_MONTHS_KEY,
    review_interval_in,
)
from caseplan.services.security import access, audit

#: Set on a database made or filled with fictional demo people (it says DEMO everywhere).
DEMO_KEY = "demo"
IDLE_LOCK_KEY = "idle_lock_minutes"
DEFAULT_IDLE_LOCK_MINUTES = 5.0
#: Never lock sooner than this, nor later (a typo must not leave a screen open for days).
MIN_MINUTES, MAX_MINUTES = 0.5, 240.0


def is_demo(ctx: Context) -> bool:
    """Whether this database holds fictional demo people (see :mod:`caseplan.demo`)."""
    with ctx.read() as session:
        return session.get(Setting, DEMO_KEY) is not None


def idle_lock_minutes(ctx: Context) -> float:
    """Minutes without use before the window locks; the default if unset or unreadable."""
    with ctx.read() as session:
        value = session.execute(
            select(Setting.value).where(Setting.key == IDLE_LOCK_KEY)
        ).scalar_one_or_none()
    try:
        minutes = float(value) if value is not None else DEFAULT_IDLE_LOCK_MINUTES
    except ValueError:
        return DEFAULT_IDLE_LOCK_MINUTES
    if math.isnan(minutes):
        return DEFAULT_IDLE_LOCK_MINUTES
    return min(max(minutes, MIN_MINUTES), MAX_MINUTES)


def check_idle_lock_minutes(minutes: float) -> None:
    """Refuse, with a sentence, an idle lock that fires at once or leaves a screen open for days."""
    if math.isnan(minutes) or not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise InvalidInput(
            tr_noop("The idle lock must be between {low} and {high} minutes."),
            low=MIN_MINUTES,
            high=int(MAX_MINUTES),
        )


def require_idle_lock_right(ctx: Context) -> None:
    """Only an administrator sets when every screen of the clinic locks."""
    if not access.can(ctx, access.Action.MANAGE_ACCOUNTS):
        raise AccessDenied(tr_noop("Only an administrator can change when the window locks."))


def set_idle_lock_minutes(ctx: Context, minutes: float) -> None:
    """An administrator's choice for the whole clinic; audited."""
    require_idle_lock_right(ctx)
    check_idle_lock_minutes(minutes)
    with ctx.write() as session:
        setting = session.get(Setting, IDLE_LOCK_KEY)
        if setting is None:
            session.add(Setting(key=IDLE_LOCK_KEY, value=str(minutes)))
        else:
            setting.value = str(minutes)
        audit.record(session, ctx.actor, audit.Action.CHANGE, "setting", "", IDLE_LOCK_KEY)


NO_CONTACT_WEEKS_KEY = "no_contact_weeks"
#: The overview lists people not met for this many weeks, unless the clinic says otherwise.
DEFAULT_NO_CONTACT_WEEKS = 6
MIN_NO_CONTACT_WEEKS, MAX_NO_CONTACT_WEEKS = 1, 52


def no_contact_weeks_in(session: Session) -> int:
    """Weeks without contact before the overview lists someone (read in the caller's session)."""
    value = session.execute(
        select(Setting.value).where(Setting.key == NO_CONTACT_WEEKS_KEY)
    ).scalar_one_or_none()
    try:
        weeks = int(value) if value is not None else DEFAULT_NO_CONTACT_WEEKS
    except ValueError:
        return DEFAULT_NO_CONTACT_WEEKS
    return min(max(weeks, MIN_NO_CONTACT_WEEKS), MAX_NO_CONTACT_WEEKS)


def no_contact_weeks(ctx: Context) -> int:
    with ctx.read() as session:
        return no_contact_weeks_in(session)


def set_no_contact_weeks(ctx: Context, weeks: int) -> None:
    """After how many weeks without a meeting, review or peer contact someone is listed."""
    access.require(ctx, access.Action.CLINIC_SETTINGS)
    if (
        isinstance(weeks, bool)
        or not isinstance(weeks, int)
        or not (MIN_NO_CONTACT_WEEKS <= weeks <= MAX_NO_CONTACT_WEEKS)
    ):
        raise InvalidInput(
            tr_noop("Weeks without contact must be between {low} and {high}."),
            low=MIN_NO_CONTACT_WEEKS,
            high=MAX_NO_CONTACT_WEEKS,
        )
    with ctx.write() as session:
        setting = session.get(Setting, NO_CONTACT_WEEKS_KEY)
        if setting is None:
            session.add(Setting(key=NO_CONTACT_WEEKS_KEY, value=str(weeks)))
        else:
            setting.value = str(weeks)
        audit.record(session, ctx.actor, audit.Action.CHANGE, "setting", "", NO_CONTACT_WEEKS_KEY)


def review_interval_months(ctx: Context) -> int:
    with ctx.read() as session:
        return review_interval_in(session)


def check_review_interval_months(months: int) -> None:
    if (
        isinstance(months, bool)
        or not isinstance(months, int)
        or not (MIN_REVIEW_MONTHS <= months <= MAX_REVIEW_MONTHS)
    ):
        raise InvalidInput(
            tr_noop("The time to the first review must be between {low} and {high} months."),
            low=MIN_REVIEW_MONTHS,
            high=MAX_REVIEW_MONTHS,
        )


def set_review_interval_months(ctx: Context, months: int) -> None:
    """How long until a new plan's first review: a clinic's choice (team lead or admin)."""
    access.require(ctx, access.Action.CLINIC_SETTINGS)
    check_review_interval_months(months)
    with ctx.write() as session:
        setting = session.get(Setting, REVIEW_MONTHS_KEY)
        if setting is None:
            session.add(Setting(key=REVIEW_MONTHS_KEY, value=str(months)))
        else:
            setting.value = str(months)
        audit.record(session, ctx.actor, audit.Action.CHANGE, "setting", "", REVIEW_MONTHS_KEY)
