"""The Help menu: how it decides, the shortcuts, the log folder and About with the versions and licence."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from bridge._version import VERSION
from gui.errors import log_file
from gui.main_window import MainWindow
from tests.gui.conftest import LabWindowFactory


@pytest.fixture
def window(open_lab: LabWindowFactory, lab_password: str) -> MainWindow:
    return open_lab(lab_password)[0]


def _help_menu_texts(window: MainWindow) -> list[str]:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    return [a.text() for a in menu.actions() if a.text()]


def test_the_help_menu_offers_how_it_decides_shortcuts_log_folder_and_about(window: MainWindow) -> None:
    assert _help_menu_texts(window) == [
        "&How it decides",
        "&Keyboard shortcuts",
        "Open &log folder",
        "&About IIS Access",
    ]


def test_how_it_decides_opens_a_short_page(qtbot: QtBot, window: MainWindow) -> None:
    window.help.how_action.trigger()
    page = window.help.page
    assert page is not None and page.isVisible()
    text = page.text.toPlainText()
    assert "Grant by SID, never by name" in text and "Effective access" in text
    assert "icacls <dir> /grant *S-1-5-17:(OI)(CI)RX" in text


def test_the_shortcuts_page_lists_the_windows_own_keys(window: MainWindow) -> None:
    window.help.keys_action.trigger()
    page = window.help.page
    assert page is not None
    text = page.text.toPlainText()
    assert "Refresh" in text and "F5" in text
    assert "Find" in text and "Ctrl+F" in text


def test_open_log_folder_opens_the_folder_the_log_is_written_to(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window.help.log_action.trigger()
    assert [Path(url.toLocalFile()) for url in opened] == [log_file().parent]


def test_about_names_the_version_qt_pyside6_pypsrp_and_the_licence(window: MainWindow) -> None:
    text = window.help.about_text()
    assert f"IIS Access {VERSION}" in text
    for part in ("Qt 6.", "PySide6 6.", "pypsrp ", "Licence: MIT"):
        assert part in text, part
    assert "pypsrp ?" not in text
