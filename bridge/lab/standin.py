"""A stand-in for ``powershell.exe``, so the local transport is tested end to end off Windows.

It accepts exactly the command line ``LocalTransport`` builds - anything else
is refused the way a stricter binary would - checks that the encoded command
is the constant bootstrap, reads the base64 request from stdin and answers
from the lab's simulated server, loaded from (and saved back to) the scenario
folder named by ``IIS_ACCESS_STANDIN_SCENARIO``. ``IIS_ACCESS_STANDIN_DELAY``
(seconds) makes it a slow server for timeout tests.
"""

from __future__ import annotations

import base64
import json
import os
import shlex
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from bridge.lab.backend import ScriptFailed, ScriptRejected
from bridge.lab.scenario import FILESYSTEM_FILE
from bridge.lab.simulator import SimulatedServer
from bridge.local_transport import BOOTSTRAP, FIXED_ARGUMENTS, decode_request
from bridge.scripts import Operation, script_text

SCENARIO_VARIABLE = "IIS_ACCESS_STANDIN_SCENARIO"
DELAY_VARIABLE = "IIS_ACCESS_STANDIN_DELAY"
EXIT_USAGE = 64
CHANGING_SCRIPTS = frozenset(script_text(operation) for operation in (Operation.GRANT, Operation.RESTORE))


def _fail(message: str, error_id: str, category: str) -> int:
    error = {"error": {"message": message, "errorId": error_id, "category": category}}
    sys.stdout.write(json.dumps(error))
    return 1


def _bootstrap_is_constant(arguments: Sequence[str]) -> bool:
    encoded = arguments[-1]
    try:
        return base64.b64decode(encoded, validate=True).decode("utf-16-le") == BOOTSTRAP
    except ValueError:
        return False


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments != list(FIXED_ARGUMENTS) or not _bootstrap_is_constant(arguments):
        sys.stderr.write(f"standin: refusing command line {arguments!r}\n")
        return EXIT_USAGE
    scenario = os.environ.get(SCENARIO_VARIABLE)
    if not scenario:
        sys.stderr.write(f"standin: {SCENARIO_VARIABLE} names no scenario folder\n")
        return EXIT_USAGE
    request = decode_request(sys.stdin.buffer.read().strip())
    delay = float(os.environ.get(DELAY_VARIABLE, "0"))
    if delay > 0:
        time.sleep(delay)

    server = SimulatedServer.from_scenario(Path(scenario))
    try:
        answer = server.execute(request["script"], request["parameters"])
    except ScriptRejected as exc:
        return _fail(str(exc), "CommandNotFoundException", "ObjectNotFound")
    except ScriptFailed as exc:
        return _fail(exc.message, exc.error_id, exc.category)
    if request["script"] in CHANGING_SCRIPTS:
        _save_filesystem(server, Path(scenario))
    sys.stdout.write(answer)
    return 0


def _save_filesystem(server: SimulatedServer, scenario: Path) -> None:
    """Write every listed path's descriptor back, so the next process sees this one's change.

    All paths are rewritten because a change to a folder re-derives the
    inherited ACEs of everything below it.
    """
    listing = scenario / FILESYSTEM_FILE
    data = json.loads(listing.read_text(encoding="utf-8"))
    for path, spec in data["paths"].items():
        spec["sddl"] = server.filesystem.sddl(path)
    listing.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


def write_wrapper(directory: Path, scenario: Path) -> Path:
    """Create an executable ``powershell`` in ``directory`` that runs this stand-in on ``scenario``."""
    source_root = Path(__file__).resolve().parents[2]
    wrapper = directory / "powershell"
    wrapper.write_text(
        "#!/bin/sh\n"
        f"export {SCENARIO_VARIABLE}={shlex.quote(str(scenario))}\n"
        f"export PYTHONPATH={shlex.quote(str(source_root))}\n"
        f'exec {shlex.quote(sys.executable)} -m bridge.lab.standin "$@"\n',
        encoding="utf-8",
    )
    wrapper.chmod(0o755)
    return wrapper


if __name__ == "__main__":
    sys.exit(main())
