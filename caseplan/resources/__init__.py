"""Fonts, icons and translations shipped inside the package.

One helper finds them from a source checkout, an installed wheel or a frozen build alike.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def asset(*parts: str) -> Path:
    """The path of a shipped resource, e.g. ``asset("fonts", "DejaVuSans.ttf")``."""
    root = resources.files(__name__)
    target = root.joinpath(*parts)
    path = Path(str(target))
    if not path.exists():
        raise FileNotFoundError(f"missing resource: {'/'.join(parts)}")
    return path
