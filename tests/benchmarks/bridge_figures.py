"""The bridge-side figures: round trips, the full check against the naive loop, reuse, many hosts."""

from __future__ import annotations

import statistics
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from bridge import operations
from bridge.lab.host import LabHost
from bridge.model import parse_path_access
from bridge.needs import CheckResult, check_target
from bridge.scripts import Operation
from bridge.session import HostSession
from tests.benchmarks.lab import LabHosts
from tests.benchmarks.timing import median_seconds, timed


@dataclass(frozen=True)
class BridgeFigures:
    rtt_min_s: float
    full_check_s: float
    full_check_roundtrips: int
    naive_check_s: float
    cold_op_s: float
    warm_op_s: float
    hosts: int
    parallel_check_s: float
    single_check_s: float


def naive_check(session: HostSession) -> list[CheckResult]:
    """The full check as a straightforward loop would do it: one path-access pipeline per target."""
    found = operations.inventory(session)
    results = []
    for target in found.targets():
        (access,) = parse_path_access(session.run(Operation.PATH_ACCESS, {"Path": [target.physical_path]}))
        pool = found.pool(target.application.application_pool)
        if pool is None:
            raise RuntimeError(f"{target.ref} names a pool the inventory does not have")
        results.append(check_target(target, pool, access))
    return results


def _one_folder(session: HostSession, folder: str) -> None:
    session.run(Operation.PATH_ACCESS, {"Path": [folder]})


def _roundtrips(host: LabHost, session: HostSession) -> int:
    before = len(host.records)
    operations.check_all(session)
    return len(host.records) - before


def _cold_op(lab: LabHosts, host: LabHost, folder: str) -> float:
    session = lab.session(host)
    try:
        return timed(lambda: _one_folder(session, folder))[1]
    finally:
        session.close()


def measure(lab: LabHosts, repeat: int) -> BridgeFigures:
    """Every bridge figure, measured side by side against ``lab``'s hosts (the first one alone, then all)."""
    first = lab.hosts[0]
    sessions = [lab.session(host) for host in lab.hosts]
    try:
        main = sessions[0]
        full = operations.check_all(main)
        if naive_check(main) != full:
            raise RuntimeError("the naive loop and check_all disagree; the comparison would be meaningless")
        folder = full[0].physical_path
        _, naive_seconds = timed(lambda: naive_check(main))
        for session in sessions[1:]:
            operations.check_all(session)
        single = median_seconds(lambda: operations.check_all(main), repeat)
        with ThreadPoolExecutor(max_workers=len(sessions), thread_name_prefix="bench-host") as pool:
            parallel = median_seconds(lambda: list(pool.map(operations.check_all, sessions)), repeat)
        return BridgeFigures(
            rtt_min_s=median_seconds(lambda: _one_folder(main, folder), repeat),
            full_check_s=median_seconds(lambda: operations.check_all(main), repeat),
            full_check_roundtrips=_roundtrips(first, main),
            naive_check_s=naive_seconds,
            cold_op_s=statistics.median(_cold_op(lab, first, folder) for _ in range(repeat)),
            warm_op_s=median_seconds(lambda: _one_folder(main, folder), repeat),
            hosts=len(sessions),
            parallel_check_s=parallel,
            single_check_s=single,
        )
    finally:
        for session in sessions:
            session.close()
