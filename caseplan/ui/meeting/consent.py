"""Consent that ends, in meeting mode: said in the team part, renewed with the person there.

A team member whose consent to sharing ends within two weeks, or has ended, gets a line
("consent ends in 14 days") and a "Renew consent…" button beside it, in the page's large
type and on the Tab path; the dialog is the workspace's
(:class:`~caseplan.ui.workspace.consent_renewal.RenewConsentDialog`), in large type too.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from caseplan.ui.meeting.editing import MeetingEditing
from caseplan.ui.meeting.page import ConsentLine


def consent_row(
    item: ConsentLine, parent: QWidget, editing: MeetingEditing
) -> tuple[QWidget, QPushButton]:
    """The line and its "Renew consent…" button (what the keyboard goes to)."""
    row = QWidget(parent)
    label = QLabel(item.text, row)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setProperty("role", "consent")
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    label.setAccessibleDescription(item.text)
    button = QPushButton(QCoreApplication.translate("MeetingView", "Renew consent…"), row)
    button.setAccessibleName(QCoreApplication.translate("MeetingView", "Renew consent"))
    button.setAccessibleDescription(item.text)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    button.setAutoDefault(True)  # Enter as well as Space
    member = item.member_id
    button.clicked.connect(lambda: editing.renew_consent(member))
    line = QHBoxLayout(row)
    line.setContentsMargins(24, 0, 0, 0)
    line.addWidget(label, 1)
    line.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
    return row, button
