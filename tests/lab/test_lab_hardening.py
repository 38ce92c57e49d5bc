"""The lab under hostile input and abuse: a garbage NTLM token, a failing PSRP layer, 200 clients
connecting at once, a password kept out of the process list, a killed lab's NT-hash file."""

from __future__ import annotations

import base64
import os
import signal
import socket
import struct
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from pypsrp.exceptions import WSManFaultError
from pypsrp.powershell import RunspacePool

from bridge.lab import auth
from bridge.lab.host import LabHost
from bridge.lab.serve import PASSWORD_VARIABLE
from bridge.lab.wsman import ShellService
from tests.lab.conftest import PASSWORD, USER, WAIT, FakeBackend, client, raw_post
from tests.lab.test_endpoint_robustness import ROOT, Lines

# A SPNEGO token on which pyspnego's ASN.1 reader raises StopIteration (found by fuzzing), which
# the lab used to answer with an empty 500; the others are garbage it reads as errors.
BROKEN_SPNEGO = bytes.fromhex("a19733af32b9721430f473e9714fbb1ed1c94976300db279bb100c58491980358e5c7149")
GARBAGE_NTLM = b"NTLMSSP\x00" + struct.pack("<I", 3) + b"\xff" * 8


@pytest.mark.parametrize(
    "token",
    [BROKEN_SPNEGO, GARBAGE_NTLM, b"NTLMSSP\x00", b"\x60\x82\xff\xff"],
    ids=["stop-iteration", "authenticate", "short", "asn1"],
)
def test_a_garbage_ntlm_token_is_answered_401(lab: LabHost, token: bytes) -> None:
    header = "Negotiate " + base64.b64encode(token).decode()
    status, _, response = raw_post(lab, b"<x/>", headers={"Authorization": header})
    assert status == 401
    assert "Negotiate" in response.headers.get_all("WWW-Authenticate", [])


def test_a_failure_inside_the_psrp_layer_is_a_sealed_wsman_fault(
    lab: LabHost, monkeypatch: pytest.MonkeyPatch
) -> None:
    import psrpcore  # noqa: PLC0415 - the error type the lab's PSRP layer raises

    def broken(self: ShellService, *args: object) -> bytes:
        raise psrpcore.PSRPCoreError("unknown message type 0xdeadbeef")

    monkeypatch.setattr(ShellService, "handle", broken)
    # NTLM over HTTP: every request is sealed, so an unsealed 500 would be taken for tampering.
    with pytest.raises(WSManFaultError) as caught:
        RunspacePool(client(lab, "ntlm")).open()
    assert "internal error" in str(caught.value.reason)


def test_two_hundred_clients_connecting_at_once_are_all_answered(lab: LabHost) -> None:
    def one(_: int) -> int:
        # Every connection is made before any is answered: the listen backlog must hold them all.
        with socket.create_connection(("127.0.0.1", lab.port), timeout=WAIT) as connection:
            connection.sendall(b"POST /wsman HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
            return int(connection.recv(64).split(b" ")[1])

    with ThreadPoolExecutor(200) as pool:
        assert set(pool.map(one, range(200))) == {401}


def test_the_listen_backlog_holds_two_hundred_pending_connections(lab: LabHost) -> None:
    from bridge.lab.http import LabHTTPServer  # noqa: PLC0415

    assert LabHTTPServer.request_queue_size >= 200


def _lab_command(tmp_path: Path, env: dict[str, str], *options: str) -> tuple[subprocess.Popen[str], Lines]:
    scenario = tmp_path / "scenario"
    scenario.mkdir(parents=True, exist_ok=True)
    (scenario / "applicationHost.config").write_text(
        "<configuration><system.applicationHost><applicationPools/><sites/></system.applicationHost>"
        "</configuration>",
        encoding="utf-8",
    )
    (scenario / "filesystem.json").write_text('{"paths": {}}', encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "gui.launcher", "lab", "--scenario", str(scenario), "--user", USER, *options],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), **env},
    )
    return process, Lines(process)


def _port(lines: Lines) -> int:
    return int(lines.next().rsplit(":", 1)[1].split("/", 1)[0])


def _signs_in(port: int, password: str = PASSWORD) -> bool:
    from bridge import operations  # noqa: PLC0415
    from bridge.connection import connection_settings  # noqa: PLC0415
    from bridge.psrp_transport import PsrpTransport  # noqa: PLC0415
    from bridge.session import HostSession  # noqa: PLC0415

    settings = connection_settings(
        "127.0.0.1", port=port, scheme="http", auth="ntlm", user=USER, password=password
    )
    with HostSession(PsrpTransport(settings)) as session:
        operations.inventory(session)
    return True


@pytest.mark.parametrize("source", ["environment", "file"])
def test_the_lab_reads_its_password_where_ps_cannot_show_it(tmp_path: Path, source: str) -> None:
    secret = tmp_path / "password.txt"
    secret.write_text(PASSWORD + "\n", encoding="utf-8")
    env, options = (
        ({PASSWORD_VARIABLE: PASSWORD}, ())
        if source == "environment"
        else ({}, ("--password-file", str(secret)))
    )
    process, lines = _lab_command(tmp_path, env, *options)
    try:
        port = _port(lines)
        command_line = Path(f"/proc/{process.pid}/cmdline").read_bytes()
        assert PASSWORD.encode() not in command_line
        assert _signs_in(port)
    finally:
        process.send_signal(signal.SIGTERM)
        process.communicate(timeout=WAIT)
    assert process.returncode == 0


def test_the_lab_without_a_password_says_where_to_give_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(PASSWORD_VARIABLE, raising=False)
    process, _ = _lab_command(tmp_path, {})
    _, errors = process.communicate(timeout=WAIT)
    assert process.returncode == 2 and PASSWORD_VARIABLE in errors


def test_a_killed_lab_leaves_its_nt_hash_file_only_until_the_next_lab_starts(tmp_path: Path) -> None:
    killed, lines = _lab_command(tmp_path / "a", {PASSWORD_VARIABLE: PASSWORD})
    _port(lines)
    left = auth.ntlm_directory() / f"ntlm-{killed.pid}.txt"
    assert left.exists()
    assert (left.stat().st_mode & 0o077, auth.ntlm_directory().stat().st_mode & 0o077) == (0, 0)
    killed.kill()
    killed.communicate(timeout=WAIT)
    assert left.exists(), "a killed process cannot clean up after itself"

    with LabHost(FakeBackend(), user=USER, password=PASSWORD, auth=("ntlm",)):
        assert not left.exists()


def test_starting_a_lab_removes_only_the_files_of_dead_processes() -> None:
    folder = auth.ntlm_directory()
    folder.mkdir(mode=0o700, exist_ok=True)
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True
    )
    dead_pid = int(dead.stdout)
    alive_pid = os.getppid()
    files = {
        "dead": folder / f"ntlm-{dead_pid}.txt",
        "dead-writing": folder / f"writing-{dead_pid}-abc.txt",
        # Another lab, still running, in the middle of replacing its file.
        "alive-writing": folder / f"writing-{alive_pid}-xyz.txt",
        "alive": folder / f"ntlm-{alive_pid}.txt",
    }
    for path in files.values():
        path.write_text("x", encoding="utf-8")
    try:
        with LabHost(FakeBackend(), user=USER, password=PASSWORD, auth=("ntlm",)):
            assert {name for name, path in files.items() if path.exists()} == {"alive-writing", "alive"}
    finally:
        for path in files.values():
            path.unlink(missing_ok=True)


def test_a_lab_started_beside_a_running_one_still_removes_the_files_of_dead_processes() -> None:
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True
    )
    with LabHost(FakeBackend(), user=USER, password=PASSWORD, auth=("ntlm",)):
        left = auth.ntlm_directory() / f"ntlm-{int(dead.stdout)}.txt"
        left.write_text("x", encoding="utf-8")
        with LabHost(FakeBackend(), user=USER, password=PASSWORD, auth=("ntlm",)):
            assert not left.exists()
