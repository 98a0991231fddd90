"""Controller tests run against typed fakes of their screens: not one widget is made here."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication


def _widgets() -> set[int]:
    return {shiboken6.getCppPointer(widget)[0] for widget in QApplication.allWidgets()}


@pytest.fixture(autouse=True)
def _no_widget_is_made(qapp: Any) -> Iterator[None]:
    """Fails the test if a QWidget came into being while it ran (even if it is gone again
    it would still have been counted while alive, so this checks at the end and on the way)."""
    before = _widgets()
    yield
    made = _widgets() - before
    assert made == set(), f"a controller test made {len(made)} widget(s)"
