"""The garbage collector set for a process that parses large answers beside a responsive GUI.

Answers are trees of dicts, lists and records with no reference cycles: reference
counting frees them, and the cyclic collector only walks them. CPython walks the
newest objects after every 700 new containers; one check of a 1,000-site server
makes some 80,000 of them, so it ran 116 collections costing 15 to 145 ms (growing
with the results the app keeps), each holding the GIL while the GUI thread waited.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# New containers between two collections of the youngest generation: a check of a
# 1,000-site server then triggers one or two, about 7 ms in all.
YOUNG_THRESHOLD = 50_000


def settle_startup_objects() -> None:
    """Call once the process has loaded what it needs: leave that out of every collection from now on.

    Modules, classes and Qt wrappers (some 60,000 objects) live as long as the
    process; a full collection during a check would walk every one of them (55 ms
    with a 1,000-site server instead of 15 ms once they are frozen).
    """
    # No collection first: start-up leaves no cyclic garbage to free (a full pass before the
    # window shows freed 0 objects and took 25 ms).
    gc.freeze()
    _young, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)


class _BulkWindow:
    """The one window, process-wide, in which no collection runs; counted, so reads may overlap."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._depth = 0
        self._was_enabled = True

    def enter(self) -> None:
        with self._lock:
            if self._depth == 0:
                self._was_enabled = gc.isenabled()
                gc.disable()
            self._depth += 1

    def leave(self) -> None:
        with self._lock:
            self._depth -= 1
            if self._depth == 0:
                gc.freeze()
                if self._was_enabled:
                    gc.enable()


_WINDOW = _BulkWindow()


@contextmanager
def bulk_answer() -> Iterator[None]:
    """Around reading a whole server (answers decoded, parsed and checked): no collection inside,
    and what it built is left out of every later one.

    At 20,000 sites a check makes some 3 million containers: 66 young and 5 middle collections
    (2 CPU-s, a quarter of the check) walked records that reference counting alone frees. What
    stays (the inventory and checks the view shows) would make every later full collection walk
    it, and the GUI keeps it for hours: freezing it, as at start-up, keeps collections as cheap as
    on a small server. Whatever another thread makes meanwhile is frozen too; the cyclic garbage
    it may leave (tracebacks, closures) is a few kilobytes, never freed. Nested and concurrent
    reads (several hosts at once) share one window: the last to finish closes it.
    """
    _WINDOW.enter()
    try:
        yield
    finally:
        _WINDOW.leave()
