"""Adding, editing and removing remote hosts: the dialog, the keyring, the saved list and the controller.

The Host menu, the hosts list's context menu and a double-click on a remote
host all end here. A changed host is a new connection: its old session is
closed and the window shows it afresh, so it reconnects with what was saved.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QListView, QMenu, QMessageBox, QWidget

from bridge.credentials import forget_password, remember_password, remembered_password
from bridge.demo_state import reset_demo
from gui.host_dialog import HostDialog
from gui.hosts import HostController, HostEntry, HostKind, remote_entry
from gui.settings import SavedHost, Settings
from gui.table_model import RECORD_ROLE


class HostActions(QObject):
    showHost = Signal(str)  # host key: select it and show it afresh ("" when no host is left)

    def __init__(
        self,
        window: QWidget,
        controller: HostController,
        settings: Settings,
        current: Callable[[], HostEntry | None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._controller = controller
        self._settings = settings
        self._current = current
        self.dialog: HostDialog | None = None
        self.add_action = self._action(self.tr("&Add remote host…"), self.add, QKeySequence("Ctrl+N"))
        self.edit_action = self._action(self.tr("&Edit host…"), self.edit)
        self.remove_action = self._action(self.tr("&Remove host"), self.remove)
        self.reset_demo_action = self._action(self.tr("Reset &demo lab…"), self.ask_reset_demo)
        self.question: QMessageBox | None = None
        self.menu = QMenu(window)
        self.update(None)

    def _action(self, text: str, slot: Callable[[], None], shortcut: QKeySequence | None = None) -> QAction:
        action = QAction(text, self._window)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    def attach(self, view: QListView, refresh: QAction) -> None:
        """The hosts list: right-click for Refresh, Edit…, Remove; double-click a remote host to edit it."""
        self.menu.addActions([refresh, self.edit_action, self.remove_action, self.reset_demo_action])
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(lambda point: self._context_menu(view, point))
        view.doubleClicked.connect(lambda _index: self.edit())

    def _context_menu(self, view: QListView, point: QPoint) -> None:
        index = view.indexAt(point)
        if not isinstance(index.data(RECORD_ROLE), HostEntry):
            return
        view.setCurrentIndex(index)
        self.menu.popup(view.viewport().mapToGlobal(point))

    def update(self, entry: HostEntry | None) -> None:
        """Only the admin's own hosts can be edited or removed."""
        remote = entry is not None and entry.kind is HostKind.REMOTE
        self.edit_action.setEnabled(remote)
        self.remove_action.setEnabled(remote)
        self.reset_demo_action.setVisible(entry is not None and entry.kind is HostKind.DEMO)

    @Slot()
    def ask_reset_demo(self) -> None:
        """Ask before the demo lab forgets every change made on it (the History keeps its records)."""
        question = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Reset demo lab"),
            self.tr(
                "Put the demo lab back as shipped? Every grant and undo made on it is forgotten; "
                "the History keeps its records."
            ),
            QMessageBox.StandardButton.Reset | QMessageBox.StandardButton.Cancel,
            self._window,
        )
        question.setDefaultButton(QMessageBox.StandardButton.Cancel)
        question.finished.connect(lambda result: self._reset_answered(question, result))
        self.question = question
        question.open()

    def _reset_answered(self, question: QMessageBox, result: int) -> None:
        self.question = None
        question.deleteLater()
        if result != QMessageBox.StandardButton.Reset:
            return
        reset_demo()
        # The demo's server reads the missing state at its next operation: it shows as shipped.
        demo = next((entry for entry in self._controller.entries if entry.kind is HostKind.DEMO), None)
        if demo is not None:
            self._controller.refresh(demo.key)
            self.showHost.emit(demo.key)

    @Slot()
    def add(self) -> None:
        self._open(HostDialog(self._window), None)

    @Slot()
    def edit(self) -> None:
        entry = self._current()
        if entry is not None and entry.kind is HostKind.REMOTE and entry.saved is not None:
            self._open(HostDialog(self._window, entry.saved), entry)

    def _open(self, dialog: HostDialog, editing: HostEntry | None) -> None:
        dialog.accepted.connect(lambda: self._accepted(dialog, editing))
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialog = dialog
        dialog.open()

    def _closed(self, dialog: HostDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _accepted(self, dialog: HostDialog, editing: HostEntry | None) -> None:
        saved = dialog.result_host
        if saved is None:
            return
        self.save(saved, editing, dialog.password.text() or _kept_password(editing, saved))

    def save(self, saved: SavedHost, editing: HostEntry | None, password: str | None) -> None:
        """Save ``saved`` (new, or in place of ``editing``'s host) and show it afresh.

        The host dialog and the sign-in prompt (another account) both end here; the
        new connection signs in with ``password``.
        """
        old = editing.saved if editing is not None else None
        same_account = old is not None and (old.user, old.host) == (saved.user, saved.host)
        if old is not None and old.remember_password and not (saved.remember_password and same_account):
            forget_password(old.user, old.host)
        if saved.remember_password and saved.user and password:
            remember_password(saved.user, saved.host, password)
        hosts = self._settings.hosts()
        if old is None:
            self._settings.set_hosts([*hosts, saved])
        else:
            self._settings.set_hosts([saved if host.key == old.key else host for host in hosts])
        entry = remote_entry(saved, password)
        if editing is None:
            self._controller.add(entry)
        else:
            self._controller.replace(editing.key, entry)
        self.showHost.emit(saved.key)

    @Slot()
    def remove(self) -> None:
        entry = self._current()
        if entry is None or entry.kind is not HostKind.REMOTE:
            return
        self._settings.set_hosts([saved for saved in self._settings.hosts() if saved.key != entry.key])
        self._controller.remove(entry.key)
        self.showHost.emit(self._controller.entries[0].key if self._controller.entries else "")


def _kept_password(editing: HostEntry | None, saved: SavedHost) -> str | None:
    """An edit without a new password keeps the old one, as long as it is for the same account."""
    old = editing.saved if editing is not None else None
    if editing is None or old is None or (old.user, old.host) != (saved.user, saved.host):
        return None
    return editing.password or (remembered_password(old.user, old.host) if old.remember_password else None)
