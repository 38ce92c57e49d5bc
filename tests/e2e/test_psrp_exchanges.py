"""What an operation costs on the wire with PsrpTransport: the first one opens the pool, later reads
are one Command and one Receive, and nothing of a finished pipeline stays with the client."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from requests.adapters import HTTPAdapter

from bridge.connection import connection_settings
from bridge.lab.host import LabHost
from bridge.lab.simulator import SimulatedServer
from bridge.psrp_transport import PsrpTransport
from bridge.scripts import Operation
from tests.e2e.scenarios import write_scenario

USER, PASSWORD = "lab", "s3cret!"
FOLDER = "C:\\inetpub\\wwwroot"


@pytest.fixture
def transport(tmp_path: Path) -> Iterator[PsrpTransport]:
    with LabHost(
        SimulatedServer.from_scenario(write_scenario(tmp_path)), user=USER, password=PASSWORD
    ) as host:
        settings = connection_settings(
            "127.0.0.1", port=host.port, scheme=host.scheme, auth="ntlm", user=USER, password=PASSWORD
        )
        transport = PsrpTransport(settings)
        try:
            yield transport
        finally:
            transport.close()


@pytest.fixture
def exchanges(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The HTTP requests the client sends, as they leave."""
    sent: list[str] = []
    send = HTTPAdapter.send

    def counting(adapter: HTTPAdapter, request: Any, *args: Any, **kwargs: Any) -> Any:
        sent.append(request.method)
        return send(adapter, request, *args, **kwargs)

    monkeypatch.setattr(HTTPAdapter, "send", counting)
    return sent


def test_a_warm_read_is_one_command_and_one_receive(transport: PsrpTransport, exchanges: list[str]) -> None:
    transport.run(Operation.PATH_ACCESS, {"Path": [FOLDER]})
    # Authentication (negotiate, challenge-response), shell creation, pool opening, command, receive.
    cold = len(exchanges)
    assert cold >= 5
    for _ in range(3):
        before = len(exchanges)
        answer = transport.run(Operation.PATH_ACCESS, {"Path": [FOLDER]})
        assert answer["paths"][0]["path"] == FOLDER
        assert len(exchanges) - before == 2


def test_finished_pipelines_are_not_kept(transport: PsrpTransport) -> None:
    for _ in range(3):
        transport.run(Operation.PATH_ACCESS, {"Path": [FOLDER]})
    pool = transport._pool
    assert pool is not None
    assert pool.pipelines == {}
