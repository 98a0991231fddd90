"""Locking the window: the idle watcher, the lock and privacy cover, the idle-lock setting."""

from caseplan.ui.security.idle import IdleWatcher
from caseplan.ui.security.lock import LockScreen
from caseplan.ui.security.settings import idle_lock_minutes, set_idle_lock_minutes

__all__ = ["IdleWatcher", "LockScreen", "idle_lock_minutes", "set_idle_lock_minutes"]
