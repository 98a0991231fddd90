"""The plan editor against a typed fake of its screen: changes, undo over someone else's
newer change (on SQLite and PostgreSQL), the change notification, and what survives a lock."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from caseplan.models import CloseReason, GoalStatus, LifeDomain, ParticipantRole
from caseplan.services.clinic.unlock import OpenClinic
from caseplan.services.context import Context
from caseplan.services.people import people
from caseplan.services.plans import closing, goals, plans
from caseplan.services.team import team
from caseplan.storage.database import Database
from caseplan.ui.controllers.changes import Changes
from caseplan.ui.controllers.field_saver import Choice, Field
from caseplan.ui.controllers.plan_editor import PlanEditor
from caseplan.ui.controllers.records import Kind, Ref
from caseplan.ui.controllers.session import SessionController
from caseplan.ui.controllers.undo import Added, Edit
from tests.support import open_test_database
from tests.ui.controllers.fakes import FakeField, FakeScreen, FakeWindow


@dataclass(frozen=True)
class Mari:
    person: uuid.UUID
    plan: uuid.UUID
    ola: uuid.UUID


@pytest.fixture
def mari(ctx: Context) -> Mari:
    person = people.create_person(ctx, "Mari Solberg", preferred_name="Mari")
    plan = plans.open_plan(ctx, person.id)
    ola = team.add_participant(ctx, plan.id, ParticipantRole.COORDINATOR, "Ola Hansen")
    return Mari(person.id, plan.id, ola.id)


@pytest.fixture
def screen() -> FakeScreen:
    return FakeScreen()


@pytest.fixture
def editor(ctx: Context, mari: Mari, screen: FakeScreen) -> PlanEditor:
    changes = Changes()
    changes.changed.connect(lambda kind, ids: screen.heard.append((kind, ids)))
    made = PlanEditor(lambda: ctx, mari.person, changes)
    made.screen = screen
    made.load()
    return made


@pytest.fixture
def other(db: Database) -> Iterator[Context]:
    """A second program on the same database (another computer, another practitioner)."""
    second = open_test_database(db.location)
    yield Context(second.sessions)
    second.close()


def _goal(editor: PlanEditor, words: str = "Egen leilighet.") -> uuid.UUID:
    made = editor.add_goal(LifeDomain.HOUSING, words)
    assert made is not None
    return made


def test_undo_over_someone_elses_newer_change_asks_and_taking_theirs_turns_redo_off(
    editor: PlanEditor, screen: FakeScreen, other: Context, ctx: Context
) -> None:
    goal_id = _goal(editor)
    goal = goals.get_goal(ctx, goal_id)
    editor.change(
        "Change the goal",
        Ref(Kind.GOAL, goal_id, goal.plan_id),
        "The goal",
        {"status": GoalStatus.ACTIVE},
        {"status": GoalStatus.ACHIEVED},
        goal.version,
    )
    assert goals.get_goal(ctx, goal_id).status == GoalStatus.ACHIEVED
    theirs = goals.get_goal(other, goal_id)
    goals.update_goal(other, goal_id, theirs.version, status=GoalStatus.CLOSED)

    editor.undo()
    (question, _answer) = screen.questions[0]
    assert (question.why, question.theirs, question.mine) == (
        "undo",
        {"status": GoalStatus.CLOSED},
        {"status": GoalStatus.ACTIVE},
    )
    assert goals.get_goal(ctx, goal_id).status == GoalStatus.CLOSED  # nothing overwritten
    assert not editor.history.can_undo  # one question at a time
    screen.answer(Choice.TAKE_THEIRS)
    assert goals.get_goal(ctx, goal_id).status == GoalStatus.CLOSED
    history = editor.history
    assert not history.can_redo
    assert history.redo_off.startswith("Redo is off: someone else changed this after you")
    assert screen.reports[-1] == "Their version was kept, so this was not undone: Change the goal."
    assert history.can_undo and history.undo_text() == "Add a goal"  # the earlier change


def test_keeping_mine_undoes_over_their_change_and_redo_still_works(
    editor: PlanEditor, screen: FakeScreen, other: Context, ctx: Context
) -> None:
    goal_id = _goal(editor)
    words = FakeField()
    bound = editor.saver.bind(words)
    goal = goals.get_goal(ctx, goal_id)
    bound.show(Field(Ref(Kind.GOAL, goal_id), "own_words", "The goal"), goal.own_words, 1)
    words.shown = "Egen leilighet i Bodø."
    assert bound.save_now()
    theirs = goals.get_goal(other, goal_id)
    goals.update_goal(other, goal_id, theirs.version, own_words="Leilighet nær mamma.")

    editor.undo()
    question = screen.answer(Choice.KEEP_MINE)
    assert question.theirs == {"own_words": "Leilighet nær mamma."}
    assert question.mine == {"own_words": "Egen leilighet."}
    assert goals.get_goal(ctx, goal_id).own_words == "Egen leilighet."
    editor.redo()
    assert screen.questions == []  # nobody changed it since the undo
    assert goals.get_goal(ctx, goal_id).own_words == "Egen leilighet i Bodø."


def test_redo_over_someone_elses_change_asks_too(
    editor: PlanEditor, screen: FakeScreen, other: Context, ctx: Context, mari: Mari
) -> None:
    plan = plans.get_plan(ctx, mari.plan)
    editor.change(
        "Choose the coordinator",
        Ref(Kind.PLAN, mari.plan),
        "The coordinator",
        {"coordinator_id": None},
        {"coordinator_id": mari.ola},
        plan.version,
    )
    editor.undo()
    assert plans.get_plan(ctx, mari.plan).coordinator_id is None
    now = plans.get_plan(other, mari.plan)
    plans.update_plan(other, mari.plan, now.version, next_review=now.period_start)  # not ours
    editor.redo()  # another field of the plan changed: no question
    assert screen.questions == []
    assert plans.get_plan(ctx, mari.plan).coordinator_id == mari.ola
    editor.undo()
    now = plans.get_plan(other, mari.plan)
    kari = team.add_participant(other, mari.plan, ParticipantRole.PRACTITIONER, "Kari Dahl")
    plans.set_coordinator(other, mari.plan, now.version, kari.id)
    editor.redo()
    assert screen.answer(Choice.TAKE_THEIRS).why == "redo"
    assert plans.get_plan(ctx, mari.plan).coordinator_id == kari.id
    assert not editor.history.can_redo and editor.history.redo_off


def test_undoing_an_add_over_someone_elses_edit_asks_before_removing(
    editor: PlanEditor, screen: FakeScreen, other: Context, ctx: Context, mari: Mari
) -> None:
    goal_id = _goal(editor)
    goals.add_step(other, goal_id, "Ringe Husbanken.")  # someone adds a step to it
    editor.undo()
    question = screen.answer(Choice.LATER)
    assert question.mine == {}  # undo would remove the goal
    assert question.theirs["step_ids"]
    assert [g.id for g in goals.list_goals(ctx, mari.plan)] == [goal_id]
    assert editor.history.can_undo  # nothing happened: it can be tried again
    editor.undo()
    screen.answer(Choice.KEEP_MINE)
    assert goals.list_goals(ctx, mari.plan) == []
    editor.redo()  # added again, under a new id the history follows
    (again,) = goals.list_goals(ctx, mari.plan)
    assert again.id != goal_id and editor.aliases.resolve(goal_id) == again.id


def test_a_change_is_heard_once_and_only_its_part_is_read_again(
    editor: PlanEditor, screen: FakeScreen, ctx: Context, mari: Mari
) -> None:
    goal_id = _goal(editor)
    words = FakeField()
    bound = editor.saver.bind(words)
    bound.show(Field(Ref(Kind.GOAL, goal_id), "own_words", "The goal"), "Egen leilighet.", 1)
    editor.reads.clear()
    screen.heard.clear()
    words.shown = "Egen leilighet med balkong."
    bound.save_now()
    assert screen.heard == [(Kind.GOAL, frozenset({goal_id}))]
    assert editor.reads == [Kind.GOAL]  # the goals, not the whole plan
    assert editor.view is not None
    assert editor.view.goals[0].own_words == "Egen leilighet med balkong."
    editor.undo()
    assert editor.reads == [Kind.GOAL, Kind.GOAL]
    assert editor.view.goals[0].own_words == "Egen leilighet."


def test_a_refused_change_says_why_and_shows_what_is_stored(
    editor: PlanEditor, screen: FakeScreen, ctx: Context, mari: Mari
) -> None:
    plan = plans.get_plan(ctx, mari.plan)
    ola = team.get_participant(ctx, mari.ola)
    plans.set_coordinator(ctx, mari.plan, plan.version, mari.ola)
    editor.changes.announce(Kind.PLAN, {mari.plan})
    assert not editor.remove_participant(ola)
    assert screen.reports[-1] == "Ola Hansen is the coordinator; choose another coordinator first."
    assert not editor.history.can_undo


# -- the session keeps the person's editor across a lock -----------------------------------


def test_undo_history_survives_a_lock_without_the_plan_text(
    clinic_ws: OpenClinic, lead_password: str
) -> None:
    ctx = clinic_ws.ctx
    person = people.list_people(ctx)[0].id
    plans.open_plan(ctx, person)
    window = FakeWindow()
    session = SessionController(clinic_ws, window)
    session.open_person(person)
    editor = session.editor
    assert editor is not None
    goal_id = _goal(editor, "Jobbe i butikk.")
    session.lock()
    assert session.editor is editor and editor.view is None and editor.person is None
    (entry,) = editor.history.entries
    assert isinstance(entry, Added)
    # what it holds across the lock: the goal's id, plan id and the goal's own values
    assert (entry.ref.kind, entry.ref.id) == (Kind.GOAL, goal_id)
    assert entry.values["own_words"] == "Jobbe i butikk."

    session.unlock(lead_password)
    assert session.editor is editor and editor.view is not None
    assert editor.ctx is not ctx  # the clinic opened again
    editor.undo()
    assert goals.list_goals(editor.ctx, editor.view.plan.id) == []
    assert editor.view.goals == ()
    editor.redo()
    assert [g.own_words for g in editor.view.goals] == ["Jobbe i butikk."]
    session.back_to_people()  # leaving the person forgets their history
    assert session.editor is None
    session.clinic.close()


def test_an_edit_entry_holds_ids_and_the_words_before_and_after(
    editor: PlanEditor, ctx: Context, mari: Mari
) -> None:
    editor.saver.versions.clear()
    words = FakeField()
    bound = editor.saver.bind(words)
    person = people.get_person(ctx, mari.person)
    bound.show(Field(Ref(Kind.PERSON, mari.person), "what_matters", "What"), "", person.version)
    words.shown = "Barna mine."
    bound.save_now()
    (entry,) = editor.history.entries
    assert isinstance(entry, Edit)
    assert (entry.ref, entry.old, entry.new) == (
        Ref(Kind.PERSON, mari.person),
        {"what_matters": ""},
        {"what_matters": "Barna mine."},
    )


def test_closing_the_plan_ends_its_undo_history(
    editor: PlanEditor, ctx: Context, mari: Mari
) -> None:
    """Undo after Close the plan… and Start the next plan must not rewrite the closed plan
    (found living a clinic's first day: it put old words back into a closed plan)."""
    goal_id = _goal(editor, "Mindre rus.")
    goal = goals.get_goal(ctx, goal_id)
    editor.change(
        "Change the goal",
        Ref(Kind.GOAL, goal_id, goal.plan_id),
        "The goal",
        {"own_words": "Mindre rus."},
        {"own_words": "Bare i helgene."},
        goal.version,
    )
    assert editor.history.can_undo
    plans.close_plan(ctx, mari.plan, None, CloseReason.GOALS_REACHED)
    closing.start_next_plan(ctx, mari.person, [goal_id])
    editor.changes.announce(Kind.WHOLE_PLAN, {mari.person})  # as the close dialog does
    assert editor.view is not None and editor.view.plan.id != mari.plan
    assert not editor.history.can_undo and not editor.history.can_redo
    editor.undo()
    assert goals.get_goal(ctx, goal_id).own_words == "Bare i helgene."  # closed plan as it was
