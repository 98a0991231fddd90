"""Hardening the running program: no core dumps, no debugger attaching (docs/security.md §7).

A core dump or another program of the same user attaching with ptrace would read the
clinic key and the people's text out of memory. On Linux ``prctl(PR_SET_DUMPABLE, 0)``
stops both (and makes ``/proc/<pid>/mem`` unreadable to others of the same user), and a
core size limit of 0 stops core dumps anywhere POSIX. Elsewhere nothing is done: Windows
and macOS decide this for the user's processes themselves.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import sys

PR_GET_DUMPABLE = 3
PR_SET_DUMPABLE = 4


def harden_process() -> bool:
    """Forbid core dumps and ptrace attach where the system allows; True if it could."""
    done = False
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        done = True
    if sys.platform.startswith("linux"):
        libc = _libc()
        if libc is not None and libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0:
            return done
        return False
    return done


def is_dumpable() -> bool | None:
    """Whether another program of this user may attach or dump core (None: unknown here)."""
    libc = _libc() if sys.platform.startswith("linux") else None
    if libc is None:
        return None
    return bool(libc.prctl(PR_GET_DUMPABLE, 0, 0, 0, 0))


def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        return ctypes.CDLL(name, use_errno=True)
    except OSError:
        return None
