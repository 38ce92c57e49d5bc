"""The hosts the GUI knows, their connection state, and the background work done for them.

A HostEntry lives in the GUI thread and is changed only there; the bridge
calls that fill it run through the TaskRunner, keyed by the host, so each host
does one thing at a time while different hosts work in parallel.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from bridge.errors import AuthenticationFailed, BridgeError, Cancelled
from bridge.history import History
from bridge.model import Inventory
from bridge.needs import CheckResult, CheckStatus
from gui import backend
from gui.settings import SavedHost
from gui.site_nodes import SiteForest, site_forest
from gui.texts import error_message, short_reason
from gui.worker import TaskRunner


class HostState(str, Enum):
    IDLE = "idle"
    CONNECTING = "connecting"
    READY = "ready"
    FAILED = "failed"


class HostKind(str, Enum):
    DEMO = "demo"
    LOCAL = "local"
    REMOTE = "remote"


@dataclass(eq=False)
class HostEntry:
    key: str
    label: str
    kind: HostKind
    saved: SavedHost | None = None
    password: str | None = field(default=None, repr=False)
    state: HostState = HostState.IDLE
    error: BridgeError | None = None
    link: backend.HostLink | None = None
    inventory: Inventory | None = None
    checks: list[CheckResult] = field(default_factory=list)
    # The Sites tree's rows, built by the worker that read the inventory.
    sites: SiteForest | None = None
    _fixing: tuple[list[CheckResult], list[CheckResult]] | None = field(default=None, init=False, repr=False)

    def record_check(self, check: CheckResult) -> None:
        """A target checked again: its new result replaces the old one here and in the tree's rows."""
        self.checks = [c for c in self.checks if str(c.target) != str(check.target)] + [check]
        if self.sites is not None:
            self.sites.record(check)

    @property
    def needs_fixing(self) -> list[CheckResult]:
        # Read for every paint of the hosts list: thousands of checks are filtered once per list
        # (``checks`` is replaced, never changed in place).
        if self._fixing is None or self._fixing[0] is not self.checks:
            self._fixing = (self.checks, [c for c in self.checks if c.status is not CheckStatus.OK])
        return self._fixing[1]


def default_entries(saved_hosts: list[SavedHost]) -> list[HostEntry]:
    """This computer on Windows, else the demo lab; then the admin's remote hosts."""
    entries: list[HostEntry] = []
    if sys.platform == "win32":
        entries.append(
            HostEntry("local", QCoreApplication.translate("Hosts", "This computer"), HostKind.LOCAL)
        )
    entries.append(HostEntry("demo", QCoreApplication.translate("Hosts", "Demo lab"), HostKind.DEMO))
    entries.extend(HostEntry(saved.key, saved.host, HostKind.REMOTE, saved) for saved in saved_hosts)
    return entries


# What refreshing a host brings back: its session, inventory, checks and the Sites tree's rows.
_Loaded = tuple[backend.HostLink, Inventory, list[CheckResult], SiteForest]


class HostController(QObject):
    """Owns the host entries and starts every bridge call made for them."""

    hostChanged = Signal(str)
    unexpected = Signal(object)
    cancelled = Signal(str)  # host key: an operation was stopped at the admin's request

    def __init__(self, entries: list[HostEntry], history: History, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries = entries
        self.history = history
        self.runner = TaskRunner(self)

    def entry(self, key: str) -> HostEntry | None:
        return next((entry for entry in self.entries if entry.key == key), None)

    def add(self, entry: HostEntry) -> None:
        self.entries.append(entry)
        self.hostChanged.emit(entry.key)

    def remove(self, key: str) -> None:
        self.replace(key, None)

    def replace(self, key: str, new: HostEntry | None) -> None:
        """Put ``new`` where the host ``key`` was (or just drop that host): its session and work end."""
        entry = self.entry(key)
        if entry is None:
            return
        self.cancel(key)
        position = self.entries.index(entry)
        self.entries[position : position + 1] = [new] if new is not None else []
        if entry.link is not None:
            entry.link.close()
        self.hostChanged.emit(key)
        if new is not None and new.key != key:
            self.hostChanged.emit(new.key)

    def refresh(self, key: str) -> bool:
        """Connect if needed, then read the inventory and check every target; False if busy."""
        entry = self.entry(key)
        if entry is None:
            return False

        def work(cancel: threading.Event) -> _Loaded:
            link = entry.link or backend.connect(entry.kind.value, entry.saved, entry.password)
            try:
                inventory, checks = backend.load(link, cancel)
            except BaseException:
                # A link opened for this attempt would otherwise be dropped with the failure, still open.
                if link is not entry.link:
                    link.close()
                raise
            return link, inventory, checks, site_forest(inventory, checks)

        def done(result: _Loaded) -> None:
            if entry not in self.entries:
                # Removed or edited while it connected: nobody will use or close this session.
                if result[0] is not entry.link:
                    result[0].close()
                return
            entry.link, entry.inventory, entry.checks, entry.sites = result
            entry.state, entry.error = HostState.READY, None
            self.hostChanged.emit(key)

        started = self.run(key, work, done)
        if started:
            entry.state = HostState.CONNECTING
            self.hostChanged.emit(key)
        return started

    def refresh_all(self) -> None:
        for entry in self.entries:
            self.refresh(entry.key)

    def run(
        self,
        key: str,
        work: Callable[[threading.Event], Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None] | None = None,
    ) -> bool:
        """Run ``work`` for a host with a cancel event that Cancel sets.

        A BridgeError marks the host failed unless ``failed`` takes it; a
        cancellation is no failure: the host goes back to what it was.
        """
        entry = self.entry(key)
        cancel = threading.Event()

        def on_failure(error: BaseException) -> None:
            if isinstance(error, Cancelled):
                self.cancelled.emit(key)
            if failed is not None:
                failed(error)
            elif not isinstance(error, BridgeError):
                self.unexpected.emit(error)
            elif entry is not None and not isinstance(error, Cancelled):
                entry.state, entry.error = HostState.FAILED, error
                if isinstance(error, AuthenticationFailed):
                    # The next attempt asks again instead of repeating a password the host refused.
                    entry.password = None
                self.hostChanged.emit(key)
            if entry is not None and entry.state is HostState.CONNECTING:
                entry.state = _settled_state(entry, error)
                self.hostChanged.emit(key)

        task = self.runner.submit(key, lambda: work(cancel), done, on_failure, cancel=cancel.set)
        return task is not None

    def cancel(self, key: str) -> None:
        """Stop what runs for a host, the folder read of its selected row included."""
        self.runner.cancel(key)
        self.runner.cancel(acl_key(key))

    def on_session(
        self,
        key: str,
        work: Callable[[backend.HostLink, threading.Event], Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None],
    ) -> bool:
        """Run ``work`` on the host's open session; False if the host is not connected (or busy)."""
        entry = self.entry(key)
        if entry is None or entry.link is None:
            return False
        link = entry.link
        return self.run(key, lambda cancel: work(link, cancel), done, failed)

    def close(self) -> None:
        for entry in self.entries:
            self.runner.cancel(entry.key)
        self.runner.wait_idle(5000)
        for entry in self.entries:
            if entry.link is not None:
                entry.link.close()
                entry.link = None


def acl_key(key: str) -> str:
    """The task key of the folder read for a host's selected row: it runs beside the host's own work."""
    return f"{key}#acl"


def _settled_state(entry: HostEntry, error: BaseException) -> HostState:
    """Where a connecting host ends after ``error``: a cancel leaves it as it was before."""
    if entry.inventory is not None:
        return HostState.READY
    return HostState.IDLE if isinstance(error, Cancelled) else HostState.FAILED


def host_state_text(entry: HostEntry) -> str:
    """The connection state in a sentence, for the host's tooltip and the status bar."""
    if entry.state is HostState.FAILED and entry.error is not None:
        if entry.inventory is None:
            return error_message(entry.error)
        stale = QCoreApplication.translate(
            "Hosts", "The sites shown are as last read and may be out of date."
        )
        return f"{error_message(entry.error)} {stale}"
    if entry.state is HostState.READY and entry.inventory is not None:
        text = QCoreApplication.translate("Hosts", "{host}: {sites} sites, {problems} need attention").format(
            host=entry.inventory.server.computer_name,
            sites=len(entry.inventory.sites),
            problems=len(entry.needs_fixing),
        )
        return _with_tls_warning(entry, text)
    return host_line(entry)


def _with_tls_warning(entry: HostEntry, text: str) -> str:
    """``text``, with the warning that the host's certificate is not verified when it is not."""
    saved = entry.saved
    if saved is None or saved.transport != "https" or saved.verify_tls:
        return text
    return QCoreApplication.translate("Hosts", "{state} · certificate NOT verified").format(state=text)


def host_line(entry: HostEntry) -> str:
    """The state in a few words, for the line under the host's name."""
    if entry.state is HostState.FAILED and entry.error is not None:
        return short_reason(entry.error)
    if entry.state is HostState.READY:
        problems = len(entry.needs_fixing)
        if not problems:
            return _with_tls_warning(entry, QCoreApplication.translate("Hosts", "Connected · all good"))
        fix = QCoreApplication.translate("Hosts", "Connected · {count} to fix").format(count=problems)
        return _with_tls_warning(entry, fix)
    if entry.state is HostState.CONNECTING:
        return QCoreApplication.translate("Hosts", "Connecting…")
    return QCoreApplication.translate("Hosts", "Not connected")


def host_icon(entry: HostEntry) -> str:
    if entry.state is HostState.READY:
        return "status-missing" if entry.needs_fixing else "status-ok"
    return {HostState.FAILED: "host-failed", HostState.CONNECTING: "status-busy"}.get(
        entry.state, "host-idle"
    )
