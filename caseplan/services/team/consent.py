"""The person's consent to peer involvement: no peer joins the team without it."""

from __future__ import annotations

from datetime import date

from caseplan.errors import tr_noop

NO_PEER_CONSENT = tr_noop(
    "The person has not consented to peer involvement, so no peer can join the team."
)


def peer_consent_valid(granted: date | None, expires: date | None, today: date) -> bool:
    """Consent to peer involvement holds today: given on or before today, not yet expired."""
    return granted is not None and granted <= today and (expires is None or expires >= today)
