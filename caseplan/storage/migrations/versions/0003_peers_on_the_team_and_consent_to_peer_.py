"""peers on the team and consent to peer involvement

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('participants', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('offers', sa.String(length=2000), nullable=False, server_default='')
        )
        batch_op.add_column(
            sa.Column('availability', sa.String(length=200), nullable=False, server_default='')
        )
        batch_op.add_column(
            sa.Column(
                'peer_engagement',
                sa.Enum(
                    'none', 'paid', 'volunteer', name='peer_engagement', native_enum=False,
                    create_constraint=True, length=32,
                ),
                nullable=False,
                server_default='none',
            )
        )
        batch_op.create_check_constraint(
            op.f('ck_participants_offers_length'), 'length(offers) <= 2000'
        )
        batch_op.create_check_constraint(
            op.f('ck_participants_availability_length'), 'length(availability) <= 200'
        )

    with op.batch_alter_table('plans', schema=None) as batch_op:
        batch_op.add_column(sa.Column('peer_consent_granted_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('peer_consent_expires_on', sa.Date(), nullable=True))
        batch_op.create_check_constraint(
            op.f('ck_plans_peer_consent_period'),
            'peer_consent_expires_on IS NULL OR peer_consent_granted_on IS NULL '
            'OR peer_consent_expires_on >= peer_consent_granted_on',
        )

    # Peers already on a team were added with the person's consent to their sharing;
    # carry it over as consent to peer involvement.
    op.execute(
        "UPDATE plans SET "
        "peer_consent_granted_on = (SELECT MIN(p.consent_granted_on) FROM participants p "
        "  WHERE p.plan_id = plans.id AND p.role = 'peer'), "
        "peer_consent_expires_on = (SELECT MAX(p.consent_expires_on) FROM participants p "
        "  WHERE p.plan_id = plans.id AND p.role = 'peer')"
    )


def downgrade() -> None:
    with op.batch_alter_table('plans', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_plans_peer_consent_period'), type_='check')
        batch_op.drop_column('peer_consent_expires_on')
        batch_op.drop_column('peer_consent_granted_on')

    with op.batch_alter_table('participants', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_participants_availability_length'), type_='check')
        batch_op.drop_constraint(op.f('ck_participants_offers_length'), type_='check')
        batch_op.drop_column('peer_engagement')
        batch_op.drop_column('availability')
        batch_op.drop_column('offers')
