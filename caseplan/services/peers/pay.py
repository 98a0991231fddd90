"""Which peer time counts, and which of it may be paid: the one rule, as SQL, for the peer
hours report and the overview alike.

- A contribution imported from a file counts only once a team lead has accepted it
  (:mod:`caseplan.services.peers.imported`); until then it is held, counted nowhere.
- Paid time may be paid only to a peer the clinic knows: a team member linked to an
  account, or one a team lead has verified. Any other peer's paid time is held.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, or_, select

from caseplan.models import Participant, PeerContribution


def counted() -> ColumnElement[bool]:
    """On ``PeerContribution``: recorded here, or imported and accepted by a team lead."""
    return or_(PeerContribution.imported_on.is_(None), PeerContribution.accepted_on.is_not(None))


def known_peer() -> ColumnElement[bool]:
    """On ``Participant`` (the peer): linked to an account, or verified by a team lead."""
    return or_(Participant.account_id.is_not(None), Participant.peer_verified_on.is_not(None))


def known_peers() -> Select[Any]:
    """The ids of the team members :func:`known_peer` holds for (few, found by index)."""
    return select(Participant.id).where(known_peer())
