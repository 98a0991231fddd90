"""The desktop app's composition root: build the pieces and wire them together."""

from __future__ import annotations

import sys


def run_app(db: str | None) -> int:
    from caseplan.desktop_check import problem

    sentence = problem()
    if sentence is not None:  # Qt would abort with a core dump instead
        sys.stderr.write(f"caseplan: {sentence}\n")
        return 1
    from caseplan.ui.main import run

    return run(db)
