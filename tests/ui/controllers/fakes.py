"""Typed fakes of the screens the controllers talk to: plain values, no widgets.

Each implements a view protocol of :mod:`caseplan.ui.controllers`; mypy checks that they
do (``tests/ui/controllers`` is part of the type check).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from caseplan.ui.controllers.field_saver import Choice, FieldView, Question
from caseplan.ui.controllers.plan_editor import EditorView, PlanEditor
from caseplan.ui.controllers.records import Kind
from caseplan.ui.controllers.session import SessionView

Answer = Callable[[Choice], None]


@dataclass
class FakeWindow:
    """What a window would show, as plain values; implements :class:`SessionView`."""

    shows: str = "caseload"  #: caseload, overview, person, meeting or lock
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

    def showing_overview(self) -> bool:
        return self.shows == "overview"

    def show_overview(self) -> object:
        self.calls.append("show_overview")
        self.shows = "overview"
        return None

    def open_person(self, editor: PlanEditor, section: int | None) -> bool:
        self.calls.append("open_person")
        assert editor.person is not None  # read before it is shown
        self.shows, self.person = "person", editor.person_id
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

    def report(self, sentence: str) -> None:
        self.calls.append("report")
        self.problem = sentence


@dataclass
class FakeField:
    """A text field as plain values; implements :class:`FieldView`."""

    shown: str = ""
    error: str = ""
    enabled: bool = False
    questions: list[tuple[Question, Answer]] = field(default_factory=list)
    #: every text the person has seen in the field as the stored text
    displayed: set[str] = field(default_factory=set)

    def text(self) -> str:
        return self.shown

    def set_text(self, text: str) -> None:
        self.shown = text
        self.displayed.add(text)

    def show_error(self, sentence: str) -> None:
        self.error = sentence

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled

    def ask(self, question: Question, answer: Answer) -> None:
        self.questions.append((question, answer))


@dataclass
class FakeScreen:
    """The workspace as plain values; implements :class:`EditorView`."""

    questions: list[tuple[Question, Answer]] = field(default_factory=list)
    reports: list[str] = field(default_factory=list)
    heard: list[tuple[Kind, frozenset[uuid.UUID]]] = field(default_factory=list)

    def ask(self, question: Question, answer: Answer) -> None:
        self.questions.append((question, answer))

    def report(self, sentence: str) -> None:
        self.reports.append(sentence)

    def answer(self, choice: Choice) -> Question:
        question, answer = self.questions.pop(0)
        answer(choice)
        return question


def _conform(window: FakeWindow, text: FakeField, screen: FakeScreen) -> None:
    """Never called: mypy checks here that each fake is the view it stands for."""
    views: tuple[SessionView, FieldView, EditorView] = (window, text, screen)
    del views
