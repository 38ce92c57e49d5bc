"""The far end of the benchmarks: generated lab servers on loopback and sessions that reach them."""

from __future__ import annotations

import os
import queue
import secrets
import subprocess
import sys
import threading
from contextlib import ExitStack
from pathlib import Path
from types import TracebackType
from typing import IO

from bridge.connection import Auth, ConnectionSettings, Scheme, connection_settings
from bridge.lab.generate import generate_scenario
from bridge.lab.host import LabHost
from bridge.lab.simulator import SimulatedServer
from bridge.psrp_transport import PsrpTransport
from bridge.session import HostSession

USER = "bench"
LOOPBACK = "127.0.0.1"
# A lab process loads its scenario before it listens: a 1,000-site server takes about a second,
# a 20,000-site one about 20 CPU-seconds, which on a busy 2-core machine took over a minute.
START_TIMEOUT_S = 600
STOP_TIMEOUT_S = 10
LISTENING = "listening on "


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


class LabProcesses:
    """``count`` lab hosts serving the same scenario, each in its own ``iis-access lab`` process.

    Out of the client's process, the servers neither share its GIL nor each other's, as separate
    machines would not; each one's ``--record`` file tells how many pipelines it received.
    """

    def __init__(self, folder: Path, scratch: Path, *, count: int, latency_ms: int) -> None:
        self.password = secrets.token_urlsafe(16)
        self._folder = folder
        self._latency_ms = latency_ms
        self._records = [scratch / f"host-{index}.jsonl" for index in range(count)]
        self._processes: list[subprocess.Popen[str]] = []
        self.ports: list[int] = []

    def __enter__(self) -> LabProcesses:
        try:
            self._processes = [self._start(record) for record in self._records]
            started = zip(self._processes, self._records, strict=True)
            self.ports = [self._port(process, record) for process, record in started]
        except BaseException:
            self._stop()
            raise
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._stop()

    @property
    def count(self) -> int:
        return len(self._records)

    def session(self, index: int) -> HostSession:
        """A new session to host ``index``; it connects (and authenticates) on its first operation."""
        settings = connection_settings(
            LOOPBACK,
            port=self.ports[index],
            scheme=Scheme.HTTP,
            auth=Auth.NTLM,
            user=USER,
            password=self.password,
        )
        return HostSession(PsrpTransport(settings))

    def pipelines(self, index: int) -> int:
        """How many pipelines host ``index`` has received, from its record."""
        if not self._records[index].exists():
            return 0
        with self._records[index].open(encoding="utf-8") as record:
            return sum(1 for _ in record)

    def cpu_seconds(self, index: int) -> float | None:
        """CPU time host ``index``'s process has used so far, where the OS tells (Linux /proc)."""
        try:
            fields = Path(f"/proc/{self._processes[index].pid}/stat").read_text().rpartition(")")[2].split()
        except OSError:
            return None
        # utime and stime: fields 14 and 15 of stat(5), counted after the parenthesised name.
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def _start(self, record: Path) -> subprocess.Popen[str]:
        command = [
            sys.executable,
            "-m",
            "gui.launcher",
            "lab",
            f"--scenario={self._folder}",
            "--port=0",
            f"--user={USER}",
            f"--password={self.password}",
            "--auth=ntlm",
            f"--latency-ms={self._latency_ms}",
            f"--record={record}",
        ]
        # stderr goes to a file: a pipe nobody reads during the run could fill and stall the server.
        with record.with_suffix(".log").open("w", encoding="utf-8") as log:
            return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=log, text=True, encoding="utf-8")

    def _port(self, process: subprocess.Popen[str], record: Path) -> int:
        assert process.stdout is not None
        lines: queue.Queue[str] = queue.Queue()
        # A pipe cannot be read with a timeout everywhere; a reader thread can be waited on.
        threading.Thread(target=_first_line, args=(process.stdout, lines), daemon=True).start()
        try:
            line = lines.get(timeout=START_TIMEOUT_S)
        except queue.Empty:
            raise RuntimeError(f"the lab process did not listen within {START_TIMEOUT_S} s") from None
        if not line.startswith(LISTENING):
            process.wait(timeout=STOP_TIMEOUT_S)
            error = record.with_suffix(".log").read_text(encoding="utf-8")
            raise RuntimeError(f"the lab process did not start: {line.strip() or error.strip()}")
        return int(line.strip().rsplit(":", 1)[1].split("/", 1)[0])

    def _stop(self) -> None:
        for process in self._processes:
            process.terminate()
        for process in self._processes:
            try:
                process.wait(timeout=STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=STOP_TIMEOUT_S)
            if process.stdout is not None:
                process.stdout.close()
        self._processes = []


def _first_line(stream: IO[str], lines: queue.Queue[str]) -> None:
    lines.put(stream.readline())
