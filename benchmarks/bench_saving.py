"""Saving benchmark: what one stored word costs, now that a change re-reads only what it touched.

Makes a demo clinic (encrypted SQLite, cheap key derivation), picks the person with the most
goals, opens their workspace offscreen with every section built, and measures:

- milliseconds to store a goal's words typed in the workspace, with the change announced and
  every section that shows goals filled again (what the person waits for after a pause);
- milliseconds to read the whole plan again (what every save cost before the change
  notification: each section re-read the whole plan after every change);
- milliseconds for an undo of that change, through the version check.

The same script runs on the code before the controllers (it only uses the workspace's
widgets), which is how the figures before and after were taken. Not part of the test suite.

    .venv/bin/python benchmarks/bench_saving.py [--people 200] [--rounds 30]
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

from PySide6.QtCore import qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from caseplan.demo import clinic as demo_clinic
from caseplan.services.clinic import unlock
from caseplan.services.people import people
from caseplan.services.plans import goals, plans
from caseplan.services.plans.plan_view import load_plan_view
from caseplan.storage.keys import KdfParams
from caseplan.storage.location import resolve

CHEAP_KDF = KdfParams(time_cost=1, memory_cost=8 * 1024, parallelism=1)


def _ms(samples: list[float]) -> str:
    return f"median {statistics.median(samples) * 1000:.1f} ms, max {max(samples) * 1000:.1f} ms"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=200, metavar="N")
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    qInstallMessageHandler(lambda *_: None)

    from caseplan.ui.workspace import PersonWorkspace

    with tempfile.TemporaryDirectory() as folder:
        location = resolve(str(Path(folder) / "bench.db"))
        demo_clinic.create_demo_clinic(location, args.people, kdf=CHEAP_KDF).close()
        clinic = unlock.sign_in(location, "lead", demo_clinic.DEMO_PASSWORD)
        ctx = clinic.ctx
        best, goal_count = None, -1
        for person in people.list_people(ctx, limit=args.people):
            plan = plans.get_open_plan(ctx, person.id)
            count = len(goals.list_goals(ctx, plan.id)) if plan is not None else -1
            if count > goal_count:
                best, goal_count = person.id, count
        assert best is not None
        workspace = PersonWorkspace(ctx, best)
        for number in range(len(workspace.sections)):
            workspace.show_section(number)
        workspace.show_section(workspace.GOALS)
        workspace.show()
        app.processEvents()
        view = workspace.view
        assert view is not None and view.goals
        goal_id = view.goals[0].id
        workspace.goals.select(goal_id)
        field = workspace.goals.goal_words
        binding = workspace.goals.goal_words_binding

        saves, reloads, undos = [], [], []
        for round_ in range(args.rounds):
            field.editor.setPlainText(f"{view.goals[0].own_words} ({round_})")
            app.processEvents()
            start = time.perf_counter()
            binding.save_now()
            app.processEvents()  # work left for later (a re-read after the save) counts too
            saves.append(time.perf_counter() - start)
            start = time.perf_counter()
            load_plan_view(ctx, best, include_worker_notes=True, record_open=False)
            reloads.append(time.perf_counter() - start)
            app.processEvents()
            start = time.perf_counter()
            workspace.undo()
            app.processEvents()
            undos.append(time.perf_counter() - start)

        print(f"person with {goal_count} goals, {len(view.participants)} team members")
        print(f"store a goal's words, announce, show again: {_ms(saves)}")
        print(f"read the whole plan again (each save before): {_ms(reloads)}")
        print(f"undo it through the version check:          {_ms(undos)}")
        workspace.deleteLater()
        app.processEvents()
        clinic.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
