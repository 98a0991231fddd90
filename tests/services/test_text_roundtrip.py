"""Every text field of a plan goes in through the services and comes back as typed (in NFC).

Norwegian and Sámi letters, emoji and long texts are kept; control characters and
bidirectional overrides are refused with a sentence naming the field, and nothing is written.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from caseplan.errors import InvalidInput
from caseplan.models import AuditEvent, LifeDomain, ParticipantRole
from caseplan.models.text import BIDI_CONTROLS, is_invisible
from caseplan.services.context import Context
from caseplan.services.crisis import crisis
from caseplan.services.crisis.crisis import CrisisContactInput
from caseplan.services.meetings import meetings, reviews
from caseplan.services.peers import contributions
from caseplan.services.people import people
from caseplan.services.plans import goals, plans
from caseplan.services.plans.plan_view import PlanView, load_plan_view
from caseplan.services.security import audit
from caseplan.services.team import team
from caseplan.storage.database import Database

START = date(2026, 1, 5)
HYPOTHESIS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

NORDIC = "aåæøÅÆØ áčđŋšŧž ÁČĐŊŠŦŽ öäü"
EMOJI = ["🙂", "👍🏽", "👨‍👩‍👧", "🏳️‍🌈", "❤️"]


def _any_char() -> st.SearchStrategy[str]:
    return st.characters(blacklist_categories=("Cc", "Cs", "Cn")).filter(
        lambda c: c not in BIDI_CONTROLS
    )


def _text(max_size: int, *, multiline: bool) -> st.SearchStrategy[str]:
    """Text for a field; one-line text goes into names too, which hold no invisible
    character (so no emoji joined by a zero-width joiner)."""
    if multiline:
        pieces = [st.sampled_from(list(NORDIC)), st.sampled_from(EMOJI), _any_char()]
        pieces.append(st.sampled_from(["\n", "\t", "\r\n", "\r"]))
    else:
        pieces = [
            st.sampled_from(list(NORDIC)),
            st.sampled_from([e for e in EMOJI if not any(map(is_invisible, e))]),
            _any_char().filter(lambda c: not is_invisible(c)),
        ]
    return st.lists(st.one_of(pieces), max_size=max_size).map("".join)


def _stored(text: str) -> str:
    """What the text rules make of ``text`` in a multi-line field."""
    return unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")


@dataclass(frozen=True)
class Base:
    person_id: uuid.UUID
    plan_id: uuid.UUID
    me_id: uuid.UUID
    peer_id: uuid.UUID
    goal_id: uuid.UUID
    step_id: uuid.UUID
    contribution_id: uuid.UUID
    meeting_id: uuid.UUID
    review_id: uuid.UUID


@dataclass(frozen=True)
class Field:
    label: str
    multiline: bool
    required: bool
    write: Callable[[Context, Base, str], object]
    read: Callable[[PlanView], str]


def _contact(**changes: str) -> Callable[[Context, Base, str], object]:
    def write(ctx: Context, base: Base, value: str) -> object:
        given = {"name": "Legevakt", "role": "", "phone": ""}
        given.update({key: value for key in changes})
        return crisis.save_crisis_plan(
            ctx, base.plan_id, None, contacts=[CrisisContactInput(**given)]
        )

    return write


def _crisis_field(name: str) -> Callable[[Context, Base, str], object]:
    def write(ctx: Context, base: Base, value: str) -> object:
        texts: dict[str, Any] = {name: value}
        return crisis.save_crisis_plan(ctx, base.plan_id, None, **texts)

    return write


def _crisis_read(name: str) -> Callable[[PlanView], str]:
    def read(view: PlanView) -> str:
        assert view.crisis_plan is not None
        return str(getattr(view.crisis_plan, name))

    return read


def _peer(view: PlanView) -> str:
    return view.participants[1].name


FIELDS = [
    Field("Name", False, True,
          lambda c, b, v: team.update_participant(c, b.peer_id, None, name=v), _peer),
    Field("Organisation", False, False,
          lambda c, b, v: team.update_participant(c, b.peer_id, None, organisation=v),
          lambda view: view.participants[1].organisation),
    Field("Phone", False, False,
          lambda c, b, v: team.update_participant(c, b.peer_id, None, phone=v),
          lambda view: view.participants[1].phone),
    Field("Email", False, False,
          lambda c, b, v: team.update_participant(c, b.peer_id, None, email=v),
          lambda view: view.participants[1].email),
    Field("Goal", True, True,
          lambda c, b, v: goals.update_goal(c, b.goal_id, None, own_words=v),
          lambda view: view.goals[0].own_words),
    Field("Worker's note", True, False,
          lambda c, b, v: goals.update_goal(c, b.goal_id, None, worker_note=v),
          lambda view: view.goals[0].worker_note),
    Field("Step", True, True,
          lambda c, b, v: goals.update_step(c, b.step_id, None, action=v),
          lambda view: view.goals[0].steps[0].action),
    Field("Worker's note", True, False,
          lambda c, b, v: goals.update_step(c, b.step_id, None, worker_note=v),
          lambda view: view.goals[0].steps[0].worker_note),
    Field("Note", True, False,
          lambda c, b, v: contributions.update_contribution(c, b.contribution_id, None, note=v),
          lambda view: view.contributions[0].note),
    Field("Shared notes", True, False,
          lambda c, b, v: meetings.update_meeting(c, b.meeting_id, None, shared_notes=v),
          lambda view: view.meetings[0].shared_notes),
    Field("Worker's note", True, False,
          lambda c, b, v: meetings.update_meeting(c, b.meeting_id, None, worker_note=v),
          lambda view: view.meetings[0].worker_note),
    Field("What helped", True, False,
          lambda c, b, v: reviews.update_review(c, b.review_id, None, what_helped=v),
          lambda view: view.reviews[0].what_helped),
    Field("What got in the way", True, False,
          lambda c, b, v: reviews.update_review(c, b.review_id, None, what_got_in_the_way=v),
          lambda view: view.reviews[0].what_got_in_the_way),
    *[
        Field(label, True, False, _crisis_field(name), _crisis_read(name))
        for label, name in [
            ("Warning signs", "warning_signs"),
            ("Triggers", "triggers"),
            ("What I do", "what_i_do"),
            ("What others do", "what_others_do"),
            ("What does not help", "what_does_not_help"),
            ("Treatment I want", "treatment_wanted"),
            ("Treatment I do not want", "treatment_not_wanted"),
        ]
    ],
    Field("Contact name", False, True, _contact(name=""),
          lambda view: view.crisis_plan.contacts[0].name),  # type: ignore[union-attr]
    Field("Contact role", False, False, _contact(role=""),
          lambda view: view.crisis_plan.contacts[0].role),  # type: ignore[union-attr]
    Field("Phone", False, False, _contact(phone=""),
          lambda view: view.crisis_plan.contacts[0].phone),  # type: ignore[union-attr]
]  # fmt: skip
LIMITS = {"Phone": 50, "Email": 254, "Goal": 2000, "Step": 2000}
SHORT_LIMIT = 200
LONG_LIMIT = 20_000


def _limit(field: Field) -> int:
    if field.label in LIMITS:
        return LIMITS[field.label]
    return LONG_LIMIT if field.multiline else SHORT_LIMIT


def _base(ctx: Context, text: str = "Første") -> Base:
    """A plan with one of everything, built with ``text`` in every text field it is given."""
    person = people.create_person(ctx, "Áilu Ŋuolja")
    plan = plans.open_plan(ctx, person.id)
    plan = plans.update_plan(ctx, plan.id, None, peer_consent_granted_on=ctx.today())
    me = team.add_participant(ctx, plan.id, ParticipantRole.PERSON, "A" + text)
    peer = team.add_participant(
        ctx, plan.id, ParticipantRole.PEER, "B" + text, organisation=text, email=text
    )
    goal = goals.add_goal(ctx, plan.id, LifeDomain.HOUSING, "C" + text, worker_note=text)
    step = goals.add_step(ctx, goal.id, "D" + text, responsible_id=peer.id, worker_note=text)
    contribution = contributions.add_contribution(ctx, plan.id, peer.id, START, 60, "meeting", text)
    meeting = meetings.add_meeting(
        ctx, plan.id, START, attendee_ids=[me.id], shared_notes=text, worker_note=text
    )
    review = reviews.add_review(
        ctx,
        plan.id,
        START,
        what_helped=text,
        what_got_in_the_way=text,
        ratings=[(goal.id, me.id, 5)],
    )
    texts: dict[str, Any] = {name: text for name in crisis.TEXT_FIELDS}
    crisis.save_crisis_plan(
        ctx,
        plan.id,
        None,
        contacts=[CrisisContactInput("E" + text, text)],
        **texts,
    )
    return Base(
        person.id, plan.id, me.id, peer.id, goal.id, step.id, contribution.id, meeting.id, review.id
    )


def _view(ctx: Context, base: Base) -> PlanView:
    view = load_plan_view(ctx, base.person_id, include_worker_notes=True)
    assert view is not None
    return view


@settings(HYPOTHESIS, max_examples=20)
@given(single=_text(16, multiline=False), multi=_text(300, multiline=True))
def test_every_text_field_round_trips_through_the_services(
    db: Database, single: str, multi: str
) -> None:
    ctx = Context(db.sessions, today=lambda: START)
    base = _base(ctx, single)
    view = _view(ctx, base)
    created = _stored(single)
    assert view.participants[1].name == "B" + created
    assert view.goals[0].steps[0].action == "D" + created
    assert view.crisis_plan is not None and view.crisis_plan.contacts[0].name == "E" + created
    assert view.crisis_plan.triggers == created
    assert view.meetings[0].worker_note == created
    for field in FIELDS:
        value = multi if field.multiline else single
        if field.required:
            value = "Z" + value
        field.write(ctx, base, value)
        assert field.read(_view(ctx, base)) == _stored(value), field.label
    _assert_trail_names_fields_only(db)


#: What an audit detail of a plan's use cases may say: field names, never the words.
TRAIL_DETAIL = re.compile(r"(changed: [a-z_]+(, [a-z_]+)*)?|with workers' notes")


def _assert_trail_names_fields_only(db: Database) -> None:
    with db.sessions() as session:
        assert audit.verify_chain(session).ok
        details = session.scalars(select(AuditEvent.detail)).all()
    assert details, "every change leaves an audit event"
    for detail in details:
        assert TRAIL_DETAIL.fullmatch(detail), detail


def test_long_texts_are_kept_up_to_each_limit_and_refused_beyond(db: Database) -> None:
    ctx = Context(db.sessions, today=lambda: START)
    base = _base(ctx)
    unit = "Čáhppes ŋuolggat 👍🏽 ærlig øl å\n"
    for field in FIELDS:
        limit = _limit(field)
        text = (unit * (10_000 // len(unit) + 1))[:10_000] if field.multiline else "ŋ" * limit
        if limit >= len(text):
            field.write(ctx, base, text)
            assert field.read(_view(ctx, base)) == text, field.label
        too_long = "ŋ" * (limit - 1) + "ž🙂"
        before = _view(ctx, base)
        with pytest.raises(InvalidInput) as error:
            field.write(ctx, base, too_long)
        assert str(error.value) == (
            f"{field.label} is too long: at most {limit} characters, this has {limit + 1}."
        )
        assert _view(ctx, base) == before


def test_ten_thousand_character_goal_is_refused_with_its_limit(db: Database) -> None:
    ctx = Context(db.sessions, today=lambda: START)
    base = _base(ctx)
    with pytest.raises(InvalidInput) as error:
        goals.add_goal(ctx, base.plan_id, LifeDomain.OTHER, "å" * 10_000)
    assert str(error.value) == "Goal is too long: at most 2000 characters, this has 10000."
    assert len(_view(ctx, base).goals) == 1


CONTROL = ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\x0b", "\x0c"]


@HYPOTHESIS
@given(
    field=st.sampled_from(FIELDS),
    bad=st.sampled_from(CONTROL + sorted(BIDI_CONTROLS) + ["\n", "\t", "\r"]),
    before=_text(8, multiline=False),
    after=_text(8, multiline=False),
)
def test_control_and_direction_characters_are_refused_and_nothing_changes(
    db: Database, field: Field, bad: str, before: str, after: str
) -> None:
    if field.multiline and bad in "\n\t\r":
        return  # line breaks and tabs belong in multi-line fields
    ctx = Context(db.sessions, today=lambda: START)
    base = _base(ctx)
    stored = _view(ctx, base)
    with pytest.raises(InvalidInput) as error:
        field.write(ctx, base, "Z" + before + bad + after)
    if bad in BIDI_CONTROLS:
        assert str(error.value) == f"{field.label} contains a hidden direction-changing character."
    else:
        assert str(error.value) == (
            f"{field.label} contains a control character that cannot be stored."
        )
    assert _view(ctx, base) == stored


def test_required_fields_refuse_blank_text(db: Database) -> None:
    ctx = Context(db.sessions, today=lambda: START)
    base = _base(ctx)
    expected = {
        "Name": "Please write the team member's name.",
        "Goal": "Please write the goal in the person's own words.",
        "Step": "Please write what the step is.",
        "Contact name": "Please write the name of each crisis contact.",
    }
    stored = _view(ctx, base)
    for field in FIELDS:
        if field.required:
            with pytest.raises(InvalidInput) as error:
                field.write(ctx, base, " \u3000 " if not field.multiline else " \n\t ")
            assert str(error.value) == expected[field.label]
    assert _view(ctx, base) == stored


#: Invisible characters: zero-width space, joiner and non-joiner, the Arabic letter mark,
#: soft hyphen, byte-order mark, line and paragraph separators, and tag characters.
INVISIBLE = ["\u200b", "\u200d", "\u200c", "\u061c", "\u00ad", "\ufeff", "\u2028", "\u2029",
             "\U000e0041", "\U000e007f", "\U000e0001"]  # fmt: skip
NAMES = [field for field in FIELDS if field.label in ("Name", "Organisation", "Contact name")]


@HYPOTHESIS
@given(
    field=st.sampled_from(NAMES),
    bad=st.sampled_from(INVISIBLE),
    before=_text(8, multiline=False),
    after=_text(8, multiline=False),
)
def test_names_refuse_invisible_characters_naming_the_field(
    db: Database, field: Field, bad: str, before: str, after: str
) -> None:
    ctx = Context(db.sessions, today=lambda: START)
    base = _base(ctx)
    stored = _view(ctx, base)
    with pytest.raises(InvalidInput) as error:
        field.write(ctx, base, "Z" + before + bad + after)
    assert str(error.value) == (
        f"{field.label} contains an invisible character (such as a zero-width space); "
        "type it again without it."
    )
    assert _view(ctx, base) == stored


@HYPOTHESIS
@given(bad=st.sampled_from(INVISIBLE), name=_text(12, multiline=False))
def test_a_persons_name_refuses_them_too_and_a_search_with_one_still_finds(
    db: Database, bad: str, name: str
) -> None:
    ctx = Context(db.sessions, today=lambda: START)
    before = people.count_people(ctx)
    for label, make in (
        ("Full name", lambda: people.create_person(ctx, "Ola" + bad + "Nordmann")),
        ("Preferred name", lambda: people.create_person(ctx, "Ola", preferred_name="O" + bad)),
    ):
        with pytest.raises(InvalidInput) as error:
            make()
        assert str(error.value).startswith(f"{label} contains an invisible character")
    assert people.count_people(ctx) == before  # nothing half-written
    full = "Ola " + name + " Nordmann"
    person = people.create_person(ctx, full)
    pasted = full[:3] + bad + full[3:]  # copied from somewhere with a hidden character in it
    assert person.id in [p.id for p in people.list_people(ctx, pasted)]
    assert person.id in [p.id for p in people.list_people(ctx, full)]
