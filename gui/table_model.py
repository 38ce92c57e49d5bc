"""One flat table model for every list of records the GUI shows.

Pools, requirements, ACL entries, history and the cross-host findings are all
rows of immutable records with a few columns; each view describes its columns
once and shares this model instead of carrying a model class of its own.
The model sorts its own rows (one key per row) rather than sitting behind a
sort proxy, which compares rows through ``data()`` twice per comparison and
whose index mapping runs on every painted cell.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QBrush, QIcon
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QListView, QTableView

T = TypeVar("T")

Index = QModelIndex | QPersistentModelIndex
RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
# A header's resizeContentsPrecision that sizes columns to the rows on screen. Qt's default reads
# 1,000 rows, a few dozen milliseconds per column of a long list; a value longer than any on screen
# is elided, its tooltip holds it whole.
ROWS_ON_SCREEN = 0


@dataclass(frozen=True)
class Column(Generic[T]):
    header: str
    text: Callable[[T], str]
    icon: Callable[[T], QIcon | None] | None = None
    foreground: Callable[[T], QBrush | None] | None = None
    tooltip: Callable[[T], str] | None = None
    sort_key: Callable[[T], Any] | None = None

    def getter(self, role: int) -> Callable[[T], Any] | None:
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip or self.text
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text
        if role == Qt.ItemDataRole.DecorationRole:
            return self.icon
        return self.foreground if role == Qt.ItemDataRole.ForegroundRole else None


class RecordTableModel(QAbstractTableModel, Generic[T]):
    def __init__(self, columns: Sequence[Column[T]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[T] = []
        self._order: tuple[int, bool] | None = None  # column, descending; None: as given

    def set_records(self, records: Sequence[T]) -> None:
        """Show ``records``, in the order the view last asked for."""
        self.beginResetModel()
        self._rows = self._sorted(records)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder the rows, keeping every persistent index (the selection) on its record."""
        if not 0 <= column < len(self._columns):
            return
        self._order = (column, order == Qt.SortOrder.DescendingOrder)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        old_rows = self._sorted_rows(self._rows)
        self._rows = [self._rows[row] for row in old_rows]
        new_row = {old: new for new, old in enumerate(old_rows)}
        after = [self.index(new_row[index.row()], index.column()) for index in before]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _sorted(self, records: Sequence[T]) -> list[T]:
        return [records[row] for row in self._sorted_rows(records)]

    def _sorted_rows(self, records: Sequence[T]) -> list[int]:
        """The rows of ``records`` in the current order (a stable sort, as Qt's)."""
        if self._order is None:
            return list(range(len(records)))
        column, descending = self._order
        key = self._columns[column].sort_key or self._columns[column].text
        return sorted(range(len(records)), key=lambda row: key(records[row]), reverse=descending)

    def records(self) -> list[T]:
        return list(self._rows)

    def record(self, row: int) -> T:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
        return self._columns[section].header if horizontal and 0 <= section < len(self._columns) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(self._columns):
            return None
        record = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == RECORD_ROLE:
            return record
        getter = column.getter(role)
        return getter(record) if getter is not None else None


def list_view(model: QAbstractItemModel, *, name: str) -> QListView:
    """A read-only list of wrapped, iconed entries that never scrolls sideways (the hosts list)."""
    view = QListView()
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setIconSize(QSize(20, 20))
    view.setSpacing(2)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setWordWrap(True)
    view.setAccessibleName(name)
    return view


def table_view(
    model: QAbstractItemModel,
    *,
    sortable: bool = False,
    order: Qt.SortOrder = Qt.SortOrder.AscendingOrder,
    name: str = "",
) -> QTableView:
    """A read-only, row-selecting table with compact rows, as every table of the app is shown.

    A sortable table starts sorted by its first column in ``order``: Qt's header
    would otherwise start it descending (".NET v4.5" last). ``name`` is what a
    screen reader says for it.
    """
    view = QTableView()
    view.setAccessibleName(name)
    view.setModel(model)
    view.setSortingEnabled(sortable)
    if sortable:
        view.sortByColumn(0, order)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setResizeContentsPrecision(ROWS_ON_SCREEN)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return view


def share_width(wanted: Sequence[int], available: int, minimum: int) -> list[int]:
    """Column widths that fit ``available``: the widest columns give way first, none below ``minimum``.

    Narrow columns keep their full contents; the wide ones are capped at one
    common width, the largest that lets the row fit (their text is elided,
    the tooltip has it whole).
    """
    if sum(wanted) <= available:
        return list(wanted)
    cap = max(wanted)
    while cap > minimum and sum(min(width, cap) for width in wanted) > available:
        cap -= 1
    return [min(width, cap) for width in wanted]


class _ColumnFitter(QObject):
    """Keeps a table's columns fitted to their contents (and its width), refitting when it is resized.

    A hidden table (a tab in the background) is fitted when it is shown: until
    then it has no rows on screen to fit to, and the work would be wasted.
    """

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self._view = view
        self.maximum = 0
        self.within_width = False
        self._pending = False
        view.viewport().installEventFilter(self)

    def fit(self) -> None:
        view, header = self._view, self._view.horizontalHeader()
        self._pending = not view.isVisible()
        if self._pending:
            return
        wanted = [
            min(max(view.sizeHintForColumn(column), header.sectionSizeHint(column)), self.maximum)
            for column in range(header.count())
        ]
        *leading, last = wanted
        # The last column stretches into what is left; it gives way first, down to a glimpse of its text
        # (Qt never shrinks a stretched last section below the default section size).
        glimpse = min(last, max(_LAST_COLUMN_GLIMPSE, header.defaultSectionSize()))
        available = view.viewport().width() - glimpse if self.within_width else sum(leading)
        for column, width in enumerate(share_width(leading, available, minimum=_MINIMUM_COLUMN)):
            header.resizeSection(column, width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize or (event.type() == QEvent.Type.Show and self._pending):
            self.fit()
        return False


_MINIMUM_COLUMN = 48
_LAST_COLUMN_GLIMPSE = 80


def fit_columns(view: QTableView, maximum: int = 260, *, within_width: bool = False) -> None:
    """Size columns to their contents, one long value at most ``maximum`` wide.

    ``within_width``: also keep the table from scrolling sideways (the details
    pane); the wide columns give way, their tooltips still hold the whole text.
    """
    fitter = view.findChild(_ColumnFitter) or _ColumnFitter(view)
    fitter.maximum = maximum
    fitter.within_width = within_width
    fitter.fit()
