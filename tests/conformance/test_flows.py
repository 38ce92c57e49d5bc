"""The CLI's flows against the host under test: check, grant, undo, and an undo refused as stale.

By default the host is a lab serving the demo scenario; with ``--real-host`` it is the real server
(provisioned from the demo scenario, whose "O'Brien Bakery" lacks read access for IUSR).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bridge.lab.host import LabHost
from bridge.lab.simulator import SimulatedServer, demo_scenario_path
from tests.conformance.conftest import LAB_PASSWORD, LAB_USER
from tests.e2e.lab import Result, run_cli

TARGET = "O'Brien Bakery"


@pytest.fixture
def host_options(request: pytest.FixtureRequest) -> Iterator[tuple[list[str], str | None]]:
    """The connection options of the host under test and the password to give them."""
    config = request.config
    host = config.getoption("--real-host")
    if host:
        options = ["--host", host, "--transport", config.getoption("--real-transport")]
        options += ["--auth", config.getoption("--real-auth"), "--user", config.getoption("--real-user")]
        if config.getoption("--real-port"):
            options += ["--port", str(config.getoption("--real-port"))]
        if config.getoption("--real-no-verify-tls"):
            options.append("--no-verify-tls")
        yield options, None
        return
    with LabHost(
        SimulatedServer.from_scenario(demo_scenario_path()),
        user=LAB_USER,
        password=LAB_PASSWORD,
        auth=("ntlm",),
    ) as lab:
        options = ["--host", "127.0.0.1", "--port", str(lab.port), "--transport", "http", "--auth", "ntlm"]
        yield [*options, "--user", LAB_USER], LAB_PASSWORD


def test_check_grant_undo_and_a_stale_undo(
    host_options: tuple[list[str], str | None], tmp_path: Path
) -> None:
    options, password = host_options

    def cli(*arguments: str) -> Result:
        if password is None:
            return run_cli([*options, *arguments], tmp_path)  # IIS_ACCESS_PASSWORD from the environment
        return run_cli([*options, *arguments], tmp_path, password=password)

    audit = cli("check", "--all", "--json")
    assert audit.code == 1, audit.stderr  # check exits 1 when a requirement is missing (issue 14)
    bakery = next(item for item in audit.json() if item["target"] == TARGET)
    assert bakery["status"] == "missing"

    granted = cli("grant", "iusr-read", TARGET, "--yes", "--json")
    assert granted.code == 0, granted.stderr
    assert granted.json()["changed"] is True
    after = cli("check", TARGET, "--json").json()
    assert next(item["ok"] for item in after["requirements"] if item["sid"] == "S-1-5-17") is True
    undone = cli("undo", granted.json()["changeId"], "--yes", "--json")
    assert undone.code == 0, undone.stderr
    assert cli("check", TARGET, "--json").json() == bakery

    again = cli("grant", "iusr-read", TARGET, "--yes", "--json").json()
    # Another change to the same folder since: undoing the first would lose it, so it is refused.
    other = cli("grant", "pool-modify", TARGET, "--yes", "--json")
    assert other.code == 0, other.stderr
    stale = cli("undo", again["changeId"], "--yes")
    assert stale.code == 3
    assert "changed since it was read" in stale.stderr
    assert cli("undo", other.json()["changeId"], "--yes").code == 0
    assert cli("undo", again["changeId"], "--yes").code == 0
    assert cli("check", TARGET, "--json").json() == bakery
