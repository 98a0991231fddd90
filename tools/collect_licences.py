"""Write the licences of everything Caseplan ships with into the package (Help → About shows it).

Walks Caseplan's run-time requirements (extras and platform markers included) in the
installed environment, and takes each distribution's licence expression and licence
files; then adds the notices for code inside the wheels that their metadata does not
cover (``packaging/licences/*.txt``: SQLCipher, Qt's LGPL). Caseplan's own LICENSE is
copied beside it. Run it after a dependency
changes: ``.venv/bin/python tools/collect_licences.py``;
``tests/unit/test_licences.py`` fails until it has been run.
"""

from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "caseplan" / "resources" / "licences"
TARGET = FOLDER / "third-party.txt"
EXTRA_NOTICES = ROOT / "packaging" / "licences"
LICENCE_FILE = re.compile(r"(^|/)(licen[cs]e|copying|notice|authors)[^/]*$", re.IGNORECASE)


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_distributions(root: str = "caseplan") -> list[metadata.Distribution]:
    """``root``'s run-time requirements on this platform, recursively, sorted by name."""
    found: dict[str, metadata.Distribution] = {}
    pending: list[tuple[str, frozenset[str]]] = [(root, frozenset())]
    while pending:
        name, extras = pending.pop()
        key = canonical(name)
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        first = key not in found
        found[key] = dist
        for line in dist.requires or []:
            requirement = Requirement(line)
            wanted = ["", *sorted(extras)]
            if requirement.marker is not None and not any(
                requirement.marker.evaluate({**default_environment(), "extra": extra})
                for extra in wanted
            ):
                continue
            if first or extras:
                pending.append((requirement.name, frozenset(requirement.extras)))
    found.pop(canonical(root), None)
    return sorted(found.values(), key=lambda d: canonical(d.metadata["Name"]))


def licence_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return str(expression)
    text = (meta.get("License") or "").strip()
    if text and "\n" not in text and len(text) < 80:
        return text
    classifiers = [
        c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")
    ]
    return ", ".join(classifiers) or "see the licence text below"


def licence_texts(dist: metadata.Distribution) -> list[tuple[str, str]]:
    texts = []
    for file in dist.files or []:
        if not LICENCE_FILE.search(str(file)) or file.suffix in {".py", ".pyc"}:
            continue
        path = Path(str(dist.locate_file(file)))
        if path.is_file():
            texts.append((file.name, path.read_text(encoding="utf-8", errors="replace").strip()))
    return texts


def render(dists: list[metadata.Distribution], notices: list[Path]) -> str:
    rule = "=" * 78
    parts = [
        "Caseplan is licensed under the EUPL-1.2 (see LICENSE). It ships with the following",
        "software, each under its own licence. Qt and PySide6 are used under the LGPL-3.0 as",
        "shared libraries, which you may replace with your own build.",
        "",
        "Contents:",
    ]
    parts += [f"  {d.metadata['Name']} — {licence_of(d)}" for d in dists]
    parts += [f"  {p.stem}" for p in notices]
    for dist in dists:
        meta = dist.metadata
        home = meta.get("Home-page") or next(
            (u.split(", ", 1)[1] for u in meta.get_all("Project-URL") or [] if ", " in u), ""
        )
        parts += ["", rule, f"{meta['Name']} — {licence_of(dist)}"]
        if home:
            parts.append(home)
        parts.append(rule)
        for name, text in licence_texts(dist):
            parts += ["", f"--- {name} ---", "", text]
    for notice in notices:
        parts += ["", rule, notice.stem, rule, "", notice.read_text(encoding="utf-8").strip()]
    return "\n".join(parts) + "\n"


def main() -> int:
    notices = sorted(EXTRA_NOTICES.glob("*.txt"))
    FOLDER.mkdir(parents=True, exist_ok=True)
    (FOLDER / "LICENSE").write_bytes((ROOT / "LICENSE").read_bytes())
    TARGET.write_text(render(runtime_distributions(), notices), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
