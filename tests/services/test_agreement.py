"""Agreeing a plan: versions 1, 2, …, the plan agreed, the meeting kept, signatures kept."""

from __future__ import annotations

import json
import struct
import uuid
import zlib
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from caseplan.demo import generator
from caseplan.errors import AccessDenied, Conflict, InvalidInput
from caseplan.models import AuditEvent, LifeDomain, ParticipantRole, PlanStatus, PlanVersion, Role
from caseplan.services.agreement import agreement
from caseplan.services.context import Actor, Context
from caseplan.services.exchange import exchange
from caseplan.services.exchange.differences import differences
from caseplan.services.meetings import meetings
from caseplan.services.people import people
from caseplan.services.plans import goals, plans
from caseplan.services.team import team
from caseplan.storage.database import Database

DAY = date(2026, 3, 2)


def png(width: int = 8, height: int = 4, noise: bytes = b"") -> bytes:
    """A tiny one-bit PNG (optionally with noise rows to make it large)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\xff" * ((width + 7) // 8) for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    extra = chunk(b"tEXt", b"n\x00" + noise) if noise else b""
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + extra
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


class Plan:
    def __init__(self, db: Database) -> None:
        self.ctx = Context(db.sessions, today=lambda: DAY)
        person = people.create_person(self.ctx, "Kari Nordmann", what_matters="Å bo trygt.")
        self.person_id = person.id
        self.plan = plans.open_plan(self.ctx, person.id, next_review=date(2026, 6, 1))
        self.me = team.add_participant(
            self.ctx, self.plan.id, ParticipantRole.PERSON, "Kari Nordmann"
        ).id
        self.ola = team.add_participant(
            self.ctx, self.plan.id, ParticipantRole.COORDINATOR, "Ola Hansen", phone="22 00 00 01"
        ).id
        self.goal = goals.add_goal(
            self.ctx,
            self.plan.id,
            LifeDomain.HOUSING,
            "Jeg vil ha min egen leilighet.",
            worker_note="Intern merknad om husleie.",
        )
        goals.add_step(self.ctx, self.goal.id, "Søke om bolig.", responsible_id=self.ola)

    @property
    def version(self) -> int:
        return plans.get_plan(self.ctx, self.plan.id).version


def test_agreeing_makes_version_one_then_two_agreed_and_a_meeting(db: Database) -> None:
    p = Plan(db)
    first = agreement.agree_plan(
        p.ctx,
        p.plan.id,
        p.version,
        [p.me, p.ola],
        {p.me: "signature", p.ola: "paper"},
        {p.me: png()},
        DAY,
    )
    assert (first.number, first.agreed_on) == (1, DAY)
    assert first.agreed_by == (str(p.me), str(p.ola))
    assert first.agreed_how == {str(p.me): "signature", str(p.ola): "paper"}
    assert first.signatures == {str(p.me): png()}
    assert plans.get_plan(p.ctx, p.plan.id).status == PlanStatus.AGREED
    snapshot = first.snapshot
    assert snapshot["about_me"]["what_matters"] == "Å bo trygt."
    assert [g["own_words"] for g in snapshot["goals"]] == ["Jeg vil ha min egen leilighet."]
    assert snapshot["goals"][0]["steps"][0]["action"] == "Søke om bolig."
    assert [t["name"] for t in snapshot["participants"]] == ["Kari Nordmann", "Ola Hansen"]
    assert "Intern merknad" not in json.dumps(snapshot, ensure_ascii=False)

    goals.add_goal(p.ctx, p.plan.id, LifeDomain.WORK_AND_ACTIVITY, "Få en jobb.")
    second = agreement.agree_plan(
        p.ctx, p.plan.id, p.version, [p.me], {p.me: "paper"}, {}, date(2026, 4, 1)
    )
    assert second.number == 2
    assert len(second.snapshot["goals"]) == 2
    assert [v.number for v in agreement.list_versions(p.ctx, p.plan.id)] == [1, 2]
    agreed = [m for m in meetings.list_meetings(p.ctx, p.plan.id) if m.agreed]
    assert [(m.date, len(m.attendee_ids)) for m in agreed] == [
        (DAY, 2),
        (date(2026, 4, 1), 1),
    ]
    with p.ctx.read() as session:
        details = session.scalars(
            select(AuditEvent.detail).where(AuditEvent.entity == "plan_version")
        ).all()
    assert details == ["version 1, present 2, signed 1", "version 2, present 1, signed 0"]


def test_a_version_is_never_changed(db: Database) -> None:
    p = Plan(db)
    agreement.agree_plan(p.ctx, p.plan.id, p.version, [p.me], {p.me: "paper"}, {}, DAY)
    with pytest.raises(ValueError), p.ctx.write() as session:
        version = session.scalars(select(PlanVersion)).one()
        version.agreed_on = date(2020, 1, 1)
        session.flush()


def test_agreeing_refuses_what_would_be_wrong(db: Database) -> None:
    p = Plan(db)
    v = p.version
    with pytest.raises(InvalidInput, match="Tick who is present"):
        agreement.agree_plan(p.ctx, p.plan.id, v, [], {}, {}, DAY)
    with pytest.raises(InvalidInput, match="Kari Nordmann must be present"):
        agreement.agree_plan(p.ctx, p.plan.id, v, [p.ola], {p.ola: "paper"}, {}, DAY)
    with pytest.raises(InvalidInput, match="Say whether Ola Hansen signs"):
        agreement.agree_plan(p.ctx, p.plan.id, v, [p.me, p.ola], {p.me: "paper"}, {}, DAY)
    with pytest.raises(InvalidInput, match="Kari Nordmann has not signed yet"):
        agreement.agree_plan(p.ctx, p.plan.id, v, [p.me], {p.me: "signature"}, {}, DAY)
    with pytest.raises(InvalidInput, match="not a picture"):
        agreement.agree_plan(
            p.ctx, p.plan.id, v, [p.me], {p.me: "signature"}, {p.me: b"GIF89a"}, DAY
        )
    with pytest.raises(InvalidInput, match="too large to keep"):
        agreement.agree_plan(
            p.ctx,
            p.plan.id,
            v,
            [p.me],
            {p.me: "signature"},
            {p.me: png(noise=b"x" * 16_000)},
            DAY,
        )
    with pytest.raises(InvalidInput, match="not on this person's team"):
        agreement.agree_plan(p.ctx, p.plan.id, v, [uuid.uuid4()], {}, {}, DAY)
    with pytest.raises(Conflict):
        agreement.agree_plan(p.ctx, p.plan.id, v - 1, [p.me], {p.me: "paper"}, {}, DAY)
    assert agreement.list_versions(p.ctx, p.plan.id) == []
    assert plans.get_plan(p.ctx, p.plan.id).status == PlanStatus.DRAFT
    assert not [m for m in meetings.list_meetings(p.ctx, p.plan.id) if m.agreed]


def test_a_peer_worker_cannot_agree(db: Database) -> None:
    p = Plan(db)
    peer = Context(db.sessions, actor=Actor(uuid.uuid4(), "peer", Role.PEER_WORKER))
    with pytest.raises(AccessDenied):
        agreement.agree_plan(peer, p.plan.id, p.version, [p.me], {p.me: "paper"}, {}, DAY)
    assert agreement.list_versions(p.ctx, p.plan.id) == []


def test_a_signed_version_exports_and_imports_again(db: Database) -> None:
    p = Plan(db)
    agreement.agree_plan(
        p.ctx, p.plan.id, p.version, [p.me], {p.me: "signature"}, {p.me: png(400, 120)}, DAY
    )
    data = exchange.export_person(p.ctx, p.person_id)
    document = exchange.read_document(data)  # the snapshot passes the import's checks
    assert document.person.id == p.person_id


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(words=st.text(st.characters(codec="utf-8", categories=["L", "N", "P", "Zs"]), min_size=1))
def test_the_persons_words_are_kept_exactly(sqlite_db: Database, words: str) -> None:
    ctx = Context(sqlite_db.sessions, today=lambda: DAY)
    person = people.create_person(ctx, "Sigrid Lund")
    plan = plans.open_plan(ctx, person.id)
    me = team.add_participant(ctx, plan.id, ParticipantRole.PERSON, "Sigrid Lund").id
    try:
        goal = goals.add_goal(ctx, plan.id, LifeDomain.OTHER, words)
    except InvalidInput:
        return  # e.g. only blanks: the goal service refuses it, nothing to agree
    version = agreement.agree_plan(ctx, plan.id, None, [me], {me: "paper"}, {}, DAY)
    assert version.snapshot["goals"][0]["own_words"] == goal.own_words


def test_demo_versions_are_the_snapshot_agreeing_would_make(db: Database) -> None:
    ctx = Context(db.sessions, today=lambda: DAY)
    generator.create_demo(ctx, 12, seed=3)
    with ctx.read() as session:
        versions = session.scalars(select(PlanVersion)).all()
        assert versions
        changed = 0
        for version in versions:
            plan = session.get(plans.Plan, version.plan_id)
            assert plan is not None
            expected = agreement.plan_snapshot(session, plan.person_id, plan.id)
            stored = dict(version.snapshot)
            assert set(stored.pop("agreed_how").values()) == {"paper"}
            assert stored.pop("signatures") == {}
            assert version.number == 1
            if plan.status == PlanStatus.DRAFT:
                # changed since agreed: a goal came after version 1, nothing else
                changed += 1
                kinds = {d.kind for d in differences(version.snapshot, expected)}
                assert kinds == {"goal_added"}
                continue
            assert plan.status == PlanStatus.AGREED
            assert json.loads(json.dumps(stored)) == json.loads(json.dumps(expected))
    assert changed > 0
