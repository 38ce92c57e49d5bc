"""The one error path: typed failures in place, anything else logged and shown once."""

from __future__ import annotations

import logging
import sys

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from bridge import operations, safety
from bridge.errors import (
    AnswerNotSealed,
    BridgeError,
    CertificateExpired,
    CertificateNotTrusted,
    CertificateWrongName,
    IISMissing,
    OutcomeUnknown,
    PlainHttpOnHttpsPort,
    Refused,
    ScriptFailed,
    Thumbprints,
    TlsHandshakeFailed,
    Unreachable,
)
from bridge.psrp_errors import CONNECTION_DROPPED, UNKNOWN_HOST_NAME
from gui.app import Translation
from gui.errors import ErrorBanner, ErrorReporter
from gui.texts import error_hint, error_message

_PRINTS = Thumbprints("ab" * 32, "cd" * 20)
# The failures an admin meets in the GUI, each with a German word its sentence must hold.
_GERMAN = [
    (Refused(safety.WINDOWS_DIR(path="C:\\Windows\\Temp")), "Windows-Verzeichnis"),
    (Refused(operations.STALE(path="D:\\Sites\\Shop", what=operations.STALE_FLAGS())), "seit dem Lesen"),
    (ScriptFailed("web01", "Access to the path is denied."), "fehlgeschlagen"),
    (IISMissing("web01"), "nicht installiert"),
    (IISMissing("web01", module_only=True), "PowerShell-Modul"),
    (
        OutcomeUnknown("web01", "D:\\Sites\\Shop", "c-1", Unreachable("web01", CONNECTION_DROPPED())),
        "Verbindung wurde getrennt",
    ),
    (CertificateNotTrusted("web01", _PRINTS), "SHA-256-Fingerabdruck"),
    (CertificateNotTrusted("web01", None, pinned=True), "hinterlegten"),
    (CertificateWrongName("web01", _PRINTS, "Hostname mismatch"), "anderen Namen"),
    (CertificateExpired("web01", None), "abgelaufen"),
    (PlainHttpOnHttpsPort("web01", 5986), "einfachem HTTP"),
    (TlsHandshakeFailed("web01", "TLSV1_ALERT_PROTOCOL_VERSION"), "Handshake"),
    (AnswerNotSealed("web01"), "Klartext"),
]


def test_a_bridge_error_goes_to_its_banner(qtbot: QtBot) -> None:
    banner = ErrorBanner()
    qtbot.addWidget(banner)
    reporter = ErrorReporter(lambda: None)
    reporter.handle(Unreachable("web01", UNKNOWN_HOST_NAME()), banner)
    assert banner.isVisible()
    assert banner.message_label.text() == "Cannot reach web01 (unknown host name)."
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


@pytest.mark.parametrize(("error", "word"), _GERMAN, ids=lambda value: type(value).__name__)
def test_the_german_gui_shows_every_failure_in_german(qtbot: QtBot, error: BridgeError, word: str) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translation = Translation(app)
    translation.install("de")
    try:
        message, hint = error_message(error), error_hint(error)
    finally:
        translation.install("en")
    assert word in message
    assert message != error.message and hint != error.hint
    # The CLI's options are the command line's: the GUI's hint never names one.
    assert "--" not in hint
