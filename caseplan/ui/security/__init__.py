"""Locking the window: the idle watcher, the lock and privacy cover, the idle-lock setting."""

from caseplan.ui.security.idle import IdleWatcher
from caseplan.ui.security.lock import LockScreen

__all__ = ["IdleWatcher", "LockScreen"]
