"""Subfolders are listed for the one folder whose details are shown, never for a whole-server check.

On Windows, listing a folder reads its whole directory: a check of 1,000 sites would
read 3,000 of them for a combo box that shows one folder's subfolders at a time.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bridge import operations
from bridge.connection import connection_settings
from bridge.lab.host import LabHost
from bridge.lab.simulator import SimulatedServer
from bridge.psrp_transport import PsrpTransport
from bridge.session import HostSession
from tests.e2e.scenarios import HOSTILE_PATH, HOSTILE_SUBPATH, SHOP, write_scenario

USER, PASSWORD = "lab", "s3cret!"


@pytest.fixture
def lab(tmp_path: Path) -> Iterator[LabHost]:
    with LabHost(
        SimulatedServer.from_scenario(write_scenario(tmp_path)), user=USER, password=PASSWORD
    ) as host:
        yield host


@pytest.fixture
def session(lab: LabHost) -> Iterator[HostSession]:
    settings = connection_settings(
        "127.0.0.1", port=lab.port, scheme=lab.scheme, auth="ntlm", user=USER, password=PASSWORD
    )
    with HostSession(PsrpTransport(settings)) as opened:
        yield opened


def test_a_whole_server_check_asks_for_no_subfolders(lab: LabHost, session: HostSession) -> None:
    checks = operations.check_all(session)
    assert len(checks) == 3
    (record,) = [record for record in lab.records if record["operation"] == "path-access"]
    assert set(record["parameters"]) == {"Path"}


def test_the_details_of_one_folder_list_its_subfolders(lab: LabHost, session: HostSession) -> None:
    shop = operations.folder_access(session, SHOP)
    # Files are not subfolders: web.config stays out.
    assert shop.children is not None and sorted(shop.children) == ["private", "uploads"]
    hostile = operations.folder_access(session, HOSTILE_PATH)
    assert hostile.children == (HOSTILE_SUBPATH,)
    assert [record["parameters"]["Subfolders"] for record in lab.records] == [True, True]


def test_a_folder_that_is_not_there_lists_nothing(session: HostSession) -> None:
    missing = operations.folder_access(session, SHOP + "\\nowhere")
    assert not missing.exists
    assert missing.children is None
