"""``python -m caseplan`` is the ``caseplan`` command (also the frozen build's entry point)."""

import multiprocessing
import sys

from caseplan.cli import entry

if __name__ == "__main__":
    # In the frozen build, print-due's worker processes start this same program: they run
    # their work here and never the app (a no-op when not frozen).
    multiprocessing.freeze_support()
    sys.exit(entry())
