"""The peer hours CSV read back as LibreOffice Calc with Norwegian settings reads it: fields
split at ``;``, a number is digits with a decimal comma, ``h:mm`` would become a clock time.
Summing a column of the data block gives the total in the totals block."""

from __future__ import annotations

import csv
import io
import re
import uuid
from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from caseplan.models import PeerEngagement
from caseplan.reports.peer_hours_csv import decimal_hours, peer_hours_csv
from caseplan.services.peers.peer_hours import PeerHours, PeerHoursReport, PersonHours

NUMBER_NB = re.compile(r"^-?\d+(,\d+)?$")  # what nb_NO Calc takes for a number
CLOCK = re.compile(r"^\d{1,3}:\d{2}(:\d{2})?$")  # what it would turn into a time
DATE = re.compile(r"^\d{1,4}[./-]\d{1,2}([./-]\d{1,4})?$")


def calc_nb(cell: str) -> Decimal | str:
    """A cell as Calc with Norwegian (bokmål) locale settings takes it."""
    assert not CLOCK.match(cell), f"{cell!r} would become a clock time"
    assert not DATE.match(cell), f"{cell!r} would become a date"
    if NUMBER_NB.match(cell):
        return Decimal(cell.replace(",", "."))
    return cell


def read_like_calc(data: bytes) -> list[list[list[Decimal | str]]]:
    """Blocks of rows of cells, the header row first in each block."""
    text = data.decode("utf-8-sig")
    blocks: list[list[list[Decimal | str]]] = [[]]
    for row in csv.reader(io.StringIO(text, newline=""), delimiter=";"):
        if not row:
            blocks.append([])
            continue
        blocks[-1].append([calc_nb(cell) for cell in row])
    return [block for block in blocks if block]


def _report(peers: list[tuple[str, list[tuple[str, int, int, int]]]]) -> PeerHoursReport:
    built = []
    for name, rows in peers:
        people = tuple(
            PersonHours(
                uuid.uuid5(uuid.NAMESPACE_OID, person),
                person,
                PeerEngagement.PAID,
                count,
                minutes,
                paid,
            )
            for person, count, minutes, paid in rows
        )
        built.append(PeerHours(name, name, "Likepersonsenteret", PeerEngagement.PAID, people))
    return PeerHoursReport(
        date(2026, 3, 1), date(2026, 3, 31), "Lea Leder", date(2026, 4, 1), tuple(built)
    )


def test_norwegian_headers_decimal_hours_and_a_separate_totals_block() -> None:
    report = _report(
        [
            ("Ánde Čoavddáš", [("Kari Nordmann", 3, 152, 140), ("Ola Nordmann", 1, 785, 785)]),
            ("Siri Lie", [("Kari Nordmann", 2, 95, 0)]),
        ]
    )
    data, totals, waiting = read_like_calc(peer_hours_csv(report))
    header, *rows = data
    assert header == [
        "Likeperson", "Organisasjon", "Identitet", "Engasjement", "Person som fikk støtte",
        "Bidrag", "Minutter", "Betalte minutter", "Timer", "Betalte timer",
        "Holdte betalte minutter (likeperson ikke bekreftet)",
    ]  # fmt: skip
    assert rows[1][4:] == ["Ola Nordmann", 1, 785, 785, Decimal("13.08"), Decimal("13.08"), 0]
    assert waiting == [[
        "Importert, venter på teamleder (ikke talt med)", "Likeperson", "Organisasjon",
        "Person som fikk støtte", "Dato", "Minutter", "Betalte minutter", "Opphav",
    ]]  # fmt: skip
    column = header.index("Betalte minutter")
    total_header, *total_rows = totals
    grand = total_rows[-1]
    assert grand[0] == "Sum, alle likepersoner"
    assert sum(row[column] for row in rows) == grand[total_header.index("Betalte minutter")] == 925
    paid = total_header.index("Betalte minutter")
    assert sum(row[paid] for row in total_rows[:-1]) == 925
    assert grand[total_header.index("Betalte timer")] == Decimal("15.42")
    assert grand[total_header.index("Personer som fikk støtte")] == 2
    english = peer_hours_csv(report, "en").decode("utf-8-sig")
    assert english.startswith(
        "Peer;Organisation;Identity;Engagement;Person supported;Contributions;"
    )
    assert ";13.08;" in english and "Total, all peers" in english


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=100_000_000))
def test_hours_are_the_minutes_to_two_decimals(minutes: int) -> None:
    text = decimal_hours(minutes, "nb")
    assert NUMBER_NB.match(text) and not CLOCK.match(text)
    assert abs(Decimal(text.replace(",", ".")) * 60 - minutes) <= Decimal("0.3")
    assert decimal_hours(minutes, "en") == text.replace(",", ".")


names = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=30
).filter(lambda s: s.strip() == s and s)


def _unguard(cell: str) -> str:
    """A text cell without the apostrophe that keeps a formula-like text from running."""
    if cell[:1] == "'" and cell[1:2] in ("=", "+", "-", "@", "\t", "\r"):
        return cell[1:]
    return cell


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(names, names, st.integers(0, 5000)), min_size=1, max_size=6))
def test_any_name_reads_back_whole_and_the_sums_hold(rows: list[tuple[str, str, int]]) -> None:
    report = _report([(peer, [(person, 1, minutes, minutes)]) for peer, person, minutes in rows])
    text = peer_hours_csv(report).decode("utf-8-sig")
    data_block, totals_block, _waiting = text.split("\r\n\r\n")
    data = list(csv.reader(io.StringIO(data_block, newline=""), delimiter=";"))[1:]
    assert [(_unguard(r[0]), _unguard(r[4])) for r in data] == [
        (peer, person) for peer, person, _ in rows
    ]
    totals = list(csv.reader(io.StringIO(totals_block, newline=""), delimiter=";"))
    assert sum(int(r[7]) for r in data) == int(totals[-1][5]) == sum(m for *_, m in rows)
