"""File → Sign out and Switch account, Settings → Language: the window closes, and says why.

:func:`caseplan.ui.main.run` reads :attr:`WindowAccount.outcome` when the window has closed:
the sign-in screen follows a sign-out, and a new window in the new language follows a change
of language (the same clinic, still signed in).
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog

from caseplan.ui.controllers.session import SessionController
from caseplan.ui.settings import LANGUAGE_KEY, LanguageDialog, chosen_language

SIGN_OUT, SWITCH, LANGUAGE = "sign out", "switch", "language"


class WindowAccount:
    """Mixed into the main window (a QMainWindow), which provides what is declared here."""

    session: SessionController
    settings: QSettings
    #: why the window closed: None (quit), SIGN_OUT, SWITCH or LANGUAGE
    outcome: str | None

    def sign_out(self) -> None:
        """Close the person's data and the clinic (as a lock does); the sign-in screen follows.

        Words that could not be stored keep the account signed in until the person chose.
        """
        before, self.outcome = self.outcome, self.outcome or SIGN_OUT
        if not self.session.sign_out():
            self.outcome = before

    def switch_account(self) -> None:
        """Sign out, then sign in with another account."""
        before, self.outcome = self.outcome, SWITCH
        if not self.session.sign_out():
            self.outcome = before

    def choose_language(self) -> None:
        """Settings → Language: the screens are built again in the chosen language at once."""
        dialog = LanguageDialog(chosen_language(self.settings), self)  # type: ignore[arg-type]
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if dialog.choice == chosen_language(self.settings):
            return
        self.settings.setValue(LANGUAGE_KEY, dialog.choice)
        self.settings.sync()
        self.outcome = LANGUAGE
        self.close()  # type: ignore[attr-defined]
