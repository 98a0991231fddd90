"""The .ts merge driver: a union of messages, where a translation changed on one side only
keeps that change (a rebase once undid a branch's fixed bokmål keys with main's older ones)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

DRIVER = Path(__file__).resolve().parents[2] / "tools" / "merge_ts.py"


def _ts(*messages: tuple[str, str]) -> str:
    body = "".join(
        f"<message><source>{source}</source><translation>{text}</translation></message>"
        for source, text in messages
    )
    head = '<?xml version="1.0"?><TS version="2.1" language="nb">'
    return f"{head}<context><name>Menu</name>{body}</context></TS>"


def _merge(tmp_path: Path, base: str, ours: str, theirs: str) -> str:
    paths = []
    for name, text in (("base", base), ("ours", ours), ("theirs", theirs)):
        path = tmp_path / f"{name}.ts"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    subprocess.run([sys.executable, str(DRIVER), *paths], check=True)
    return (tmp_path / "ours.ts").read_text(encoding="utf-8")


def test_a_translation_changed_only_on_their_side_is_kept(tmp_path: Path) -> None:
    base = _ts(("&amp;Tools", "&amp;Verktøy"))
    ours = _ts(("&amp;Tools", "&amp;Verktøy"), ("&amp;File", "&amp;Fil"))  # main added a string
    theirs = _ts(("&amp;Tools", "Verktø&amp;y"))  # the branch fixed a clash
    merged = _merge(tmp_path, base, ours, theirs)
    assert "Verktø&amp;y" in merged and "&amp;Verktøy<" not in merged
    assert "&amp;Fil" in merged  # and nothing of ours is lost


def test_a_translation_changed_on_both_sides_keeps_ours(tmp_path: Path) -> None:
    base = _ts(("&amp;Tools", "&amp;Verktøy"))
    merged = _merge(
        tmp_path, base, _ts(("&amp;Tools", "Ve&amp;rktøy")), _ts(("&amp;Tools", "Verktø&amp;y"))
    )
    assert "Ve&amp;rktøy" in merged and "Verktø&amp;y" not in merged


def test_without_a_common_base_the_union_is_kept(tmp_path: Path) -> None:
    merged = _merge(tmp_path, "", _ts(("&amp;File", "&amp;Fil")), _ts(("&amp;Help", "&amp;Hjelp")))
    assert "&amp;Fil" in merged and "&amp;Hjelp" in merged
