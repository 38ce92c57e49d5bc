"""Options and the hosts the conformance suite compares.

By default the reference and the subject are both lab hosts (the demo scenario served twice, and each
recording under tests/recordings against the lab), so the comparison code runs on every test run.
``--real-host HOST`` makes a real Windows server the reference: provision it from ``--real-scenario``
(tests/windows/provision.ps1) and the lab serves that scenario as the subject.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bridge.connection import connection_settings
from bridge.lab.backend import ScriptBackend
from bridge.lab.host import LabHost
from bridge.lab.replay import RecordedServer
from bridge.lab.simulator import SimulatedServer, demo_scenario_path
from bridge.local_transport import LocalTransport
from bridge.psrp_transport import PsrpTransport
from bridge.session import HostSession
from bridge.transport import Transport
from tests.recordings import recorded_scenario, recording_folders

LAB_USER, LAB_PASSWORD = "conformance", "Conformance'1"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("conformance", "the conformance suite against a real Windows server")
    group.addoption("--real-host", metavar="HOST", help="a Windows server with IIS to compare with the lab")
    group.addoption("--real-port", type=int, default=None, help="its WinRM port (default 5985 / 5986)")
    group.addoption("--real-transport", choices=["http", "https"], default="http")
    group.addoption("--real-auth", default="ntlm", help="negotiate, ntlm, kerberos, basic, credssp")
    group.addoption(
        "--real-user", help="an administrator on HOST; the password comes from IIS_ACCESS_PASSWORD"
    )
    group.addoption(
        "--real-no-verify-tls", action="store_true", help="with https: do not verify its certificate"
    )
    group.addoption(
        "--real-local",
        action="store_true",
        help="also compare through the local transport (run on HOST itself)",
    )
    group.addoption(
        "--real-scenario",
        type=Path,
        default=None,
        help="the lab scenario HOST was provisioned from (default: the shipped demo)",
    )


@dataclass(frozen=True)
class Pair:
    """Two ways to reach what should be the same server: the reference is believed, the subject tested."""

    name: str
    reference: str
    subject: ScriptBackend
    real: bool


def _pairs(config: pytest.Config) -> list[Pair]:
    host = config.getoption("--real-host")
    scenario = config.getoption("--real-scenario") or demo_scenario_path()
    if host:
        pairs = [Pair("real-psrp-vs-lab", "real-psrp", SimulatedServer.from_scenario(scenario), True)]
        if config.getoption("--real-local"):
            pairs.append(
                Pair("real-local-vs-lab", "real-local", SimulatedServer.from_scenario(scenario), True)
            )
        return pairs
    pairs = [Pair("lab-vs-lab", "lab", SimulatedServer.from_scenario(demo_scenario_path()), False)]
    for folder in recording_folders():
        source = recorded_scenario(folder)
        if source is not None:
            pairs.append(Pair(f"lab-vs-{folder.name}", f"lab:{source}", RecordedServer(folder), False))
    return pairs


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "pair" in metafunc.fixturenames:
        pairs = _pairs(metafunc.config)
        metafunc.parametrize("pair", pairs, ids=[pair.name for pair in pairs])


def _lab_session(backend: ScriptBackend) -> Iterator[HostSession]:
    with LabHost(backend, user=LAB_USER, password=LAB_PASSWORD, auth=("ntlm",)) as lab:
        settings = connection_settings(
            "127.0.0.1", port=lab.port, scheme="http", auth="ntlm", user=LAB_USER, password=LAB_PASSWORD
        )
        with HostSession(PsrpTransport(settings)) as session:
            yield session


def _real_transport(config: pytest.Config, local: bool) -> Transport:
    if local:
        return LocalTransport()
    return PsrpTransport(
        connection_settings(
            config.getoption("--real-host"),
            port=config.getoption("--real-port"),
            scheme=config.getoption("--real-transport"),
            auth=config.getoption("--real-auth"),
            user=config.getoption("--real-user"),
            password=os.environ.get("IIS_ACCESS_PASSWORD"),
            verify_tls=not config.getoption("--real-no-verify-tls"),
        )
    )


@pytest.fixture
def reference(pair: Pair, request: pytest.FixtureRequest) -> Iterator[HostSession]:
    if pair.real:
        with HostSession(_real_transport(request.config, pair.reference == "real-local")) as session:
            yield session
        return
    source = pair.reference.removeprefix("lab").removeprefix(":")
    backend = SimulatedServer.from_scenario(Path(source) if source else demo_scenario_path())
    yield from _lab_session(backend)


@pytest.fixture
def subject(pair: Pair) -> Iterator[HostSession]:
    yield from _lab_session(pair.subject)
