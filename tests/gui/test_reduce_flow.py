"""Reducing access that is too broad, driven through the real window against a lab host: the same
confirmation, journal, undo and stale undo as a grant, and the refusal of a reduction that would break
the site, in English and in German."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from bridge.access import AccessLevel
from bridge.change import ChangeKind, Verdict
from bridge.lab.simulator import SimulatedServer, demo_scenario_path
from bridge.sddl import FULL_CONTROL, parse_dacl
from gui.confirm import ConfirmDialog
from gui.main_window import MainWindow
from tests.gui.conftest import WAIT_MS

EVERYONE = "S-1-1-0"
SHOP = "Contoso Shop"
SHOP_FOLDER = "D:\\Sites\\ContosoShop"
API = "Partner API"
API_FOLDER = "D:\\Sites\\PartnerApi"


@pytest.fixture
def server() -> SimulatedServer:
    """The demo, with Everyone given Full control on the shop's and the partner API's folders."""
    server = SimulatedServer.from_scenario(demo_scenario_path())
    for folder in (SHOP_FOLDER, API_FOLDER):
        server.filesystem.add_access_rule(folder, EVERYONE, FULL_CONTROL)
    return server


def _everyone(server: SimulatedServer, folder: str) -> list[int]:
    return [ace.mask for ace in parse_dacl(server.filesystem.access_sddl(folder)).aces if ace.sid == EVERYONE]


def _open_reduce(qtbot: QtBot, window: MainWindow, target: str, level: AccessLevel) -> ConfirmDialog:
    """Select Everyone's entry in the folder's permissions and choose the Reduce menu's ``level``."""
    assert window.select_target(target)
    details = window.details
    qtbot.waitUntil(lambda: any(row.entry.sid == EVERYONE for row in details.acl.records()), timeout=WAIT_MS)
    row = next(n for n, record in enumerate(details.acl.records()) if record.entry.sid == EVERYONE)
    details.acl_view.selectRow(row)
    details.acl_view.clicked.emit(details.acl.index(row, 0))
    assert details.reduce_button.isEnabled()
    menu = details.reduce_button.menu()
    assert menu is not None
    action = menu.actions()[[AccessLevel.READ_EXECUTE, AccessLevel.READ, AccessLevel.NONE].index(level)]
    with qtbot.waitSignal(window.grants.dialogOpened, timeout=WAIT_MS) as opened:
        action.trigger()
    dialog = opened.args[0]
    assert isinstance(dialog, ConfirmDialog)
    return dialog


def test_reduce_previews_applies_and_undoes_through_the_window(
    qtbot: QtBot, lab_window: MainWindow, server: SimulatedServer
) -> None:
    window = lab_window
    before = server.filesystem.access_sddl(SHOP_FOLDER)
    dialog = _open_reduce(qtbot, window, SHOP, AccessLevel.READ_EXECUTE)
    assert (dialog.change.kind, dialog.change.verdict) == (ChangeKind.REDUCE, Verdict.APPLY)
    assert dialog.windowTitle() == "Confirm change"
    assert dialog.heading.text() == "Reduce Everyone to Read & execute on this folder?"
    assert dialog.grant_button is not None and dialog.grant_button.text().replace("&", "") == "Reduce"
    shown = [label.text() for label in dialog.findChildren(QLabel)]
    assert "Everyone · Full control · This folder, subfolders and files" in shown
    assert "Everyone · Read & execute · This folder, subfolders and files" in shown
    [fix] = dialog.fix_labels
    assert fix.text().startswith("✓ Everyone will have Read & execute")
    assert f'/grant:r "*{EVERYONE}:(OI)(CI)RX"' in dialog.commands.toPlainText()

    with qtbot.waitSignal(window.grants.rechecked, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.grant_button, Qt.MouseButton.LeftButton)
    assert _everyone(server, SHOP_FOLDER) == [0x1200A9]
    assert window.notice.label.text() == f"Reduced Everyone to Read & execute on {SHOP_FOLDER}."
    [record] = window.history.model.records()
    assert (record.change, record.kind, record.path) == ("reduce", "reduce", SHOP_FOLDER)

    with qtbot.waitSignal(window.grants.rechecked, timeout=WAIT_MS):
        qtbot.mouseClick(window.notice.undo_button, Qt.MouseButton.LeftButton)
    assert server.filesystem.access_sddl(SHOP_FOLDER) == before
    assert window.history.model.records()[0].undone


def test_a_stale_undo_of_a_reduction_is_refused_in_the_banner(
    qtbot: QtBot, lab_window: MainWindow, server: SimulatedServer
) -> None:
    window = lab_window
    dialog = _open_reduce(qtbot, window, SHOP, AccessLevel.READ)
    assert dialog.grant_button is not None
    with qtbot.waitSignal(window.grants.rechecked, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.grant_button, Qt.MouseButton.LeftButton)
    server.filesystem.add_access_rule(SHOP_FOLDER, "S-1-5-32-568", 0x1200A9)
    qtbot.mouseClick(window.notice.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.banner.isVisible, timeout=WAIT_MS)
    assert "changed since it was read" in window.banner.message_label.text()
    assert "(A;OICI;0x1200a9;;;IS)" in window.banner.message_label.text()
    assert not window.history.model.records()[0].undone


def test_a_reduction_that_would_break_the_site_is_refused_with_the_requirement_named(
    qtbot: QtBot, lab_window: MainWindow, server: SimulatedServer
) -> None:
    before = server.filesystem.access_sddl(API_FOLDER)
    dialog = _open_reduce(qtbot, lab_window, API, AccessLevel.NONE)
    assert dialog.change.verdict is Verdict.REFUSED
    assert dialog.windowTitle() == "Change refused"
    # Said once: the heading frames the reason, the reason does not repeat the word.
    assert dialog.heading.text().startswith("Refused: IIS AppPool\\PartnerApiPool needs Read access")
    assert dialog.grant_button is None and not dialog.commands.isVisible()
    dialog.reject()
    assert server.filesystem.access_sddl(API_FOLDER) == before
    assert lab_window.history.model.records() == []


@pytest.mark.usefixtures("german")
def test_the_reduction_speaks_german(qtbot: QtBot, lab_window: MainWindow, server: SimulatedServer) -> None:
    window = lab_window
    dialog = _open_reduce(qtbot, window, SHOP, AccessLevel.READ_EXECUTE)
    assert dialog.windowTitle() == "Änderung bestätigen"
    assert dialog.heading.text() == "Everyone auf diesem Ordner auf „Lesen, Ausführen“ reduzieren?"
    assert dialog.grant_button is not None and dialog.grant_button.text().replace("&", "") == "Reduzieren"
    assert dialog.fix_labels[0].text().startswith("✓ Everyone hat danach auf")
    with qtbot.waitSignal(window.grants.rechecked, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.grant_button, Qt.MouseButton.LeftButton)
    assert window.notice.label.text() == f"Everyone auf {SHOP_FOLDER} auf „Lesen, Ausführen“ reduziert."
    refused = _open_reduce(qtbot, window, API, AccessLevel.NONE)
    assert refused.windowTitle() == "Änderung abgelehnt"
    assert refused.heading.text().startswith("Abgelehnt: ")
    refused.reject()
