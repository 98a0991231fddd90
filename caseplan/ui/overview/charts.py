"""Tools → Charts…: reviews on time per month (a bar chart drawn with QPainter, each kind of
bar with its own pattern and named in the legend, so never colour alone) and the same figures
in a table; people's latest own ratings by life domain in a table. A month or a domain of
fewer than 5 people says so instead of its numbers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from caseplan.errors import CaseplanError
from caseplan.services.clinic import settings as clinic_settings
from caseplan.services.context import Context
from caseplan.services.overview.charts import (
    DomainRatings,
    Month,
    PeerHoursChart,
    agreed_plans,
    audit_head,
    latest_ratings,
    peer_hours_per_month,
    reviews_per_month,
)
from caseplan.services.overview.counts import overview
from caseplan.services.overview.signals import Signal
from caseplan.ui.i18n import error_text
from caseplan.ui.overview.page import list_table
from caseplan.ui.overview.peer_chart import PeerBars, peer_model
from caseplan.ui.widgets.output import not_encrypted, save_output
from caseplan.ui.widgets.record_model import Column, RecordTableModel
from caseplan.ui.widgets.save_dialog import ask_save_path
from caseplan.ui.workspace.labels import domain_label

PATTERNS = (Qt.BrushStyle.SolidPattern, Qt.BrushStyle.BDiagPattern, Qt.BrushStyle.Dense6Pattern)


def _fewer() -> str:
    return QCoreApplication.translate("Charts", "fewer than 5 people")


def month_label(month: Month) -> str:
    return month.first.strftime("%m.%y")


class ReviewBars(QWidget):
    """Stacked bars: on time (solid), late (hatched), date not known (dotted)."""

    def __init__(self, months: Sequence[Month], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.months = tuple(months)
        self.setMinimumHeight(220)
        self.setAccessibleName(QCoreApplication.translate("Charts", "Reviews per month"))
        self.setAccessibleDescription(
            QCoreApplication.translate("Charts", "The same figures are in the table below.")
        )

    def sizeHint(self) -> QSize:
        return QSize(640, 240)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        fill = self.palette().color(QPalette.ColorRole.Highlight)
        metrics = self.fontMetrics()
        line = metrics.height()
        legend_h = line + 6
        area = QRectF(8, legend_h + 4, self.width() - 16, self.height() - legend_h - line - 16)
        tallest = max(
            [sum(v or 0 for v in (m.on_time, m.late, m.unknown)) for m in self.months] + [1]
        )
        names = (
            QCoreApplication.translate("Charts", "on time"),
            QCoreApplication.translate("Charts", "late"),
            QCoreApplication.translate("Charts", "date not known"),
        )
        x = 8.0
        for pattern, name in zip(PATTERNS, names, strict=True):
            painter.setPen(QPen(text))
            painter.setBrush(QBrush(fill, pattern))
            painter.drawRect(QRectF(x, 4, line, line))
            painter.drawText(int(x + line + 4), 4 + metrics.ascent(), name)
            x += line + 16 + metrics.horizontalAdvance(name)
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        step = area.width() / max(1, len(self.months))
        for number, month in enumerate(self.months):
            left = area.left() + number * step + step * 0.15
            width = step * 0.7
            label = month_label(month)
            painter.setPen(QPen(text))
            painter.drawText(
                QRectF(area.left() + number * step, area.bottom() + 2, step, line),
                Qt.AlignmentFlag.AlignHCenter,
                label,
            )
            if month.on_time is None:
                painter.drawText(
                    QRectF(area.left() + number * step, area.bottom() - line, step, line),
                    Qt.AlignmentFlag.AlignHCenter,
                    "<5",
                )
                continue
            bottom = area.bottom()
            for pattern, value in zip(
                PATTERNS, (month.on_time, month.late, month.unknown or 0), strict=True
            ):
                height = area.height() * (value or 0) / tallest
                painter.setBrush(QBrush(fill, pattern))
                painter.drawRect(QRectF(left, bottom - height, width, height))
                bottom -= height
        painter.end()


def _month_cells(month: Month, value: int | None) -> str:
    return _fewer() if month.on_time is None else str(value)


class ChartsDialog(QDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Charts"))
        layout = QVBoxLayout(self)
        self.plans = QLabel(self)
        self.plans.setWordWrap(True)
        self.plans.setAccessibleDescription(self.tr("Plans agreed and in draft"))
        layout.addWidget(self.plans)
        try:
            months = reviews_per_month(ctx)
            ratings = latest_ratings(ctx)
            counts = overview(ctx)
            peers = peer_hours_per_month(ctx)
        except CaseplanError as error:
            self.plans.setText(error_text(error))
            return
        drafts = counts.items(Signal.PLAN_NEVER_AGREED) + counts.items(Signal.PLAN_CHANGED)
        self.plans.setText(
            self.tr(
                "Open plans agreed: {agreed}. In draft: {drafts} (never agreed: {never}; "
                "changed since agreed: {changed})."
            ).format(
                agreed=agreed_plans(ctx),
                drafts=drafts,
                never=counts.items(Signal.PLAN_NEVER_AGREED),
                changed=counts.items(Signal.PLAN_CHANGED),
            )
        )
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Charts"))
        layout.addWidget(self.tabs, 1)
        reviews_page = QWidget(self.tabs)
        self.tabs.addTab(reviews_page, self.tr("Reviews and ratings"))
        outer, layout = layout, QVBoxLayout(reviews_page)
        title = QLabel(self.tr("Reviews per month, the last 12 months:"), self)
        layout.addWidget(title)
        self.bars = ReviewBars(months, self)
        layout.addWidget(self.bars, 1)
        self.month_model = RecordTableModel[Month](
            [
                Column(self.tr("Month"), month_label),
                Column(self.tr("On time"), lambda m: _month_cells(m, m.on_time)),
                Column(self.tr("Late"), lambda m: _month_cells(m, m.late)),
                Column(self.tr("Date not known"), lambda m: _month_cells(m, m.unknown)),
            ],
            self,
        )
        self.month_model.set_rows(months)
        self.month_table = list_table(self, self.tr("Reviews per month"))
        self.month_table.setModel(self.month_model)
        layout.addWidget(self.month_table, 1)
        layout.addWidget(QLabel(self.tr("People's latest own ratings of their goals:"), self))

        def band(index: int) -> Callable[[DomainRatings], str]:
            return lambda r: _fewer() if r.bands is None else str(r.bands[index])

        self.rating_model = RecordTableModel[DomainRatings](
            [
                Column(self.tr("Life domain"), lambda r: domain_label(r.domain)),
                Column(
                    self.tr("People"), lambda r: _fewer() if r.people is None else str(r.people)
                ),
                Column(self.tr("0–3"), band(0)),
                Column(self.tr("4–6"), band(1)),
                Column(self.tr("7–10"), band(2)),
            ],
            self,
        )
        self.rating_model.set_rows(ratings)
        self.rating_table = list_table(self, self.tr("Latest own ratings by life domain"))
        self.rating_table.setModel(self.rating_model)
        layout.addWidget(self.rating_table, 1)
        self.peer_bars: PeerBars | None = None
        if peers is not None:
            self._add_peer_tab(peers)
        layout = outer
        from caseplan.reports.monthly_summary import Summary  # ReportLab: only when opened

        self.summary = Summary(
            ctx.today(),
            months,
            agreed_plans(ctx),
            counts.items(Signal.PLAN_NEVER_AGREED),
            counts.items(Signal.PLAN_CHANGED),
            ratings,
            audit_head(ctx),
            peers,
        )
        self.ctx = ctx
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleDescription(self.tr("Message"))
        self.pdf_button = QPushButton(self.tr("Monthly summary as P&DF…"), self)
        self.pdf_button.clicked.connect(self.ask_target)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(self.pdf_button)
        row.addWidget(close)
        layout.addLayout(row)
        self.resize(900, 760)

    def _add_peer_tab(self, peers: PeerHoursChart) -> None:
        page = QWidget(self.tabs)
        self.tabs.addTab(page, self.tr("Peer hours"))
        layout = QVBoxLayout(page)
        title = QLabel(self.tr("Peer hours per month by peer, the last 12 months:"), page)
        title.setWordWrap(True)
        layout.addWidget(title)
        note = QLabel(
            self.tr(
                "Paid time counts as paid only for a peer linked to an account or verified by "
                "a team lead; imported time only once a team lead has accepted it."
            ),
            page,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.peer_bars = PeerBars(peers, page)
        scroll = QScrollArea(page)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.peer_bars)
        scroll.setAccessibleName(self.tr("Peer hours per month by peer"))
        layout.addWidget(scroll, 1)
        self.peer_model = peer_model(peers, self)
        self.peer_table = list_table(page, self.tr("Peer hours per month by peer"))
        self.peer_table.setModel(self.peer_model)
        layout.addWidget(self.peer_table, 1)

    def ask_target(self) -> None:
        path = ask_save_path(
            self,
            self.tr("Save the monthly summary as PDF"),
            f"monthly-summary-{self.summary.today.isoformat()}.pdf",
        )
        if path is not None:
            self.save(path)

    def save(self, path: Path) -> bool:
        """The monthly summary as PDF (counts only, no names) in the screens' language."""
        from caseplan.reports.monthly_summary import render_summary

        language = "nb" if QLocale().language() == QLocale.Language.NorwegianBokmal else "en"
        try:
            data = render_summary(
                self.summary, language=language, demo=clinic_settings.is_demo(self.ctx)
            )
            save_output(path, data)
        except CaseplanError as error:
            self.message.setText(error_text(error))
            return False
        self.message.setText(not_encrypted(path))
        return True
