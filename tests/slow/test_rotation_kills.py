"""Key rotation killed with SIGKILL at random moments still leaves a database that opens.

A child rotates the clinic key in a loop; the test kills it at a random moment, then signs
in with the current passwords (staff first, which finishes or redoes an interrupted
rotation, then the peer worker), checks SQLCipher's and SQLite's integrity and that every
person is still there. ``CASEPLAN_ROTATION_KILLS`` sets how many kills (default 15).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from caseplan.demo.clinic import create_demo_clinic
from caseplan.services.clinic import backup, unlock
from caseplan.services.people.people import count_people
from caseplan.storage import keyfile, keys
from caseplan.storage.location import resolve

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)"),
]

CHILD = Path(__file__).with_name("rotation_child.py")
REPO_ROOT = Path(__file__).resolve().parents[2]
KILLS = int(os.environ.get("CASEPLAN_ROTATION_KILLS", "15"))
PEOPLE = 120


def _start(database: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(database)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ROTATING"
    return child


def test_a_rotation_killed_at_any_moment_leaves_a_database_that_opens(tmp_path: Path) -> None:
    seed = int(os.environ.get("CASEPLAN_CRASH_SEED", str(random.randrange(1 << 30))))
    print(f"seed {seed}")
    chance = random.Random(seed)
    database = tmp_path / "caseplan.db"
    where = resolve(str(database))
    create_demo_clinic(where, PEOPLE).close()
    peer_sees = None
    caught_pending = 0
    for _kill in range(KILLS):
        child = _start(database)
        time.sleep(chance.uniform(0.0, 0.8))  # a rotation takes about 0.6 s here
        child.send_signal(signal.SIGKILL)
        child.wait()
        if keyfile.load(keys.keys_path(database)).pending is not None:
            caught_pending += 1
        staff = unlock.sign_in(where, "demo", "demo")
        assert keyfile.load(keys.keys_path(database)).pending is None
        lead = unlock.sign_in(where, "lead", "demo")
        assert count_people(lead.ctx) == PEOPLE
        report = backup.check(lead)
        assert report.ok, report.lines
        lead.close()
        staff.close()
        peer = unlock.sign_in(where, "peer", "demo")
        seen = count_people(peer.ctx)
        peer.close()
        assert peer_sees in (None, seen)
        peer_sees = seen
    print(f"{KILLS} kills, {caught_pending} in the middle of a rotation")
    assert peer_sees
