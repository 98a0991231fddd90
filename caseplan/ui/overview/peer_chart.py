"""Peer hours per month by peer, drawn with QPainter like the other charts: a row per peer
(their name and their total written out), twelve bars each on one common scale. Within a
bar the paid time is solid, paid time held for a peer not yet verified is hatched and time
not paid is only outlined, each named in the legend, so never colour alone. The exact
figures (h:mm) are in the table beside it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QWidget

from caseplan.services.overview.charts import PeerHoursChart, PeerMonths
from caseplan.services.peers.peer_hours import hours_text
from caseplan.ui.widgets.record_model import Column, RecordTableModel

#: paid, held (peer not verified), not paid
PATTERNS = (Qt.BrushStyle.SolidPattern, Qt.BrushStyle.BDiagPattern, Qt.BrushStyle.NoBrush)


def legend_names() -> tuple[str, str, str]:
    return (
        QCoreApplication.translate("PeerChart", "paid"),
        QCoreApplication.translate("PeerChart", "held: peer not verified"),
        QCoreApplication.translate("PeerChart", "not paid"),
    )


def _parts(peer: PeerMonths, month: int) -> tuple[int, int, int]:
    paid, held = peer.paid[month], peer.held[month]
    return paid, held, max(0, peer.minutes[month] - paid - held)


class PeerBars(QWidget):
    """Small multiples: a row of twelve monthly bars per peer, with the peer's name."""

    def __init__(self, chart: PeerHoursChart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = chart
        self.setAccessibleName(
            QCoreApplication.translate("PeerChart", "Peer hours per month by peer")
        )
        self.setAccessibleDescription(
            QCoreApplication.translate("PeerChart", "The same figures are in the table below.")
        )
        self.setMinimumHeight(self._height())

    def _row_height(self) -> int:
        return int(self.fontMetrics().height() * 2.4)

    def _height(self) -> int:
        line = self.fontMetrics().height()
        return line * 3 + 16 + self._row_height() * max(1, len(self.chart.peers))

    def sizeHint(self) -> QSize:
        return QSize(640, self._height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        fill = self.palette().color(QPalette.ColorRole.Highlight)
        metrics = self.fontMetrics()
        line = metrics.height()
        x = 8.0
        for pattern, name in zip(PATTERNS, legend_names(), strict=True):
            painter.setPen(QPen(text))
            painter.setBrush(QBrush(fill, pattern))
            painter.drawRect(QRectF(x, 4, line, line))
            painter.drawText(int(x + line + 4), 4 + metrics.ascent(), name)
            x += line + 16 + metrics.horizontalAdvance(name)
        peers = self.chart.peers
        months = len(self.chart.months)
        label_w = min(self.width() * 0.3, metrics.averageCharWidth() * 24.0)
        left = 8 + label_w + 8
        step = (self.width() - left - 8) / max(1, months)
        row_h = self._row_height()
        top = line + 12.0
        tallest = max([m for p in peers for m in p.minutes] + [1])
        painter.setPen(QPen(text))
        if not peers:
            painter.drawText(
                QRectF(8, top, self.width() - 16, row_h),
                Qt.AlignmentFlag.AlignVCenter,
                QCoreApplication.translate(
                    "PeerChart", "No peer time was recorded in the last 12 months."
                ),
            )
        for row, peer in enumerate(peers):
            y = top + row * row_h
            bottom = y + row_h - 4
            painter.setPen(QPen(text))
            name = metrics.elidedText(peer.name, Qt.TextElideMode.ElideRight, int(label_w))
            painter.drawText(QRectF(8, y, label_w, line), Qt.AlignmentFlag.AlignLeft, name)
            painter.drawText(
                QRectF(8, y + line, label_w, line),
                Qt.AlignmentFlag.AlignLeft,
                QCoreApplication.translate("PeerChart", "{hours} in all").format(
                    hours=hours_text(peer.total)
                ),
            )
            painter.drawLine(int(left), int(bottom), int(left + step * months), int(bottom))
            for month in range(months):
                bar_left = left + month * step + step * 0.15
                width = step * 0.7
                base = bottom
                for pattern, value in zip(PATTERNS, _parts(peer, month), strict=True):
                    height = (row_h - 8) * value / tallest
                    if height <= 0:
                        continue
                    painter.setBrush(QBrush(fill, pattern))
                    painter.drawRect(QRectF(bar_left, base - height, width, height))
                    base -= height
        axis = top + len(peers or (None,)) * row_h
        painter.setPen(QPen(text))
        for month, first in enumerate(self.chart.months):
            painter.drawText(
                QRectF(left + month * step, axis + 2, step, line),
                Qt.AlignmentFlag.AlignHCenter,
                first.strftime("%m.%y"),
            )
        painter.end()


@dataclass(frozen=True)
class PeerLine:
    """One line of the table: a peer's time, or their paid or held time, per month."""

    peer: PeerMonths
    what: str
    values: tuple[int, ...]


def peer_lines(chart: PeerHoursChart) -> list[PeerLine]:
    """Two lines per peer: their time, then their paid time (or, for a peer not verified,
    the paid time held until they are)."""
    lines = []
    for peer in chart.peers:
        lines.append(PeerLine(peer, QCoreApplication.translate("PeerChart", "Time"), peer.minutes))
        if peer.known:
            lines.append(PeerLine(peer, QCoreApplication.translate("PeerChart", "Paid"), peer.paid))
        else:
            lines.append(
                PeerLine(
                    peer,
                    QCoreApplication.translate("PeerChart", "Held: peer not verified"),
                    peer.held,
                )
            )
    return lines


def peer_model(chart: PeerHoursChart, parent: QWidget) -> RecordTableModel[PeerLine]:
    def month(index: int) -> Callable[[PeerLine], str]:
        return lambda line: hours_text(line.values[index])

    columns = [
        Column(QCoreApplication.translate("PeerChart", "Peer"), lambda line: line.peer.name),
        Column(QCoreApplication.translate("PeerChart", "What"), lambda line: line.what),
        *(Column(first.strftime("%m.%y"), month(n)) for n, first in enumerate(chart.months)),
        Column(
            QCoreApplication.translate("PeerChart", "Total"),
            lambda line: hours_text(sum(line.values)),
        ),
    ]
    model = RecordTableModel[PeerLine](columns, parent)
    model.set_rows(peer_lines(chart))
    return model
