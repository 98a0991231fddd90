"""File → Back up…: a verified, encrypted backup with a progress bar and a cancel button."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caseplan.errors import CaseplanError
from caseplan.services.clinic import backup
from caseplan.services.clinic.unlock import OpenClinic
from caseplan.services.security import access
from caseplan.storage import keys
from caseplan.ui.i18n import error_text
from caseplan.ui.workers import Progress, Worker


def may_back_up(workspace: OpenClinic) -> bool:
    return access.can(workspace.ctx, access.Action.BACKUP)


def ask_backup_target(parent: QWidget | None) -> Path | None:
    """A save dialog with a dated name; None if the person cancelled."""
    suggested = str(Path.home() / f"caseplan-backup-{date.today().isoformat()}.db")
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("backup", "Back up the database"),
        suggested,
        QCoreApplication.translate("backup", "Caseplan backups (*.db)"),
    )
    return Path(chosen) if chosen else None


class BackupDialog(QDialog):
    """Starts the backup at once; says in one sentence how it went."""

    def __init__(self, workspace: OpenClinic, target: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.target = target
        self.result_path: Path | None = None
        self._existed = target.exists() or keys.keys_path(target).exists()
        self.setWindowTitle(self.tr("Back up"))

        self.message = QLabel(self.tr("Backing up to {path}…").format(path=str(target)), self)
        self.message.setWordWrap(True)
        self.message.setAccessibleDescription(self.tr("Backup status"))
        self.bar = QProgressBar(self)
        self.bar.setAccessibleName(self.tr("Backup progress"))
        self.bar.setRange(0, 0)
        self.buttons = QDialogButtonBox(self)
        self.cancel_button = QPushButton(self.tr("&Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel the backup"))
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button = QPushButton(self.tr("C&lose"), self)
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.setVisible(False)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.rejected.connect(self.reject)
        self.buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.bar)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)

        def work(progress: Progress) -> Path:
            return backup.backup(workspace, target, progress=progress.report)

        self.worker = Worker(
            work,
            on_success=self._done,
            on_failure=self._failed,
            on_progress=self._progress,
            on_cancelled=self._cancelled,
            parent=self,
        ).start()

    @property
    def running(self) -> bool:
        return self.worker.running

    def _progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def _finish(self, text: str) -> None:
        self.message.setText(text)
        # A sentence of three lines (a full disk, a damaged database) gets its height.
        self.adjustSize()
        self.cancel_button.setVisible(False)
        self.close_button.setVisible(True)
        self.close_button.setDefault(True)
        self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _done(self, path: Path) -> None:
        self.result_path = path
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self._finish(
            self.tr("The backup is done and checked: {path} (with its key file {keys}).").format(
                path=str(path), keys=keys.keys_path(path).name
            )
        )

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, CaseplanError):
            text = self.tr("The backup failed: {reason}").format(reason=str(error))
        else:
            text = error_text(error)
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self._finish(text)

    def _cancelled(self) -> None:
        # Cancelled after the copy was already finished: the person asked for none.
        if not self._existed:
            for path in (self.target, keys.keys_path(self.target)):
                path.unlink(missing_ok=True)
        self._finish(self.tr("The backup was cancelled; nothing was kept."))

    def reject(self) -> None:
        """Cancel stops the copy at its next step; the half-made file is removed."""
        if self.worker.running:
            self.worker.cancel()
            self.message.setText(self.tr("Stopping the backup…"))
            self.cancel_button.setEnabled(False)
            return
        super().reject()

    def stop_and_wait(self) -> None:
        """Before the window locks: cancel, wait for the thread, and close."""
        if self.worker.running:
            self.worker.cancel()
            self.worker.wait()
        super().reject()
