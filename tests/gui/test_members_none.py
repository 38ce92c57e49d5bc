"""The members view on the demo lab: IIS_IUSRS has no stored members, the usual case."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from gui.main_window import MainWindow
from tests.gui.conftest import WAIT_MS


def test_a_group_without_stored_members_lists_every_pool_as_added_at_run_time(
    qtbot: QtBot, lab_window: MainWindow
) -> None:
    window = lab_window
    view = window.members_view
    view.open_for_current_host()
    qtbot.waitUntil(lambda: view.runtime.rowCount() > 0, timeout=WAIT_MS)
    entry = window.current_entry()
    assert entry is not None and entry.inventory is not None
    assert view.stored.rowCount() == 0
    assert [record.pool for record in view.runtime.records()] == [
        pool.name for pool in entry.inventory.app_pools
    ]
    assert not view.exceptions_box.isVisible()
    assert view.status.text() == "The group has no stored members: the usual case."
