"""Host sessions: one operation at a time per host, in order; different hosts in parallel."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from bridge.errors import Cancelled
from bridge.scripts import Operation
from bridge.session import HostSession, Runner
from bridge.transport import Parameters

WAIT = 10.0


class RecordingTransport:
    """Records when each run starts and ends; a run blocks until its gate opens."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.events: list[tuple[str, object]] = []
        self.gates: dict[object, threading.Event] = {}
        self.started: dict[object, threading.Event] = {}
        self.active = 0
        self.max_active = 0
        self.closed = False
        self._lock = threading.Lock()

    @property
    def host(self) -> str:
        return self.name

    def gate(self, tag: object) -> threading.Event:
        self.started.setdefault(tag, threading.Event())
        return self.gates.setdefault(tag, threading.Event())

    def run(
        self,
        operation: Operation,
        parameters: Parameters,
        cancel: threading.Event | None = None,
        timeout: float | None = None,
    ) -> Any:
        tag = parameters["tag"]
        with self._lock:
            self.active += 1
            self.max_active = max(self.max_active, self.active)
            self.events.append(("start", tag))
        self.started.setdefault(tag, threading.Event()).set()
        gate = self.gates.get(tag)
        if gate is not None:
            assert gate.wait(WAIT)
        with self._lock:
            self.active -= 1
            self.events.append(("end", tag))
        return {"tag": tag}

    def close(self) -> None:
        self.closed = True


def test_operations_on_one_host_run_one_at_a_time_in_order() -> None:
    transport = RecordingTransport("web01")
    first_gate = transport.gate(0)
    with HostSession(transport) as session:
        futures = [
            session.submit(lambda runner, n=n: runner.run(Operation.INVENTORY, {"tag": n})) for n in range(5)
        ]
        assert transport.started[0].wait(WAIT)
        # While the first is held, nothing else may have started.
        assert transport.events == [("start", 0)]
        first_gate.set()
        assert [future.result(WAIT) for future in futures] == [{"tag": n} for n in range(5)]
    assert transport.max_active == 1
    assert transport.events == [(kind, n) for n in range(5) for kind in ("start", "end")]
    assert transport.closed


def test_different_hosts_run_in_parallel() -> None:
    first, second = RecordingTransport("web01"), RecordingTransport("web02")
    held = first.gate("a")
    with HostSession(first) as one, HostSession(second) as two:
        blocked = one.submit(lambda runner: runner.run(Operation.INVENTORY, {"tag": "a"}))
        assert first.started["a"].wait(WAIT)
        # web02 answers while web01 is still busy.
        assert two.run(Operation.INVENTORY, {"tag": "b"}) == {"tag": "b"}
        assert not blocked.done()
        held.set()
        assert blocked.result(WAIT) == {"tag": "a"}


def test_a_unit_of_work_is_not_interleaved_with_other_work() -> None:
    transport = RecordingTransport("web01")

    def read_then_write(runner: Runner) -> None:
        runner.run(Operation.PATH_ACCESS, {"tag": "read"})
        runner.run(Operation.GRANT, {"tag": "write"})

    hold = transport.gate("read")
    with HostSession(transport) as session:
        unit = session.submit(read_then_write)
        assert transport.started["read"].wait(WAIT)
        other = session.submit(lambda runner: runner.run(Operation.INVENTORY, {"tag": "other"}))
        hold.set()
        unit.result(WAIT)
        other.result(WAIT)
    assert [tag for kind, tag in transport.events if kind == "start"] == ["read", "write", "other"]


def test_work_cancelled_before_it_starts_never_reaches_the_host() -> None:
    transport = RecordingTransport("web01")
    cancel = threading.Event()
    cancel.set()
    with HostSession(transport) as session, pytest.raises(Cancelled):
        session.run(Operation.GRANT, {"tag": "g"}, cancel)
    assert transport.events == []


def test_exceptions_reach_the_caller_and_the_session_goes_on() -> None:
    transport = RecordingTransport("web01")

    def fail(runner: Runner) -> None:
        raise Cancelled()

    with HostSession(transport) as session:
        with pytest.raises(Cancelled, match="cancelled"):
            session.call(fail)
        assert session.run(Operation.INVENTORY, {"tag": 1}) == {"tag": 1}
