"""The far end of the benchmarks: generated lab servers on loopback and sessions that reach them."""

from __future__ import annotations

import secrets
from contextlib import ExitStack
from pathlib import Path
from types import TracebackType

from bridge.connection import Auth, ConnectionSettings, Scheme, connection_settings
from bridge.lab.generate import generate_scenario
from bridge.lab.host import LabHost
from bridge.lab.simulator import SimulatedServer
from bridge.psrp_transport import PsrpTransport
from bridge.session import HostSession

USER = "bench"
LOOPBACK = "127.0.0.1"


def scenario(folder: Path, sites: int) -> Path:
    """A generated server with ``sites`` sites (each with an application and a virtual directory)."""
    return generate_scenario(folder, sites=sites, pools=300, seed=sites)


class LabHosts:
    """``count`` independent lab hosts serving the same scenario, NTLM-sealed HTTP on loopback.

    Each host has its own simulated server, so a grant on one never shows on another,
    as with separate machines.
    """

    def __init__(self, folder: Path, *, count: int, latency_ms: int) -> None:
        self.password = secrets.token_urlsafe(16)
        self.hosts = [
            LabHost(
                SimulatedServer.from_scenario(folder),
                user=USER,
                password=self.password,
                auth=("ntlm",),
                latency_ms=latency_ms,
            )
            for _ in range(count)
        ]
        self._stack = ExitStack()

    def __enter__(self) -> LabHosts:
        for host in self.hosts:
            self._stack.enter_context(host)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._stack.close()

    def settings(self, host: LabHost) -> ConnectionSettings:
        # Plain HTTP on loopback: NTLM still seals every message, as on a default WinRM listener.
        return connection_settings(
            LOOPBACK, port=host.port, scheme=Scheme.HTTP, auth=Auth.NTLM, user=USER, password=self.password
        )

    def session(self, host: LabHost) -> HostSession:
        """A new session to ``host``; it connects (and authenticates) on its first operation."""
        return HostSession(PsrpTransport(self.settings(host)))
