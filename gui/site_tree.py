"""The Sites tree view and the column widths it opens with.

The tree is the admin's main work area: at the default window size it shows a
row's name, access, state, bindings and application pool side by side, and
only the physical path (last, stretching) may run past the right edge.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QTreeView

from gui.site_model import Column
from gui.table_model import ROWS_ON_SCREEN

# Widest a column sized to its contents may get; a longer value is elided, its tooltip holds it whole.
_CAPS = {Column.NAME: 240, Column.ACCESS: 190, Column.STATE: 110, Column.POOL: 180}
# Bindings take what the other columns leave, within these bounds.
_BINDINGS_MINIMUM = 110
_BINDINGS_MAXIMUM = 260


def site_tree(model: QAbstractItemModel) -> QTreeView:
    tree = QTreeView()
    tree.setModel(model)
    tree.setSortingEnabled(True)
    tree.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
    tree.setUniformRowHeights(True)
    tree.setAlternatingRowColors(True)
    tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    tree.setTextElideMode(Qt.TextElideMode.ElideRight)
    tree.header().setResizeContentsPrecision(ROWS_ON_SCREEN)
    return tree


def _content_width(tree: QTreeView, column: Column) -> int:
    return max(tree.sizeHintForColumn(column), tree.header().sectionSizeHint(column))


def fit_site_columns(tree: QTreeView) -> None:
    """Size the columns to the rows on screen so that everything but the path fits the tree's width."""
    widths = {column: min(_content_width(tree, column), cap) for column, cap in _CAPS.items()}
    # The vertical scroll bar may appear only once a long inventory is laid out: leave room for it now.
    available = (tree.width() - 2 * tree.frameWidth() - tree.verticalScrollBar().sizeHint().width()) - sum(
        widths.values()
    )
    widths[Column.BINDINGS] = max(
        _BINDINGS_MINIMUM, min(_content_width(tree, Column.BINDINGS), _BINDINGS_MAXIMUM, available)
    )
    for column, width in widths.items():
        tree.setColumnWidth(column, width)
