"""The CLI on several hosts: ``--host`` repeated or ``--inventory FILE [--limit PATTERN]``.

Each host runs the same one-host command as a single ``--host`` would, in a session of its own, a
bounded number at once (``--forks``). With ``--json`` stdout holds ``{"hosts": [...]}``: per host its
name as given, its port, ``status`` ``ok``/``error``, the error object of a failure (as ``--json`` prints
it for one host) and the one-host document. The exit code is the highest of the hosts'.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from bridge.ansible_inventory import read_inventory
from bridge.connection import ConnectionSettings, host_label
from bridge.errors import BridgeError, UsageFailure, error_object
from bridge.findings import CSV_COLUMNS, error_row
from bridge.fleet import DEFAULT_IN_FLIGHT, FleetHost, Outcome, hosts_from_inventory, parse_host, run_on_hosts
from bridge.psrp_transport import PsrpTransport
from bridge.session import HostSession
from bridge.wording import translate

# The commands that read; a change is made on one host at a time, after its own confirmation.
FLEET_COMMANDS = frozenset({"sites", "pools", "check", "doctor", "export"})

LIMIT_NEEDS_INVENTORY = translate(
    "Bridge", "--limit selects from an inventory: give --inventory FILE too.", "limit-needs-inventory"
)
LIMIT_NEEDS_INVENTORY_HINT = translate(
    "Bridge", "Add --inventory FILE, or leave --limit out.", "hint-limit-needs-inventory"
)
ONE_HOST_AT_A_TIME = translate("Bridge", "'{command}' works on one host at a time.", "one-host-at-a-time")
ONE_HOST_AT_A_TIME_HINT = translate(
    "Bridge",
    "Give one --host; for many hosts use 'export ansible' or 'export powershell'.",
    "hint-one-host-at-a-time",
)

OnHost = Callable[[argparse.Namespace, HostSession, TextIO], int]
Settings = Callable[[argparse.Namespace], ConnectionSettings]
# Per host (as the admin named it): its output, or the failure that ended it.
Render = Callable[[list[tuple[str, "str | None", "BridgeError | None"]]], str]
_Prepared = tuple[FleetHost, argparse.Namespace, "ConnectionSettings | BridgeError"]


def add_options(connection: Any) -> None:
    """``--host`` (repeatable), ``--inventory``, ``--limit`` and ``--forks`` on the connection group."""
    connection.add_argument(
        "--host",
        action="append",
        metavar="NAME[:PORT]",
        help="server to manage; repeat for several (default: this machine, or the demo lab off Windows)",
    )
    connection.add_argument(
        "--inventory", metavar="FILE", type=Path, help="the hosts of an Ansible inventory"
    )
    connection.add_argument(
        "--limit", metavar="PATTERN", help="with --inventory: hosts or groups, e.g. 'web:!db'"
    )
    connection.add_argument(
        "--forks",
        type=int,
        default=DEFAULT_IN_FLIGHT,
        metavar="N",
        help=f"hosts worked on at once (default {DEFAULT_IN_FLIGHT})",
    )


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def fleet_hosts(args: argparse.Namespace) -> list[FleetHost] | None:
    """The hosts of a fleet run, or None for a one-host run (then ``args.host``/``args.port`` are set)."""
    named = [parse_host(text) for text in args.host or []]
    if args.limit and args.inventory is None:
        raise UsageFailure(LIMIT_NEEDS_INVENTORY(), LIMIT_NEEDS_INVENTORY_HINT())
    if args.inventory is None and len(named) <= 1:
        if named:
            args.host = named[0].options["host"]
            args.port = named[0].port if named[0].port is not None else args.port
            args.host_label = named[0].label
            args.inventory_name = named[0].name
        else:
            args.host = None
        return None
    hosts = named
    if args.inventory is not None:
        found, notes = hosts_from_inventory(read_inventory(args.inventory), args.limit)
        for note in notes:
            _say(note)
        hosts = hosts + found
    if args.command not in FLEET_COMMANDS:
        raise UsageFailure(ONE_HOST_AT_A_TIME(command=args.command), ONE_HOST_AT_A_TIME_HINT())
    return hosts


def _namespace(args: argparse.Namespace, host: FleetHost, *, csv_header: bool) -> argparse.Namespace:
    values = vars(args) | {
        "host": host.name,
        "host_label": host.label,
        "inventory_name": host.name,
        "csv_header": csv_header,
    }
    return argparse.Namespace(**(values | host.options))


def run(
    args: argparse.Namespace,
    hosts: list[FleetHost],
    out: TextIO,
    *,
    on_host: OnHost,
    settings: Settings,
    render: Render | None = None,
) -> int:
    """Run the command on every host; print the hosts' outputs (``render`` makes them one document);
    the highest of their exit codes."""
    csv_output = getattr(args, "format", "text") == "csv"
    prepared: list[_Prepared] = []
    # One host after another: a password prompt must not interleave with another's.
    for host in hosts:
        namespace = _namespace(args, host, csv_header=False)
        try:
            prepared.append((host, namespace, settings(namespace)))
        except BridgeError as error:
            prepared.append((host, namespace, error))

    def work(item: _Prepared) -> tuple[int, str]:
        _, namespace, connection = item
        if isinstance(connection, BridgeError):
            raise connection
        buffer = io.StringIO()
        label = host_label(namespace.inventory_name, connection.port)
        with HostSession(PsrpTransport(connection), label) as session:
            code = on_host(namespace, session, buffer)
        return code, buffer.getvalue()

    def progress(done: int, total: int, outcome: Outcome[_Prepared, tuple[int, str]]) -> None:
        label = outcome.item[0].label
        state = "ok" if outcome.error is None else f"failed: {outcome.error.message}"
        _say(f"[{done}/{total}] {label}: {state}")

    if sys.stderr.isatty():
        _say(f"{len(hosts)} hosts, {min(args.forks, len(hosts))} at a time.")
    outcomes = run_on_hosts(
        prepared, work, in_flight=args.forks, progress=progress if sys.stderr.isatty() else None
    )
    codes = [outcome.exit_code if outcome.result is None else outcome.result[0] for outcome in outcomes]
    if render is not None:
        out.write(
            render(
                [
                    (
                        outcome.item[0].name,
                        None if outcome.result is None else outcome.result[1],
                        outcome.error,
                    )
                    for outcome in outcomes
                ]
            )
        )
    elif getattr(args, "json", False):
        out.write(
            json.dumps({"hosts": [_host_json(outcome) for outcome in outcomes]}, ensure_ascii=False, indent=2)
        )
        out.write("\n")
    elif csv_output:
        out.write(",".join(CSV_COLUMNS) + "\n")
        for outcome in outcomes:
            label = outcome.item[0].label
            out.write(error_row(label, outcome.error.message) if outcome.error else outcome.result[1])  # type: ignore[index]
    else:
        out.write(_text(outcomes, codes))
    return max(codes, default=0)


def _port(item: _Prepared) -> int | None:
    host, _, connection = item
    return connection.port if isinstance(connection, ConnectionSettings) else host.port


def _host_json(outcome: Outcome[_Prepared, tuple[int, str]]) -> dict[str, Any]:
    host = outcome.item[0]
    return {
        "host": host.name,
        "port": _port(outcome.item),
        "status": "ok" if outcome.error is None else "error",
        "error": None if outcome.error is None else error_object(outcome.error),
        "result": None if outcome.result is None else json.loads(outcome.result[1]),
    }


def _text(outcomes: list[Outcome[_Prepared, tuple[int, str]]], codes: list[int]) -> str:
    sections, summary = [], []
    for outcome, code in zip(outcomes, codes, strict=True):
        host, _, connection = outcome.item
        where = ""
        if isinstance(connection, ConnectionSettings) and connection.key != host.label:
            where = f" ({connection.key})"
        body = outcome.result[1].rstrip("\n") if outcome.result else f"{outcome.error}\n{outcome.error.hint}"  # type: ignore[union-attr]
        sections.append(f"== {host.label}{where} ==\n{body}")
        state = "ok" if code == 0 else f"exit {code}"
        detail = f": {outcome.error.message}" if outcome.error is not None else ""
        summary.append(f"  {host.label}  {state}{detail}")
    failed = sum(code != 0 for code in codes)
    totals = f"{len(outcomes)} hosts: {len(outcomes) - failed} ok, {failed} not"
    return "\n\n".join(sections) + "\n\nSummary:\n" + "\n".join(summary) + f"\n{totals}\n"
