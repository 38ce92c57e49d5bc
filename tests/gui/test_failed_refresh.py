"""The window after a failure: a failed refresh leaves no row "Checking…", keeps the last state it
read marked as such, and offers no grant until the host answers again."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from bridge.lab.host import LabHost
from gui.hosts import HostState
from gui.main_window import MainWindow
from tests.gui.conftest import WAIT_MS

BAKERY = "O'Brien Bakery"


def _grants_enabled(window: MainWindow) -> bool:
    return any(button.isEnabled() for button in window.details.grant_buttons.values())


def test_a_failed_refresh_restores_the_last_state_marked_stale_and_disables_grants(
    qtbot: QtBot, lab: LabHost, lab_window: MainWindow
) -> None:
    assert lab_window.select_target(BAKERY)
    entry = lab_window.current_entry()
    assert entry is not None
    qtbot.waitUntil(
        lambda: any(button.isEnabled() for button in lab_window.details.grant_buttons.values()),
        timeout=WAIT_MS,
    )
    before = lab_window.sites.rowCount()

    lab.stop()
    lab_window.refresh()
    qtbot.waitUntil(lambda: entry.state is HostState.FAILED, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not lab_window.controller.runner.is_busy(entry.key), timeout=WAIT_MS)

    assert lab_window.sites.rowCount() == before, "the last known sites stay on screen"
    assert not lab_window.sites._busy, "no row is left 'Checking…'"
    assert "last read" in lab_window.host_status.text()
    assert not _grants_enabled(lab_window)
    assert lab_window.refresh_action.isEnabled()
    # Picking another row still offers no grant: the host has not answered since.
    assert lab_window.select_target("Contoso Shop")
    assert not _grants_enabled(lab_window)
