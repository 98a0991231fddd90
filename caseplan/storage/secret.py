"""A key held in one place, so that a lock can forget it.

Everything that needs the database key (the engine's connection factory, backups, key
rotation) asks a :class:`Secret` for it at the moment of use instead of keeping its own
copy. :meth:`Secret.forget` overwrites the bytes and makes every later use fail with
"the database is locked", so a context left over from before a lock refuses work. Python
cannot wipe the short-lived ``bytes`` copies handed out by :meth:`Secret.reveal`; they
are not kept anywhere and become unreachable at once.
"""

from __future__ import annotations

from caseplan.errors import StorageError, tr_noop

LOCKED = tr_noop("The database is locked; please sign in to open it.")


class Secret:
    """A 32-byte key that can be replaced (after rotation) and forgotten (on lock)."""

    __slots__ = ("_key",)

    def __init__(self, key: bytes | bytearray) -> None:
        if len(key) != 32:
            raise ValueError("a database key has 32 bytes")
        self._key: bytearray | None = bytearray(key)

    @classmethod
    def of(cls, key: bytes | bytearray | Secret) -> Secret:
        return key if isinstance(key, Secret) else cls(key)

    @property
    def forgotten(self) -> bool:
        return self._key is None

    def reveal(self) -> bytes:
        """The key, for one use; :class:`StorageError` once forgotten."""
        if self._key is None:
            raise StorageError(LOCKED)
        return bytes(self._key)

    def replace(self, key: bytes | bytearray) -> None:
        """Hold ``key`` from now on (after the database was re-encrypted with it)."""
        if len(key) != 32:
            raise ValueError("a database key has 32 bytes")
        self._wipe()
        self._key = bytearray(key)

    def forget(self) -> None:
        """Overwrite the key and refuse every later use."""
        self._wipe()
        self._key = None

    def _wipe(self) -> None:
        if self._key is not None:
            for index in range(len(self._key)):
                self._key[index] = 0

    def __repr__(self) -> str:
        return "Secret(forgotten)" if self._key is None else "Secret(…)"

    def __eq__(self, other: object) -> bool:  # never compare keys by accident
        return self is other

    __hash__ = object.__hash__
