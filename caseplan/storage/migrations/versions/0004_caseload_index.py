"""an index that covers the caseload (name order and search)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from __future__ import annotations

from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('persons', schema=None) as batch_op:
        batch_op.drop_index('ix_persons_sort_key')
        batch_op.create_index(
            'ix_persons_sort_key_search', ['sort_key', 'id', 'search_key'], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table('persons', schema=None) as batch_op:
        batch_op.drop_index('ix_persons_sort_key_search')
        batch_op.create_index('ix_persons_sort_key', ['sort_key'], unique=False)
