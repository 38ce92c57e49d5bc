"""``iis-access members GROUP``: who is behind IIS_IUSRS, Users or Authenticated Users.

The JSON document is the issue's contract: ``{group: {name, sid}, members: [{name,
sid, kind: "stored"}], runtime: [{name, sid, pool, kind: "runtime"}], note}``, plus
``exceptions`` (the pools that set manualGroupMembership). A stored member the
server cannot name has ``name: null``.
"""

from __future__ import annotations

import argparse
from typing import Any

from bridge.members import Group, GroupView

COMMAND = "members"


def add_parser(commands: Any, json_option: argparse.ArgumentParser) -> None:
    """Register the command on the CLI's sub-parsers."""
    parser = commands.add_parser(
        COMMAND,
        parents=[json_option],
        help="a group's stored members and the identities that carry it at run time",
    )
    parser.add_argument("group", choices=[group.value for group in Group])


def group_json(view: GroupView) -> dict[str, Any]:
    return {
        "group": {"name": view.group_name, "sid": view.group_sid},
        "members": [{"name": member.name, "sid": member.sid, "kind": "stored"} for member in view.stored],
        "runtime": [
            {"name": member.name, "sid": member.sid, "pool": member.pool, "kind": "runtime"}
            for member in view.runtime
        ],
        "exceptions": [
            {
                "name": exception.name,
                "sid": exception.sid,
                "pool": exception.pool,
                "kind": "exception",
                "carriesGroup": exception.carries_group,
                "reason": exception.reason.describe(),
            }
            for exception in view.exceptions
        ],
        "note": view.note.describe(),
    }


def render_group(view: GroupView) -> str:
    lines = [f"{view.group_name} ({view.group_sid})", "", "Stored members (what Computer Management lists):"]
    if not view.stored:
        lines.append("  none")
    for member in view.stored:
        if member.name is None:
            lines.append(f"  {member.sid}  (this server cannot name it: an orphaned or deleted account)")
        else:
            lines.append(f"  {member.name}  {member.sid}")
    lines += ["", "Added at run time (in the token, never listed):"]
    if not view.runtime:
        lines.append("  none")
    for runtime in view.runtime:
        where = "" if runtime.pool is None else f"  (worker of application pool {runtime.pool})"
        lines.append(f"  {runtime.name}  {runtime.sid}{where}")
    if view.exceptions:
        lines += ["", "Exceptions (manualGroupMembership):"]
        lines.extend(
            f"  {exception.name}  {exception.sid}: {exception.reason.describe()}"
            for exception in view.exceptions
        )
    lines += ["", view.note.describe()]
    return "\n".join(lines)
