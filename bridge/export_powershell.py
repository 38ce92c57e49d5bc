"""The PowerShell export: one script an admin runs on each server, or with ``Invoke-Command -FilePath``.

The script is constant code (``resources/powershell/export-grant.ps1`` with the product's own
``grant.ps1`` included unchanged) with the changes as a ``DATA`` section at the top: every value
there is a single-quoted string (``bridge.plans.quote_powershell``), where nothing expands or runs,
and a ``DATA`` section refuses commands besides. Each server finds its own changes by the computer
name its inventory reported; a server that is not listed changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from bridge.display import visible
from bridge.exports import ExportedChange, HostFixes
from bridge.plans import quote_powershell
from bridge.resources import resource_path
from bridge.scripts import Operation, script_text

TEMPLATE = "export-grant.ps1"
CHANGES_MARKER = "#CHANGES#\n"
GRANT_MARKER = "#GRANT#\n"


def constant_code() -> tuple[str, str]:
    """The script's text before and after its data: the same in every export of this version."""
    template = resource_path("powershell", TEMPLATE).read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    code = template.replace(GRANT_MARKER, script_text(Operation.GRANT), 1)
    before, after = code.split(CHANGES_MARKER, 1)
    return before, after


def _change(change: ExportedChange) -> list[str]:
    plan = change.plan
    fields = (
        ("Title", change.title),
        ("Path", plan.path),
        ("Identity", plan.display_name),
        ("Sid", plan.sid),
        ("Rights", plan.rights),
        ("ExpectedSddl", change.expected_before),
    )
    done = ", ".join(map(quote_powershell, change.done))
    return [
        "            @{",
        *(f"                {key} = {quote_powershell(value)}" for key, value in fields),
        f"                Done = @({done})",
        "            }",
    ]


def host_section(fixes: HostFixes) -> str:
    """One host's entry in the DATA section: its computer name, changes and notes."""
    lines = [
        "    @{",
        f"        Host = {quote_powershell(fixes.host)}",
        f"        Computer = {quote_powershell(fixes.computer)}",
        "        Changes = @(",
    ]
    for change in fixes.changes:
        lines.extend(_change(change))
    lines.append("        )")
    lines.append("        Notes = @(")
    lines.extend(
        f"            {quote_powershell(f'{note.target} ({note.kind}): {note.text}')}" for note in fixes.notes
    )
    lines.extend(("        )", "    }"))
    return "\n".join(lines) + "\n"


def document(sections: Sequence[str], failures: Sequence[tuple[str, str]] = ()) -> str:
    """The whole script: the constant code around the hosts' entries (``host_section``); the hosts that
    could not be checked are comments in the DATA section."""
    before, after = constant_code()
    # visible(): a line break in a host's error message must not end the comment early.
    comments = "".join(
        f"# {visible(host)}: not in this script, it could not be checked: {visible(message)}\n"
        for host, message in failures
    )
    return before + comments + "@(\n" + "".join(sections) + ")\n" + after
