"""How it is going for one goal: the person's ratings, 0 to 10, one point per review.

Drawn with QPainter rather than QtCharts: QtCharts is not in PySide6-Essentials (it would
bring PySide6-Addons, a 59 MB wheel, for one small line), and its points are not reachable
by keyboard or assistive technology. Here the chart takes keyboard focus, the arrow keys step
from point to point, and the point in focus is said in words (its accessible description and
the line under the chart) — so nothing is only a picture. It draws in the window's palette
and font, so it follows meeting mode's large type and a dark or high-contrast palette.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QFocusEvent,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from caseplan.services.meetings.progress import Point
from caseplan.ui.i18n import date_text


class ProgressChart(QWidget):
    """The person's ratings for one goal; an empty list shows "not rated yet"."""

    def __init__(self, goal: str, points: Sequence[Point], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.goal = goal
        self.points = tuple(points)
        self.current = len(self.points) - 1
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("How it is going: {goal}").format(goal=goal))
        self._describe()

    def point_text(self, index: int) -> str:
        point = self.points[index]
        return self.tr("{date}: {score} of 10").format(
            date=date_text(point.date), score=point.score
        )

    def summary(self) -> str:
        """Every point in words, oldest first (what a screen reader hears)."""
        if not self.points:
            return self.tr("Not rated yet.")
        return "; ".join(self.point_text(i) for i in range(len(self.points)))

    def _describe(self) -> None:
        self.setAccessibleDescription(self.summary())
        self.setToolTip(self.summary())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = {
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Home: -len(self.points),
            Qt.Key.Key_End: len(self.points),
        }.get(Qt.Key(event.key()))
        if step is None or not self.points:
            super().keyPressEvent(event)
            return
        self.current = max(0, min(len(self.points) - 1, self.current + step))
        self.setAccessibleDescription(self.point_text(self.current))
        self.update()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._describe()
        self.update()

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        return QSize(line * 18, line * 9)

    def minimumSizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        return QSize(line * 12, line * 9)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        quiet = palette.color(QPalette.ColorRole.PlaceholderText)
        accent = palette.color(QPalette.ColorRole.Highlight)
        metrics = self.fontMetrics()
        line = metrics.height()
        left = metrics.horizontalAdvance("10") + line * 0.6
        right = self.width() - line * 2.5
        top, bottom = line * 1.4, self.height() - line * 2.6

        def y(score: int) -> float:
            return bottom - (bottom - top) * score / 10

        painter.setPen(QPen(quiet, 1))
        for level in (0, 5, 10):
            painter.drawLine(QPointF(left, y(level)), QPointF(self.width() - 4, y(level)))
            painter.setPen(text)
            painter.drawText(
                QRectF(0, y(level) - line / 2, left - line * 0.3, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(level),
            )
            painter.setPen(QPen(quiet, 1))
        if not self.points:
            painter.setPen(text)
            painter.drawText(
                QRectF(left, top, right - left, bottom - top),
                Qt.AlignmentFlag.AlignCenter,
                self.tr("Not rated yet"),
            )
            painter.end()
            return
        count = len(self.points)
        inset = line * 2.5
        first, last = left + inset, right - inset / 2
        xs = [
            first + (last - first) * i / (count - 1) if count > 1 else (first + last) / 2
            for i in range(count)
        ]
        if count > 1:
            path = QPainterPath(QPointF(xs[0], y(self.points[0].score)))
            for x, point in zip(xs[1:], self.points[1:], strict=True):
                path.lineTo(QPointF(x, y(point.score)))
            painter.setPen(QPen(accent, max(2.0, line / 8)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
        radius = max(4.0, line / 4)
        shown = {0, count - 1, self.current} if count > 4 else set(range(count))
        for index, (x, point) in enumerate(zip(xs, self.points, strict=True)):
            focused = self.hasFocus() and index == self.current
            painter.setPen(QPen(text if focused else accent, 3 if focused else 1))
            painter.setBrush(accent)
            size = radius * (1.5 if focused else 1)
            painter.drawEllipse(QPointF(x, y(point.score)), size, size)
            painter.setPen(text)
            painter.drawText(
                QRectF(x - line * 2, y(point.score) - line * 1.35, line * 4, line),
                Qt.AlignmentFlag.AlignCenter,
                str(point.score),
            )
            if index in shown:
                label = date_text(point.date)
                width = metrics.horizontalAdvance(label) + 4
                painter.drawText(
                    QRectF(x - width / 2, bottom + line * 0.4, width, line),
                    Qt.AlignmentFlag.AlignCenter,
                    label,
                )
        if self.hasFocus():
            painter.drawText(
                QRectF(0, self.height() - line * 1.2, self.width(), line),
                Qt.AlignmentFlag.AlignLeft,
                self.point_text(self.current),
            )
            painter.setPen(QPen(accent, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(1, 1, self.width() - 2, self.height() - 2), 6, 6)
        painter.end()
