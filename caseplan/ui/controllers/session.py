"""The session: signed in, locked, which person is open, meeting mode, and where to return.

A lock forgets the screen (every widget with a person's data goes) but not the *place*:
the person that was open, the section shown and whether meeting mode was on. The same
password brings the user back exactly there. The open person's :class:`PlanEditor` stays
too, without the plan's text: its undo history (ids and the words each change needs) and
any words that could not be stored before the lock. Leaving a person closes their editor.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from caseplan.errors import CaseplanError
from caseplan.models import Role
from caseplan.services.clinic import unlock
from caseplan.services.clinic.unlock import LockReason, OpenClinic
from caseplan.services.context import Context
from caseplan.ui.controllers.changes import Changes
from caseplan.ui.controllers.plan_editor import PlanEditor
from caseplan.ui.i18n import error_text

SignInAgain = Callable[[OpenClinic, str, str], OpenClinic]
LockClinic = Callable[[OpenClinic, LockReason], None]


@dataclass(frozen=True)
class Place:
    """Where the user is: the caseload or the overview (no person), or a person's section,
    maybe in meeting mode."""

    person_id: uuid.UUID | None = None
    section: int | None = None
    meeting: bool = False
    overview: bool = False


class SessionView(Protocol):
    """What the session asks of the window that shows it."""

    def show_caseload(self, select: uuid.UUID | None) -> None:
        """Show the list of people (building it again after a lock), ``select``'s row current."""

    def showing_overview(self) -> bool:
        """Whether the overview is what shows (no person open)."""

    def show_overview(self) -> object:
        """Show the overview (building it again after a lock)."""

    def open_person(self, editor: PlanEditor, section: int | None) -> bool:
        """Show the workspace of the person ``editor`` has read, at ``section`` (None: the
        last one used); False if it could not be shown."""

    def close_person(self) -> int | None:
        """Remove the workspace and meeting mode (their fields hand what was typed to the
        editor's field saver first); the section that was shown."""

    def report(self, sentence: str) -> None:
        """Say why something could not be done (e.g. the person could not be opened)."""

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
        #: the one change notification of the session (see :class:`Changes`)
        self.changes = Changes(self)
        self.locked = False
        self.person_id: uuid.UUID | None = None
        #: the open person's plan editor (kept, without the plan's text, across a lock)
        self.editor: PlanEditor | None = None
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
        if self.locked or (self.person_id is not None and not self._leave_person()):
            return False
        editor = PlanEditor(
            lambda: self.ctx,
            person_id,
            self.changes,
            include_worker_notes=self.clinic.actor.role is not Role.PEER_WORKER,
        )
        opened = self._show(editor, section)
        self.state_changed.emit()
        return opened

    def _show(self, editor: PlanEditor, section: int | None) -> bool:
        try:
            editor.load()  # the opening is audited
        except CaseplanError as error:
            editor.close()
            self.view.report(error_text(error))
            return False
        if not self.view.open_person(editor, section):
            editor.close()
            return False
        self.editor, self.person_id = editor, editor.person_id
        return True

    def _leave_person(self) -> bool:
        """Save what was typed and close the person; False (and still open) if some words
        could not be stored: the person sees why and chooses first."""
        editor = self.editor
        if editor is not None and not editor.saver.flush():
            return False
        self.view.close_person()
        if editor is not None:
            editor.close()  # and it goes with the last reference to it
        self.editor, self.person_id, self.meeting = None, None, False
        return True

    def back_to_people(self) -> None:
        person_id = self.person_id
        if self.locked or self.meeting or person_id is None or not self._leave_person():
            return  # meeting mode shows no one else: leave it first
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
        """Cover the screen at once, save what was typed, audit the lock, close the database.

        The open person's editor stays, forgetting the plan's text but keeping its undo
        history and any words that could not be stored (they are offered again after).
        """
        if self.locked or not self.can_lock:
            return
        overview = self.person_id is None and self.view.showing_overview()
        self.locked = True
        self.view.cover(privacy)
        section = None
        if self.editor is not None:
            self.editor.saver.flush(ask=False)
            section = self.view.close_person()
            self.editor.forget()
        self.remembered = Place(self.person_id, section, self.meeting, overview)
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
        if place.overview:
            self.view.show_overview()
        editor, self.editor = self.editor, None
        if editor is not None and self._show(editor, place.section) and place.meeting:
            self.enter_meeting()
        self.state_changed.emit()
        return True

    def sign_out(self) -> bool:
        """Close the person's data first, as a lock does, then the clinic; audited.

        Nothing is remembered: whoever signs in next starts at their own caseload. False
        (still signed in) if some words typed could not be stored: the person sees why and
        chooses first.
        """
        if self.ended:
            return True
        if not self.locked:
            if self.editor is not None and not self.editor.saver.flush():
                return False
            self.locked = True
            self.view.cover(True)
            if self.person_id is not None:
                self.view.close_person()
            self.view.drop_caseload()
            self._lock_clinic(self.clinic, LockReason.SIGN_OUT)
        else:
            self.clinic.close()  # already closed by the lock; closing again is harmless
        if self.editor is not None:
            self.editor.close()  # words kept across a lock and never stored go with it
        self.editor = None
        self.person_id, self.meeting, self.remembered = None, False, None
        self.ended = True
        self.state_changed.emit()
        self.signed_out.emit()
        return True

    def close(self) -> bool:
        """The window closes: save what was typed and close the person; False (the window
        stays) if some words could not be stored."""
        return self.person_id is None or self._leave_person()
