"""Where a person's copy is saved: a save dialog that shows no other file's name.

The screen is shared with the person, and the folder a save dialog opens in usually holds
earlier copies, named by whoever saved them ("Ola Nordmann plan.pdf"). So each save starts
in a fresh, empty folder of its own under the user's documents, with no history of earlier
folders and no list of recent places; the dialog is Qt's own (a desktop's native dialog
offers "Recent" files). A folder left empty when the dialog is cancelled is removed again.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

# the folder the fresh folders are made in, below the user's documents
FOLDER = "Caseplan"


def documents() -> Path:
    return Path(platformdirs.user_documents_dir()) / FOLDER


def fresh_folder(now: datetime | None = None) -> Path:
    """A new, empty folder named by the time it was made (never by a person's name)."""
    stamp = (now or datetime.now()).strftime("%Y-%m-%d %H.%M.%S")
    base = documents()
    base.mkdir(parents=True, exist_ok=True, mode=0o700)
    for number in range(1, 1000):
        folder = base / (stamp if number == 1 else f"{stamp} ({number})")
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:
            continue
        return folder
    raise OSError(f"no fresh folder in {base}")


class FreshSaveDialog(QFileDialog):
    """Qt's save dialog, opened in ``folder`` with nothing else to click on."""

    def __init__(
        self, parent: QWidget | None, title: str, folder: Path, name: str, filters: str
    ) -> None:
        super().__init__(parent, title, str(folder), filters)
        self.setObjectName("fresh_save_dialog")
        self.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        self.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        self.setFileMode(QFileDialog.FileMode.AnyFile)
        self.setHistory([])
        self.setSidebarUrls([QUrl.fromLocalFile(str(folder))])
        self.setDirectory(str(folder))
        suffix = Path(name).suffix.lstrip(".")
        if suffix:
            self.setDefaultSuffix(suffix)
        self.selectFile(name)


def ask_save_path(
    parent: QWidget | None, title: str, name: str, filters: str | None = None
) -> Path | None:
    """Ask where to save a file called ``name``; None if the person cancelled.

    The file gets ``name``'s suffix if the person typed none.
    """
    if filters is None:
        filters = QCoreApplication.translate("save_dialog", "PDF files (*.pdf)")
    folder = fresh_folder()
    dialog = FreshSaveDialog(parent, title, folder, name, filters)
    try:
        chosen = dialog.selectedFiles() if dialog.exec() == QDialog.DialogCode.Accepted else []
    finally:
        dialog.deleteLater()
    path = Path(chosen[0]) if chosen and chosen[0] else None
    suffix = Path(name).suffix
    if path is not None and suffix and path.suffix.lower() != suffix.lower():
        path = path.with_name(path.name + suffix)
    if path is None or path.parent != folder:
        _remove_if_empty(folder)
    return path


def _remove_if_empty(folder: Path) -> None:
    try:
        if not any(folder.iterdir()):
            os.rmdir(folder)
    except OSError:
        pass


__all__ = ["FreshSaveDialog", "ask_save_path", "documents", "fresh_folder"]
