"""The collector settings every IIS Access process takes once it has started."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from bridge.collector import YOUNG_THRESHOLD, bulk_answer, settle_startup_objects


@pytest.fixture
def restored_collector() -> Iterator[None]:
    thresholds = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)


@pytest.mark.usefixtures("restored_collector")
def test_startup_objects_are_frozen_and_young_collections_are_rarer() -> None:
    gc.unfreeze()
    _young, middle, old = gc.get_threshold()
    settle_startup_objects()
    assert gc.get_freeze_count() > 10_000
    assert gc.get_threshold() == (YOUNG_THRESHOLD, middle, old)


@pytest.mark.usefixtures("restored_collector")
def test_parsing_a_large_answer_runs_few_collections() -> None:
    # What the threshold is for: an answer's worth of new records (80,000 containers for a
    # 1,000-site server) no longer triggers a collection every 700 of them.
    settle_startup_objects()
    collections: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(info["generation"])

    gc.callbacks.append(count)
    try:
        answer = [{"path": f"D:\\Sites\\site-{n:05d}", "children": [str(n)]} for n in range(40_000)]
    finally:
        gc.callbacks.remove(count)
    assert len(answer) == 40_000
    assert len(collections) <= 80_000 // YOUNG_THRESHOLD + 1


@pytest.mark.usefixtures("restored_collector")
def test_reading_a_whole_server_runs_no_collection_and_freezes_what_it_kept() -> None:
    settle_startup_objects()
    collections: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(info["generation"])

    frozen = gc.get_freeze_count()
    gc.callbacks.append(count)
    try:
        with bulk_answer(), bulk_answer():
            # A nested window (another host's read) keeps the collector off until the last ends.
            answer = [{"path": f"D:\\Sites\\site-{n:05d}", "children": [str(n)]} for n in range(120_000)]
            assert not gc.isenabled()
    finally:
        gc.callbacks.remove(count)
    assert collections == []
    assert gc.isenabled()
    assert gc.get_freeze_count() >= frozen + 2 * len(answer)


@pytest.mark.usefixtures("restored_collector")
def test_a_collector_switched_off_before_stays_off() -> None:
    gc.disable()
    try:
        with bulk_answer():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
