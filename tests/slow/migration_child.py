"""The child program of the migration kill test: it upgrades a database until it is killed.

Started as ``python migration_child.py serve``. It imports Caseplan once, prints ``LOADED``
and then reads one JSON command per line: ``{"db": PATH, "key": HEX, "delay": SECONDS}``.
For each it forks a process that opens the database as the program does (which backs it
up and upgrades it), waits ``delay`` seconds, sends that process SIGKILL and reports
``DEAD`` with how far it got: the phases it announced (``BACKUP`` when the backup before
the upgrade starts, ``MIGRATE`` when the first migration step starts, ``DONE`` when the
upgrade returned) and whether it ended by itself. ``delay`` < 0 means: do not kill.

Lines are ``TAG {json}`` written with one ``os.write`` each, so they never mix.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
import traceback
from pathlib import Path
from typing import Any, NoReturn

from sqlalchemy.orm import configure_mappers

from caseplan.storage import database, migrate
from caseplan.storage.location import resolve


def emit(tag: str, **fields: Any) -> None:
    os.write(1, (tag + " " + json.dumps(fields, sort_keys=True) + "\n").encode())


def _announcing_phases() -> None:
    backup = database.backup_before_migration
    run_steps = migrate._run_steps

    def backup_before_migration(*args: Any, **kwargs: Any) -> Path:
        emit("BACKUP")
        return backup(*args, **kwargs)

    def _run_steps(*args: Any, **kwargs: Any) -> None:
        emit("MIGRATE")
        run_steps(*args, **kwargs)

    database.backup_before_migration = backup_before_migration  # type: ignore[assignment]
    migrate._run_steps = _run_steps


def _upgrade(command: dict[str, Any]) -> NoReturn:
    code = 0
    try:
        opened = database.open_database(
            resolve(command["db"]), key=bytes.fromhex(command["key"]), create=False
        )
        opened.close()
        emit("DONE")
    except BaseException:
        emit("ERROR", error=traceback.format_exc()[-1500:])
        code = 70
    finally:
        os._exit(code)


def serve() -> None:
    configure_mappers()
    _announcing_phases()
    emit("LOADED")
    while line := sys.stdin.readline():
        command = json.loads(line)
        started = time.monotonic()
        pid = os.fork()
        if pid == 0:
            _upgrade(command)
        delay = float(command["delay"])
        if delay >= 0:
            time.sleep(delay)
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
        emit(
            "DEAD",
            killed=killed,
            code=os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
            seconds=round(time.monotonic() - started, 4),
        )


if __name__ == "__main__":
    if sys.argv[1:] != ["serve"]:
        sys.exit("usage: migration_child.py serve")
    serve()
