"""The lab's answer to group-members.ps1: a local group's stored members, from the scenario.

``machine.json`` ``localGroups`` maps a group's SID to its members' SIDs; a group it
does not mention has the members of a fresh Windows Server (Users holds INTERACTIVE
and Authenticated Users, IIS_IUSRS and Guests are empty). A member the machine
cannot name - an orphaned SID - is listed with a null name, as the script lists it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bridge import sids
from bridge.lab.backend import ScriptFailed
from bridge.lab.machine import Machine

_FRESH_GROUPS: Mapping[str, tuple[str, ...]] = {
    sids.IIS_IUSRS: (),
    sids.USERS: (sids.INTERACTIVE, sids.AUTHENTICATED_USERS),
    sids.GUESTS: (),
    sids.ADMINISTRATORS: (),
}


def group_members(machine: Machine, pools: Mapping[str, str], group_sid: str) -> dict[str, Any]:
    """The script's document for ``group_sid``; ``pools`` names pool SIDs (see ``pools_by_sid``)."""
    groups = {**_FRESH_GROUPS, **machine.local_groups}
    name = machine.account_name(group_sid, pools)
    if name is None:
        # The script's own throw: a thrown string's message is also its error id.
        message = f"No local group with the SID {group_sid} exists on this computer."
        raise ScriptFailed(message, error_id=message, category="OperationStopped")
    if group_sid not in groups:
        # What the WinNT provider answers when the name is not a local group (0x800708AC).
        raise ScriptFailed(
            'Exception calling "Invoke" with "1" argument(s): "The group name could not be found.\r\n"',
            error_id="DotNetMethodException",
            category="NotSpecified",
        )
    members = [{"sid": sid, "name": machine.account_name(sid, pools)} for sid in groups[group_sid]]
    return {"group": {"sid": group_sid, "name": name}, "members": members}
