"""A rich fictional ``caseplan.person/1`` document for the report tests (all names invented)."""

from __future__ import annotations

import copy
from typing import Any

LONG_WHAT_MATTERS = (
    "Det viktigste for meg er å ha et eget sted å bo der jeg kan lukke døra og være i fred. "
    "Jeg vil at datteren min skal kunne besøke meg annenhver helg, og at vi kan lage middag "
    "sammen. Jeg savner fjellet og reinflokken til onkelen min i Kautokeino. "
) * 12

WORKER_NOTES = (
    "INTERN-ARBEIDSNOTAT-GOAL-Ø1 mistenker tilbakefall",
    "INTERN-ARBEIDSNOTAT-STEP-Å2 ring NAV uten å si fra",
    "INTERN-ARBEIDSNOTAT-MEETING-Æ3 virket ruset",
)

IDS = {
    "person": "9f1c2d4e-0000-4000-8000-00000000p001",
    "plan": "9f1c2d4e-0000-4000-8000-00000000plan",
    "me": "9f1c2d4e-0000-4000-8000-000000000me1",
    "coord": "9f1c2d4e-0000-4000-8000-00000000co01",
    "peer": "9f1c2d4e-0000-4000-8000-00000000pe01",
    "gp": "9f1c2d4e-0000-4000-8000-00000000gp01",
    "sister": "9f1c2d4e-0000-4000-8000-00000000si01",
}


def _step(n: int, action: str, who: str, due: str, status: str = "planned") -> dict[str, Any]:
    return {
        "id": f"9f1c2d4e-0000-4000-8000-0000step{n:04d}",
        "action": action,
        "responsible": IDS[who],
        "due": due,
        "status": status,
        "worker_note": WORKER_NOTES[1] if n == 1 else "",
    }


GOAL = "9f1c2d4e-0000-4000-8000-00000goal{:04d}"
#: Two reviews of the open plan: the person's ratings, the coordinator's apart, and the
#: person's words and a decision for the first goal.
REVIEWS: list[dict[str, Any]] = [
    {
        "id": "r1",
        "date": "2026-06-01",
        "attendees": [IDS["me"], IDS["coord"]],
        "ratings": [
            {"goal": GOAL.format(1), "by": IDS["me"], "score": 3},
            {"goal": GOAL.format(1), "by": IDS["coord"], "score": 4},
            {"goal": GOAL.format(2), "by": IDS["me"], "score": 6},
        ],
        "goals": [],
        "what_helped": "",
        "what_got_in_the_way": "",
        "next_review": "2026-09-01",
    },
    {
        "id": "r2",
        "date": "2026-09-01",
        "attendees": [IDS["me"], IDS["coord"]],
        "ratings": [
            {"goal": GOAL.format(1), "by": IDS["me"], "score": 7},
            {"goal": GOAL.format(1), "by": IDS["coord"], "score": 6},
        ],
        "goals": [
            {
                "goal": GOAL.format(1),
                "what_helped": "At Åse ringte boligkontoret sammen med meg.",
                "what_got_in_the_way": "Ventelista – og at jeg var syk i august.",
                "decision": "keep",
            }
        ],
        "what_helped": "",
        "what_got_in_the_way": "",
        "next_review": "2027-01-20",
    },
]


def rich_document() -> dict[str, Any]:
    """Norwegian, Sámi and English names, long texts, a goal with 40 steps, a peer, two versions."""
    forty = [
        _step(
            100 + i,
            f"Delmål {i + 1}: gå en tur på {i + 10} minutter med Máret og skrive "
            f"det ned i dagboka (uke {i + 1})",
            "peer" if i % 3 == 0 else "me",
            f"2027-{(i % 12) + 1:02d}-{(i % 27) + 1:02d}",
        )
        for i in range(40)
    ]
    goals = [
        {
            "id": "9f1c2d4e-0000-4000-8000-00000goal0001",
            "domain": "housing",
            "own_words": "Jeg vil ha min egen leilighet i Tromsø før vinteren – med plass til "
            "Sárá når hun kommer på besøk.",
            "worker_note": WORKER_NOTES[0],
            "status": "active",
            "target_date": "2027-10-01",
            "steps": [
                _step(
                    1,
                    "Søke om kommunal bolig sammen med Åse Ødegård på boligkontoret",
                    "coord",
                    "2026-12-15",
                    "in_progress",
                ),
                _step(
                    2,
                    "Be om et brev fra legen om at jeg trenger ro og eget bad",
                    "gp",
                    "2027-01-10",
                ),
                _step(3, "Se på leiligheter på Finn.no hver søndag", "me", "2027-02-01", "done"),
            ],
        },
        {
            "id": "9f1c2d4e-0000-4000-8000-00000goal0002",
            "domain": "physical_health",
            "own_words": "Komme meg ut hver dag og få bedre kondis, så jeg orker å gå på "
            "fjellet med onkel Ŋuolja i påsken.",
            "worker_note": "",
            "status": "active",
            "target_date": "2027-04-01",
            "steps": forty,
        },
        {
            "id": "9f1c2d4e-0000-4000-8000-00000goal0003",
            "domain": "substance_use",
            "own_words": "Ikke drikke på hverdager. Å ha en plan for fredagene (<ikke> & "
            '"aldri" alene).',
            "worker_note": "",
            "status": "active",
            "target_date": None,
            "steps": [
                _step(
                    4, "Ringe Ánde Čoavddáš når suget kommer, også om natta", "peer", "2026-12-31"
                ),
                _step(5, "Gå på samtalegruppe på Vardehuset torsdager kl. 18", "me", "2027-01-15"),
            ],
        },
        {
            "id": "9f1c2d4e-0000-4000-8000-00000goal0004",
            "domain": "family_and_children",
            "own_words": "Være en trygg mamma for Sárá. " + "Det betyr at jeg er der, hver "
            "gang, og at hun kan stole på meg. " * 20,
            "worker_note": "",
            "status": "active",
            "target_date": "2027-06-30",
            "steps": [
                _step(
                    6,
                    "Avtale fast samvær med barnevernet – Mathilde O'Brien-Øvergård er "
                    "kontaktperson",
                    "coord",
                    "2027-02-20",
                ),
            ],
        },
    ]
    participants = [
        {
            "id": IDS["me"],
            "role": "person",
            "name": "Ása Máret Ŋuolja Gaup",
            "organisation": "",
            "phone": "+47 912 34 567",
            "email": "",
            "consent": {"granted_on": "2026-03-01", "expires_on": None, "scope": "full_plan"},
        },
        {
            "id": IDS["coord"],
            "role": "coordinator",
            "name": "Åse Ødegård",
            "organisation": "Tromsø kommune, rus- og psykisk helsetjeneste",
            "phone": "+47 77 79 00 00",
            "email": "ase.odegard@example.org",
            "consent": {
                "granted_on": "2026-03-01",
                "expires_on": "2027-03-01",
                "scope": "full_plan",
            },
        },
        {
            "id": IDS["peer"],
            "role": "peer",
            "name": "Ánde Čoavddáš",
            "organisation": "Erfaringssentrum Nord",
            "phone": "+47 400 11 222",
            "email": "ande@example.org",
            "offers": "Har selv vært gjennom LAR. Kan bli med på NAV og boligkontoret.",
            "availability": "Hverdager 9–15, og torsdag kveld",
            "consent": {
                "granted_on": "2026-03-01",
                "expires_on": "2026-12-31",
                "scope": "own_part",
            },
        },
        {
            "id": IDS["gp"],
            "role": "service",
            "name": "Dr. Siobhan O'Neill",
            "organisation": "Storgata legesenter",
            "phone": "+47 77 60 60 60",
            "email": "",
            "consent": {
                "granted_on": "2026-03-01",
                "expires_on": "2027-03-01",
                "scope": "crisis_plan",
            },
        },
        {
            "id": IDS["sister"],
            "role": "network",
            "name": "Đenis Šimić Žunić",
            "organisation": "",
            "phone": "+47 988 77 666",
            "email": "",
            "consent": {"granted_on": None, "expires_on": None, "scope": "none"},
        },
    ]
    old_goals = [
        *copy.deepcopy(goals[:1]),
        {
            "id": "9f1c2d4e-0000-4000-8000-00000goal0009",
            "domain": "work_and_activity",
            "own_words": "Begynne i arbeidstrening på snekkerverkstedet",
            "worker_note": "",
            "status": "active",
            "target_date": None,
            "steps": [],
        },
    ]
    old_goals[0]["own_words"] = "Jeg vil ha min egen leilighet i Tromsø."
    old_goals[0]["steps"] = [
        *old_goals[0]["steps"][:1],
        _step(90, "Flytte inn hos søsteren min en stund", "sister", "2026-05-01"),
    ]
    return {
        "format": "caseplan.person/1",
        "person": {
            "id": IDS["person"],
            "full_name": "Ása Máret Ŋuolja Gaup",
            "preferred_name": "Ása",
            "date_of_birth": "1988-02-29",
            "preferred_language": "nb",
            "about_me": {
                "what_matters": LONG_WHAT_MATTERS.strip(),
                "strengths": "Jeg er sta på en god måte.\nJeg er flink med hender – kan joike, "
                "sy og fikse sykler.",
                "what_helps": "At folk sier det rett ut. Kaffe først, så prat.",
                "what_does_not_help": "Når noen snakker over hodet på meg eller bare til "
                "Sárá's far.",
                "how_i_want_to_be_met": "Som en voksen som vet hva jeg trenger. Gjerne på "
                "samisk (davvisámegiella) når det går.",
            },
        },
        "plans": [
            {
                "id": "9f1c2d4e-0000-4000-8000-0000oldplan01",
                "status": "closed",
                "period_start": "2024-01-01",
                "period_end": "2025-01-01",
                "next_review": None,
                "coordinator": None,
                "participants": [],
                "goals": [
                    {
                        "id": "x",
                        "domain": "legal",
                        "own_words": "GAMMEL-LUKKET-PLAN-MÅL",
                        "worker_note": "",
                        "status": "closed",
                        "target_date": None,
                        "steps": [],
                    }
                ],
            },
            {
                "id": IDS["plan"],
                "status": "draft",
                "period_start": "2026-03-01",
                "period_end": "2027-03-01",
                "next_review": "2027-01-20",
                "coordinator": IDS["coord"],
                "participants": participants,
                "goals": goals,
                "peer_contributions": [
                    {
                        "id": "pc1",
                        "peer": IDS["peer"],
                        "date": "2026-10-02",
                        "minutes": 60,
                        "kind": "meeting",
                        "note": "INTERN-BIDRAGSNOTAT",
                        "paid_minutes": 60,
                    },
                    {
                        "id": "pc2",
                        "peer": IDS["peer"],
                        "date": "2026-11-12",
                        "minutes": 30,
                        "kind": "phone_or_message",
                        "note": "",
                        "paid_minutes": 30,
                    },
                ],
                "meetings": [
                    {
                        "id": "m1",
                        "date": "2026-03-01",
                        "attendees": [IDS["me"], IDS["coord"], IDS["peer"]],
                        "shared_notes": "Vi møttes på kontoret.",
                        "worker_note": WORKER_NOTES[2],
                        "agreed": True,
                    },
                ],
                "reviews": copy.deepcopy(REVIEWS),
                "crisis_plan": {
                    "warning_signs": "Jeg slutter å svare på telefonen. Jeg sover hele dagen "
                    "og er våken hele natta.",
                    "triggers": "Brev fra NAV. Bursdagen til Sárá når jeg ikke får se henne.",
                    "what_i_do": "Går ut med bikkja. Ringer Ánde.",
                    "what_others_do": "Kom innom med kaffe. Ikke mas – bare vær der.",
                    "what_does_not_help": "Politi på døra uten at noen har ringt først.",
                    "treatment_wanted": "Samtale med fastlegen samme dag.",
                    "treatment_not_wanted": "Innleggelse langt hjemmefra.",
                    "contacts": [
                        {"name": "Ánde Čoavddáš", "role": "Likeperson", "phone": "+47 400 11 222"},
                        {"name": "Åse Ødegård", "role": "Koordinator", "phone": "+47 77 79 00 00"},
                        {"name": "Legevakta Tromsø", "role": "Legevakt", "phone": "116 117"},
                    ],
                },
                "versions": [
                    {
                        "id": "v1",
                        "number": 1,
                        "agreed_on": "2026-03-01",
                        "agreed_by": [IDS["me"], IDS["coord"]],
                        "snapshot": {"goals": old_goals},
                    },
                ],
            },
        ],
    }


def all_goal_and_step_texts(document: dict[str, Any]) -> list[str]:
    plan = next(p for p in document["plans"] if p["status"] != "closed")
    texts = []
    for goal in plan["goals"]:
        texts.append(goal["own_words"])
        texts.extend(step["action"] for step in goal["steps"])
    return texts
