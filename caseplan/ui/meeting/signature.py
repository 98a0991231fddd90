"""A pad to sign on with a mouse, a pen or a finger; it hands back a small one-bit PNG."""

from __future__ import annotations

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEvent,
    QIODevice,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

#: The exported picture; one bit per pixel keeps a signature a few kilobytes.
EXPORT_SIZE = QSize(600, 200)


class SignaturePad(QWidget):
    """Strokes drawn on a white card; :meth:`png` gives them as a PNG, :meth:`clear` wipes them.

    Keyboard users never need it: next to every pad is the choice "signs on paper".
    """

    changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strokes: list[list[QPointF]] = []  # in 0..1 of the pad's width and height
        self._drawing = False
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumSize(240, 80)
        self.set_person(name)

    def set_person(self, name: str) -> None:
        self.setAccessibleName(self.tr("Signature of {name}").format(name=name))
        self.setAccessibleDescription(
            self.tr("Sign here with a mouse, a pen or a finger; or choose signs on paper.")
        )
        self.setToolTip(self.tr("Sign here"))

    def sizeHint(self) -> QSize:
        height = max(90, self.fontMetrics().lineSpacing() * 4)
        return QSize(height * 3, height)

    # --- strokes ----------------------------------------------------------------------

    def is_empty(self) -> bool:
        return not any(len(stroke) > 0 for stroke in self.strokes)

    def clear(self) -> None:
        self.strokes.clear()
        self.update()
        self.changed.emit()

    def _relative(self, point: QPointF) -> QPointF:
        width, height = max(1, self.width()), max(1, self.height())
        return QPointF(
            min(1.0, max(0.0, point.x() / width)), min(1.0, max(0.0, point.y() / height))
        )

    def begin_stroke(self, point: QPointF) -> None:
        self._drawing = True
        self.strokes.append([self._relative(point)])
        self.update()

    def extend_stroke(self, point: QPointF) -> None:
        if self._drawing and self.strokes:
            self.strokes[-1].append(self._relative(point))
            self.update()

    def end_stroke(self) -> None:
        if self._drawing:
            self._drawing = False
            self.changed.emit()

    # --- input: mouse, pen, touch -------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.begin_stroke(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.extend_stroke(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.end_stroke()

    def tabletEvent(self, event: QTabletEvent) -> None:
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self.begin_stroke(event.position())
        elif kind == QEvent.Type.TabletMove:
            self.extend_stroke(event.position())
        elif kind == QEvent.Type.TabletRelease:
            self.end_stroke()
        event.accept()

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if isinstance(event, QTouchEvent) and kind in (
            QEvent.Type.TouchBegin,
            QEvent.Type.TouchUpdate,
            QEvent.Type.TouchEnd,
        ):
            points = event.points()
            if points:
                position = points[0].position()
                if kind == QEvent.Type.TouchBegin:
                    self.begin_stroke(position)
                elif kind == QEvent.Type.TouchUpdate:
                    self.extend_stroke(position)
                else:
                    self.end_stroke()
            event.accept()
            return True
        return super().event(event)

    # --- drawing and export -------------------------------------------------------------

    def _paint(self, painter: QPainter, area: QRectF, width: float) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        pen = QPen(QColor("#1a1a1a"), width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        for stroke in self.strokes:
            points = [
                QPointF(area.x() + p.x() * area.width(), area.y() + p.y() * area.height())
                for p in stroke
            ]
            if len(points) == 1:
                painter.drawPoint(points[0])
                continue
            path = QPainterPath(points[0])
            for point in points[1:]:
                path.lineTo(point)
            painter.drawPath(path)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QPen(QColor("#8a6d3b"), 1, Qt.PenStyle.DashLine))
        baseline = self.height() * 0.75
        painter.drawLine(QPointF(12, baseline), QPointF(self.width() - 12, baseline))
        painter.setPen(QPen(QColor("#b9a27a"), 1))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        if self.is_empty():
            painter.setPen(QColor("#8a6d3b"))
            painter.drawText(
                self.rect().adjusted(12, 0, -12, int(-self.height() * 0.3)),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                self.tr("Sign here"),
            )
        self._paint(painter, QRectF(self.rect()), 2.5)
        painter.end()

    def png(self) -> bytes:
        """The signature as a one-bit PNG of :data:`EXPORT_SIZE` (empty bytes when unsigned)."""
        if self.is_empty():
            return b""
        image = QImage(EXPORT_SIZE, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        self._paint(painter, QRectF(0, 0, EXPORT_SIZE.width(), EXPORT_SIZE.height()), 4)
        painter.end()
        mono = image.convertToFormat(
            QImage.Format.Format_Mono, Qt.ImageConversionFlag.ThresholdDither
        )
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        mono.save(buffer, "PNG", 0)  # type: ignore[call-overload]  # 0: smallest file
        buffer.close()
        return bytes(data.data())
