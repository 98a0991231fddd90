"""Shared fixtures: offscreen Qt, isolated profile, a fresh database per test (SQLite, PostgreSQL).

PostgreSQL tests need ``CASEPLAN_TEST_POSTGRES`` (a server URL, see ``.ci/start-postgres``).
Without it they skip with a reason, except under ``CI=true``, where they fail instead.
"""

from __future__ import annotations

import os
import shutil
import threading
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from keyring.backends import fail
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool, Pool

from caseplan.storage import costs, server_logins
from caseplan.storage.database import Database
from caseplan.storage.location import Location, resolve
from tests.support import CHEAP_COSTS, Templates, open_test_database

PG_ENV = "CASEPLAN_TEST_POSTGRES"

PG_TEMPLATE = f"caseplan_template_{os.getpid()}"  # one per test process, so runs never clash

#: The key of the server-wide advisory lock a test holds while it has made login roles.
LOGIN_ROLES_LOCK = 0x63_61_73_65  # "case"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The longest tests first (the slow tests, then the real program on Xvfb), the rest
    in their order: with ``pytest -n`` (``make test``) the long ones then run beside the
    many short ones instead of alone at the end."""

    def rank(item: pytest.Item) -> int:
        if item.get_closest_marker("slow"):
            return 0
        return 1 if "desktop" in item.path.parts else 2

    items.sort(key=rank)  # stable: the order within each rank is kept


@pytest.fixture(autouse=True)
def _isolated_profile(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never touch the developer's real data folder, settings or database."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("CASEPLAN_DB", raising=False)
    monkeypatch.delenv("CASEPLAN_ACCOUNT", raising=False)
    monkeypatch.delenv("CASEPLAN_PASSWORD", raising=False)


#: Whether test databases skip fsync (see ``_no_fsync_in_tests``).
QUICK_WRITES = {"on": True}


@event.listens_for(Pool, "connect")
def _no_fsync_in_tests(dbapi_connection: Any, _record: Any) -> None:
    """Embedded test databases do not wait for the disk (``synchronous = OFF``).

    Registered here, for every pool the tests make; the program has no such setting and
    always writes with ``synchronous = FULL`` (``caseplan/storage/cipher.py``). A test that
    checks the real setting asks for ``durable_writes``.
    """
    if QUICK_WRITES["on"] and type(dbapi_connection).__module__.startswith("sqlcipher3"):
        dbapi_connection.execute("PRAGMA synchronous = OFF")


@pytest.fixture
def durable_writes() -> Iterator[None]:
    """Connections made during this test keep the program's own ``synchronous = FULL``."""
    QUICK_WRITES["on"] = False
    yield
    QUICK_WRITES["on"] = True


@pytest.fixture(autouse=True, scope="session")
def _cheap_costs() -> Iterator[None]:
    """New password hashes and key slots are cheap in tests (the program never switches)."""
    previous = costs.use(CHEAP_COSTS)
    yield
    costs.use(previous)


@pytest.fixture(autouse=True, scope="session")
def _migration_scripts_read_once() -> Iterator[None]:
    """Alembic reads every migration script again for each ``ScriptDirectory`` it makes, and
    ``caseplan.storage.migrate`` makes one for each step of an upgrade and for each database
    it opens (to know the head): up to a second for every new database. The scripts do not
    change while the tests run, so each test process reads them once. What runs against the
    databases is the same."""
    made: dict[tuple[str | None, str | None], ScriptDirectory] = {}
    from_config = ScriptDirectory.from_config.__func__  # type: ignore[attr-defined]

    def read_once(cls: type[ScriptDirectory], config: Config) -> ScriptDirectory:
        where = (
            config.get_main_option("script_location"),
            config.get_main_option("version_locations"),
        )
        if where not in made:
            made[where] = from_config(cls, config)
        return made[where]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ScriptDirectory, "from_config", classmethod(read_once))
        yield


@pytest.fixture
def real_costs() -> Iterator[costs.Costs]:
    """The real Argon2id settings, for the tests that check them on purpose."""
    previous = costs.use(costs.REAL)
    yield costs.REAL
    costs.use(previous)


@pytest.fixture(autouse=True)
def _no_real_keyring() -> Iterator[None]:
    """Like a headless Linux machine: no keyring, so the real one is never touched."""
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def _login_roles_one_test_at_a_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Login roles belong to the whole PostgreSQL server, and tests name their accounts
    alike (kari, tone, …). A test that makes one takes a server-wide advisory lock first and
    holds it until it has ended, so a test in another xdist worker (or another run against
    the same server) never changes the password or role of a login this test signs in with.
    Tests that make no login roles (most of them) never wait."""
    held: list[Any] = []
    make_login = server_logins.make_login
    taking = threading.Lock()  # a test's threads share its one server lock

    def make_login_alone(connection: Any, username: str, password: str, role: str) -> None:
        with taking:
            if not held:
                take(os.environ.get(PG_ENV) or connection.engine.url)
        make_login(connection, username, password, role)

    def take(url: Any) -> None:
        if not held:
            engine = create_engine(url, poolclass=NullPool)
            lock = engine.connect()
            lock.execute(text("SELECT pg_advisory_lock(:key)"), {"key": LOGIN_ROLES_LOCK})
            lock.commit()
            held.extend((engine, lock))

    monkeypatch.setattr(server_logins, "make_login", make_login_alone)
    yield
    if held:
        engine, lock = held
        lock.close()  # ends the session, and with it the lock
        engine.dispose()


@pytest.fixture
def open_db() -> Callable[[Location | Path | str], Database]:
    """Open another database in a test (e.g. a second, empty one)."""
    return open_test_database


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    open_test_database(path).close()
    return path


def _postgres_admin_url() -> str | None:
    url = os.environ.get(PG_ENV)
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{PG_ENV} is not set, but CI must run the PostgreSQL tests.")
        return None
    return url


@pytest.fixture(scope="session")
def _postgres_template() -> Iterator[str | None]:
    url = _postgres_admin_url()
    if url is None:
        yield None
        return
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {PG_TEMPLATE}"))
        connection.execute(text(f"CREATE DATABASE {PG_TEMPLATE}"))
    template_url = make_url(url).set(database=PG_TEMPLATE)
    open_test_database(template_url.render_as_string(hide_password=False)).close()
    yield url
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {PG_TEMPLATE} WITH (FORCE)"))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def location(
    request: pytest.FixtureRequest, tmp_path: Path, _sqlite_template: Path
) -> Iterator[Location]:
    """A fresh, migrated, empty database location; each test runs on SQLite and PostgreSQL."""
    if request.param == "sqlite":
        path = tmp_path / "caseplan.db"
        shutil.copyfile(_sqlite_template, path)
        yield resolve(str(path))
        return
    databases: _ServerDatabases | None = request.getfixturevalue("_server_databases")
    if databases is None:
        pytest.skip(f"no PostgreSQL server: set {PG_ENV} (see .ci/start-postgres)")
    name = databases.take()
    try:
        yield resolve(databases.url_of(name))
    finally:
        databases.give_back(name)


class _ServerDatabases:
    """Fresh copies of the migrated template on the server, made and dropped by a thread
    beside the tests: the next test's database is made while this test runs, and a used one
    is dropped while the next runs (each ``CREATE DATABASE`` copies the whole catalogue, so
    the tests no longer wait for it)."""

    def __init__(self, admin_url: str) -> None:
        self.admin_url = admin_url
        self.admin = create_engine(admin_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        self.thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="test-databases")
        self.ahead: list[Future[str]] = []
        self.dropped: list[Future[None]] = []

    def url_of(self, name: str) -> str:
        return make_url(self.admin_url).set(database=name).render_as_string(hide_password=False)

    def _create(self) -> str:
        name = f"caseplan_test_{uuid.uuid4().hex[:12]}"
        with self.admin.connect() as connection:
            connection.execute(text(f"CREATE DATABASE {name} TEMPLATE {PG_TEMPLATE}"))
        return name

    def _drop(self, name: str) -> None:
        with self.admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))

    def take(self) -> str:
        if not self.ahead:
            self.ahead.append(self.thread.submit(self._create))
        name = self.ahead.pop(0).result()
        self.ahead.append(self.thread.submit(self._create))  # the next test's
        return name

    def give_back(self, name: str) -> None:
        self.dropped.append(self.thread.submit(self._drop, name))

    def close(self) -> None:
        for made in self.ahead:
            self._drop(made.result())
        for dropped in self.dropped:
            dropped.result()
        self.thread.shutdown()
        self.admin.dispose()


@pytest.fixture(scope="session")
def _server_databases(_postgres_template: str | None) -> Iterator[_ServerDatabases | None]:
    if _postgres_template is None:
        yield None
        return
    databases = _ServerDatabases(_postgres_template)
    yield databases
    databases.close()


@pytest.fixture(scope="session")
def templates(
    tmp_path_factory: pytest.TempPathFactory, _sqlite_template: Path
) -> Iterator[Templates]:
    made = Templates(tmp_path_factory.mktemp("filled"), _sqlite_template, PG_TEMPLATE)
    yield made
    made.drop()


@pytest.fixture
def db(location: Location) -> Iterator[Database]:
    """An open, empty database on each backend."""
    database = open_test_database(location)
    yield database
    database.close()


@pytest.fixture
def sqlite_db(tmp_path: Path, _sqlite_template: Path) -> Iterator[Database]:
    """An open, empty embedded database, for tests about SQLite files themselves."""
    path = tmp_path / "caseplan.db"
    shutil.copyfile(_sqlite_template, path)
    database = open_test_database(path)
    yield database
    database.close()
