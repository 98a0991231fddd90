"""Who did something, as a person reads it afterwards: "Kari Nordmann (kari)".

Kept beside a record that says where it came from (an import, an acceptance, a check of
who a peer is), so the words survive the account being renamed or switched off.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseplan.models import Account
from caseplan.services.context import Context

LIMIT = 200


def account_label(session: Session, ctx: Context) -> str:
    """The acting account's full name and user name, or its user name when it has no name."""
    account_id = ctx.actor.account_id
    name = None
    if account_id is not None:
        name = session.scalar(select(Account.display_name).where(Account.id == account_id))
    label = f"{name} ({ctx.actor.username})" if name else ctx.actor.username
    return label[:LIMIT]
