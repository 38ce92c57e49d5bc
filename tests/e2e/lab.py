"""Helpers for running the ``iis-access`` CLI as a subprocess against a lab host in the test process."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bridge.lab.host import LabHost
from bridge.lab.simulator import SimulatedServer
from bridge.scripts import Operation, operation_for_script

USER, PASSWORD = "lab-admin", "Pa$$w0rd'1"
SOURCE_ROOT = Path(__file__).resolve().parents[2]
CLI_TIMEOUT = 120


class HookedServer:
    """A ScriptBackend in front of a SimulatedServer that lets a test act just before a grant or restore."""

    def __init__(self, server: SimulatedServer) -> None:
        self.server = server
        self.before_grant: Callable[[Mapping[str, object]], None] | None = None
        self.before_restore: Callable[[Mapping[str, object]], None] | None = None

    def execute(self, script: str, parameters: Mapping[str, object]) -> str:
        operation = operation_for_script(script)
        if operation is Operation.GRANT and self.before_grant is not None:
            self.before_grant(parameters)
        if operation is Operation.RESTORE and self.before_restore is not None:
            self.before_restore(parameters)
        return self.server.execute(script, parameters)


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


def cli_environment(data_dir: Path, password: str = PASSWORD) -> dict[str, str]:
    return dict(
        os.environ,
        IIS_ACCESS_PASSWORD=password,
        IIS_ACCESS_DATA_DIR=str(data_dir),
        PYTHONPATH=str(SOURCE_ROOT),
    )


def run_cli(
    arguments: list[str], data_dir: Path, *, password: str = PASSWORD, timeout: float = CLI_TIMEOUT
) -> Result:
    completed = subprocess.run(
        [sys.executable, "-m", "gui.launcher", *arguments],
        env=cli_environment(data_dir, password),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    return Result(completed.returncode, completed.stdout, completed.stderr)


def cli_on(options: list[str], data_dir: Path) -> Callable[..., Result]:
    """The CLI on one host (``options`` name it), asserting each run's exit code (``code``, 0 unless
    given)."""

    def cli(*arguments: str, code: int = 0) -> Result:
        result = run_cli([*options, *arguments], data_dir)
        assert result.code == code, result.stderr
        return result

    return cli


def answer_at_terminal(arguments: list[str], data_dir: Path, answer: str) -> Result:
    """Run the CLI with a terminal on stdin, answering the confirmation prompt with ``answer``."""
    controller, terminal = pty.openpty()
    try:
        os.write(controller, answer.encode() + b"\n")
        completed = subprocess.run(
            [sys.executable, "-m", "gui.launcher", *arguments],
            env=cli_environment(data_dir),
            stdin=terminal,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=CLI_TIMEOUT,
            check=False,
        )
    finally:
        os.close(terminal)
        os.close(controller)
    return Result(completed.returncode, completed.stdout, completed.stderr)


def connection_options(host: LabHost, auth: str) -> list[str]:
    options = ["--host", "127.0.0.1", "--port", str(host.port), "--transport", host.scheme, "--auth", auth]
    options += ["--user", USER]
    if host.thumbprint:
        options += ["--cert-thumbprint", host.thumbprint]
    return options


class Gate:
    """Blocks the lab's pipeline thread inside a grant until the test lets it go."""

    def __init__(self) -> None:
        self.entered = threading.Event()
        self.release = threading.Event()

    def __call__(self, parameters: Mapping[str, object]) -> None:
        self.entered.set()
        self.release.wait(CLI_TIMEOUT)
