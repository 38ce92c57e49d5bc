"""How the CLI shows a change before it is made, whatever its kind, and the ``reduce`` command's options.

Every change prints the same preview: host, folder, identity with SID, the
rights it leaves, the entries it takes away and adds (as ``icacls`` prints
them), the equivalent command line, every warning and what it fixes. Its JSON
is one document with the same keys for every kind (a grant's plan keeps the
keys it always had).
"""

from __future__ import annotations

import argparse
from typing import Any

from bridge.access import AccessLevel
from bridge.change import Change, ChangeKind, Verdict, acl_difference, entry_text
from bridge.display import visible
from bridge.reduce_change import REDUCE_LEVELS

REDUCE_COMMAND = "reduce"

_RIGHTS_WORDS = {
    "FullControl": "Full control",
    "Modify": "Modify",
    "ReadAndExecute": "Read & execute",
    "Read": "Read",
    "None": "no access",
}

# The first words of the rights line: what the change does with them.
_RIGHTS_CAPTIONS = {
    ChangeKind.GRANT: "Rights:",
    ChangeKind.REDUCE: "Reduce to:",
    ChangeKind.UNDO: "Restores:",
}


def add_reduce_parser(commands: Any, json_option: argparse.ArgumentParser) -> None:
    """Register ``reduce TARGET --sid SID [--to LEVEL] [--subpath P] [--dry-run] [--yes]``."""
    parser = commands.add_parser(
        REDUCE_COMMAND,
        parents=[json_option],
        help="take back access that is too broad (narrow or remove an account's entries)",
        description="Narrow or remove the explicit allow entries of one account on a target's folder, or on "
        "the folder above that holds an inherited entry. A reduction that would break what the site needs "
        "is refused with the requirement named.",
    )
    parser.add_argument(
        "target", help="whose folder: Site, or Site/app/path, as 'iis-access sites' lists them"
    )
    parser.add_argument("--sid", required=True, help="the account whose access to reduce, by SID (S-1-1-0)")
    parser.add_argument(
        "--to",
        choices=[level.value for level in REDUCE_LEVELS],
        default=AccessLevel.READ_EXECUTE.value,
        help="what the account keeps (default: %(default)s; none removes its entries)",
    )
    parser.add_argument("--subpath", metavar="RELATIVE", help="a folder below the target, e.g. uploads")
    parser.add_argument("--dry-run", action="store_true", help="show the change, make nothing")
    parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")


def _name(change: Change, sid: str) -> str | None:
    return change.identity if sid == change.sid else None


def change_json(change: Change) -> dict[str, Any]:
    """The change's preview as JSON: the same keys for every kind."""
    removed, added = acl_difference(change.before, change.expected_after)
    return {
        "kind": change.label,
        "change": change.kind.value,
        "host": change.host,
        "target": change.target,
        "path": change.folder,
        "identity": change.identity,
        "sid": change.sid,
        "rights": change.rights,
        "icacls": "\n".join(change.icacls),
        "powershell": change.powershell,
        "warnings": [warning.describe() for warning in change.warnings],
        "refusal": change.reason.describe()
        if change.verdict is Verdict.REFUSED and change.reason is not None
        else None,
        "noop": change.verdict is Verdict.NOTHING_TO_DO,
        "blockedByDeny": change.verdict is Verdict.BLOCKED,
        "verdict": change.verdict.value,
        "reason": None if change.reason is None else change.reason.describe(),
        "before": change.before,
        "expectedAfter": change.expected_after,
        "removes": [entry_text(ace, _name(change, ace.sid)) for ace in removed],
        "adds": [entry_text(ace, _name(change, ace.sid)) for ace in added],
        "fixes": [fix.describe() for fix in change.fixes],
        "outcome": None if change.outcome is None else change.outcome.describe(),
    }


def render_change(change: Change, rights_detail: str = "") -> str:
    """The preview as lines for a terminal; nothing in it can hide or reorder a character."""
    words = _RIGHTS_WORDS.get(change.rights, change.rights)
    lines = [
        f"Host:      {change.host}",
        f"Folder:    {change.folder}",
        f"Identity:  {change.identity} ({change.sid})",
        f"{_RIGHTS_CAPTIONS[change.kind]:<10} {words}{rights_detail}",
    ]
    removed, added = acl_difference(change.before, change.expected_after)
    if change.applicable:
        lines.extend(f"Removes:   {entry_text(ace, _name(change, ace.sid))}" for ace in removed)
        lines.extend(f"Adds:      {entry_text(ace, _name(change, ace.sid))}" for ace in added)
        # A command line for a change that must not or need not be made would only invite running it.
        lines.extend(f"Same as:   {line}" for line in change.icacls)
    lines.extend(f"Warning:   {warning.describe()}" for warning in change.warnings)
    if change.applicable:
        lines.extend(f"Fixes:     {fix.describe()}" for fix in change.fixes)
        if change.outcome is not None:
            lines.append(change.outcome.describe())
    return "\n".join(map(visible, lines))
