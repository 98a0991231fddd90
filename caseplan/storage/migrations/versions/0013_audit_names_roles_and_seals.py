"""the audit trail keeps who acted (full name and role at that moment) and is sealed with a key

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30

Additive only: three columns added with ``ALTER TABLE … ADD COLUMN``. Events written before
keep "" (who they were is not guessed, their hashes stay as they were, and they carry no
seal: the keyed chain starts with the first event written after the upgrade; see
services/security/chain.py). On an embedded database the audit key is made with the first
event (it lives in the encrypted settings).

On a PostgreSQL server (team mode, migration 0006) the app's roles may only INSERT and
SELECT the audit table, and a trigger refuses every UPDATE, DELETE and TRUNCATE, whoever
tries. The audit key is made with the first event by a function that hands it to the app
(every account appends as itself and seals its own events); it is kept in settings no
account reads directly. The chain's head comes with its seal.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

GROUPS = "caseplan_practitioner, caseplan_team_lead, caseplan_peer_worker, caseplan_admin"
_DEFINER = "LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp"
PRIVATE_SETTINGS = "('sign_in_name_key', 'audit_chain_key')"


def upgrade() -> None:
    op.add_column(
        'audit_events',
        sa.Column('actor_name', sa.String(length=200), server_default='', nullable=False),
    )
    op.add_column(
        'audit_events',
        sa.Column('actor_role', sa.String(length=32), server_default='', nullable=False),
    )
    op.add_column(
        'audit_events', sa.Column('mac', sa.String(length=64), server_default='', nullable=False)
    )
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in (
        """CREATE OR REPLACE FUNCTION caseplan_audit_refuse() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'the audit trail is append-only: % refused', TG_OP
            USING ERRCODE = '42501';
        END $$""",
        "CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit_events "
        "FOR EACH ROW EXECUTE FUNCTION caseplan_audit_refuse()",
        "CREATE TRIGGER audit_never_emptied BEFORE TRUNCATE ON audit_events "
        "FOR EACH STATEMENT EXECUTE FUNCTION caseplan_audit_refuse()",
        f"REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM {GROUPS}",
        "DROP FUNCTION IF EXISTS caseplan_audit_head()",
        "CREATE FUNCTION caseplan_audit_head(OUT seq integer, OUT hash varchar, "
        f"OUT mac varchar) {_DEFINER} AS $$ "
        "SELECT seq, hash, mac FROM audit_events ORDER BY seq DESC LIMIT 1 $$",
        # The key, made with the first event: 256 bits from two random UUIDs (the server's
        # strong random source), through SHA-256.
        """CREATE OR REPLACE FUNCTION caseplan_audit_key() RETURNS text LANGUAGE plpgsql
        SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DECLARE found text;
        BEGIN
          SELECT value INTO found FROM settings WHERE key = 'audit_chain_key';
          IF found IS NULL THEN
            INSERT INTO settings (key, value) VALUES ('audit_chain_key', encode(sha256(
              convert_to(gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8')), 'hex'))
            ON CONFLICT (key) DO NOTHING;
            SELECT value INTO found FROM settings WHERE key = 'audit_chain_key';
          END IF;
          RETURN found;
        END $$""",
        "REVOKE ALL ON FUNCTION caseplan_audit_key() FROM PUBLIC",
        f"GRANT EXECUTE ON FUNCTION caseplan_audit_key() TO {GROUPS}",
        "DROP POLICY read ON settings",
        f"CREATE POLICY read ON settings FOR SELECT USING (key NOT IN {PRIVATE_SETTINGS})",
        "DROP POLICY admin_change ON settings",
        "CREATE POLICY admin_change ON settings FOR ALL TO caseplan_admin "
        f"USING (key NOT IN {PRIVATE_SETTINGS}) WITH CHECK (key NOT IN {PRIVATE_SETTINGS})",
    ):
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in (
            "DROP TRIGGER IF EXISTS audit_append_only ON audit_events",
            "DROP TRIGGER IF EXISTS audit_never_emptied ON audit_events",
            "DROP FUNCTION IF EXISTS caseplan_audit_refuse()",
            "DROP FUNCTION IF EXISTS caseplan_audit_key()",
            "DROP FUNCTION IF EXISTS caseplan_audit_head()",
            "CREATE FUNCTION caseplan_audit_head(OUT seq integer, OUT hash varchar) "
            f"{_DEFINER} AS $$ SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1 $$",
            "DELETE FROM settings WHERE key = 'audit_chain_key'",
        ):
            op.execute(statement)
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_column('mac')
        batch_op.drop_column('actor_role')
        batch_op.drop_column('actor_name')
