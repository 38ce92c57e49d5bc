"""The garbage collector set for a process that parses large answers beside a responsive GUI.

Answers are trees of dicts, lists and records with no reference cycles: reference
counting frees them, and the cyclic collector only walks them. CPython walks the
newest objects after every 700 new containers; one check of a 1,000-site server
makes some 80,000 of them, so it ran 116 collections costing 15 to 145 ms (growing
with the results the app keeps), each holding the GIL while the GUI thread waited.
"""

from __future__ import annotations

import gc

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
