from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from caseplan.errors import AccessDenied, InvalidInput
from caseplan.models import AuditEvent, Role
from caseplan.services.clinic import unlock
from caseplan.services.security import audit
from caseplan.storage import keyfile, keys
from caseplan.storage.location import resolve

CHEAP = keys.KdfParams(time_cost=1, memory_cost=8 * 1024, parallelism=1)


def test_a_refused_first_account_leaves_nothing_behind(tmp_path: Path) -> None:
    where = resolve(str(tmp_path / "clinic.db"))
    with pytest.raises(InvalidInput, match="at least 12 characters"):
        unlock.create_clinic(
            where, unlock.NewAccount("boss", "Boss", Role.ADMIN, "short"), kdf=CHEAP
        )
    assert list(tmp_path.iterdir()) == []
    assert unlock.is_new(where)
    workspace, recovery = unlock.create_clinic(
        where, unlock.NewAccount("boss", "Boss", Role.ADMIN, "long enough now"), kdf=CHEAP
    )
    workspace.close()
    assert recovery and not unlock.is_new(where)


def test_sign_in_unlocks_and_wrong_passwords_slow_down(tmp_path: Path) -> None:
    where = resolve(str(tmp_path / "clinic.db"))
    unlock.create_clinic(
        where, unlock.NewAccount("boss", "Boss", Role.ADMIN, "long enough now"), kdf=CHEAP
    )[0].close()
    before = where.path.read_bytes() if where.path else b""
    for _ in range(5):
        with pytest.raises(AccessDenied, match="user name or password is wrong"):
            unlock.sign_in(where, "boss", "wrong guess")
    with pytest.raises(AccessDenied, match="please wait"):
        unlock.sign_in(where, "boss", "long enough now")
    assert where.path is not None and where.path.read_bytes() == before


def test_wrong_passwords_before_unlocking_reach_the_audit_trail(tmp_path: Path) -> None:
    where = resolve(str(tmp_path / "clinic.db"))
    unlock.create_clinic(
        where, unlock.NewAccount("boss", "Boss", Role.ADMIN, "long enough now"), kdf=CHEAP
    )[0].close()
    for _ in range(5):
        with pytest.raises(AccessDenied):
            unlock.sign_in(where, "boss", "wrong guess")
    later = datetime.now(UTC) + timedelta(hours=1)
    workspace = unlock.sign_in(where, "boss", "long enough now", clock=lambda: later)
    try:
        with workspace.ctx.read() as session:
            failed = session.scalars(
                select(AuditEvent).where(AuditEvent.action == audit.Action.SIGN_IN_FAILED)
            ).all()
            assert [event.account for event in failed] == ["boss"] * 5
            assert all("before unlocking" in event.detail for event in failed)
            assert audit.verify_chain(session).ok
    finally:
        workspace.close()
    assert where.path is not None
    assert keyfile.load(keys.keys_path(where.path)).throttle["failed"] == []
