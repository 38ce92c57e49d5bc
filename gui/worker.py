"""The one way the GUI runs bridge calls: off the GUI thread, result or exception handed back.

Every call goes through ``TaskRunner.submit``. The work runs on a QThreadPool
thread; its outcome comes back to the GUI thread as a queued signal, so the
callbacks may touch widgets. One task at a time per key (a host): the bridge
session already serialises, but the GUI must also know which host is busy to
show it and to keep a second click from queueing unseen work.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from bridge.errors import Cancelled

log = logging.getLogger(__name__)

Success = Callable[[Any], None]
Failure = Callable[[BaseException], None]


class Task(QObject):
    """One background call. Lives in the GUI thread; its runnable reports to it."""

    _succeeded = Signal(object)
    _failed = Signal(object)
    done = Signal()

    def __init__(
        self,
        key: str,
        work: Callable[[], Any],
        on_success: Success,
        on_failure: Failure,
        cancel: Callable[[], None] | None,
    ) -> None:
        super().__init__()
        self.key = key
        self._work = work
        self._on_success = on_success
        self._on_failure = on_failure
        self._cancel = cancel
        self.cancelled = False
        self._delivered = False
        self._succeeded.connect(self._deliver_success)
        self._failed.connect(self._deliver_failure)

    def run_in_thread(self) -> None:
        try:
            result = self._work()
        except BaseException as exc:  # every failure must reach the GUI thread
            self._failed.emit(exc)
        else:
            self._succeeded.emit(result)

    def cancel(self) -> None:
        """Report the task as cancelled now and drop whatever it answers later.

        The host is free for the next request at once; the optional ``cancel``
        hook asks the bridge to stop the work where it runs.
        """
        if self._delivered:
            return
        self.cancelled = True
        if self._cancel is not None:
            self._cancel()
        self._deliver_failure(Cancelled())

    def succeed(self, result: object) -> None:
        """Deliver a held task's result (GUI thread): its work ran elsewhere, in a fleet run."""
        self._deliver_success(result)

    def fail(self, exc: BaseException) -> None:
        """Deliver a held task's failure (GUI thread)."""
        self._deliver_failure(exc)

    @Slot(object)
    def _deliver_success(self, result: object) -> None:
        self._deliver(self._on_success, result)

    @Slot(object)
    def _deliver_failure(self, exc: BaseException) -> None:
        self._deliver(self._on_failure, exc)

    def _deliver(self, handler: Success, value: Any) -> None:
        """Hand the outcome to its handler once: a cancelled task drops what its thread answers later."""
        if self._delivered:
            return
        self._delivered = True
        try:
            handler(value)
        finally:
            self.done.emit()


class _Runnable(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self._task = task

    def run(self) -> None:
        self._task.run_in_thread()


class TaskRunner(QObject):
    """Runs tasks on a thread pool, at most one per key, and tells who is busy."""

    busyChanged = Signal(str, bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max(4, self._pool.maxThreadCount()))
        self._running: dict[str, Task] = {}

    def is_busy(self, key: str) -> bool:
        return key in self._running

    def submit(
        self,
        key: str,
        work: Callable[[], Any],
        on_success: Success,
        on_failure: Failure,
        *,
        cancel: Callable[[], None] | None = None,
    ) -> Task | None:
        """Start ``work`` for ``key`` unless that key is busy; None means it was not started."""
        if key in self._running:
            log.debug("task for %s refused: busy", key)
            return None
        task = Task(key, work, on_success, on_failure, cancel)
        self._running[key] = task
        task.done.connect(lambda: self._finish(task))
        self.busyChanged.emit(key, True)
        self._pool.start(_Runnable(task))
        return task

    def hold(
        self, key: str, on_success: Success, on_failure: Failure, *, cancel: Callable[[], None] | None = None
    ) -> Task | None:
        """Mark ``key`` busy for work that runs elsewhere (one host of a fleet run): the caller hands
        the outcome over with ``succeed``/``fail``; Cancel works as for any task. None if busy."""
        if key in self._running:
            return None
        task = Task(key, lambda: None, on_success, on_failure, cancel)
        self._running[key] = task
        task.done.connect(lambda: self._finish(task))
        self.busyChanged.emit(key, True)
        return task

    def cancel(self, key: str) -> None:
        task = self._running.get(key)
        if task is not None:
            task.cancel()

    def wait_idle(self, timeout_ms: int) -> bool:
        """Wait for the pool's threads (used at shutdown only, never from a test path)."""
        return self._pool.waitForDone(timeout_ms)

    def _finish(self, task: Task) -> None:
        if self._running.get(task.key) is task:
            del self._running[task.key]
            self.busyChanged.emit(task.key, False)
