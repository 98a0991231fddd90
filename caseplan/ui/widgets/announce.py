"""Say something to a screen reader without moving the focus: an error, "saved", a conflict.

Qt sends it as an AT-SPI announcement (Orca speaks it; on Windows and macOS Qt passes it on
to UI Automation and VoiceOver). The latest ones are kept in :data:`RECENT`, so tests can
assert what a screen-reader user was told.
"""

from __future__ import annotations

from collections import deque

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget

#: The last announcements, newest last (text, assertive).
RECENT: deque[tuple[str, bool]] = deque(maxlen=20)


def announce(widget: QWidget, text: str, *, assertive: bool = False) -> None:
    """Announce ``text`` for ``widget``; assertive interrupts (errors), polite waits ("saved")."""
    text = text.strip()
    if not text:
        return
    RECENT.append((text, assertive))
    event = QAccessibleAnnouncementEvent(widget, text)
    politeness = QAccessible.AnnouncementPoliteness
    event.setPoliteness(politeness.Assertive if assertive else politeness.Polite)
    QAccessible.updateAccessibility(event)
