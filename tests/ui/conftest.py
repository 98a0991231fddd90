"""UI fixtures: a context with a fixed "today", plans with review dates, settings kept in tmp."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from caseplan.models import Plan, PlanStatus
from caseplan.services.context import Context
from caseplan.storage.database import Database

TODAY = date(2026, 3, 2)

AddPlan = Callable[..., None]


@pytest.fixture(autouse=True)
def _fresh_settings(tmp_path: Path) -> None:
    """QSettings made without a path land in this test's folder, never the real profile."""
    folder = str(tmp_path / "qsettings")
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, folder)
        QSettings.setPath(kind, QSettings.Scope.SystemScope, folder)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def today() -> date:
    """The day the tests pretend it is, so "overdue" never depends on the calendar."""
    return TODAY


@pytest.fixture
def ctx(db: Database, today: date) -> Context:
    return Context(db.sessions, today=lambda: today)


@pytest.fixture
def add_plan(ctx: Context) -> AddPlan:
    """Give a person a plan with a next review date (the plan services come later)."""

    def add(
        person_id: uuid.UUID, next_review: date | None, status: PlanStatus = PlanStatus.AGREED
    ) -> None:
        with ctx.write() as session:
            session.add(
                Plan(
                    person_id=person_id,
                    status=status,
                    period_start=date(2025, 1, 1),
                    next_review=next_review,
                )
            )

    return add
