"""The lab endpoint under stress: vanished clients, many clients at once, clean stops, the ``lab`` command."""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pypsrp.powershell import PowerShell, RunspacePool
from pypsrp.wsman import WSMan

from bridge.lab.host import LabHost
from bridge.scripts import Operation, script_text
from tests.lab.conftest import PASSWORD, USER, WAIT, FakeBackend, client
from tests.lab.test_endpoint import run

ROOT = Path(__file__).resolve().parents[2]

VANISHING_CLIENT = """
import sys
from pypsrp.powershell import PowerShell, RunspacePool
from pypsrp.wsman import WSMan
from bridge.scripts import Operation, script_text

port, user, password = int(sys.argv[1]), sys.argv[2], sys.argv[3]
pool = RunspacePool(WSMan("127.0.0.1", port=port, username=user, password=password, auth="ntlm", ssl=False))
pool.open()
shell = PowerShell(pool)
shell.add_script(script_text(Operation.INVENTORY))
shell.begin_invoke()
print("invoked", flush=True)
shell.end_invoke()
"""


class Lines:
    """A subprocess's stdout lines, read on a thread so the test can wait on each with a timeout."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self._lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._pump, args=(process,), daemon=True).start()

    def _pump(self, process: subprocess.Popen[str]) -> None:
        assert process.stdout is not None
        for line in process.stdout:
            self._lines.put(line.strip())

    def next(self) -> str:
        return self._lines.get(timeout=WAIT)


def python(*args: str) -> tuple[subprocess.Popen[str], Lines]:
    process = subprocess.Popen(
        [sys.executable, *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    return process, Lines(process)


def test_a_client_killed_mid_pipeline_leaves_the_server_serving(backend: FakeBackend, lab: LabHost) -> None:
    backend.gate = threading.Event()
    process, lines = python("-c", VANISHING_CLIENT, str(lab.port), USER, PASSWORD)
    try:
        assert lines.next() == "invoked"
        assert backend.started.wait(WAIT)
    finally:
        process.kill()
        process.communicate(timeout=WAIT)
    backend.gate.set()
    with RunspacePool(client(lab)) as pool:
        assert json.loads(run(pool, Operation.INVENTORY).output[0])["operation"] == "inventory"


def test_many_clients_at_once(lab: LabHost) -> None:
    def session(auth: str) -> list[str]:
        with RunspacePool(client(lab, auth)) as pool:
            return [json.loads(run(pool, operation).output[0])["operation"] for operation in Operation]

    auths = ["ntlm", "negotiate", "basic"] * 3
    with ThreadPoolExecutor(max_workers=len(auths)) as workers:
        results = list(workers.map(session, auths))
    assert results == [[operation.value for operation in Operation]] * len(auths)
    assert len(lab.records) == len(auths) * len(Operation)


def test_stop_is_clean_while_a_receive_is_long_polling(backend: FakeBackend) -> None:
    backend.gate = threading.Event()
    host = LabHost(backend, user=USER, password=PASSWORD)
    host.start()
    pool = RunspacePool(client(host, "basic"))
    pool.open()
    shell = PowerShell(pool)
    shell.add_script(script_text(Operation.INVENTORY))
    shell.begin_invoke()
    assert backend.started.wait(WAIT)
    outcome: list[BaseException | None] = []
    polling = threading.Thread(target=_poll, args=(shell, outcome), daemon=True)
    polling.start()
    stopper = threading.Thread(target=host.stop)
    stopper.start()
    stopper.join(WAIT)
    assert not stopper.is_alive()
    polling.join(WAIT)
    assert not polling.is_alive()
    # The long-poll ended with the host: pypsrp saw an error, not output that never existed.
    assert outcome and outcome[0] is not None
    backend.gate.set()


def _poll(shell: PowerShell, outcome: list[BaseException | None]) -> None:
    try:
        shell.poll_invoke()
    except Exception as error:  # the host went away under the client, as the test intends
        outcome.append(error)
    else:
        outcome.append(None)


def _start_lab_command(folder: Path, *options: str) -> tuple[subprocess.Popen[str], Lines]:
    """Run ``iis-access lab`` on an empty scenario in ``folder`` with the lab's user and ``options``."""
    scenario = folder / "scenario"
    scenario.mkdir()
    (scenario / "applicationHost.config").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<configuration><system.applicationHost>'
        "<applicationPools/><sites/></system.applicationHost></configuration>\n",
        encoding="utf-8",
    )
    (scenario / "filesystem.json").write_text('{"paths": {}}', encoding="utf-8")
    return python(
        "-m",
        "gui.launcher",
        "lab",
        "--scenario",
        str(scenario),
        "--user",
        USER,
        "--password",
        PASSWORD,
        *options,
    )


def test_the_lab_command_serves_until_terminated(tmp_path: Path) -> None:
    record = tmp_path / "record.jsonl"
    process, lines = _start_lab_command(
        tmp_path, "--port", "0", "--auth", "basic,ntlm", "--record", str(record)
    )
    try:
        line = lines.next()
        assert line.startswith("listening on http://127.0.0.1:")
        assert line.endswith("/wsman")
        port = int(line.rsplit(":", 1)[1].split("/", 1)[0])
        with RunspacePool(_port_client(port)) as pool:
            shell = PowerShell(pool)
            shell.add_script("Get-Date").invoke()
            assert shell.had_errors
    finally:
        process.send_signal(signal.SIGTERM)
        _, errors = process.communicate(timeout=WAIT)
    assert process.returncode == 0, errors
    assert [json.loads(entry)["operation"] for entry in record.read_text(encoding="utf-8").splitlines()] == [
        None
    ]


def test_the_lab_command_prints_the_https_thumbprint(tmp_path: Path) -> None:
    process, lines = _start_lab_command(tmp_path, "--https")
    try:
        assert lines.next().startswith("listening on https://127.0.0.1:")
        thumbprint = lines.next().rsplit(" ", 1)[1]
        assert len(bytes.fromhex(thumbprint)) == 32
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=WAIT)
    assert process.returncode == 0


def _port_client(port: int) -> WSMan:
    return WSMan("127.0.0.1", port=port, username=USER, password=PASSWORD, auth="ntlm", ssl=False)
