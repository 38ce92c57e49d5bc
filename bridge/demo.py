"""The built-in demo host: the lab's simulated IIS server on loopback, for machines without IIS.

It listens on a free loopback port with a random password that never leaves
the process, so nothing else on the machine can use it. Its state (what grants
and undos changed) is kept in the user's data folder, so the demo behaves like a
server across CLI runs and app restarts (see ``bridge.demo_state``); a demo made
with ``saved=False`` (screenshots) starts as shipped and forgets on exit.
"""

from __future__ import annotations

import secrets
from types import TracebackType

from bridge.connection import Auth, ConnectionSettings, Scheme, connection_settings
from bridge.demo_state import SavedDemo, state_path
from bridge.lab.backend import ScriptBackend
from bridge.lab.host import LabHost
from bridge.lab.simulator import SimulatedServer, demo_scenario_path

DEMO_USER = "demo"
# How history, messages and output name the demo: its port changes with every start, and it must
# never be taken for a lab or a real host on 127.0.0.1 (a host name cannot hold a space).
DEMO_LABEL = "Demo lab"
LOOPBACK = "127.0.0.1"
# One per process, not per host: the NTLM acceptor knows one password per user name
# in a process (see bridge.lab.auth), and two demo hosts may well run side by side.
_PASSWORD = secrets.token_urlsafe(24)


class DemoHost:
    def __init__(self, *, saved: bool = True) -> None:
        self._password = _PASSWORD
        backend: ScriptBackend
        if saved:
            backend = SavedDemo(demo_scenario_path(), state_path())
            # The first use of the demo (or the first after a reset): the CLI says once what it is.
            self.first_use = backend.first_use
        else:
            backend = SimulatedServer.from_scenario(demo_scenario_path())
            self.first_use = False
        self._lab = LabHost(
            backend,
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
