"""indexes for the overview: its counts read narrow indexes instead of whole tables

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01

Only indexes: no table and no row changes. The overview counts, for every person a team
lead may see, reviews, consents, steps overdue, contact and peer time; with 10,000 people
and 100,000 steps, reading those tables whole (and decrypting every page) took seconds.
Each index holds just the columns one count needs, in the order it reads them
(``benchmarks/bench_overview.py`` measures it).
"""

from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_steps_status_due_goal": ("steps", ["status", "due", "goal_id"]),
    "ix_goals_id_status_plan": ("goals", ["id", "status", "plan_id"]),
    "ix_plans_id_status_person": ("plans", ["id", "status", "person_id"]),
    "ix_plans_person_status": ("plans", ["person_id", "status"]),
    "ix_participants_consent_end": (
        "participants",
        ["consent_expires_on", "consent_scope", "plan_id"],
    ),
    "ix_meetings_date_plan": ("meetings", ["date", "plan_id"]),
    "ix_reviews_date_plan": ("reviews", ["date", "plan_id"]),
    "ix_peer_contributions_overview": (
        "peer_contributions",
        ["date", "plan_id", "minutes", "paid_minutes"],
    ),
}


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, (table, _columns) in INDEXES.items():
        op.drop_index(name, table_name=table)
