"""The session controller against a typed fake of the main window: lock, unlock, where to return."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from caseplan.errors import AccessDenied
from caseplan.models import Role
from caseplan.services.clinic import unlock
from caseplan.services.clinic.unlock import LockReason, OpenClinic
from caseplan.services.context import Actor, Context
from caseplan.services.security import audit
from caseplan.services.security.trail import recent_events
from caseplan.ui.controllers.session import Place, SessionController, SessionView


@dataclass
class FakeWindow:
    """What a window would show, as plain values; implements :class:`SessionView`."""

    openable: set[uuid.UUID] | None = None  #: None: every person opens
    shows: str = "caseload"  #: caseload, person, meeting or lock
    person: uuid.UUID | None = None
    section: int = 0
    selected: uuid.UUID | None = None
    privacy: bool | None = None
    problem: str = ""
    caseload_built: bool = True
    calls: list[str] = field(default_factory=list)

    def show_caseload(self, select: uuid.UUID | None) -> None:
        self.calls.append("show_caseload")
        self.caseload_built, self.shows, self.selected = True, "caseload", select

    def open_person(self, person_id: uuid.UUID, section: int | None) -> bool:
        self.calls.append("open_person")
        if self.openable is not None and person_id not in self.openable:
            self.problem = "This person is not in the database."
            return False
        self.shows, self.person = "person", person_id
        self.section = self.section if section is None else section
        return True

    def close_person(self) -> int | None:
        self.calls.append("close_person")
        self.person = None
        if self.shows in ("person", "meeting"):
            self.shows = "caseload"
        return self.section

    def open_meeting(self) -> bool:
        self.calls.append("open_meeting")
        self.shows = "meeting"
        return True

    def close_meeting(self) -> None:
        self.calls.append("close_meeting")
        self.shows = "person"

    def cover(self, privacy: bool) -> None:
        self.calls.append("cover")
        self.shows, self.privacy = "lock", privacy

    def drop_caseload(self) -> None:
        self.calls.append("drop_caseload")
        self.caseload_built = False

    def uncover(self) -> None:
        self.calls.append("uncover")
        self.problem = ""

    def unlock_refused(self, sentence: str) -> None:
        self.calls.append("unlock_refused")
        self.problem = sentence


def _conforms(view: SessionView) -> SessionView:
    """mypy checks the fake against the protocol here."""
    return view


@pytest.fixture
def window() -> FakeWindow:
    return FakeWindow()


@pytest.fixture
def session(clinic_ws: OpenClinic, window: FakeWindow) -> SessionController:
    return SessionController(clinic_ws, _conforms(window))


PERSON = uuid.uuid4()


def test_lock_in_meeting_mode_and_unlock_returns_exactly_there(
    session: SessionController, window: FakeWindow, lead_password: str
) -> None:
    assert session.open_person(PERSON)
    window.section = 5  # the person chose the crisis plan
    assert session.enter_meeting()
    session.lock(privacy=True)
    assert session.locked and window.shows == "lock" and window.privacy is True
    # the cover comes first: nothing of the person stays on screen while saving and closing
    assert window.calls[-3:] == ["cover", "close_person", "drop_caseload"]
    assert session.person_id is None and not session.meeting
    assert session.remembered == Place(PERSON, 5, True)
    assert session.clinic.closed and (
        session.clinic.secret is None or session.clinic.secret.forgotten
    )

    window.section = 0
    assert session.unlock(lead_password)
    assert not session.locked and session.remembered is None
    assert (window.shows, window.person, window.section) == ("meeting", PERSON, 5)
    assert (session.person_id, session.meeting) == (PERSON, True)
    assert window.calls[-4:] == ["uncover", "show_caseload", "open_person", "open_meeting"]
    assert window.selected == PERSON  # behind meeting mode, the caseload row is the person


def test_a_wrong_password_keeps_it_locked_and_says_why(
    session: SessionController, window: FakeWindow, lead_password: str
) -> None:
    session.open_person(PERSON)
    session.lock(privacy=False)
    assert not session.unlock("not it")
    assert session.locked and window.shows == "lock"
    assert window.problem == "The user name or password is wrong."
    assert session.remembered == Place(PERSON, 0, False)  # still remembered for the right one
    assert session.unlock(lead_password)
    assert (window.shows, window.person) == ("person", PERSON)


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
    session: SessionController, window: FakeWindow, lead_password: str
) -> None:
    session.open_person(PERSON)
    session.enter_meeting()
    session.lock()
    window.openable = set()  # e.g. removed from the team while the screen was locked
    session.unlock(lead_password)
    assert window.shows == "caseload"
    assert (session.person_id, session.meeting) == (None, False)
    assert "open_meeting" not in window.calls[-3:]


def test_nothing_moves_while_locked(session: SessionController, window: FakeWindow) -> None:
    session.open_person(PERSON)
    session.lock()
    calls = list(window.calls)
    assert not session.open_person(uuid.uuid4())
    session.back_to_people()
    assert not session.enter_meeting()
    session.leave_meeting()
    session.lock()  # already locked: no second audit row, no second cover
    assert window.calls == calls


def test_back_to_people_selects_the_person_who_was_open(
    session: SessionController, window: FakeWindow
) -> None:
    session.open_person(PERSON)
    session.enter_meeting()
    session.back_to_people()
    assert (window.shows, window.selected) == ("caseload", PERSON)
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
PEOPLE = [uuid.UUID(int=n + 1) for n in range(3)]


@settings(max_examples=60, deadline=None)
@given(moves=MOVES, privacy=st.booleans())
def test_wherever_the_user_was_a_lock_returns_there(
    qapp: object, moves: list[tuple[str, int, int]], privacy: bool
) -> None:
    window = FakeWindow()
    kari = Actor(uuid.uuid4(), "kari", Role.PRACTITIONER)
    clinic = OpenClinic(None, Context(None, actor=kari))  # type: ignore[arg-type]  # never opened
    locks: list[LockReason] = []

    def sign_in_again(clinic: OpenClinic, username: str, password: str) -> OpenClinic:
        if password != "right":
            raise AccessDenied("The user name or password is wrong.")
        return clinic

    session = SessionController(
        clinic,
        window,
        sign_in_again=sign_in_again,
        lock_clinic=lambda _clinic, reason: locks.append(reason),
    )
    for move, person, section in moves:
        if move == "open":
            session.open_person(PEOPLE[person])
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


def test_sign_out_closes_the_persons_data_first_then_the_clinic(
    session: SessionController, window: FakeWindow, lead_password: str
) -> None:
    ended: list[bool] = []
    session.signed_out.connect(lambda: ended.append(True))
    session.open_person(PERSON)
    session.enter_meeting()
    window.calls.clear()
    session.sign_out()
    assert window.calls == ["cover", "close_person", "drop_caseload"]
    assert (window.shows, window.person, window.caseload_built) == ("lock", None, False)
    assert ended == [True]
    assert (session.person_id, session.meeting, session.remembered) == (None, False, None)
    assert not session.unlock(lead_password)  # signed out: only a new sign-in opens it again


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
