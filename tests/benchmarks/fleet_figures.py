"""Several hosts in one run, as the CLI's fleet commands and the app's "Check all hosts" make it:
three hosts checked at once against one alone, over a slow link.

Each run is what ``iis-access --host A --host B --host C check --all`` does per host, through the
same runner (``bridge.fleet.run_on_hosts``): a session of its own, connected afresh, and the whole
check. With the hosts in flight at once the three take about as long as one; the latency is set
where a WAN link to a server room puts it, so waiting, not CPU, is what is measured.
"""

from __future__ import annotations

from dataclasses import dataclass

from bridge import operations
from bridge.fleet import run_on_hosts
from tests.benchmarks.lab import LabProcesses
from tests.benchmarks.timing import median_seconds

FLEET_HOSTS = 3
FLEET_LATENCY_MS = 300


@dataclass(frozen=True)
class FleetFigures:
    fleet_hosts: int
    fleet_latency_ms: int
    fleet_one_host_s: float
    fleet_all_hosts_s: float


def _fleet_run(lab: LabProcesses, hosts: list[int]) -> None:
    def check(index: int) -> None:
        with lab.session(index) as session:
            operations.check_all(session)

    for outcome in run_on_hosts(hosts, check):
        if outcome.error is not None:
            raise RuntimeError(f"lab host {outcome.item} failed: {outcome.error.message}")


def measure(lab: LabProcesses, latency_ms: int, repeat: int) -> FleetFigures:
    """The fleet run on the first host alone, then on all of ``lab``'s hosts (the median of each)."""
    everyone = list(range(lab.count))
    return FleetFigures(
        fleet_hosts=lab.count,
        fleet_latency_ms=latency_ms,
        fleet_one_host_s=median_seconds(lambda: _fleet_run(lab, everyone[:1]), repeat),
        fleet_all_hosts_s=median_seconds(lambda: _fleet_run(lab, everyone), repeat),
    )
