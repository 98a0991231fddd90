"""Alembic environment: always run programmatically on a connection handed in by Caseplan."""

from __future__ import annotations

from alembic import context

from caseplan.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only `alembic` on the command line gets here
    raise SystemExit("Run migrations through caseplan (caseplan.storage.migrate), not alembic.")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
