"""How long Windows takes to write an inheritable entry through the tree below a folder.

``SetAccessControl`` with a ContainerInherit/ObjectInherit entry makes Windows
stamp the inherited entry on every existing file and folder below, in the same
call: on an uploads folder with a million files that takes minutes. The plan
says how many items are below (path-access counts them, up to a cap, when a
grant is planned) and the grant is given long enough to finish; if it still
outlasts that, the outcome is unknown, never "failed".
"""

from __future__ import annotations

from bridge.model import Message
from bridge.wording import translate

# Believed, not measured on a server here: Windows propagates an inherited entry at a few thousand
# items a second on a local NTFS volume (more slowly on a busy or network-backed disk). Two
# milliseconds an item errs on the long side; waiting too long costs nothing, too short costs an
# "outcome unknown".
SECONDS_PER_ITEM = 0.002

# Where path-access stops counting (it also stops after a few seconds): far more than a site's own
# folders hold, and few enough to count in about a second.
COUNT_CAP = 100_000

# Below this the propagation is over in seconds and not worth a line in the preview.
NOTEWORTHY_ITEMS = 10_000

UNKNOWN_COUNT = translate(
    "Bridge",
    "How many files and folders are below {path} could not be told: Windows writes the new entry to each "
    "of them, which can take minutes on a large tree.",
    "propagation-unknown",
)
ITEMS_BELOW = translate(
    "Bridge",
    "Windows writes the new entry to each of the {count} files and folders below {path}; that may take "
    "up to about {minutes} min, and IIS Access waits for it.",
    "propagation-items",
)
AT_LEAST_ITEMS_BELOW = translate(
    "Bridge",
    "Windows writes the new entry to each of the {count} or more files and folders below {path}; that "
    "may take {minutes} min or longer. IIS Access waits about that long; if it is not over by then, the "
    "outcome is shown as unknown and can be checked later.",
    "propagation-at-least",
)


def allowance(items_below: int | None) -> float:
    """Seconds the grant may take for propagating through ``items_below`` items (0 if unknown)."""
    return 0.0 if items_below is None else items_below * SECONDS_PER_ITEM


def note(path: str, items_below: int | None, complete: bool, counted: bool) -> Message | None:
    """What the preview says about propagation: a count worth mentioning, or that none could be made.

    ``counted`` is whether the folder could be counted at all (it exists and is a folder).
    """
    if not counted:
        return None
    if items_below is None or (not complete and items_below == 0):
        return UNKNOWN_COUNT(path=path)
    if complete and items_below < NOTEWORTHY_ITEMS:
        return None
    minutes = str(max(1, round(allowance(items_below) / 60)))
    declared = ITEMS_BELOW if complete else AT_LEAST_ITEMS_BELOW
    return declared(path=path, count=f"{items_below:,}", minutes=minutes)
