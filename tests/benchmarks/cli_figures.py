"""The CLI's own figures: ``iis-access check --all --json`` as an admin runs it, one whole process.

Timed from the process's start to its exit (interpreter start, imports, sign-in, both round trips,
parsing, checking and printing), and its peak resident memory as the kernel counted it for that
process alone: started from a small process of its own (``tests/benchmarks/own_usage.py``), so
neither the benchmark's process nor the lab's is in it.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.benchmarks.lab import LOOPBACK, USER, LabProcesses

# Run by its path: it needs nothing but the standard library, so no working directory or package.
OWN_USAGE = Path(__file__).with_name("own_usage.py")
PASSWORD_ENV = "IIS_ACCESS_PASSWORD"  # noqa: S105 - where the CLI reads the password, not the password


@dataclass(frozen=True)
class CliRun:
    wall_s: float
    peak_rss_mb: float
    output_bytes: int


def check_all_once(lab: LabProcesses, index: int = 0) -> CliRun:
    """One ``check --all --json`` process against lab host ``index``; its output is counted, not kept."""
    command = [
        sys.executable,
        "-m",
        "gui.launcher",
        f"--host={LOOPBACK}",
        f"--port={lab.ports[index]}",
        "--transport=http",
        "--auth=ntlm",
        f"--user={USER}",
        "check",
        "--all",
        "--json",
    ]
    env = {**os.environ, PASSWORD_ENV: lab.password}
    measured = [sys.executable, str(OWN_USAGE), *command]
    with subprocess.Popen(measured, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        stdout, stderr = process.stdout, process.stderr
        assert stdout is not None and stderr is not None
        size = sum(len(chunk) for chunk in iter(lambda: stdout.read(1 << 20), b""))
        report = stderr.read().decode("utf-8", "replace")
    if process.returncode != 0:
        raise RuntimeError(f"own_usage exited with {process.returncode}: {report}")
    usage = json.loads(report.strip().splitlines()[-1])
    # 0: every requirement met, 1: some missing (check's documented exit codes); anything else failed.
    if usage["returncode"] not in (0, 1):
        raise RuntimeError(f"check --all --json exited with {usage['returncode']}")
    return CliRun(usage["wall_s"], usage["peak_rss_kib"] / 1024, size)


def check_all(lab: LabProcesses, repeat: int) -> CliRun:
    """The median wall time and the highest peak memory of ``repeat`` runs."""
    runs = [check_all_once(lab) for _ in range(repeat)]
    return CliRun(
        statistics.median(run.wall_s for run in runs),
        max(run.peak_rss_mb for run in runs),
        runs[-1].output_bytes,
    )
