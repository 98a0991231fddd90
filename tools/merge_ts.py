"""A git merge driver for Qt Linguist sources (.ts): the union of both sides' messages.

Two branches that each add strings (and their translations) to ``caseplan_nb.ts`` touch
the same generated XML, so a line-based merge conflicts although nothing really clashes.
This driver keeps every message of either side, keyed by context, source text and
comment. Where both sides translated the same message differently, the side that changed
it since the common base wins (a rebase replays "theirs" onto "ours", so a translation fixed
on a branch is not undone by the older one upstream); if both changed it, ours wins.

Set up once per clone (``make`` does it)::

    git config merge.linguist.name "union of Qt Linguist messages"
    git config merge.linguist.driver "python3 tools/merge_ts.py %O %A %B"

with ``*.ts merge=linguist`` in ``.gitattributes``. Afterwards run
``tools/update_translations.sh`` (or ``--release``) so the file is in lupdate's own
order again and the compiled ``.qm`` matches it.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

Key = tuple[str, str, str]


def _key(context: str, message: ET.Element) -> Key:
    return (context, message.findtext("source") or "", message.findtext("comment") or "")


def _finished(message: ET.Element) -> bool:
    translation = message.find("translation")
    if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
        return False
    return bool((translation.text or "").strip()) or len(translation) > 0


def _messages(root: ET.Element) -> dict[Key, ET.Element]:
    found: dict[Key, ET.Element] = {}
    for context in root.findall("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            found[_key(name, message)] = message
    return found


def _translation(message: ET.Element) -> str:
    translation = message.find("translation")
    return "" if translation is None else ET.tostring(translation, encoding="unicode").strip()


def merge(ours: ET.Element, theirs: ET.Element, base: ET.Element | None = None) -> ET.Element:
    """``ours`` plus every message of ``theirs``, and their translations where ours has none
    or where only theirs changed it since ``base``."""
    mine = _messages(ours)
    before = _messages(base) if base is not None else {}
    contexts = {c.findtext("name") or "": c for c in ours.findall("context")}
    for key, message in _messages(theirs).items():
        present = mine.get(key)
        if present is None:
            context = contexts.get(key[0])
            if context is None:
                context = ET.SubElement(ours, "context")
                ET.SubElement(context, "name").text = key[0]
                contexts[key[0]] = context
            context.append(message)
        elif (not _finished(present) and _finished(message)) or (
            _finished(message)
            and key in before
            and _translation(present) == _translation(before[key])
            and _translation(message) != _translation(present)
        ):
            context = contexts[key[0]]
            index = list(context).index(present)
            context.remove(present)
            context.insert(index, message)
    ordered = sorted(ours.findall("context"), key=lambda c: c.findtext("name") or "")
    for context in ordered:
        ours.remove(context)
        ours.append(context)
    return ours


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: merge_ts.py BASE OURS THEIRS (OURS is overwritten)", file=sys.stderr)
        return 2
    base_path, ours_path, theirs_path = (Path(a) for a in argv)
    try:
        ours = ET.parse(ours_path)
        theirs = ET.parse(theirs_path)
    except ET.ParseError as error:
        print(f"merge_ts: cannot read a side of the merge: {error}", file=sys.stderr)
        return 1
    try:
        base: ET.Element | None = ET.parse(base_path).getroot()
    except (ET.ParseError, OSError):
        base = None  # a file both sides added: the union alone
    root = merge(ours.getroot(), theirs.getroot(), base)
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    ours_path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
