"""Team mode: each account is a PostgreSQL login role (docs/security.md §8).

Passwords go to the server only as SCRAM-SHA-256 verifiers made here (RFC 5802/7677, as
PostgreSQL stores them), so the password itself never appears in the server's statement
log. The roles are made and switched off through the migration's ``caseplan_login`` and
``caseplan_logout`` functions, which check that the caller is an administrator.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import stringprep
import unicodedata

from sqlalchemy import Connection, text
from sqlalchemy.engine import URL

ITERATIONS = 4096
#: SQLSTATEs of a refused login: invalid password, invalid authorization.
REFUSED_LOGIN = frozenset({"28P01", "28000"})


def saslprep(password: str) -> str:
    """RFC 4013 SASLprep, as libpq applies it to the password typed at login.

    A password that SASLprep refuses is used as it is (libpq does the same).
    """
    mapped = "".join(
        " " if stringprep.in_table_c12(ch) else ch
        for ch in password
        if not stringprep.in_table_b1(ch)
    )
    prepared = unicodedata.normalize("NFKC", mapped)
    prohibited = (
        stringprep.in_table_c12, stringprep.in_table_c21_c22, stringprep.in_table_c3,
        stringprep.in_table_c4, stringprep.in_table_c5, stringprep.in_table_c6,
        stringprep.in_table_c7, stringprep.in_table_c8, stringprep.in_table_c9,
    )  # fmt: skip
    if any(test(ch) for ch in prepared for test in prohibited):
        return password
    if any(stringprep.in_table_d1(ch) for ch in prepared):
        bidi_ok = stringprep.in_table_d1(prepared[0]) and stringprep.in_table_d1(prepared[-1])
        if not bidi_ok or any(stringprep.in_table_d2(ch) for ch in prepared):
            return password
    return prepared


def scram_verifier(password: str, *, salt: bytes | None = None) -> str:
    """The SCRAM-SHA-256 verifier PostgreSQL keeps for ``password``."""
    salt = salt if salt is not None else secrets.token_bytes(16)
    salted = hashlib.pbkdf2_hmac("sha256", saslprep(password).encode(), salt, ITERATIONS)
    client = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored = hashlib.sha256(client).digest()
    server = hmac.new(salted, b"Server Key", hashlib.sha256).digest()
    b64 = base64.b64encode
    return (
        f"SCRAM-SHA-256${ITERATIONS}:{b64(salt).decode()}"
        f"${b64(stored).decode()}:{b64(server).decode()}"
    )


def with_login(url: URL, username: str, password: str) -> URL:
    """The server's address with an account's own login."""
    return url.set(username=username, password=password)


def without_login(url: URL) -> URL:
    """The server's address with no user and no password in it (``URL.set`` cannot remove
    them: it takes None as "leave as it is")."""
    return URL.create(
        url.drivername, host=url.host, port=url.port, database=url.database, query=url.query
    )


def has_roles(connection: Connection) -> bool:
    """Whether this server database has the login functions (migration 0006)."""
    found = connection.execute(
        text("SELECT 1 FROM pg_proc WHERE proname = 'caseplan_login'")
    ).first()
    return found is not None


def make_login(connection: Connection, username: str, password: str, role: str) -> None:
    connection.execute(
        text("SELECT caseplan_login(:name, :verifier, :role, true)"),
        {"name": username, "verifier": scram_verifier(password), "role": role},
    )


def end_login(connection: Connection, username: str) -> None:
    connection.execute(text("SELECT caseplan_logout(:name)"), {"name": username})


def change_own_password(connection: Connection, password: str) -> None:
    """Every login role may change its own password."""
    verifier = scram_verifier(password).replace("'", "''")
    connection.exec_driver_sql(f"ALTER ROLE CURRENT_USER PASSWORD '{verifier}'")
