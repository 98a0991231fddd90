"""App benchmark: launch to caseload, search keystrokes, opening a person, with many people.

Makes a demo clinic (encrypted SQLite, cheap key derivation) with fictional people, signs
in as the demo team lead "lead" (sees everyone; ``--account demo`` is a practitioner who
sees only their own people), and measures, offscreen:

- seconds from launch (``MainWindow`` built with a signed-in workspace) to the caseload shown,
- milliseconds per search keystroke: ``CaseloadModel.set_search`` with one more letter and
  the table repainted. The search box's debounce (a pause before searching while someone
  types) is not in this number: it is waiting, not work;
- milliseconds to open a person (``PersonWorkspace`` built and shown with the section on
  screen filled; the other sections are built when first shown);
- milliseconds to enter meeting mode.

Before each timed step, events left over from the step before are handled, so they are
not counted against it.

Aims: under 1 s, under 30 ms, under 100 ms. Not part of the test suite.

    .venv/bin/python benchmarks/bench_app.py [--people 10000] [--keep DIR] [--account NAME]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from caseplan.demo import clinic as demo_clinic
from caseplan.services.clinic import unlock
from caseplan.storage.keys import KdfParams
from caseplan.storage.location import resolve

CHEAP_KDF = KdfParams(time_cost=1, memory_cost=8 * 1024, parallelism=1)
TYPED = ("kari", "hans", "øyst", "berg", "ali")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000, metavar="N")
    parser.add_argument("--keep", metavar="DIR", help="reuse or keep the demo database here")
    parser.add_argument(
        "--account", default="lead", help="demo account to sign in as (lead, demo, peer)"
    )
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    qInstallMessageHandler(lambda *_: None)  # offscreen's "propagateSizeHints" chatter

    from caseplan.ui.main_window import MainWindow
    from caseplan.ui.workspace import PersonWorkspace

    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="caseplan-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    location = resolve(str(folder / "caseplan.db"))
    if not (folder / "caseplan.db").exists():
        start = time.perf_counter()
        demo_clinic.create_demo_clinic(location, args.people, kdf=CHEAP_KDF).close()
        print(f"demo clinic with {args.people} people: {time.perf_counter() - start:.1f} s")
    workspace = unlock.sign_in(location, args.account, demo_clinic.DEMO_PASSWORD)
    settings = QSettings(str(folder / "bench.ini"), QSettings.Format.IniFormat)

    start = time.perf_counter()
    window = MainWindow(workspace, settings, idle_timeout_ms=3_600_000)
    window.show()
    app.processEvents()
    assert window.caseload_model is not None and window.caseload is not None
    window.caseload.table.viewport().repaint()
    launch = time.perf_counter() - start
    model = window.caseload_model
    print(f"launch to caseload shown: {launch:.3f} s ({model.total()} people)")

    keystrokes: list[float] = []
    for word in TYPED:
        for length in range(1, len(word) + 1):
            app.processEvents()
            begin = time.perf_counter()
            model.set_search(word[:length])
            window.caseload.table.viewport().repaint()
            keystrokes.append((time.perf_counter() - begin) * 1000)
        model.set_search("")
    print(
        f"search keystroke: median {statistics.median(keystrokes):.1f} ms, "
        f"max {max(keystrokes):.1f} ms ({len(keystrokes)} keystrokes)"
    )

    opening: list[float] = []
    meeting: list[float] = []
    for row in range(0, min(model.rowCount(), 400), max(1, model.rowCount() // 10)):
        person_id = model.person_id(row)
        assert person_id is not None
        app.processEvents()
        begin = time.perf_counter()
        widget = PersonWorkspace(workspace.ctx, person_id)
        widget.show()
        app.processEvents()
        opening.append((time.perf_counter() - begin) * 1000)
        widget.close()
        widget.deleteLater()
        window.show_person(person_id)
        app.processEvents()
        begin = time.perf_counter()
        window.enter_meeting()
        app.processEvents()
        meeting.append((time.perf_counter() - begin) * 1000)
        window.leave_meeting()
        window.back_to_people()
    print(
        f"open a person: median {statistics.median(opening):.1f} ms, "
        f"max {max(opening):.1f} ms ({len(opening)} people)"
    )
    print(
        f"enter meeting mode: median {statistics.median(meeting):.1f} ms, max {max(meeting):.1f} ms"
    )
    window.close()
    workspace.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
