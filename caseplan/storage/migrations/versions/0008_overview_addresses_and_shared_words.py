"""a person's address, when a review was due, whether its words may be shared; the overview

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01

Additive only, as 0007: three columns added with ``ALTER TABLE … ADD COLUMN`` (their CHECK in
the column itself), no table rebuilt, no existing row changed. Existing people have no
address yet (""); an existing review's due date is not known (NULL: it is never guessed),
and no one has yet agreed to share the words of a review made before the choice existed
(false).

On a PostgreSQL server (team mode, migrations 0006 and 0007) the server's copy of the
role x action table gains the overview, the team's figures and "what people say helps".
The new columns sit in tables that already have row-level security and whose grants name
the whole table (no column list), so each role reads and writes them as it does the rest
of the row: a practitioner their own people's, a peer worker reads those who consented to
them.
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

#: role x action -> rule (access.TABLE at revision 0008)
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
    "view_overview": ("allow", "allow", "deny", "deny"),
    "team_figures": ("deny", "allow", "deny", "deny"),
    "what_people_say": ("deny", "allow", "deny", "deny"),
}
ROLES = ("practitioner", "team_lead", "peer_worker", "admin")


def _add(table: str, column: str, definition: str) -> None:
    op.execute(f"ALTER TABLE {table} ADD COLUMN {column} {definition}")


def _server_rules() -> str:
    rules = ", ".join(
        f"('{role}', '{action}', '{rule}')"
        for action, cells in RULES.items()
        for role, rule in zip(ROLES, cells, strict=True)
    )
    return (
        "CREATE OR REPLACE FUNCTION caseplan_rule(role text, action text) RETURNS text "
        "LANGUAGE sql IMMUTABLE AS $$ SELECT coalesce((SELECT t.rule FROM (VALUES "
        f"{rules}) AS t(role, action, rule) WHERE t.role = $1 AND t.action = $2), 'deny') $$"
    )


def _on_the_server() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    made = bind.exec_driver_sql("SELECT to_regprocedure('caseplan_rule(text, text)')").scalar()
    if made is None:  # migration 0006 made no server rules here
        return
    op.execute(_server_rules())


def upgrade() -> None:
    false = "false" if op.get_bind().dialect.name == "postgresql" else "0"
    _add(
        "persons",
        "address",
        "VARCHAR(300) DEFAULT '' NOT NULL "
        "CONSTRAINT ck_persons_address_length CHECK (length(address) <= 300)",
    )
    _add("reviews", "due_on", "DATE")
    _add("reviews", "words_shared", f"BOOLEAN DEFAULT {false} NOT NULL")
    _on_the_server()


def downgrade() -> None:
    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.drop_column("words_shared")
        batch_op.drop_column("due_on")
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.drop_column("address")
