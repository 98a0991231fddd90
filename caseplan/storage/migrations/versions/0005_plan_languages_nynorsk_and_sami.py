"""a person's plan can print in nynorsk (nn) and Northern Sámi (se) too

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

from __future__ import annotations

from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

OLD = "preferred_language IN ('en', 'nb')"
NEW = "preferred_language IN ('en', 'nb', 'nn', 'se')"


def upgrade() -> None:
    with op.batch_alter_table('persons', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_persons_language'), type_='check')
        batch_op.create_check_constraint(op.f('ck_persons_language'), NEW)


def downgrade() -> None:
    op.execute("UPDATE persons SET preferred_language = 'nb' WHERE preferred_language IN ('nn', 'se')")
    with op.batch_alter_table('persons', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_persons_language'), type_='check')
        batch_op.create_check_constraint(op.f('ck_persons_language'), OLD)
