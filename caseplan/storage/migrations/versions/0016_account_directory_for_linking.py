"""the accounts a team member can be linked to: names, user names and roles, no secrets

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-01

PostgreSQL only (team mode, migration 0006); nothing changes in an embedded database. Row-level
security shows each login only its own row of ``accounts``, so a practitioner could not
choose the peer worker's account to link to a peer on a person's team. The function below
gives practitioners, team leads and administrators (never a peer worker) the clinic's
accounts with only their id, user name, name, role and whether they are switched on: no
password verifier, e-mail or sign-in counts. ``accounts`` itself keeps its policies.
"""

from __future__ import annotations

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

STAFF = "caseplan_practitioner, caseplan_team_lead, caseplan_admin"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in (
        "CREATE OR REPLACE FUNCTION caseplan_account_directory() RETURNS TABLE "
        "(id uuid, username varchar, display_name varchar, role varchar, active boolean) "
        "LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$ "
        "SELECT a.id, a.username, a.display_name, a.role, a.active FROM accounts a "
        "WHERE coalesce(caseplan_role(), 'server') <> 'peer_worker' "
        "ORDER BY a.display_name, a.username $$",
        "REVOKE ALL ON FUNCTION caseplan_account_directory() FROM PUBLIC",
        f"GRANT EXECUTE ON FUNCTION caseplan_account_directory() TO {STAFF}",
    ):
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS caseplan_account_directory()")
