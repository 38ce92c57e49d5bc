"""The flat tables sort their own rows: by a column's sort key, keeping the selection, across new records."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from gui.table_model import RECORD_ROLE, Column, RecordTableModel, table_view


@dataclass(frozen=True)
class Pool:
    name: str
    applications: int


COLUMNS = [
    Column("Name", lambda p: p.name),
    Column("Applications", lambda p: str(p.applications), sort_key=lambda p: p.applications),
]
POOLS = [Pool("b", 10), Pool("a", 9), Pool("c", 100), Pool("a", 2)]


def _names(model: RecordTableModel[Pool]) -> list[tuple[str, int]]:
    return [(pool.name, pool.applications) for pool in model.records()]


def test_a_sortable_table_orders_by_the_sort_key_and_keeps_equal_rows_in_their_order(qtbot: QtBot) -> None:
    model = RecordTableModel(COLUMNS)
    view = table_view(model, sortable=True)
    qtbot.addWidget(view)
    model.set_records(POOLS)
    view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    # Numbers, not their text: "100" would come before "2".
    assert _names(model) == [("a", 2), ("a", 9), ("b", 10), ("c", 100)]
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert _names(model) == [("a", 2), ("a", 9), ("b", 10), ("c", 100)]
    view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert _names(model) == [("c", 100), ("b", 10), ("a", 2), ("a", 9)]


def test_new_records_are_shown_in_the_order_last_chosen(qtbot: QtBot) -> None:
    model = RecordTableModel(COLUMNS)
    view = table_view(model, sortable=True)
    qtbot.addWidget(view)
    view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    model.set_records(POOLS)
    assert [pool.applications for pool in model.records()] == [100, 10, 9, 2]


def test_an_unsorted_table_keeps_the_records_as_given(qtbot: QtBot) -> None:
    model = RecordTableModel(COLUMNS)
    view = table_view(model)
    qtbot.addWidget(view)
    model.set_records(POOLS)
    assert model.records() == POOLS


def test_sorting_keeps_the_selected_record_selected(qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    model = RecordTableModel(COLUMNS)
    view = table_view(model, sortable=True)
    qtbot.addWidget(view)
    model.set_records(POOLS)
    qtmodeltester.check(model, force_py=True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    chosen = Pool("c", 100)
    row = model.records().index(chosen)
    view.selectionModel().select(
        model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    selected = view.selectionModel().selectedRows()
    assert [index.data(RECORD_ROLE) for index in selected] == [chosen]
    assert selected[0].row() == 0


def test_a_sortable_table_starts_ascending_by_its_first_column(qtbot: QtBot) -> None:
    model = RecordTableModel(COLUMNS)
    view = table_view(model, sortable=True)
    qtbot.addWidget(view)
    model.set_records(POOLS)
    assert [pool.name for pool in model.records()] == ["a", "a", "b", "c"]
    assert view.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.AscendingOrder


def test_a_table_can_start_newest_first(qtbot: QtBot) -> None:
    model = RecordTableModel(COLUMNS)
    view = table_view(model, sortable=True, order=Qt.SortOrder.DescendingOrder)
    qtbot.addWidget(view)
    model.set_records(POOLS)
    assert [pool.name for pool in model.records()] == ["c", "b", "a", "a"]
