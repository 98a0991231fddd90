"""A lock that forgets (issue 13): after F12 no connection is open, the old context refuses
work, and neither the key nor any person's text is reachable from the app."""

from __future__ import annotations

import gc
import os
import types
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QApplication

from caseplan.errors import StorageError
from caseplan.services.clinic.unlock import OpenClinic
from caseplan.services.people import people
from caseplan.services.plans import goals, plans
from caseplan.ui.main_window import MainWindow

NOTE = "ARBEIDSNOTAT som aldri skal bli igjen"


def _reachable_text(roots: Iterable[object]) -> Iterator[str | bytes | bytearray]:
    """Every str, bytes and bytearray reachable from ``roots`` through the app's own objects.

    Modules, classes and functions' globals are not followed (they lead to all of Python,
    this test included); closures, bound methods, containers and instances are.
    """
    seen: set[int] = set()
    stack = list(roots)
    while stack:
        obj = stack.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        if isinstance(obj, str | bytes | bytearray):
            yield obj
            continue
        if isinstance(obj, types.ModuleType | type):
            continue
        if isinstance(obj, types.FunctionType):
            stack.extend(c.cell_contents for c in obj.__closure__ or () if _filled(c))
            stack.extend(obj.__defaults__ or ())
            stack.extend((obj.__kwdefaults__ or {}).values())
            continue
        if isinstance(obj, dict) and "__builtins__" in obj:
            continue  # a module's namespace
        stack.extend(gc.get_referents(obj))


def _filled(cell: Any) -> bool:
    try:
        cell.cell_contents  # noqa: B018 - an empty cell raises
    except ValueError:
        return False
    return True


def _roots(window: MainWindow) -> list[object]:
    """The app: its window and controller, and every widget Qt still has."""
    return [window, window.session, *QApplication.allWidgets()]


def _open_files(database: Path) -> list[str]:
    names = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith(str(database)):
            names.append(target)
    return names


def _all_widget_text() -> str:
    texts = []
    for widget in QApplication.allWidgets():
        for getter in ("text", "toPlainText", "windowTitle", "toolTip", "placeholderText"):
            value = getattr(widget, getter, None)
            if callable(value):
                try:
                    texts.append(str(value()))
                except TypeError:
                    continue
    return "\n".join(texts)


@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="counts open files in /proc")
def test_after_the_lock_nothing_is_open_usable_or_remembered(
    qtbot: Any,
    clinic_ws: OpenClinic,
    settings: QSettings,
    lead_password: str,
    clinic_people: tuple[str, ...],
) -> None:
    database = clinic_ws.database.location.path
    if database is None:
        pytest.skip("a PostgreSQL server keeps no key in this program")
    assert clinic_ws.secret is not None
    key = clinic_ws.secret.reveal()
    needles: list[bytes | str] = [key, key.hex(), key.hex().upper()]
    someone = people.list_people(clinic_ws.ctx)[0]
    plan = plans.open_plan(clinic_ws.ctx, someone.id)
    goals.add_goal(clinic_ws.ctx, plan.id, "housing", "Egen leilighet", worker_note=NOTE)
    old_ctx = clinic_ws.ctx

    window = MainWindow(clinic_ws, settings)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    assert window.session.open_person(someone.id)
    assert someone.full_name in _all_widget_text() and _open_files(database)
    # The search below can fail: before the lock it finds both the key and the person.
    before = list(_reachable_text(_roots(window)))
    assert any(isinstance(f, bytearray) and f == key for f in before)
    assert any(isinstance(f, str) and someone.full_name in f for f in before)

    window.session.lock(privacy=True)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    gc.collect()

    assert _open_files(database) == []  # every connection closed (no -wal, no -shm either)
    with pytest.raises(StorageError, match="The database is locked"):
        people.list_people(old_ctx)  # the context from before the lock refuses work
    shown = _all_widget_text()
    for name in clinic_people:
        assert name not in shown
    assert NOTE not in shown
    for found in _reachable_text(_roots(window)):
        for needle in needles:
            if isinstance(needle, bytes) and isinstance(found, bytes | bytearray):
                assert needle not in found, "the key is still reachable from the app"
            if isinstance(needle, str) and isinstance(found, str):
                assert needle not in found, "the key's hex is still reachable from the app"
        if isinstance(found, str):
            assert NOTE not in found and not any(name in found for name in clinic_people)

    # The same password opens it again, back where the user was.
    assert window.session.unlock(lead_password)
    assert window.session.person_id == someone.id
