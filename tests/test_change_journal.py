"""Grants and undos are journaled before they are sent; whatever goes wrong after sending is
"outcome unknown", and an unknown undo is checked and completed by the next one."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bridge import operations
from bridge.errors import (
    BridgeError,
    NotElevated,
    NothingToDo,
    OutcomeUnknown,
    ScriptFailed,
    UnexpectedAnswer,
    Unreachable,
)
from bridge.history import History, Outcome
from bridge.lab.simulator import SimulatedServer
from bridge.plans import GrantKind
from bridge.scripts import Operation, script_text
from bridge.session import HostSession
from bridge.transport import Parameters
from tests.e2e.scenarios import SHOP, write_scenario

PRIVATE = SHOP + "\\private"
HOST = "web01"


class FaultyTransport:
    """The simulated server in-process, with a fault injected after a chosen operation has run."""

    def __init__(self, server: SimulatedServer) -> None:
        self.server = server
        self.faults: dict[Operation, tuple[bool, BridgeError]] = {}
        self.sent: list[Operation] = []
        # Called just before an operation is sent: what the journal holds at that moment.
        self.before_send: Callable[[Operation], None] | None = None

    @property
    def host(self) -> str:
        return HOST

    def fail(self, operation: Operation, error: BridgeError, *, after_landing: bool) -> None:
        self.faults[operation] = (after_landing, error)

    def run(
        self,
        operation: Operation,
        parameters: Parameters,
        cancel: threading.Event | None = None,
        timeout: float | None = None,
    ) -> Any:
        if self.before_send is not None:
            self.before_send(operation)
        self.sent.append(operation)
        fault = self.faults.pop(operation, None)
        if fault is not None and not fault[0]:
            raise fault[1]
        answer = self.server.execute(script_text(operation), parameters)
        if fault is not None:
            raise fault[1]
        return json.loads(answer)

    def close(self) -> None:
        """Nothing to release."""


@pytest.fixture
def transport(tmp_path: Path) -> FaultyTransport:
    return FaultyTransport(SimulatedServer.from_scenario(write_scenario(tmp_path / "scenario")))


def _dacl(transport: FaultyTransport, path: str = PRIVATE) -> str:
    return str(transport.server.filesystem.access_sddl(path))


def _lines(history: History) -> list[dict[str, Any]]:
    return [json.loads(line) for line in history.path.read_text(encoding="utf-8").splitlines()]


def _grant(session: HostSession, history: History) -> str:
    plan = operations.plan(session, GrantKind.IUSR_READ, "Shop/private")
    return operations.apply(session, plan, history).id


@pytest.mark.parametrize(
    "error",
    [NotElevated(HOST, "WinRM denied access"), UnexpectedAnswer(HOST, "HTTP status 500")],
    ids=["not-elevated", "unexpected-answer"],
)
def test_a_failure_after_the_grant_was_sent_is_unknown_never_failed(
    transport: FaultyTransport, session: HostSession, history: History, error: BridgeError
) -> None:
    plan = operations.plan(session, GrantKind.IUSR_READ, "Shop/private")
    transport.fail(Operation.GRANT, error, after_landing=True)
    with pytest.raises(OutcomeUnknown) as caught:
        operations.apply(session, plan, history)
    record = history.get(caught.value.change_id)
    assert record.outcome is Outcome.UNKNOWN
    assert "S-1-5-17" in _dacl(transport), "the grant did land"


def test_undo_writes_its_intent_before_the_restore_is_sent(
    transport: FaultyTransport, session: HostSession, history: History
) -> None:
    change_id = _grant(session, history)
    seen: list[list[str]] = []

    def before_send(operation: Operation) -> None:
        if operation is Operation.RESTORE:
            seen.append([line["type"] for line in _lines(history)])

    transport.before_send = before_send
    operations.undo(session, change_id, history)
    assert seen == [["intent", "outcome", "undo-intent"]]
    assert [line["type"] for line in _lines(history)][-1] == "undo"
    assert history.get(change_id).undo_outcome is Outcome.CHANGED


def test_an_undo_lost_after_it_landed_is_unknown_then_completed_as_already_undone(
    transport: FaultyTransport, session: HostSession, history: History
) -> None:
    before = _dacl(transport)
    change_id = _grant(session, history)
    transport.fail(Operation.RESTORE, Unreachable(HOST, "the connection was dropped"), after_landing=True)
    with pytest.raises(OutcomeUnknown) as caught:
        operations.undo(session, change_id, history)
    assert "undo" in caught.value.message.lower() and f"undo {change_id}" in caught.value.hint
    record = history.get(change_id)
    assert (record.undone, record.undo_outcome) == (False, Outcome.UNKNOWN)
    assert record.to_json()["undoOutcome"] == "unknown"
    assert _dacl(transport) == before, "the restore did land"

    # The next undo finds exactly the ACL the undo would produce: it is already undone, not stale.
    with pytest.raises(NothingToDo, match="already undone"):
        operations.undo(session, change_id, history)
    assert history.get(change_id).undone
    assert transport.sent.count(Operation.RESTORE) == 1


def test_an_undo_lost_before_it_landed_is_completed_by_the_next_undo(
    transport: FaultyTransport, session: HostSession, history: History
) -> None:
    before = _dacl(transport)
    change_id = _grant(session, history)
    transport.fail(Operation.RESTORE, Unreachable(HOST, "no answer"), after_landing=False)
    with pytest.raises(OutcomeUnknown):
        operations.undo(session, change_id, history)
    assert _dacl(transport) != before
    assert operations.undo(session, change_id, history).undone
    assert _dacl(transport) == before


def test_an_undo_the_host_refuses_is_failed_and_can_be_tried_again(
    transport: FaultyTransport, session: HostSession, history: History
) -> None:
    change_id = _grant(session, history)
    transport.fail(Operation.RESTORE, ScriptFailed(HOST, "The device is not ready."), after_landing=False)
    with pytest.raises(ScriptFailed):
        operations.undo(session, change_id, history)
    assert history.get(change_id).undo_outcome is Outcome.FAILED
    assert operations.undo(session, change_id, history).undone


def test_undoing_twice_is_nothing_to_do_with_exit_code_0(session: HostSession, history: History) -> None:
    change_id = _grant(session, history)
    operations.undo(session, change_id, history)
    with pytest.raises(NothingToDo) as caught:
        operations.undo(session, change_id, history)
    assert caught.value.exit_code == 0
