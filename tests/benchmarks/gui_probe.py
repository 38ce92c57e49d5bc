"""The GUI figures, measured inside the real app: run by the benchmark as its own process.

``python -m tests.benchmarks.gui_probe --port P`` (the lab password in the
environment) opens the main window on that lab host, keeps a heartbeat timer
on the GUI thread while the host is connected and fully checked, then types
into the site filter, and prints one JSON object: the longest heartbeat gap,
the median keystroke, and the process's resident memory.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from bridge.collector import settle_startup_objects
from bridge.history import History
from gui.errors import ErrorReporter
from gui.hosts import HostController, HostEntry, HostKind, HostState
from gui.main_window import MainWindow
from gui.settings import SavedHost, Settings
from gui.site_model import Column
from tests.benchmarks.lab import LOOPBACK, USER
from tests.benchmarks.timing import timed

PASSWORD_ENV = "IIS_ACCESS_BENCH_PASSWORD"  # noqa: S105 - where the password is found, not the password
HEARTBEAT_MS = 5
# Beats to wait after the inventory is shown, so the tree's first layout and paint fall inside the watch.
SETTLE_BEATS = 3
TYPED = "site-0099"


class Heartbeat(QObject):
    """A timer on the GUI thread; the longest gap between its beats is the longest the thread was stuck.

    Listeners are plain callables, not a Qt signal: PySide6 6.12 on Python 3.11 drops a
    reference to ``True`` on every ``Signal.emit()``, and thousands of beats would abort the
    process with "bool_dealloc".
    """

    def __init__(self) -> None:
        super().__init__()
        self.longest_s = 0.0
        self.listeners: list[Callable[[], None]] = []
        self._last = 0.0
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(HEARTBEAT_MS)
        self._timer.timeout.connect(self._beat)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _beat(self) -> None:
        now = time.perf_counter()
        self.longest_s = max(self.longest_s, now - self._last)
        self._last = now
        for listener in self.listeners:
            listener()


def _wait_until_shown(window: MainWindow, entry: HostEntry, heartbeat: Heartbeat, timeout_s: float) -> None:
    """Connect to the host and check it fully, watching the heartbeat; raise if it fails or times out."""
    loop = QEventLoop()
    beats_after: list[None] = []
    outcome: list[str] = []

    def shown(_key: str) -> None:
        heartbeat.listeners.append(settled)

    def settled() -> None:
        beats_after.append(None)
        if len(beats_after) == SETTLE_BEATS:
            loop.quit()

    def changed(key: str) -> None:
        if key == entry.key and entry.state is HostState.FAILED:
            outcome.append(f"the host failed: {entry.error}")
            loop.quit()

    def timed_out() -> None:
        outcome.append(f"the inventory was not shown within {timeout_s:.0f} s")
        loop.quit()

    window.inventoryShown.connect(shown)
    window.controller.hostChanged.connect(changed)
    QTimer.singleShot(round(timeout_s * 1000), timed_out)
    heartbeat.start()
    window.select_host(entry.key)
    loop.exec()
    heartbeat.stop()
    if outcome:
        raise RuntimeError(outcome[0])


def _keystroke(press: Callable[[], None]) -> float:
    """One keystroke's time: the key event and every event it posts, repaint included."""

    def handled() -> None:
        press()
        QApplication.processEvents()

    return timed(handled)[1]


def _filter_samples(window: MainWindow, rounds: int) -> list[float]:
    """Type a site name into the filter and erase it again, one timed keystroke at a time."""
    line = window.filter
    line.setFocus()
    samples = []
    for _ in range(rounds):
        samples += [_keystroke(partial(QTest.keyClick, line, char)) for char in TYPED]
        samples += [_keystroke(lambda: QTest.keyClick(line, Qt.Key.Key_Backspace)) for _ in TYPED]
    if line.text():
        raise RuntimeError(f"the filter still holds {line.text()!r} after erasing")
    return samples


def _handled(action: Callable[[], None]) -> float:
    """How long ``action`` and every event it posts (layout, repaint) hold the GUI thread."""

    def run() -> None:
        action()
        QApplication.processEvents()

    return timed(run)[1]


def _tree_samples(window: MainWindow, rounds: int) -> dict[str, float]:
    """Median milliseconds to expand a site, sort the tree by a column and back, and select a row.

    Rows spread over the tree, so a large server's far rows are reached too; selecting starts the
    folder's read on a worker, of which only the GUI thread's part is timed.
    """
    tree, model = window.tree, window.sites
    count = model.rowCount()
    rows = [count * step // (rounds + 1) for step in range(1, rounds + 1)]
    expand = [_handled(partial(tree.expand, model.index(row, 0))) for row in rows]
    collapse = [_handled(partial(tree.collapse, model.index(row, 0))) for row in rows]
    sort = []
    for _ in range(rounds):
        sort.append(_handled(partial(tree.sortByColumn, Column.PATH, Qt.SortOrder.DescendingOrder)))
        sort.append(_handled(partial(tree.sortByColumn, Column.NAME, Qt.SortOrder.AscendingOrder)))
    select = [_handled(partial(tree.setCurrentIndex, model.index(row, 0))) for row in rows]
    return {
        "gui_expand_ms": statistics.median(expand + collapse) * 1000,
        "gui_sort_ms": statistics.median(sort) * 1000,
        "gui_select_ms": statistics.median(select) * 1000,
    }


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="gui_probe", description=__doc__)
    parser.add_argument("--port", type=int, required=True, help="the lab host's port on loopback")
    parser.add_argument("--rounds", type=int, default=5, help="times to type and erase the filter text")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds to wait for the inventory")
    args = parser.parse_args(list(argv))
    qt_app = QApplication([sys.argv[0]])
    settle_startup_objects()  # as gui.app.main does, so the probe measures what the app does
    saved = SavedHost(host=LOOPBACK, port=args.port, transport="http", auth="ntlm", user=USER)
    entry = HostEntry(saved.key, saved.host, HostKind.REMOTE, saved, os.environ[PASSWORD_ENV])
    controller = HostController([entry], History())
    reporter = ErrorReporter(lambda: None)
    window = MainWindow(controller, Settings(), reporter)
    window.show()
    heartbeat = Heartbeat()
    try:
        _wait_until_shown(window, entry, heartbeat, args.timeout)
        samples = _filter_samples(window, args.rounds)
        # Measured once the inventory is on screen and the filter typed, as an admin would have it.
        memory = rss_mb()
        tree = _tree_samples(window, args.rounds)
        print(
            json.dumps(
                {
                    "gui_max_stall_ms": heartbeat.longest_s * 1000,
                    "gui_filter_ms": statistics.median(samples) * 1000,
                    "gui_rss_mb": memory,
                    **tree,
                    "sites_shown": window.sites.rowCount(),
                }
            )
        )
    finally:
        window.close()
        controller.close()
    qt_app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
