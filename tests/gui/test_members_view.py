"""The members view in the window: opened from IIS_IUSRS links and the Pools tab, in English and German."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from bridge.lab.simulator import SimulatedServer
from bridge.plans import GrantKind
from bridge.sids import IIS_IUSRS, app_pool_sid
from gui.app import Translation
from gui.columns import IIS_IUSRS_POOL_COLUMN
from gui.main_window import MainWindow
from gui.members_view import MEMBERS_LINK
from tests.e2e.scenarios import ORPHAN, write_manual_scenario
from tests.gui.conftest import WAIT_MS


@pytest.fixture
def server(tmp_path: Path) -> SimulatedServer:
    machine = {"localGroups": {IIS_IUSRS: [app_pool_sid("Listed"), ORPHAN]}}
    return SimulatedServer.from_scenario(write_manual_scenario(tmp_path / "scenario", machine))


def _pool_cell(window: MainWindow, pool: str) -> str:
    row = next(row for row, record in enumerate(window.pools.records()) if record.pool.name == pool)
    return str(window.pools.index(row, IIS_IUSRS_POOL_COLUMN).data())


def _opened(qtbot: QtBot, window: MainWindow) -> None:
    view = window.members_view
    qtbot.waitUntil(lambda: view.isVisible() and view.runtime.rowCount() > 0, timeout=WAIT_MS)


def test_pools_tab_says_which_worker_carries_iis_iusrs_and_opens_the_view(
    qtbot: QtBot, lab_window: MainWindow
) -> None:
    window = lab_window
    assert _pool_cell(window, "DefaultAppPool") == "Yes, added by IIS"
    assert _pool_cell(window, "Unlisted") == "No (manualGroupMembership)"
    assert _pool_cell(window, "Listed") == "Yes, as a stored member (manualGroupMembership)"
    window.tabs.setCurrentIndex(1)
    index = window.pools.index(0, IIS_IUSRS_POOL_COLUMN)
    window.pools_view.clicked.emit(window.pools_view.model().index(index.row(), index.column()))
    _opened(qtbot, window)
    view = window.members_view
    stored = [(record.sid, record.name) for record in view.stored.records()]
    assert stored == [(app_pool_sid("Listed"), "IIS AppPool\\Listed"), (ORPHAN, None)]
    assert "orphaned" in str(view.stored.index(1, 0).data())
    assert [record.pool for record in view.runtime.records()] == ["DefaultAppPool", "ShopPool"]
    assert [(e.pool, e.carries_group) for e in view.exceptions.records()] == [
        ("Unlisted", False),
        ("Listed", True),
    ]
    assert view.exceptions_box.isVisible()
    assert view.note.text().startswith("IUSR is not a member of IIS_IUSRS")


def test_iis_iusrs_in_the_reasons_and_the_acl_links_to_the_view(qtbot: QtBot, lab_window: MainWindow) -> None:
    window = lab_window
    assert window.select_target("Unlisted")
    reasons = window.details.reasons.text()
    assert f'<a href="{MEMBERS_LINK}">IIS_IUSRS</a>' in reasons and "manualGroupMembership" in reasons
    window.details.reasons.linkActivated.emit(MEMBERS_LINK)
    _opened(qtbot, window)
    window.members_view.close()
    qtbot.waitUntil(lambda: window.details.acl.rowCount() > 0, timeout=WAIT_MS)
    row = next(
        row for row, record in enumerate(window.details.acl.records()) if record.entry.sid == IIS_IUSRS
    )
    with qtbot.waitSignal(window.details.membersRequested, timeout=WAIT_MS):
        window.details.acl_view.clicked.emit(window.details.acl.index(row, 0))
    other = next(
        row for row, record in enumerate(window.details.acl.records()) if record.entry.sid != IIS_IUSRS
    )
    with qtbot.assertNotEmitted(window.details.membersRequested):
        window.details.acl_view.clicked.emit(window.details.acl.index(other, 0))


def test_the_view_speaks_german(qtbot: QtBot, lab_window: MainWindow) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translation = Translation(app)
    translation.install("de")
    try:
        window = lab_window
        window.members_view.open_for_current_host()
        _opened(qtbot, window)
        assert window.members_view.note.text().startswith("IUSR ist kein Mitglied von IIS_IUSRS")
        assert "verwaistes" in str(window.members_view.stored.index(1, 0).data())
        reason = window.members_view.exceptions.index(0, 2).data()
        assert str(reason).startswith("Der Anwendungspool Unlisted setzt manualGroupMembership")
    finally:
        translation.install("en")


def test_iis_iusrs_in_a_confirmation_warning_links_to_the_view_and_names_the_manual_pool(
    qtbot: QtBot, lab_window: MainWindow
) -> None:
    window = lab_window
    assert window.select_target("Shop")
    with qtbot.waitSignal(window.grants.dialogOpened, timeout=WAIT_MS) as opened:
        qtbot.mouseClick(window.details.grant_buttons[GrantKind.IIS_IUSRS_MODIFY], Qt.MouseButton.LeftButton)
    dialog = opened.args[0]
    [warning] = dialog.warning_labels
    assert f'<a href="{MEMBERS_LINK}">IIS_IUSRS</a>' in warning.text()
    # Unlisted's identity is no stored member: its worker lacks the group, and the warning says so.
    assert "except Unlisted" in warning.text()
    warning.linkActivated.emit(MEMBERS_LINK)
    _opened(qtbot, window)
    dialog.reject()
