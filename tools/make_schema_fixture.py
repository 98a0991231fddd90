"""Make a migration fixture: a populated database at an old schema, made by that schema's code.

The code of ``--commit`` is checked out into a temporary git worktree and its own demo
(``caseplan demo``) fills a new database with fictional people; with ``--downgrade-to`` that
commit's own migrations then step the database down to an older revision (for a schema that
was never the newest of any commit). The database, its key file and ``fixture.json`` (the
commit, the revision, the database key, the row count of every table) are written to
``--out``. The current virtual environment runs the old code (``PYTHONPATH``), so run this
with ``.venv/bin/python``. Only fictional data: the demo's people and the demo passwords.

    .venv/bin/python tools/make_schema_fixture.py --commit 51bac52 --people 6 \\
        --out tests/migrations/fixtures/schema-0002
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

#: Runs inside the old code: unwrap the key, optionally downgrade, report revision and counts.
_INSPECT = r"""
import json, sys
from pathlib import Path
from caseplan.storage import keys
from caseplan.storage.cipher import connect_encrypted
path = Path(sys.argv[1])
downgrade_to = sys.argv[2]
if hasattr(keys, "unwrap"):  # key files of version 1
    key = keys.unwrap(keys.load(keys.keys_path(path)), "admin", "demo")
else:  # version 2: the admin's key pair opens the grant
    from caseplan.storage import keyfile
    current = keyfile.load(keys.keys_path(path))
    key = keys.open_grant(current, keys.unlock_account(current, "admin", "demo"))
if downgrade_to:
    from alembic import command
    from caseplan.storage import migrate
    from caseplan.storage.engine import create_db_engine
    from caseplan.storage.location import resolve
    engine = create_db_engine(resolve(str(path)), key)
    with engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection), downgrade_to)
    engine.dispose()
connection = connect_encrypted(path, key, create=False)
(revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
tables = [row[0] for row in connection.execute(
    "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
counts = {t: connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
connection.close()
print(json.dumps({"key": key.hex(), "revision": revision, "rows": counts}))
"""


def _migration_digests(tree: Path, upto: str) -> dict[str, str]:
    """SHA-256 of the migrations that made this schema, so tests can tell they are unchanged."""
    digests: dict[str, str] = {}
    for script in sorted((tree / "caseplan/storage/migrations/versions").glob("0*.py")):
        revision = re.search(r"^revision = ['\"](\w+)['\"]", script.read_text(), re.M)
        if revision and revision.group(1) <= upto:
            digests[revision.group(1)] = hashlib.sha256(script.read_bytes()).hexdigest()
    return digests


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commit", required=True)
    parser.add_argument("--people", type=int, default=6)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--downgrade-to", default="")
    parser.add_argument("--out", required=True, type=Path)
    args = parser.parse_args()

    commit = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", args.commit],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    out: Path = args.out.resolve()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    database = out / "caseplan.db"
    with tempfile.TemporaryDirectory(prefix="caseplan-schema-") as scratch:
        tree = Path(scratch) / "code"
        subprocess.run(
            ["git", "-C", str(REPO), "worktree", "add", "--detach", str(tree), commit],
            check=True,
            capture_output=True,
        )
        try:
            env = dict(os.environ, PYTHONPATH=str(tree), HOME=scratch, XDG_DATA_HOME=scratch)
            demo = ["demo", "--people", str(args.people), "--seed", str(args.seed)]
            subprocess.run(
                [
                    sys.executable,
                    "-c",
                    "import sys; from caseplan.cli import main; sys.exit(main(sys.argv[1:]))",
                    *demo,
                    "--db",
                    str(database),
                ],
                check=True,
                env=env,
                cwd=scratch,
            )
            report = json.loads(
                subprocess.run(
                    [sys.executable, "-c", _INSPECT, str(database), args.downgrade_to],
                    check=True,
                    env=env,
                    cwd=scratch,
                    capture_output=True,
                    text=True,
                ).stdout
            )
            migrations = _migration_digests(tree, report["revision"])
        finally:
            subprocess.run(
                ["git", "-C", str(REPO), "worktree", "remove", "--force", str(tree)],
                check=False,
                capture_output=True,
            )
    for extra in out.iterdir():  # the key file's lock, peer stores: not what is upgraded here
        if extra.name not in ("caseplan.db", "caseplan.db.keys"):
            shutil.rmtree(extra) if extra.is_dir() else extra.unlink()
    made_with = f"caseplan demo --people {args.people} --seed {args.seed}"
    if args.downgrade_to:
        made_with += f", then that commit's own migrations downgraded it to {args.downgrade_to}"
    fixture = {
        "revision": report["revision"],
        "commit": commit,
        "made_with": made_with,
        "accounts": "admin, demo, lead, peer; password 'demo' (fictional demo clinic)",
        "key": report["key"],
        "migrations": migrations,
        "rows": report["rows"],
    }
    (out / "fixture.json").write_text(json.dumps(fixture, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(fixture["rows"]), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
