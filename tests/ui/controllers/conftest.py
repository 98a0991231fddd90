"""Controller tests run against typed fakes of their screens: not one widget is made here."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication


def _widgets() -> set[int]:
    return {shiboken6.getCppPointer(widget)[0] for widget in QApplication.allWidgets()}


@pytest.fixture(autouse=True)
def _no_widget_is_made(qapp: Any) -> Iterator[None]:
    """Fails the test if a QWidget came into being while it ran."""
    before = _widgets()
    yield
    made = _widgets() - before
    assert made == set(), f"a controller test made {len(made)} widget(s)"


@pytest.fixture(autouse=True)
def _controllers_go_now(qapp: Any) -> Iterator[None]:
    """Controllers made here have no parent; delete them before the next test, on this
    thread. (Left to the garbage collector, they could be finalised on a worker thread of
    a later test while it opens an SQLCipher connection, which crashes.)"""
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
