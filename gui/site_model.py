"""The sites tree: site → application → virtual directory, with each row's access status.

Built once per inventory; a check result or a busy flag later changes only the
cells of the rows it concerns (``dataChanged``), so a 1,000-site tree is never
reset for a status update. Filtering is the proxy's job (recursive, so a
matching virtual directory keeps its site and application visible).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from bridge.model import Inventory, Target
from bridge.needs import CheckResult
from gui.icons import icon
from gui.table_model import RECORD_ROLE, SORT_ROLE
from gui.texts import iis_word, reason_text, status_text

Index = QModelIndex | QPersistentModelIndex


class Column(int, Enum):
    NAME = 0
    ACCESS = 1
    STATE = 2
    BINDINGS = 3
    POOL = 4
    PATH = 5


class NodeKind(str, Enum):
    SITE = "site"
    APPLICATION = "application"
    VIRTUAL_DIRECTORY = "virtual-directory"


@dataclass(eq=False)
class SiteNode:
    kind: NodeKind
    name: str
    target: str
    state: str
    bindings: str
    pool: str
    physical_path: str
    parent: SiteNode | None = None
    children: list[SiteNode] = field(default_factory=list)
    row: int = 0

    def add(self, child: SiteNode) -> None:
        child.parent = self
        child.row = len(self.children)
        self.children.append(child)


_STATUS_COLOURS = {"ok": "#2e7d32", "missing": "#b26a00", "blocked": "#c62828", "unfixable": "#5f6368"}


def _node(target: Target) -> SiteNode:
    site = target.site
    if target.kind == "site":
        name = site.name
        bindings = ", ".join(f"{b.protocol} {b.binding_information}" for b in site.bindings)
        state = site.state
    else:
        name = (
            target.directory.path if target.kind == "virtual-directory" else target.application.path
        ).strip("/")
        bindings = state = ""
    pool = target.application.application_pool if target.kind != "virtual-directory" else ""
    return SiteNode(
        NodeKind(target.kind), name, str(target.ref), state, bindings, pool, target.directory.physical_path
    )


def _site_nodes(inventory: Inventory) -> list[SiteNode]:
    """Sites with their applications, each holding its virtual directories, as IIS Manager shows them."""
    sites: dict[str, SiteNode] = {}
    applications: dict[tuple[str, str], SiteNode] = {}
    for target in inventory.targets():
        node = _node(target)
        if target.kind == "site":
            sites[target.site.name] = node
            applications[(target.site.name, "/")] = node
            continue
        site = sites.get(target.site.name)
        if site is None:
            continue
        if target.kind == "application":
            site.add(node)
            applications[(target.site.name, target.application.path)] = node
        else:
            owner = applications.get((target.site.name, target.application.path), site)
            owner.add(node)
    for row, node in enumerate(sites.values()):
        node.row = row
    return list(sites.values())


class SiteTreeModel(QAbstractItemModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sites: list[SiteNode] = []
        self._by_target: dict[str, SiteNode] = {}
        self._checks: dict[str, CheckResult] = {}
        self._busy: set[str] = set()
        self._headers = [
            self.tr("Name"),
            self.tr("Access"),
            self.tr("State"),
            self.tr("Bindings"),
            self.tr("Application pool"),
            self.tr("Physical path"),
        ]

    def set_inventory(self, inventory: Inventory | None, checks: list[CheckResult]) -> None:
        self.beginResetModel()
        self._sites = _site_nodes(inventory) if inventory is not None else []
        self._by_target = {}
        stack = list(self._sites)
        while stack:
            node = stack.pop()
            self._by_target[node.target.casefold()] = node
            stack.extend(node.children)
        self._checks = {str(check.target).casefold(): check for check in checks}
        self._busy.clear()
        self.endResetModel()

    def update_check(self, check: CheckResult) -> None:
        key = str(check.target).casefold()
        self._checks[key] = check
        self._changed(key)

    def set_busy(self, target: str, busy: bool) -> None:
        key = target.casefold()
        if busy:
            self._busy.add(key)
        else:
            self._busy.discard(key)
        self._changed(key)

    def set_all_busy(self, busy: bool) -> None:
        """Mark every row as being checked (a refresh), or none."""
        self._busy = set(self._by_target) if busy else set()
        for key in self._by_target:
            self._changed(key)

    def check_for(self, target: str) -> CheckResult | None:
        return self._checks.get(target.casefold())

    def index_for(self, target: str) -> QModelIndex:
        node = self._by_target.get(target.casefold())
        return self.createIndex(node.row, 0, node) if node is not None else QModelIndex()

    def node(self, index: Index) -> SiteNode | None:
        return index.internalPointer() if index.isValid() else None

    def _changed(self, key: str) -> None:
        node = self._by_target.get(key)
        if node is not None:
            self.dataChanged.emit(
                self.createIndex(node.row, 0, node), self.createIndex(node.row, Column.PATH, node)
            )

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        siblings = self._children(parent)
        if 0 <= row < len(siblings) and 0 <= column < len(Column):
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
        return len(self._children(parent))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
        return self._headers[section] if horizontal and 0 <= section < len(self._headers) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        column = Column(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return self._text(node, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node, column)
        if column is Column.ACCESS:
            return self._access_role(node, role)
        if role == Qt.ItemDataRole.DecorationRole and column is Column.NAME:
            return icon(f"node-{node.kind.value}")
        return node if role == RECORD_ROLE else None

    def _children(self, parent: Index) -> list[SiteNode]:
        node = self.node(parent)
        return self._sites if node is None else node.children

    def _status(self, node: SiteNode) -> str | None:
        if node.target.casefold() in self._busy:
            return "busy"
        check = self._checks.get(node.target.casefold())
        return check.status.value if check is not None else None

    def _text(self, node: SiteNode, column: Column) -> str:
        if column is Column.ACCESS:
            status = self._status(node)
            return status_text(status) if status is not None else ""
        return {
            Column.NAME: node.name,
            Column.STATE: iis_word(node.state) if node.state else "",
            Column.BINDINGS: node.bindings,
            Column.POOL: node.pool,
            Column.PATH: node.physical_path,
        }[column]

    def _tooltip(self, node: SiteNode, column: Column) -> str:
        if column is Column.ACCESS:
            check = self._checks.get(node.target.casefold())
            if check is not None:
                reasons = [reason_text(r.reason) for r in check.requirements if not r.ok]
                return "\n".join(reasons) or self._text(node, column)
        return self._text(node, column)

    def _access_role(self, node: SiteNode, role: int) -> Any:
        status = self._status(node)
        if status is None:
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            return icon(f"status-{status}")
        if role == Qt.ItemDataRole.ForegroundRole and status in _STATUS_COLOURS:
            return QBrush(QColor(_STATUS_COLOURS[status]))
        return None


class SiteFilterProxy(QSortFilterProxyModel):
    """Case-insensitive filter on every column; a match keeps its ancestors visible."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
