"""The ``doctor`` command's options and run: probes, and with ``--save-fixture`` a recording."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bridge.doctor import doctor
from bridge.errors import EXIT_FAILED
from bridge.recording import save_fixture
from bridge.session import HostSession

Emit = Callable[[Any, str], None]


def add_parser(commands: Any, json_option: argparse.ArgumentParser) -> None:
    """Register ``doctor`` on the CLI's subcommands."""
    parser = commands.add_parser(
        "doctor", parents=[json_option], help="read-only self-test of everything IIS Access needs on the host"
    )
    parser.add_argument(
        "--save-fixture",
        metavar="DIR",
        type=Path,
        help="also record what the host's scripts answer into DIR, for 'iis-access lab --replay DIR'",
    )
    parser.add_argument(
        "--redact",
        action="store_true",
        help="with --save-fixture: replace computer, site, path, binding host and account names "
        "by placeholders",
    )
    parser.add_argument(
        "--redaction-map",
        metavar="FILE",
        type=Path,
        help="with --redact: write which placeholder stands for what to FILE (keep it; do not share it)",
    )


def run(args: argparse.Namespace, session: HostSession, emit: Emit) -> int:
    """Exit 0 when every probe passed, 5 (with the first failing probe on stderr) when one failed.

    With ``--save-fixture``, a recording the host cut short (it refused the inventory) still keeps
    what was answered, and the command ends with that failure's message and exit code.
    """
    stopped = None
    if args.save_fixture is not None:
        report, stopped = save_fixture(
            session, args.save_fixture, redact=args.redact, redaction_map=args.redaction_map
        )
    else:
        report = doctor(session)
    emit(report.to_json(), report.render())
    failure = report.first_failure
    if failure is not None:
        print(f"{failure.name}: {failure.message}", file=sys.stderr)
        print(failure.hint, file=sys.stderr)
    if stopped is not None:
        print(f"The recording is incomplete: {stopped.message}", file=sys.stderr)
        print(stopped.hint, file=sys.stderr)
        return stopped.exit_code
    return 0 if failure is None else EXIT_FAILED
