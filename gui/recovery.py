"""The way out of a host failure the admin can fix from the app: sign in, or restart as administrator.

The host's banner shows the failure with a button for its way out; the Host
menu carries "Restart as administrator" while "This computer" is not elevated
(on Windows only: elsewhere there is no UAC to ask).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from bridge.errors import AuthenticationFailed, NotElevated
from gui.backend import PasswordNeeded
from gui.elevation import Restart, ShellExecute, restart_as_administrator
from gui.errors import ErrorBanner
from gui.hosts import HostController, HostEntry, HostKind
from gui.sign_in import SignInDialog


class Recovery(QObject):
    restarting = Signal()  # an elevated copy was started: this one should quit
    # The admin signed in as another account: the host saved with it, its entry, the password.
    accountChanged = Signal(object, object, str)

    def __init__(
        self,
        window: QMainWindow,
        controller: HostController,
        banner: ErrorBanner,
        current: Callable[[], HostEntry | None],
        shell_execute: ShellExecute | None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._controller = controller
        self._banner = banner
        self._current = current
        self._shell_execute = shell_execute
        self.sign_in_dialog: SignInDialog | None = None
        self.restart_action = QAction(self.tr("Restart as &administrator"), window)
        self.restart_action.triggered.connect(self.restart)
        self.restart_action.setVisible(False)
        banner.actionRequested.connect(self._way_out)

    def _needs_elevation(self, entry: HostEntry) -> bool:
        return (
            self._shell_execute is not None
            and entry.kind is HostKind.LOCAL
            and isinstance(entry.error, NotElevated)
        )

    def update(self) -> None:
        """Offer the restart while this computer's session is not elevated."""
        self.restart_action.setVisible(any(self._needs_elevation(e) for e in self._controller.entries))

    def show_error(self, entry: HostEntry) -> None:
        """The failure in the banner with its way out (and the password prompt, if that is the way)."""
        if entry.error is None:
            return
        action = None
        if self._needs_elevation(entry):
            action = self.tr("Restart as administrator")
        elif entry.kind is HostKind.REMOTE and isinstance(entry.error, AuthenticationFailed | PasswordNeeded):
            action = self.tr("Sign in…")
        self._banner.show_error(entry.error, action)
        self.update()
        if isinstance(entry.error, PasswordNeeded):
            self.sign_in()

    @Slot()
    def _way_out(self) -> None:
        entry = self._current()
        if entry is not None and self._needs_elevation(entry):
            self.restart()
        else:
            self.sign_in()

    @Slot()
    def sign_in(self) -> None:
        entry = self._current()
        if entry is None or entry.saved is None or self.sign_in_dialog is not None:
            return
        dialog = SignInDialog(entry.saved.host, entry.saved.user, self._window)
        dialog.accepted.connect(
            lambda: self._signed_in(entry, dialog.user.text().strip(), dialog.password.text())
        )
        dialog.finished.connect(lambda _result: self._sign_in_closed(dialog))
        self.sign_in_dialog = dialog
        dialog.open()

    def _signed_in(self, entry: HostEntry, user: str, password: str) -> None:
        if entry.saved is not None and user != entry.saved.user:
            # Another account is another saved host (its key names the user): saved and shown afresh.
            self._banner.hide()
            self.accountChanged.emit(replace(entry.saved, user=user), entry, password)
            return
        entry.password = password
        self._banner.hide()
        self._controller.refresh(entry.key)

    def _sign_in_closed(self, dialog: SignInDialog) -> None:
        self.sign_in_dialog = None
        dialog.deleteLater()

    @Slot()
    def restart(self) -> None:
        if self._shell_execute is None:
            return
        outcome, error = restart_as_administrator(self._shell_execute)
        status = self._window.statusBar()
        if outcome is Restart.STARTED:
            self.restarting.emit()
        elif outcome is Restart.DECLINED:
            status.showMessage(
                self.tr("IIS Access keeps running without administrator rights: the request was declined."),
                15_000,
            )
        else:
            status.showMessage(
                self.tr("Windows could not restart IIS Access as administrator (error {code}).").format(
                    code=error
                ),
                15_000,
            )
