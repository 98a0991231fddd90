"""The session: signed in, locked, which person is open, meeting mode, and where to return.

A lock forgets the screen (every widget with a person's data goes) but not the *place*:
the person that was open, the section shown and whether meeting mode was on. The same
password brings the user back exactly there.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from caseplan.errors import CaseplanError
from caseplan.services.clinic import unlock
from caseplan.services.clinic.unlock import LockReason, OpenClinic
from caseplan.services.context import Context
from caseplan.ui.i18n import error_text

SignInAgain = Callable[[OpenClinic, str, str], OpenClinic]
LockClinic = Callable[[OpenClinic, LockReason], None]


@dataclass(frozen=True)
class Place:
    """Where the user is: the caseload (no person), or a person's section, maybe in meeting mode."""

    person_id: uuid.UUID | None = None
    section: int | None = None
    meeting: bool = False


class SessionView(Protocol):
    """What the session asks of the window that shows it."""

    def show_caseload(self, select: uuid.UUID | None) -> None:
        """Show the list of people (building it again after a lock), ``select``'s row current."""

    def open_person(self, person_id: uuid.UUID, section: int | None) -> bool:
        """Show the person's workspace at ``section`` (None: the last one used).

        False if it could not be opened (the reason is already shown).
        """

    def close_person(self) -> int | None:
        """Save what was typed and remove the workspace (and meeting mode); the section shown."""

    def open_meeting(self) -> bool:
        """Show meeting mode for the open person; False if it could not be shown."""

    def close_meeting(self) -> None:
        """Save what was typed in meeting mode and go back to the workspace."""

    def cover(self, privacy: bool) -> None:
        """Hide everything at once and close every dialog; the lock screen is all that shows."""

    def drop_caseload(self) -> None:
        """Remove the list of people and its rows."""

    def uncover(self) -> None:
        """The lock is lifted: menus, toolbars and actions come back."""

    def unlock_refused(self, sentence: str) -> None:
        """The password did not open the clinic again; say why on the lock screen."""


class SessionController(QObject):
    """Holds the signed-in clinic and the session's state; the window only shows it."""

    #: locked, the open person or meeting mode changed (menus and the title follow)
    state_changed = Signal()
    #: the account signed out: the person's data is closed, the clinic too (sign in afresh)
    signed_out = Signal()

    def __init__(
        self,
        clinic: OpenClinic,
        view: SessionView,
        parent: QObject | None = None,
        *,
        sign_in_again: SignInAgain = unlock.sign_in_again,
        lock_clinic: LockClinic = unlock.lock,
    ) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self.view = view
        self._sign_in_again = sign_in_again
        self._lock_clinic = lock_clinic
        self.locked = False
        self.person_id: uuid.UUID | None = None
        self.meeting = False
        #: where to return after the lock is lifted (None while unlocked)
        self.remembered: Place | None = None
        self.ended = False  #: signed out: nothing here opens again

    @property
    def ctx(self) -> Context:
        return self.clinic.ctx

    @property
    def can_lock(self) -> bool:
        """Only a signed-in account can unlock again (the program's own actor cannot)."""
        return not self.clinic.actor.system

    @property
    def place(self) -> Place:
        return Place(self.person_id, None, self.meeting)

    # -- people ---------------------------------------------------------------------------

    def open_person(self, person_id: uuid.UUID, section: int | None = None) -> bool:
        """Open the person's workspace (saving and closing the one open before)."""
        if self.locked:
            return False
        if self.person_id is not None:
            self.view.close_person()
            self.person_id, self.meeting = None, False
        opened = self.view.open_person(person_id, section)
        if opened:
            self.person_id = person_id
        self.state_changed.emit()
        return opened

    def back_to_people(self) -> None:
        if self.locked or self.person_id is None:
            return
        person_id = self.person_id
        self.view.close_person()
        self.person_id, self.meeting = None, False
        self.state_changed.emit()
        self.view.show_caseload(person_id)

    # -- meeting mode ----------------------------------------------------------------------

    def toggle_meeting(self) -> None:
        if self.meeting:
            self.leave_meeting()
        else:
            self.enter_meeting()

    def enter_meeting(self) -> bool:
        """Only this person's plan, full screen, in large type."""
        if self.locked or self.person_id is None or self.meeting:
            return False
        self.meeting = self.view.open_meeting()
        self.state_changed.emit()
        return self.meeting

    def leave_meeting(self) -> None:
        if not self.meeting:
            return
        self.view.close_meeting()
        self.meeting = False
        self.state_changed.emit()

    # -- locking ---------------------------------------------------------------------------

    def lock(self, *, privacy: bool = True) -> None:
        """Cover the screen at once, save what was typed, audit the lock, close the database."""
        if self.locked or not self.can_lock:
            return
        self.locked = True
        self.view.cover(privacy)
        section = self.view.close_person() if self.person_id is not None else None
        self.remembered = Place(self.person_id, section, self.meeting)
        self.person_id, self.meeting = None, False
        self.view.drop_caseload()
        self._lock_clinic(self.clinic, LockReason.PRIVACY if privacy else LockReason.IDLE)
        self.state_changed.emit()

    def unlock(self, password: str) -> bool:
        """The same account's password opens the clinic again, back where the user was."""
        if not self.locked or self.ended:
            return False
        try:
            clinic = self._sign_in_again(self.clinic, self.clinic.actor.username, password)
        except CaseplanError as error:
            self.view.unlock_refused(error_text(error))
            return False
        self.clinic = clinic
        self.locked = False
        place, self.remembered = self.remembered or Place(), None
        self.view.uncover()
        self.view.show_caseload(place.person_id)
        opened = place.person_id is not None and self.open_person(place.person_id, place.section)
        if opened and place.meeting:
            self.enter_meeting()
        self.state_changed.emit()
        return True

    def sign_out(self) -> None:
        """Close the person's data first, as a lock does, then the clinic; audited.

        Nothing is remembered: whoever signs in next starts at their own caseload.
        """
        if self.ended:
            return
        if not self.locked:
            self.locked = True
            self.view.cover(True)
            if self.person_id is not None:
                self.view.close_person()
            self.view.drop_caseload()
            self._lock_clinic(self.clinic, LockReason.SIGN_OUT)
        else:
            self.clinic.close()  # already closed by the lock; closing again is harmless
        self.person_id, self.meeting, self.remembered = None, False, None
        self.ended = True
        self.state_changed.emit()
        self.signed_out.emit()

    def close(self) -> None:
        """The window closes: save what was typed and close the person."""
        if self.person_id is not None:
            self.view.close_person()
        self.person_id, self.meeting = None, False
