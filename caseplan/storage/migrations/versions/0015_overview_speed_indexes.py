"""indexes for the overview's speed: contact per plan, and peer time as the pay rule reads it

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-01

Only indexes: no table and no row changes. With 10,000 people and 100,000 steps the
overview looked up each plan's recent contact by the date indexes of migration 0010 and
tested every plan against lists of thousands; a plan's contact is now one look-up in an
index by plan and date. Peer time is read with the rule of the peer hours report (only a
known peer's paid time, no imported contribution before a team lead accepts it) from the
index alone, and the known peers are found without reading every team member.
``benchmarks/bench_overview.py`` measures it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_meetings_plan_date": ("meetings", ["plan_id", "date"]),
    "ix_reviews_plan_date": ("reviews", ["plan_id", "date"]),
    "ix_peer_contributions_plan_date": ("peer_contributions", ["plan_id", "date"]),
}
#: The known peers (caseplan.services.peers.pay.known_peer): few, found without reading
#: every team member.
KNOWN_PEER = "ix_participants_known_peer"
KNOWN_PEER_WHERE = "account_id IS NOT NULL OR peer_verified_on IS NOT NULL"
#: Peer time per month, read from the index alone: the old one lacked the pay rule's columns.
PEER_TIME = "ix_peer_contributions_overview"
PEER_TIME_BEFORE = ["date", "plan_id", "minutes", "paid_minutes"]
PEER_TIME_AFTER = [
    "date",
    "plan_id",
    "peer_id",
    "minutes",
    "paid_minutes",
    "imported_on",
    "accepted_on",
]


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns, unique=False)
    where = sa.text(KNOWN_PEER_WHERE)
    op.create_index(
        KNOWN_PEER, "participants", ["id"], sqlite_where=where, postgresql_where=where
    )
    op.drop_index(PEER_TIME, table_name="peer_contributions")
    op.create_index(PEER_TIME, "peer_contributions", PEER_TIME_AFTER, unique=False)


def downgrade() -> None:
    op.drop_index(PEER_TIME, table_name="peer_contributions")
    op.create_index(PEER_TIME, "peer_contributions", PEER_TIME_BEFORE, unique=False)
    op.drop_index(KNOWN_PEER, table_name="participants")
    for name, (table, _columns) in INDEXES.items():
        op.drop_index(name, table_name=table)
