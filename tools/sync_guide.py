"""Copy the English user guide into the README's tour, so the two never differ.

The guide (caseplan/resources/guide/en.md, shown by Help → User guide) is the one source;
the README holds it between two markers, its title left out and its headings one level
down. ``--check`` only says whether the README is up to date (tests/unit/test_guide.py).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "caseplan" / "resources" / "guide" / "en.md"
README = ROOT / "README.md"
START = "<!-- guide:start — written by tools/sync_guide.py from caseplan/resources/guide/en.md -->"
END = "<!-- guide:end -->"


def tour(guide: str) -> str:
    body = guide.split("\n", 1)[1].strip("\n")  # without the title
    return re.sub(r"^(#+) ", lambda m: m.group(1) + "# ", body, flags=re.MULTILINE)


def synced(readme: str, guide: str) -> str:
    before, rest = readme.split(START, 1)
    _old, after = rest.split(END, 1)
    return f"{before}{START}\n{tour(guide)}\n{END}{after}"


def main(argv: list[str]) -> int:
    readme = README.read_text(encoding="utf-8")
    wanted = synced(readme, GUIDE.read_text(encoding="utf-8"))
    if "--check" in argv:
        return 0 if wanted == readme else 1
    README.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
