"""The one error path: typed failures in place, anything else logged and shown once."""

from __future__ import annotations

import logging
import sys

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from bridge.errors import Unreachable
from gui.errors import ErrorBanner, ErrorReporter


def test_a_bridge_error_goes_to_its_banner(qtbot: QtBot) -> None:
    banner = ErrorBanner()
    qtbot.addWidget(banner)
    reporter = ErrorReporter(lambda: None)
    reporter.handle(Unreachable("web01", "unknown host name"), banner)
    assert banner.isVisible()
    assert banner.message_label.text() == "Cannot reach web01."
    assert "firewall" in banner.hint_label.text()
    assert "unknown host name" in banner.details.toPlainText()
    assert reporter.dialog is None


def test_an_unexpected_exception_is_logged_and_shown_once(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    reporter = ErrorReporter(lambda: None)
    reporter.install()
    try:
        boom = RuntimeError("boom")
        with caplog.at_level(logging.ERROR):
            sys.excepthook(RuntimeError, boom, None)
            sys.excepthook(RuntimeError, boom, None)
        qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible(), timeout=5000)
        dialog = reporter.dialog
        assert dialog is not None
        assert "did not expect" in dialog.text()
        assert "RuntimeError: boom" in dialog.detailedText()
        assert "Traceback" not in dialog.detailedText()
        assert len([r for r in caplog.records if r.exc_info and r.exc_info[1] is boom]) == 2
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        assert boxes == [dialog]
        dialog.close()
    finally:
        reporter.uninstall()
    assert sys.excepthook is not reporter._excepthook
