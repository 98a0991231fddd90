"""Saving a file that leaves the encrypted database: a PDF, a report, an export.

The save dialogs have already asked before replacing a file, so an existing file may be
replaced here; a file of the clinic's own (the database, its key file, a backup) never is.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from caseplan.storage.files import write_output


def save_output(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically (mode 0600); one sentence if it may not."""
    return write_output(path, data, replace=True)


def not_encrypted(path: Path) -> str:
    """The one sentence said after a file was saved: where, and that it is not encrypted."""
    return QCoreApplication.translate(
        "output",
        "Saved to {path}. The file is not encrypted: keep it safe, and delete it when it is "
        "no longer needed.",
    ).format(path=str(path))
