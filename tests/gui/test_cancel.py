"""Cancel (toolbar or Esc) stops a slow operation on the host and leaves the window usable."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from bridge.history import ChangeRecord, Outcome
from bridge.lab.host import LabHost
from bridge.lab.simulator import SimulatedServer
from bridge.plans import GrantKind
from gui import backend
from gui.hosts import HostState
from gui.main_window import MainWindow
from gui.site_model import Column
from gui.texts import status_text
from tests.gui.conftest import WAIT_MS, LabWindowFactory

BAKERY = "O'Brien Bakery"
SLOW_S = 60  # far longer than the test waits: only a cancel can end the operation in time


def _no_dialog_open() -> bool:
    return not any(isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets())


def test_escape_cancels_a_slow_refresh_calmly_and_the_window_goes_on(
    qtbot: QtBot, server: SimulatedServer, lab: LabHost, lab_window: MainWindow
) -> None:
    window = lab_window
    entry = window.controller.entries[0]
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
    qtbot: QtBot, server: SimulatedServer, lab: LabHost, open_lab: LabWindowFactory, lab_password: str
) -> None:
    server.operation_delay_s = SLOW_S
    window, entry = open_lab(lab_password)
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


def test_cancelling_the_re_check_after_a_grant_still_offers_undo_and_lists_the_change(
    qtbot: QtBot,
    *,
    server: SimulatedServer,
    lab_window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = lab_window
    entry = window.controller.entries[0]
    check = window.sites.check_for(BAKERY)
    assert check is not None
    before = server.filesystem.access_sddl(check.physical_path)
    granted = threading.Event()

    def apply_then_slow_down(*args: Any) -> ChangeRecord:
        # The grant is made; from here on the host answers slowly, so the re-check is still running.
        record = apply(*args)
        server.operation_delay_s = SLOW_S
        granted.set()
        return record

    apply = backend.apply
    monkeypatch.setattr(backend, "apply", apply_then_slow_down)
    assert window.select_target(BAKERY)
    with qtbot.waitSignal(window.grants.dialogOpened, timeout=WAIT_MS) as opened:
        window.details.grant_buttons[GrantKind.IUSR_READ].click()
    dialog = opened.args[0]
    assert dialog.grant_button is not None
    with qtbot.waitSignal(window.grants.changed, timeout=WAIT_MS):
        dialog.grant_button.click()
    assert granted.is_set()
    qtbot.waitUntil(lambda: window.controller.runner.is_busy(entry.key), timeout=WAIT_MS)
    assert window.sites.data(window.sites.index_for(BAKERY).siblingAtColumn(Column.ACCESS)) == status_text(
        "busy"
    )

    with qtbot.waitSignal(window.controller.cancelled, timeout=WAIT_MS):
        window.cancel_action.trigger()

    assert server.filesystem.access_sddl(check.physical_path) != before
    assert window.notice.isVisible()
    assert window.notice.undo_button.isVisible() and window.notice.undo_button.isEnabled()
    [record] = window.history.model.records()
    assert record.outcome is Outcome.CHANGED and record.path == check.physical_path
    assert not window.banner.isVisible()
    assert _no_dialog_open()

    server.operation_delay_s = 0
    with qtbot.waitSignal(window.grants.rechecked, timeout=WAIT_MS):
        window.notice.undo_button.click()
    assert server.filesystem.access_sddl(check.physical_path) == before
    assert window.history.model.records()[0].undone
