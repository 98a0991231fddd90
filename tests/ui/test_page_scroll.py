"""The overview scrolls only when it cannot shrink into the window: with room for it at its
smallest, every button of it is in sight (a word-wrapped label made the plain scroll area
give it its preferred height, and the list's buttons scrolled out of a laptop's window)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize

from caseplan.services.context import Context
from caseplan.ui.overview.page import OverviewPage
from caseplan.ui.widgets.page_scroll import PageScroll


def test_the_overview_fits_without_scrolling_where_its_minimum_fits(
    qtbot: Any, ctx: Context
) -> None:
    page = OverviewPage(ctx)
    holder = PageScroll(page)
    qtbot.addWidget(holder)
    holder.show()
    least = page.minimumSizeHint()
    assert least.height() < page.sizeHint().height()  # the case that scrolled before

    holder.resize(least + QSize(4, 4))
    qtbot.waitUntil(lambda: page.height() == holder.viewport().height())
    assert holder.verticalScrollBar().maximum() == 0
    assert holder.horizontalScrollBar().maximum() == 0
    bottom = page.table.mapTo(page, page.table.rect().bottomLeft()).y()
    assert bottom <= holder.viewport().height()

    holder.resize(least.width() + 4, least.height() - 120)  # large text, small screen
    qtbot.waitUntil(lambda: holder.verticalScrollBar().maximum() > 0)
    assert page.height() >= least.height()  # never squeezed below its smallest
