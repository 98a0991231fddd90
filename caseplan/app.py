"""The desktop app's composition root: build the pieces and wire them together."""

from __future__ import annotations


def run_app(db: str | None) -> int:
    from caseplan.ui.main import run

    return run(db)
