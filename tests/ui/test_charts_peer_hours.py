"""Tools → Charts…, Peer hours: the figures on screen and in the monthly summary PDF are the
contributions counted straight from the database (with the peer-pay rule); a practitioner,
who may not see peer hours, gets no such tab or page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt

from caseplan.services.context import Actor
from caseplan.services.peers.peer_hours import hours_text
from caseplan.storage.database import Database
from caseplan.ui.overview.charts import ChartsDialog
from tests.reports.pdftools import pdf_text, squeeze
from tests.services.test_peer_chart import _counted_from_the_rows
from tests.ui.test_overview_page import clinic, db, demo, open_window

__all__ = ["clinic", "db", "demo"]  # the fixtures (the overview's demo clinic), used by name


def test_peer_hours_by_peer_on_screen_and_on_paper_are_the_rows_counted(
    qtbot: Any,
    db: Database,
    clinic: tuple[dict[str, Actor], list[dict[str, Any]]],
    settings: QSettings,
    tmp_path: Path,
) -> None:
    actors, _documents = clinic
    window = open_window(qtbot, db, actors["lars"], settings)
    window.charts_action.trigger()
    dialog = window.findChild(ChartsDialog)
    assert dialog is not None and dialog.isVisible()
    labels = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert labels == ["Reviews and ratings", "Peer hours"]
    dialog.tabs.setCurrentIndex(1)
    assert dialog.peer_bars is not None and dialog.peer_bars.isVisible()
    assert not dialog.peer_bars.grab().isNull()

    expected = _counted_from_the_rows(db)
    chart = dialog.summary.peers
    assert chart is not None and expected
    assert {p.key for p in chart.peers} == set(expected)
    model = dialog.peer_model
    assert model.rowCount() == 2 * len(chart.peers) and model.columnCount() == 15
    headers = [
        str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())
    ]
    assert headers[:2] == ["Peer", "What"] and headers[-1] == "Total"
    assert headers[2:14] == [first.strftime("%m.%y") for first in chart.months]
    row = 0
    for peer in chart.peers:
        counted = expected[peer.key]
        minutes = [counted.get(first, [0, 0, 0])[0] for first in chart.months]
        money = [counted.get(first, [0, 0, 0])[1 if peer.known else 2] for first in chart.months]
        for what, values in (("Time", minutes), ("Paid" if peer.known else None, money)):
            cells = [str(model.index(row, c).data()) for c in range(model.columnCount())]
            assert cells[0] == peer.name
            if what is not None:
                assert cells[1] == what
            else:
                assert cells[1] == "Held: peer not verified"
            assert cells[2:14] == [hours_text(v) for v in values]
            assert cells[14] == hours_text(sum(values))
            row += 1

    target = tmp_path / "summary.pdf"
    assert dialog.save(target)
    text = squeeze(pdf_text(target))
    assert squeeze("Peer hours per month by peer") in text
    for peer in chart.peers:
        counted = expected[peer.key]
        minutes = [counted.get(first, [0, 0, 0])[0] for first in chart.months]
        first_half = peer.name + "Time" + "".join(hours_text(v) for v in minutes[:6])
        second_half = peer.name + "Time" + "".join(hours_text(v) for v in minutes[6:])
        assert squeeze(first_half) in text, peer.name
        assert squeeze(second_half + hours_text(sum(minutes))) in text, peer.name


def test_a_practitioner_sees_no_peer_hours(
    qtbot: Any,
    db: Database,
    clinic: tuple[dict[str, Actor], list[dict[str, Any]]],
    settings: QSettings,
    tmp_path: Path,
) -> None:
    actors, _documents = clinic
    window = open_window(qtbot, db, actors["kari"], settings)
    dialog = window.show_charts()
    assert isinstance(dialog, ChartsDialog)
    assert dialog.tabs.count() == 1 and dialog.peer_bars is None
    assert dialog.summary.peers is None
    target = tmp_path / "summary.pdf"
    assert dialog.save(target)
    assert "Peer hours" not in pdf_text(target)
