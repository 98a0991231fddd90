"""UI fixtures: a context with a fixed "today", plans with review dates, settings kept in tmp."""

from __future__ import annotations

import gc
import shutil
import uuid
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from caseplan.models import Plan, PlanStatus, Role
from caseplan.services.clinic import unlock
from caseplan.services.clinic.unlock import NewAccount, OpenClinic
from caseplan.services.context import Context
from caseplan.services.people import people
from caseplan.storage.database import Database
from caseplan.storage.keys import KdfParams
from caseplan.storage.location import Location, resolve
from caseplan.ui.widgets.alt_keys import guard_alt_letters
from caseplan.ui.widgets.fit_screen import guard_screen_fit
from caseplan.ui.widgets.plain_text import guard_plain_text

TODAY = date(2026, 3, 2)

AddPlan = Callable[..., None]


@pytest.fixture(autouse=True)
def _fresh_settings(tmp_path: Path) -> None:
    """QSettings made without a path land in this test's folder, never the real profile."""
    folder = str(tmp_path / "qsettings")
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, folder)
        QSettings.setPath(kind, QSettings.Scope.SystemScope, folder)


@pytest.fixture(autouse=True)
def _garbage_collected_between_tests() -> None:
    """Python's cycle collector frees the earlier tests' PySide wrappers whenever it runs. In
    one whole run it ran inside a test's event loop while a worker thread was making a clinic,
    and the worker process died of a segmentation fault there (tests/ui/test_start.py). The
    garbage is collected here instead, before each test, while no worker thread runs."""
    gc.collect()


@pytest.fixture(autouse=True)
def _app_guards(request: pytest.FixtureRequest) -> None:
    """The application-wide guards ``caseplan.ui.main`` installs before the first screen
    (names shown as typed, Alt+letter never typed, dialogs fitted to the screen), on the
    test's application from the start, as in the program. Without this a test would meet
    them only if an earlier test had opened a main window: results would depend on the
    order and on which tests share a process (pytest-xdist)."""
    if not {"qtbot", "qapp"} & set(request.fixturenames):
        return  # no application in this test (the controllers' tests make none)
    app = request.getfixturevalue("qapp")
    guard_plain_text(app)
    guard_alt_letters(app)
    guard_screen_fit(app)


@pytest.fixture(autouse=True)
def _no_clinic_left_open() -> Iterator[None]:
    """A window that was unlocked holds a clinic it opened itself (the test's fixture closes
    only the one it made): close it after the test, as ``main.run`` does when a window
    closes, so no unlocked database and key outlive the test."""
    yield
    from PySide6.QtWidgets import QApplication

    from caseplan.ui.main_window import MainWindow

    if QApplication.instance() is None:
        return
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            widget.idle_watcher.stop()
            widget.clinic.close()


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


# -- signed-in clinics (start-up, lock, audit, backup) ----------------------------------

#: Key derivation cheap enough for tests (the real one takes a few hundred milliseconds).
CHEAP_KDF = KdfParams(time_cost=1, memory_cost=8 * 1024, parallelism=1)
LEAD_PASSWORD = "correct horse battery"
CLINIC_PEOPLE = ("Øystein Berg", "Áilu Juuso", "Sigrid Lund")


@pytest.fixture
def new_location(location: Location, tmp_path: Path) -> Location:
    """Where no clinic is yet: a new file on SQLite, an empty server database on PostgreSQL."""
    if location.path is not None:
        return resolve(str(tmp_path / "clinic" / "caseplan.db"))
    return location


def _make_clinic(where: Location) -> OpenClinic:
    admin = NewAccount("root", "Clinic Administrator", Role.ADMIN, "admin password 1")
    lead = NewAccount("kari", "Kari Team Lead", Role.TEAM_LEAD, LEAD_PASSWORD)
    practitioner = NewAccount("per", "Per Practitioner", Role.PRACTITIONER, "per password 1")
    created, _recovery = unlock.create_clinic(
        where, admin, more=[lead, practitioner], kdf=CHEAP_KDF
    )
    created.close()
    workspace = unlock.sign_in(where, "kari", LEAD_PASSWORD)
    for name in CLINIC_PEOPLE:
        people.create_person(workspace.ctx, name)
    return workspace


@pytest.fixture(scope="session")
def _sqlite_clinic_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The embedded clinic of ``clinic_ws``, made once per run; each test gets a copy."""
    database = tmp_path_factory.mktemp("clinic-template") / "caseplan.db"
    _make_clinic(resolve(str(database))).close()
    return database


@pytest.fixture
def clinic_ws(new_location: Location, request: pytest.FixtureRequest) -> Iterator[OpenClinic]:
    """A clinic signed in as the team lead "kari", with three fictional people (on SQLite a
    copy of one made once per run; on PostgreSQL made for the test, since the accounts'
    login roles belong to the whole server)."""
    if new_location.path is None:
        workspace = _make_clinic(new_location)
    else:
        template: Path = request.getfixturevalue("_sqlite_clinic_template")
        new_location.path.parent.mkdir(parents=True)
        for made in template.parent.iterdir():  # the database and its key file
            shutil.copyfile(made, new_location.path.parent / made.name)
        workspace = unlock.sign_in(new_location, "kari", LEAD_PASSWORD)
    yield workspace
    workspace.close()


@pytest.fixture
def cheap_kdf() -> KdfParams:
    return CHEAP_KDF


@pytest.fixture
def lead_password() -> str:
    """The password of the clinic's team lead "kari" (see ``clinic_ws``)."""
    return LEAD_PASSWORD


@pytest.fixture
def clinic_people() -> tuple[str, ...]:
    """The names of the fictional people in ``clinic_ws``."""
    return CLINIC_PEOPLE
