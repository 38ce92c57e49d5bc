"""The one error path of the GUI.

A typed bridge failure is expected: it is shown in place, in the banner of the
host or dialog it belongs to (message, hint, details on demand). Anything else
is a bug: it is logged with its traceback to the log file and shown once in a
dialog that says so, never as a traceback window or a crash. ``sys.excepthook``
and worker failures both end here.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bridge.errors import BridgeError
from bridge.logfile import log_file, log_to_file
from gui.texts import error_hint, error_message
from gui.wrapping import WrappedLabel, keep_paths_whole, message_paths

log = logging.getLogger(__name__)


def setup_logging() -> Path:
    """Log to a file in the user's log folder; return its path (shown in the error dialog)."""
    return log_to_file()


class ErrorBanner(QFrame):
    """An inline message for a failure that belongs to one place (a host, a dialog).

    It may offer one way out (sign in, restart as administrator): a button
    whose click emits ``actionRequested``.
    """

    actionRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#errorBanner { background: #fdecea; border: 1px solid #e0a39c; border-radius: 4px; }"
            " #errorBanner QLabel { color: #5f1a12; }"
        )
        self.message_label = WrappedLabel()
        self.message_label.setStyleSheet("font-weight: bold;")
        self.hint_label = WrappedLabel()
        self.details_button = QToolButton()
        self.details_button.setText(self.tr("Details"))
        self.details_button.setCheckable(True)
        self.details_button.setArrowType(Qt.ArrowType.RightArrow)
        self.details_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_button.toggled.connect(self._toggle_details)
        self.close_button = QToolButton()
        self.close_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton))
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.close_button.clicked.connect(self.hide)
        self.action_button = QPushButton()
        self.action_button.clicked.connect(self.actionRequested)
        self.action_button.hide()
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(110)
        self.details.hide()

        top = QHBoxLayout()
        top.addWidget(self.message_label, 1)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(top)
        layout.addWidget(self.hint_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.details_button)
        buttons.addStretch(1)
        buttons.addWidget(self.action_button)
        layout.addLayout(buttons)
        layout.addWidget(self.details)
        self.hide()

    def show_error(self, error: BridgeError, action: str | None = None) -> None:
        """Show ``error``, with a button labelled ``action`` if the admin can do something about it."""
        self.action_button.setText(action or "")
        self.action_button.setVisible(action is not None)
        self.message_label.setText(keep_paths_whole(error_message(error), message_paths(error.text)))
        hint = keep_paths_whole(error_hint(error), message_paths(error.hint_text))
        self.hint_label.setText(hint)
        self.hint_label.setVisible(bool(hint))
        self.details.setPlainText(_details(error))
        self.details_button.setChecked(False)
        self.show()

    @Slot(bool)
    def _toggle_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.details_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)


def _details(error: BaseException) -> str:
    lines = [f"{type(error).__name__}: {error}"]
    cause = error.__cause__ or error.__context__
    while cause is not None:
        lines.append(f"caused by {type(cause).__name__}: {cause}")
        cause = cause.__cause__ or cause.__context__
    return "\n".join(lines)


class ErrorReporter(QObject):
    """Shows unexpected exceptions: logged in full, one dialog at a time."""

    unexpected = Signal(object)

    def __init__(self, parent_widget: Callable[[], QWidget | None]) -> None:
        super().__init__()
        self._parent_widget = parent_widget
        self._dialog: QMessageBox | None = None
        self._previous_hook = sys.excepthook
        # Queued through a signal so an exception raised in any thread is shown by the GUI thread.
        self.unexpected.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        sys.excepthook = self._excepthook

    def uninstall(self) -> None:
        sys.excepthook = self._previous_hook

    def handle(self, error: BaseException, banner: ErrorBanner | None = None) -> None:
        """Route a failure: a BridgeError to its banner, anything else to the bug dialog."""
        if isinstance(error, BridgeError) and banner is not None:
            log.info("%s: %s", type(error).__name__, error)
            banner.show_error(error)
            return
        self.report(error)

    def report(self, error: BaseException) -> None:
        log.error("unexpected error", exc_info=(type(error), error, error.__traceback__))
        self.unexpected.emit(error)

    @property
    def dialog(self) -> QMessageBox | None:
        return self._dialog

    def _excepthook(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous_hook(kind, error, trace)
            return
        self.report(error.with_traceback(trace))

    @Slot(object)
    def _show(self, error: BaseException) -> None:
        if self._dialog is not None and self._dialog.isVisible():
            return
        box = QMessageBox(self._parent_widget())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(self.tr("Unexpected error"))
        if isinstance(error, BridgeError):
            box.setText(error_message(error))
            box.setInformativeText(error_hint(error))
        else:
            box.setText(self.tr("IIS Access ran into a problem it did not expect."))
            box.setInformativeText(
                self.tr("The details were written to the log file:\n{path}").format(path=log_file())
            )
        box.setDetailedText(_details(error))
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        self._dialog = box
        box.open()
