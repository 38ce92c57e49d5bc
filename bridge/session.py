"""One session per host: its operations run one at a time, in the order they were asked for.

Each session owns a transport and a single worker thread, so two hosts never
wait for each other while two operations on one host never interleave (a
grant never lands between the read and the write of another).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from bridge.errors import Cancelled
from bridge.scripts import Operation
from bridge.transport import Parameters, Transport

T = TypeVar("T")


class Runner:
    """What a unit of work sees of its host: the transport, bound to the work's cancel event."""

    def __init__(self, transport: Transport, cancel: threading.Event, label: str) -> None:
        self._transport = transport
        self.cancel = cancel
        self.label = label

    @property
    def host(self) -> str:
        return self._transport.host

    def run(self, operation: Operation, parameters: Parameters, timeout: float | None = None) -> Any:
        if self.cancel.is_set():
            raise Cancelled()
        return self._transport.run(operation, parameters, self.cancel, timeout)


class HostSession:
    """``label`` is the host as the admin named it, with its port (``web01:5986``, ``Demo lab``):
    plans, history records and the GUI show it, so two hosts behind one address are never confused.
    Without one it is the transport's host name."""

    def __init__(self, transport: Transport, label: str | None = None) -> None:
        self._transport = transport
        self.label = label if label is not None else transport.host
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"host-{transport.host}")

    @property
    def host(self) -> str:
        return self._transport.host

    def submit(self, work: Callable[[Runner], T], cancel: threading.Event | None = None) -> Future[T]:
        """Queue ``work`` behind everything already asked of this host."""
        runner = Runner(self._transport, cancel if cancel is not None else threading.Event(), self.label)
        return self._worker.submit(work, runner)

    def call(self, work: Callable[[Runner], T], cancel: threading.Event | None = None) -> T:
        """Queue ``work`` and wait for its result (or its exception)."""
        return self.submit(work, cancel).result()

    def run(
        self,
        operation: Operation,
        parameters: Parameters,
        cancel: threading.Event | None = None,
        timeout: float | None = None,
    ) -> Any:
        return self.call(lambda runner: runner.run(operation, parameters, timeout), cancel)

    def close(self) -> None:
        """Let queued work finish, then release the transport."""
        self._worker.shutdown(wait=True)
        self._transport.close()

    def __enter__(self) -> HostSession:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
