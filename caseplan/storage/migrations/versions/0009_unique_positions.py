"""positions of goals and steps are unique within their plan or goal

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30

Two programs adding a goal (or a step) at the same moment on PostgreSQL could both give it
the same position. Positions are first renumbered 0, 1, 2... within each plan (goal) in
the order they are shown (position, then id), which keeps that order and only changes
positions that were doubled or had gaps; then a unique constraint keeps them apart.
"""

from __future__ import annotations

from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def _renumber(table: str, parent: str) -> None:
    op.execute(
        f"UPDATE {table} SET position = ("
        f"SELECT ranked.n FROM (SELECT id, ROW_NUMBER() OVER "
        f"(PARTITION BY {parent} ORDER BY position, id) - 1 AS n FROM {table}) AS ranked "
        f"WHERE ranked.id = {table}.id)"
    )


def upgrade() -> None:
    _renumber('goals', 'plan_id')
    _renumber('steps', 'goal_id')
    with op.batch_alter_table('goals', schema=None) as batch_op:
        batch_op.create_unique_constraint(
            batch_op.f('uq_goals_plan_id'), ['plan_id', 'position']
        )
    with op.batch_alter_table('steps', schema=None) as batch_op:
        batch_op.create_unique_constraint(
            batch_op.f('uq_steps_goal_id'), ['goal_id', 'position']
        )


def downgrade() -> None:
    with op.batch_alter_table('steps', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_steps_goal_id'), type_='unique')
    with op.batch_alter_table('goals', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_goals_plan_id'), type_='unique')
