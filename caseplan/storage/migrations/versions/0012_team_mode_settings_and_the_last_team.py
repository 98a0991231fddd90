"""team mode: team leads change the clinic's settings; the last team goes on until a newer
plan has staff on it

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01

PostgreSQL only; nothing changes in an embedded database (the app's own rule,
``services/security/access.py``, changes with it). Found by living a clinic's first day
through each account's own server login:

- Migration 0006 let only an administrator's login write ``settings``, but the role x action
  table lets a team lead change the clinic's settings (``clinic_settings``: the time to a
  new plan's first review, the weeks without contact the overview lists): Settings → Clinic
  settings… failed for a team lead with "permission denied". A team lead's login may now
  write those keys and no other; the idle lock stays an administrator's.
- Starting the next plan after a closed one (migration 0007) failed for a practitioner's
  login: the moment the new plan was inserted, the closed plan's team no longer counted,
  so its team, crisis plan and goals could not be read or copied (row-level security hid
  them, silently). A later plan now takes over only once someone with an account is on
  its team.
"""

from __future__ import annotations

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

#: The settings a team lead may change (``services/clinic/settings.py``).
TEAM_LEAD_KEYS = "('review_interval_months', 'no_contact_weeks')"

_TEAM = (
    "SELECT 1 FROM plans p JOIN participants pa ON pa.plan_id = p.id "
    "WHERE p.person_id = person AND pa.account_id = me"
)
_STAFFED = (
    " AND EXISTS (SELECT 1 FROM participants op WHERE op.plan_id = o.id"
    " AND op.account_id IS NOT NULL)"
)


def _last_team(staffed: str) -> str:
    """The open plan's team, or the newest plan's when every plan is closed."""
    return (
        " AND (p.status <> 'closed' OR NOT EXISTS (SELECT 1 FROM plans o "
        "WHERE o.person_id = p.person_id AND o.id <> p.id "
        f"AND (o.status <> 'closed' OR o.created_at > p.created_at){staffed}))"
    )


_CONSENT = (
    " AND p.status <> 'closed' AND pa.consent_scope <> 'none'"
    " AND (pa.consent_granted_on IS NULL OR pa.consent_granted_on <= current_date)"
    " AND (pa.consent_expires_on IS NULL OR pa.consent_expires_on >= current_date)"
    " AND p.peer_consent_granted_on IS NOT NULL AND p.peer_consent_granted_on <= current_date"
    " AND (p.peer_consent_expires_on IS NULL OR p.peer_consent_expires_on >= current_date)"
)


def _may(staffed: str) -> str:
    return f"""CREATE OR REPLACE FUNCTION caseplan_may(action text, person uuid) RETURNS boolean
        LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DECLARE me uuid := caseplan_account(); rule text;
        BEGIN
          IF me IS NULL OR person IS NULL THEN RETURN false; END IF;
          rule := caseplan_rule(caseplan_role(), action);
          IF rule = 'allow' THEN RETURN true; END IF;
          IF rule = 'team' THEN RETURN EXISTS ({_TEAM}{_last_team(staffed)}); END IF;
          IF rule = 'team_with_consent' THEN RETURN EXISTS ({_TEAM}{_CONSENT}); END IF;
          IF rule = 'break_glass' THEN RETURN EXISTS (SELECT 1 FROM audit_events ae
            WHERE ae.action = 'break_glass' AND ae.account = session_user::text
            AND ae.entity_id = person::text
            AND ae.at >= (date_trunc('day', now()) AT TIME ZONE 'UTC')); END IF;
          RETURN false;
        END $$"""


def _on_the_server() -> bool:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return False
    made = bind.exec_driver_sql("SELECT to_regprocedure('caseplan_may(text, uuid)')").scalar()
    return made is not None  # migration 0006 made the server's rules here


def upgrade() -> None:
    if not _on_the_server():
        return
    theirs = f"caseplan_allowed('clinic_settings') AND key IN {TEAM_LEAD_KEYS}"
    op.execute(
        "CREATE POLICY team_lead_change ON settings FOR ALL TO caseplan_team_lead "
        f"USING ({theirs}) WITH CHECK ({theirs})"
    )
    op.execute("GRANT INSERT, UPDATE ON settings TO caseplan_team_lead")
    op.execute(_may(_STAFFED))


def downgrade() -> None:
    if not _on_the_server():
        return
    op.execute(_may(""))
    op.execute("REVOKE INSERT, UPDATE ON settings FROM caseplan_team_lead")
    op.execute("DROP POLICY IF EXISTS team_lead_change ON settings")
