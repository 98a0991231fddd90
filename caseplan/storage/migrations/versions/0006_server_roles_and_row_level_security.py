"""team mode: each account its own login role; row-level security follows the role x action table

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30

PostgreSQL only (docs/security.md §8); nothing changes in an embedded database. The rules
below are a copy of ``services/security/access.py`` as of this revision: a test compares
them cell by cell, so a change there needs a migration that replaces ``caseplan_rule``.
Every table gets row-level security; a later migration that adds a table must give it
policies too (the same test checks that no table is without).
"""

from __future__ import annotations

from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

GROUPS = ("caseplan_practitioner", "caseplan_team_lead", "caseplan_peer_worker", "caseplan_admin")
STAFF = "caseplan_practitioner, caseplan_team_lead, caseplan_admin"
PEER = "caseplan_peer_worker"
#: role x action -> rule (access.TABLE at revision 0006)
RULES = {
    "view_person": ("team", "allow", "team_with_consent", "break_glass"),
    "create_person": ("allow", "allow", "deny", "deny"),
    "delete_person": ("deny", "allow", "deny", "deny"),
    "edit_plan": ("team", "allow", "deny", "deny"),
    "view_worker_notes": ("team", "allow", "deny", "break_glass"),
    "add_contribution": ("team", "allow", "team_with_consent", "deny"),
    "print_plan": ("team", "allow", "team_with_consent", "break_glass"),
    "export": ("team", "allow", "deny", "break_glass"),
    "import": ("allow", "allow", "deny", "allow"),
    "manage_accounts": ("deny", "deny", "deny", "allow"),
    "view_audit": ("deny", "allow", "deny", "allow"),
    "backup": ("deny", "allow", "deny", "allow"),
    "print_due": ("deny", "allow", "deny", "deny"),
    "peer_hours_report": ("deny", "allow", "deny", "allow"),
}
ROLES = ("practitioner", "team_lead", "peer_worker", "admin")
#: Each table of a person's record, and how a row finds its person.
PERSON_OF = {
    "persons": "id",
    "plans": "person_id",
    "participants": "caseplan_plan_person(plan_id)",
    "goals": "caseplan_plan_person(plan_id)",
    "steps": "caseplan_goal_person(goal_id)",
    "peer_contributions": "caseplan_plan_person(plan_id)",
    "meetings": "caseplan_plan_person(plan_id)",
    "meeting_attendees": "caseplan_meeting_person(meeting_id)",
    "reviews": "caseplan_plan_person(plan_id)",
    "review_ratings": "caseplan_review_person(review_id)",
    "crisis_plans": "caseplan_plan_person(plan_id)",
    "crisis_contacts": "caseplan_crisis_person(crisis_plan_id)",
    "plan_versions": "caseplan_plan_person(plan_id)",
}
WITH_NOTES = ("goals", "steps", "meetings")
#: Settings no signed-in account reads (they are the program's own).
PRIVATE_SETTINGS = "('sign_in_name_key')"

_DEFINER = "LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp"


def _functions() -> list[str]:
    rules = ", ".join(
        f"('{role}', '{action}', '{rule}')"
        for action, cells in RULES.items()
        for role, rule in zip(ROLES, cells, strict=True)
    )
    team = (
        "SELECT 1 FROM plans p JOIN participants pa ON pa.plan_id = p.id "
        "WHERE p.person_id = person AND p.status <> 'closed' AND pa.account_id = me"
    )
    consent = (
        " AND pa.consent_scope <> 'none'"
        " AND (pa.consent_granted_on IS NULL OR pa.consent_granted_on <= current_date)"
        " AND (pa.consent_expires_on IS NULL OR pa.consent_expires_on >= current_date)"
        " AND p.peer_consent_granted_on IS NOT NULL AND p.peer_consent_granted_on <= current_date"
        " AND (p.peer_consent_expires_on IS NULL OR p.peer_consent_expires_on >= current_date)"
    )
    return [
        f"CREATE OR REPLACE FUNCTION caseplan_account() RETURNS uuid {_DEFINER} AS $$ "
        "SELECT id FROM accounts WHERE username = session_user::text AND active $$",
        f"CREATE OR REPLACE FUNCTION caseplan_role() RETURNS text {_DEFINER} AS $$ "
        "SELECT role FROM accounts WHERE username = session_user::text AND active $$",
        "CREATE OR REPLACE FUNCTION caseplan_rule(role text, action text) RETURNS text "
        "LANGUAGE sql IMMUTABLE AS $$ SELECT coalesce((SELECT t.rule FROM (VALUES "
        f"{rules}) AS t(role, action, rule) WHERE t.role = $1 AND t.action = $2), 'deny') $$",
        "CREATE OR REPLACE FUNCTION caseplan_allowed(action text) RETURNS boolean "
        "LANGUAGE sql STABLE AS $$ SELECT caseplan_rule(caseplan_role(), action) = 'allow' $$",
        f"""CREATE OR REPLACE FUNCTION caseplan_may(action text, person uuid) RETURNS boolean
        LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DECLARE me uuid := caseplan_account(); rule text;
        BEGIN
          IF me IS NULL OR person IS NULL THEN RETURN false; END IF;
          rule := caseplan_rule(caseplan_role(), action);
          IF rule = 'allow' THEN RETURN true; END IF;
          IF rule = 'team' THEN RETURN EXISTS ({team}); END IF;
          IF rule = 'team_with_consent' THEN RETURN EXISTS ({team}{consent}); END IF;
          IF rule = 'break_glass' THEN RETURN EXISTS (SELECT 1 FROM audit_events ae
            WHERE ae.action = 'break_glass' AND ae.account = session_user::text
            AND ae.entity_id = person::text
            AND ae.at >= (date_trunc('day', now()) AT TIME ZONE 'UTC')); END IF;
          RETURN false;
        END $$""",
        f"CREATE OR REPLACE FUNCTION caseplan_plan_person(plan uuid) RETURNS uuid {_DEFINER} "
        "AS $$ SELECT person_id FROM plans WHERE id = plan $$",
        f"CREATE OR REPLACE FUNCTION caseplan_goal_person(goal uuid) RETURNS uuid {_DEFINER} "
        "AS $$ SELECT p.person_id FROM goals g JOIN plans p ON p.id = g.plan_id "
        "WHERE g.id = goal $$",
        f"CREATE OR REPLACE FUNCTION caseplan_meeting_person(meeting uuid) RETURNS uuid "
        f"{_DEFINER} AS $$ SELECT p.person_id FROM meetings m JOIN plans p ON p.id = m.plan_id "
        "WHERE m.id = meeting $$",
        f"CREATE OR REPLACE FUNCTION caseplan_review_person(review uuid) RETURNS uuid "
        f"{_DEFINER} AS $$ SELECT p.person_id FROM reviews r JOIN plans p ON p.id = r.plan_id "
        "WHERE r.id = review $$",
        f"CREATE OR REPLACE FUNCTION caseplan_crisis_person(crisis uuid) RETURNS uuid "
        f"{_DEFINER} AS $$ SELECT p.person_id FROM crisis_plans c "
        "JOIN plans p ON p.id = c.plan_id WHERE c.id = crisis $$",
        # A person nobody is linked to yet (just created or imported): their first plan and
        # team may be written by whoever may create people.
        f"CREATE OR REPLACE FUNCTION caseplan_unclaimed(person uuid) RETURNS boolean "
        f"{_DEFINER} AS $$ SELECT NOT EXISTS (SELECT 1 FROM plans p JOIN participants pa "
        "ON pa.plan_id = p.id WHERE p.person_id = person AND pa.account_id IS NOT NULL) $$",
        f"CREATE OR REPLACE FUNCTION caseplan_is_me(participant uuid) RETURNS boolean "
        f"{_DEFINER} AS $$ SELECT EXISTS (SELECT 1 FROM participants WHERE id = participant "
        "AND account_id = caseplan_account()) $$",
        # The head of the audit chain, for every account (the rows themselves only for
        # those who may read the trail).
        f"CREATE OR REPLACE FUNCTION caseplan_audit_head(OUT seq integer, OUT hash varchar) "
        f"{_DEFINER} AS $$ SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1 $$",
        # Login roles, made by the program for an administrator (who needs no CREATEROLE).
        """CREATE OR REPLACE FUNCTION caseplan_login(name text, verifier text, role text,
        enabled boolean) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = public, pg_temp AS $$
        BEGIN
          IF NOT (pg_has_role(session_user, 'caseplan_admin', 'MEMBER')
                  OR (SELECT rolsuper OR rolcreaterole FROM pg_roles
                      WHERE rolname = session_user)) THEN
            RAISE EXCEPTION 'only an administrator manages accounts' USING ERRCODE = '42501';
          END IF;
          IF role NOT IN ('practitioner', 'team_lead', 'peer_worker', 'admin') THEN
            RAISE EXCEPTION 'unknown role %', role USING ERRCODE = '22023';
          END IF;
          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = name) THEN
            EXECUTE format('CREATE ROLE %I', name);
          END IF;
          EXECUTE format('ALTER ROLE %I %s', name, CASE WHEN enabled THEN 'LOGIN' ELSE 'NOLOGIN' END);
          IF verifier IS NOT NULL THEN
            EXECUTE format('ALTER ROLE %I PASSWORD %L', name, verifier);
          END IF;
          EXECUTE format('REVOKE caseplan_practitioner, caseplan_team_lead, caseplan_peer_worker, '
                         'caseplan_admin FROM %I', name);
          EXECUTE format('GRANT %I TO %I', 'caseplan_' || role, name);
          IF role = 'peer_worker' THEN
            EXECUTE format('ALTER ROLE %I SET search_path = caseplan_peer, public', name);
          ELSE
            EXECUTE format('ALTER ROLE %I RESET search_path', name);
          END IF;
        END $$""",
        "REVOKE ALL ON FUNCTION caseplan_login(text, text, text, boolean) FROM PUBLIC",
        "GRANT EXECUTE ON FUNCTION caseplan_login(text, text, text, boolean) TO caseplan_admin",
        # Switching an account off: its login role can no longer log in, and its open
        # sessions end.
        """CREATE OR REPLACE FUNCTION caseplan_logout(name text) RETURNS void LANGUAGE plpgsql
        SECURITY DEFINER SET search_path = public, pg_temp AS $$
        BEGIN
          IF NOT (pg_has_role(session_user, 'caseplan_admin', 'MEMBER')
                  OR (SELECT rolsuper OR rolcreaterole FROM pg_roles
                      WHERE rolname = session_user)) THEN
            RAISE EXCEPTION 'only an administrator manages accounts' USING ERRCODE = '42501';
          END IF;
          IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = name) THEN
            EXECUTE format('ALTER ROLE %I NOLOGIN PASSWORD NULL', name);
            PERFORM pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = name;
          END IF;
        END $$""",
        "REVOKE ALL ON FUNCTION caseplan_logout(text) FROM PUBLIC",
        "GRANT EXECUTE ON FUNCTION caseplan_logout(text) TO caseplan_admin",
    ]


def _columns(table: str, *, without: tuple[str, ...] = ()) -> list[str]:
    rows = op.get_bind().exec_driver_sql(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_schema = 'public' AND table_name = %(t)s ORDER BY ordinal_position",
        {"t": table},
    )
    return [name for (name,) in rows if name not in without]


def _policies(table: str, person: str) -> list[str]:
    """Row-level security on one table of a person's record."""
    can_insert = f"caseplan_may('edit_plan', {person}) OR (caseplan_allowed('create_person') "
    can_insert += f"AND caseplan_unclaimed({person})) OR (caseplan_allowed('import') "
    can_insert += f"AND caseplan_unclaimed({person}))"
    deleting = "caseplan_may('delete_person', id)" if table == "persons" else (
        f"caseplan_may('edit_plan', {person})"
    )
    statements = [
        f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
        f"CREATE POLICY read ON {table} FOR SELECT USING (caseplan_may('view_person', {person}))",
        f"CREATE POLICY staff_add ON {table} FOR INSERT TO {STAFF} WITH CHECK ({can_insert})",
        f"CREATE POLICY staff_change ON {table} FOR UPDATE TO {STAFF} "
        f"USING (caseplan_may('edit_plan', {person}))",
        f"CREATE POLICY staff_remove ON {table} FOR DELETE TO {STAFF} USING ({deleting})",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {STAFF}",
    ]
    if table in WITH_NOTES:  # a peer worker never reads a worker's note
        columns = ", ".join(_columns(table, without=("worker_note",)))
        statements.append(f"GRANT SELECT ({columns}) ON {table} TO {PEER}")
        shown = ", ".join(
            "''::varchar AS worker_note" if c == "worker_note" else c for c in _columns(table)
        )
        statements.append(
            f"CREATE VIEW caseplan_peer.{table} WITH (security_invoker = true) AS "
            f"SELECT {shown} FROM public.{table}"
        )
        statements.append(f"GRANT SELECT ON caseplan_peer.{table} TO {PEER}")
    else:
        statements.append(f"GRANT SELECT ON {table} TO {PEER}")
    return statements


def _peer_writes() -> list[str]:
    """A peer worker records their own contributions and changes their own steps."""
    own_step = (
        "caseplan_is_me(responsible_id) AND caseplan_may('view_person', caseplan_goal_person(goal_id))"
    )
    own_contribution = (
        "caseplan_is_me(peer_id) AND caseplan_may('add_contribution', caseplan_plan_person(plan_id))"
    )
    return [
        f"GRANT UPDATE (action, status, version) ON steps TO {PEER}",
        f"GRANT UPDATE (action, status, version) ON caseplan_peer.steps TO {PEER}",
        f"CREATE POLICY peer_step ON steps FOR UPDATE TO {PEER} USING ({own_step}) "
        f"WITH CHECK ({own_step})",
        f"GRANT INSERT ON peer_contributions TO {PEER}",
        f"GRANT UPDATE (note, version) ON peer_contributions TO {PEER}",
        f"CREATE POLICY peer_add ON peer_contributions FOR INSERT TO {PEER} "
        f"WITH CHECK ({own_contribution})",
        f"CREATE POLICY peer_note ON peer_contributions FOR UPDATE TO {PEER} "
        f"USING ({own_contribution}) WITH CHECK ({own_contribution})",
    ]


def _program_tables() -> list[str]:
    everyone = ", ".join(GROUPS)
    mine = "username = session_user::text"
    return [
        # accounts: one's own row; every row for an administrator
        "ALTER TABLE accounts ENABLE ROW LEVEL SECURITY",
        f"CREATE POLICY own ON accounts FOR SELECT USING ({mine} OR caseplan_allowed('manage_accounts'))",
        f"CREATE POLICY own_change ON accounts FOR UPDATE USING ({mine} OR "
        "caseplan_allowed('manage_accounts'))",
        "CREATE POLICY admin_add ON accounts FOR INSERT WITH CHECK (caseplan_allowed('manage_accounts'))",
        "CREATE POLICY admin_remove ON accounts FOR DELETE USING (caseplan_allowed('manage_accounts'))",
        # one's own password hash and failure count only: never one's own role
        f"GRANT SELECT ON accounts TO {everyone}",
        f"GRANT UPDATE (password_hash, failed_sign_ins, last_failed_at, version) ON accounts "
        f"TO {everyone}",
        "GRANT INSERT, UPDATE, DELETE ON accounts TO caseplan_admin",
        # settings: the clinic's, read by all; changed by an administrator
        "ALTER TABLE settings ENABLE ROW LEVEL SECURITY",
        f"CREATE POLICY read ON settings FOR SELECT USING (key NOT IN {PRIVATE_SETTINGS})",
        "CREATE POLICY admin_change ON settings FOR ALL TO caseplan_admin "
        f"USING (key NOT IN {PRIVATE_SETTINGS}) WITH CHECK (key NOT IN {PRIVATE_SETTINGS})",
        f"GRANT SELECT ON settings TO {everyone}",
        "GRANT INSERT, UPDATE, DELETE ON settings TO caseplan_admin",
        # the audit trail: appended to by everyone as themselves, read by those who may
        "ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY",
        "CREATE POLICY append ON audit_events FOR INSERT WITH CHECK (account = session_user::text)",
        "CREATE POLICY read ON audit_events FOR SELECT USING (caseplan_allowed('view_audit'))",
        f"GRANT SELECT, INSERT ON audit_events TO {everyone}",
        f"GRANT SELECT ON alembic_version TO {everyone}",
        f"GRANT USAGE ON SCHEMA caseplan_peer TO {PEER}",
    ]


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for group in GROUPS:
        op.execute(  # roles belong to the whole server: another database may have made it
            f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{group}') "
            f"THEN CREATE ROLE {group} NOLOGIN; END IF; "
            "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"
        )
    op.execute("CREATE SCHEMA IF NOT EXISTS caseplan_peer")
    op.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC")
    op.execute(f"GRANT USAGE ON SCHEMA public TO {', '.join(GROUPS)}")
    for statement in _functions():
        op.execute(statement)
    for table, person in PERSON_OF.items():
        for statement in _policies(table, person):
            op.execute(statement)
    for statement in [*_peer_writes(), *_program_tables()]:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP SCHEMA IF EXISTS caseplan_peer CASCADE")
    for table in [*PERSON_OF, "accounts", "settings", "audit_events"]:
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
        rows = op.get_bind().exec_driver_sql(
            "SELECT policyname FROM pg_policies WHERE tablename = %(t)s", {"t": table}
        )
        for (name,) in list(rows):
            op.execute(f'DROP POLICY "{name}" ON {table}')
        op.execute(f"REVOKE ALL ON {table} FROM {', '.join(GROUPS)}")
    op.execute("DROP FUNCTION IF EXISTS caseplan_login(text, text, text, boolean)")
    op.execute("DROP FUNCTION IF EXISTS caseplan_logout(text)")
    for name in ("audit_head", "is_me(uuid)", "unclaimed(uuid)", "crisis_person(uuid)",
                 "review_person(uuid)", "meeting_person(uuid)", "goal_person(uuid)",
                 "plan_person(uuid)", "may(text, uuid)", "allowed(text)", "rule(text, text)",
                 "role()", "account()"):  # fmt: skip
        op.execute(f"DROP FUNCTION IF EXISTS caseplan_{name}")
