"""The one change notification: what kind of record changed, and which ones.

Whoever stores a change announces it here; every screen that shows such records (the
workspace's sections, meeting mode, the caseload) listens and re-reads only what it
touched. The plan editor keeps the person's plan as last read and brings the changed part
up to date *before* anyone hears of it, so listeners read from it without a query.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Signal

from caseplan.ui.controllers.records import Kind

Follower = Callable[[Kind, frozenset[uuid.UUID]], None]


class Changes(QObject):
    #: (Kind, frozenset of ids): these records changed (were added, changed or removed)
    changed = Signal(object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._first: list[Follower] = []

    def before_others(self, follower: Follower) -> None:
        """``follower`` hears of each change before the ``changed`` signal goes out."""
        self._first.append(follower)

    def stop_following(self, follower: Follower) -> None:
        if follower in self._first:
            self._first.remove(follower)

    def announce(self, kind: Kind, ids: Iterable[uuid.UUID]) -> None:
        which = frozenset(ids)
        for follower in list(self._first):
            follower(kind, which)
        self.changed.emit(kind, which)
