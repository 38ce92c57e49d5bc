"""The sites tree: site → application → virtual directory, with each row's access status.

The model adopts a SiteForest built by the worker (one reset that does no
per-row work); a check result or a busy flag later changes only the cells of
the rows it concerns (``dataChanged``), so a 1,000-site tree is never reset for
a status update. ``data()`` is called for every painted cell and role, so it
only looks values up. The model itself shows the filtered, sorted rows: the
forest filters by one pass over its prepared search texts and sorts by one
C-level sort of precomputed keys, and the view is told once (``layoutChanged``)
and asks only for the rows it lays out. There is no filter proxy: at 20,000
sites its Python call per row and comparison (``filterAcceptsRow``,
``lessThan``, re-mapping) took 300 ms per sort and a quarter of a second of
the first layout.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum
from operator import attrgetter
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Slot,
)
from PySide6.QtGui import QBrush, QColor

from bridge.needs import CheckResult
from gui.icons import icon
from gui.site_nodes import BY_NAME, Keys, SiteForest, SiteNode
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
# The columns whose text is a row's own attribute: their sort keys are read in one pass.
_ATTRIBUTES = {
    Column.NAME: "name",
    Column.BINDINGS: "bindings",
    Column.POOL: "pool",
    Column.PATH: "physical_path",
}


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
        # Whether the rows are in ``_order`` by what they show now (a status change may move them).
        self._sorted = True
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
        """Show ``forest`` (None: nothing), in the tree's current order (the worker sorted it by name)
        and under the current filter."""
        self.beginResetModel()
        needle = self._forest.needle
        self._forest = forest if forest is not None else SiteForest()
        self._busy.clear()
        self._sort_forest()
        if self._forest.needle != needle:
            self._forest.show(needle)
        self._sorted = True
        self.endResetModel()

    @Slot(str)
    def set_filter(self, text: str) -> None:
        """Show the rows whose name, bindings, pool or path holds ``text`` (any case), and their
        ancestors; a match keeps its parents. Nothing is signalled when the rows shown stay the same."""
        kept = self._forest.kept(text)
        if kept == (self._forest.shown, self._forest.shown_below):
            # The same rows: the view need not lay out 20,000 of them again for this keystroke.
            self._forest.needle = text.casefold()
            return
        self._relayout(lambda: self._forest.show(text, kept))

    def update_check(self, check: CheckResult) -> None:
        self._forest.record(check)
        self._sorted = False
        self._changed(str(check.target).casefold())

    def set_busy(self, target: str, busy: bool) -> None:
        key = target.casefold()
        if busy:
            self._busy.add(key)
        else:
            self._busy.discard(key)
        self._sorted = False
        self._changed(key)

    def set_all_busy(self, busy: bool) -> None:
        """Mark every row as being checked (a refresh), or none: one change per level of siblings."""
        self._busy = set(self._forest.by_target) if busy else set()
        self._sorted = False
        self._column_changed(Column.ACCESS, self._forest.shown, QModelIndex())
        # Below the sites, only the rows the view has asked for can be on screen.
        for node in list(self._forest.listed):
            parent = self.createIndex(self._forest.row_of(node), 0, node)
            self._column_changed(Column.ACCESS, node.shown, parent)

    def check_for(self, target: str) -> CheckResult | None:
        return self._forest.check_for(target)

    def index_for(self, target: str) -> QModelIndex:
        """The row of ``target``; invalid when there is none or the filter hides it."""
        node = self._forest.by_target.get(target.casefold())
        if node is None or not self._forest.is_shown(node):
            return QModelIndex()
        return self.createIndex(self._forest.row_of(node), 0, node)

    def node(self, index: Index) -> SiteNode | None:
        return index.internalPointer() if index.isValid() else None

    def _changed(self, key: str) -> None:
        node = self._forest.by_target.get(key)
        if node is not None and self._forest.is_shown(node):
            row = self._forest.row_of(node)
            self.dataChanged.emit(self.createIndex(row, 0, node), self.createIndex(row, Column.PATH, node))

    def _column_changed(self, column: Column, siblings: Sequence[SiteNode], parent: QModelIndex) -> None:
        if siblings:
            last = len(siblings) - 1
            self.dataChanged.emit(
                self.index(0, column, parent), self.index(last, column, parent), [Qt.ItemDataRole.DisplayRole]
            )

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # The view asks for every row it lays out (20,000 at 20,000 sites): this stays one call deep.
        siblings = (
            self._forest.children_shown(parent.internalPointer()) if parent.isValid() else self._forest.shown
        )
        if 0 <= row < len(siblings) and 0 <= column < _COLUMNS:
            return self.createIndex(row, column, siblings[row])
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self.node(index)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(self._forest.row_of(node.parent), 0, node.parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._forest.shown)
        return len(self._forest.children_shown(parent.internalPointer())) if parent.column() == 0 else 0

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        # Asked for every row the view lays out: one look, not Qt's default of asking rowCount().
        if not parent.isValid():
            return bool(self._forest.shown)
        return parent.column() == 0 and self._forest.has_shown_children(parent.internalPointer())

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
        wanted = (column, order == Qt.SortOrder.DescendingOrder)
        # QTreeView.sortByColumn asks twice (once itself, once for the header's indicator): the
        # second would lay out every row again for nothing. Sorting by the same column after a
        # change re-reads the values (statuses change after a grant).
        if wanted == self._order and self._sorted:
            return
        self._order = wanted
        self._relayout(lambda: self._sort_forest(again=True))
        self._sorted = True

    def _relayout(self, change: Callable[[], None]) -> None:
        """Apply ``change`` to the rows shown, telling the view once.

        Every persistent index (selection, current row, expanded rows) follows its row; one the
        filter now hides becomes invalid, as a row a proxy filtered out would.
        """
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        change()
        self.changePersistentIndexList(persistent, [self._moved(index) for index in persistent])
        self.layoutChanged.emit()

    def _moved(self, index: QModelIndex) -> QModelIndex:
        node: SiteNode = index.internalPointer()
        if not self._forest.is_shown(node):
            return QModelIndex()
        return self.createIndex(self._forest.row_of(node), index.column(), node)

    def _sort_forest(self, *, again: bool = False) -> None:
        self._forest.sort(self._keys(self._order[0]), self._order, again=again)

    def _keys(self, column: int) -> Keys:
        """The sort keys of a column's rows, case-folded, made in one pass."""
        attribute = _ATTRIBUTES.get(Column(column))
        if attribute is not None:
            values = attrgetter(attribute)
            return lambda nodes: list(map(str.casefold, map(values, nodes)))
        return lambda nodes: [self._text(node, column).casefold() for node in nodes]

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
