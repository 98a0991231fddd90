"""A plan's table laid out once and asked again gives what ReportLab's own table gives, for
any order of widths and heights the pages ask with, and splits the same way."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab import platypus
from reportlab.lib.units import mm

from caseplan.reports.blocks import Para, Table
from caseplan.reports.styles import make_styles

ASKS = st.lists(
    st.tuples(st.sampled_from([174 * mm, 120 * mm, 174 * mm]), st.floats(20, 2000)),
    min_size=1,
    max_size=6,
)


def _rows(count: int) -> list[list[object]]:
    style = make_styles(False).cell
    return [
        [Para(f"Ása {n}", style), Para("Ringe NAV og avtale et møte " * (n % 4 + 1), style)]
        for n in range(count)
    ]


@settings(max_examples=60, deadline=None)
@given(asks=ASKS, count=st.integers(1, 30), split_at=st.floats(30, 600))
def test_asked_again_it_answers_as_reportlab_does(
    asks: list[tuple[float, float]], count: int, split_at: float
) -> None:
    rows = _rows(count)
    mine = Table(rows, colWidths=[40 * mm, None], repeatRows=1)
    theirs = platypus.Table(rows, colWidths=[40 * mm, None], repeatRows=1)
    for width, height in asks:
        assert mine.wrap(width, height) == theirs.wrap(width, height)
        assert mine._rowpositions == theirs._rowpositions
    width = asks[-1][0]
    mine_parts, their_parts = mine.split(width, split_at), theirs.split(width, split_at)
    assert [p.wrap(width, 5000) for p in mine_parts] == [p.wrap(width, 5000) for p in their_parts]
