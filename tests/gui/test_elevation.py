"""Restart as administrator: offered while this computer is not elevated, relaunched through UAC."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from bridge.errors import NotElevated
from gui.elevation import ERROR_CANCELLED, Restart, restart_as_administrator
from gui.hosts import HostEntry, HostKind, HostState
from gui.main_window import MainWindow
from tests.gui.conftest import WindowFactory

ERROR_FILE_NOT_FOUND = 2


class FakeShell:
    """Stands in for ShellExecuteW: records each call and answers with a chosen Windows error code."""

    def __init__(self, answer: int) -> None:
        self.answer = answer
        self.calls: list[tuple[str, str, str]] = []

    def __call__(self, verb: str, program: str, parameters: str) -> int:
        self.calls.append((verb, program, parameters))
        return self.answer


def test_from_source_the_interpreter_is_relaunched_with_the_cli_module(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    shell = FakeShell(0)
    assert restart_as_administrator(shell) == (Restart.STARTED, 0)
    assert shell.calls == [("runas", sys.executable, "-m gui.launcher gui")]


def test_frozen_the_executable_itself_is_relaunched(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    shell = FakeShell(0)
    assert restart_as_administrator(shell) == (Restart.STARTED, 0)
    assert shell.calls == [("runas", sys.executable, "")]


def test_a_declined_prompt_and_a_failure_are_told_apart() -> None:
    assert restart_as_administrator(FakeShell(ERROR_CANCELLED)) == (Restart.DECLINED, ERROR_CANCELLED)
    assert restart_as_administrator(FakeShell(ERROR_FILE_NOT_FOUND)) == (Restart.FAILED, ERROR_FILE_NOT_FOUND)


def _not_elevated_window(open_window: WindowFactory, shell: FakeShell | None) -> MainWindow:
    entry = HostEntry("local", "This computer", HostKind.LOCAL)
    entry.state, entry.error = HostState.FAILED, NotElevated("WEB01")
    window = open_window(entry, shell)
    window.select_host(entry.key)
    return window


def test_the_banner_and_the_host_menu_restart_as_administrator_and_quit(
    qtbot: QtBot, open_window: WindowFactory
) -> None:
    shell = FakeShell(0)
    window = _not_elevated_window(open_window, shell)
    assert window.banner.isVisible()
    assert window.banner.action_button.isVisible()
    assert window.banner.action_button.text() == "Restart as administrator"
    assert window.recovery.restart_action.isVisible()
    assert window.recovery.restart_action in window.menuBar().actions()[0].menu().actions()
    with qtbot.waitSignal(window.recovery.restarting, timeout=5000):
        qtbot.mouseClick(window.banner.action_button, Qt.MouseButton.LeftButton)
    assert [verb for verb, _program, _parameters in shell.calls] == ["runas"]


def test_declining_uac_keeps_the_app_running_with_a_calm_message(
    qtbot: QtBot, open_window: WindowFactory
) -> None:
    shell = FakeShell(ERROR_CANCELLED)
    window = _not_elevated_window(open_window, shell)
    with qtbot.assertNotEmitted(window.recovery.restarting):
        window.recovery.restart_action.trigger()
    assert len(shell.calls) == 1
    assert "declined" in window.statusBar().currentMessage()
    assert window.isVisible()


def test_without_uac_the_restart_is_not_offered(open_window: WindowFactory) -> None:
    window = _not_elevated_window(open_window, None)
    assert window.banner.isVisible()
    assert not window.banner.action_button.isVisible()
    assert not window.recovery.restart_action.isVisible()
