"""Joining the PDFs that worker processes made into one, bookmarks and all, with qpdf (pikepdf).

qpdf copies pages and their bookmarks without parsing page contents. Each part's page tree
is copied in one go and the pages are gathered into one tree at the end: adding pages one
at a time costs more the more pages there already are (5,500 pages took 1.4 s that way,
0.1 s this way). The streams come compressed from ReportLab and are written as they are.
Each part's bookmarks (a plan per person, a section per heading) come along pointing at the
same pages, and are chained into one outline.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

import pikepdf

from caseplan.reports.pages import DocumentInfo
from caseplan.storage.files import write_atomically

#: What a page may inherit from the page tree above it (PDF 32000-1, 7.7.3.4).
_INHERITED = ("/Resources", "/MediaBox", "/CropBox", "/Rotate")


def _leaves(node: pikepdf.Object, inherited: dict[str, pikepdf.Object]) -> list[pikepdf.Object]:
    """The pages under a page tree node, in order, each given what it inherits from above."""
    if "/Kids" not in node or node.get("/Type") == pikepdf.Name.Page:
        for key, value in inherited.items():
            if key not in node:
                node[key] = value
        return [node]
    here = {**inherited, **{key: node[key] for key in _INHERITED if key in node}}
    pages: list[pikepdf.Object] = []
    for kid in node.Kids:
        pages += _leaves(kid, here)
    return pages


def _top_items(outlines: pikepdf.Object) -> list[pikepdf.Object]:
    items = []
    item = outlines.get("/First")
    while item is not None:
        items.append(item)
        item = item.get("/Next")
    return items


def _chain(out: pikepdf.Pdf, items: list[pikepdf.Object]) -> None:
    """One outline made of ``items`` (already copied into ``out``), in order."""
    if not items:
        return
    outlines = out.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Outlines))
    visible = 0
    for index, item in enumerate(items):
        item.Parent = outlines
        if index:
            item.Prev = items[index - 1]
        elif "/Prev" in item:
            del item.Prev
        if index + 1 < len(items):
            item.Next = items[index + 1]
        elif "/Next" in item:
            del item.Next
        visible += 1 + max(int(item.get("/Count", 0)), 0)
    outlines.First, outlines.Last, outlines.Count = items[0], items[-1], visible
    out.Root.Outlines = outlines
    out.Root.PageMode = pikepdf.Name.UseOutlines


class Joiner:
    """Joins PDFs one after the other as they come (while later ones are still being made),
    then writes the whole with :meth:`finish`. Use it as a context manager."""

    def __init__(self) -> None:
        self._stack = contextlib.ExitStack()
        self._out = self._stack.enter_context(pikepdf.Pdf.new())
        self._items: list[pikepdf.Object] = []
        self._version = "1.4"  # the document language (/Lang) is PDF 1.4
        self._pages: list[pikepdf.Object] = []

    def __enter__(self) -> Joiner:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stack.close()

    def add(self, part: bytes | Path) -> None:
        """Append ``part``'s pages and bookmarks (it is kept open until the end)."""
        source = self._stack.enter_context(
            pikepdf.open(io.BytesIO(part) if isinstance(part, bytes) else part)
        )
        self._version = max(self._version, source.pdf_version)
        self._take_pages(source)
        if "/Outlines" in source.Root:
            # the same foreign pages map to the pages just copied
            self._items += _top_items(self._out.copy_foreign(source.Root.Outlines))

    def _take_pages(self, source: pikepdf.Pdf) -> None:
        # qpdf copies each page on its own (a page reached through another object is null)
        self._pages += [self._out.copy_foreign(page) for page in _leaves(source.Root.Pages, {})]

    def _pages_so_far(self) -> None:
        """Put the pages gathered into the output's page tree."""
        tree = self._out.Root.Pages
        kids = pikepdf.Array([*tree.Kids, *self._pages])
        for kid in self._pages:
            kid.Parent = tree
        tree.Kids = kids
        tree.Count = len(kids)
        self._pages = []

    def finish(self, target: BinaryIO | Path, info: DocumentInfo) -> None:
        """Write the joined PDF into ``target``: a stream, or a file written atomically."""
        out = self._out
        self._pages_so_far()
        _chain(out, self._items)
        out.docinfo["/Title"] = info.title
        out.docinfo["/Subject"] = info.subject
        out.docinfo["/Author"] = "Caseplan"
        out.docinfo["/Creator"] = "Caseplan"
        out.Root.Lang = pikepdf.String(info.language)
        out.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
        if isinstance(target, Path):
            buffer = io.BytesIO()
            out.save(buffer, compress_streams=False, min_version=self._version)
            write_atomically(target, buffer.getvalue())
        else:
            out.save(target, compress_streams=False, min_version=self._version)


def merge_pdfs(parts: Sequence[bytes | Path], target: BinaryIO | Path, info: DocumentInfo) -> None:
    """Concatenate ``parts`` (PDFs in memory, or files) page by page, in order, into
    ``target``: a stream, or a file written atomically."""
    with Joiner() as joiner:
        for part in parts:
            joiner.add(part)
        joiner.finish(target, info)
