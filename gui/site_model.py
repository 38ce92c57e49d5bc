"""The sites tree: site → application → virtual directory, with each row's access status.

The model adopts a SiteForest built by the worker (one reset that does no
per-row work); a check result or a busy flag later changes only the cells of
the rows it concerns (``dataChanged``), so a 1,000-site tree is never reset for
a status update. ``data()`` is called for every painted cell and role, so it
only looks values up. Sorting reorders the forest itself (one C-level sort per
level) and filtering reads each row's prepared search text: the proxy never
asks ``data()`` for thousands of rows per keystroke or click.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Slot,
)
from PySide6.QtGui import QBrush, QColor

from bridge.needs import CheckResult
from gui.icons import icon
from gui.site_nodes import BY_NAME, SiteForest, SiteNode
from gui.table_model import RECORD_ROLE
from gui.texts import iis_word, reason_text, status_text

Index = QModelIndex | QPersistentModelIndex


class Column(int, Enum):
    NAME = 0
    ACCESS = 1
    STATE = 2
    BINDINGS = 3
    POOL = 4
    PATH = 5


_STATUS_COLOURS = {
    "ok": "#2e7d32",
    "missing": "#b26a00",
    "blocked": "#c62828",
    "unfixable": "#5f6368",
    "too-much": "#6a3fb5",
}
_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.ForegroundRole,
        RECORD_ROLE,
    }
)
_COLUMNS = len(Column)
_BRACKETED_FILTER_CHANGE = hasattr(QSortFilterProxyModel, "beginFilterChange")


def _cached(words: dict[str, str], text: str, translate: Callable[[str], str]) -> str:
    word = words.get(text)
    if word is None:
        word = words[text] = translate(text)
    return word


class SiteTreeModel(QAbstractItemModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._forest = SiteForest()
        self._busy: set[str] = set()
        self._order = BY_NAME
        # A few distinct statuses and IIS states, each translated and coloured once.
        self._status_words: dict[str, str] = {}
        self._state_words: dict[str, str] = {}
        self._brushes = {status: QBrush(QColor(colour)) for status, colour in _STATUS_COLOURS.items()}
        self._headers = [
            self.tr("Name"),
            self.tr("Access"),
            self.tr("State"),
            self.tr("Bindings"),
            self.tr("Application pool"),
            self.tr("Physical path"),
        ]

    def set_forest(self, forest: SiteForest | None) -> None:
        """Show ``forest`` (None: nothing), in the tree's current order (the worker sorted it by name)."""
        self.beginResetModel()
        self._forest = forest if forest is not None else SiteForest()
        self._busy.clear()
        self._sort_forest()
        self.endResetModel()

    def update_check(self, check: CheckResult) -> None:
        self._forest.record(check)
        self._changed(str(check.target).casefold())

    def set_busy(self, target: str, busy: bool) -> None:
        key = target.casefold()
        if busy:
            self._busy.add(key)
        else:
            self._busy.discard(key)
        self._changed(key)

    def set_all_busy(self, busy: bool) -> None:
        """Mark every row as being checked (a refresh), or none: one change per level of siblings."""
        self._busy = set(self._forest.by_target) if busy else set()
        self._column_changed(Column.ACCESS, self._forest.sites, QModelIndex())
        for node in self._forest.nodes():
            if node.children:
                self._column_changed(Column.ACCESS, node.children, self.createIndex(node.row, 0, node))

    def check_for(self, target: str) -> CheckResult | None:
        return self._forest.check_for(target)

    def index_for(self, target: str) -> QModelIndex:
        node = self._forest.by_target.get(target.casefold())
        return self.createIndex(node.row, 0, node) if node is not None else QModelIndex()

    def node(self, index: Index) -> SiteNode | None:
        return index.internalPointer() if index.isValid() else None

    def _changed(self, key: str) -> None:
        node = self._forest.by_target.get(key)
        if node is not None:
            self.dataChanged.emit(
                self.createIndex(node.row, 0, node), self.createIndex(node.row, Column.PATH, node)
            )

    def _column_changed(self, column: Column, siblings: list[SiteNode], parent: QModelIndex) -> None:
        if siblings:
            last = len(siblings) - 1
            self.dataChanged.emit(
                self.index(0, column, parent), self.index(last, column, parent), [Qt.ItemDataRole.DisplayRole]
            )

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # The proxy asks for a source index for every cell it paints: this stays one call deep.
        siblings: list[SiteNode] = (
            parent.internalPointer().children if parent.isValid() else self._forest.sites
        )
        if 0 <= row < len(siblings) and 0 <= column < _COLUMNS:
            return self.createIndex(row, column, siblings[row])
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self.node(index)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.children_of(parent))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return _COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
        return self._headers[section] if horizontal and 0 <= section < len(self._headers) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid():
            return None
        node: SiteNode = index.internalPointer()
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(node, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node, column)
        if column == Column.ACCESS:
            return self._access_role(node, role)
        if role == Qt.ItemDataRole.DecorationRole and column == Column.NAME:
            return icon(f"node-{node.kind.value}")
        return node if role == RECORD_ROLE else None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder the rows themselves, keeping every persistent index (selection, expansion) on its row."""
        self._order = (column, order == Qt.SortOrder.DescendingOrder)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        # Sorting by the same column again re-reads the values (statuses change after a grant).
        self._sort_forest(again=True)
        nodes: list[SiteNode] = [index.internalPointer() for index in before]
        after = [self.createIndex(n.row, index.column(), n) for n, index in zip(nodes, before, strict=True)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _sort_forest(self, *, again: bool = False) -> None:
        column = self._order[0]
        self._forest.sort(lambda node: self._text(node, column).casefold(), self._order, again=again)

    def children_of(self, parent: Index) -> list[SiteNode]:
        node = self.node(parent)
        return self._forest.sites if node is None else node.children

    def _status(self, node: SiteNode) -> str | None:
        key = node.target.casefold()
        if key in self._busy:
            return "busy"
        check = self._forest.checks.get(key)
        return check.status.value if check is not None else None

    def _text(self, node: SiteNode, column: int) -> str:
        if column == Column.NAME:
            return node.name
        if column == Column.ACCESS:
            status = self._status(node)
            return _cached(self._status_words, status, status_text) if status is not None else ""
        if column == Column.STATE:
            return _cached(self._state_words, node.state, iis_word) if node.state else ""
        if column == Column.BINDINGS:
            return node.bindings
        return node.pool if column == Column.POOL else node.physical_path

    def _tooltip(self, node: SiteNode, column: int) -> str:
        if column == Column.ACCESS:
            check = self._forest.check_for(node.target)
            if check is not None:
                reasons = [reason_text(r.reason) for r in check.requirements if not r.ok]
                reasons += [reason_text(found.reason) for found in check.excessive]
                return "\n".join(reasons) or self._text(node, column)
        return self._text(node, column)

    def _access_role(self, node: SiteNode, role: int) -> Any:
        status = self._status(node)
        if status is None:
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            return icon(f"status-{status}")
        return self._brushes.get(status) if role == Qt.ItemDataRole.ForegroundRole else None


class SiteFilterProxy(QSortFilterProxyModel):
    """Case-insensitive filter on a row's name, bindings, pool and path; a match keeps its ancestors.

    A row stays when its subtree's search text holds the filter, so Qt never has
    to recurse into children to decide it. Sorting is passed to the source model.
    """

    def __init__(self, source: SiteTreeModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self.setSourceModel(source)
        # Search texts never change with a row's status: nothing to re-filter on dataChanged.
        self.setDynamicSortFilter(False)
        self._needle = ""
        self._refiltering = False

    @Slot(str)
    def set_text(self, text: str) -> None:
        # While Qt re-filters, its mappings still hold the old answer: hasChildren must agree with them.
        self._refiltering = True
        try:
            # Qt 6.10 brackets a filter change instead (and PySide 6.11 warns on invalidateRowsFilter).
            if _BRACKETED_FILTER_CHANGE:
                self.beginFilterChange()
                self._needle = text.casefold()
                self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
            else:
                self._needle = text.casefold()
                self.invalidateRowsFilter()
        finally:
            self._refiltering = False

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._needle:
            return True
        return self._needle in self._source.children_of(source_parent)[source_row].search

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        # Qt's answer filters every child of ``parent`` to build its mapping: laying out a
        # 1,000-site tree would filter 2,000 unexpanded children. A subtree's search text answers it.
        if self._refiltering:
            return super().hasChildren(parent)
        if parent.isValid() and parent.column() != 0:
            return False
        source = self.mapToSource(parent)
        if parent.isValid() and not source.isValid():
            return False
        return any(self._needle in child.search for child in self._source.children_of(source))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._source.sort(column, order)
