"""Run one function off the UI thread, with progress, cancel, success and failure callbacks.

The function gets a :class:`Progress` to report ``(done, total)`` and to ask whether the
person cancelled; :meth:`Progress.report` raises :class:`Cancelled` once they have, so a
long loop (or SQLite's backup, which calls back between steps) stops at the next step.
The function opens its own database sessions (a ``sessionmaker`` is safe across threads);
callbacks always run on the UI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot


class Cancelled(Exception):
    """Raised inside the work when the person cancelled it."""


class Progress:
    """Handed to the work: report how far it got, and notice a cancel."""

    def __init__(self, emit: Callable[[int, int], None]) -> None:
        self._emit = emit
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def report(self, done: int, total: int) -> None:
        """Say how far the work is; raises :class:`Cancelled` if it should stop."""
        if self._cancel.is_set():
            raise Cancelled()
        self._emit(done, total)


class _Runner(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    done = Signal()

    def __init__(self, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self._work = work
        self.progress = Progress(self.progressed.emit)

    @Slot()
    def run(self) -> None:
        try:
            result = self._work(self.progress)
        except BaseException as error:  # handed to the UI thread, never lost
            self.failed.emit(error)
        else:
            self.succeeded.emit(result)
        finally:
            self.done.emit()


class Worker(QObject):
    """One run of ``work(progress)`` on its own thread.

    ``on_success(result)``, ``on_failure(error)`` and ``on_progress(done, total)`` are
    called on the UI thread. After :meth:`cancel`, neither success nor failure is
    reported; ``on_cancelled`` is called once the work has stopped.
    """

    finished = Signal()

    def __init__(
        self,
        work: Callable[[Progress], Any],
        *,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._on_success = on_success
        self._on_failure = on_failure
        self._on_progress = on_progress
        self._on_cancelled = on_cancelled
        self._thread = QThread()
        self._runner = _Runner(work)
        self._runner.moveToThread(self._thread)
        self._thread.started.connect(self._runner.run)
        self._runner.progressed.connect(self._progressed)
        self._runner.succeeded.connect(self._succeeded)
        self._runner.failed.connect(self._failed)
        self._runner.done.connect(self._thread.quit)
        self._thread.finished.connect(self._finished)
        self._running = False

    @property
    def running(self) -> bool:
        return self._running

    @property
    def cancelled(self) -> bool:
        return self._runner.progress.cancelled

    def start(self) -> Worker:
        self._running = True
        self._thread.start()
        return self

    def cancel(self) -> None:
        """Ask the work to stop at its next progress report; results are then ignored."""
        self._runner.progress.cancel()

    def wait(self, milliseconds: int = 30_000) -> bool:
        """Block until the thread has ended (for closing a window while work runs)."""
        if not self._thread.isRunning():
            return True
        return self._thread.wait(milliseconds)

    def _progressed(self, done: int, total: int) -> None:
        if self._on_progress is not None and not self.cancelled:
            self._on_progress(done, total)

    def _succeeded(self, result: object) -> None:
        if self._on_success is not None and not self.cancelled:
            self._on_success(result)

    def _failed(self, error: object) -> None:
        if self.cancelled or isinstance(error, Cancelled):
            return
        if self._on_failure is not None and isinstance(error, BaseException):
            self._on_failure(error)

    def _finished(self) -> None:
        self._running = False
        if self.cancelled and self._on_cancelled is not None:
            self._on_cancelled()
        self.finished.emit()


def run_in_worker(
    work: Callable[[Progress], Any],
    *,
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    parent: QObject | None = None,
) -> Worker:
    """Start ``work`` on its own thread now; keep the returned worker (or give a parent)."""
    return Worker(
        work,
        on_success=on_success,
        on_failure=on_failure,
        on_progress=on_progress,
        on_cancelled=on_cancelled,
        parent=parent,
    ).start()
