"""From a click on a grant or reduce action to a changed, re-checked row with an Undo notice.

plan (background) → confirmation dialog of the :class:`~bridge.change.Change` →
apply (background) → notice with Undo and the history, as soon as the change is
made → re-check (background) → row and details refreshed. Every step runs through
``HostController.on_session``, whose one failure route puts a failure in the
banner of the place the admin is looking at: the dialog while it is open,
otherwise the host's banner. The re-check is separate work: cancelling it leaves
the change, its notice and its history entry as they are.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from bridge.access import AccessLevel
from bridge.change import Change
from bridge.errors import BridgeError
from bridge.history import ChangeRecord
from bridge.model import PathAccess
from bridge.needs import CheckResult
from bridge.plans import GrantKind
from bridge.recommend import Fix
from bridge.wording import translate
from gui import backend
from gui.confirm import ConfirmDialog
from gui.details import DetailsPane
from gui.errors import ErrorBanner
from gui.host_names import host_name
from gui.hosts import HostController, HostEntry, HostState, acl_key
from gui.notice import ChangeNotice
from gui.site_model import SiteTreeModel

UNDO_NOT_CONNECTED = translate(
    "Bridge", "{host} is not connected, so the change cannot be undone now.", "undo-not-connected"
)
UNDO_NOT_CONNECTED_HINT = translate(
    "Bridge",
    "Select the host to connect to it, then undo again from the History tab.",
    "hint-undo-not-connected",
)


class GrantFlow(QObject):
    changed = Signal()  # a change was applied or undone (the history has it)
    rechecked = Signal(str)  # target: its row shows the host's state after a change
    dialogOpened = Signal(object)  # ConfirmDialog, for screenshots and tests

    def __init__(
        self,
        window: QWidget,
        controller: HostController,
        *,
        sites: SiteTreeModel,
        details: DetailsPane,
        notice: ChangeNotice,
        banner: ErrorBanner,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._controller = controller
        self._sites = sites
        self._details = details
        self._notice = notice
        self._banner = banner
        self.key: str | None = None
        self.target: str | None = None
        self.dialog: ConfirmDialog | None = None
        # The recommended grants still to plan, in order (see request_fixes).
        self._fixes: list[Fix] = []
        details.grantRequested.connect(self.request)
        details.fixRequested.connect(self.request_fixes)
        details.reduceRequested.connect(self.request_reduce)
        notice.undoRequested.connect(self.undo)

    def set_host(self, key: str) -> None:
        self.key = key
        self.target = None
        self._fixes.clear()

    def _entry(self) -> HostEntry | None:
        return self._controller.entry(self.key) if self.key is not None else None

    def select(self, target: str | None) -> None:
        """Show the details of a target and read its folder's ACL in the background."""
        if target != self.target:
            # The recommended grants were for the target shown before.
            self._fixes.clear()
        self.target = target
        entry = self._entry()
        check = self._sites.check_for(target) if target is not None else None
        if entry is None or entry.inventory is None or check is None:
            self._details.show_nothing()
            return
        self._details.show_check(entry.inventory, check)
        if entry.state is not HostState.READY:
            # The last state read, shown after a failed refresh: no grant until the host answers again.
            self._details.set_actions_enabled(False)
            return
        if check.problem is None:
            self._read_access(entry, check)

    def _read_access(self, entry: HostEntry, check: CheckResult) -> None:
        """Read the folder's ACL; a read still running for an earlier row is followed by one for this row."""
        link = entry.link
        if link is None:
            return
        target = str(check.target)

        def done(access: PathAccess) -> None:
            if target == self.target:
                self._details.set_access(access)
            elif self.target is not None and entry.key == self.key:
                self.select(self.target)

        self._controller.run(
            acl_key(entry.key),
            lambda cancel: backend.path_access(link, check.physical_path, cancel),
            done,
            lambda error: self._controller.route_failure(error, self._banner.show_error),
        )

    @Slot(object, object)
    def request(self, kind: GrantKind, subpath: str | None) -> None:
        """Plan a grant on the selected target and confirm it."""
        self._fixes.clear()
        self._grant(kind, subpath)

    @Slot(object)
    def request_fixes(self, fixes: tuple[Fix, ...]) -> None:
        """Make the recommended grants one after another, each planned and confirmed as a button's.

        The next is planned once the one before is made and its row checked again, or once a plan
        that is not to be made (nothing to do, refused) is closed; declining one, or a failure,
        ends the run.
        """
        self._fixes = list(fixes)
        self._next_fix()

    def _next_fix(self) -> None:
        if not self._fixes:
            return
        fix = self._fixes.pop(0)
        self._grant(
            fix.kind,
            fix.subpath,
            path=fix.path if fix.explicit_path else None,
            sid=fix.sid if fix.kind.names_account else None,
        )

    def _grant(
        self, kind: GrantKind, subpath: str | None, *, path: str | None = None, sid: str | None = None
    ) -> None:
        target = self.target
        self._plan(
            lambda link, cancel: (
                backend.plan(link, kind, str(target), subpath, cancel, path=path, sid=sid).change
            )
        )

    @Slot(str, object, object)
    def request_reduce(self, sid: str, to: AccessLevel, subpath: str | None) -> None:
        """Plan taking ``sid`` down to ``to`` on the selected target and confirm it."""
        target = self.target
        self._plan(
            lambda link, cancel: backend.plan_reduce(
                link, str(target), sid, to=to, subpath=subpath, cancel=cancel
            )
        )

    def _plan(self, work: Callable[[backend.HostLink, threading.Event], Change]) -> None:
        if self.key is None or self.target is None:
            self._fixes.clear()
            return
        self._banner.hide()
        if not self._controller.on_session(self.key, work, self._confirm, self._failed):
            self._fixes.clear()

    def _failed(self, error: BridgeError) -> None:
        """A step failed: the grants still to make wait for the admin to look again."""
        self._fixes.clear()
        self._banner.show_error(error)

    def _confirm(self, change: Change) -> None:
        entry = self._entry()
        target = self.target
        if entry is None or target is None:
            return
        # The name the plan's warnings and the History tab use, with the server's own name beside it.
        host = host_name(change.host)
        if entry.inventory is not None and entry.inventory.server.computer_name != host:
            host = f"{host} ({entry.inventory.server.computer_name})"
        dialog = ConfirmDialog(host, change, self._window)
        dialog.grantRequested.connect(lambda: self._apply(entry, dialog, target))
        dialog.rejected.connect(lambda: self._controller.cancel(entry.key))
        dialog.rejected.connect(lambda: self._declined(dialog.change))
        dialog.finished.connect(lambda _result: self._forget(dialog))
        self.dialog = dialog
        dialog.open()
        self.dialogOpened.emit(dialog)

    def _declined(self, change: Change) -> None:
        """A confirmation closed without the change: a plan not to be made moves on to the next
        recommended grant; a change the admin declined ends the run."""
        if change.applicable:
            self._fixes.clear()
        else:
            # The host is released once the dialog's handlers have returned.
            QTimer.singleShot(0, self._next_fix)

    def _forget(self, dialog: ConfirmDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _apply(self, entry: HostEntry, dialog: ConfirmDialog, target: str) -> None:
        def done(record: ChangeRecord) -> None:
            self._sites.set_busy(target, False)
            dialog.accept()
            self._notice.show_change(record)
            self._changed(entry, target)

        def settled() -> None:
            self._sites.set_busy(target, False)
            dialog.set_busy(False)

        history, change = self._controller.history, dialog.change
        if self._controller.on_session(
            entry.key,
            lambda link, cancel: backend.apply(link, change, history, cancel),
            done,
            dialog.banner.show_error,
            settled,
        ):
            self._sites.set_busy(target, True)
        else:
            dialog.set_busy(False)

    @Slot(object)
    def undo(self, record: ChangeRecord) -> None:
        entry = self._entry_for(record)
        if entry is None:
            self._banner.show_error(
                BridgeError(UNDO_NOT_CONNECTED(host=record.host_display), UNDO_NOT_CONNECTED_HINT())
            )
            return

        def done(undone: ChangeRecord) -> None:
            self._notice.show_undone(undone)
            self._changed(entry, undone.target)

        history = self._controller.history
        self._controller.on_session(
            entry.key,
            lambda link, cancel: backend.undo(link, record, history, cancel),
            done,
            self._banner.show_error,
        )

    def _entry_for(self, record: ChangeRecord) -> HostEntry | None:
        current = self._entry()
        if current is not None and current.link is not None and current.link.made(record):
            return current
        return next((e for e in self._controller.entries if e.link is not None and e.link.made(record)), None)

    def _changed(self, entry: HostEntry, target: str) -> None:
        """A change is made: say so, then check its row again once the host is free."""
        self.changed.emit()
        # The host stays busy until the change's own callbacks have returned.
        QTimer.singleShot(0, lambda: self._recheck(entry, target))

    def _recheck(self, entry: HostEntry, target: str) -> None:
        def done(check: CheckResult) -> None:
            self._sites.set_busy(target, False)
            entry.record_check(check)
            if entry.key == self.key:
                self._sites.update_check(check)
                if self.target is not None and self.target.casefold() == str(check.target).casefold():
                    self.select(self.target)
            self.rechecked.emit(target)
            # The host is busy until this callback has returned.
            QTimer.singleShot(0, self._next_fix)

        def failed(error: BridgeError) -> None:
            self._fixes.clear()
            self._banner.show_error(error)

        if self._controller.on_session(
            entry.key,
            lambda link, cancel: backend.check(link, target, cancel),
            done,
            failed,
            lambda: self._sites.set_busy(target, False),
        ):
            self._sites.set_busy(target, True)
        else:
            self._fixes.clear()
