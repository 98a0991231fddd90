"""A big 0–10 scale for the person's rating: eleven numbered boxes to touch or click, and the
keys a slider has (arrows, Home, End, Page Up/Down) plus the digits 0–9.

It starts "not rated yet": a rating is the person's choice, never a default. Being a
:class:`QAbstractSlider`, it tells assistive technology its value as a slider does, and its
description says it in words.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QAbstractSlider, QSizePolicy, QWidget

LOW, HIGH = 0, 10


class RatingScale(QAbstractSlider):
    """``rated`` is False until the person chooses; ``rating()`` is then 0–10, else None."""

    rated_changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(LOW, HIGH)
        self.setSingleStep(1)
        self.setPageStep(5)
        self.setOrientation(Qt.Orientation.Horizontal)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setAccessibleName(name)
        self.rated = False
        self.valueChanged.connect(self._value_changed)
        self._describe()

    # --- the value ---------------------------------------------------------------------

    def rating(self) -> int | None:
        return self.value() if self.rated else None

    def set_rating(self, score: int | None) -> None:
        if score is None:
            self.rated = False
            self.blockSignals(True)
            self.setValue(LOW)
            self.blockSignals(False)
            self._describe()
            self.update()
            self.rated_changed.emit()
            return
        self._choose(score)

    def _choose(self, score: int) -> None:
        was = self.rated
        self.rated = True
        if self.value() != score:
            self.setValue(score)  # valueChanged describes and repaints
        else:
            self._describe()
            self.update()
        if not was:
            self.rated_changed.emit()

    def _value_changed(self, _value: int) -> None:
        if not self.rated:
            self.rated = True
            self.rated_changed.emit()
        self._describe()
        self.update()

    def _describe(self) -> None:
        if self.rated:
            text = self.tr("{score} of 10").format(score=self.value())
        else:
            text = self.tr("Not rated yet; 0 is not started, 10 is there")
        self.setAccessibleDescription(text)
        self.setToolTip(text)

    # --- keys, mouse and touch ---------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if Qt.Key.Key_0 <= key <= Qt.Key.Key_9 and not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            self._choose(key - Qt.Key.Key_0)
            return
        if not self.rated and key in (
            Qt.Key.Key_Left,
            Qt.Key.Key_Right,
            Qt.Key.Key_Up,
            Qt.Key.Key_Down,
        ):
            self._choose(5)  # the first arrow lands in the middle, not at an end
            return
        super().keyPressEvent(event)

    def _cell_minimum(self) -> int:
        metrics = self.fontMetrics()
        return metrics.horizontalAdvance("10") + metrics.height() // 2

    def _columns(self, width: int) -> int:
        """All eleven in one row when they fit, else 0–5 above 6–10 (large type, narrow)."""
        cells = HIGH - LOW + 1
        return cells if width >= cells * self._cell_minimum() else (cells + 1) // 2

    def _box(self, score: int) -> QRectF:
        columns = self._columns(self.width())
        rows = -(-(HIGH - LOW + 1) // columns)
        width, height = self.width() / columns, self.height() / rows
        row, column = divmod(score - LOW, columns)
        return QRectF(column * width + 2, row * height + 2, width - 4, height - 4)

    def _score_at(self, x: float, y: float) -> int | None:
        for score in range(LOW, HIGH + 1):
            if self._box(score).adjusted(-2, -2, 2, 2).contains(x, y):
                return score
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self._pick(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._pick(event)

    def _pick(self, event: QMouseEvent) -> None:
        score = self._score_at(event.position().x(), event.position().y())
        if score is not None:
            self._choose(score)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    # --- how it looks ------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        side = int(self.fontMetrics().height() * 2.4)
        return QSize(side * (HIGH - LOW + 1), side)

    def minimumSizeHint(self) -> QSize:
        columns = (HIGH - LOW + 2) // 2
        return QSize(self._cell_minimum() * columns, self.heightForWidth(0))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        rows = -(-(HIGH - LOW + 1) // self._columns(width))
        return int(self.fontMetrics().height() * 2.2) * rows

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        for score in range(LOW, HIGH + 1):
            box = self._box(score)
            chosen = self.rated and score == self.value()
            fill = palette.color(
                QPalette.ColorRole.Highlight if chosen else QPalette.ColorRole.Base
            )
            ink = palette.color(
                QPalette.ColorRole.HighlightedText if chosen else QPalette.ColorRole.Text
            )
            painter.setBrush(fill)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
            painter.drawRoundedRect(box, 6, 6)
            painter.setPen(ink)
            font = self.font()
            font.setBold(chosen)
            painter.setFont(font)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(score))
        if self.hasFocus():
            pen = QPen(palette.color(QPalette.ColorRole.Highlight), 3)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(1, 1, self.width() - 2, self.height() - 2), 8, 8)
        painter.end()
