"""Ola's first plan, made in meeting mode by keyboard alone (scenario 2 of the clinic).

One script for the test that checks it (``test_first_plan_in_meeting_mode.py``) and the
benchmark that counts its key presses (``benchmarks/bench_meeting_keys.py``): from an
empty clinic's list of people, Ctrl+N, then meeting mode, about me, three goals with two
steps each (one Ola's own, one the NAV office's, one Sindre's), a team of five with a peer
(added on the way, from a step's "who" and with Ctrl+Enter), a crisis plan, agreeing with
signatures on paper, and the person's copy saved as a PDF. Every key goes through
:class:`QTest` to the widget that has the keyboard, as a person's keys would.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from caseplan.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier

NAME = "Ola Nordmann"
ABOUT_ME = ("Å ha et sted som er mitt.", "Jeg er god med hendene.")
#: goal words, the letter that picks its life domain, and its two steps with who does them:
#: "me", "coordinator" (the practitioner), or a name (added on the way when new)
NAV = "NAV Sagene"
PEER = "Sindre Bakken"
GOALS = (
    (
        "Jeg vil ha en egen leilighet.",
        "h",
        (("Søke kommunal bolig.", "me"), ("Møte boligkontoret.", NAV)),
    ),
    (
        "Jeg vil ruse meg mindre.",
        "s",
        (("Gå på gruppe hver tirsdag.", "me"), ("Følge meg til gruppa første gang.", PEER)),
    ),
    (
        "Jeg vil ha noe å gjøre på dagen.",
        "w",
        (("Prøve arbeidstrening.", NAV), ("Lage en CV sammen.", "coordinator")),
    ),
)
SISTER = ("Anne Nordmann", "911 22 333")
CRISIS = ("Jeg sover dårlig og svarer ikke på telefonen.", "Jeg ringer søsteren min.")


@dataclass
class Keys:
    """Presses keys on whatever has the keyboard, and counts them."""

    presses: int = 0  #: keys other than the letters of the words typed
    texts: int = 0  #: words typed into a field, each counted once here
    letters: int = 0
    log: list[str] = field(default_factory=list)

    def wait(self, condition: Callable[[], object], timeout: float = 10.0) -> None:
        end = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > end:
                raise AssertionError(f"waited in vain after: {' '.join(self.log[-6:])}")
            QApplication.processEvents()
            time.sleep(0.005)

    def focused(self) -> QWidget:
        self.wait(lambda: QApplication.focusWidget() is not None)
        widget = QApplication.focusWidget()
        assert widget is not None
        return widget

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = NONE, times: int = 1) -> None:
        for _ in range(times):
            QTest.keyClick(self.focused(), key, modifier)
            self.presses += 1
            self.log.append(f"{modifier.name}+{key.name}" if modifier != NONE else key.name)
            QApplication.processEvents()

    def write(self, text: str) -> None:
        QTest.keyClicks(self.focused(), text)
        self.texts += 1
        self.letters += len(text)
        self.log.append(repr(text))
        QApplication.processEvents()


def dialog_of(window: MainWindow) -> Any:
    meeting = window.meeting
    assert meeting is not None
    return meeting.editing.dialog


def first_plan(keys: Keys, window: MainWindow, pdf: Path) -> None:
    """From the list of people to the person's agreed copy saved in ``pdf``."""
    # Ctrl+N: Ola, and what he wants to be called; his first plan opens.
    keys.press(Qt.Key.Key_N, CTRL)
    keys.write(NAME)
    keys.press(Qt.Key.Key_Tab)
    keys.write("Ola")
    keys.press(Qt.Key.Key_Return)
    keys.wait(lambda: window.person_workspace is not None)

    # F11: meeting mode; the keyboard is in "What matters to me".
    keys.press(Qt.Key.Key_F11)
    keys.wait(lambda: window.meeting is not None and window.meeting.isVisible())
    meeting = window.meeting
    assert meeting is not None
    keys.wait(lambda: meeting.focused_key() == "about_me.what_matters")
    keys.write(ABOUT_ME[0])
    keys.press(Qt.Key.Key_Tab)
    keys.write(ABOUT_ME[1])

    # Ctrl+Enter: the goals; Ctrl+G for the next ones.
    for number, (words, domain, _their_steps) in enumerate(GOALS):
        keys.press(Qt.Key.Key_Return if number == 0 else Qt.Key.Key_G, CTRL)
        keys.wait(lambda: dialog_of(window) is not None and dialog_of(window).isVisible())
        keys.write(words)
        keys.press(Qt.Key.Key_Tab)
        keys.write(domain)
        keys.press(Qt.Key.Key_Return)
        keys.wait(lambda: dialog_of(window) is None)
    _steps(keys, window)
    _team(keys, window)

    # Ctrl+Enter: the crisis plan, from its first field.
    keys.press(Qt.Key.Key_Return, CTRL)
    keys.wait(lambda: meeting.focused_key() == "crisis.warning_signs")
    keys.write(CRISIS[0])
    keys.press(Qt.Key.Key_Tab, times=2)  # past "what can set it off" to "what I do then"
    keys.write(CRISIS[1])

    # Ctrl+Enter: read it back and agree; Ola and Kari here, signing on paper.
    keys.press(Qt.Key.Key_Return, CTRL)
    keys.wait(lambda: window.agreement_dialog is not None and window.agreement_dialog.isVisible())
    agree = window.agreement_dialog
    assert agree is not None
    agree.choose_path = lambda _parent, _suggested: pdf
    keys.wait(lambda: QApplication.focusWidget() is agree.next_button)
    keys.press(Qt.Key.Key_Return)
    keys.wait(lambda: agree.steps.currentIndex() == agree.PRESENT)
    # Ola and Kari (signed in, at the screen) are ticked already
    assert [row.present.isChecked() for row in agree.rows].count(True) == 2
    keys.press(Qt.Key.Key_A, ALT)
    keys.wait(lambda: agree.steps.currentIndex() == agree.DONE)
    keys.press(Qt.Key.Key_S, ALT)
    keys.wait(pdf.exists)
    keys.press(Qt.Key.Key_D, ALT)
    keys.wait(lambda: window.agreement_dialog is None)


def _who(keys: Keys, window: MainWindow, who: str) -> None:
    """Choose who does the step in the step dialog's "who" (the keyboard is on it)."""
    dialog = dialog_of(window)
    team = [dialog.responsible.itemText(i) for i in range(dialog.responsible.count())]
    if who == "me":
        keys.press(Qt.Key.Key_Down)  # from "nobody yet" to the person
        keys.press(Qt.Key.Key_Return)
        return
    if who == "coordinator":
        keys.press(Qt.Key.Key_Down, times=2)  # to the practitioner, second on the team
        keys.press(Qt.Key.Key_Return)
        return
    known = [i for i, text in enumerate(team) if text.startswith(who)]
    if known:
        keys.press(Qt.Key.Key_Down, times=known[0])
        keys.press(Qt.Key.Key_Return)
        return
    # Someone not yet on the team: last in the list; Enter asks who it is.
    keys.press(Qt.Key.Key_End)
    keys.press(Qt.Key.Key_Return)
    keys.wait(lambda: dialog_of(window) is not dialog and dialog_of(window) is not None)
    member = dialog_of(window)
    keys.wait(lambda: QApplication.focusWidget() is member.name)
    keys.write(who)
    keys.press(Qt.Key.Key_Tab, SHIFT)  # to the role (someone from the person's network first)
    if who.startswith("NAV"):
        keys.press(Qt.Key.Key_Down)  # another service
        keys.press(Qt.Key.Key_Return)
        return
    keys.press(Qt.Key.Key_Up)  # a peer: the person's consent is asked for on the way
    keys.press(Qt.Key.Key_Return)
    keys.wait(lambda: dialog_of(window) is not None and dialog_of(window) is not member)
    consent = dialog_of(window)
    keys.wait(lambda: consent.isVisible())
    keys.press(Qt.Key.Key_Tab)  # given today (filled in); until when
    keys.write("+182")
    keys.press(Qt.Key.Key_Return)


def _steps(keys: Keys, window: MainWindow) -> None:
    """Ctrl+Enter adds the first step of each goal in turn, Ctrl+T the second."""
    for _words, _domain, steps in GOALS:
        for number, (action, who) in enumerate(steps):
            keys.press(Qt.Key.Key_Return if number == 0 else Qt.Key.Key_T, CTRL)
            keys.wait(lambda: dialog_of(window) is not None and dialog_of(window).isVisible())
            keys.write(action)
            keys.press(Qt.Key.Key_Tab)
            _who(keys, window, who)
            keys.wait(lambda: dialog_of(window) is None)


def _team(keys: Keys, window: MainWindow) -> None:
    """Ctrl+Enter: someone more on the team: Ola's sister, with her phone."""
    keys.press(Qt.Key.Key_Return, CTRL)
    keys.wait(lambda: dialog_of(window) is not None and dialog_of(window).isVisible())
    member = dialog_of(window)
    keys.wait(lambda: QApplication.focusWidget() is member.name)
    keys.write(SISTER[0])
    keys.press(Qt.Key.Key_Tab, times=2)  # past the organisation, to the phone
    keys.write(SISTER[1])
    keys.press(Qt.Key.Key_Return)
    keys.wait(lambda: dialog_of(window) is None)
