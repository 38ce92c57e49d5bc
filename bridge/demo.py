"""The built-in demo host: the lab's simulated IIS server on loopback, for machines without IIS.

It listens on a free loopback port with a random password that never leaves
the process, so nothing else on the machine can use it; its state lives as
long as the process.
"""

from __future__ import annotations

import secrets
from types import TracebackType

from bridge.connection import Auth, ConnectionSettings, Scheme, connection_settings
from bridge.lab.host import LabHost
from bridge.lab.simulator import SimulatedServer, demo_scenario_path

DEMO_USER = "demo"
LOOPBACK = "127.0.0.1"
# One per process, not per host: the NTLM acceptor knows one password per user name
# in a process (see bridge.lab.auth), and two demo hosts may well run side by side.
_PASSWORD = secrets.token_urlsafe(24)


class DemoHost:
    def __init__(self) -> None:
        self._password = _PASSWORD
        self._lab = LabHost(
            SimulatedServer.from_scenario(demo_scenario_path()),
            user=DEMO_USER,
            password=self._password,
            auth=("ntlm",),
        )

    def start(self) -> ConnectionSettings:
        """Start listening; return the settings that reach the demo host."""
        self._lab.start()
        return self.settings()

    def settings(self) -> ConnectionSettings:
        # Plain HTTP is safe here: loopback only, and NTLM still encrypts every message.
        return connection_settings(
            LOOPBACK,
            port=self._lab.port,
            scheme=Scheme.HTTP,
            auth=Auth.NTLM,
            user=DEMO_USER,
            password=self._password,
        )

    def stop(self) -> None:
        self._lab.stop()

    def __enter__(self) -> ConnectionSettings:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
