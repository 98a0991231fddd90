"""Writing files so that a crash never leaves half a file behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from caseplan.errors import StorageError, tr_noop


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a synced temporary file and a rename."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise StorageError(tr_noop("The folder {folder} does not exist."), folder=str(folder))
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    except OSError as error:
        raise StorageError(
            tr_noop("Cannot write in the folder {folder}."), folder=str(folder)
        ) from error
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def read_limited(path: Path, limit: int) -> bytes:
    """Read a whole file a person handed us, refusing one larger than ``limit`` bytes."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise StorageError(
                tr_noop("The file {path} is too large ({size} MB; at most {limit} MB)."),
                path=str(path),
                size=round(size / 1_000_000, 1),
                limit=round(limit / 1_000_000, 1),
            )
        return path.read_bytes()
    except FileNotFoundError as error:
        raise StorageError(tr_noop("There is no file at {path}."), path=str(path)) from error
    except IsADirectoryError as error:
        raise StorageError(tr_noop("{path} is a folder, not a file."), path=str(path)) from error
    except PermissionError as error:
        raise StorageError(tr_noop("The file {path} cannot be read."), path=str(path)) from error
