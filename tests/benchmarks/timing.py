"""Wall-clock timing: medians of repeated runs, so one noisy sample on a shared machine does not decide."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def timed(work: Callable[[], T]) -> tuple[T, float]:
    """``work()``'s result and how many seconds it took."""
    start = time.perf_counter()
    result = work()
    return result, time.perf_counter() - start


def median_seconds(work: Callable[[], object], repeat: int) -> float:
    """The median duration of ``repeat`` runs of ``work``."""
    return statistics.median(timed(work)[1] for _ in range(repeat))
