"""Other accounts' names in a query: the one place services read who an account is.

On a PostgreSQL server each staff member signs in with their own login, and row-level
security shows that login only its own row of ``accounts``: a query joining ``accounts`` to
name a coordinator or a peer's account would find nothing for everyone else (the team lead's
overview per practitioner, the reminder letters, the peer-hours report). There the names come
from ``caseplan_account_directory()`` (migration 0016): id, user name, name, role and whether
the account is switched on, for practitioners, team leads and administrators, never a secret.
In an embedded database the same query joins ``accounts`` itself, as before.

Use :func:`account_names` where ``aliased(Account)`` was joined: ``names.c.id``,
``names.c.username``, ``names.c.display_name``, ``names.c.role``, ``names.c.active``. It stays
one SQL statement (the server's function is read once per statement, a few rows).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import column
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.sql.selectable import TableValuedAlias

from caseplan.models import Account

#: The columns the directory gives (never a password verifier, e-mail or sign-in counts).
COLUMNS = ("id", "username", "display_name", "role", "active")


class _directory(FunctionElement[Any]):
    """``caseplan_account_directory()`` on PostgreSQL; the ``accounts`` table elsewhere."""

    name = "caseplan_account_directory"
    inherit_cache = True


@compiles(_directory)
def _on_a_server(element: _directory, compiler: Any, **kw: Any) -> str:
    return "caseplan_account_directory()"


@compiles(_directory, "sqlite")
def _embedded(element: _directory, compiler: Any, **kw: Any) -> str:
    return "accounts"  # rendered "accounts AS anon_1": the same join as aliased(Account)


def account_names() -> TableValuedAlias:
    """A new alias of the clinic's accounts (id, user name, name, role, active) to join."""
    table = Account.__table__.c
    return _directory().table_valued(*(column(name, table[name].type) for name in COLUMNS))
