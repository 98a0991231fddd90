"""One order for goals and steps: the workspace's tree, meeting mode and the printed plan;
and meeting mode shows every part of the crisis plan that the paper prints."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from caseplan.models import LifeDomain
from caseplan.reports.options import PlanOptions
from caseplan.reports.printing import plan_pdf
from caseplan.services.clinic.unlock import OpenClinic
from caseplan.services.crisis import crisis
from caseplan.services.people import people
from caseplan.services.plans import goals, plans
from caseplan.services.plans.order import in_plan_order
from tests.reports.pdftools import pdf_text
from tests.ui.test_keyboard_flow import visible_texts
from tests.ui.test_meeting_mode import enter_meeting, open_window

# Added in an order that is neither the domains' order nor the reverse, with a move.
GOALS = (
    (LifeDomain.WORK_AND_ACTIVITY, "Få en jobb i butikk.", ("Skrive CV.", "Ringe NAV.")),
    (LifeDomain.HOUSING, "Egen leilighet.", ("Søke bolig.",)),
    (LifeDomain.SUBSTANCE_USE, "Drikke mindre.", ("Gå på gruppe.", "Telle dager.")),
    (LifeDomain.HOUSING, "Bo nær søsteren min.", ()),
)
CRISIS = {
    "warning_signs": "Jeg slutter å svare på telefonen.",
    "triggers": "Lønningsdager og bursdager.",
    "what_i_do": "Jeg ringer søsteren min.",
    "what_others_do": "Kom innom med kaffe.",
    "what_does_not_help": "Kjeft og mas.",
    "treatment_wanted": "Samtaler med samme behandler.",
    "treatment_not_wanted": "Innleggelse uten at jeg blir spurt.",
}


def make_plan(clinic: OpenClinic) -> tuple[uuid.UUID, list[str]]:
    ctx = clinic.ctx
    person = people.create_person(ctx, "Nora Dahl", preferred_name="Nora")
    plan = plans.open_plan(ctx, person.id)
    made = []
    for domain, words, steps in GOALS:
        goal = goals.add_goal(ctx, plan.id, domain, words)
        for action in steps:
            goals.add_step(ctx, goal.id, action)
        made.append(goal.id)
    goals.move_goal(ctx, made[3], -3)  # "Bo nær søsteren min." first of all in the plan
    crisis.save_crisis_plan(ctx, plan.id, None, **CRISIS)  # type: ignore[arg-type]
    listed = goals.list_goals(ctx, plan.id)
    expected = []
    for goal in in_plan_order(listed, lambda g: g.domain):
        expected.append(goal.own_words)
        expected += [step.action for step in goal.steps]
    return person.id, expected


def in_order(text: str, wanted: list[str]) -> list[str]:
    """``wanted`` sorted by where each first appears in ``text``."""
    return sorted(wanted, key=text.index)


def test_goals_and_steps_in_one_order_on_screen_in_meeting_mode_and_on_paper(
    qtbot: Any, clinic_ws: OpenClinic, settings: QSettings, tmp_path: Path
) -> None:
    person_id, expected = make_plan(clinic_ws)
    # The order is not the plan's positions: housing comes before work, the moved goal first.
    assert expected[:3] == ["Bo nær søsteren min.", "Egen leilighet.", "Søke bolig."]
    assert expected.index("Drikke mindre.") < expected.index("Få en jobb i butikk.")  # added later

    window = open_window(qtbot, clinic_ws, settings)
    window.show_person(person_id)
    ws = window.person_workspace
    assert ws is not None
    tree = "\n".join(ws.goals.model.visible_text())
    assert in_order(tree, expected) == expected

    meeting = enter_meeting(qtbot, window, person_id)
    seen = "\n".join(visible_texts(meeting))
    assert in_order(seen, expected) == expected
    titles = [field.title for key, field in meeting.fields.items() if key.startswith("goal.")]
    assert titles == [
        "Goal 1 · Housing",
        "Goal 2 · Housing",
        "Goal 3 · Substance use",
        "Goal 4 · Work and activity",
    ]

    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(plan_pdf(clinic_ws.ctx, person_id, PlanOptions(language="en")))
    paper = pdf_text(pdf)
    assert in_order(paper, expected) == expected


def test_meeting_mode_shows_every_part_of_the_crisis_plan_the_paper_prints(
    qtbot: Any, clinic_ws: OpenClinic, settings: QSettings, tmp_path: Path
) -> None:
    person_id, _expected = make_plan(clinic_ws)
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(plan_pdf(clinic_ws.ctx, person_id, PlanOptions(language="en")))
    paper = pdf_text(pdf)
    window = open_window(qtbot, clinic_ws, settings)
    meeting = enter_meeting(qtbot, window, person_id)
    shown = {key: field.text() for key, field in meeting.fields.items()}
    for name, words in CRISIS.items():
        assert words in paper  # the paper prints it…
        assert shown[f"crisis.{name}"] == words  # …and meeting mode shows it, editable
    seen = "\n".join(visible_texts(meeting))
    for title in ("What can set it off", "Treatment I want", "Treatment I do not want"):
        assert title in seen
