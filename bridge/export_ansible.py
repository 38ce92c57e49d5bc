"""The Ansible export: a playbook that makes each host's changes with ``ansible.windows.win_acl``.

One play per host, named as the admin named the host (the inventory's name), one task per change:
the folder, the account by SID, the rights, one allow entry inherited by subfolders and files
(``inherit: ContainerInherit, ObjectInherit``, ``propagation: None``), ``state: present`` - the entry
the product's own grant writes. win_acl adds an entry only when no explicit entry with the same
account, rights and flags is there, so running the playbook twice changes nothing the second time.
Findings no export changes are comments above their host's play.

Every string that came from a server is tagged ``!unsafe``: Ansible templates task values, and a
folder named ``{{ lookup('pipe', ...) }}`` must stay a name (Ansible's "Unsafe or raw strings").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml

from bridge import __version__
from bridge.display import visible
from bridge.exports import ExportedChange, HostFixes
from bridge.plans import INHERITANCE

MODULE = "ansible.windows.win_acl"

HEADER = f"""\
# Written by iis-access {__version__} ('iis-access export ansible'): the recommended fix of each
# finding, one ansible.windows.win_acl task per change, one play per host. Review it, then run
#   ansible-playbook -i INVENTORY THIS-FILE
# The collection comes with the 'ansible' package (or: ansible-galaxy collection install ansible.windows).
# Running it again changes nothing: win_acl adds an entry only when the same one is not there yet.
# Findings this playbook does not change are listed as comments above their host's play.
"""


class _Unsafe(str):
    """A value Ansible must never template."""


class _Dumper(yaml.SafeDumper):
    pass


def _represent_unsafe(dumper: yaml.SafeDumper, value: _Unsafe) -> yaml.ScalarNode:
    return dumper.represent_scalar("!unsafe", str(value))


_Dumper.add_representer(_Unsafe, _represent_unsafe)


def _task(change: ExportedChange) -> dict[str, Any]:
    plan = change.plan
    return {
        "name": _Unsafe(change.title),
        MODULE: {
            "path": _Unsafe(plan.path),
            "user": _Unsafe(plan.sid),
            "rights": plan.rights,
            "type": "allow",
            "inherit": INHERITANCE,
            "propagation": "None",
            "state": "present",
        },
    }


def _comment(text: str) -> str:
    # visible(): a line break (YAML counts NEL, LS and PS too) must not end the comment early.
    return f"# {visible(text)}\n"


def host_section(fixes: HostFixes) -> str:
    """One host's play, with the findings it does not change as comments above it."""
    lines = [_comment(f"{fixes.host} (the server calls itself {fixes.computer})")]
    if fixes.notes:
        lines.append(_comment("Not changed by this playbook:"))
        lines.extend(_comment(f"  {note.target} ({note.kind}): {note.text}") for note in fixes.notes)
    play = {
        "name": _Unsafe(f"IIS Access: fix the findings on {fixes.host}"),
        "hosts": _Unsafe(fixes.host),
        "gather_facts": False,
        "tasks": [_task(change) for change in fixes.changes],
    }
    lines.append(yaml.dump([play], Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1 << 16))
    return "".join(lines)


def document(sections: Sequence[str], failures: Sequence[tuple[str, str]] = ()) -> str:
    """The playbook of the hosts' plays (``host_section``); the hosts that could not be checked are
    comments at its top."""
    comments = "".join(
        _comment(f"{host}: not in this playbook, it could not be checked: {message}")
        for host, message in failures
    )
    # A playbook is a list of plays: without a host to change it is an empty list, not an empty file.
    return HEADER + comments + "---\n" + ("\n".join(sections) if sections else "[]\n")
