"""The finish an admin notices: readable columns, sensible order, Windows' own words for rights."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from bridge.model import PathAccess
from bridge.rights import SIMPLE_RIGHTS, SPECIFIC_RIGHTS
from bridge.sddl import parse_dacl
from gui.columns import acl_columns, acl_rows
from gui.main_window import MainWindow
from gui.path_elision import ELLIPSIS, elide_path
from gui.rights_words import rights_text
from gui.site_model import Column
from gui.table_model import RecordTableModel
from tests.gui.conftest import WAIT_MS


def test_the_sites_columns_can_be_chosen_from_the_view_menu(lab_window: MainWindow) -> None:
    window = lab_window
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    columns_menu = next(a.menu() for a in view_menu.actions() if a.menu() is not None)
    columns_menu.aboutToShow.emit()
    bindings = next(a for a in columns_menu.actions() if a.text() == "Bindings")
    assert not bindings.isChecked()
    bindings.setChecked(True)
    assert not window.tree.header().isSectionHidden(Column.BINDINGS)


def test_long_paths_are_shortened_in_the_middle_and_whole_in_the_tooltip(
    qtbot: QtBot, lab_window: MainWindow
) -> None:
    window = lab_window
    tree = window.tree
    index = window.sites.index_for("Kunden-Portal Müller/dokumente")
    path_index = index.siblingAtColumn(Column.PATH)
    full = str(path_index.data())
    delegate = tree.itemDelegateForColumn(Column.PATH)
    option = QStyleOptionViewItem()
    option.initFrom(tree)
    option.rect = tree.visualRect(path_index)
    delegate.initStyleOption(option, path_index)
    assert option.textElideMode == Qt.TextElideMode.ElideMiddle
    assert path_index.data(Qt.ItemDataRole.ToolTipRole) == full
    metrics = tree.fontMetrics()
    shown = elide_path(full, lambda text: metrics.horizontalAdvance(text) <= 100)
    assert shown.startswith("D:\\") and shown.endswith("\\Dokumente") and ELLIPSIS in shown


def test_every_cut_cell_has_its_whole_text_as_a_tooltip(qtbot: QtBot, lab_window: MainWindow) -> None:
    window = lab_window
    assert window.select_target("O'Brien Bakery")
    qtbot.waitUntil(lambda: window.details.acl.rowCount() > 0, timeout=WAIT_MS)
    for model in (window.details.acl, window.details.requirements, window.pools):
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                index = model.index(row, column)
                assert str(index.data()) in str(index.data(Qt.ItemDataRole.ToolTipRole))
    for column in range(window.sites.columnCount()):
        index = window.sites.index(0, column)
        if column != Column.ACCESS:
            assert index.data(Qt.ItemDataRole.ToolTipRole) == index.data()


TRUSTED_INSTALLER = "S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464"


def _access(sddl: str) -> PathAccess:
    return PathAccess(
        path="D:\\Sites\\Shop",
        exists=True,
        is_directory=True,
        is_unc=False,
        owner=None,
        protected=False,
        sddl=sddl,
        dacl=parse_dacl(sddl),
    )


def test_the_acl_table_shows_one_row_per_entry_with_the_security_tabs_words(qtbot: QtBot) -> None:
    access = _access(
        f"D:AI(A;ID;FA;;;SY)(A;OICIIOID;GA;;;SY)(A;ID;FA;;;{TRUSTED_INSTALLER})"
        f"(A;CIIOID;GA;;;{TRUSTED_INSTALLER})(A;CI;0x3;;;BU)"
    )
    model = RecordTableModel(acl_columns())
    model.set_records(acl_rows(access))
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    rights, applies = header.index("Rights"), header.index("Applies to")
    rows = [(model.index(r, rights).data(), model.index(r, applies).data()) for r in range(model.rowCount())]
    assert rows == [
        ("Full control", "This folder, subfolders and files"),
        ("Full control", "This folder and subfolders"),
        ("Special: List folder, Create files (RD, WD)", "This folder and subfolders"),
    ]


def test_every_right_the_bridge_names_has_its_word_in_the_ui() -> None:
    for right in (*SIMPLE_RIGHTS, *SPECIFIC_RIGHTS):
        assert rights_text(right.name) == right.words
