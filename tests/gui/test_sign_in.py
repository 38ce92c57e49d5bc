"""A remote host whose password is not remembered asks for it, and asks again after a wrong one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from bridge.credentials import SERVICE, keyring_key
from bridge.errors import AuthenticationFailed
from bridge.lab.host import LabHost
from gui.hosts import HostEntry, HostKind, HostState
from gui.main_window import MainWindow
from gui.settings import SavedHost, Settings
from gui.sign_in import SignInDialog
from tests.gui.conftest import (
    LAB_USER,
    WAIT_MS,
    LabWindowFactory,
    MemoryKeyring,
    WindowFactory,
    wait_for_dialog,
)


def _prompt(qtbot: QtBot, window: MainWindow) -> SignInDialog:
    return wait_for_dialog(qtbot, lambda: window.recovery.sign_in_dialog)


def _sign_in_with(qtbot: QtBot, dialog: SignInDialog, password: str) -> None:
    qtbot.keyClicks(dialog.password, password)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def test_a_host_without_a_remembered_password_asks_for_it_and_lets_the_admin_retry(
    qtbot: QtBot, tmp_path: Path, open_lab: LabWindowFactory, lab_password: str, memory_keyring: MemoryKeyring
) -> None:
    window, entry = open_lab(None)

    dialog = _prompt(qtbot, window)
    # open(), not exec(): modal to the window only, and no nested event loop.
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    assert dialog.user.text() == "lab-admin"
    assert "127.0.0.1" in dialog.heading.text()
    _sign_in_with(qtbot, dialog, "not-the-password")

    qtbot.waitUntil(lambda: entry.state is HostState.FAILED and window.banner.isVisible(), timeout=WAIT_MS)
    assert isinstance(entry.error, AuthenticationFailed)
    assert "rejected the sign-in" in window.banner.message_label.text()
    assert window.banner.action_button.isVisible()
    assert window.recovery.sign_in_dialog is None  # a refused password does not reopen the prompt by itself

    qtbot.mouseClick(window.banner.action_button, Qt.MouseButton.LeftButton)
    dialog = _prompt(qtbot, window)
    with qtbot.waitSignal(window.inventoryShown, timeout=WAIT_MS):
        _sign_in_with(qtbot, dialog, lab_password)
    assert not window.banner.isVisible()
    assert window.sites.rowCount() > 3

    window.close()
    stored = "".join(path.read_text(errors="replace") for path in tmp_path.rglob("*") if path.is_file())
    assert lab_password not in stored
    assert memory_keyring.passwords == {}


def test_cancelling_the_prompt_leaves_the_host_waiting_for_a_sign_in(
    qtbot: QtBot, open_lab: LabWindowFactory, lab_password: str
) -> None:
    window, _entry = open_lab(None)
    _prompt(qtbot, window).reject()
    assert window.recovery.sign_in_dialog is None
    assert window.banner.isVisible()
    assert "Sign in" in window.banner.message_label.text()
    assert window.banner.action_button.isVisible()
    qtbot.mouseClick(window.banner.action_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.inventoryShown, timeout=WAIT_MS):
        _sign_in_with(qtbot, _prompt(qtbot, window), lab_password)


def test_a_remembered_password_connects_without_asking(
    qtbot: QtBot, open_lab: LabWindowFactory, lab_password: str, memory_keyring: MemoryKeyring
) -> None:
    memory_keyring.set_password(SERVICE, keyring_key(LAB_USER, "127.0.0.1"), lab_password)
    window, _entry = open_lab(None)
    qtbot.waitSignal(window.inventoryShown, timeout=WAIT_MS).wait()
    assert window.recovery.sign_in_dialog is None


def test_the_prompt_signs_in_as_another_account_and_saves_it(
    qtbot: QtBot, settings: Settings, lab: LabHost, open_window: WindowFactory, lab_password: str
) -> None:
    wrong = SavedHost(host="127.0.0.1", port=lab.port, transport="http", auth="ntlm", user="not-the-admin")
    settings.set_hosts([wrong])
    window = open_window(HostEntry(wrong.key, "Lab", HostKind.REMOTE, wrong))
    window.select_host(wrong.key)
    dialog = _prompt(qtbot, window)
    assert dialog.user.text() == "not-the-admin"
    dialog.user.clear()
    assert not dialog.ok_button.isEnabled()  # no account, no sign-in
    qtbot.keyClicks(dialog.user, LAB_USER)
    with qtbot.waitSignal(window.inventoryShown, timeout=WAIT_MS):
        _sign_in_with(qtbot, dialog, lab_password)
    assert [saved.user for saved in settings.hosts()] == [LAB_USER]
    entry = window.current_entry()
    assert entry is not None and entry.saved is not None
    assert entry.saved.user == LAB_USER
    assert [e.key for e in window.controller.entries] == [entry.key]
    assert window.sites.rowCount() > 3
