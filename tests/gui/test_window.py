"""The window around the main path: failures in place, filtering, responsiveness, models."""

from __future__ import annotations

import time

from PySide6.QtCore import QElapsedTimer, QModelIndex, Qt, QTimer
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from bridge.errors import AuthenticationFailed
from bridge.lab.host import LabHost
from bridge.lab.simulator import requested_paths
from gui.hosts import HostState
from gui.main_window import MainWindow
from gui.settings import Settings
from gui.site_model import Column
from gui.texts import status_text
from tests.gui.conftest import WAIT_MS, LabFactory, LabWindowFactory, WindowFactory, lab_entry


def test_a_wrong_password_shows_the_banner_on_the_host(qtbot: QtBot, open_lab: LabWindowFactory) -> None:
    window, entry = open_lab("not-the-password")
    qtbot.waitUntil(window.banner.isVisible, timeout=WAIT_MS)
    assert entry.state is HostState.FAILED
    assert isinstance(entry.error, AuthenticationFailed)
    assert "rejected the sign-in" in window.banner.message_label.text()
    assert window.banner.hint_label.text()
    assert not window.banner.details.isVisible()
    window.banner.details_button.click()
    assert window.banner.details.isVisible()
    assert "AuthenticationFailed" in window.banner.details.toPlainText()
    assert window.sites.rowCount() == 0


def _top_level_names(window: MainWindow) -> list[str]:
    model = window.sites
    return [str(model.index(row, 0).data()) for row in range(model.rowCount())]


def test_the_filter_narrows_the_tree_and_keeps_the_parents_of_matches(
    qtbot: QtBot, lab_window: MainWindow
) -> None:
    window = lab_window
    everything = _top_level_names(window)
    assert len(everything) > 3
    qtbot.keyClicks(window.filter, "bakery")
    assert _top_level_names(window) == ["O'Brien Bakery"]
    window.filter.clear()
    assert _top_level_names(window) == everything
    # A virtual directory's name keeps its site (and application) visible.
    qtbot.keyClicks(window.filter, "dokumente")
    assert _top_level_names(window) == ["Kunden-Portal Müller"]
    site = window.sites.index(0, 0)
    assert window.sites.rowCount(site) == 1


def test_the_filter_and_refresh_have_their_shortcuts(lab_window: MainWindow) -> None:
    assert lab_window.find_action.shortcut().toString() == "Ctrl+F"
    assert "F5" in [key.toString() for key in lab_window.refresh_action.shortcuts()]


def test_the_gui_thread_keeps_processing_events_while_a_slow_host_answers(
    qtbot: QtBot, start_lab: LabFactory, lab_password: str, open_window: WindowFactory
) -> None:
    entry = lab_entry(start_lab(latency_ms=2000), lab_password)
    window = open_window(entry)
    gaps: list[float] = []
    last = [time.monotonic()]

    def beat() -> None:
        now = time.monotonic()
        gaps.append(now - last[0])
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(20)
    heartbeat.timeout.connect(beat)
    heartbeat.start()
    elapsed = QElapsedTimer()
    elapsed.start()
    with qtbot.waitSignal(window.inventoryShown, timeout=60_000):
        window.select_host(entry.key)
    heartbeat.stop()
    # The host really was slow (several 2 s answers) while the heartbeat kept ticking.
    assert elapsed.elapsed() >= 2000
    assert len(gaps) > 50
    assert max(gaps) < 0.5


def test_every_model_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, lab_window: MainWindow
) -> None:
    window = lab_window
    assert window.select_target("Contoso Shop")
    qtbot.waitUntil(lambda: window.details.acl.rowCount() > 0, timeout=WAIT_MS)
    for model in (
        window.sites,
        window.pools,
        window.hosts,
        window.findings,
        window.details.requirements,
        window.details.acl,
        window.history.model,
    ):
        qtmodeltester.check(model, force_py=True)
    assert window.pools.rowCount() >= 5
    assert window.details.requirements.rowCount() >= 1


def test_check_all_hosts_lists_what_needs_fixing(qtbot: QtBot, lab_window: MainWindow) -> None:
    window = lab_window
    with qtbot.waitSignal(window.inventoryShown, timeout=WAIT_MS):
        window.check_all_action.trigger()
    assert window.tabs.currentWidget() is window.findings_view
    targets = {str(row.check.target) for row in window.findings.records()}
    assert "O'Brien Bakery" in targets
    assert "Default Web Site" not in targets


def test_the_sites_tree_sorts_without_losing_status(lab_window: MainWindow) -> None:
    model = lab_window.sites
    lab_window.tree.sortByColumn(Column.NAME, Qt.SortOrder.DescendingOrder)
    names = [str(model.index(row, 0, QModelIndex()).data()) for row in range(model.rowCount())]
    assert names == sorted(names, key=str.casefold, reverse=True)
    bakery = next(row for row, name in enumerate(names) if name == "O'Brien Bakery")
    assert model.index(bakery, Column.ACCESS).data() == status_text("missing")


def test_showing_a_server_costs_two_round_trips(lab: LabHost, lab_window: MainWindow) -> None:
    # The inventory and one path-access call for every folder: the whole view, whatever the size.
    assert [record["operation"] for record in lab.records] == ["inventory", "path-access"]
    assert len(requested_paths(lab.records[1]["parameters"])) > 1


def _fitted(window: MainWindow) -> bool:
    """Whether name, access, state and pool show their longest value on screen (or their cap)."""
    tree = window.tree
    return all(
        tree.columnWidth(column) >= min(tree.sizeHintForColumn(column), cap)
        for column, cap in ((Column.NAME, 240), (Column.ACCESS, 190), (Column.STATE, 110), (Column.POOL, 180))
    )


def test_the_sites_columns_are_fitted_once_shown_and_the_admins_widths_come_back(
    qtbot: QtBot, open_lab: LabWindowFactory, lab_password: str
) -> None:
    window, _entry = open_lab(lab_password)
    qtbot.waitSignal(window.inventoryShown, timeout=WAIT_MS).wait()
    # Fitted on the event loop's next turn, so that showing the rows and measuring them never add up.
    qtbot.waitUntil(lambda: _fitted(window), timeout=WAIT_MS)
    tree = window.tree
    assert sum(tree.columnWidth(column) for column in Column if column != Column.PATH) <= tree.width()

    tree.setColumnWidth(Column.NAME, 333)
    window.close()
    again, _entry = open_lab(lab_password)
    qtbot.waitSignal(again.inventoryShown, timeout=WAIT_MS).wait()
    qtbot.waitUntil(lambda: again.tree.columnWidth(Column.NAME) == 333, timeout=WAIT_MS)


def test_a_window_closed_before_any_site_was_shown_keeps_no_column_widths(
    settings: Settings, lab: LabHost, lab_password: str, open_window: WindowFactory
) -> None:
    # Its default widths would otherwise be restored forever in place of widths fitted to real rows.
    window = open_window(lab_entry(lab, lab_password))
    window.close()
    assert settings.header_state("sites").isEmpty()


def test_pools_and_sites_start_ascending_by_name(lab_window: MainWindow) -> None:
    pools = [row.pool.name for row in lab_window.pools.records()]
    assert len(pools) > 2
    assert pools == sorted(pools, key=str.casefold)
    assert pools[0] == ".NET v4.5"
    sites = _top_level_names(lab_window)
    assert len(sites) > 2
    assert sites == sorted(sites, key=str.casefold)
