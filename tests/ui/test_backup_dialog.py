"""Backing up from the menu: a worker thread, a progress bar, one sentence at the end."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from caseplan.services.clinic import unlock
from caseplan.services.clinic.unlock import OpenClinic
from caseplan.services.security import audit
from caseplan.storage import keys
from caseplan.storage.location import resolve
from caseplan.ui.audit import clinic_events
from caseplan.ui.backup import BackupDialog
from caseplan.ui.main_window import MainWindow
from caseplan.ui.workers import Cancelled, Progress, Worker


def window_for(qtbot: Any, workspace: OpenClinic, settings: QSettings) -> MainWindow:
    window = MainWindow(workspace, settings, idle_timeout_ms=60_000)
    qtbot.addWidget(window)
    return window


def test_a_backup_is_written_with_its_key_file(
    qtbot: Any, clinic_ws: OpenClinic, settings: QSettings, tmp_path: Path, lead_password: str
) -> None:
    if clinic_ws.database.location.path is None:
        pytest.skip("an embedded database is backed up here; PostgreSQL uses pg_dump")
    window = window_for(qtbot, clinic_ws, settings)
    assert window.backup_action.isEnabled()
    target = tmp_path / "backups" / "monday.db"
    dialog = window.back_up(target)
    assert isinstance(dialog, BackupDialog)
    qtbot.waitUntil(lambda: not dialog.running, timeout=30_000)
    key_file = keys.keys_path(target).name
    assert dialog.message.text() == (
        f"The backup is done and checked: {target} (with its key file {key_file})."
    )
    assert target.exists() and keys.keys_path(target).exists()
    assert dialog.close_button.isVisible() and not dialog.cancel_button.isVisible()
    assert dialog.bar.value() == dialog.bar.maximum()
    backups = [e for e in clinic_events(window.ctx) if e.action == audit.Action.BACKUP]
    assert [(e.account, e.detail) for e in backups] == [("kari", "monday.db")]

    # The backup opens with the same password.
    restored = unlock.sign_in(resolve(str(target)), "kari", lead_password)
    assert restored.actor.username == "kari"
    restored.close()


def test_cancel_keeps_nothing(
    qtbot: Any, clinic_ws: OpenClinic, settings: QSettings, tmp_path: Path
) -> None:
    if clinic_ws.database.location.path is None:
        pytest.skip("an embedded database is backed up here; PostgreSQL uses pg_dump")
    window = window_for(qtbot, clinic_ws, settings)
    target = tmp_path / "cancelled.db"
    dialog = window.back_up(target)
    assert dialog is not None
    dialog.reject()  # Cancel (or Escape) while it runs
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30_000)
    assert dialog.message.text() == "The backup was cancelled; nothing was kept."
    assert not target.exists()
    assert not keys.keys_path(target).exists()
    assert not target.with_name(target.name + ".partial").exists()


def test_a_failed_backup_says_why(
    qtbot: Any, clinic_ws: OpenClinic, settings: QSettings, tmp_path: Path
) -> None:
    if clinic_ws.database.location.path is None:
        pytest.skip("an embedded database is backed up here; PostgreSQL uses pg_dump")
    target = tmp_path / "taken.db"
    target.write_bytes(b"something else")
    window = window_for(qtbot, clinic_ws, settings)
    dialog = window.back_up(target)
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.running, timeout=30_000)
    assert dialog.message.text() == f"A file already exists at {target}."
    assert target.read_bytes() == b"something else"


def test_who_may_back_up(qtbot: Any, clinic_ws: OpenClinic, settings: QSettings) -> None:
    lead = window_for(qtbot, clinic_ws, settings)
    if clinic_ws.database.location.path is None:
        assert not lead.backup_action.isEnabled()
        assert lead.backup_action.toolTip() == (
            "On a PostgreSQL server, back up with the server's own tools (pg_dump)."
        )
        return
    assert lead.backup_action.isEnabled()
    workspace = unlock.sign_in(clinic_ws.database.location, "per", "per password 1")
    try:
        practitioner = window_for(qtbot, workspace, settings)
        assert not practitioner.backup_action.isEnabled()
        assert practitioner.backup_action.toolTip() == (
            "Only a team lead or an administrator can make backups."
        )
    finally:
        workspace.close()


def test_the_worker_reports_progress_success_and_failure(qtbot: Any) -> None:
    seen: list[Any] = []
    threads: set[int] = set()

    def count(progress: Progress) -> int:
        threads.add(threading.get_ident())
        for done in range(1, 4):
            progress.report(done, 3)
        return 42

    worker = Worker(count, on_success=seen.append, on_progress=lambda d, t: seen.append((d, t)))
    with qtbot.waitSignal(worker.finished, timeout=5_000):
        worker.start()
    assert seen == [(1, 3), (2, 3), (3, 3), 42]
    assert threading.get_ident() not in threads

    failures: list[BaseException] = []

    def fail(_progress: Progress) -> None:
        raise ValueError("no")

    worker = Worker(fail, on_success=seen.append, on_failure=failures.append)
    with qtbot.waitSignal(worker.finished, timeout=5_000):
        worker.start()
    assert [str(error) for error in failures] == ["no"]


def test_a_cancelled_worker_stops_at_its_next_report(qtbot: Any) -> None:
    started = threading.Event()
    go_on = threading.Event()
    outcome: list[str] = []

    def slow(progress: Progress) -> None:
        started.set()
        go_on.wait(5)
        try:
            progress.report(1, 2)
        except Cancelled:
            outcome.append("stopped")
            raise

    cancelled: list[bool] = []
    worker = Worker(slow, on_success=outcome.append, on_cancelled=lambda: cancelled.append(True))
    worker.start()
    assert started.wait(5)
    worker.cancel()
    go_on.set()
    qtbot.waitUntil(lambda: not worker.running, timeout=5_000)
    assert outcome == ["stopped"] and cancelled == [True]


def test_a_full_disk_is_one_sentence_and_nothing_is_left(
    qtbot: Any,
    clinic_ws: OpenClinic,
    settings: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if clinic_ws.database.location.path is None:
        pytest.skip("an embedded database is backed up here; PostgreSQL uses pg_dump")
    real_write = Path.write_bytes

    def full(path: Path, data: bytes) -> int:
        if path.name.endswith(".keys.tmp"):  # the key file is the last thing written
            real_write(path, data[: len(data) // 2])
            raise OSError(28, "No space left on device")
        return real_write(path, data)

    monkeypatch.setattr(Path, "write_bytes", full)
    window = window_for(qtbot, clinic_ws, settings)
    target = tmp_path / "stick" / "monday.db"
    target.parent.mkdir()
    dialog = window.back_up(target)
    assert isinstance(dialog, BackupDialog)
    qtbot.waitUntil(lambda: not dialog.running, timeout=30_000)
    assert dialog.message.text() == (
        f"There is no room for {target} on its disk, so it was not written; "
        "free some space or choose another place."
    )
    assert list(target.parent.iterdir()) == [], "half a key file or a copy was left"
