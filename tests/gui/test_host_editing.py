"""Editing a remote host: the dialog shows what was saved, the change is saved and the host reconnects."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from bridge.credentials import SERVICE, keyring_key
from bridge.errors import UnknownConfiguration
from bridge.lab.host import LabHost
from gui.host_dialog import HostDialog
from gui.main_window import MainWindow
from gui.settings import Settings
from tests.gui.conftest import LAB_USER, WAIT_MS, LabFactory, MemoryKeyring, wait_for_dialog


def _host_row_centre(window: MainWindow, key: str) -> QPoint:
    row = next(i for i, entry in enumerate(window.hosts.records()) if entry.key == key)
    return window.hosts_view.visualRect(window.hosts.index(row, 0)).center()


def _open_dialog(qtbot: QtBot, window: MainWindow) -> HostDialog:
    return wait_for_dialog(qtbot, lambda: window.host_actions.dialog)


def _ok(qtbot: QtBot, dialog: HostDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_double_clicking_a_remote_host_edits_it_and_it_reconnects_with_the_new_settings(
    qtbot: QtBot, settings: Settings, lab: LabHost, start_lab: LabFactory, lab_window: MainWindow
) -> None:
    window, second = lab_window, start_lab()
    entry = window.controller.entries[0]
    assert window.edit_action.isEnabled()

    centre = _host_row_centre(window, entry.key)
    # A double-click as the platform delivers it: a press (which picks the row) before the double-click.
    qtbot.mouseClick(window.hosts_view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(window.hosts_view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    dialog = _open_dialog(qtbot, window)
    assert dialog.windowTitle() == "Edit remote host"
    shown = (dialog.host.text(), dialog.port.value(), dialog.user.text())
    assert shown == ("127.0.0.1", lab.port, LAB_USER)
    assert (dialog.transport.currentData(), dialog.auth.currentData()) == ("http", "ntlm")
    assert not dialog.remember.isChecked()
    assert dialog.password.text() == ""

    asked_second = len(second.records)
    dialog.port.setValue(second.port)
    with qtbot.waitSignal(window.inventoryShown, timeout=WAIT_MS):
        _ok(qtbot, dialog)  # no password typed: the one the host had is kept

    [saved] = settings.hosts()
    assert saved.port == second.port
    assert window.current_key == saved.key != entry.key
    assert window.controller.entry(entry.key) is None
    assert [e.key for e in window.controller.entries] == [saved.key]
    assert len(second.records) > asked_second
    assert window.sites.rowCount() > 3


def test_the_host_context_menu_refreshes_edits_and_removes(
    qtbot: QtBot,
    *,
    settings: Settings,
    lab: LabHost,
    lab_password: str,
    lab_window: MainWindow,
    memory_keyring: MemoryKeyring,
) -> None:
    window = lab_window
    entry = window.controller.entries[0]

    menu = window.host_actions.menu
    window.hosts_view.customContextMenuRequested.emit(_host_row_centre(window, entry.key))
    qtbot.waitUntil(menu.isVisible, timeout=WAIT_MS)
    # What the admin sees: the demo lab's reset is shown only for the demo lab.
    assert [action.text().replace("&", "") for action in menu.actions() if action.isVisible()] == [
        "Refresh",
        "Edit host…",
        "Remove host",
    ]
    menu.hide()

    asked = len(lab.records)
    with qtbot.waitSignal(window.inventoryShown, timeout=WAIT_MS):
        menu.actions()[0].trigger()
    assert lab.records[asked]["operation"] == "inventory"

    menu.actions()[1].trigger()
    dialog = _open_dialog(qtbot, window)
    dialog.remember.setChecked(True)
    with qtbot.waitSignal(window.inventoryShown, timeout=WAIT_MS):
        _ok(qtbot, dialog)
    [saved] = settings.hosts()
    assert saved.remember_password and saved.key == entry.key
    # The password the host was using is what the keyring now remembers; settings never hold it.
    assert memory_keyring.passwords == {(SERVICE, keyring_key(LAB_USER, "127.0.0.1")): lab_password}

    menu.actions()[1].trigger()
    dialog = _open_dialog(qtbot, window)
    assert dialog.remember.isChecked()
    dialog.remember.setChecked(False)
    with qtbot.waitSignal(window.inventoryShown, timeout=WAIT_MS):
        _ok(qtbot, dialog)
    assert memory_keyring.passwords == {}

    menu.actions()[2].trigger()
    assert settings.hosts() == []
    assert window.controller.entries == []
    assert window.sites.rowCount() == 0


def test_the_session_configuration_is_saved_and_used_to_connect(
    qtbot: QtBot, settings: Settings, lab: LabHost, lab_window: MainWindow
) -> None:
    # The lab serves only Windows PowerShell's own endpoint, Microsoft.PowerShell, as a locked-down
    # server would: another configuration name reaching it proves the name is what the host connects to.
    window = lab_window
    entry = window.controller.entries[0]
    window.edit_action.trigger()
    dialog = _open_dialog(qtbot, window)
    assert dialog.configuration.text() == ""
    assert dialog.configuration.placeholderText() == "Microsoft.PowerShell"
    dialog.configuration.setText("Contoso.Restricted")
    _ok(qtbot, dialog)
    [saved] = settings.hosts()
    assert saved.configuration_name == "Contoso.Restricted"
    qtbot.waitUntil(
        lambda: (current := window.controller.entry(saved.key)) is not None and current.error is not None,
        timeout=WAIT_MS,
    )
    failed = window.controller.entry(saved.key)
    assert failed is not None and isinstance(failed.error, UnknownConfiguration)

    window.edit_action.trigger()
    dialog = _open_dialog(qtbot, window)
    assert dialog.configuration.text() == "Contoso.Restricted"
    dialog.configuration.setText("")
    with qtbot.waitSignal(window.inventoryShown, timeout=WAIT_MS):
        _ok(qtbot, dialog)
    [saved] = settings.hosts()
    assert saved.configuration_name == "" and saved.key == entry.key
