"""where imported peer contributions and agreed versions came from; verified peers

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01

Additive only, as 0007 and 0008: columns added with ``ALTER TABLE … ADD COLUMN`` (their
CHECK in the column itself), no table rebuilt, no existing row changed.

- ``peer_contributions``: ``imported_on``/``imported_by`` (read from a file on that day, by
  that account) and ``accepted_on``/``accepted_by`` (a team lead accepted it for payment).
  Existing contributions are not marked as imported: what was imported before this
  revision cannot be told apart afterwards, so nothing is guessed.
- ``plan_versions``: ``imported_on``/``imported_by``: a version read from a file is never
  shown as agreed here.
- ``participants``: ``peer_verified_on``/``peer_verified_by``: a team lead has checked who
  a peer without an account is, so their paid time may be paid.

On a PostgreSQL server (team mode) the new columns sit in tables that already have row-level
security and whose grants name the whole table, so each role reads and writes them as the
rest of the row.
"""

from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_TEXT = "VARCHAR(200) DEFAULT '' NOT NULL CONSTRAINT ck_{table}_{column}_length CHECK (length({column}) <= 200)"
COLUMNS = {
    "peer_contributions": ("imported_on", "imported_by", "accepted_on", "accepted_by"),
    "plan_versions": ("imported_on", "imported_by"),
    "participants": ("peer_verified_on", "peer_verified_by"),
}


def upgrade() -> None:
    for table, columns in COLUMNS.items():
        for column in columns:
            if column.endswith("_on"):
                definition = "DATE"
            else:
                definition = _TEXT.format(table=table, column=column)
            op.execute(f"ALTER TABLE {table} ADD COLUMN {column} {definition}")


def downgrade() -> None:
    for table, columns in reversed(COLUMNS.items()):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in reversed(columns):
                batch_op.drop_column(column)
