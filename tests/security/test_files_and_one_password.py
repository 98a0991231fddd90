"""Holding every file and one password reveals no more than that account may see (issue 13).

The attacker (``tests/security/attacker.py``) uses only the crypto primitives and the key
file's documented format; Caseplan's own code only sets the clinic up.
"""

from __future__ import annotations

import os
import shutil
import stat
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from caseplan.models import (
    ConsentScope,
    Goal,
    LifeDomain,
    Meeting,
    Participant,
    ParticipantRole,
    Person,
    Plan,
    Role,
    Step,
)
from caseplan.services.clinic import backup, unlock
from caseplan.services.context import Context
from caseplan.services.peers.contributions import add_contribution
from caseplan.services.people.people import list_people
from caseplan.services.plans.goals import update_step
from caseplan.services.security import accounts
from caseplan.storage.location import resolve
from tests.security import attacker

PASSWORDS = {
    "tone": "tone keeps the keys safe",
    "kari": "kari walks the long road",
    "lars": "lars reads every plan",
    "sindre": "sindre knows the way back",
    "siri": "siri sings in the choir",
}
ROLES = {
    "tone": Role.ADMIN,
    "kari": Role.PRACTITIONER,
    "lars": Role.TEAM_LEAD,
    "sindre": Role.PEER_WORKER,
    "siri": Role.PEER_WORKER,
}
#: Words that must never reach a peer worker: the people who did not consent to them, and
#: every worker's note.
SECRET_NAMES = ("Eva Uten-Samtykke", "Per Hos-Siri", "Åse Bare-Kari", "Nils Etter-Stengning")
NOTES = ("NOTAT-MÅL-hemmelig", "NOTAT-TILTAK-hemmelig", "NOTAT-MØTE-hemmelig")


@dataclass
class Clinic:
    folder: Path
    database: Path
    ola: uuid.UUID
    ola_plan: uuid.UUID
    sindre_on_ola: uuid.UUID
    sindre_step: uuid.UUID


def _person(
    ctx: Context, name: str, team: list[tuple[str, bool]], ids: dict[str, uuid.UUID]
) -> tuple[uuid.UUID, uuid.UUID, dict[str, uuid.UUID], uuid.UUID]:
    """A person with a plan, a goal, a step and a meeting, each with a worker's note."""
    with ctx.write() as session:
        person = Person(full_name=name, what_matters=f"{name} sitt eget ord")
        session.add(person)
        session.flush()
        peer_consent = any(consents for _who, consents in team)
        plan = Plan(
            person_id=person.id,
            period_start=date(2026, 1, 1),
            peer_consent_granted_on=date(2026, 1, 2) if peer_consent else None,
        )
        session.add(plan)
        session.flush()
        members = {}
        for position, (who, consents) in enumerate(team):
            peer = ROLES[who] is Role.PEER_WORKER
            member = Participant(
                plan_id=plan.id,
                role=ParticipantRole.PEER if peer else ParticipantRole.PRACTITIONER,
                name=who.title(),
                account_id=ids[who],
                consent_scope=ConsentScope.FULL_PLAN if consents or not peer else ConsentScope.NONE,
                position=position,
            )
            session.add(member)
            session.flush()
            members[who] = member.id
        goal = Goal(
            plan_id=plan.id,
            domain=LifeDomain.HOUSING,
            own_words=f"{name}: egen bolig",
            worker_note=NOTES[0],
        )
        session.add(goal)
        session.flush()
        responsible = next((m for w, m in members.items() if ROLES[w] is Role.PEER_WORKER), None)
        step = Step(
            goal_id=goal.id,
            action="Ringe boligkontoret",
            worker_note=NOTES[1],
            responsible_id=responsible,
        )
        session.add(step)
        session.add(
            Meeting(
                plan_id=plan.id,
                date=date(2026, 2, 1),
                shared_notes="Vi møttes",
                worker_note=NOTES[2],
            )
        )
        session.flush()
        return person.id, plan.id, members, step.id


#: The clinic below up to the colleague's sign-in, made once per test process and copied.
_MADE: list[Clinic] = []


def _made_once(tmp_path_factory: pytest.TempPathFactory) -> Clinic:
    if _MADE:
        return _MADE[0]
    folder = tmp_path_factory.mktemp("files-clinic") / "computer"
    database = folder / "data" / "caseplan.db"
    where = resolve(str(database))
    first = unlock.NewAccount("tone", "Tone Admin", Role.ADMIN, PASSWORDS["tone"])
    opened, _recovery = unlock.create_clinic(where, first)
    slots = unlock.key_slots(opened)
    for name in ("kari", "lars", "sindre", "siri"):
        accounts.create_account(
            opened.ctx, name, name.title(), ROLES[name], PASSWORDS[name], slots=slots
        )
    system = Context(opened.database.sessions)
    with system.read() as session:
        from sqlalchemy import select

        from caseplan.models import Account

        ids = {a.username: a.id for a in session.scalars(select(Account))}
    ola, ola_plan, members, step = _person(
        system, "Ola Nordmann", [("kari", True), ("sindre", True)], ids
    )
    _person(system, "Eva Uten-Samtykke", [("kari", True), ("sindre", False)], ids)
    _person(system, "Per Hos-Siri", [("kari", True), ("siri", True)], ids)
    _person(system, "Åse Bare-Kari", [("kari", True)], ids)
    opened.close()
    # The peer works in the app: a contribution, a step done.
    peer = unlock.sign_in(where, "sindre", PASSWORDS["sindre"])
    assert [p.full_name for p in list_people(peer.ctx)] == ["Ola Nordmann"]
    add_contribution(
        peer.ctx,
        ola_plan,
        members["sindre"],
        date(2026, 3, 1),
        45,
        "phone_or_message",
        "Ringte Ola",
    )
    update_step(peer.ctx, step, None, status="done")
    peer.close()
    _MADE.append(Clinic(folder, database, ola, ola_plan, members["sindre"], step))
    return _MADE[0]


@pytest.fixture
def clinic(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Clinic:
    """A clinic where a peer has worked in the app (made once, copied for each test); then a
    colleague signs in and makes a backup (in the test's own copy, which the backup's
    record names)."""
    made = _made_once(tmp_path_factory)
    folder = tmp_path / "computer"
    shutil.copytree(made.folder, folder)  # keeps the files' modes
    database = folder / made.database.relative_to(made.folder)
    lead = unlock.sign_in(resolve(str(database)), "lars", PASSWORDS["lars"])
    backup.backup(lead, folder / "usb-stick" / "copy.db")
    lead.close()
    return Clinic(folder, database, made.ola, made.ola_plan, made.sindre_on_ola, made.sindre_step)


def _key_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and p.name.endswith(".keys")]


def _assert_a_peers_view_only(loot: attacker.Loot, peer: str) -> None:
    text = loot.text()
    assert loot.tables, "the peer's own store must open (else this test proves nothing)"
    for secret in (*SECRET_NAMES, *NOTES, *(p for p in PASSWORDS.values())):
        assert secret not in text
    assert {row for row in loot.columns("persons", "full_name")} == {"Ola Nordmann"}
    for table in ("goals", "steps", "meetings"):
        assert set(loot.columns(table, "worker_note")) <= {""}
    assert loot.columns("accounts", "username") == [peer]
    assert loot.columns("accounts", "password_hash") == [None]
    assert set(loot.columns("audit_events", "account")) <= {peer}
    for key in ("retired_key.", "backup_files", "peer_store.merged", "sign_in_name_key"):
        assert not any(str(k).startswith(key) for k in loot.columns("settings", "key"))


def test_a_peer_workers_password_and_every_file_read_only_what_the_peer_sees(
    clinic: Clinic,
) -> None:
    keys = attacker.keys_from(_key_files(clinic.folder), "sindre", PASSWORDS["sindre"])
    assert len(keys) == 1  # their own store's key, from the live key file and the backup's
    loot = attacker.read_everything(clinic.folder, keys)
    assert [Path(p).parent.name for p in loot.tables] == ["caseplan.db.peers"]
    _assert_a_peers_view_only(loot, "sindre")
    # What the peer did is there (their view is complete, not empty).
    assert loot.columns("peer_contributions", "note").count("Ringte Ola") == 1
    assert "done" in loot.columns("steps", "status")


def test_the_same_attack_with_a_practitioners_password_reads_the_clinic(clinic: Clinic) -> None:
    """The attacker's code works: staff keys open the clinic database and the backup."""
    keys = attacker.keys_from(_key_files(clinic.folder), "kari", PASSWORDS["kari"])
    loot = attacker.read_everything(clinic.folder, keys)
    names = set(loot.columns("persons", "full_name"))
    assert {"Ola Nordmann", "Eva Uten-Samtykke", "Per Hos-Siri", "Åse Bare-Kari"} <= names
    assert NOTES[0] in loot.columns("goals", "worker_note")
    # The peer's work reached the clinic database at the next staff sign-in.
    assert "Ringte Ola" in loot.columns("peer_contributions", "note")


def test_after_switching_off_old_password_and_old_key_files_open_nothing_live(
    clinic: Clinic,
) -> None:
    where = resolve(str(clinic.database))
    old = clinic.folder / "old-copies"
    old.mkdir()
    shutil.copy(clinic.database.with_name("caseplan.db.keys"), old / "taken-before.keys")
    admin = unlock.sign_in(where, "tone", PASSWORDS["tone"])
    for name in ("kari", "sindre"):
        accounts.deactivate_account(admin.ctx, name, slots=unlock.key_slots(admin))
    system = Context(admin.database.sessions)
    with system.write() as session:
        session.add(Person(full_name="Nils Etter-Stengning"))
    admin.close()

    live = [clinic.database]
    for name in ("kari", "sindre"):
        keys = attacker.keys_from(_key_files(clinic.folder), name, PASSWORDS[name])
        assert keys, "the old key files still give the old keys (else this proves nothing)"
        loot = attacker.read_everything(clinic.database.parent, keys)
        assert not any(Path(p) in live for p in loot.tables)
        assert "Nils Etter-Stengning" not in loot.text()
        assert not any(".peers" in p for p in loot.tables)  # no live peer store either

    # The backup made before is "made with a retired key" until it is re-encrypted.
    lead = unlock.sign_in(where, "lars", PASSWORDS["lars"])
    from caseplan.services.clinic import backup_keys

    listed = {info.path.name: info.state for info in backup_keys.list_backups(lead)}
    assert listed["copy.db"] is backup_keys.KeyState.RETIRED
    backup_keys.re_encrypt(lead, clinic.folder / "usb-stick" / "copy.db")
    listed = {info.path.name: info.state for info in backup_keys.list_backups(lead)}
    assert listed["copy.db"] is backup_keys.KeyState.CURRENT
    lead.close()
    for name in ("kari", "sindre"):
        keys = attacker.keys_from(_key_files(clinic.folder), name, PASSWORDS[name])
        loot = attacker.read_everything(clinic.folder / "usb-stick", keys)
        assert loot.tables == {}


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX's")
def test_the_database_its_key_file_and_the_peer_stores_are_this_users_only(clinic: Clinic) -> None:
    files = [clinic.database, clinic.database.with_name("caseplan.db.keys")]
    files += list(clinic.database.with_name("caseplan.db.peers").glob("*.db"))
    assert len(files) == 4
    assert {oct(stat.S_IMODE(f.stat().st_mode)) for f in files} == {oct(0o600)}
