"""The host dialog and the language menu, driven through the real window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from bridge.credentials import SERVICE, keyring_key
from gui.app import App, parse_args
from gui.host_dialog import HostDialog
from gui.main_window import MainWindow
from gui.settings import Settings
from tests.gui.conftest import LAB_USER, WAIT_MS, LabFactory, MemoryKeyring, WindowFactory, lab_entry


def _fill(qtbot: QtBot, dialog: HostDialog, host: str, port: int, password: str, *, remember: bool) -> None:
    qtbot.keyClicks(dialog.host, host)
    dialog.transport.setCurrentIndex(dialog.transport.findData("http"))
    dialog.port.setValue(port)
    dialog.auth.setCurrentIndex(dialog.auth.findData("ntlm"))
    qtbot.keyClicks(dialog.user, LAB_USER)
    qtbot.keyClicks(dialog.password, password)
    dialog.remember.setChecked(remember)


def _add_host(qtbot: QtBot, window: MainWindow) -> HostDialog:
    window.add_action.trigger()
    dialog = window.findChild(HostDialog)
    assert isinstance(dialog, HostDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    return dialog


def test_adding_a_remote_host_remembers_its_password_in_the_keyring_only_and_removing_forgets_the_host(
    qtbot: QtBot,
    *,
    tmp_path: Path,
    settings: Settings,
    start_lab: LabFactory,
    lab_password: str,
    open_window: WindowFactory,
    memory_keyring: MemoryKeyring,
) -> None:
    lab = start_lab()
    window = open_window(lab_entry(start_lab(), lab_password))
    dialog = _add_host(qtbot, window)
    _fill(qtbot, dialog, "127.0.0.1", lab.port, lab_password, remember=True)
    with qtbot.waitSignal(window.inventoryShown, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)

    [saved] = settings.hosts()
    assert (saved.host, saved.port, saved.transport, saved.auth, saved.user) == (
        "127.0.0.1",
        lab.port,
        "http",
        "ntlm",
        LAB_USER,
    )
    assert saved.remember_password
    assert memory_keyring.passwords == {(SERVICE, keyring_key(LAB_USER, "127.0.0.1")): lab_password}
    settings.sync()
    stored = "".join(path.read_text(errors="replace") for path in tmp_path.rglob("*.ini"))
    assert saved.key in stored or "127.0.0.1" in stored
    assert lab_password not in stored
    assert window.current_key == saved.key

    window.remove_action.trigger()
    assert settings.hosts() == []
    assert window.controller.entry(saved.key) is None
    assert window.current_key != saved.key


def test_an_invalid_host_stays_in_the_dialog_with_the_reason(
    qtbot: QtBot, start_lab: LabFactory, lab_password: str, open_window: WindowFactory
) -> None:
    window = open_window(lab_entry(start_lab(), lab_password))
    dialog = _add_host(qtbot, window)
    _fill(qtbot, dialog, "", 5985, "x", remember=False)
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.banner.isVisible()
    assert dialog.result_host is None
    dialog.reject()


def test_switching_the_language_from_the_menu_rebuilds_the_window_in_german(
    qtbot: QtBot, settings: Settings
) -> None:
    qt_app = QApplication.instance()
    assert isinstance(qt_app, QApplication)
    app = App(qt_app, parse_args(["--demo", "--lang", "en"]), settings)
    try:
        first = app.window
        assert first is not None
        qtbot.waitSignal(first.inventoryShown, timeout=WAIT_MS).wait()
        assert first.tabs.tabText(0).replace("&", "") == "Sites"
        language_menu = first.menuBar().actions()[2].menu()
        deutsch = next(action for action in language_menu.actions() if action.text() == "Deutsch")
        deutsch.trigger()
        qtbot.waitUntil(lambda: app.window is not first, timeout=WAIT_MS)
        second = app.window
        assert second is not None
        assert second.tabs.tabText(0).replace("&", "") == "Websites"
        assert settings.language() == "de"
        # The hosts outlive the window: the demo lab stays connected, nothing is read again.
        assert app.controller.entry("demo") is not None
        qtbot.waitUntil(lambda: second.sites.rowCount() > 3, timeout=WAIT_MS)
    finally:
        app.translation.install("en")
        if app.window is not None:
            app.window.close()
        app.close()
