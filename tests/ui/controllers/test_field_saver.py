"""Never lose a word, as rules: the field saver against a typed fake of a text field.

A second "writer" changes the same record through the services between any two steps;
whatever happens, no text someone else stored is overwritten unless the person saw it
(as the stored text, or as "their version" in a question they answered "keep mine"), and
once every question is answered with "keep mine", what was typed is what is stored.
"""

from __future__ import annotations

import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caseplan.services.context import Context
from caseplan.services.people import people
from caseplan.storage.database import Database
from caseplan.ui.controllers.field_saver import Choice, Field, FieldSaver, Question
from caseplan.ui.controllers.records import IdAliases, Kind, Ref
from caseplan.ui.controllers.undo import Edit, UndoHistory
from tests.support import open_test_database
from tests.ui.controllers.fakes import Answer, FakeField


@pytest.fixture
def kari(ctx: Context) -> uuid.UUID:
    return people.create_person(ctx, "Kari Nordmann", what_matters="Å bo trygt.").id


def _saver(ctx: Context) -> tuple[FieldSaver, UndoHistory]:
    aliases = IdAliases()
    saver = FieldSaver(lambda: ctx, aliases)
    history = UndoHistory(lambda: ctx, aliases)
    saver.stored.connect(
        lambda f, old, new, version: history.push(
            Edit("Edit", f.ref, f.title, {f.name: old}, {f.name: new}, version)
        )
    )
    return saver, history


def _show(bound: object, ctx: Context, person_id: uuid.UUID, name: str = "what_matters") -> None:
    person = people.get_person(ctx, person_id)
    bound.show(  # type: ignore[attr-defined]
        Field(Ref(Kind.PERSON, person_id), name, "What matters to me"),
        getattr(person, name),
        person.version,
    )


def test_typing_is_stored_and_a_second_save_of_the_same_words_writes_nothing(
    ctx: Context, kari: uuid.UUID
) -> None:
    saver, history = _saver(ctx)
    view = FakeField()
    bound = saver.bind(view)
    _show(bound, ctx, kari)
    view.shown = "Å bo trygt. Og jobbe."
    bound.edited()
    assert saver.state == "pending"
    assert bound.save_now()
    assert people.get_person(ctx, kari).what_matters == "Å bo trygt. Og jobbe."
    version = people.get_person(ctx, kari).version
    assert bound.save_now()  # nothing new: nothing written
    assert people.get_person(ctx, kari).version == version
    assert history.can_undo and saver.state == "saved"


def test_someone_else_changing_another_field_is_not_a_conflict(
    ctx: Context, kari: uuid.UUID
) -> None:
    saver, _history = _saver(ctx)
    view = FakeField()
    bound = saver.bind(view)
    _show(bound, ctx, kari)
    stored = people.get_person(ctx, kari)
    people.update_person(ctx, kari, stored.version, strengths="Modig.")
    view.shown = "Å bo trygt!"
    assert bound.save_now()
    assert view.questions == []
    after = people.get_person(ctx, kari)
    assert (after.what_matters, after.strengths) == ("Å bo trygt!", "Modig.")


def test_a_conflict_asks_and_nothing_is_written_until_the_choice(
    ctx: Context, kari: uuid.UUID
) -> None:
    saver, _history = _saver(ctx)
    view = FakeField()
    bound = saver.bind(view)
    _show(bound, ctx, kari)
    stored = people.get_person(ctx, kari)
    people.update_person(ctx, kari, stored.version, what_matters="Deres tekst.")
    view.shown = "Min tekst."
    assert not bound.save_now()
    ((question, answer),) = view.questions
    assert (question.why, question.theirs, question.mine) == (
        "save",
        {"what_matters": "Deres tekst."},
        {"what_matters": "Min tekst."},
    )
    assert people.get_person(ctx, kari).what_matters == "Deres tekst."
    answer(Choice.LATER)  # closed without choosing: the words stay, nothing written
    assert view.shown == "Min tekst." and bound.dirty
    assert people.get_person(ctx, kari).what_matters == "Deres tekst."
    assert not bound.save_now()  # asks again
    _question, again = view.questions[-1]
    again(Choice.KEEP_MINE)
    assert people.get_person(ctx, kari).what_matters == "Min tekst."
    assert not bound.dirty and saver.unsaved == {}


def test_words_that_cannot_be_shown_any_more_are_kept_and_offered_again(
    ctx: Context, kari: uuid.UUID
) -> None:
    """The screen goes (a lock) while someone else's words are in the way."""
    saver, _history = _saver(ctx)
    view = FakeField()
    bound = saver.bind(view)
    _show(bound, ctx, kari)
    stored = people.get_person(ctx, kari)
    people.update_person(ctx, kari, stored.version, what_matters="Deres tekst.")
    view.shown = "Min tekst."
    saver.release(bound)  # no question while the screen goes
    assert view.questions == []
    assert [(f.name, u.text, u.base, u.theirs) for f, u in saver.unsaved.items()] == [
        ("what_matters", "Min tekst.", "Å bo trygt.", "Deres tekst.")
    ]
    again = FakeField()  # the screen is back
    _show(saver.bind(again), ctx, kari)
    assert again.shown == "Min tekst."
    ((question, answer),) = again.questions
    assert question.theirs == {"what_matters": "Deres tekst."}
    answer(Choice.TAKE_THEIRS)
    assert again.shown == "Deres tekst." and saver.unsaved == {}
    assert people.get_person(ctx, kari).what_matters == "Deres tekst."


def test_a_refused_text_is_kept_with_the_reason(ctx: Context, kari: uuid.UUID) -> None:
    saver, history = _saver(ctx)
    view = FakeField()
    bound = saver.bind(view)
    _show(bound, ctx, kari)
    view.shown = "Musikk \u202e baklengs"
    assert not bound.save_now()
    assert view.error and saver.state == "failed"
    assert view.shown == "Musikk \u202e baklengs"
    assert people.get_person(ctx, kari).what_matters == "Å bo trygt."
    assert not history.can_undo


# -- the rules under any sequence of typing, saving, others' writes, undo and redo ---------

WORDS = st.text(alphabet="abcæøå .", min_size=1, max_size=8)
STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("type"), WORDS),
        st.tuples(st.just("save"), st.just("")),
        st.tuples(st.just("other"), st.sampled_from(["what_matters", "strengths"])),
        st.tuples(st.just("refresh"), st.just("")),
        st.tuples(st.just("answer"), st.sampled_from(list(Choice))),
        st.tuples(st.just("undo"), st.just("")),
        st.tuples(st.just("redo"), st.just("")),
    ),
    max_size=14,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=STEPS)
def test_no_word_is_lost_whatever_happens(
    db: Database, ctx: Context, kari: uuid.UUID, steps: list[tuple[str, object]]
) -> None:
    stored = people.get_person(ctx, kari)
    people.update_person(ctx, kari, stored.version, what_matters="start", strengths="")
    other_db = open_test_database(db.location)
    other = Context(other_db.sessions)
    try:
        saver, history = _saver(ctx)
        view = FakeField()
        bound = saver.bind(view)
        _show(bound, ctx, kari)
        # as on screen: after an undo or redo, or taking their words, the field is shown again
        history.applied.connect(lambda _ref: _show(bound, ctx, kari))
        saver.taken.connect(lambda _field: _show(bound, ctx, kari))
        undo_questions: list[tuple[Question, Answer]] = []

        def ask(question: Question, answer: Answer) -> None:
            undo_questions.append((question, answer))

        theirs: set[str] = set()  #: what the other writer stored
        allowed = {"start"}  #: texts ours may replace: seen as stored, or chosen over
        number = 0
        for step, arg in steps:
            before = people.get_person(ctx, kari).what_matters
            allowed |= view.displayed
            if step == "type":
                view.shown = view.shown + str(arg)
                bound.edited()
            elif step == "save":
                bound.save_now()
            elif step == "other":
                number += 1
                text = f"their {number}"
                now = people.get_person(other, kari)
                if arg == "strengths":
                    people.update_person(other, kari, now.version, strengths=text)
                else:
                    people.update_person(other, kari, now.version, what_matters=text)
                theirs.add(text)
                continue
            elif step == "refresh":
                _show(bound, ctx, kari)
            elif step == "answer":
                pending = view.questions or undo_questions
                if pending:
                    question, answer = pending.pop(0)
                    if arg is Choice.KEEP_MINE:
                        allowed |= {str(v) for v in question.theirs.values()}
                    answer(arg)  # type: ignore[arg-type]
            elif step == "undo":
                history.undo(ask, lambda _sentence: None)
            else:
                history.redo(ask, lambda _sentence: None)
            after = people.get_person(ctx, kari).what_matters
            if after != before and before in theirs:
                assert before in allowed, f"{before!r} was overwritten unseen by {after!r}"
        # Answer everything with "keep mine": what is typed is what is stored.
        mine, typed = view.shown, view.shown != bound.saved_text or bool(view.questions)
        for _ in range(5):
            for _question, answer in undo_questions:
                answer(Choice.LATER)
            undo_questions.clear()
            while view.questions:
                _question, answer = view.questions.pop(0)
                answer(Choice.KEEP_MINE)
            if bound.save_now() and not view.questions:
                break
        assert not view.questions and not bound.dirty
        if typed:
            assert people.get_person(ctx, kari).what_matters == mine
    finally:
        other_db.close()
