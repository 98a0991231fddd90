"""Where a team member's consent stands today, and what it covers: plain rules, no session.

Used by the services that cut what a peer sees (:mod:`caseplan.services.team.consent`), by
the reads every service shares, and by the screens that mark an ended or ending consent.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum
from typing import Protocol

from caseplan.models import ConsentScope

#: How long before its end a consent is shown as ending ("consent ends in 14 days").
ENDING_SOON = timedelta(days=14)


class ConsentState(StrEnum):
    """Where a team member's consent to sharing stands today."""

    NONE = "none"  #: never given (scope "none")
    NOT_YET = "not_yet"  #: given from a later date
    VALID = "valid"
    ENDING = "ending"  #: valid, and ends within :data:`ENDING_SOON`
    ENDED = "ended"


class Consenting(Protocol):
    @property
    def consent_scope(self) -> ConsentScope: ...
    @property
    def consent_granted_on(self) -> date | None: ...
    @property
    def consent_expires_on(self) -> date | None: ...


def peer_consent_valid(granted: date | None, expires: date | None, today: date) -> bool:
    """Consent to peer involvement holds today: given on or before today, not yet expired."""
    return granted is not None and granted <= today and (expires is None or expires >= today)


def consent_state(member: Consenting, today: date) -> ConsentState:
    """The state of one team member's consent to sharing, today."""
    if member.consent_scope == ConsentScope.NONE:
        return ConsentState.NONE
    if member.consent_granted_on is not None and member.consent_granted_on > today:
        return ConsentState.NOT_YET
    expires = member.consent_expires_on
    if expires is not None and expires < today:
        return ConsentState.ENDED
    if expires is not None and expires - today <= ENDING_SOON:
        return ConsentState.ENDING
    return ConsentState.VALID


def days_left(member: Consenting, today: date) -> int | None:
    """Days until the consent ends (0 on its last day), or None when it has no end."""
    expires = member.consent_expires_on
    return None if expires is None else (expires - today).days


def effective_scope(member: Consenting, today: date) -> ConsentScope:
    """What the consent covers today: its scope while it holds, else nothing."""
    if consent_state(member, today) in (ConsentState.VALID, ConsentState.ENDING):
        return ConsentScope(member.consent_scope)
    return ConsentScope.NONE
