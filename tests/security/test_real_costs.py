"""The real key derivation and password hashing, tested once on purpose.

Every other test runs with cheap settings (``tests/conftest.py``); these make sure the
program itself makes key slots and password hashes with the real ones.
"""

from __future__ import annotations

import re
from pathlib import Path

from argon2 import PasswordHasher
from sqlalchemy import select

from caseplan.models import Account, Role
from caseplan.services.clinic import unlock
from caseplan.storage import costs, keyfile, keys
from caseplan.storage.location import resolve

CASEPLAN_SOURCE = Path(__file__).parents[2] / "caseplan"


def test_a_new_clinic_uses_the_real_settings(tmp_path: Path, real_costs: costs.Costs) -> None:
    location = resolve(str(tmp_path / "caseplan.db"))
    admin = unlock.NewAccount("root", "Clinic Administrator", Role.ADMIN, "admin password 1")
    clinic, _recovery = unlock.create_clinic(location, admin)
    with clinic.database.sessions() as session:
        stored = session.scalars(select(Account.password_hash)).one()
    clinic.close()
    assert stored is not None
    real = PasswordHasher()
    assert not real.check_needs_rehash(stored)
    assert re.match(rf"\$argon2id\$v=19\$m={real.memory_cost},t={real.time_cost},p=", stored)
    current = keyfile.load(keys.keys_path(location.path or tmp_path))
    assert {entry.kdf for entry in current.entries.values()} == {keys.KdfParams()}
    assert keys.KdfParams() == keys.KdfParams(time_cost=3, memory_cost=64 * 1024, parallelism=1)
    unlock.sign_in(location, "root", "admin password 1").close()


def test_a_cheaper_key_file_entry_is_made_real_at_the_next_sign_in(
    tmp_path: Path, real_costs: costs.Costs
) -> None:
    location = resolve(str(tmp_path / "caseplan.db"))
    admin = unlock.NewAccount("root", "Clinic Administrator", Role.ADMIN, "admin password 1")
    cheap = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    previous = costs.use(costs.Costs(keys.KdfParams(1, 8, 1), cheap))
    try:
        unlock.create_clinic(location, admin)[0].close()
    finally:
        costs.use(previous)
    assert location.path is not None
    label = keyfile.load(keys.keys_path(location.path)).label("root")
    assert keyfile.load(keys.keys_path(location.path)).entries[label].kdf == keys.KdfParams(1, 8, 1)
    unlock.sign_in(location, "root", "admin password 1").close()
    assert keyfile.load(keys.keys_path(location.path)).entries[label].kdf == keys.KdfParams()
    unlock.sign_in(location, "root", "admin password 1").close()


def test_the_program_never_switches_to_other_settings() -> None:
    callers = [
        str(path.relative_to(CASEPLAN_SOURCE.parent))
        for path in CASEPLAN_SOURCE.rglob("*.py")
        if re.search(r"\bcosts\.use\(|\bimport use\b", path.read_text(encoding="utf-8"))
    ]
    assert callers == []
