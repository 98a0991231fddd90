"""Plain text stays plain text: a name like ``<img src="…"><b>X</b>`` is shown as typed.

Qt guesses whether a label's or a tooltip's text is HTML (``Qt::mightBeRichText``), so a
person's name, goal or note that looks like markup would be rendered, local images and
links included. One guard on the application settles it for every screen, present and
future, instead of a setting on each label:

- every :class:`QLabel` is made plain text when it is polished (before it is first shown),
  unless it carries the :data:`RICH` property (the program's own fixed markup, never a
  person's text);
- every tooltip, a widget's own or an item view's (a list's ``ToolTipRole``), is shown as
  plain text.

Qt's own message boxes keep their format (``About Qt`` is written in HTML); the program's
message boxes are plain text where they are made.
"""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QToolTip, QWidget

#: A label with this property set to True shows the program's own markup (a link, say).
RICH = "caseplan_rich_text"
#: Qt names the labels of its message boxes so; they keep the format the box gives them.
MESSAGE_BOX_LABELS = ("qt_msgbox_label", "qt_msgbox_informativelabel")
#: Qt's tooltip is a label of this class; it is handed text already escaped by
#: :func:`shown_as_typed`, so it must render it (plain text would show the ``<p>`` tags).
TOOLTIP_LABEL_CLASS = "QTipLabel"


def shown_as_typed(text: str) -> str:
    """``text`` as markup that shows exactly ``text``: for a tooltip or a message box, which
    Qt renders as HTML when it looks like HTML (this always does, escaped)."""
    return QtGui.Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)


class PlainTextGuard(QObject):
    """The application's event filter that keeps labels and tooltips plain (see module)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(watched, QLabel):
            own = watched.objectName() in MESSAGE_BOX_LABELS
            tooltip = watched.metaObject().className() == TOOLTIP_LABEL_CLASS
            if not watched.property(RICH) and not own and not tooltip:
                watched.setTextFormat(Qt.TextFormat.PlainText)
        elif kind == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            return self._tooltip(watched, event)
        return False

    def _tooltip(self, watched: QObject, event: QHelpEvent) -> bool:
        if not isinstance(watched, QWidget) or watched.property(RICH):
            return False
        view = watched.parent()
        if isinstance(view, QAbstractItemView) and view.viewport() is watched:
            index = view.indexAt(event.pos())
            text = index.data(Qt.ItemDataRole.ToolTipRole) if index.isValid() else None
            if not isinstance(text, str) or not text:
                QToolTip.hideText()
                event.ignore()
                return True
            QToolTip.showText(
                event.globalPos(), shown_as_typed(text), watched, view.visualRect(index)
            )
            return True
        text = watched.toolTip()
        if not text:
            return False
        QToolTip.showText(event.globalPos(), shown_as_typed(text), watched)
        return True


_GUARDS: dict[int, PlainTextGuard] = {}


def guard_plain_text(app: QApplication | None = None) -> PlainTextGuard | None:
    """Install the guard on the application once (later calls return the same guard)."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    if not isinstance(app, QApplication):
        return None
    guard = _GUARDS.get(id(app))
    if guard is None:
        guard = PlainTextGuard(app)
        app.installEventFilter(guard)
        _GUARDS[id(app)] = guard
    return guard
