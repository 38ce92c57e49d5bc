"""A whole-server check sends its paths as one string (-PathList), not one CLIXML element each.

A 20,000-site server asks for over 100,000 paths; as a string array each is serialised here,
then deserialised and bound on the host one by one. A path holding a line feed (no Win32 path
can: path-access.ps1 cites Microsoft's naming rules) sends the call as -Path instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bridge import operations
from bridge.connection import connection_settings
from bridge.lab.host import LabHost
from bridge.lab.simulator import SimulatedServer, demo_scenario_path
from bridge.psrp_transport import PsrpTransport
from bridge.session import HostSession
from tests.e2e.scenarios import HOSTILE_PATH, write_scenario

USER, PASSWORD = "lab", "s3cret!"


def _check_all(lab: LabHost) -> dict[str, object]:
    settings = connection_settings(
        "127.0.0.1", port=lab.port, scheme=lab.scheme, auth="ntlm", user=USER, password=PASSWORD
    )
    with HostSession(PsrpTransport(settings)) as session:
        assert operations.check_all(session)
    (record,) = [record for record in lab.records if record["operation"] == "path-access"]
    parameters: dict[str, object] = record["parameters"]
    return parameters


@pytest.fixture
def demo() -> Iterator[LabHost]:
    with LabHost(SimulatedServer.from_scenario(demo_scenario_path()), user=USER, password=PASSWORD) as host:
        yield host


def test_a_whole_server_check_sends_its_paths_as_one_string(demo: LabHost) -> None:
    parameters = _check_all(demo)
    assert set(parameters) == {"PathList"}
    listed = parameters["PathList"]
    assert isinstance(listed, str)
    paths = listed.split("\n")
    assert len(paths) > 10 and all(paths) and len(set(paths)) == len(paths)


def test_a_path_with_a_line_feed_sends_the_call_as_an_array(tmp_path: Path) -> None:
    with LabHost(
        SimulatedServer.from_scenario(write_scenario(tmp_path)), user=USER, password=PASSWORD
    ) as host:
        parameters = _check_all(host)
    assert set(parameters) == {"Path"}
    assert HOSTILE_PATH in parameters["Path"]  # type: ignore[operator]
