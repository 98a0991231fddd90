"""What the fault tests share: a small clinic, a small disk, and running ``caseplan`` as a user.

A *small disk* is a tmpfs of 2 MB mounted for the test (``mount`` as root, else
``sudo -n mount``; without either the test skips and says why). A read-only file or folder
is made with ``chmod``; since root ignores file modes, commands that must meet one run with
the capabilities that let root ignore them (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH,
CAP_FOWNER) taken from their bounding set, like any other user.
"""

from __future__ import annotations

import ctypes
import errno
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from caseplan.demo.clinic import create_demo_clinic
from caseplan.services.context import Context
from caseplan.services.people.people import list_people
from caseplan.storage.location import resolve

REPO_ROOT = Path(__file__).resolve().parents[2]
#: Capabilities that let root write where file modes say no.
_DAC_CAPS = (1, 2, 3)  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER
_PR_CAPBSET_DROP = 24


@dataclass(frozen=True)
class Clinic:
    folder: Path
    database: Path
    person: str  # a person's id, for export and pdf


@pytest.fixture(scope="module")
def clinic_template(tmp_path_factory: pytest.TempPathFactory) -> Clinic:
    """A demo clinic (8 fictional people; accounts admin, demo, lead, peer; password demo)."""
    folder = tmp_path_factory.mktemp("clinic-template")
    database = folder / "caseplan.db"
    clinic = create_demo_clinic(resolve(str(database)), 8, seed=4)
    person = str(list_people(Context(clinic.database.sessions))[0].id)
    clinic.close()
    (folder / "person.json").write_text(json.dumps(person))
    return Clinic(folder, database, person)


@pytest.fixture
def clinic(clinic_template: Clinic, tmp_path: Path) -> Clinic:
    """A fresh copy of the template clinic for one test."""
    folder = tmp_path / "clinic"
    shutil.copytree(clinic_template.folder, folder)
    return Clinic(folder, folder / "caseplan.db", clinic_template.person)


def _drop_root_privileges() -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in _DAC_CAPS:
        if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def caseplan(*argv: str, account: str = "lead") -> subprocess.CompletedProcess[str]:
    """Run ``caseplan ARGV…`` as its own process, as a user whom file modes bind."""
    env = dict(os.environ, CASEPLAN_ACCOUNT=account, CASEPLAN_PASSWORD="demo")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "caseplan", *argv],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=_drop_root_privileges if os.geteuid() == 0 else None,
        check=False,
    )


def _as_root(*command: str) -> subprocess.CompletedProcess[str]:
    prefix = [] if os.geteuid() == 0 else ["sudo", "-n"]
    return subprocess.run([*prefix, *command], capture_output=True, text=True, check=False)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB file system of its own (tmpfs), writable by this user."""
    mount = tmp_path / "small-disk"
    mount.mkdir()
    options = f"size=2m,uid={os.getuid()},gid={os.getgid()},mode=0700"
    done = _as_root("mount", "-t", "tmpfs", "-o", options, "caseplan-test", str(mount))
    if done.returncode != 0:
        pytest.skip(f"a small tmpfs cannot be mounted here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        _as_root("umount", "-l", str(mount))


def fill(folder: Path) -> None:
    """Fill the file system holding ``folder`` to the last byte."""
    descriptor = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        for size in (65536, 4096, 512, 1):
            try:
                while True:
                    os.write(descriptor, b"\0" * size)
            except OSError as error:
                assert error.errno == errno.ENOSPC
    finally:
        os.close(descriptor)


def make_read_only(mount: Path) -> None:
    done = _as_root("mount", "-o", "remount,ro", str(mount))
    assert done.returncode == 0, done.stderr


def listing(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes (to show nothing changed)."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }
