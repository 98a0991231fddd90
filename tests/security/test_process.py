"""The running program forbids core dumps and ptrace attach (docs/security.md §7)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")

_ATTACH = r"""
import ctypes, os, sys, time
sys.path.insert(0, sys.argv[1])
libc = ctypes.CDLL(None, use_errno=True)
PTRACE_ATTACH, PTRACE_DETACH = 16, 17
for harden in (False, True):
    pid = os.fork()
    if pid == 0:
        if harden:
            from caseplan.storage.process import harden_process
            harden_process()
        time.sleep(10)
        os._exit(0)
    time.sleep(0.5)
    attached = libc.ptrace(PTRACE_ATTACH, pid, None, None) == 0
    print("attached" if attached else "refused", flush=True)
    if attached:
        os.waitpid(pid, 0)
        libc.ptrace(PTRACE_DETACH, pid, None, None)
    os.kill(pid, 9)
    os.waitpid(pid, 0)
"""


@linux_only
def test_a_hardened_process_is_not_dumpable_and_dumps_no_core() -> None:
    probe = (
        "import resource; from caseplan.storage.process import harden_process, is_dumpable; "
        "assert is_dumpable() is True; print(harden_process(), is_dumpable(), "
        "resource.getrlimit(resource.RLIMIT_CORE))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, check=True
    ).stdout
    assert out.strip() == "True False (0, 0)"


@linux_only
def test_another_program_of_the_same_user_cannot_attach(tmp_path: Path) -> None:
    """As a normal user (not root, who may attach to anything): attach works on a plain
    process and is refused on a hardened one."""
    if os.geteuid() == 0:
        python = shutil.which("python3", path="/usr/bin:/bin")
        if python is None or shutil.which("runuser") is None:
            pytest.skip("needs /usr/bin/python3 and runuser to act as a normal user")
        command = ["runuser", "-u", "nobody", "--", python]
    else:
        command = [sys.executable]
    folder = Path(tempfile.mkdtemp(prefix="caseplan-ptrace-"))
    try:
        folder.chmod(0o755)
        script = folder / "attach.py"
        script.write_text(_ATTACH)
        script.chmod(0o644)
        out = subprocess.run(
            [*command, str(script), str(REPO)],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        ).stdout
    finally:
        shutil.rmtree(folder)
    assert out.split() == ["attached", "refused"]


@linux_only
def test_the_processes_that_print_plans_are_hardened_too() -> None:
    """Print-due's workers hold the people's words: no core dump, no attaching to them."""
    from caseplan.reports.printing import worker_pool
    from caseplan.storage.process import is_dumpable

    with worker_pool(2) as pool:
        found = [pool.submit(is_dumpable).result(timeout=120) for _ in range(4)]
        limits = pool.submit(_core_limit).result(timeout=120)
    assert found == [False] * 4
    assert limits == (0, 0)


def _core_limit() -> tuple[int, int]:
    import resource

    return resource.getrlimit(resource.RLIMIT_CORE)
