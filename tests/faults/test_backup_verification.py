"""A backup is kept only when it is really good; a damaged database is refused with a sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from caseplan.errors import StorageError
from caseplan.storage.backup import backup_database, read_every_row
from caseplan.storage.cipher import connect_encrypted
from caseplan.storage.database import open_database
from caseplan.storage.location import resolve
from tests.faults.damage import digest, flip_bytes, pages
from tests.migrations.schema_rows import load

DAMAGED = (
    r"^The database is damaged \({problem}\), so no backup was made and no earlier backup was "
    r"replaced; keep the last good backup and restore it \(caseplan restore\)\.$"
)


@pytest.fixture
def clinic(tmp_path: Path) -> tuple[Path, bytes]:
    """The head-schema fixture (six fictional people), upgraded and closed."""
    fixture = load("schema-0004")
    path = fixture.copy_to(tmp_path / "clinic")
    open_database(resolve(str(path)), key=fixture.key, create=False).close()
    return path, fixture.key


def test_a_good_database_is_backed_up_and_every_row_reads_back(
    clinic: tuple[Path, bytes], tmp_path: Path
) -> None:
    path, key = clinic
    target = backup_database(path, key, tmp_path / "out" / "backup.db")
    assert read_every_row(target, key) == 269 - 1  # every row but alembic_version's


@pytest.mark.parametrize("where", ["first", "middle", "last"])
def test_flipped_bytes_in_a_page_refuse_the_backup(
    clinic: tuple[Path, bytes], tmp_path: Path, where: str
) -> None:
    path, key = clinic
    page = {"first": 0, "middle": pages(path) // 2, "last": pages(path) - 1}[where]
    flip_bytes(path, page)
    earlier = tmp_path / "out" / "earlier.db"
    earlier.parent.mkdir()
    earlier.write_bytes(b"the last good backup")
    target = tmp_path / "out" / "backup.db"
    before = digest(path, earlier, target)
    expected = DAMAGED.format(
        problem=rf"(HMAC verification failed for page {page + 1}|its schema cannot be read)"
    )
    with pytest.raises(StorageError, match=expected):
        backup_database(path, key, target)
    assert digest(path, earlier, target) == before
    assert sorted(p.name for p in target.parent.iterdir()) == ["earlier.db"]


def test_garbled_json_that_the_checks_cannot_see_refuses_the_backup(
    clinic: tuple[Path, bytes], tmp_path: Path
) -> None:
    path, key = clinic
    connection = connect_encrypted(path, key, create=False)
    connection.execute("UPDATE plan_versions SET snapshot = '{\"goals\": [' WHERE rowid = 1")
    connection.close()
    target = tmp_path / "backup.db"
    with pytest.raises(
        StorageError,
        match=DAMAGED.format(problem="a value in the table plan_versions cannot be read"),
    ):
        backup_database(path, key, target)
    assert not target.exists()
    assert list(tmp_path.glob("backup.db*")) == []
