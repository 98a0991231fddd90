"""Peer support as the workspace lists it: the peers' profiles and what they do together.

Qt item models only adapt service data; the section (``peer.py``) lays them out.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication

from caseplan.models import PeerEngagement
from caseplan.services.plans.plan_view import PlanView
from caseplan.services.team.team import ParticipantDetails
from caseplan.ui.widgets.dates import date_text
from caseplan.ui.widgets.record_model import Column, RecordTableModel
from caseplan.ui.workspace.labels import domain_label, step_status_label


def engagement_label(engagement: PeerEngagement) -> str:
    return {
        PeerEngagement.NONE: QCoreApplication.translate("labels", "Not said"),
        PeerEngagement.PAID: QCoreApplication.translate("labels", "Paid by the service"),
        PeerEngagement.VOLUNTEER: QCoreApplication.translate("labels", "Volunteer"),
    }[engagement]


def reach_text(peer: ParticipantDetails) -> str:
    """How to reach a peer: phone, email, and when."""
    return " · ".join(x for x in (peer.phone, peer.email, peer.availability) if x)


class PeerModel(RecordTableModel[ParticipantDetails]):
    """The peers on the team: who, what they offer, how to reach them, paid or volunteer."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                Column(QCoreApplication.translate("PeerModel", "Peer"), lambda p: p.name),
                Column(
                    QCoreApplication.translate("PeerModel", "Organisation"),
                    lambda p: p.organisation,
                ),
                Column(
                    QCoreApplication.translate("PeerModel", "What they offer"), lambda p: p.offers
                ),
                Column(QCoreApplication.translate("PeerModel", "How to reach them"), reach_text),
                Column(
                    QCoreApplication.translate("PeerModel", "Paid or volunteer"),
                    lambda p: engagement_label(p.peer_engagement),
                ),
            ],
            parent,
        )


@dataclass(frozen=True)
class TogetherRow:
    """One goal or step a peer is responsible for, or a goal with such steps."""

    id: uuid.UUID
    what: str
    peer: str
    due: str
    status: str


def together_rows(view: PlanView | None, peers: Sequence[ParticipantDetails]) -> list[TogetherRow]:
    """The steps the peers are responsible for, each under its goal (the person's words)."""
    if view is None:
        return []
    names = {p.id: p.name for p in peers}
    rows: list[TogetherRow] = []
    for goal in view.goals:
        steps = [s for s in goal.steps if s.responsible_id in names]
        if not steps:
            continue
        rows.append(
            TogetherRow(goal.id, f"{domain_label(goal.domain)}: {goal.own_words}", "", "", "")
        )
        for step in steps:
            rows.append(
                TogetherRow(
                    step.id,
                    "    • " + step.action,
                    names[step.responsible_id],  # type: ignore[index]
                    date_text(step.due),
                    step_status_label(step.status),
                )
            )
    return rows


class TogetherModel(RecordTableModel[TogetherRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                Column(
                    QCoreApplication.translate("TogetherModel", "Goal and step"), lambda r: r.what
                ),
                Column(QCoreApplication.translate("TogetherModel", "Peer"), lambda r: r.peer),
                Column(QCoreApplication.translate("TogetherModel", "By when"), lambda r: r.due),
                Column(QCoreApplication.translate("TogetherModel", "Status"), lambda r: r.status),
            ],
            parent,
        )
