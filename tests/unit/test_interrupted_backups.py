"""What a kill between removing an old automatic backup and its key file leaves behind is
removed by the next attempt (found by the migration kill test: a key file without its
database stayed in backups/)."""

from __future__ import annotations

from pathlib import Path

from caseplan.storage.backup import remove_interrupted


def test_a_key_file_without_its_database_is_removed_and_a_whole_backup_is_kept(
    tmp_path: Path,
) -> None:
    whole = tmp_path / "caseplan-20261201T004516091420Z-before-migration-0007.db"
    whole.write_bytes(b"db")
    whole_keys = tmp_path / (whole.name + ".keys")
    whole_keys.write_bytes(b"keys")
    orphan = tmp_path / "caseplan-20261201T004516091421Z-before-migration-0008.db.keys"
    orphan.write_bytes(b"keys")
    partial = tmp_path / "caseplan-20261201T004516091422Z-before-migration-0008.db.partial"
    partial.write_bytes(b"half")
    # the key file's own temporary file, killed before its rename (a whole run found it)
    key_temp = tmp_path / "caseplan-20261201T034402758318Z-before-migration-0004.db.keys.tmp"
    key_temp.write_bytes(b"half keys")
    removed = remove_interrupted(tmp_path, "caseplan")
    assert sorted(p.name for p in removed) == sorted([orphan.name, partial.name, key_temp.name])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([whole.name, whole_keys.name])
