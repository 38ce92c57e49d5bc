"""``iis-access [hosts] export ansible|powershell [TARGET... | --all] [-o FILE]``.

Checks the targets on every host (two round trips per host, as ``check`` does), plans the
recommended fix of each finding as the interactive grant plans it (``bridge.exports``), and writes
one playbook or one script for all the hosts. Nothing is changed on any host.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path
from typing import Any, TextIO

from bridge import export_ansible, export_powershell, fleet_command, operations
from bridge.errors import EXIT_OK, BridgeError, UsageFailure
from bridge.exports import host_fixes
from bridge.fleet import FleetHost
from bridge.session import HostSession
from bridge.wording import translate

COMMAND = "export"

TARGETS_OR_ALL = translate("Bridge", "Give either TARGET... or --all.", "export-targets-or-all")
TARGETS_OR_ALL_HINT = translate(
    "Bridge", "Run 'iis-access export --help' for the options.", "hint-export-targets-or-all"
)
NO_JSON = translate("Bridge", "'export' writes a playbook or a script, not JSON.", "export-no-json")
NO_JSON_HINT = translate("Bridge", "Leave out --json; give -o FILE to write a file.", "hint-export-no-json")
CANNOT_WRITE = translate("Bridge", "Cannot write {path}: {error}.", "export-cannot-write")
CANNOT_WRITE_HINT = translate("Bridge", "Give another -o FILE.", "hint-export-cannot-write")

EPILOG = """formats:
  ansible      a playbook: one play per host (named as --host or the inventory names it), one
               ansible.windows.win_acl task per change; findings it does not change are comments
  powershell   one script for every host, run elevated on each server or with
               Invoke-Command -ComputerName ... -FilePath FILE; the changes are a DATA section at
               its top, the code is IIS Access's own grant; it prints what it changed as JSON

Refused changes, findings a deny entry blocks, network shares and findings no grant can fix are
written as notes, never as changes. Nothing is changed on the hosts by exporting.
"""


# Each format module has host_section(HostFixes) -> str and document(sections, failures) -> str.
_FORMATS: dict[str, Any] = {"ansible": export_ansible, "powershell": export_powershell}


def add_parser(commands: Any) -> None:
    export = commands.add_parser(
        COMMAND,
        help="write a playbook or script that makes the recommended fixes",
        description="Write an Ansible playbook or a PowerShell script that makes the recommended fix of "
        "each finding, as 'grant' would, on every host named.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    export.add_argument(
        "export_format", metavar="FORMAT", choices=sorted(_FORMATS), help="ansible or powershell"
    )
    export.add_argument("targets", nargs="*", metavar="TARGET", help="Site, or Site/app/path")
    export.add_argument("--all", action="store_true", help="every site, application and virtual directory")
    export.add_argument("-o", "--output", metavar="FILE", type=Path, help="write to FILE instead of stdout")


def _validate(args: argparse.Namespace) -> None:
    if args.all == bool(args.targets):
        raise UsageFailure(TARGETS_OR_ALL(), TARGETS_OR_ALL_HINT())
    if getattr(args, "json", False):
        raise UsageFailure(NO_JSON(), NO_JSON_HINT())


def _section(args: argparse.Namespace, session: HostSession) -> str:
    inventory, checked = operations.checked_targets(session, None if args.all else args.targets)
    # As the admin named the host; without a name (this computer, the demo) as the server calls itself.
    host = getattr(args, "inventory_name", None) or inventory.server.computer_name
    section: str = _FORMATS[args.export_format].host_section(host_fixes(host, inventory, checked))
    return section


def _write(args: argparse.Namespace, text: str, out: TextIO) -> None:
    if args.output is None:
        out.write(text)
        return
    # Windows PowerShell 5.1 reads a script without a byte order mark in the ANSI code page
    # (about_Character_Encoding): a folder named Müller needs the BOM to reach the server intact.
    encoding = "utf-8-sig" if args.export_format == "powershell" else "utf-8"
    try:
        args.output.write_text(text, encoding=encoding)
    except OSError as error:
        problem = CANNOT_WRITE(path=str(args.output), error=error.strerror or str(error))
        raise UsageFailure(problem, CANNOT_WRITE_HINT()) from error
    print(f"Wrote {args.output}.", file=sys.stderr)


def run(args: argparse.Namespace, session: HostSession, out: TextIO) -> int:
    """The export of one host."""
    _validate(args)
    _write(args, _FORMATS[args.export_format].document([_section(args, session)], []), out)
    return EXIT_OK


def run_fleet(
    args: argparse.Namespace, hosts: list[FleetHost], out: TextIO, *, settings: fleet_command.Settings
) -> int:
    """One export for every host, each checked in its own session; a host that cannot be checked is a
    comment in the export and its exit code is the run's (the highest of the hosts')."""
    _validate(args)

    def section(namespace: argparse.Namespace, session: HostSession, buffer: TextIO) -> int:
        buffer.write(_section(namespace, session))
        return EXIT_OK

    def render(outcomes: list[tuple[str, str | None, BridgeError | None]]) -> str:
        sections = [text for _, text, _ in outcomes if text is not None]
        failures = [(host, error.message) for host, _, error in outcomes if error is not None]
        document: str = _FORMATS[args.export_format].document(sections, failures)
        return document

    document = io.StringIO()
    code = fleet_command.run(args, hosts, document, on_host=section, settings=settings, render=render)
    _write(args, document.getvalue(), out)
    return code
