"""Plan → Review the plan…: the review made together, one goal at a time, in large type if
it is opened from meeting mode.

First who is here, then each active goal (the person's rating on the big scale, what helped and
what got in the way in their words, what to do with the goal, others' ratings apart), then the
next review date. Saving writes it all as one record; nothing is saved before that.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from caseplan.errors import CaseplanError, NotFound, tr_noop
from caseplan.models import GoalStatus, ParticipantRole
from caseplan.services.clinic.settings import review_interval_months
from caseplan.services.context import Context
from caseplan.services.meetings import progress, together
from caseplan.services.meetings.reviews import ReviewDetails
from caseplan.services.plans.plan_view import PlanView, load_plan_view
from caseplan.services.review_dates import months_after
from caseplan.ui.i18n import error_text
from caseplan.ui.review.draft import ReviewDraft
from caseplan.ui.review.goal_page import GoalPage
from caseplan.ui.widgets.dates import RequiredDateEdit
from caseplan.ui.workspace.labels import role_label

#: Type size in meeting mode at zoom 1.0, as meeting mode itself uses it.
MEETING_SCALE = 1.5


def _scrolled(page: QWidget, parent: QWidget) -> QScrollArea:
    area = QScrollArea(parent)
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    # Not a stop of its own for Tab (it would take the focus out of sight); the fields in it
    # are, and the area scrolls to each one as Tab reaches it.
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    # Words wrap to the width there is; only the height scrolls (large type, small screens).
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


class _TickingLabel(QLabel):
    """A tick box's words, wrapped: Alt+its letter goes to the box, a click ticks it."""

    def __init__(self, text: str, box: QCheckBox, parent: QWidget) -> None:
        super().__init__(text, parent)
        self.box = box
        self.setWordWrap(True)
        self.setBuddy(box)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        inside = self.rect().contains(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and inside:
            self.box.toggle()
            self.box.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mouseReleaseEvent(event)


class ReviewDialog(QDialog):
    """``saved`` carries the review once it is stored; ``zoom`` (meeting mode) makes it large."""

    saved = Signal(object)

    def __init__(
        self,
        ctx: Context,
        person_id: uuid.UUID,
        parent: QWidget | None = None,
        *,
        zoom: float | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Review the plan"))
        self.review: ReviewDetails | None = None
        self.leave_box: QMessageBox | None = None  #: the question before leaving unsaved
        view = load_plan_view(ctx, person_id, record_open=False)
        if view is None:
            raise NotFound(tr_noop("This person has no open plan to review."))
        self.view: PlanView = view
        name = view.person.preferred_name or view.person.full_name
        active = [g for g in view.goals if g.status == GoalStatus.ACTIVE]
        tracks = {t.goal_id: t for t in progress.goal_progress(ctx, view.plan.id)}

        self.pages = QStackedWidget(self)
        self.present: dict[uuid.UUID, QCheckBox] = {}
        self.pages.addWidget(_scrolled(self._who_page(name), self))
        self.goal_pages: list[GoalPage] = []
        for number, goal in enumerate(active, start=1):
            page = GoalPage(goal, number, len(active), tracks.get(goal.id), name, self)
            self.goal_pages.append(page)
            self.pages.addWidget(_scrolled(page, self))
        self.pages.addWidget(_scrolled(self._last_page(name), self))

        self.back_button = QPushButton(self.tr("&Back"), self)
        self.next_button = QPushButton(self.tr("&Next"), self)
        self.save_button = QPushButton(self.tr("&Save the review"), self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.back_button.clicked.connect(lambda: self.go(-1))
        self.next_button.clicked.connect(lambda: self.go(1))
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.cancel)
        self.next_button.setDefault(True)
        bar = QHBoxLayout()
        bar.addWidget(self.cancel_button)
        bar.addStretch(1)
        for button in (self.back_button, self.next_button, self.save_button):
            bar.addWidget(button)
        self.notice = QLabel(self)  #: after a lock: the review is back as it was left
        self.notice.setWordWrap(True)
        self.notice.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.pages, 1)
        layout.addLayout(bar)
        QShortcut(QKeySequence("Ctrl+Return"), self, self._forward)
        if zoom is not None:
            self._enlarge(zoom)
        self._fit()
        self.go(0)

    # --- pages -----------------------------------------------------------------------

    def _who_page(self, name: str) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        intro = QLabel(
            self.tr(
                "We look at the plan together: for each goal, {name} says how far they have "
                "come and what helped. First: who is here?"
            ).format(name=name),
            page,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        mine = self.ctx.actor.account_id
        for member in self.view.participants:
            role = role_label(member.role)
            box = QCheckBox(f"{member.name} ({role})", page)
            box.setChecked(
                member.role == ParticipantRole.PERSON
                or (mine is not None and member.account_id == mine)
            )
            self.present[member.id] = box
            layout.addWidget(box)
        if not self.view.participants:
            layout.addWidget(QLabel(self.tr("No one is on the team yet."), page))
        layout.addStretch(1)
        return page

    def _last_page(self, name: str) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        if not self.goal_pages:
            none = QLabel(self.tr("The plan has no active goals to rate."), page)
            none.setWordWrap(True)
            layout.addWidget(none)
        label = QLabel(self.tr("When do we look at the plan together &again?"), page)
        self.next_review = RequiredDateEdit(self.tr("Next review"), page, today=self.ctx.today)
        due = months_after(self.ctx.today(), review_interval_months(self.ctx))
        self.next_review.set_value(due)
        label.setBuddy(self.next_review)
        # The person's own choice, asked in their hearing; off unless they say yes.
        sentence = self.tr(
            "{name} agrees that their &words about what helped and what got in the way "
            "may be shared without their name, so the service can learn from them"
        ).format(name=name)
        # The sentence in a label of its own, so it wraps (a tick box's text never does, and
        # in large type it ran off the screen); a click or tap on it ticks the box too.
        self.share = QCheckBox(page)
        self.share.setAccessibleName(sentence.replace("&", ""))
        self.share_label = _TickingLabel(sentence, self.share, page)
        self.share.setChecked(False)
        self.share.setAccessibleDescription(
            self.tr(
                "Only the words are shared, in a report for the team and the user council; "
                "never a name, and never from a group of fewer than five people."
            )
        )
        self.message = QLabel(page)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        layout.addWidget(label)
        layout.addWidget(self.next_review)
        row = QHBoxLayout()
        row.addWidget(self.share, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.share_label, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addStretch(1)
        return page

    def go(self, step: int) -> None:
        index = max(0, min(self.pages.count() - 1, self.pages.currentIndex() + step))
        self.pages.setCurrentIndex(index)
        if index == 0 and self.present:
            next(iter(self.present.values())).setFocus(Qt.FocusReason.OtherFocusReason)
        elif 1 <= index <= len(self.goal_pages):
            page = self.goal_pages[index - 1]
            page.set_others([m for m in self.view.participants if self._others_here(m.id)])
            page.scale.setFocus(Qt.FocusReason.OtherFocusReason)
            area = self.pages.currentWidget()
            if isinstance(area, QScrollArea):
                area.verticalScrollBar().setValue(0)  # the goal's words first
                area.ensureWidgetVisible(page.scale)  # and the scale, even in large type
        elif index == self.pages.count() - 1:
            self.next_review.setFocus(Qt.FocusReason.OtherFocusReason)
        last = index == self.pages.count() - 1
        self.back_button.setEnabled(index > 0)
        self.next_button.setVisible(not last)
        self.save_button.setVisible(last)
        (self.save_button if last else self.next_button).setDefault(True)

    def _others_here(self, participant_id: uuid.UUID) -> bool:
        member = next(m for m in self.view.participants if m.id == participant_id)
        box = self.present.get(participant_id)
        return member.role != ParticipantRole.PERSON and box is not None and box.isChecked()

    def _forward(self) -> None:
        if self.pages.currentIndex() == self.pages.count() - 1:
            self.save()
        else:
            self.go(1)

    # --- saving ----------------------------------------------------------------------

    def cancel(self) -> None:
        """Cancel or Escape: what the person said and rated is not thrown away unasked.

        (A lock closes the dialog through :meth:`reject` without asking: the screen is
        covered at once.)"""
        if not self._said_anything() or self.leave_unsaved():
            self.reject()

    def _said_anything(self) -> bool:
        return self.review is None and any(page.said_anything() for page in self.goal_pages)

    def draft(self) -> ReviewDraft | None:
        """What a lock must not throw away (None: nothing said yet, or already saved)."""
        if not self._said_anything():
            return None
        return ReviewDraft(
            self.view.person.id,
            page=self.pages.currentIndex(),
            present=tuple((pid, box.isChecked()) for pid, box in self.present.items()),
            goals=tuple(page.draft() for page in self.goal_pages),
            next_review_text=self.next_review.text(),
            words_shared=self.share.isChecked(),
        )

    def restore(self, draft: ReviewDraft) -> None:
        """Back as it was left when the screen was locked, with a line saying so."""
        for pid, checked in draft.present:
            if pid in self.present:
                self.present[pid].setChecked(checked)
        here = [m for m in self.view.participants if self._others_here(m.id)]
        kept = {goal.goal_id: goal for goal in draft.goals}
        for page in self.goal_pages:
            if page.goal.id in kept:  # (a goal closed meanwhile has no page now)
                page.set_others(here)
                page.restore(kept[page.goal.id])
        self.next_review.line.setText(draft.next_review_text)
        self.next_review.commit()
        self.share.setChecked(draft.words_shared)
        self.notice.setText(
            self.tr("The screen was locked during the review; everything said so far is here.")
        )
        self.notice.show()
        self.go(min(draft.page, self.pages.count() - 1) - self.pages.currentIndex())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.cancel()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """The window's own close button asks as Cancel does."""
        if event.spontaneous() and self._said_anything() and not self.leave_unsaved():
            event.ignore()
            return
        super().closeEvent(event)

    def leave_unsaved(self) -> bool:
        self.leave_box = box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Review the plan"))
        box.setText(
            self.tr(
                "Leave the review without saving it? What was rated and said today is not kept."
            )
        )
        box.setFont(self.font())  # as large as the review in meeting mode
        leave = box.addButton(
            self.tr("&Leave without saving"), QMessageBox.ButtonRole.DestructiveRole
        )
        stay = box.addButton(self.tr("&Go on with the review"), QMessageBox.ButtonRole.RejectRole)
        for button in box.buttons():
            button.setFont(self.font())  # (a message box's buttons do not take its font)
        box.setDefaultButton(stay)
        box.setEscapeButton(stay)
        box.exec()
        self.leave_box = None
        return box.clickedButton() is leave

    def save(self) -> None:
        if not self.next_review.commit():
            self.pages.setCurrentIndex(self.pages.count() - 1)
            self.next_review.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        next_review = self.next_review.value()
        assert next_review is not None
        try:
            self.review = together.record_review(
                self.ctx,
                self.view.plan.id,
                on=self.ctx.today(),
                present=[pid for pid, box in self.present.items() if box.isChecked()],
                goals=[page.result() for page in self.goal_pages],
                next_review=next_review,
                words_shared=self.share.isChecked(),
            )
        except CaseplanError as error:
            self.message.setText(error_text(error))
            self.pages.setCurrentIndex(self.pages.count() - 1)
            return
        self.saved.emit(self.review)
        self.accept()

    # --- size ------------------------------------------------------------------------

    def _enlarge(self, zoom: float) -> None:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * MEETING_SCALE * zoom)
        for widget in (self, *self.findChildren(QWidget)):
            scale = widget.property("scale")
            bigger = QFont(font)
            if isinstance(scale, float):
                bigger.setPointSizeF(font.pointSizeF() * scale)
                bigger.setBold(True)
            widget.setFont(bigger)
        # Tick boxes and round buttons as large as their words, for eyes and fingers alike.
        side = round(QFontMetrics(font).height() * 0.8)
        # (On each of them: a style sheet on the dialog would stop the fonts set here from
        # reaching the rating boxes made later for others who are here.)
        sheet = f"::indicator {{ width: {side}px; height: {side}px; }}"
        for box in (*self.findChildren(QCheckBox), *self.findChildren(QRadioButton)):
            box.setStyleSheet(sheet)
        for page in self.goal_pages:
            page.fit_fields()

    def _fit(self) -> None:
        """As large as it needs, never larger than the screen it is on."""
        screen = self.screen().availableGeometry()
        hint = self.sizeHint()
        self.resize(
            min(max(hint.width(), 720), int(screen.width() * 0.95)),
            min(max(hint.height(), 560), int(screen.height() * 0.92)),
        )
