"""The one seam where database connections are made.

The embedded database is always encrypted: every connection to it is made by
:func:`caseplan.storage.cipher.connect_encrypted` with the raw database key, which also
applies foreign keys, WAL and ``synchronous=FULL``. There is no unencrypted path.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine

from caseplan.errors import StorageError, tr_noop
from caseplan.storage.cipher import create_encrypted_engine
from caseplan.storage.location import Location
from caseplan.storage.secret import Secret


def create_db_engine(
    location: Location, key: bytes | Secret | None = None, **kwargs: Any
) -> Engine:
    """An engine for ``location``; an embedded database needs its key."""
    if location.path is not None:
        if key is None:
            raise StorageError(tr_noop("The database is locked; please sign in to open it."))
        return create_encrypted_engine(location.path, key, **kwargs)
    return create_engine(location.url, pool_pre_ping=True, **kwargs)
