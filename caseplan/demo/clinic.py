"""A demo clinic: the demo accounts, and fictional people added with the program's own rights."""

from __future__ import annotations

from caseplan.demo.generator import create_demo
from caseplan.errors import AccessDenied, tr_noop
from caseplan.models import Role
from caseplan.services.clinic.settings import is_demo
from caseplan.services.clinic.unlock import NewAccount, OpenClinic, create_clinic
from caseplan.services.context import SYSTEM, Context
from caseplan.storage import keys
from caseplan.storage.location import Location

DEMO_PASSWORD = "demo"
#: The accounts of a demo database, all with the password "demo".
DEMO_ACCOUNTS = (
    NewAccount("admin", "DEMO Administrator", Role.ADMIN, DEMO_PASSWORD),
    NewAccount("demo", "DEMO Practitioner", Role.PRACTITIONER, DEMO_PASSWORD),
    NewAccount("lead", "DEMO Team Lead", Role.TEAM_LEAD, DEMO_PASSWORD),
    NewAccount("peer", "DEMO Peer Worker", Role.PEER_WORKER, DEMO_PASSWORD),
)
#: Who may add fictional people to an existing demo database.
MAY_FILL = frozenset({Role.ADMIN, Role.TEAM_LEAD})


def create_demo_clinic(
    location: Location, people: int, *, seed: int = 1, kdf: keys.KdfParams | None = None
) -> OpenClinic:
    """A new database marked DEMO, with the demo accounts and ``people`` fictional people.

    Returns it signed in as the demo administrator.
    """
    clinic, _recovery = create_clinic(
        location, DEMO_ACCOUNTS[0], more=DEMO_ACCOUNTS[1:], allow_weak=True, kdf=kdf
    )
    try:
        create_demo(Context(clinic.database.sessions, actor=SYSTEM), people, seed=seed)
    except BaseException:
        clinic.close()
        raise
    return clinic


def add_people(clinic: OpenClinic, people: int, *, seed: int = 1) -> int:
    """Add fictional people to an existing demo database, for a team lead or administrator.

    A real clinic's database is refused, so fictional people never mix with real ones.
    """
    actor = clinic.ctx.actor
    if not actor.system and actor.role not in MAY_FILL:
        raise AccessDenied(
            tr_noop("Only a team lead or an administrator can add fictional people.")
        )
    if not is_demo(clinic.ctx):
        raise AccessDenied(
            tr_noop("This is not a demo database, so no fictional people are added to it.")
        )
    return create_demo(Context(clinic.database.sessions, actor=SYSTEM), people, seed=seed)
