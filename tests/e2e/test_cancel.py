"""Cancelling a running operation stops it on the host and leaves the session usable."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bridge import operations
from bridge.connection import connection_settings
from bridge.errors import Cancelled
from bridge.lab.host import LabHost
from bridge.lab.simulator import SimulatedServer
from bridge.psrp_transport import PsrpTransport
from bridge.session import HostSession
from tests.e2e.scenarios import write_scenario

USER, PASSWORD = "lab", "s3cret!"


def test_cancel_stops_a_running_check_and_the_session_goes_on(tmp_path: Path) -> None:
    server = SimulatedServer.from_scenario(write_scenario(tmp_path / "scenario"), operation_delay_s=60)
    with LabHost(server, user=USER, password=PASSWORD) as host:
        settings = connection_settings(
            "127.0.0.1", port=host.port, scheme=host.scheme, auth="ntlm", user=USER, password=PASSWORD
        )
        with HostSession(PsrpTransport(settings)) as session, ThreadPoolExecutor(1) as pool:
            cancel = threading.Event()
            running = pool.submit(operations.check_all, session, cancel)
            assert host.wait_for_records(1, timeout=30), "the inventory never arrived"
            cancel.set()
            with pytest.raises(Cancelled):
                running.result(timeout=30)

            server.operation_delay_s = 0
            assert operations.inventory(session).sites
            assert [record["operation"] for record in host.records] == ["inventory", "inventory"]
