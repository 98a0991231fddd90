"""One goal in the review: how it has gone so far, the person's rating on the big scale, what
helped and what got in the way in their own words, what to do with the goal now, and —
kept apart — the ratings of others who are here."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from caseplan.models import GoalDecision
from caseplan.services.meetings.progress import GoalProgress
from caseplan.services.meetings.together import GoalReview
from caseplan.services.plans.goal_details import GoalDetails
from caseplan.services.team.team import ParticipantDetails
from caseplan.ui.review.draft import GoalDraft
from caseplan.ui.review.scale import RatingScale
from caseplan.ui.widgets.progress_chart import ProgressChart
from caseplan.ui.widgets.whose_words import OwnWordsEdit
from caseplan.ui.workspace.labels import domain_label

NOT_RATED = -1


class GoalPage(QWidget):
    """Everything the review records for one goal; :meth:`result` hands it back."""

    def __init__(
        self,
        goal: GoalDetails,
        number: int,
        total: int,
        progress: GoalProgress | None,
        preferred_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.goal = goal
        heading = QLabel(
            self.tr("Goal {number} of {total} · {domain}").format(
                number=number, total=total, domain=domain_label(goal.domain)
            ),
            self,
        )
        heading.setProperty("role", "quiet")
        self.words = words = QLabel(goal.own_words, self)
        words.setWordWrap(True)
        words.setProperty("scale", 1.2)
        words.setAccessibleName(self.tr("The goal"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(words)

        ask = QLabel(self.tr("&How far have you come? 0 is not started, 10 is there."), self)
        ask.setWordWrap(True)
        self.scale = RatingScale(self.tr("{name}'s rating").format(name=preferred_name), self)
        ask.setBuddy(self.scale)
        layout.addWidget(ask)
        layout.addWidget(self.scale)

        # How it went so far comes after the scale: in large type on a small screen the
        # goal's words and the scale are seen together, the chart is scrolled to.
        points = progress.points if progress is not None else ()
        if points:
            so_far = QLabel(self.tr("So far:"), self)
            self.chart: ProgressChart | None = ProgressChart(goal.own_words, points, self)
            so_far.setBuddy(self.chart)
            layout.addWidget(so_far)
            layout.addWidget(self.chart)
        else:
            self.chart = None

        self.helped = OwnWordsEdit(self.tr("What helped"), preferred_name, self)
        self.in_the_way = OwnWordsEdit(self.tr("What got in the way"), preferred_name, self)
        for field in (self.helped, self.in_the_way):
            field.set_lines(2)
            layout.addWidget(field)

        decide = QGroupBox(self.tr("What do we do with this goal now?"), self)
        grid = QGridLayout(decide)
        self.decisions = QButtonGroup(self)
        self.decision_buttons: dict[GoalDecision, QRadioButton] = {}
        for decision, text in (
            (GoalDecision.KEEP, self.tr("&Keep working on it")),
            (GoalDecision.CHANGE, self.tr("&Change it")),
            (GoalDecision.REACHED, self.tr("&Reached")),
            (GoalDecision.LET_GO, self.tr("&Let it go")),
        ):
            button = QRadioButton(text, decide)
            self.decisions.addButton(button)
            self.decision_buttons[decision] = button
            index = len(self.decision_buttons) - 1
            grid.addWidget(button, index // 2, index % 2)
        layout.addWidget(decide)

        self.others_box = QGroupBox(self.tr("Others here may rate too (kept apart)"), self)
        self.others_form = QFormLayout(self.others_box)
        self.others: dict[uuid.UUID, QSpinBox] = {}
        layout.addWidget(self.others_box)
        layout.addStretch(1)
        self.setFocusProxy(self.scale)

    def set_others(self, present: Sequence[ParticipantDetails]) -> None:
        """A rating box for each other team member who is here (what was typed is kept)."""
        kept = {pid: box.value() for pid, box in self.others.items()}
        while self.others_form.rowCount():
            self.others_form.removeRow(0)
        self.others = {}
        before: QWidget = list(self.decision_buttons.values())[-1]
        for member in present:
            box = QSpinBox(self.others_box)
            box.setRange(NOT_RATED, 10)
            box.setSpecialValueText(self.tr("not rated"))
            box.setValue(kept.get(member.id, NOT_RATED))
            box.setAccessibleName(self.tr("{name}'s rating").format(name=member.name))
            self.others_form.addRow(member.name + ":", box)
            self.others[member.id] = box
            QWidget.setTabOrder(before, box)  # made later than the page: Tab comes here next
            before = box
        self.others_box.setVisible(bool(present))

    def fit_fields(self) -> None:
        """Room for two lines in the words fields, in whatever type size they now have."""
        for field in (self.helped, self.in_the_way):
            field.set_lines(2)

    def said_anything(self) -> bool:
        """Whether anything was rated, said or decided here (it would be lost unsaved)."""
        return (
            self.scale.rating() is not None
            or bool(self.helped.text().strip() or self.in_the_way.text().strip())
            or self.decision() is not None
            or any(box.value() != NOT_RATED for box in self.others.values())
        )

    def decision(self) -> GoalDecision | None:
        for decision, button in self.decision_buttons.items():
            if button.isChecked():
                return decision
        return None

    def draft(self) -> GoalDraft:
        """This page as it stands, to be put back after a lock."""
        return GoalDraft(
            self.goal.id,
            score=self.scale.rating(),
            what_helped=self.helped.text(),
            what_got_in_the_way=self.in_the_way.text(),
            decision=self.decision(),
            others=tuple((pid, box.value()) for pid, box in self.others.items()),
        )

    def restore(self, draft: GoalDraft) -> None:
        """Put back what was rated, said and decided (others' boxes: :meth:`set_others`)."""
        self.scale.set_rating(draft.score)
        self.helped.set_text(draft.what_helped)
        self.in_the_way.set_text(draft.what_got_in_the_way)
        if draft.decision is not None:
            self.decision_buttons[draft.decision].setChecked(True)
        for pid, value in draft.others:
            if pid in self.others:
                self.others[pid].setValue(value)

    def result(self) -> GoalReview:
        return GoalReview(
            self.goal.id,
            score=self.scale.rating(),
            what_helped=self.helped.text().strip(),
            what_got_in_the_way=self.in_the_way.text().strip(),
            decision=self.decision(),
            others=tuple(
                (pid, box.value()) for pid, box in self.others.items() if box.value() != NOT_RATED
            ),
        )
