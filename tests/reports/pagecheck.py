"""What a reader sees on a printed page: every piece of text with its size, colour and what is
behind it, read from the PDF's own drawing instructions and a rendering of the page without
its text. Used to check type sizes and contrast on the pages the person takes home."""

from __future__ import annotations

import io
import math
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ContentStream, NameObject

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1, 0, 0, 1, 0, 0)
RGB = tuple[int, int, int]


@dataclass(frozen=True)
class Run:
    """One text-showing instruction: where, how big (points), which colour, how many glyphs."""

    page: int
    x: float
    y: float
    size: float
    color: RGB
    glyphs: int


def _mul(m: Matrix, n: Matrix) -> Matrix:
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _rgb(values: list[float]) -> RGB:
    return tuple(round(float(v) * 255) for v in values)  # type: ignore[return-value]


def _cmyk(c: float, m: float, y: float, k: float) -> RGB:
    return (
        round(255 * (1 - c) * (1 - k)),
        round(255 * (1 - m) * (1 - k)),
        round(255 * (1 - y) * (1 - k)),
    )


def _glyphs(operand: object) -> int:
    if isinstance(operand, bytes | str):
        return len(operand)
    if isinstance(operand, list):
        return sum(_glyphs(item) for item in operand if not isinstance(item, int | float))
    return len(bytes(operand))  # type: ignore[call-overload]


def _walk(reader: PdfReader, page_index: int):  # type: ignore[no-untyped-def]
    """(operation, operands, fill colour, text matrix × CTM, font size) for each operation."""
    page = reader.pages[page_index]
    content = ContentStream(page.get_contents(), reader)
    ctm: Matrix = IDENTITY
    stack: list[tuple[Matrix, RGB]] = []
    fill: RGB = (0, 0, 0)
    tm: Matrix = IDENTITY
    tlm: Matrix = IDENTITY
    size = 0.0
    leading = 0.0
    for operands, raw in content.operations:
        op = raw.decode("latin-1") if isinstance(raw, bytes) else str(raw)
        if op == "q":
            stack.append((ctm, fill))
        elif op == "Q" and stack:
            ctm, fill = stack.pop()
        elif op == "cm":
            ctm = _mul(tuple(float(v) for v in operands), ctm)  # type: ignore[arg-type]
        elif op == "rg":
            fill = _rgb(operands)
        elif op == "g":
            fill = _rgb([operands[0]] * 3)
        elif op == "k":
            fill = _cmyk(*(float(v) for v in operands))
        elif op == "BT":
            tm = tlm = IDENTITY
        elif op == "Tf":
            size = float(operands[1])
        elif op == "TL":
            leading = float(operands[0])
        elif op == "Tm":
            tm = tlm = tuple(float(v) for v in operands)  # type: ignore[assignment]
        elif op in ("Td", "TD"):
            if op == "TD":
                leading = -float(operands[1])
            tm = tlm = _mul((1, 0, 0, 1, float(operands[0]), float(operands[1])), tlm)
        elif op in ("T*", "'", '"'):
            tm = tlm = _mul((1, 0, 0, 1, 0, -leading), tlm)
        yield op, operands, fill, _mul(tm, ctm), size


def text_runs(path: Path) -> list[Run]:
    reader = PdfReader(path)
    runs = []
    for index in range(len(reader.pages)):
        for op, operands, fill, matrix, size in _walk(reader, index):
            if op in ("Tj", "TJ", "'", '"'):
                scale = math.hypot(matrix[2], matrix[3])
                text = operands[-1]
                runs.append(
                    Run(
                        index + 1, matrix[4], matrix[5], round(size * scale, 2), fill, _glyphs(text)
                    )
                )
    return runs


def without_text(path: Path, keep: set[RGB]) -> Path:
    """A copy of the PDF with its text taken out, except text drawn in a colour in ``keep``
    (a decoration such as the DEMO mark stays, so what lies behind the text stays too)."""
    reader = PdfReader(path)
    writer = PdfWriter()
    for index, page in enumerate(reader.pages):
        kept: list[tuple[list[object], bytes]] = []
        block: list[tuple[list[object], bytes]] | None = None
        keep_block = False
        colours = list(_walk(reader, index))
        content = ContentStream(page.get_contents(), reader)
        for (operands, raw), (op, _ops, fill, _m, _s) in zip(
            content.operations, colours, strict=True
        ):
            if op == "BT":
                block, keep_block = [(operands, raw)], False
                continue
            if block is not None:
                block.append((operands, raw))
                if op in ("Tj", "TJ") and fill in keep:
                    keep_block = True
                if op == "ET":
                    if keep_block:
                        kept += block
                    block = None
                continue
            kept.append((operands, raw))
        content.operations = kept
        page[NameObject("/Contents")] = writer._add_object(content)
        writer.add_page(page)
    out = Path(tempfile.mkdtemp()) / "no-text.pdf"
    with out.open("wb") as stream:
        writer.write(stream)
    return out


def page_images(path: Path) -> list[Image.Image]:
    """Each page at 72 dpi: one pixel is one point."""
    folder = Path(tempfile.mkdtemp())
    subprocess.run(["pdftoppm", "-png", "-r", "72", str(path), str(folder / "p")], check=True)
    return [Image.open(p).convert("RGB") for p in sorted(folder.glob("p-*.png"))]


def behind(image: Image.Image, run: Run) -> RGB | None:
    """The commonest colour behind the start of ``run`` (its first few glyphs)."""
    width = min(max(run.glyphs, 1) * run.size * 0.5, 120)
    left, right = int(run.x), int(run.x + width) + 1
    top = int(image.height - (run.y + run.size * 0.7))
    bottom = int(image.height - run.y) + 1
    left, right = max(left, 0), min(right, image.width)
    top, bottom = max(top, 0), min(bottom, image.height)
    if right <= left or bottom <= top:
        return None
    colours = image.crop((left, top, right, bottom)).getcolors(maxcolors=1 << 20) or []
    return max(colours)[1]  # type: ignore[no-any-return]


def luminance(rgb: RGB) -> float:
    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: RGB, b: RGB) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def seen_text(path: Path, decoration: set[RGB]) -> list[tuple[Run, RGB]]:
    """Every run of text a reader sees (decoration aside) with the colour behind it."""
    runs = [r for r in text_runs(path) if r.color not in decoration]
    images = page_images(without_text(path, decoration))
    out = []
    for run in runs:
        background = behind(images[run.page - 1], run)
        if background is not None:
            out.append((run, background))
    return out


__all__ = ["Run", "contrast", "io", "seen_text", "text_runs"]
