"""Accounts: sign-in with Argon2id hashes, slowing down after five failures, key slots follow."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from caseplan.errors import AccessDenied, AlreadyExists, InvalidInput, NotFound
from caseplan.models import Account, AuditEvent, Role
from caseplan.services.context import SYSTEM, Actor, Context
from caseplan.services.security import accounts, audit
from caseplan.services.security.accounts import TooManyTries
from caseplan.storage import keyfile, keys
from caseplan.storage.database import Database

CHEAP_KDF = keys.KdfParams(time_cost=1, memory_cost=8, parallelism=1)
WRONG = "The user name or password is wrong."
START = datetime(2026, 3, 14, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


class FileSlots:
    """The accounts service's ``slots`` on a real key file, without a database to re-key:
    a rotation here only re-seals the key file (``tests/security/test_rotation.py`` does
    the whole thing)."""

    def __init__(self, path: Path) -> None:
        current, self.key, _ = keys.new_clinic(CHEAP_KDF)
        self.path = path
        keyfile.save(current, path)
        self.calls: list[str] = []

    def current(self) -> keys.KeyFile:
        return keyfile.load(self.path)

    def key_of(self, name: str, password: str) -> bytes | None:
        current = self.current()
        return keys.open_grant(current, keys.unlock_account(current, name, password))

    def prepare(self) -> None:
        self.calls.append("prepare")

    def grant(self, username: str, password: str, role: Role) -> keys.KeyFile:
        before = self.current()
        store = "0a1b2c3d" if role is Role.PEER_WORKER else None
        keyfile.save(keys.add_account(before, self.key, username, password, store=store), self.path)
        return before

    def change_own(self, username: str, old: str, new: str) -> keys.KeyFile:
        before = self.current()
        keyfile.save(keys.change_own_password(before, username, old, new), self.path)
        return before

    def remove(self, username: str) -> keys.KeyFile:
        before = self.current()
        keyfile.save(keys.remove_account(before, self.key, username), self.path)
        return before

    def restore(self, before: keys.KeyFile) -> None:
        keyfile.save(before, self.path)

    def committed(self) -> None:
        self.calls.append("committed")
        current = self.current()
        if current.rotation_due:
            pending, self.key = keys.start_rotation(current, self.key)
            keyfile.save(keys.finish_rotation(pending), self.path)
            self.calls.append("rotated")


@pytest.fixture
def slots(tmp_path: Path) -> FileSlots:
    return FileSlots(tmp_path / "caseplan.db.keys")


def _audit(db: Database) -> list[tuple[str, str]]:
    with db.sessions() as session:
        rows = session.execute(select(AuditEvent).order_by(AuditEvent.seq)).scalars()
        return [(e.account, e.action) for e in rows]


def test_create_and_sign_in(db: Database, cheap_hasher: PasswordHasher, slots: FileSlots) -> None:
    ctx = Context(db.sessions)
    info = accounts.create_account(
        ctx, "Ada", "Ada Admin", Role.ADMIN, "a long password", slots=slots, hasher=cheap_hasher
    )
    assert (info.username, info.role, info.active) == ("ada", Role.ADMIN, True)
    with db.sessions() as session:
        stored = session.execute(select(Account.password_hash)).scalar_one()
    assert (
        stored is not None and stored.startswith("$argon2id$") and "a long password" not in stored
    )
    actor = accounts.sign_in(ctx, "ADA", "a long password", hasher=cheap_hasher)
    assert actor == Actor(account_id=info.id, username="ada", role=Role.ADMIN)
    assert slots.key_of("ada", "a long password") == slots.key
    assert _audit(db)[-2:] == [("system", "account_created"), ("ada", "sign_in")]


def test_wrong_password_and_unknown_user_read_the_same(
    db: Database, cheap_hasher: PasswordHasher
) -> None:
    ctx = Context(db.sessions)
    accounts.create_account(
        ctx, "pia", "Pia", Role.PRACTITIONER, "right password", hasher=cheap_hasher
    )
    for username, password in [("pia", "wrong password"), ("nobody", "right password")]:
        with pytest.raises(AccessDenied) as denied:
            accounts.sign_in(ctx, username, password, hasher=cheap_hasher)
        assert str(denied.value) == WRONG
    (pia, unknown) = _audit(db)[-2:]
    assert pia == ("pia", "sign_in_failed")
    # What was typed in the account field is kept only as a keyed hash (it may be a password).
    assert unknown[1] == "sign_in_failed" and re.fullmatch(
        r"unknown account name [0-9a-f]{8}", unknown[0]
    )
    assert not any("nobody" in who for who, _action in _audit(db))
    with db.sessions() as session:
        assert session.execute(select(Account.failed_sign_ins)).scalar_one() == 1


def test_five_failures_in_a_row_slow_further_tries_down(
    db: Database, cheap_hasher: PasswordHasher
) -> None:
    ctx = Context(db.sessions)
    clock = Clock()
    accounts.create_account(
        ctx, "pia", "Pia", Role.PRACTITIONER, "right password", hasher=cheap_hasher
    )

    def attempt(password: str) -> Actor:
        return accounts.sign_in(ctx, "pia", password, clock=clock, hasher=cheap_hasher)

    for _ in range(4):
        with pytest.raises(AccessDenied, match=WRONG):
            attempt("guess")
    with pytest.raises(AccessDenied, match=WRONG):
        attempt("guess")  # the fifth: still an ordinary refusal
    with pytest.raises(TooManyTries) as slowed:
        attempt("right password")  # even the right one must wait now
    assert slowed.value.wait_seconds == 30
    assert str(slowed.value) == "Too many wrong passwords: please wait 30 seconds and try again."
    clock.now += timedelta(seconds=20)
    with pytest.raises(TooManyTries) as slowed:
        attempt("right password")
    assert slowed.value.wait_seconds == 10
    clock.now += timedelta(seconds=10)
    with pytest.raises(AccessDenied, match=WRONG):
        attempt("guess")  # sixth failure: the wait doubles
    with pytest.raises(TooManyTries) as slowed:
        attempt("right password")
    assert slowed.value.wait_seconds == 60
    clock.now += timedelta(seconds=60)
    assert attempt("right password").username == "pia"
    assert attempt("right password").username == "pia"  # the counter started again
    assert ("pia", "sign_in_throttled") in _audit(db)


def test_wait_grows_and_is_capped() -> None:
    assert [accounts.wait_after(n) for n in range(4, 9)] == [0, 30, 60, 120, 240]
    assert accounts.wait_after(50) == 15 * 60


def test_change_password_rewraps_the_slot(
    db: Database, cheap_hasher: PasswordHasher, slots: FileSlots
) -> None:
    ctx = Context(db.sessions)
    accounts.create_account(
        ctx, "pia", "Pia", Role.PRACTITIONER, "first password", slots=slots, hasher=cheap_hasher
    )
    with pytest.raises(AccessDenied, match=WRONG):
        accounts.change_password(
            ctx, "pia", "not it", "second password", slots=slots, hasher=cheap_hasher
        )
    with pytest.raises(InvalidInput, match="at least 12 characters"):
        accounts.change_password(
            ctx, "pia", "first password", "short", slots=slots, hasher=cheap_hasher
        )
    accounts.change_password(
        ctx, "pia", "first password", "second password", slots=slots, hasher=cheap_hasher
    )
    assert accounts.sign_in(ctx, "pia", "second password", hasher=cheap_hasher).username == "pia"
    with pytest.raises(AccessDenied):
        accounts.sign_in(ctx, "pia", "first password", hasher=cheap_hasher)
    assert slots.key_of("pia", "second password") == slots.key
    with pytest.raises(AccessDenied):
        slots.key_of("pia", "first password")


def test_a_failed_commit_puts_the_key_file_back(
    db: Database, cheap_hasher: PasswordHasher, slots: FileSlots
) -> None:
    ctx = Context(db.sessions)
    accounts.create_account(
        ctx, "pia", "Pia", Role.PRACTITIONER, "first password", slots=slots, hasher=cheap_hasher
    )

    def refuse(_session: Session) -> None:
        raise OSError("the disk is full")

    event.listen(db.sessions, "before_commit", refuse)
    try:
        with pytest.raises(OSError):
            accounts.change_password(
                ctx, "pia", "first password", "second password", slots=slots, hasher=cheap_hasher
            )
    finally:
        event.remove(db.sessions, "before_commit", refuse)
    # Neither the database nor the key file took the new password.
    assert accounts.sign_in(ctx, "pia", "first password", hasher=cheap_hasher).username == "pia"
    assert slots.key_of("pia", "first password") == slots.key
    with pytest.raises(AccessDenied):
        slots.key_of("pia", "second password")


def test_deactivate_and_remove_take_the_slot_away(
    db: Database, cheap_hasher: PasswordHasher, slots: FileSlots
) -> None:
    ctx = Context(db.sessions)
    for name, role in [("ada", Role.ADMIN), ("pia", Role.PRACTITIONER), ("ola", Role.PRACTITIONER)]:
        accounts.create_account(
            ctx,
            name,
            name.title(),
            role,
            f"{name} rides the seventh bus",
            slots=slots,
            hasher=cheap_hasher,
        )
    key_before = slots.key
    slots.calls.clear()
    accounts.deactivate_account(ctx, "pia", slots=slots)
    assert slots.calls == ["prepare", "committed", "rotated"]
    assert slots.key != key_before and slots.key_of("ada", "ada rides the seventh bus") == slots.key
    with pytest.raises(AccessDenied, match="switched off"):
        accounts.sign_in(ctx, "pia", "pia rides the seventh bus", hasher=cheap_hasher)
    with pytest.raises(AccessDenied):
        slots.key_of("pia", "pia rides the seventh bus")
    accounts.reset_password(ctx, "pia", "new pia password", slots=slots, hasher=cheap_hasher)
    assert accounts.sign_in(ctx, "pia", "new pia password", hasher=cheap_hasher).username == "pia"
    accounts.remove_account(ctx, "ola", slots=slots)
    assert [a.username for a in accounts.list_accounts(ctx)] == ["ada", "pia"]
    current = slots.current()
    assert {current.label(n) for n in ("ada", "pia")} | {"recovery"} == set(current.entries)
    with pytest.raises(NotFound):
        accounts.remove_account(ctx, "ola", slots=slots)
    with pytest.raises(InvalidInput, match="at least one active administrator"):
        accounts.deactivate_account(ctx, "ada", slots=slots)
    with pytest.raises(InvalidInput, match="at least one active administrator"):
        accounts.remove_account(ctx, "ada", slots=slots)
    actions = [action for _who, action in _audit(db)]
    assert {"account_deactivated", "password_reset", "account_removed"} <= set(actions)


def test_only_an_admin_manages_accounts(db: Database, cheap_hasher: PasswordHasher) -> None:
    admin = Context(db.sessions)
    info = accounts.create_account(
        admin, "lea", "Lea", Role.TEAM_LEAD, "lead has a green bicycle", hasher=cheap_hasher
    )
    lead = Context(db.sessions, actor=Actor(info.id, "lea", Role.TEAM_LEAD))
    with pytest.raises(AccessDenied, match=r"Only an administrator can manage accounts\."):
        accounts.create_account(
            lead, "eve", "Eve", Role.ADMIN, "eve has a green bicycle", hasher=cheap_hasher
        )
    with pytest.raises(AccessDenied):
        accounts.reset_password(lead, "lea", "another password", hasher=cheap_hasher)
    assert accounts.count_accounts(admin) == 1


def test_duplicate_names_and_weak_passwords(db: Database, cheap_hasher: PasswordHasher) -> None:
    ctx = Context(db.sessions)
    accounts.create_account(
        ctx, "Øystein", "Øystein", Role.PRACTITIONER, "good old green bicycle", hasher=cheap_hasher
    )
    with pytest.raises(AlreadyExists, match="already an account called øystein"):
        accounts.create_account(
            ctx,
            "ØYSTEIN",
            "Other",
            Role.PRACTITIONER,
            "good old green bicycle",
            hasher=cheap_hasher,
        )
    with pytest.raises(InvalidInput, match="at least 12"):
        accounts.create_account(ctx, "demo", "Demo", Role.PRACTITIONER, "demo", hasher=cheap_hasher)
    accounts.create_account(
        ctx, "demo", "Demo", Role.PRACTITIONER, "demo", allow_weak=True, hasher=cheap_hasher
    )
    assert accounts.sign_in(ctx, "demo", "demo", hasher=cheap_hasher).role is Role.PRACTITIONER


COMMON = "This password is too common or too easy to guess"


@pytest.mark.parametrize(
    "password",
    [
        "password1234",  # long enough, but among the most common
        "Password123!",
        "qwertyuiopås",  # a keyboard row
        "123456789012",
        "karinordmann",  # the holder's own name
        "caseplan2026!",  # the program's name
    ],
)
def test_common_passwords_are_refused_with_a_sentence(password: str) -> None:
    with pytest.raises(InvalidInput, match=COMMON):
        accounts.check_new_account("kari", "Kari Nordmann", password, allow_weak=False)


@pytest.mark.parametrize(
    "password", ["rosa elefant hopper", "Sommer i Bodø med tog", "kaffe-traktor-måne-17"]
)
def test_long_unusual_passwords_are_accepted(password: str) -> None:
    accounts.check_new_account("kari", "Kari Nordmann", password, allow_weak=False)


@given(password=st.text(min_size=1, max_size=11))
def test_every_password_under_twelve_characters_is_refused(password: str) -> None:
    with pytest.raises(InvalidInput, match="at least 12 characters"):
        accounts.check_password(password)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(username=st.text(max_size=70))
def test_any_user_name_is_accepted_in_a_clean_form_or_refused_with_a_sentence(
    db: Database, cheap_hasher: PasswordHasher, username: str
) -> None:
    ctx = Context(db.sessions)
    try:
        info = accounts.create_account(
            ctx,
            username,
            "Someone",
            Role.PRACTITIONER,
            "a green bicycle in the rain",
            hasher=cheap_hasher,
        )
    except (InvalidInput, AlreadyExists) as error:
        assert str(error).endswith(".")
        return
    assert info.username == keys.normalize_username(username)
    assert 1 <= len(info.username) <= 64 and " " not in info.username
    assert (
        accounts.sign_in(
            ctx, username, "a green bicycle in the rain", hasher=cheap_hasher
        ).account_id
        == info.id
    )


def test_sign_in_needs_no_access_rights(db: Database, cheap_hasher: PasswordHasher) -> None:
    accounts.create_account(
        Context(db.sessions),
        "per",
        "Per",
        Role.PEER_WORKER,
        "peer has a green bicycle",
        hasher=cheap_hasher,
    )
    nobody = Context(db.sessions, actor=Actor(None, "nobody", Role.PEER_WORKER))
    assert (
        accounts.sign_in(nobody, "per", "peer has a green bicycle", hasher=cheap_hasher).role
        is Role.PEER_WORKER
    )
    assert SYSTEM.role is Role.ADMIN
    assert audit.Action.SIGN_IN == "sign_in"


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(username=st.text(max_size=80), password=st.text(max_size=30))
def test_any_typed_sign_in_is_refused_with_the_same_sentence_and_audited(
    db: Database, cheap_hasher: PasswordHasher, username: str, password: str
) -> None:
    ctx = Context(db.sessions)
    with db.sessions() as session:
        before = audit.count_events(session)
    with pytest.raises(AccessDenied) as denied:
        accounts.sign_in(ctx, username, password, hasher=cheap_hasher)
    assert str(denied.value) == WRONG
    with db.sessions() as session:
        assert audit.count_events(session) == before + 1
        assert audit.verify_chain(session).ok
