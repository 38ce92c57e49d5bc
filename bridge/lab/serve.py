"""``iis-access lab``: serve a simulated IIS server over WinRM on loopback until interrupted.

Basic authentication over plain HTTP sends the password in clear text, so
Windows refuses it by default (AllowUnencrypted=false). The lab offers Basic
over HTTP only when ``--auth`` names it explicitly; without ``--auth`` it
offers Negotiate and NTLM, plus Basic when ``--https`` is given. (The
in-process ``LabHost`` used by tests and the demo offers all three on
loopback.)
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from types import FrameType

from bridge.collector import settle_startup_objects
from bridge.demo_state import reset_demo, state_path
from bridge.lab.auth import AUTH_SCHEMES
from bridge.lab.backend import ScriptBackend
from bridge.lab.host import LabHost
from bridge.lab.replay import RecordedServer, RecordingError
from bridge.lab.scenario import ScenarioError, demo_scenario_path
from bridge.lab.simulator import SimulatedServer

# Where the lab reads its user's password, so it never shows in `ps`.
PASSWORD_VARIABLE = "IIS_ACCESS_LAB_PASSWORD"  # noqa: S105 - the name of the variable, not a password


def _password(args: argparse.Namespace) -> str | None:
    if args.password_file is not None:
        lines = args.password_file.read_text(encoding="utf-8").splitlines()
        return lines[0] if lines else ""
    if args.password is not None:
        return str(args.password)
    return os.environ.get(PASSWORD_VARIABLE)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="iis-access lab",
        description="Serve a simulated IIS server as a WinRM/PSRP endpoint on this machine.",
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--scenario", type=Path, help="scenario folder (default: the shipped demo)")
    source.add_argument(
        "--replay", type=Path, metavar="DIR", help="serve a recording made with 'doctor --save-fixture DIR'"
    )
    parser.add_argument("--port", type=int, default=0, help="TCP port (default: any free port)")
    parser.add_argument(
        "--reset-demo",
        action="store_true",
        help="put the built-in demo lab back as shipped (forget what grants and undos changed) and exit",
    )
    parser.add_argument("--user", help="the user name clients log on with (required to serve)")
    parser.add_argument(
        "--password-file",
        type=Path,
        metavar="FILE",
        help=f"read that user's password from the first line of FILE (or set {PASSWORD_VARIABLE})",
    )
    # Visible to every user in the process list: kept for tests and throwaway labs only.
    parser.add_argument("--password", help=argparse.SUPPRESS)
    parser.add_argument(
        "--auth",
        help=f"comma-separated, some of {','.join(AUTH_SCHEMES)} "
        "(default: negotiate,ntlm, and basic too with --https)",
    )
    parser.add_argument(
        "--https", action="store_true", help="TLS with a self-signed certificate made at start"
    )
    parser.add_argument("--latency-ms", type=int, default=0, help="delay added to every HTTP response")
    parser.add_argument("--record", type=Path, help="append one JSON line per pipeline received to this file")
    parser.add_argument("--verbose", action="store_true", help="log each request")
    return parser


def _reset_demo() -> int:
    path = state_path()
    if reset_demo(path):
        print(f"The demo lab is back as shipped: its saved state {path} was removed.")
    else:
        print(f"The demo lab is already as shipped (no saved state in {path}).")
    return 0


def main(argv: Sequence[str]) -> int:
    parser = _parser()
    args = parser.parse_args(list(argv))
    if args.reset_demo:
        return _reset_demo()
    if args.user is None:
        parser.error("the following arguments are required: --user")
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING)
    if args.auth:
        auth = [scheme.strip() for scheme in args.auth.split(",") if scheme.strip()]
    else:
        auth = ["negotiate", "ntlm", *(["basic"] if args.https else [])]
    backend: ScriptBackend
    try:
        password = _password(args)
        if args.replay:
            backend = RecordedServer(args.replay)
        else:
            backend = SimulatedServer.from_scenario(args.scenario or demo_scenario_path())
    except (ScenarioError, RecordingError, OSError) as error:
        print(f"iis-access lab: {error}", file=sys.stderr)
        return 2
    # The scenario lives as long as the process: a 20,000-site server is millions of objects that every
    # full collection would walk while answering (0.4 of 2.0 CPU-s of an inventory, 0.7 of 1.7 of a
    # whole-server path-access call, measured), as the CLI and the GUI leave theirs out too.
    settle_startup_objects()
    if password is None:
        print(
            f"iis-access lab: give the password in {PASSWORD_VARIABLE} or with --password-file",
            file=sys.stderr,
        )
        return 2
    host = LabHost(
        backend,
        user=args.user,
        password=password,
        auth=auth,
        https=args.https,
        latency_ms=args.latency_ms,
        record=args.record,
        port=args.port,
    )
    try:
        # A port in use, or a user or password the NTLM user file cannot hold.
        host.start()
    except (OSError, ValueError) as error:
        print(f"iis-access lab: {error}", file=sys.stderr)
        return 2
    stop = threading.Event()

    def request_stop(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = {signum: signal.signal(signum, request_stop) for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        print(f"listening on {host.url}", flush=True)
        if host.thumbprint:
            print(f"certificate thumbprint (SHA-256): {host.thumbprint}", flush=True)
        stop.wait()
    finally:
        host.stop()
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    return 0
