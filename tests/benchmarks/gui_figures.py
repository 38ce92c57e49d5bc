"""The GUI figures: each measured in a fresh process with its own settings, history and logs."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.benchmarks.gui_probe import PASSWORD_ENV
from tests.benchmarks.lab import LabHosts
from tests.benchmarks.timing import timed

REPO = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 120.0
# A full check over a 2 s link takes a couple of dozen responses; this is far beyond it.
PROBE_TIMEOUT_S = 600.0


@dataclass(frozen=True)
class GuiFigures:
    gui_start_s: float
    gui_max_stall_ms: float
    gui_filter_ms: float
    gui_rss_mb: float
    gui_expand_ms: float
    gui_sort_ms: float
    gui_select_ms: float


def gui_environment(home: Path) -> dict[str, str]:
    """The environment of a GUI process: offscreen, and nothing read from or written to the real profile."""
    folders = {
        name: str(home / name.lower())
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")
    }
    return {**os.environ, **folders, "HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}


def _run(command: list[str], env: dict[str, str], timeout_s: float) -> str:
    finished = subprocess.run(
        command, cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout_s, check=False
    )
    if finished.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited with {finished.returncode}:\n{finished.stderr}")
    return finished.stdout


def start_seconds(env: dict[str, str]) -> float:
    """Process start to the demo's inventory on screen (``--smoke`` exits once it is shown)."""
    command = [sys.executable, "-m", "gui.launcher", "gui", "--demo", "--smoke"]
    return timed(lambda: _run(command, env, START_TIMEOUT_S))[1]


def probe(lab: LabHosts, env: dict[str, str], rounds: int, timeout_s: float) -> dict[str, float]:
    """Run the in-app probe against ``lab``'s first host; its figures, checked to have seen every site."""
    command = [
        sys.executable,
        "-m",
        "tests.benchmarks.gui_probe",
        f"--port={lab.hosts[0].port}",
        f"--rounds={rounds}",
        f"--timeout={timeout_s}",
    ]
    output = _run(command, {**env, PASSWORD_ENV: lab.password}, timeout_s + START_TIMEOUT_S)
    figures: dict[str, float] = json.loads(output.strip().splitlines()[-1])
    return figures


def measure(lab: LabHosts, home: Path, *, sites: int, repeat: int, rounds: int) -> GuiFigures:
    env = gui_environment(home)
    start = statistics.median(start_seconds(env) for _ in range(repeat))
    figures = probe(lab, env, rounds, PROBE_TIMEOUT_S)
    if figures["sites_shown"] != sites:
        raise RuntimeError(f"the GUI showed {figures['sites_shown']} sites, not {sites}")
    return GuiFigures(
        gui_start_s=start,
        gui_max_stall_ms=figures["gui_max_stall_ms"],
        gui_filter_ms=figures["gui_filter_ms"],
        gui_rss_mb=figures["gui_rss_mb"],
        gui_expand_ms=figures["gui_expand_ms"],
        gui_sort_ms=figures["gui_sort_ms"],
        gui_select_ms=figures["gui_select_ms"],
    )
