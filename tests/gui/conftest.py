"""Fixtures for driving the real GUI against a lab host on loopback.

Settings, history and logs go to a temporary folder so a test never reads or
writes the admin's own; each test gets its own simulated server, so a grant in
one test is never seen by another.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from bridge.credentials import PASSWORD_VARIABLE
from bridge.history import DATA_DIR_VARIABLE, History
from bridge.lab.host import LabHost
from bridge.lab.simulator import SimulatedServer, demo_scenario_path
from gui import mnemonics
from gui.app import Translation
from gui.elevation import ShellExecute
from gui.errors import ErrorReporter
from gui.hosts import HostController, HostEntry, HostKind
from gui.main_window import MainWindow
from gui.settings import SavedHost, Settings
from tests.keyrings import MemoryKeyring

LAB_USER = "lab-admin"
WAIT_MS = 30_000


@pytest.fixture(autouse=True)
def no_real_keyring(memory_keyring: MemoryKeyring) -> MemoryKeyring:
    """Every GUI test talks to an in-memory keyring, never the admin's."""
    return memory_keyring


@pytest.fixture(autouse=True)
def mnemonic_manager(qapp: QApplication) -> Iterator[None]:
    """Mnemonics are assigned as the app assigns them (gui.app installs the same manager)."""
    manager = mnemonics.install(qapp)
    yield
    qapp.removeEventFilter(manager)
    manager.deleteLater()


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv(PASSWORD_VARIABLE, raising=False)
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(tmp_path / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "config"))
    return tmp_path


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def server() -> SimulatedServer:
    return SimulatedServer.from_scenario(demo_scenario_path())


@pytest.fixture
def lab_password() -> str:
    return secrets.token_urlsafe(16)


LabFactory = Callable[..., LabHost]


@pytest.fixture
def start_lab(server: SimulatedServer, lab_password: str) -> Iterator[LabFactory]:
    started: list[LabHost] = []

    def start(latency_ms: int = 0) -> LabHost:
        lab = LabHost(server, user=LAB_USER, password=lab_password, auth=("ntlm",), latency_ms=latency_ms)
        lab.start()
        started.append(lab)
        return lab

    yield start
    for lab in started:
        lab.stop()


def lab_entry(lab: LabHost, password: str | None) -> HostEntry:
    saved = SavedHost(host="127.0.0.1", port=lab.port, transport="http", auth="ntlm", user=LAB_USER)
    return HostEntry(saved.key, "Lab", HostKind.REMOTE, saved, password)


WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def open_window(qtbot: QtBot, settings: Settings, tmp_path: Path) -> Iterator[WindowFactory]:
    """Open the main window on one host entry (not yet connected)."""
    made: list[tuple[MainWindow, HostController, ErrorReporter]] = []

    def open_on(entry: HostEntry, shell_execute: ShellExecute | None = None) -> MainWindow:
        controller = HostController([entry], History(tmp_path / "history.jsonl"))
        window: MainWindow | None = None
        reporter = ErrorReporter(lambda: window)
        window = MainWindow(controller, settings, reporter, shell_execute)
        qtbot.addWidget(window)
        window.show()
        made.append((window, controller, reporter))
        return window

    yield open_on
    for window, controller, _reporter in made:
        window.close()
        controller.close()


@pytest.fixture
def lab(start_lab: LabFactory) -> LabHost:
    """The lab host of the test's simulated server, listening."""
    return start_lab()


LabWindowFactory = Callable[[str | None], tuple[MainWindow, HostEntry]]


@pytest.fixture
def open_lab(settings: Settings, lab: LabHost, open_window: WindowFactory) -> LabWindowFactory:
    """Open the window on the lab host, saved as the admin's remote host, signing in with ``password``.

    The host is selected, so it starts connecting; nothing has reached the window yet.
    """

    def open_on(password: str | None) -> tuple[MainWindow, HostEntry]:
        entry = lab_entry(lab, password)
        assert entry.saved is not None
        settings.set_hosts([entry.saved])
        window = open_window(entry)
        window.select_host(entry.key)
        return window, entry

    return open_on


@pytest.fixture
def lab_window(qtbot: QtBot, open_lab: LabWindowFactory, lab_password: str) -> MainWindow:
    """The main window connected to a fresh demo-scenario lab host, its inventory on screen."""
    window, _entry = open_lab(lab_password)
    # The connection answers on the event loop, which has not run since the host was selected.
    qtbot.waitSignal(window.inventoryShown, timeout=WAIT_MS).wait()
    return window


Dialog = TypeVar("Dialog", bound=QDialog)


def wait_for_dialog(qtbot: QtBot, opened: Callable[[], Dialog | None]) -> Dialog:
    """The dialog ``opened`` returns, once it is there and shown."""
    qtbot.waitUntil(lambda: (dialog := opened()) is not None and dialog.isVisible(), timeout=WAIT_MS)
    dialog = opened()
    assert dialog is not None
    return dialog


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform plugin warns about what it cannot do (size hints, raising a popup menu,
    # grabbing the keyboard for it); those are not our warnings.
    for item in items:
        if "tests/gui" in str(item.path).replace("\\", "/"):
            item.add_marker(
                pytest.mark.qt_log_ignore("propagateSizeHints", r"support raise\(\)", "grabbing the keyboard")
            )


@pytest.fixture
def german() -> Iterator[None]:
    """The app in German for one test, English again after it."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translation = Translation(app)
    translation.install("de")
    yield
    translation.install("en")
