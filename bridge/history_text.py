"""``iis-access history`` for people: one aligned line per change, times local with their zone.

The file keeps UTC (records from different machines and zones compare as they are); the admin
reads the time on their own clock, with the zone named so a time pasted into a ticket stays exact.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone, tzinfo
from pathlib import Path

from bridge.display import visible
from bridge.history import ChangeRecord

_HEADINGS = ("Change", "Time", "Host", "Kind", "Status", "Folder")
# Zone names longer than this are Windows' ("W. Europe Standard Time"): the offset says it shorter.
_SHORT_ZONE = 5


def local_time(text: str, zone: tzinfo | None = None) -> str:
    """A record's UTC time on the admin's clock (or ``zone``'s), with the zone: ``2026-12-02 03:15:07 CET``.

    A time that is not ISO 8601 (a hand-edited line) is shown as written.
    """
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return text
    if moment.tzinfo is None:
        # Every version wrote UTC; a time without its offset is read as UTC too.
        moment = moment.replace(tzinfo=timezone.utc)
    local = moment.astimezone(zone)
    name = local.tzname() or ""
    if not name or len(name) > _SHORT_ZONE or name[0] in "+-":
        offset = local.strftime("%z")
        name = f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"
    return f"{local:%Y-%m-%d %H:%M:%S} {name}"


def status(record: ChangeRecord) -> str:
    state = "undone" if record.undone else record.outcome.value
    if not record.undone and record.undo_outcome is not None:
        # An undo was sent and not confirmed (or failed): 'iis-access undo ID' checks and completes it.
        state += f", undo {record.undo_outcome.value}"
    return state


def render(records: Sequence[ChangeRecord], path: Path, zone: tzinfo | None = None) -> str:
    """The changes oldest first under a heading, each column as wide as its widest cell."""
    if not records:
        return f"No changes yet: the history ({path}) is empty."
    rows = [
        (
            record.id,
            local_time(record.time, zone),
            record.host_display,
            record.kind,
            status(record),
            record.path,
        )
        for record in records
    ]
    cells = [tuple(map(visible, row)) for row in [_HEADINGS, *rows]]
    widths = [max(len(row[column]) for row in cells) for column in range(len(_HEADINGS) - 1)]
    return "\n".join(
        "  ".join([*(cell.ljust(width) for cell, width in zip(row, widths, strict=False)), row[-1]])
        for row in cells
    )
