"""The bridge-side figures: round trips, the full check against the naive loop, reuse, many hosts.

Every lab host runs in its own process, as a server is another machine: the client's work and
the servers' work do not queue on one interpreter lock, so the figures time the bridge and the
protocol, not the benchmark's own process.
"""

from __future__ import annotations

import os
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from bridge import operations
from bridge.model import parse_path_access
from bridge.needs import Around, CheckResult, check_target
from bridge.safety import temporary_aspnet_folder
from bridge.scripts import Operation
from bridge.server_files import config_files
from bridge.session import HostSession
from tests.benchmarks.lab import LabProcesses
from tests.benchmarks.timing import median_seconds, timed


@dataclass(frozen=True)
class BridgeFigures:
    rtt_min_s: float
    full_check_s: float
    full_check_roundtrips: int
    naive_check_s: float
    # How many targets the naive loop really ran (all of them on a small server).
    naive_sampled_targets: int
    targets: int
    cold_op_s: float
    warm_op_s: float
    hosts: int
    parallel_check_s: float
    single_check_s: float
    # What one full check costs in CPU seconds: in this (client) process and in the host's.
    check_client_cpu_s: float
    check_host_cpu_s: float | None


# The naive loop is timed on at most this many targets, spread over the server, and scaled up:
# at 20,000 sites its 60,000 pipelines would take longer than the whole benchmark may.
NAIVE_SAMPLE = 600


def naive_check(session: HostSession, every: int = 1) -> tuple[list[CheckResult], float]:
    """The full check as a straightforward loop would do it: one path-access pipeline per target
    (every ``every``-th target only), and how long its inventory took."""
    found, inventory_s = timed(lambda: operations.inventory(session))
    results = []
    for target in list(found.targets())[::every]:
        pool = found.pool(target.application.application_pool)
        if pool is None:
            raise RuntimeError(f"{target.ref} names a pool the inventory does not have")
        # The folder and the files IIS reads for it: its web.config files and Temporary ASP.NET Files.
        temporary = temporary_aspnet_folder(pool, found.server.windir)
        paths = [target.physical_path, *(config.path for config in config_files(target))]
        paths += [temporary] if temporary is not None else []
        read = parse_path_access(session.run(Operation.PATH_ACCESS, {"Path": list(dict.fromkeys(paths))}))
        around = Around({entry.path: entry for entry in read}, found.server, found.memberships)
        results.append(check_target(target, pool, read[0], around=around))
    return results, inventory_s


def _needs(results: list[CheckResult]) -> list[tuple[object, ...]]:
    # What both loops decide alike: the naive one reads no parent folders, so it finds no excess.
    return [(result.target, result.requirements) for result in results]


def naive_seconds(session: HostSession, full: list[CheckResult]) -> tuple[float, int]:
    """The naive loop's time for the whole server (sampled when large), and how many targets it ran."""
    every = max(1, -(-len(full) // NAIVE_SAMPLE))
    (sampled, inventory_s), seconds = timed(lambda: naive_check(session, every))
    if _needs(sampled) != _needs(full[::every]):
        raise RuntimeError("the naive loop and check_all disagree; the comparison would be meaningless")
    # The inventory is read once whatever the sample; the pipelines scale with the targets.
    return inventory_s + (seconds - inventory_s) * len(full) / len(sampled), len(sampled)


def _one_folder(session: HostSession, folder: str) -> None:
    session.run(Operation.PATH_ACCESS, {"Path": [folder]})


def _cold_op(lab: LabProcesses, folder: str) -> float:
    session = lab.session(0)
    try:
        return timed(lambda: _one_folder(session, folder))[1]
    finally:
        session.close()


@dataclass(frozen=True)
class _SingleChecks:
    seconds: float
    roundtrips: int
    client_cpu_s: float
    host_cpu_s: float | None


def _single_checks(lab: LabProcesses, session: HostSession, repeat: int) -> _SingleChecks:
    """``repeat`` full checks of host 0: their median time, the most pipelines one of them sent, and
    the client's and host's CPU seconds per check. One set of runs gives all four, as a check of a
    20,000-site server takes half a minute on the 2-core machine."""
    client, host = time.process_time(), lab.cpu_seconds(0)
    seconds, pipelines = [], []
    for _ in range(repeat):
        before = lab.pipelines(0)
        seconds.append(timed(lambda: operations.check_all(session))[1])
        pipelines.append(lab.pipelines(0) - before)
    host_after = lab.cpu_seconds(0)
    return _SingleChecks(
        seconds=statistics.median(seconds),
        roundtrips=max(pipelines),
        # The pipeline counting reads the record file; it costs the client a few ms per check.
        client_cpu_s=(time.process_time() - client) / repeat,
        host_cpu_s=None if host is None or host_after is None else (host_after - host) / repeat,
    )


def measure(lab: LabProcesses, repeat: int, parallel_repeat: int | None = None) -> BridgeFigures:
    """Every bridge figure, measured side by side against ``lab``'s hosts (the first one alone, then
    all of them, ``parallel_repeat`` times: ``repeat`` unless given)."""
    sessions = [lab.session(index) for index in range(lab.count)]
    try:
        main = sessions[0]
        full = operations.check_all(main)
        folder = full[0].physical_path
        naive_s, sampled = naive_seconds(main, full)
        single = _single_checks(lab, main, repeat)
        with ThreadPoolExecutor(max_workers=len(sessions), thread_name_prefix="bench-host") as pool:
            # Each other host checked once, untimed, as host 0 was: the parallel run then times warm
            # checks, not sign-ins and first answers (it runs once above 1,000 sites).
            list(pool.map(operations.check_all, sessions[1:]))
            parallel = median_seconds(
                lambda: list(pool.map(operations.check_all, sessions)), parallel_repeat or repeat
            )
        return BridgeFigures(
            rtt_min_s=median_seconds(lambda: _one_folder(main, folder), repeat),
            # One host checked alone is both the headline figure and the parallel run's reference.
            full_check_s=single.seconds,
            full_check_roundtrips=single.roundtrips,
            naive_check_s=naive_s,
            naive_sampled_targets=sampled,
            targets=len(full),
            cold_op_s=statistics.median(_cold_op(lab, folder) for _ in range(repeat)),
            warm_op_s=median_seconds(lambda: _one_folder(main, folder), repeat),
            hosts=len(sessions),
            parallel_check_s=parallel,
            single_check_s=single.seconds,
            check_client_cpu_s=single.client_cpu_s,
            check_host_cpu_s=single.host_cpu_s,
        )
    finally:
        for session in sessions:
            session.close()


def cores() -> int:
    """The CPU cores this process may run on."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity is not None else os.cpu_count() or 1


def parallel_floor(figures: BridgeFigures) -> tuple[float, str]:
    """The lowest parallel_vs_single this machine allows, and why.

    ``hosts`` checks at once need ``hosts`` times one check's CPU, spread over the cores at
    best; and the client's share of it runs in one Python process, one thread at a time.
    """
    hosts, single = figures.hosts, figures.single_check_s
    client = hosts * figures.check_client_cpu_s
    total = hosts * (figures.check_client_cpu_s + (figures.check_host_cpu_s or 0.0))
    floor = max(single, total / cores(), client) / single
    host = "unknown" if figures.check_host_cpu_s is None else f"{figures.check_host_cpu_s:.3f}"
    why = (
        f"{hosts} checks need {total:.2f} CPU-s (one check: client {figures.check_client_cpu_s:.3f} s, "
        f"host {host} s) on {cores()} cores, and the client's {client:.2f} s run under one GIL: "
        f"parallel_vs_single cannot go below {floor:.2f} here"
    )
    return floor, why


def full_check_cost(figures: BridgeFigures) -> str:
    """What one full check spends in CPU beside what the target allows, for the table's notes."""
    host = "an unknown share" if figures.check_host_cpu_s is None else f"{figures.check_host_cpu_s:.3f} s"
    return (
        f"One full check costs {figures.check_client_cpu_s:.3f} CPU-s in the client (receiving, parsing, "
        f"who-needs-what) and {host} in the host, mostly one after the other; "
        f"5 x rtt_min_s allows {5 * figures.rtt_min_s:.3f} s"
    )
