"""Helpers to read back what a printed PDF shows, with the poppler and qpdf tools."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path


def pdf_text(path: Path, first: int | None = None, last: int | None = None) -> str:
    """The text of ``path`` in drawing order (table cells stay whole), via ``pdftotext -raw``."""
    args = ["pdftotext", "-raw", "-enc", "UTF-8"]
    if first is not None:
        args += ["-f", str(first), "-l", str(last if last is not None else first)]
    return subprocess.run(
        [*args, str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def squeeze(text: str) -> str:
    """Text without any whitespace, so line wrapping never hides a match."""
    return re.sub(r"\s+", "", text)


def page_count(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True)
    return int(re.search(r"^Pages:\s+(\d+)", out.stdout, re.M).group(1))  # type: ignore[union-attr]


def fonts(path: Path) -> list[tuple[str, bool]]:
    """(font name, embedded?) for every font ``pdffonts`` lists."""
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True)
    rows = []
    for line in out.stdout.splitlines()[2:]:
        parts = line.split()
        # name type [encoding words...] emb sub uni object ID
        rows.append((parts[0], parts[-5] == "yes"))
    return rows


def qpdf_check(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)


_FOOTER = re.compile(r"(· (Skrevet ut|Printed) .*$)|((Side|Page) \d+ (av|of) \d+\s*$)")


def body_text(path: Path) -> str:
    """Like :func:`pdf_text`, without the footer lines that sit between pages."""
    lines = []
    for line in pdf_text(path).splitlines():
        if _FOOTER.search(line):
            continue
        lines.append(line)
    return "\n".join(lines)
