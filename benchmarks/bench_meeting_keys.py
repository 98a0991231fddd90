"""Key presses for a first plan made in meeting mode (scenario 2: Ola's first plan).

Runs the same keyboard script as ``tests/ui/test_first_plan_in_meeting_mode.py``
(``tests/ui/first_plan_script.py``) on a clinic made as ``caseplan init`` makes one, with
a practitioner's account and no people: Ctrl+N, meeting mode, about me, 3 goals × 2 steps,
a team of five with a peer (the peer's consent asked on the way), a crisis plan, agreeing
with signatures on paper, and the person's copy saved as a PDF. Offscreen.

Prints the key presses other than the letters of the words typed (the figure the issue
aims under 120 for), how many texts were typed, their letters, and every key in order.
Not part of the test suite.

    .venv/bin/python benchmarks/bench_meeting_keys.py [--keys]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSettings, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from caseplan.models import Role
from caseplan.services.clinic import unlock
from caseplan.services.clinic.unlock import NewAccount
from caseplan.storage.keys import KdfParams
from caseplan.storage.location import resolve
from caseplan.ui.main_window import MainWindow
from tests.ui.first_plan_script import Keys, first_plan

CHEAP = KdfParams(time_cost=1, memory_cost=8 * 1024, parallelism=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", action="store_true", help="print every key pressed")
    args = parser.parse_args()
    qInstallMessageHandler(lambda *_: None)
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        location = resolve(str(Path(folder) / "clinic" / "caseplan.db"))
        admin = NewAccount("tone", "Tone Administrator", Role.ADMIN, "admin password 1")
        kari = NewAccount("kari", "Kari Practitioner", Role.PRACTITIONER, "kari password 1")
        created, _key = unlock.create_clinic(location, admin, more=[kari], kdf=CHEAP)
        created.close()
        clinic = unlock.sign_in(location, "kari", "kari password 1")
        settings = QSettings(str(Path(folder) / "window.ini"), QSettings.Format.IniFormat)
        window = MainWindow(clinic, settings)
        window.resize(1366, 768)
        window.show()
        window.activateWindow()
        keys = Keys()
        keys.wait(lambda: window.caseload is not None and window.caseload.search.hasFocus())
        started = time.perf_counter()
        first_plan(keys, window, Path(folder) / "ola.pdf")
        seconds = time.perf_counter() - started
        window.close()
        clinic.close()
    del app
    print("first plan in meeting mode (3 goals x 2 steps, a team of 5 with a peer, agree, save)")
    print(f"  key presses besides the words typed: {keys.presses}  (aim: under 120)")
    print(f"  words typed into fields:             {keys.texts} ({keys.letters} letters)")
    print(f"  all keys, each letter counted:       {keys.presses + keys.letters}")
    print(f"  seconds offscreen:                   {seconds:.1f}")
    if args.keys:
        print("  " + " ".join(keys.log))


if __name__ == "__main__":
    main()
