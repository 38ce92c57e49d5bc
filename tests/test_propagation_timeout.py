"""Writing an inheritable entry propagates it through the tree below: the plan counts that tree, the grant
gets the time it needs, and a propagation that still outlasts it ends as "outcome unknown", intent kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bridge import operations, propagation
from bridge.errors import OutcomeUnknown
from bridge.history import History, Outcome
from bridge.lab.standin import write_wrapper
from bridge.local_transport import LocalTransport
from bridge.plans import GrantKind
from bridge.session import HostSession
from tests.e2e.scenarios import SHOP, write_scenario

UPLOADS = SHOP + "\\uploads"
# The client's own operation timeout in these tests: the lab's propagation outlasts it on purpose.
BASE_TIMEOUT = 2.0


def _staged(tmp_path: Path, items_below: int, seconds_per_item: float) -> Path:
    scenario = write_scenario(tmp_path / "scenario")
    listing = scenario / "filesystem.json"
    filesystem = json.loads(listing.read_text(encoding="utf-8"))
    filesystem["paths"][UPLOADS]["itemsBelow"] = items_below
    filesystem["propagationSecondsPerItem"] = seconds_per_item
    listing.write_text(json.dumps(filesystem), encoding="utf-8")
    return scenario


def _session(tmp_path: Path, scenario: Path) -> HostSession:
    return HostSession(LocalTransport(write_wrapper(tmp_path, scenario), operation_timeout=BASE_TIMEOUT))


def test_the_plan_counts_the_files_and_folders_below_the_folder(tmp_path: Path) -> None:
    scenario = _staged(tmp_path, 25_000, 0.0)
    with _session(tmp_path, scenario) as session:
        plan = operations.plan(session, GrantKind.POOL_MODIFY, "Shop", "uploads")
    assert (plan.items_below, plan.items_below_complete) == (25_000, True)
    notes = [warning.describe() for warning in plan.warnings if warning.code == "propagation-items"]
    assert len(notes) == 1 and "25,000 files and folders below" in notes[0]


def test_a_tree_beyond_the_cap_is_told_as_at_least(tmp_path: Path) -> None:
    scenario = _staged(tmp_path, propagation.COUNT_CAP * 3, 0.0)
    with _session(tmp_path, scenario) as session:
        plan = operations.plan(session, GrantKind.POOL_MODIFY, "Shop", "uploads")
    assert (plan.items_below, plan.items_below_complete) == (propagation.COUNT_CAP, False)
    assert [warning.code for warning in plan.warnings if warning.code.startswith("propagation")] == [
        "propagation-at-least"
    ]


def test_a_small_tree_adds_no_warning(tmp_path: Path) -> None:
    scenario = _staged(tmp_path, 12, 0.0)
    with _session(tmp_path, scenario) as session:
        plan = operations.plan(session, GrantKind.POOL_MODIFY, "Shop", "uploads")
    assert plan.items_below == 12
    assert not [warning for warning in plan.warnings if warning.code.startswith("propagation")]


def test_a_grant_gets_the_time_its_propagation_needs_beyond_the_operation_timeout(tmp_path: Path) -> None:
    # 5,000 items at 0.8 ms: 4 s of propagation, twice the client's own timeout, well inside the
    # 10 s the plan's count allows (5,000 x 2 ms).
    scenario = _staged(tmp_path, 5_000, 0.0008)
    history = History(tmp_path / "history.jsonl")
    with _session(tmp_path, scenario) as session:
        plan = operations.plan(session, GrantKind.POOL_MODIFY, "Shop", "uploads")
        assert propagation.allowance(plan.items_below) > 2 * BASE_TIMEOUT
        record = operations.apply(session, plan, history)
    assert record.outcome is Outcome.CHANGED


def test_a_propagation_that_outlasts_the_timeout_is_outcome_unknown_never_failed(tmp_path: Path) -> None:
    # 1,000 items at 10 ms each: 10 s of propagation against the 2 s the count allows.
    scenario = _staged(tmp_path, 1_000, 0.01)
    history = History(tmp_path / "history.jsonl")
    with _session(tmp_path, scenario) as session:
        plan = operations.plan(session, GrantKind.POOL_MODIFY, "Shop", "uploads")
        with pytest.raises(OutcomeUnknown) as caught:
            operations.apply(session, plan, history)
    record = history.get(caught.value.change_id)
    assert record.outcome is Outcome.UNKNOWN
    assert record.before == plan.expected_sddl and record.path == plan.path


def test_an_answer_without_a_count_says_it_could_not_be_told() -> None:
    note = propagation.note("D:\\Sites\\Shop", None, False, counted=True)
    assert note is not None and note.code == "propagation-unknown"
    assert propagation.note("D:\\Sites\\Shop", 0, False, counted=True) == note
    assert propagation.note("D:\\Sites\\Shop", None, False, counted=False) is None
