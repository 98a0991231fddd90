"""The sentences a person can be shown from below the UI, found by Babel's extractor.

Models, storage, services, reports, the demo and the command line cannot use Qt, so their
sentences are marked with ``caseplan.errors.tr_noop`` and translated by the UI in the context
``"errors"``. Babel's Python extractor finds them (keyword ``tr_noop``, like ``gettext``);
``tools/update_translations.sh`` hands them to Qt's lupdate, which keeps them in
``caseplan_*.ts`` with the UI's own strings, and tests/unit/test_error_strings.py checks that
every one of them is there.

    python tools/error_messages.py              print every sentence, one per line
    python tools/error_messages.py --for-lupdate FILE
                                                write FILE, a Python file lupdate reads:
                                                one QT_TRANSLATE_NOOP("errors", …) each
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.extract import extract_from_dir

ROOT = Path(__file__).resolve().parents[1]
#: Everything below the UI that may put a sentence in front of a person.
SOURCES = ("models", "storage", "services", "demo", "reports", "cli")
CONTEXT = "errors"


def sentences(root: Path = ROOT) -> list[str]:
    """Every ``tr_noop("…")`` text under ``caseplan/`` outside ``caseplan/ui``, sorted."""
    found: set[str] = set()
    places = [root / "caseplan" / name for name in SOURCES]
    for folder in places:
        for _file, _line, message, _comments, _context in extract_from_dir(
            str(folder),
            method_map=[("**.py", "python")],
            keywords={"tr_noop": None},
            comment_tags=(),
        ):
            found.add(message if isinstance(message, str) else message[0])
    for _line, _function, message, _comments in _extract_file(root / "caseplan" / "errors.py"):
        found.add(message if isinstance(message, str) else message[0])
    return sorted(found)


def _extract_file(path: Path) -> list[tuple[int, str, str | tuple[str, ...], list[str]]]:
    from babel.messages.extract import extract_python

    with path.open("rb") as file:
        return list(extract_python(file, ["tr_noop"], [], {}))


def lupdate_input(messages: list[str]) -> str:
    lines = ["from PySide6.QtCore import QT_TRANSLATE_NOOP", ""]
    lines += [f"QT_TRANSLATE_NOOP({CONTEXT!r}, {text!r})" for text in messages]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    if argv[:1] == ["--for-lupdate"] and len(argv) == 2:
        Path(argv[1]).write_text(lupdate_input(sentences()), encoding="utf-8")
        return 0
    if argv:
        print(__doc__, file=sys.stderr)
        return 2
    for text in sentences():
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
