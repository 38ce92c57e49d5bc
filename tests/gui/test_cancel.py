"""Cancel (toolbar or Esc) stops a slow operation on the host and leaves the window usable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from bridge.lab.simulator import SimulatedServer
from gui.hosts import HostState
from gui.site_model import Column
from gui.texts import status_text
from tests.gui.conftest import WAIT_MS, LabFactory, WindowFactory, lab_entry

SLOW_S = 60  # far longer than the test waits: only a cancel can end the operation in time


def _no_dialog_open() -> bool:
    return not any(isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets())


def test_escape_cancels_a_slow_refresh_calmly_and_the_window_goes_on(
    qtbot: QtBot,
    server: SimulatedServer,
    start_lab: LabFactory,
    lab_password: str,
    open_window: WindowFactory,
) -> None:
    lab = start_lab()
    entry = lab_entry(lab, lab_password)
    window = open_window(entry)
    with qtbot.waitSignal(window.inventoryShown, timeout=WAIT_MS):
        window.select_host(entry.key)
    arrived = len(lab.records)
    server.operation_delay_s = SLOW_S
    window.refresh_action.trigger()
    qtbot.waitUntil(lambda: len(lab.records) > arrived, timeout=WAIT_MS)
    assert window.cancel_action.isEnabled()
    assert window.sites.data(window.sites.index(0, Column.ACCESS)) == status_text("busy")

    with qtbot.waitSignal(window.controller.cancelled, timeout=WAIT_MS):
        QTest.keyClick(window.tree, Qt.Key.Key_Escape)

    assert lab.records[arrived]["operation"] == "inventory"
    assert not window.controller.runner.is_busy(entry.key)
    assert not window.cancel_action.isEnabled()
    assert entry.state is HostState.READY
    assert "ancel" in window.statusBar().currentMessage()
    assert not window.banner.isVisible()
    assert _no_dialog_open()
    assert window.sites.data(window.sites.index(0, Column.ACCESS)) != status_text("busy")

    server.operation_delay_s = 0
    with qtbot.waitSignal(window.inventoryShown, timeout=WAIT_MS):
        window.refresh_action.trigger()
    assert window.sites.rowCount() > 3


def test_the_cancel_action_stops_a_first_connection_and_the_host_can_connect_again(
    qtbot: QtBot,
    server: SimulatedServer,
    start_lab: LabFactory,
    lab_password: str,
    open_window: WindowFactory,
) -> None:
    server.operation_delay_s = SLOW_S
    lab = start_lab()
    entry = lab_entry(lab, lab_password)
    window = open_window(entry)
    window.select_host(entry.key)
    qtbot.waitUntil(lambda: len(lab.records) == 1, timeout=WAIT_MS)
    with qtbot.waitSignal(window.controller.cancelled, timeout=WAIT_MS):
        window.cancel_action.trigger()
    assert entry.state is HostState.IDLE
    assert not window.banner.isVisible()
    assert _no_dialog_open()

    server.operation_delay_s = 0
    with qtbot.waitSignal(window.inventoryShown, timeout=WAIT_MS):
        window.refresh_action.trigger()
    assert window.sites.rowCount() > 3
