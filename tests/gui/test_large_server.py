"""A server with 1,000 sites in the real window: every site shown, the filter's answers exact.

Timings are the benchmark's job (tests/benchmarks); this proves the fast paths
(rows built by the worker, the model's own sort and filter over its prepared
texts, each parent's rows listed when first asked for) still show what the
inventory holds.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from bridge.lab.generate import generate_scenario
from bridge.lab.host import LabHost
from bridge.lab.simulator import SimulatedServer
from bridge.model import Inventory
from gui.main_window import MainWindow
from gui.site_model import Column
from tests.gui.conftest import LAB_USER, WindowFactory, lab_entry

SITES = 1000
LOAD_MS = 120_000


@pytest.fixture
def big_window(
    qtbot: QtBot, tmp_path: Path, lab_password: str, open_window: WindowFactory
) -> Iterator[MainWindow]:
    server = SimulatedServer.from_scenario(generate_scenario(tmp_path / "big", sites=SITES, seed=7))
    with LabHost(server, user=LAB_USER, password=lab_password, auth=("ntlm",)) as lab:
        entry = lab_entry(lab, lab_password)
        window = open_window(entry)
        with qtbot.waitSignal(window.inventoryShown, timeout=LOAD_MS):
            window.select_host(entry.key)
        yield window


def _inventory(window: MainWindow) -> Inventory:
    entry = window.current_entry()
    assert entry is not None and entry.inventory is not None
    return entry.inventory


def _shown(window: MainWindow, parent: QModelIndex | None = None) -> list[str]:
    model = window.sites
    parent = parent or QModelIndex()
    return [str(model.index(row, Column.NAME, parent).data()) for row in range(model.rowCount(parent))]


def _shown_tree(window: MainWindow) -> dict[str, list[str]]:
    """Each site on screen with the rows shown under it."""
    model = window.sites
    return {
        str(model.index(row, Column.NAME).data()): _shown(window, model.index(row, Column.NAME))
        for row in range(model.rowCount())
    }


def test_every_site_is_in_the_tree_with_its_applications_and_directories(big_window: MainWindow) -> None:
    window = big_window
    inventory = _inventory(window)
    assert window.sites.rowCount() == SITES
    assert _shown(window) == sorted(site.name for site in inventory.sites)
    tree = _shown_tree(window)
    for site in inventory.sites:
        below = sorted(
            [app.path.strip("/") for app in site.applications if app.path != "/"]
            + [d.path.strip("/") for d in site.applications[0].virtual_directories if d.path != "/"]
        )
        assert tree[site.name] == below, site.name
    # Too many sites to open them all: the tree starts collapsed.
    assert not window.tree.isExpanded(window.sites.index(0, 0))


def test_the_filter_keeps_the_parents_of_matches_and_only_the_matching_rows_under_them(
    qtbot: QtBot, qtmodeltester: ModelTester, big_window: MainWindow
) -> None:
    window = big_window
    inventory = _inventory(window)
    qtbot.keyClicks(window.filter, "site-0099")
    assert _shown(window) == [f"site-{number:05d}" for number in range(990, 1000)]
    # Few enough to take in at a glance: the matches are opened.
    assert all(window.tree.isExpanded(window.sites.index(row, 0)) for row in range(10))

    # A pool: the sites it serves stay, and under them only the applications that run in it.
    pool = inventory.sites[500].applications[-1].application_pool
    window.filter.setText(pool.lower())
    expected = {
        site.name: sorted(
            app.path.strip("/")
            for app in site.applications
            if app.path != "/" and app.application_pool.casefold() == pool.casefold()
        )
        for site in inventory.sites
        if any(app.application_pool.casefold() == pool.casefold() for app in site.applications)
    }
    assert expected
    assert _shown_tree(window) == expected
    qtmodeltester.check(window.sites, force_py=True)

    # A virtual directory's name keeps every site, each showing just that directory.
    window.filter.setText("STATIC")
    assert _shown_tree(window) == {site.name: ["static"] for site in inventory.sites}

    window.filter.setText("no-such-site")
    assert window.sites.rowCount() == 0
    window.filter.clear()
    assert window.sites.rowCount() == SITES


def _current_target(window: MainWindow) -> str | None:
    node = window.sites.node(window.tree.currentIndex())
    return node.target if node is not None else None


def test_the_selected_and_expanded_rows_stay_through_filter_and_sort(big_window: MainWindow) -> None:
    window = big_window
    assert window.select_target("site-00500/api")
    site = window.sites.index_for("site-00500")
    window.tree.expand(site)
    # A filter that keeps the row keeps it selected, and its site open.
    window.filter.setText("site-0050")
    assert _current_target(window) == "site-00500/api"
    assert window.tree.isExpanded(window.sites.index_for("site-00500"))
    window.tree.sortByColumn(Column.PATH, Qt.SortOrder.DescendingOrder)
    assert _current_target(window) == "site-00500/api"
    assert window.tree.isExpanded(window.sites.index_for("site-00500"))
    assert _shown(window) == [f"site-{number:05d}" for number in range(509, 499, -1)]
    # One that hides it leaves nothing selected, as a filter proxy did; clearing shows every site.
    window.filter.setText("site-0099")
    assert _current_target(window) is None
    assert not window.sites.index_for("site-00500/api").isValid()
    window.filter.clear()
    assert window.sites.rowCount() == SITES and window.sites.index_for("site-00500/api").isValid()


def test_a_keystroke_that_keeps_the_same_rows_does_not_lay_the_tree_out_again(
    qtbot: QtBot, big_window: MainWindow
) -> None:
    window = big_window
    # Every generated site's path holds "sites": the rows stay as they are.
    with qtbot.assertNotEmitted(window.sites.layoutChanged):
        window.filter.setText("sites")
    with qtbot.waitSignal(window.sites.layoutChanged, timeout=1000):
        window.filter.setText("sites\\site-00001")
    assert _shown(window) == ["site-00001"]


def _children_agree(window: MainWindow) -> None:
    """Every row on screen says it has children exactly when it shows some."""
    model, text = window.sites, window.filter.text()
    assert model.hasChildren() == (model.rowCount() > 0)
    for row in range(model.rowCount()):
        site = model.index(row, Column.NAME)
        assert model.hasChildren(site) == (model.rowCount(site) > 0), (text, site.data())
        assert not model.hasChildren(model.index(row, Column.PATH))
        for child_row in range(model.rowCount(site)):
            child = model.index(child_row, Column.NAME, site)
            assert model.hasChildren(child) == (model.rowCount(child) > 0), (
                window.filter.text(),
                child.data(),
            )


def test_the_filter_says_a_row_has_children_exactly_when_it_shows_some(
    qtmodeltester: ModelTester, big_window: MainWindow
) -> None:
    # The model answers hasChildren from the kept rows, before it lists any parent's rows:
    # a wrong answer would draw expand arrows over nothing, or hide rows behind none.
    window = big_window
    model = window.sites
    # The tester also watches every change that follows.
    qtmodeltester.check(model, force_py=True)
    _children_agree(window)
    window.tree.expand(model.index(0, 0))
    entry = window.current_entry()
    assert entry is not None
    steps = [
        lambda: window.filter.setText("site-0099"),
        lambda: window.filter.setText("pool0001"),
        lambda: window.tree.sortByColumn(Column.NAME, Qt.SortOrder.DescendingOrder),
        # A refresh while filtered shows a new forest under the same filter.
        lambda: window.sites.set_forest(entry.sites),
        lambda: window.filter.setText("static"),
        lambda: window.filter.setText("/api"),
        lambda: window.filter.setText("no-such-site"),
        window.filter.clear,
    ]
    for step in steps:
        step()
        _children_agree(window)
    assert model.rowCount() == SITES


def test_sorting_reorders_all_sites_and_keeps_the_selected_row(big_window: MainWindow) -> None:
    window = big_window
    assert window.select_target("site-00500/api")
    window.tree.sortByColumn(Column.NAME, Qt.SortOrder.DescendingOrder)
    names = _shown(window)
    assert names == sorted(names, reverse=True) and len(names) == SITES
    current = window.sites.node(window.tree.currentIndex())
    assert current is not None and current.target == "site-00500/api"
    window.tree.sortByColumn(Column.PATH, Qt.SortOrder.AscendingOrder)
    paths = [
        str(window.sites.index(row, Column.PATH).data()).casefold() for row in range(window.sites.rowCount())
    ]
    assert paths == sorted(paths)
