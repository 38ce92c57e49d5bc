"""A reader that goes away (`iis-access check --all --json | head -c 100`) stops the CLI as a shell
tool stops on SIGPIPE: exit 141, no "failed unexpectedly", nothing on stderr but what came before."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.e2e.lab import cli_environment


def test_a_closed_pipe_ends_the_output_quietly_with_141(tmp_path: Path) -> None:
    # The demo's audit is larger than a pipe's 64 KiB buffer (about 88 KB), so the CLI is still
    # writing when the reader closes its end.
    with subprocess.Popen(
        [sys.executable, "-m", "gui.launcher", "check", "--all", "--json"],
        env=cli_environment(tmp_path / "data", ""),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        assert process.stdout.read(100).startswith(b"[")
        process.stdout.close()
        errors = process.stderr.read().decode()
        code = process.wait(timeout=120)
    assert code == 141, errors
    assert "unexpectedly" not in errors and "Traceback" not in errors
