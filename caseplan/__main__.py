"""``python -m caseplan`` is the ``caseplan`` command (also the frozen build's entry point)."""

import sys

from caseplan.cli import entry

if __name__ == "__main__":
    sys.exit(entry())
