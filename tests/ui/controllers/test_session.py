"""The session controller against a typed fake of the main window: lock, unlock, where to return."""

from __future__ import annotations

import uuid
import weakref
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caseplan.errors import AccessDenied
from caseplan.services.clinic import unlock
from caseplan.services.clinic.unlock import LockReason, OpenClinic
from caseplan.services.context import Context
from caseplan.services.people import people
from caseplan.services.security import audit
from caseplan.services.security.trail import recent_events
from caseplan.ui.controllers.session import Place, SessionController
from tests.ui.controllers.fakes import FakeWindow


@pytest.fixture
def window() -> FakeWindow:
    return FakeWindow()


@pytest.fixture
def session(clinic_ws: OpenClinic, window: FakeWindow) -> Iterator[SessionController]:
    made = SessionController(clinic_ws, window)
    yield made
    made.clinic.close()  # the clinic opened again by an unlock (a left-open one crashes later)


@pytest.fixture
def person(clinic_ws: OpenClinic) -> uuid.UUID:
    return people.list_people(clinic_ws.ctx)[0].id


def test_lock_in_meeting_mode_and_unlock_returns_exactly_there(
    session: SessionController, window: FakeWindow, person: uuid.UUID, lead_password: str
) -> None:
    assert session.open_person(person)
    window.section = 5  # the person chose the crisis plan
    assert session.enter_meeting()
    session.lock(privacy=True)
    assert session.locked and window.shows == "lock" and window.privacy is True
    # the cover comes first: nothing of the person stays on screen while saving and closing
    assert window.calls[-3:] == ["cover", "close_person", "drop_caseload"]
    assert session.person_id is None and not session.meeting
    assert session.remembered == Place(person, 5, True)
    assert session.clinic.closed and (
        session.clinic.secret is None or session.clinic.secret.forgotten
    )

    window.section = 0
    assert session.unlock(lead_password)
    assert not session.locked and session.remembered is None
    assert (window.shows, window.person, window.section) == ("meeting", person, 5)
    assert (session.person_id, session.meeting) == (person, True)
    assert window.calls[-4:] == ["uncover", "show_caseload", "open_person", "open_meeting"]
    assert window.selected == person  # behind meeting mode, the caseload row is the person


def test_a_wrong_password_keeps_it_locked_and_says_why(
    session: SessionController, window: FakeWindow, person: uuid.UUID, lead_password: str
) -> None:
    session.open_person(person)
    session.lock(privacy=False)
    assert not session.unlock("not it")
    assert session.locked and window.shows == "lock"
    assert window.problem == "The user name or password is wrong."
    assert session.remembered == Place(person, 0, False)  # still remembered for the right one
    assert session.unlock(lead_password)
    assert (window.shows, window.person) == ("person", person)


def test_the_lock_is_audited_with_its_reason(
    session: SessionController, lead_password: str
) -> None:
    session.lock(privacy=False)
    session.unlock(lead_password)
    session.lock(privacy=True)
    session.unlock(lead_password)
    locks = [e for e in reversed(recent_events(session.ctx)) if e.action == audit.Action.LOCK]
    assert [(e.account, e.detail) for e in locks] == [
        ("kari", LockReason.IDLE.value),
        ("kari", LockReason.PRIVACY.value),
    ]


def test_from_the_caseload_unlock_returns_to_the_caseload(
    session: SessionController, window: FakeWindow, lead_password: str
) -> None:
    session.lock()
    assert not window.caseload_built
    session.unlock(lead_password)
    assert window.shows == "caseload" and window.caseload_built and window.person is None
    assert "open_person" not in window.calls


def test_a_person_who_cannot_be_opened_after_unlock_leaves_the_caseload(
    clinic_ws: OpenClinic, window: FakeWindow, person: uuid.UUID, lead_password: str
) -> None:
    def sign_in_again(clinic: OpenClinic, username: str, password: str) -> OpenClinic:
        again = unlock.sign_in_again(clinic, username, password)
        # meanwhile, elsewhere: the person was removed
        people.delete_person(Context(again.database.sessions), person, None)
        return again

    session = SessionController(clinic_ws, window, sign_in_again=sign_in_again)
    session.open_person(person)
    session.enter_meeting()
    session.lock()
    session.unlock(lead_password)
    session.clinic.close()
    assert window.shows == "caseload" and window.person is None
    assert window.problem == "This person is not in the database."
    assert (session.person_id, session.meeting, session.editor) == (None, False, None)
    assert "open_meeting" not in window.calls[-3:]


def test_nothing_moves_while_locked(
    session: SessionController, window: FakeWindow, person: uuid.UUID
) -> None:
    session.open_person(person)
    session.lock()
    calls = list(window.calls)
    assert not session.open_person(uuid.uuid4())
    session.back_to_people()
    assert not session.enter_meeting()
    session.leave_meeting()
    session.lock()  # already locked: no second audit row, no second cover
    assert window.calls == calls


def test_back_to_people_selects_the_person_who_was_open_and_forgets_them(
    session: SessionController, window: FakeWindow, person: uuid.UUID
) -> None:
    session.open_person(person)
    session.enter_meeting()
    editor = weakref.ref(session.editor)
    session.back_to_people()  # meeting mode shows no one else: the list of people stays away
    assert (window.shows, session.person_id, session.meeting) == ("meeting", person, True)
    session.leave_meeting()
    session.back_to_people()
    assert editor() is None  # gone, with its undo history, as soon as nothing holds it
    assert (window.shows, window.selected) == ("caseload", person)
    assert (session.person_id, session.meeting) == (None, False)


def test_the_program_itself_never_locks(db: object, ctx: Context, window: FakeWindow) -> None:
    session = SessionController(OpenClinic(db, ctx), window)  # type: ignore[arg-type]
    session.lock()
    assert not session.locked and window.calls == []


# -- any way of moving around, then a lock: the same place afterwards --------------------

MOVES = st.lists(
    st.one_of(
        st.tuples(st.just("open"), st.integers(0, 2), st.integers(0, 6)),
        st.tuples(st.just("meeting"), st.just(0), st.just(0)),
        st.tuples(st.just("back"), st.just(0), st.just(0)),
    ),
    max_size=12,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(moves=MOVES, privacy=st.booleans())
def test_wherever_the_user_was_a_lock_returns_there(
    clinic_ws: OpenClinic, moves: list[tuple[str, int, int]], privacy: bool
) -> None:
    """Each example starts a new session on the same clinic (signing in again and the
    lock's audit are stand-ins here; they are tested above)."""
    ids = [p.id for p in people.list_people(clinic_ws.ctx)]
    window = FakeWindow()
    locks: list[LockReason] = []

    def sign_in_again(clinic: OpenClinic, username: str, password: str) -> OpenClinic:
        if password != "right":
            raise AccessDenied("The user name or password is wrong.")
        return clinic

    session = SessionController(
        clinic_ws,
        window,
        sign_in_again=sign_in_again,
        lock_clinic=lambda _clinic, reason: locks.append(reason),
    )
    for move, person, section in moves:
        if move == "open":
            session.open_person(ids[person])
            window.section = section
        elif move == "meeting":
            session.toggle_meeting()
        else:
            session.back_to_people()
    before = (window.shows, window.person, window.section if window.person else None)
    before_state = (session.person_id, session.meeting)
    session.lock(privacy=privacy)
    assert window.shows == "lock" and window.person is None
    assert locks == [LockReason.PRIVACY if privacy else LockReason.IDLE]
    session.unlock("wrong")
    assert session.locked
    session.unlock("right")
    after = (window.shows, window.person, window.section if window.person else None)
    assert after == before
    assert (session.person_id, session.meeting) == before_state
    session.close()


def test_sign_out_closes_the_persons_data_first_then_the_clinic(
    session: SessionController, window: FakeWindow, person: uuid.UUID, lead_password: str
) -> None:
    ended: list[bool] = []
    session.signed_out.connect(lambda: ended.append(True))
    session.open_person(person)
    session.enter_meeting()
    window.calls.clear()
    session.sign_out()
    assert window.calls == ["cover", "close_person", "drop_caseload"]
    assert (window.shows, window.person, window.caseload_built) == ("lock", None, False)
    assert ended == [True]
    assert (session.person_id, session.meeting, session.remembered) == (None, False, None)
    assert not session.unlock(lead_password)  # signed out: only a new sign-in opens it again
    assert session.editor is None  # the person's undo history goes with them


def test_sign_out_is_audited_once_even_from_the_lock(
    session: SessionController, clinic_ws: OpenClinic, lead_password: str
) -> None:
    session.sign_out()
    session.sign_out()
    again = unlock.sign_in(clinic_ws.database.location, "kari", lead_password)
    try:
        locks = [e for e in recent_events(again.ctx) if e.action == audit.Action.LOCK]
        assert [e.detail for e in locks] == [LockReason.SIGN_OUT.value]
    finally:
        again.close()


def test_sign_out_from_the_lock_screen_writes_no_second_lock(
    session: SessionController, clinic_ws: OpenClinic, lead_password: str
) -> None:
    session.lock(privacy=True)
    session.sign_out()
    again = unlock.sign_in(clinic_ws.database.location, "kari", lead_password)
    try:
        locks = [e.detail for e in recent_events(again.ctx) if e.action == audit.Action.LOCK]
        assert locks == [LockReason.PRIVACY.value]
    finally:
        again.close()
