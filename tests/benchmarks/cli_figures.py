"""The CLI's own figures: ``iis-access check --all --json`` as an admin runs it, one whole process.

Timed from the process's start to its exit (interpreter start, imports, sign-in, both round trips,
parsing, checking and printing), and its peak resident memory as the kernel counted it for that
process alone (``wait4``), so neither the benchmark's process nor the lab's is in it.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass

from tests.benchmarks.lab import LOOPBACK, USER, LabProcesses

PASSWORD_ENV = "IIS_ACCESS_PASSWORD"  # noqa: S105 - where the CLI reads the password, not the password
TIMEOUT_S = 600.0


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
    start = time.perf_counter()
    with subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL) as process:
        stdout = process.stdout
        assert stdout is not None
        size = sum(len(chunk) for chunk in iter(lambda: stdout.read(1 << 20), b""))
        # wait4 reaps this one child and gives its own resource use: ru_maxrss in KiB on Linux.
        _pid, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
    # 0: every requirement met, 1: some missing (check's documented exit codes); anything else failed.
    if process.returncode not in (0, 1):
        raise RuntimeError(f"check --all --json exited with {process.returncode}")
    return CliRun(wall, usage.ru_maxrss / 1024, size)


def check_all(lab: LabProcesses, repeat: int) -> CliRun:
    """The median wall time and the highest peak memory of ``repeat`` runs."""
    runs = [check_all_once(lab) for _ in range(repeat)]
    return CliRun(
        statistics.median(run.wall_s for run in runs),
        max(run.peak_rss_mb for run in runs),
        runs[-1].output_bytes,
    )
