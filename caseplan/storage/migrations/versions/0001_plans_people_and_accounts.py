"""plans, people and accounts

Revision ID: 0001
Revises: 
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from caseplan.models.base import UtcDateTime


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('accounts',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=200), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('role', sa.Enum('practitioner', 'team_lead', 'peer_worker', 'admin', name='role', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('password_hash', sa.String(length=256), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('failed_sign_ins', sa.Integer(), nullable=False),
    sa.Column('last_failed_at', UtcDateTime(), nullable=True),
    sa.Column('created_at', UtcDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('length(display_name) <= 200', name=op.f('ck_accounts_display_name_length')),
    sa.CheckConstraint('length(email) <= 254', name=op.f('ck_accounts_email_length')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_accounts')),
    sa.UniqueConstraint('username', name=op.f('uq_accounts_username'))
    )
    op.create_table('persons',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('full_name', sa.String(length=200), nullable=False),
    sa.Column('preferred_name', sa.String(length=200), nullable=False),
    sa.Column('date_of_birth', sa.Date(), nullable=True),
    sa.Column('preferred_language', sa.Enum('en', 'nb', name='language', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('what_matters', sa.String(length=20000), nullable=False),
    sa.Column('strengths', sa.String(length=20000), nullable=False),
    sa.Column('what_helps', sa.String(length=20000), nullable=False),
    sa.Column('what_does_not_help', sa.String(length=20000), nullable=False),
    sa.Column('how_i_want_to_be_met', sa.String(length=20000), nullable=False),
    sa.Column('search_key', sa.String(length=401), nullable=False),
    sa.Column('sort_key', sa.String(length=200).with_variant(sa.String(length=200, collation='C'), 'postgresql'), nullable=False),
    sa.Column('created_at', UtcDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('length(full_name) <= 200', name=op.f('ck_persons_full_name_length')),
    sa.CheckConstraint('length(how_i_want_to_be_met) <= 20000', name=op.f('ck_persons_how_i_want_to_be_met_length')),
    sa.CheckConstraint('length(preferred_name) <= 200', name=op.f('ck_persons_preferred_name_length')),
    sa.CheckConstraint('length(strengths) <= 20000', name=op.f('ck_persons_strengths_length')),
    sa.CheckConstraint('length(what_does_not_help) <= 20000', name=op.f('ck_persons_what_does_not_help_length')),
    sa.CheckConstraint('length(what_helps) <= 20000', name=op.f('ck_persons_what_helps_length')),
    sa.CheckConstraint('length(what_matters) <= 20000', name=op.f('ck_persons_what_matters_length')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_persons'))
    )
    with op.batch_alter_table('persons', schema=None) as batch_op:
        batch_op.create_index('ix_persons_sort_key', ['sort_key'], unique=False)

    op.create_table('plans',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('person_id', sa.Uuid(), nullable=False),
    sa.Column('status', sa.Enum('draft', 'agreed', 'closed', name='status', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=True),
    sa.Column('next_review', sa.Date(), nullable=True),
    sa.Column('coordinator_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', UtcDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('period_end IS NULL OR period_end >= period_start', name=op.f('ck_plans_period')),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_plans_person_id_persons'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plans'))
    )
    with op.batch_alter_table('plans', schema=None) as batch_op:
        batch_op.create_index('ix_plans_next_review', ['next_review'], unique=False)
        batch_op.create_index('uq_plans_open_per_person', ['person_id'], unique=True, sqlite_where=sa.text("status != 'closed'"), postgresql_where=sa.text("status != 'closed'"))

    op.create_table('crisis_plans',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('plan_id', sa.Uuid(), nullable=False),
    sa.Column('warning_signs', sa.String(length=20000), nullable=False),
    sa.Column('triggers', sa.String(length=20000), nullable=False),
    sa.Column('what_i_do', sa.String(length=20000), nullable=False),
    sa.Column('what_others_do', sa.String(length=20000), nullable=False),
    sa.Column('what_does_not_help', sa.String(length=20000), nullable=False),
    sa.Column('treatment_wanted', sa.String(length=20000), nullable=False),
    sa.Column('treatment_not_wanted', sa.String(length=20000), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('length(treatment_not_wanted) <= 20000', name=op.f('ck_crisis_plans_treatment_not_wanted_length')),
    sa.CheckConstraint('length(treatment_wanted) <= 20000', name=op.f('ck_crisis_plans_treatment_wanted_length')),
    sa.CheckConstraint('length(triggers) <= 20000', name=op.f('ck_crisis_plans_triggers_length')),
    sa.CheckConstraint('length(warning_signs) <= 20000', name=op.f('ck_crisis_plans_warning_signs_length')),
    sa.CheckConstraint('length(what_does_not_help) <= 20000', name=op.f('ck_crisis_plans_what_does_not_help_length')),
    sa.CheckConstraint('length(what_i_do) <= 20000', name=op.f('ck_crisis_plans_what_i_do_length')),
    sa.CheckConstraint('length(what_others_do) <= 20000', name=op.f('ck_crisis_plans_what_others_do_length')),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_crisis_plans_plan_id_plans'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_crisis_plans')),
    sa.UniqueConstraint('plan_id', name=op.f('uq_crisis_plans_plan_id'))
    )
    op.create_table('goals',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('plan_id', sa.Uuid(), nullable=False),
    sa.Column('domain', sa.Enum('housing', 'physical_health', 'mental_health', 'substance_use', 'work_and_activity', 'income_and_finances', 'family_and_children', 'social_network', 'leisure', 'legal', 'daily_living', 'other', name='domain', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('own_words', sa.String(length=2000), nullable=False),
    sa.Column('worker_note', sa.String(length=20000), nullable=False),
    sa.Column('status', sa.Enum('active', 'achieved', 'paused', 'closed', name='status', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('target_date', sa.Date(), nullable=True),
    sa.Column('priority', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('length(own_words) <= 2000', name=op.f('ck_goals_own_words_length')),
    sa.CheckConstraint('length(own_words) > 0', name=op.f('ck_goals_own_words_not_empty')),
    sa.CheckConstraint('length(worker_note) <= 20000', name=op.f('ck_goals_worker_note_length')),
    sa.CheckConstraint('priority BETWEEN 1 AND 3', name=op.f('ck_goals_priority')),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_goals_plan_id_plans'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_goals'))
    )
    with op.batch_alter_table('goals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_goals_plan_id'), ['plan_id'], unique=False)

    op.create_table('meetings',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('plan_id', sa.Uuid(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('shared_notes', sa.String(length=20000), nullable=False),
    sa.Column('worker_note', sa.String(length=20000), nullable=False),
    sa.Column('agreed', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('length(shared_notes) <= 20000', name=op.f('ck_meetings_shared_notes_length')),
    sa.CheckConstraint('length(worker_note) <= 20000', name=op.f('ck_meetings_worker_note_length')),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_meetings_plan_id_plans'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meetings'))
    )
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meetings_plan_id'), ['plan_id'], unique=False)

    op.create_table('participants',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('plan_id', sa.Uuid(), nullable=False),
    sa.Column('role', sa.Enum('person', 'coordinator', 'practitioner', 'peer', 'network', 'service', name='role', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('organisation', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=50), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('consent_granted_on', sa.Date(), nullable=True),
    sa.Column('consent_expires_on', sa.Date(), nullable=True),
    sa.Column('consent_scope', sa.Enum('full_plan', 'own_part', 'crisis_plan', 'none', name='consent_scope', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('account_id', sa.Uuid(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('consent_expires_on IS NULL OR consent_granted_on IS NULL OR consent_expires_on >= consent_granted_on', name=op.f('ck_participants_consent_period')),
    sa.CheckConstraint('length(email) <= 254', name=op.f('ck_participants_email_length')),
    sa.CheckConstraint('length(name) <= 200', name=op.f('ck_participants_name_length')),
    sa.CheckConstraint('length(organisation) <= 200', name=op.f('ck_participants_organisation_length')),
    sa.CheckConstraint('length(phone) <= 50', name=op.f('ck_participants_phone_length')),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_participants_account_id_accounts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_participants_plan_id_plans'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_participants'))
    )
    with op.batch_alter_table('participants', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_participants_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_participants_plan_id'), ['plan_id'], unique=False)

    op.create_table('plan_versions',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('plan_id', sa.Uuid(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('agreed_on', sa.Date(), nullable=False),
    sa.Column('agreed_by', sa.JSON(), nullable=False),
    sa.Column('snapshot', sa.JSON(), nullable=False),
    sa.Column('created_at', UtcDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_plan_versions_plan_id_plans'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_versions'))
    )
    with op.batch_alter_table('plan_versions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_versions_plan_id'), ['plan_id'], unique=False)
        batch_op.create_index('uq_plan_versions_number', ['plan_id', 'number'], unique=True)

    op.create_table('reviews',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('plan_id', sa.Uuid(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('what_helped', sa.String(length=20000), nullable=False),
    sa.Column('what_got_in_the_way', sa.String(length=20000), nullable=False),
    sa.Column('next_review', sa.Date(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('length(what_got_in_the_way) <= 20000', name=op.f('ck_reviews_what_got_in_the_way_length')),
    sa.CheckConstraint('length(what_helped) <= 20000', name=op.f('ck_reviews_what_helped_length')),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_reviews_plan_id_plans'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reviews'))
    )
    with op.batch_alter_table('reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reviews_plan_id'), ['plan_id'], unique=False)

    op.create_table('crisis_contacts',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('crisis_plan_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=50), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.CheckConstraint('length(name) <= 200', name=op.f('ck_crisis_contacts_name_length')),
    sa.CheckConstraint('length(phone) <= 50', name=op.f('ck_crisis_contacts_phone_length')),
    sa.CheckConstraint('length(role) <= 200', name=op.f('ck_crisis_contacts_role_length')),
    sa.ForeignKeyConstraint(['crisis_plan_id'], ['crisis_plans.id'], name=op.f('fk_crisis_contacts_crisis_plan_id_crisis_plans'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_crisis_contacts'))
    )
    with op.batch_alter_table('crisis_contacts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_crisis_contacts_crisis_plan_id'), ['crisis_plan_id'], unique=False)

    op.create_table('meeting_attendees',
    sa.Column('meeting_id', sa.Uuid(), nullable=False),
    sa.Column('participant_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_meeting_attendees_meeting_id_meetings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['participant_id'], ['participants.id'], name=op.f('fk_meeting_attendees_participant_id_participants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('meeting_id', 'participant_id', name=op.f('pk_meeting_attendees'))
    )
    op.create_table('peer_contributions',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('plan_id', sa.Uuid(), nullable=False),
    sa.Column('peer_id', sa.Uuid(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('meeting', 'phone_or_message', 'accompaniment', 'group', 'other', name='kind', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('note', sa.String(length=20000), nullable=False),
    sa.Column('paid_minutes', sa.Integer(), nullable=False),
    sa.Column('created_at', UtcDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('length(note) <= 20000', name=op.f('ck_peer_contributions_note_length')),
    sa.CheckConstraint('minutes BETWEEN 1 AND 1440', name=op.f('ck_peer_contributions_minutes')),
    sa.CheckConstraint('paid_minutes BETWEEN 0 AND minutes', name=op.f('ck_peer_contributions_paid_minutes')),
    sa.ForeignKeyConstraint(['peer_id'], ['participants.id'], name=op.f('fk_peer_contributions_peer_id_participants')),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_peer_contributions_plan_id_plans'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_peer_contributions'))
    )
    with op.batch_alter_table('peer_contributions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_peer_contributions_date'), ['date'], unique=False)
        batch_op.create_index(batch_op.f('ix_peer_contributions_peer_id'), ['peer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_peer_contributions_plan_id'), ['plan_id'], unique=False)

    op.create_table('review_ratings',
    sa.Column('review_id', sa.Uuid(), nullable=False),
    sa.Column('goal_id', sa.Uuid(), nullable=False),
    sa.Column('by_id', sa.Uuid(), nullable=False),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.CheckConstraint('score BETWEEN 0 AND 10', name=op.f('ck_review_ratings_score')),
    sa.ForeignKeyConstraint(['by_id'], ['participants.id'], name=op.f('fk_review_ratings_by_id_participants'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['goal_id'], ['goals.id'], name=op.f('fk_review_ratings_goal_id_goals'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['review_id'], ['reviews.id'], name=op.f('fk_review_ratings_review_id_reviews'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('review_id', 'goal_id', 'by_id', name=op.f('pk_review_ratings'))
    )
    op.create_table('steps',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('goal_id', sa.Uuid(), nullable=False),
    sa.Column('action', sa.String(length=2000), nullable=False),
    sa.Column('responsible_id', sa.Uuid(), nullable=True),
    sa.Column('due', sa.Date(), nullable=True),
    sa.Column('status', sa.Enum('planned', 'in_progress', 'done', 'dropped', name='status', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('worker_note', sa.String(length=20000), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('length(action) <= 2000', name=op.f('ck_steps_action_length')),
    sa.CheckConstraint('length(action) > 0', name=op.f('ck_steps_action_not_empty')),
    sa.CheckConstraint('length(worker_note) <= 20000', name=op.f('ck_steps_worker_note_length')),
    sa.ForeignKeyConstraint(['goal_id'], ['goals.id'], name=op.f('fk_steps_goal_id_goals'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['responsible_id'], ['participants.id'], name=op.f('fk_steps_responsible_id_participants')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_steps'))
    )
    with op.batch_alter_table('steps', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_steps_goal_id'), ['goal_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_steps_responsible_id'), ['responsible_id'], unique=False)


    with op.batch_alter_table('plans', schema=None) as batch_op:
        batch_op.create_foreign_key(
            op.f('fk_plans_coordinator_id_participants'), 'participants',
            ['coordinator_id'], ['id'],
        )


def downgrade() -> None:
    with op.batch_alter_table('plans', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('fk_plans_coordinator_id_participants'), type_='foreignkey')
    with op.batch_alter_table('steps', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_steps_responsible_id'))
        batch_op.drop_index(batch_op.f('ix_steps_goal_id'))

    op.drop_table('steps')
    op.drop_table('review_ratings')
    with op.batch_alter_table('peer_contributions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_peer_contributions_plan_id'))
        batch_op.drop_index(batch_op.f('ix_peer_contributions_peer_id'))
        batch_op.drop_index(batch_op.f('ix_peer_contributions_date'))

    op.drop_table('peer_contributions')
    op.drop_table('meeting_attendees')
    with op.batch_alter_table('crisis_contacts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_crisis_contacts_crisis_plan_id'))

    op.drop_table('crisis_contacts')
    with op.batch_alter_table('reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reviews_plan_id'))

    op.drop_table('reviews')
    with op.batch_alter_table('plan_versions', schema=None) as batch_op:
        batch_op.drop_index('uq_plan_versions_number')
        batch_op.drop_index(batch_op.f('ix_plan_versions_plan_id'))

    op.drop_table('plan_versions')
    with op.batch_alter_table('participants', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_participants_plan_id'))
        batch_op.drop_index(batch_op.f('ix_participants_account_id'))

    op.drop_table('participants')
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meetings_plan_id'))

    op.drop_table('meetings')
    with op.batch_alter_table('goals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_goals_plan_id'))

    op.drop_table('goals')
    op.drop_table('crisis_plans')
    with op.batch_alter_table('plans', schema=None) as batch_op:
        batch_op.drop_index('uq_plans_open_per_person', sqlite_where=sa.text("status != 'closed'"), postgresql_where=sa.text("status != 'closed'"))
        batch_op.drop_index('ix_plans_next_review')

    op.drop_table('plans')
    with op.batch_alter_table('persons', schema=None) as batch_op:
        batch_op.drop_index('ix_persons_sort_key')

    op.drop_table('persons')
    op.drop_table('accounts')
