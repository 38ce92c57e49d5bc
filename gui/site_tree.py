"""The Sites tree view and the columns it opens with.

The tree is the admin's main work area: at the default window size it shows a
row's name, access, state, application pool and — the one that matters most
here — its physical path, elided in the middle (``D:\\Sites\\…\\uploads``).
Bindings are one click away in the header's menu (and View > Columns): they
say where a site answers, not who may read its folder.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QMenu, QTreeView

from gui.path_elision import PathDelegate
from gui.site_model import Column
from gui.table_model import ROWS_ON_SCREEN

# Widest a column sized to its contents may get; a longer value is elided, its tooltip holds it whole.
_CAPS = {Column.NAME: 210, Column.ACCESS: 200, Column.STATE: 100, Column.BINDINGS: 220, Column.POOL: 160}
# The path keeps at least this much, enough for a drive, "…" and a folder name; the others give way.
_PATH_MINIMUM = 150
_HIDDEN_BY_DEFAULT = (Column.BINDINGS,)
_GIVES_WAY_FIRST = (Column.BINDINGS, Column.POOL, Column.ACCESS, Column.STATE, Column.NAME)
_COLUMN_MINIMUM = 60


def site_tree(model: QAbstractItemModel) -> QTreeView:
    tree = QTreeView()
    tree.setModel(model)
    tree.setSortingEnabled(True)
    tree.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
    tree.setUniformRowHeights(True)
    tree.setAlternatingRowColors(True)
    tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    tree.setTextElideMode(Qt.TextElideMode.ElideRight)
    tree.setItemDelegateForColumn(Column.PATH, PathDelegate(tree))
    tree.setAccessibleName(
        QCoreApplication.translate("SiteTree", "Sites, applications and virtual directories")
    )
    header = tree.header()
    header.setResizeContentsPrecision(ROWS_ON_SCREEN)
    for column in _HIDDEN_BY_DEFAULT:
        header.setSectionHidden(column, True)
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    header.customContextMenuRequested.connect(lambda point: _show_column_menu(tree, point))
    return tree


def column_actions(tree: QTreeView, parent: QMenu) -> list[QAction]:
    """One checkable action per column but the name: shown or hidden, as the header's menu offers."""
    model, header = tree.model(), tree.header()
    actions = []
    for column in list(Column)[1:]:
        action = QAction(str(model.headerData(column, Qt.Orientation.Horizontal)), parent)
        action.setCheckable(True)
        action.setChecked(not header.isSectionHidden(column))
        action.toggled.connect(lambda shown, chosen=column: _set_shown(tree, chosen, shown))
        actions.append(action)
    return actions


def _set_shown(tree: QTreeView, column: Column, shown: bool) -> None:
    tree.header().setSectionHidden(column, not shown)
    if shown:
        fit_site_columns(tree)


def _show_column_menu(tree: QTreeView, point: QPoint) -> None:
    menu = QMenu(tree)
    menu.addActions(column_actions(tree, menu))
    menu.exec(tree.header().mapToGlobal(point))
    menu.deleteLater()


def _content_width(tree: QTreeView, column: Column) -> int:
    return max(tree.sizeHintForColumn(column), tree.header().sectionSizeHint(column))


def fit_site_columns(tree: QTreeView) -> None:
    """Size the shown columns to the rows on screen, leaving the path (last, stretching) its room."""
    header = tree.header()
    shown = [column for column in _CAPS if not header.isSectionHidden(column)]
    widths = {column: min(_content_width(tree, column), _CAPS[column]) for column in shown}
    # The vertical scroll bar may appear only once a long inventory is laid out: leave room for it now.
    available = (
        tree.width() - 2 * tree.frameWidth() - tree.verticalScrollBar().sizeHint().width() - _PATH_MINIMUM
    )
    # Too narrow for all of them: the least telling give way first, each down to its header's width.
    for column in _GIVES_WAY_FIRST:
        excess = sum(widths.values()) - available
        if excess <= 0 or column not in widths:
            continue
        floor = max(header.sectionSizeHint(column), _COLUMN_MINIMUM)
        widths[column] = max(floor, widths[column] - excess)
    for column, width in widths.items():
        tree.setColumnWidth(column, width)
