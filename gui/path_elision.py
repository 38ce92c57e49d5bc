"""Paths shortened in the middle, a whole folder name at a time: ``D:\\Sites\\…\\uploads``.

The start says which drive or share, the end which folder: both matter more
than the folders between them. The cell's tooltip still holds the whole path.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

ELLIPSIS = "…"


def elide_path(path: str, fits: Callable[[str], bool]) -> str:
    """``path`` with whole folders from its middle replaced by "…" until ``fits`` accepts it.

    The first part (drive, or ``\\\\server\\share``) and the last folder are kept
    longest; a path that cannot fit even so comes back as root, "…" and last folder
    (the view then elides that by characters).
    """
    if fits(path):
        return path
    separator = "\\" if "\\" in path else "/"
    unc = path.startswith(separator * 2)
    parts = path[2:].split(separator) if unc else path.split(separator)
    head_count = 2 if unc else 1
    if len(parts) <= head_count + 1:
        return path
    head = (separator * 2 if unc else "") + separator.join(parts[:head_count])
    tail = parts[head_count:]
    # Drop folders from the left of the tail until it fits, keeping at least the last one.
    for start in range(1, len(tail)):
        candidate = separator.join((head, ELLIPSIS, *tail[start:]))
        if fits(candidate):
            return candidate
    return separator.join((head, ELLIPSIS, tail[-1]))


Index = QModelIndex | QPersistentModelIndex


class PathDelegate(QStyledItemDelegate):
    """Draws a path column with ``elide_path``, then lets the style elide in the middle if still too long."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        styled = QStyleOptionViewItem(option)
        self.initStyleOption(styled, index)
        widget = styled.widget
        style = widget.style() if widget is not None else QApplication.style()
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, styled, widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        width = text_rect.width() - 2 * margin
        metrics = styled.fontMetrics
        styled.text = elide_path(
            styled.text,
            lambda text: metrics.horizontalAdvance(text) <= width,
        )
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, styled, painter, widget)
