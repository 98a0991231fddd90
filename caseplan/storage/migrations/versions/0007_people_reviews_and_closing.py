"""a person's phone and consent to the plan, closing a plan, reviews per goal

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23

Additive only: new columns are added with ``ALTER TABLE … ADD COLUMN`` (their CHECK and
foreign key written in the column itself, which SQLite and PostgreSQL both accept), so no
table is rebuilt and no existing row is touched; new tables are created empty. A goal's link
to the goal it was carried over from has no foreign key: SQLite can add one only by
rebuilding ``goals``, and a link to an older plan's goal may outlive that goal anyway.

On a PostgreSQL server (team mode, migration 0006) the server's copy of the role x action
table gains closing a plan and the clinic's settings, and "on the team" also means the
last team of someone whose plans are all closed, as in ``services/security/access.py``;
the two new tables get row-level security like the others, and a peer worker's view of
goals shows the new column.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _uuid_type() -> str:
    return str(op.get_bind().dialect.type_compiler.process(sa.Uuid()))


def _add(table: str, column: str, definition: str) -> None:
    op.execute(f"ALTER TABLE {table} ADD COLUMN {column} {definition}")


def _enum(table: str, column: str, name: str, values: tuple[str, ...]) -> str:
    allowed = ", ".join(f"'{v}'" for v in values)
    return f"VARCHAR(32) CONSTRAINT ck_{table}_{name} CHECK ({column} IN ({allowed}))"


#: role x action -> rule (access.TABLE at revision 0007)
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
    "close_plan": ("team", "allow", "deny", "deny"),
    "clinic_settings": ("deny", "allow", "deny", "allow"),
}
ROLES = ("practitioner", "team_lead", "peer_worker", "admin")
STAFF = "caseplan_practitioner, caseplan_team_lead, caseplan_admin"
PEER = "caseplan_peer_worker"
NEW_TABLES = {
    "review_goals": "caseplan_review_person(review_id)",
    "review_attendees": "caseplan_review_person(review_id)",
}
_TEAM = (
    "SELECT 1 FROM plans p JOIN participants pa ON pa.plan_id = p.id "
    "WHERE p.person_id = person AND pa.account_id = me"
)
#: the open plan's team, or the newest plan's when every plan is closed
_LAST_TEAM = (
    " AND (p.status <> 'closed' OR NOT EXISTS (SELECT 1 FROM plans o "
    "WHERE o.person_id = p.person_id AND o.id <> p.id "
    "AND (o.status <> 'closed' OR o.created_at > p.created_at)))"
)
_CONSENT = (
    " AND p.status <> 'closed' AND pa.consent_scope <> 'none'"
    " AND (pa.consent_granted_on IS NULL OR pa.consent_granted_on <= current_date)"
    " AND (pa.consent_expires_on IS NULL OR pa.consent_expires_on >= current_date)"
    " AND p.peer_consent_granted_on IS NOT NULL AND p.peer_consent_granted_on <= current_date"
    " AND (p.peer_consent_expires_on IS NULL OR p.peer_consent_expires_on >= current_date)"
)


def _server_rules() -> list[str]:
    rules = ", ".join(
        f"('{role}', '{action}', '{rule}')"
        for action, cells in RULES.items()
        for role, rule in zip(ROLES, cells, strict=True)
    )
    return [
        "CREATE OR REPLACE FUNCTION caseplan_rule(role text, action text) RETURNS text "
        "LANGUAGE sql IMMUTABLE AS $$ SELECT coalesce((SELECT t.rule FROM (VALUES "
        f"{rules}) AS t(role, action, rule) WHERE t.role = $1 AND t.action = $2), 'deny') $$",
        f"""CREATE OR REPLACE FUNCTION caseplan_may(action text, person uuid) RETURNS boolean
        LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DECLARE me uuid := caseplan_account(); rule text;
        BEGIN
          IF me IS NULL OR person IS NULL THEN RETURN false; END IF;
          rule := caseplan_rule(caseplan_role(), action);
          IF rule = 'allow' THEN RETURN true; END IF;
          IF rule = 'team' THEN RETURN EXISTS ({_TEAM}{_LAST_TEAM}); END IF;
          IF rule = 'team_with_consent' THEN RETURN EXISTS ({_TEAM}{_CONSENT}); END IF;
          IF rule = 'break_glass' THEN RETURN EXISTS (SELECT 1 FROM audit_events ae
            WHERE ae.action = 'break_glass' AND ae.account = session_user::text
            AND ae.entity_id = person::text
            AND ae.at >= (date_trunc('day', now()) AT TIME ZONE 'UTC')); END IF;
          RETURN false;
        END $$""",
    ]


def _policies(table: str, person: str) -> list[str]:
    can_insert = (
        f"caseplan_may('edit_plan', {person}) OR (caseplan_allowed('create_person') "
        f"AND caseplan_unclaimed({person})) OR (caseplan_allowed('import') "
        f"AND caseplan_unclaimed({person}))"
    )
    return [
        f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
        f"CREATE POLICY read ON {table} FOR SELECT USING (caseplan_may('view_person', {person}))",
        f"CREATE POLICY staff_add ON {table} FOR INSERT TO {STAFF} WITH CHECK ({can_insert})",
        f"CREATE POLICY staff_change ON {table} FOR UPDATE TO {STAFF} "
        f"USING (caseplan_may('edit_plan', {person}))",
        f"CREATE POLICY staff_remove ON {table} FOR DELETE TO {STAFF} "
        f"USING (caseplan_may('edit_plan', {person}))",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {STAFF}",
        f"GRANT SELECT ON {table} TO {PEER}",
    ]


def _peer_goals() -> list[str]:
    """A peer worker reads goals through a view without the worker's note: it gains the new
    column (the view lists its columns as they were when it was made)."""
    rows = op.get_bind().exec_driver_sql(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_schema = 'public' AND table_name = 'goals' ORDER BY ordinal_position"
    )
    columns = [name for (name,) in rows]
    shown = ", ".join("''::varchar AS worker_note" if c == "worker_note" else c for c in columns)
    readable = ", ".join(c for c in columns if c != "worker_note")
    return [
        "DROP VIEW IF EXISTS caseplan_peer.goals",
        f"CREATE VIEW caseplan_peer.goals WITH (security_invoker = true) AS "
        f"SELECT {shown} FROM public.goals",
        f"GRANT SELECT ON caseplan_peer.goals TO {PEER}",
        f"GRANT SELECT ({readable}) ON goals TO {PEER}",
    ]


def _on_the_server() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    made = bind.exec_driver_sql("SELECT to_regprocedure('caseplan_may(text, uuid)')").scalar()
    if made is None:  # migration 0006 made no server rules here
        return
    for statement in _server_rules():
        op.execute(statement)
    for table, person in NEW_TABLES.items():
        for statement in _policies(table, person):
            op.execute(statement)
    for statement in _peer_goals():
        op.execute(statement)


def upgrade() -> None:
    _add(
        "persons",
        "phone",
        "VARCHAR(50) DEFAULT '' NOT NULL "
        "CONSTRAINT ck_persons_phone_length CHECK (length(phone) <= 50)",
    )
    _add("persons", "plan_consent_on", "DATE")
    _add(
        "persons",
        "plan_consent_how",
        _enum("persons", "plan_consent_how", "plan_consent_how", ("screen", "paper")),
    )
    _add("plans", "closed_on", "DATE")
    _add(
        "plans",
        "closed_reason",
        _enum(
            "plans",
            "closed_reason",
            "closed_reason",
            ("goals_reached", "moved", "ended_follow_up", "other"),
        ),
    )
    _add("goals", "carried_from_id", _uuid_type())
    op.create_index(op.f("ix_goals_carried_from_id"), "goals", ["carried_from_id"], unique=False)

    op.create_table(
        "review_goals",
        sa.Column("review_id", sa.Uuid(), nullable=False),
        sa.Column("goal_id", sa.Uuid(), nullable=False),
        sa.Column("what_helped", sa.String(length=20000), nullable=False),
        sa.Column("what_got_in_the_way", sa.String(length=20000), nullable=False),
        sa.Column(
            "decision",
            sa.Enum(
                "keep",
                "change",
                "reached",
                "let_go",
                name="decision",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.CheckConstraint(
            "length(what_helped) <= 20000", name=op.f("ck_review_goals_what_helped_length")
        ),
        sa.CheckConstraint(
            "length(what_got_in_the_way) <= 20000",
            name=op.f("ck_review_goals_what_got_in_the_way_length"),
        ),
        sa.ForeignKeyConstraint(
            ["goal_id"],
            ["goals.id"],
            name=op.f("fk_review_goals_goal_id_goals"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["reviews.id"],
            name=op.f("fk_review_goals_review_id_reviews"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("review_id", "goal_id", name=op.f("pk_review_goals")),
    )
    op.create_table(
        "review_attendees",
        sa.Column("review_id", sa.Uuid(), nullable=False),
        sa.Column("participant_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participants.id"],
            name=op.f("fk_review_attendees_participant_id_participants"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["reviews.id"],
            name=op.f("fk_review_attendees_review_id_reviews"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("review_id", "participant_id", name=op.f("pk_review_attendees")),
    )

    _on_the_server()


def downgrade() -> None:
    op.drop_table("review_attendees")
    op.drop_table("review_goals")
    op.drop_index(op.f("ix_goals_carried_from_id"), table_name="goals")
    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.drop_column("carried_from_id")
    with op.batch_alter_table("plans", schema=None) as batch_op:
        batch_op.drop_column("closed_reason")
        batch_op.drop_column("closed_on")
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.drop_column("plan_consent_how")
        batch_op.drop_column("plan_consent_on")
        batch_op.drop_column("phone")
