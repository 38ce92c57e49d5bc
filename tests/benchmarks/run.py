"""IIS Access benchmarks: one round trip per view, fluid with a thousand sites, many hosts at once.

    python tests/benchmarks/run.py [--sites N] [--latency-ms MS] [--fleet-latency-ms MS] [--json] [--repeat K]

Generates a lab server with N sites, serves it from lab hosts on loopback
(NTLM with message encryption) and measures the bridge and the GUI against
them, side by side in one run, so the ratios hold on a noisy machine. Prints a
table with each target, or with --json exactly one JSON object. The figures
are reported, never asserted: this is not a test.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

# Run as a script, Python puts only this folder on sys.path; the helpers live in the tests package.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bridge.collector import settle_startup_objects
from tests.benchmarks import bridge_figures, fleet_figures, gui_figures
from tests.benchmarks.lab import LabHosts, LabProcesses, scenario

HOSTS = 10
# The GUI must stay fluid while a check crawls over a slow link; this is that link.
STALL_LATENCY_MS = 2000

# (figure, target as text, whether the measured figures meet it; None when it is set for other runs)
Target = tuple[str, str, bool | None]
# The targets on size and round trips are set for a 1,000-site server; the one against the naive
# loop also for a 20 ms link, where round trips, not CPU, make the difference.
TARGET_SITES = 1000
NAIVE_TARGET_LATENCY_MS = 20


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--sites", type=int, default=1000, help="sites on the generated server (default 1000)"
    )
    parser.add_argument("--latency-ms", type=int, default=0, help="delay the lab adds to every HTTP response")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    parser.add_argument("--repeat", type=int, default=5, help="runs per timed figure; the median is reported")
    parser.add_argument(
        "--stall-latency-ms",
        type=int,
        default=STALL_LATENCY_MS,
        help="latency of the host the GUI is checked against for gui_max_stall_ms (default 2000)",
    )
    parser.add_argument(
        "--filter-rounds", type=int, default=5, help="times the filter text is typed and erased"
    )
    parser.add_argument(
        "--fleet-latency-ms",
        type=int,
        default=fleet_figures.FLEET_LATENCY_MS,
        help=f"latency of the {fleet_figures.FLEET_HOSTS} hosts of the fleet run for fleet_vs_one "
        f"(default {fleet_figures.FLEET_LATENCY_MS})",
    )
    return parser


def measure(args: argparse.Namespace) -> tuple[dict[str, float | int], list[str]]:
    """The figures, and notes on what bounds them on this machine (for the table)."""
    with tempfile.TemporaryDirectory(prefix="iis-access-bench-") as scratch:
        folder = scenario(Path(scratch) / "scenario", args.sites)
        with LabProcesses(folder, Path(scratch), count=HOSTS, latency_ms=args.latency_ms) as lab:
            bridge = bridge_figures.measure(lab, args.repeat)
        fleet_scratch = Path(scratch) / "fleet"
        fleet_scratch.mkdir()
        with LabProcesses(
            folder, fleet_scratch, count=fleet_figures.FLEET_HOSTS, latency_ms=args.fleet_latency_ms
        ) as far:
            fleet = fleet_figures.measure(far, args.fleet_latency_ms, args.repeat)
        with LabHosts(folder, count=1, latency_ms=args.stall_latency_ms) as slow:
            gui = gui_figures.measure(
                slow, Path(scratch) / "home", sites=args.sites, repeat=args.repeat, rounds=args.filter_rounds
            )
    figures: dict[str, float | int] = {
        "sites": args.sites,
        "latency_ms": args.latency_ms,
        "rtt_min_s": bridge.rtt_min_s,
        "full_check_s": bridge.full_check_s,
        "full_check_roundtrips": bridge.full_check_roundtrips,
        "naive_check_s": bridge.naive_check_s,
        "speedup_vs_naive": bridge.naive_check_s / bridge.full_check_s,
        "cold_op_s": bridge.cold_op_s,
        "warm_op_s": bridge.warm_op_s,
        "reuse_speedup": bridge.cold_op_s / bridge.warm_op_s,
        "hosts": bridge.hosts,
        "parallel_check_s": bridge.parallel_check_s,
        "single_check_s": bridge.single_check_s,
        "parallel_vs_single": bridge.parallel_check_s / bridge.single_check_s,
        **asdict(fleet),
        "fleet_vs_one": fleet.fleet_all_hosts_s / fleet.fleet_one_host_s,
        **asdict(gui),
    }
    _, why = bridge_figures.parallel_floor(bridge)
    notes = [
        f"Each of the {bridge.hosts} lab hosts runs in its own process; the client checks them at once, "
        "one session per host.",
        bridge_figures.full_check_cost(bridge) + ".",
        why + ".",
    ]
    return figures, notes


def targets(figures: dict[str, float | int]) -> dict[str, Target]:
    """Each figure with a target, keyed by figure name."""
    full_size = figures["sites"] >= TARGET_SITES
    slow_link = full_size and figures["latency_ms"] >= NAIVE_TARGET_LATENCY_MS
    rows: list[Target] = [
        ("full_check_roundtrips", "<= 2", figures["full_check_roundtrips"] <= 2),
        (
            "full_check_s",
            f"<= 5 x rtt_min_s = {5 * figures['rtt_min_s']:.3f} (at {TARGET_SITES} sites)",
            figures["full_check_s"] <= 5 * figures["rtt_min_s"] if full_size else None,
        ),
        (
            "speedup_vs_naive",
            f">= 50 (at {TARGET_SITES} sites, --latency-ms {NAIVE_TARGET_LATENCY_MS})",
            figures["speedup_vs_naive"] >= 50 if slow_link else None,
        ),
        ("reuse_speedup", ">= 5", figures["reuse_speedup"] >= 5),
        ("parallel_vs_single", "<= 1.5", figures["parallel_vs_single"] <= 1.5),
        (
            "fleet_vs_one",
            f"<= 1.5 (at --fleet-latency-ms {fleet_figures.FLEET_LATENCY_MS})",
            figures["fleet_vs_one"] <= 1.5
            if figures["fleet_latency_ms"] >= fleet_figures.FLEET_LATENCY_MS
            else None,
        ),
        ("gui_max_stall_ms", "<= 50", figures["gui_max_stall_ms"] <= 50),
        ("gui_filter_ms", "<= 30", figures["gui_filter_ms"] <= 30),
        ("gui_start_s", "<= 1.5", figures["gui_start_s"] <= 1.5),
        ("gui_rss_mb", "<= 250", figures["gui_rss_mb"] <= 250),
    ]
    return {row[0]: row for row in rows}


_VERDICTS = {True: "met", False: "MISSED", None: "not this run's"}


def table(figures: dict[str, float | int], notes: Sequence[str] = ()) -> str:
    goals = targets(figures)
    lines = [f"{'figure':<24}{'measured':>14}  target"]
    for name, value in figures.items():
        shown = f"{value:.4f}" if isinstance(value, float) else str(value)
        goal = goals.get(name)
        verdict = "" if goal is None else f"{goal[1]}  {_VERDICTS[goal[2]]}"
        lines.append(f"{name:<24}{shown:>14}  {verdict}")
    return "\n".join([*lines, *(f"note: {note}" for note in notes)])


def main(argv: Sequence[str]) -> int:
    args = _parser().parse_args(list(argv))
    if args.sites < 1 or args.repeat < 1 or min(args.latency_ms, args.fleet_latency_ms) < 0:
        print("run.py: --sites and --repeat must be positive, latencies not negative", file=sys.stderr)
        return 2
    # The bridge figures are taken in this process: collect garbage as the app and the CLI do.
    settle_startup_objects()
    figures, notes = measure(args)
    print(json.dumps(figures) if args.json else table(figures, notes))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
