"""The peer hours report as CSV, for a spreadsheet in a Norwegian office.

UTF-8 with a byte-order mark (so Excel and LibreOffice read æ, ø, å and Sámi letters right),
``;`` between fields (the list separator of Norwegian spreadsheets), CRLF line ends.

Three blocks, each with its own header row, an empty line between them:

1. one row per peer × person: the data to sum, pivot or filter;
2. the totals: one row per peer and one for everyone — kept apart, so that summing a
   column of the first block gives the true figure, not three times it;
3. contributions imported from a file that a team lead has not accepted yet, with where
   they came from: not counted anywhere above.

A peer is one identity (an account, or one team member), never a name: the "identity"
column tells two peers with the same name apart. Paid minutes of a peer the clinic does not
know (no account, not verified) are in "held paid minutes", not in "paid minutes".

Headers are Norwegian by default, English with ``language="en"``. Minutes are whole
numbers and exact; hours are a decimal number (two decimals, a decimal comma in Norwegian:
``2,25``) that a spreadsheet reads as a number — never ``h:mm``, which spreadsheets turn
into a clock time. Text cells that a spreadsheet would run as a formula (starting with
``=``, ``+``, ``-``, ``@``) get a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
from decimal import ROUND_HALF_UP, Decimal
from typing import Final

from caseplan.reports.i18n import screen_word
from caseplan.services.peers.peer_hours import PeerHours, PeerHoursReport

ENCODING: Final = "utf-8-sig"
DELIMITER: Final = ";"

#: key -> (English, Norwegian bokmål)
_WORDS: Final[dict[str, tuple[str, str]]] = {
    "peer": ("Peer", "Likeperson"),
    "organisation": ("Organisation", "Organisasjon"),
    "identity": ("Identity", "Identitet"),
    "held_minutes": (
        "Held paid minutes (peer not verified)",
        "Holdte betalte minutter (likeperson ikke bekreftet)",
    ),
    "account": ("account {name}", "konto {name}"),
    "verified": ("verified by a team lead", "bekreftet av teamleder"),
    "unknown": ("no account, not verified", "ingen konto, ikke bekreftet"),
    "waiting": (
        "Imported, waiting for a team lead (not counted)",
        "Importert, venter på teamleder (ikke talt med)",
    ),
    "date": ("Date", "Dato"),
    "origin": ("Origin", "Opphav"),
    "imported": (
        "imported from a file on {date} by {account}",
        "importert fra en fil {date} av {account}",
    ),
    "engagement": ("Engagement", "Engasjement"),
    "person": ("Person supported", "Person som fikk støtte"),
    "contributions": ("Contributions", "Bidrag"),
    "minutes": ("Minutes", "Minutter"),
    "paid_minutes": ("Paid minutes", "Betalte minutter"),
    "hours": ("Hours", "Timer"),
    "paid_hours": ("Paid hours", "Betalte timer"),
    "total": ("Total", "Sum"),
    "people_supported": ("People supported", "Personer som fikk støtte"),
    "peer_total": ("Total for the peer", "Sum for likepersonen"),
    "grand_total": ("Total, all peers", "Sum, alle likepersoner"),
    "paid": ("paid by the service", "betalt av tjenesten"),
    "volunteer": ("volunteer", "frivillig"),
    "none": ("", ""),
}

DATA_COLUMNS: Final = (
    "peer",
    "organisation",
    "identity",
    "engagement",
    "person",
    "contributions",
    "minutes",
    "paid_minutes",
    "hours",
    "paid_hours",
    "held_minutes",
)
TOTAL_COLUMNS: Final = (
    "total",
    "peer",
    "identity",
    "contributions",
    "minutes",
    "paid_minutes",
    "hours",
    "paid_hours",
    "people_supported",
    "held_minutes",
)
WAITING_COLUMNS: Final = (
    "waiting",
    "peer",
    "organisation",
    "person",
    "date",
    "minutes",
    "paid_minutes",
    "origin",
)


def _word(key: str, language: str) -> str:
    return screen_word(_WORDS, key, language)


def _cell(text: str) -> str:
    """User text as a spreadsheet cell that never runs as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def identity(peer: PeerHours, language: str) -> str:
    """Who the peer is to the clinic: their account, verified, or neither (with the id)."""
    if peer.account:
        return _word("account", language).format(name=peer.account)
    word = _word("verified" if peer.verified else "unknown", language)
    return f"{word} ({peer.key.partition(':')[2][:8]})"


def decimal_hours(minutes: int, language: str) -> str:
    """Minutes as hours with two decimals: ``2,25`` (Norwegian) or ``2.25`` (English)."""
    hours = (Decimal(minutes) / 60).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    text = f"{hours:.2f}"
    return text if language == "en" else text.replace(".", ",")


def peer_hours_csv(report: PeerHoursReport, language: str = "nb") -> bytes:
    """The report as CSV (see the module's docstring for the format)."""
    lang = "en" if language == "en" else "nb"
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow([_word(key, lang) for key in DATA_COLUMNS])
    for peer in report.peers:
        for row in peer.people:
            writer.writerow(
                (
                    _cell(peer.name),
                    _cell(peer.organisation),
                    _cell(identity(peer, lang)),
                    _word(str(row.engagement), lang),
                    _cell(row.person_name),
                    row.contributions,
                    row.minutes,
                    row.paid_minutes,
                    decimal_hours(row.minutes, lang),
                    decimal_hours(row.paid_minutes, lang),
                    row.held_minutes,
                )
            )
    writer.writerow(())
    writer.writerow([_word(key, lang) for key in TOTAL_COLUMNS])
    for peer in report.peers:
        writer.writerow(
            (
                _word("peer_total", lang),
                _cell(peer.name),
                _cell(identity(peer, lang)),
                peer.contributions,
                peer.minutes,
                peer.paid_minutes,
                decimal_hours(peer.minutes, lang),
                decimal_hours(peer.paid_minutes, lang),
                len(peer.people),
                peer.held_minutes,
            )
        )
    writer.writerow(
        (
            _word("grand_total", lang),
            "",
            "",
            report.contributions,
            report.minutes,
            report.paid_minutes,
            decimal_hours(report.minutes, lang),
            decimal_hours(report.paid_minutes, lang),
            report.people_supported,
            sum(peer.held_minutes for peer in report.peers),
        )
    )
    writer.writerow(())
    writer.writerow([_word(key, lang) for key in WAITING_COLUMNS])
    for waiting in report.waiting:
        writer.writerow(
            (
                "",
                _cell(waiting.peer_name),
                _cell(waiting.organisation),
                _cell(waiting.person_name),
                waiting.date.isoformat(),
                waiting.minutes,
                waiting.paid_minutes,
                _cell(
                    _word("imported", lang).format(
                        date=waiting.imported_on.isoformat(), account=waiting.imported_by
                    )
                ),
            )
        )
    return buffer.getvalue().encode(ENCODING)
