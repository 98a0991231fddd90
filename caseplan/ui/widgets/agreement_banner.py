"""Whether the plan is as it was agreed: "Agreed, version 2" or "Changed since version 1 was
agreed", with a short list of what changed, in sentences. Shown in the workspace and in
meeting mode, so nobody takes an edited plan for the signed one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from caseplan.services.agreement.changes import AgreementState, Difference
from caseplan.ui.i18n import date_text
from caseplan.ui.widgets.theme import colours

#: How many changes are listed before "and N more".
SHOWN = 6


def _about_me(field: str) -> str:
    return {
        "what_matters": QCoreApplication.translate("AgreementBanner", "What matters to me"),
        "strengths": QCoreApplication.translate("AgreementBanner", "My strengths"),
        "what_helps": QCoreApplication.translate("AgreementBanner", "What helps me"),
        "what_does_not_help": QCoreApplication.translate(
            "AgreementBanner", "What does not help me"
        ),
        "how_i_want_to_be_met": QCoreApplication.translate(
            "AgreementBanner", "How I want to be met"
        ),
    }.get(field, field)


def _short(text: str, limit: int = 60) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def change_sentence(change: Difference) -> str:
    """One difference as a sentence a person reads on screen."""
    what = _short(change.subject)
    texts = {
        "about_me": QCoreApplication.translate(
            "AgreementBanner", "“{what}” in About me is new or changed."
        ),
        "period": QCoreApplication.translate("AgreementBanner", "The plan period is changed."),
        "next_review": QCoreApplication.translate(
            "AgreementBanner", "The next review date is changed."
        ),
        "coordinator": QCoreApplication.translate("AgreementBanner", "Another coordinator."),
        "member_added": QCoreApplication.translate("AgreementBanner", "{what} joined the team."),
        "member_removed": QCoreApplication.translate("AgreementBanner", "{what} left the team."),
        "member_changed": QCoreApplication.translate(
            "AgreementBanner", "{what}'s details or consent are changed."
        ),
        "goal_added": QCoreApplication.translate("AgreementBanner", "New goal: “{what}”."),
        "goal_removed": QCoreApplication.translate("AgreementBanner", "Goal taken out: “{what}”."),
        "goal_words": QCoreApplication.translate(
            "AgreementBanner", "A goal has new words: “{what}”."
        ),
        "goal_reached": QCoreApplication.translate("AgreementBanner", "Goal reached: “{what}”."),
        "goal_let_go": QCoreApplication.translate("AgreementBanner", "Goal let go: “{what}”."),
        "goal_status": QCoreApplication.translate(
            "AgreementBanner", "Goal taken up again or paused: “{what}”."
        ),
        "goal_changed": QCoreApplication.translate(
            "AgreementBanner", "Goal's area, date or priority changed: “{what}”."
        ),
        "goal_order": QCoreApplication.translate(
            "AgreementBanner", "Goals or steps are in a new order."
        ),
        "step_added": QCoreApplication.translate("AgreementBanner", "New step: “{what}”."),
        "step_removed": QCoreApplication.translate("AgreementBanner", "Step taken out: “{what}”."),
        "step_changed": QCoreApplication.translate("AgreementBanner", "Step changed: “{what}”."),
        "step_done": QCoreApplication.translate("AgreementBanner", "Step done: “{what}”."),
        "crisis_plan": QCoreApplication.translate("AgreementBanner", "The crisis plan is changed."),
    }
    if change.kind == "about_me":
        what = _about_me(change.subject)
    return texts.get(
        change.kind, QCoreApplication.translate("AgreementBanner", "Something is changed.")
    ).format(what=what)


class AgreementBanner(QFrame):
    """Hidden for a plan never agreed; calm when agreed as it is; clear when changed since."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreement_banner")
        self.headline = QLabel(self)
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.headline)
        layout.addWidget(self.details)
        self.state: AgreementState | None = None
        self.hide()

    def show_state(self, state: AgreementState | None) -> None:
        self.state = state
        if state is None or state.version is None:
            self.hide()
            return
        on = date_text(state.agreed_on)
        if not state.changed:
            self.setStyleSheet(
                "QFrame#agreement_banner { border: 1px solid palette(mid); border-radius: 6px; }"
            )
            self.headline.setText(
                self.tr("Agreed: plan version {number}, agreed {date}.").format(
                    number=state.version, date=on
                )
                if state.imported_on is None
                else self.tr(
                    "Plan version {number} was imported from a file on {date} by {account}: "
                    "it was not agreed here."
                ).format(
                    number=state.version,
                    date=date_text(state.imported_on),
                    account=state.imported_by,
                )
            )
            self.details.hide()
        else:
            self.setStyleSheet(
                "QFrame#agreement_banner { border: 2px solid "
                + colours().changed_border
                + "; border-radius: 6px; }"
            )
            self.headline.setText(
                self.tr(
                    "Changed since version {number} was agreed ({date}) — not agreed again yet."
                ).format(number=state.version, date=on)
            )
            lines = [change_sentence(c) for c in state.differences[:SHOWN]]
            more = len(state.differences) - SHOWN
            if more > 0:
                lines.append(self.tr("…and {count} more.").format(count=more))
            self.details.setText("\n".join("• " + line for line in lines))
            self.details.show()
        font = self.headline.font()
        font.setBold(state.changed)
        self.headline.setFont(font)
        text = self.headline.text()
        if state.changed:
            text += " " + self.details.text()
        self.setAccessibleName(self.tr("Agreement"))
        self.setAccessibleDescription(text)
        self.show()
