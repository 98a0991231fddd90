"""The monthly summary on paper: peer hours per month by peer with names as typed, the
figures in h:mm, DEMO on a demo; and a year without reviews counts in whole reviews."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from caseplan.reports.monthly_summary import Summary, render_summary
from caseplan.services.overview.charts import Month, PeerHoursChart, PeerMonths, months_back
from tests.reports.pdftools import pdf_text, squeeze

TODAY = date(2026, 11, 22)


def test_peer_hours_print_as_typed_and_an_empty_year_in_whole_numbers(tmp_path: Path) -> None:
    firsts = tuple(months_back(TODAY))
    known = PeerMonths(
        "a", "Sindre <b>Dahl</b> & co", "", True, (0,) * 11 + (95,), (0,) * 11 + (60,), (0,) * 12
    )
    held = PeerMonths(
        "b", "Mona Likeperson", "RIO", False, (120,) + (0,) * 11, (0,) * 12, (120,) + (0,) * 11
    )
    empty = tuple(Month(first, None, None, None) for first in firsts)
    summary = Summary(TODAY, empty, 0, 0, 0, (), None, PeerHoursChart(firsts, (held, known)))
    path = tmp_path / "summary.pdf"
    path.write_bytes(render_summary(summary, language="en", demo=True))
    text = pdf_text(path)
    whole = squeeze(text)
    assert "0.002" not in text and "0.5" not in text  # the empty reviews chart: 0 and 1 only
    assert squeeze("Sindre <b>Dahl</b> & co Time") in whole  # escaped, shown as typed
    assert squeeze("Sindre <b>Dahl</b> & co Paid 0:00 0:00 0:00 0:00 0:00 1:00 1:00") in whole
    assert squeeze("Sindre <b>Dahl</b> & co Time 0:00 0:00 0:00 0:00 0:00 1:35 1:35") in whole
    assert squeeze("Mona Likeperson Held 2:00 0:00 0:00 0:00 0:00 0:00") in whole
    assert squeeze("1:35 in all") in whole and squeeze("2:00 in all") in whole
    assert "held: peer not verified" in text and "DEMO" in text
