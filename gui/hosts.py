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

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal, Slot

from bridge.collector import bulk_answer
from bridge.demo import DEMO_LABEL
from bridge.errors import AuthenticationFailed, BridgeError, Cancelled
from bridge.fleet import Outcome as FleetOutcome
from bridge.fleet import run_on_hosts
from bridge.history import History
from bridge.local_transport import LOCAL_HOST
from bridge.model import Inventory
from bridge.needs import CheckResult, CheckStatus
from gui import backend
from gui.host_names import host_name, saved_label
from gui.settings import SavedHost
from gui.site_nodes import SiteForest, site_forest
from gui.texts import error_message, short_reason
from gui.worker import Task, TaskRunner


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
    _counts: tuple[list[CheckResult], StatusCounts] | None = field(default=None, init=False, repr=False)

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
            self._fixing = (self.checks, needing_fix(self.checks))
        return self._fixing[1]

    def prime(self, summary: Summary) -> None:
        """Take what the worker that read ``checks`` worked out of them (at 20,000 sites, 30 ms the
        GUI thread would otherwise spend on the first paint of the hosts list)."""
        self._fixing, self._counts = (self.checks, summary[0]), (self.checks, summary[1])

    @property
    def counts(self) -> StatusCounts:
        # Read for every paint of the hosts list, like needs_fixing: counted once per list.
        if self._counts is None or self._counts[0] is not self.checks:
            self._counts = (self.checks, status_counts(self.checks))
        return self._counts[1]


@dataclass(frozen=True)
class StatusCounts:
    """A host's targets by what the admin can do about them, each target counted once."""

    to_fix: int  # access missing: a grant from here fixes it
    elsewhere: int  # cannot be fixed here (a share, a missing folder) or blocked by a deny entry
    too_much: int  # every requirement met, but someone has more access than the site needs


_ELSEWHERE = (CheckStatus.UNFIXABLE, CheckStatus.BLOCKED)


def needing_fix(checks: list[CheckResult]) -> list[CheckResult]:
    return [check for check in checks if check.status is not CheckStatus.OK]


def status_counts(checks: list[CheckResult]) -> StatusCounts:
    """What needs fixing, what needs attention elsewhere and what has too much, separately."""
    statuses = [check.status for check in checks]
    return StatusCounts(
        to_fix=statuses.count(CheckStatus.MISSING),
        elsewhere=sum(status in _ELSEWHERE for status in statuses),
        too_much=statuses.count(CheckStatus.TOO_MUCH),
    )


def remote_entry(saved: SavedHost, password: str | None = None) -> HostEntry:
    """A remote host's entry, named as the bridge records it: its name with its port."""
    return HostEntry(saved.key, saved_label(saved), HostKind.REMOTE, saved, password)


def default_entries(saved_hosts: list[SavedHost]) -> list[HostEntry]:
    """This computer on Windows, else the demo lab; then the admin's remote hosts."""
    entries: list[HostEntry] = []
    if sys.platform == "win32":
        entries.append(HostEntry("local", host_name(LOCAL_HOST), HostKind.LOCAL))
    entries.append(HostEntry("demo", host_name(DEMO_LABEL), HostKind.DEMO))
    entries.extend(remote_entry(saved) for saved in saved_hosts)
    return entries


# The task key of a "Check all hosts" run, beside the hosts' own keys (each held while it runs).
CHECK_ALL_KEY = "#check-all"

# What refreshing a host brings back: its session, inventory, checks and the Sites tree's rows.
# A host's checks that need fixing, and its counts by status.
Summary = tuple[list[CheckResult], StatusCounts]
_Loaded = tuple[backend.HostLink, Inventory, list[CheckResult], SiteForest, Summary]


class HostController(QObject):
    """Owns the host entries and starts every bridge call made for them."""

    hostChanged = Signal(str)
    unexpected = Signal(object)
    cancelled = Signal(str)  # host key: an operation was stopped at the admin's request
    # A host of a "Check all hosts" run has landed: emitted on the fleet run's thread, delivered here.
    _hostLanded = Signal(object, object)

    def __init__(
        self,
        entries: list[HostEntry],
        history: History,
        parent: QObject | None = None,
        *,
        saved_demo: bool = True,
    ) -> None:
        super().__init__(parent)
        self.entries = entries
        self.history = history
        # False for screenshots: the demo starts as shipped and keeps nothing.
        self.saved_demo = saved_demo
        self.runner = TaskRunner(self)
        self._hostLanded.connect(self._deliver_landed)

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
        started = self.run(key, lambda cancel: self._load(entry, cancel), self._loaded(entry))
        if started:
            entry.state = HostState.CONNECTING
            self.hostChanged.emit(key)
        return started

    def _load(self, entry: HostEntry, cancel: threading.Event) -> _Loaded:
        """A host's refresh, on a worker thread: connect if needed, read and check everything."""
        link = entry.link or backend.connect(
            entry.kind.value, entry.saved, entry.password, saved_demo=self.saved_demo
        )
        try:
            inventory, checks = backend.load(link, cancel)
        except BaseException:
            # A link opened for this attempt would otherwise be dropped with the failure, still open.
            if link is not entry.link:
                link.close()
            raise
        # The tree's 60,000 rows at 20,000 sites made three young collections of 20-32 ms each here,
        # each holding the interpreter lock the GUI thread waits for: none runs while they are built.
        with bulk_answer():
            forest = site_forest(inventory, checks)
        return link, inventory, checks, forest, (needing_fix(checks), status_counts(checks))

    def _loaded(self, entry: HostEntry) -> Callable[[_Loaded], None]:
        def done(result: _Loaded) -> None:
            if entry not in self.entries:
                # Removed or edited while it connected: nobody will use or close this session.
                if result[0] is not entry.link:
                    result[0].close()
                return
            entry.link, entry.inventory, entry.checks, entry.sites, summary = result
            entry.prime(summary)
            entry.state, entry.error = HostState.READY, None
            self.hostChanged.emit(entry.key)

        return done

    def refresh_all(self) -> None:
        """Check every host that is not busy at once, through the CLI's fleet runner
        (``bridge.fleet.run_on_hosts``): a bounded number in flight, one host's failure ending only
        its own check, each host shown as soon as it lands. Cancel stops one host's check."""
        if self.runner.is_busy(CHECK_ALL_KEY):
            return
        held: dict[str, tuple[Task, threading.Event]] = {}
        for entry in self.entries:
            cancel = threading.Event()
            task = self.runner.hold(
                entry.key, self._loaded(entry), self._on_failure(entry.key, entry, None), cancel=cancel.set
            )
            if task is not None:
                held[entry.key] = (task, cancel)
                entry.state = HostState.CONNECTING
                self.hostChanged.emit(entry.key)
        entries = [entry for entry in self.entries if entry.key in held]
        if not entries:
            return

        def landed(outcome: FleetOutcome[HostEntry, _Loaded]) -> None:
            task = held[outcome.item.key][0]
            if outcome.error is not None:
                task.fail(outcome.error)
            elif task.cancelled:
                # Cancelled while it connected: a session it opened is nobody's.
                if outcome.result is not None and outcome.result[0] is not outcome.item.link:
                    outcome.result[0].close()
            else:
                task.succeed(outcome.result)

        def work() -> None:
            run_on_hosts(
                entries,
                lambda entry: self._load(entry, held[entry.key][1]),
                progress=lambda _done, _total, outcome: self._hostLanded.emit(landed, outcome),
            )

        def finished(error: BaseException | None) -> None:
            # Each host's outcome was handed over as it landed (queued before this); a defect that
            # ended the run early ends the hosts still held, so none stays busy.
            for task, _cancel in held.values():
                task.fail(error if error is not None else Cancelled())

        self.runner.submit(CHECK_ALL_KEY, work, lambda _result: finished(None), finished)

    @Slot(object, object)
    def _deliver_landed(
        self,
        landed: Callable[[FleetOutcome[HostEntry, _Loaded]], None],
        outcome: FleetOutcome[HostEntry, _Loaded],
    ) -> None:
        landed(outcome)

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
        cancel = threading.Event()
        on_failure = self._on_failure(key, self.entry(key), failed)
        task = self.runner.submit(key, lambda: work(cancel), done, on_failure, cancel=cancel.set)
        return task is not None

    def _on_failure(
        self, key: str, entry: HostEntry | None, failed: Callable[[BaseException], None] | None
    ) -> Callable[[BaseException], None]:
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

        return on_failure

    def cancel(self, key: str) -> None:
        """Stop what runs for a host, the folder read of its selected row included."""
        self.runner.cancel(key)
        self.runner.cancel(acl_key(key))

    def on_session(
        self,
        key: str,
        work: Callable[[backend.HostLink, threading.Event], Any],
        done: Callable[[Any], None],
        show: Callable[[BridgeError], None],
        settled: Callable[[], None] | None = None,
    ) -> bool:
        """Run ``work`` on the host's open session; False if the host is not connected (or busy).

        The one call every change (plan, apply, undo, re-check) runs through: a failure first lets
        ``settled`` undo what the caller set up (busy marks), then takes the default route.
        """
        entry = self.entry(key)
        if entry is None or entry.link is None:
            return False
        link = entry.link

        def failed(error: BaseException) -> None:
            if settled is not None:
                settled()
            self.route_failure(error, show)

        return self.run(key, lambda cancel: work(link, cancel), done, failed)

    def route_failure(self, error: BaseException, show: Callable[[BridgeError], None]) -> None:
        """The default failure route: a cancel is no failure (the window says so calmly), a bridge
        error is shown by ``show`` where the admin is looking, anything else is a defect."""
        if isinstance(error, Cancelled):
            return
        if isinstance(error, BridgeError):
            show(error)
        else:
            self.unexpected.emit(error)

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
        counts = entry.counts
        text = QCoreApplication.translate(
            "Hosts",
            "{host}: {sites} sites; {to_fix} to fix, {elsewhere} cannot be fixed here, "
            "{too_much} with too much access",
        ).format(
            host=entry.inventory.server.computer_name,
            sites=len(entry.inventory.sites),
            to_fix=counts.to_fix,
            elsewhere=counts.elsewhere,
            too_much=counts.too_much,
        )
        return _with_demo_note(entry, _with_tls_warning(entry, text))
    return host_line(entry)


def _with_demo_note(entry: HostEntry, text: str) -> str:
    """``text``, saying that the demo lab is simulated and keeps its changes until it is reset."""
    if entry.kind is not HostKind.DEMO:
        return text
    return QCoreApplication.translate(
        "Hosts",
        "{state} · the demo lab, a simulated server: it keeps its changes until it is reset (Host menu)",
    ).format(state=text)


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
        return _with_tls_warning(entry, _counts_line(entry.counts))
    if entry.state is HostState.CONNECTING:
        return QCoreApplication.translate("Hosts", "Connecting…")
    return QCoreApplication.translate("Hosts", "Not connected")


def _counts_line(counts: StatusCounts) -> str:
    """'Connected · 3 to fix · 2 cannot be fixed here · 1 with too much access', naming only what there is."""
    parts = [
        QCoreApplication.translate("Hosts", str(text)).format(count=count)
        for text, count in (
            (QT_TRANSLATE_NOOP("Hosts", "{count} to fix"), counts.to_fix),
            (QT_TRANSLATE_NOOP("Hosts", "{count} cannot be fixed here"), counts.elsewhere),
            (QT_TRANSLATE_NOOP("Hosts", "{count} with too much access"), counts.too_much),
        )
        if count
    ]
    if not parts:
        return QCoreApplication.translate("Hosts", "Connected · all good")
    return " · ".join([QCoreApplication.translate("Hosts", "Connected"), *parts])


def host_icon(entry: HostEntry) -> str:
    if entry.state is HostState.READY:
        counts = entry.counts
        if counts.to_fix or counts.elsewhere:
            return "status-missing"
        return "status-too-much" if counts.too_much else "status-ok"
    return {HostState.FAILED: "host-failed", HostState.CONNECTING: "status-busy"}.get(
        entry.state, "host-idle"
    )
