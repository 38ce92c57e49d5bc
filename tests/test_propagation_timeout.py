"""A grant whose propagation outlasts the operation timeout ends as "outcome unknown", intent kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bridge import operations
from bridge.errors import OutcomeUnknown
from bridge.history import History, Outcome
from bridge.lab.standin import write_wrapper
from bridge.local_transport import LocalTransport
from bridge.plans import GrantKind
from bridge.session import HostSession
from tests.e2e.scenarios import SHOP, write_scenario


def test_a_propagation_that_outlasts_the_timeout_is_outcome_unknown_never_failed(tmp_path: Path) -> None:
    scenario = write_scenario(tmp_path / "scenario")
    listing = scenario / "filesystem.json"
    filesystem = json.loads(listing.read_text(encoding="utf-8"))
    # A million files below the folder at 50 microseconds each: 50 s of propagation.
    filesystem["paths"][SHOP + "\\uploads"]["itemsBelow"] = 1_000_000
    filesystem["propagationSecondsPerItem"] = 0.00005
    listing.write_text(json.dumps(filesystem), encoding="utf-8")
    history = History(tmp_path / "history.jsonl")
    transport = LocalTransport(write_wrapper(tmp_path, scenario), operation_timeout=2)
    with HostSession(transport) as session:
        plan = operations.plan(session, GrantKind.POOL_MODIFY, "Shop", "uploads")
        with pytest.raises(OutcomeUnknown) as caught:
            operations.apply(session, plan, history)
    record = history.get(caught.value.change_id)
    assert record.outcome is Outcome.UNKNOWN
    assert record.before == plan.expected_sddl and record.path == plan.path
