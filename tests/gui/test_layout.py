"""What an admin sees: columns that fit, values in words, icons that say what a row is."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from pytestqt.qtbot import QtBot

from gui.hosts import host_line
from gui.main_window import MainWindow
from gui.site_model import Column
from gui.site_nodes import NodeKind
from gui.table_model import share_width
from tests.gui.conftest import WAIT_MS


def test_share_width_keeps_narrow_columns_and_caps_the_wide_ones() -> None:
    assert share_width([50, 80, 300], 1000, minimum=40) == [50, 80, 300]
    assert share_width([50, 80, 300, 250], 500, minimum=40) == [50, 80, 185, 185]
    assert share_width([300, 300], 10, minimum=40) == [40, 40]


def test_the_details_tables_fit_the_default_window_without_scrolling_sideways(
    qtbot: QtBot, lab_window: MainWindow
) -> None:
    window = lab_window
    window.resize(1460, 860)
    assert window.select_target("O'Brien Bakery")
    qtbot.waitUntil(lambda: window.details.acl.rowCount() > 0, timeout=WAIT_MS)
    for view in (window.details.acl_view, window.details.requirements_view):
        qtbot.waitUntil(lambda view=view: view.horizontalScrollBar().maximum() == 0, timeout=WAIT_MS)
    acl = window.details.acl
    header = [acl.headerData(c, Qt.Orientation.Horizontal) for c in range(acl.columnCount())]
    assert "Source" in header and "Inherited" not in header


def test_rows_say_what_they_are_and_hosts_say_how_they_are(lab_window: MainWindow) -> None:
    window = lab_window
    kinds = set()
    stack = [window.sites.index(row, 0) for row in range(window.sites.rowCount())]
    while stack:
        index = stack.pop()
        node = window.sites.node(index)
        assert node is not None
        decoration = window.sites.data(index, Qt.ItemDataRole.DecorationRole)
        assert isinstance(decoration, QIcon) and not decoration.isNull()
        kinds.add(node.kind)
        stack.extend(window.sites.index(row, 0, index) for row in range(window.sites.rowCount(index)))
    assert kinds == set(NodeKind)
    entry = window.controller.entries[0]
    counts = entry.counts
    assert host_line(entry) == (
        f"Connected · {counts.to_fix} to fix · {counts.elsewhere} cannot be fixed here · "
        f"{counts.too_much} with too much access"
    )
    assert host_line(entry) in str(window.hosts.index(0, 0).data())
    assert window.sites.index(0, Column.STATE).data() == "Started"


def test_the_default_layout_shows_the_sites_columns_and_the_fix_buttons_without_scrolling(
    qtbot: QtBot, lab_window: MainWindow
) -> None:
    window = lab_window
    assert window.size().width() == 1460
    assert window.select_target("O'Brien Bakery")
    qtbot.waitUntil(lambda: window.details.acl.rowCount() > 0, timeout=WAIT_MS)
    header = window.tree.header()
    viewport = window.tree.viewport().width()
    # Bindings are one click away (header menu, View > Site columns); the physical path shows.
    assert header.isSectionHidden(Column.BINDINGS)
    for column in (Column.NAME, Column.ACCESS, Column.STATE, Column.POOL, Column.PATH):
        assert not header.isSectionHidden(column)
        assert header.sectionViewportPosition(column) >= 0
        assert header.sectionViewportPosition(column) + header.sectionSize(column) <= viewport, column
    assert header.sectionSize(Column.PATH) >= 150
    # Names and statuses are sized to their contents, not elided.
    for column in (Column.NAME, Column.ACCESS):
        assert header.sectionSize(column) >= window.tree.sizeHintForColumn(column)
    hosts, tree, details = window.splitter.sizes()
    assert hosts <= 220
    assert tree > details > 0.33 * sum((hosts, tree, details))

    acl = window.details.acl_view
    rows_height = sum(acl.rowHeight(row) for row in range(window.details.acl.rowCount()))
    assert acl.height() <= rows_height + acl.horizontalHeader().height() + 4 * acl.frameWidth() + 8
    for button in window.details.grant_buttons.values():
        assert button.isVisible()
        corner = button.mapTo(window, button.rect().bottomRight())
        assert window.rect().contains(corner)
        assert not button.visibleRegion().isEmpty()
