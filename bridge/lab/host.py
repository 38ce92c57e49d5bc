"""The lab host in-process: a WinRM/PSRP endpoint on loopback in front of a script backend.

Used by the tests, the GUI's demo mode, the CLI's default demo host and
``iis-access lab``::

    with LabHost(backend, user="lab", password="secret") as host:
        client = pypsrp.wsman.WSMan("127.0.0.1", port=host.port, ...)
"""

from __future__ import annotations

import datetime
import json
import logging
import threading
from collections.abc import Collection, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any

from bridge.lab.auth import NTLM_USERS, credentials
from bridge.lab.backend import ScriptBackend
from bridge.lab.http import EndpointSettings, LabHTTPServer
from bridge.lab.psrp import ParameterValue
from bridge.lab.tls import Certificate, self_signed
from bridge.lab.wsman import ShellService
from bridge.scripts import operation_for_script

log = logging.getLogger(__name__)

MACHINE_NAME = "127.0.0.1"


class LabHost:
    """A running (once started) lab endpoint; stop() closes every socket and joins every thread."""

    def __init__(
        self,
        backend: ScriptBackend,
        *,
        user: str,
        password: str,
        auth: Collection[str] = ("basic", "ntlm", "negotiate"),
        https: bool = False,
        latency_ms: int = 0,
        record: Path | None = None,
        bind: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        if latency_ms < 0:
            raise ValueError("latency_ms cannot be negative")
        self._backend = backend
        self._user = user
        self._password = password
        self._auth = tuple(auth)
        self._https = https
        self._latency_ms = latency_ms
        self._record_path = record
        self._bind = bind
        self._requested_port = port
        self._certificate: Certificate | None = None
        self._server: LabHTTPServer | None = None
        self._service: ShellService | None = None
        self._thread: threading.Thread | None = None
        self._records: list[dict[str, Any]] = []
        self._records_changed = threading.Condition()
        self._uses_ntlm = bool({"ntlm", "negotiate"} & {scheme.lower() for scheme in self._auth})

    def __enter__(self) -> LabHost:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def start(self) -> None:
        if self._server is not None:
            raise RuntimeError("the lab host is already running")
        self._certificate = self_signed(self._bind) if self._https else None
        settings = EndpointSettings(
            credentials=credentials(
                self._user,
                self._password,
                self._auth,
                channel_binding=self._certificate.channel_binding if self._certificate else None,
            ),
            https=self._https,
            latency_seconds=self._latency_ms / 1000,
            machine=MACHINE_NAME,
        )
        if self._uses_ntlm:
            NTLM_USERS.register(self._user, self._password)
        self._service = ShellService(self._backend, on_pipeline=self._on_pipeline, machine=MACHINE_NAME)
        try:
            self._server = LabHTTPServer(
                (self._bind, self._requested_port),
                self._service,
                settings,
                self._certificate.server_context() if self._certificate else None,
            )
        except Exception:
            if self._uses_ntlm:
                NTLM_USERS.unregister(self._user, self._password)
            raise
        self._thread = threading.Thread(target=self._server.serve_forever, name="lab-host-http", daemon=True)
        self._thread.start()
        log.info("lab host listening on %s", self.url)

    def stop(self) -> None:
        server, service, thread = self._server, self._service, self._thread
        if server is None or service is None or thread is None:
            return
        server.stopping.set()
        server.shutdown()
        service.close()
        server.close_connections()
        server.server_close()
        thread.join()
        if self._uses_ntlm:
            NTLM_USERS.unregister(self._user, self._password)
        self._server = self._service = self._thread = None

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("the lab host is not running")
        return int(self._server.server_address[1])

    @property
    def scheme(self) -> str:
        return "https" if self._https else "http"

    @property
    def url(self) -> str:
        return f"{self.scheme}://{self._bind}:{self.port}/wsman"

    @property
    def thumbprint(self) -> str | None:
        return self._certificate.thumbprint if self._certificate else None

    @property
    def records(self) -> list[dict[str, Any]]:
        """One dict per pipeline received, as written to ``record``; a copy, safe to keep."""
        with self._records_changed:
            return list(self._records)

    def wait_for_records(self, count: int, timeout: float) -> bool:
        """Block until at least ``count`` pipelines have arrived; False if the timeout passed first."""
        with self._records_changed:
            return self._records_changed.wait_for(lambda: len(self._records) >= count, timeout)

    def _on_pipeline(self, script: str, parameters: Mapping[str, ParameterValue]) -> None:
        operation = operation_for_script(script)
        entry: dict[str, Any] = {
            "time": datetime.datetime.now(datetime.timezone.utc).isoformat(),
            "operation": operation.value if operation else None,
            "parameters": dict(parameters),
        }
        with self._records_changed:
            self._records.append(entry)
            if self._record_path is not None:
                with self._record_path.open("a", encoding="utf-8") as record:
                    record.write(json.dumps(entry, ensure_ascii=False) + "\n")
            self._records_changed.notify_all()
