"""The lab endpoint driven by pypsrp's unmodified client: every auth, every operation, PSRP's hard cases."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from psrpcore.types import ErrorCategory
from pypsrp.client import Client
from pypsrp.exceptions import AuthenticationError, WSManFaultError
from pypsrp.powershell import PowerShell, PSInvocationState, RunspacePool
from pypsrp.wsman import SelectorSet

from bridge.lab.backend import ScriptFailed
from bridge.lab.host import LabHost
from bridge.scripts import Operation, script_text
from tests.lab.conftest import PARAMETERS, PASSWORD, USER, WAIT, FakeBackend, client


def run(pool: RunspacePool, operation: Operation) -> PowerShell:
    shell = PowerShell(pool)
    shell.add_script(script_text(operation))
    if PARAMETERS[operation]:
        shell.add_parameters(PARAMETERS[operation])
    shell.invoke()
    return shell


@pytest.fixture(params=["basic", "ntlm", "negotiate", "https"])
def any_auth(request: pytest.FixtureRequest, backend: FakeBackend) -> Iterator[tuple[LabHost, str]]:
    https = request.param == "https"
    with LabHost(backend, user=USER, password=PASSWORD, https=https) as host:
        yield host, "negotiate" if https else request.param


def test_every_operation_script_runs_over_every_auth(any_auth: tuple[LabHost, str]) -> None:
    host, auth = any_auth
    with RunspacePool(client(host, auth)) as pool:
        for operation in Operation:
            shell = run(pool, operation)
            assert not shell.had_errors, shell.streams.error
            assert shell.state == PSInvocationState.COMPLETED
            assert [json.loads(line) for line in shell.output] == [
                {"operation": operation.value, "parameters": PARAMETERS[operation]}
            ]
    assert [(entry["operation"], entry["parameters"]) for entry in host.records] == [
        (operation.value, PARAMETERS[operation]) for operation in Operation
    ]


def test_https_exposes_a_pinnable_thumbprint(backend: FakeBackend) -> None:
    with LabHost(backend, user=USER, password=PASSWORD, https=True) as host:
        assert host.url == f"https://127.0.0.1:{host.port}/wsman"
        assert host.thumbprint is not None
        assert len(bytes.fromhex(host.thumbprint)) == 32


def test_ntlm_over_http_seals_every_message(lab: LabHost) -> None:
    connection = client(lab, "ntlm")
    with RunspacePool(connection) as pool:
        run(pool, Operation.INVENTORY)
        assert connection.transport.encryption is not None


def test_pypsrp_client_is_served_and_locked_down(lab: LabHost) -> None:
    # Client.execute_ps wraps the script in Invoke-Expression | Out-String: not exposed by a JEA endpoint.
    with Client(
        "127.0.0.1", port=lab.port, username=USER, password=PASSWORD, ssl=False, auth="ntlm"
    ) as remote:
        output, streams, had_errors = remote.execute_ps(script_text(Operation.INVENTORY))
    assert had_errors
    assert output == ""
    assert "'Invoke-Expression' is not recognized" in str(streams.error[0])
    assert lab.records == []


@pytest.mark.parametrize("auth", ["basic", "ntlm", "negotiate"])
def test_wrong_password_is_an_authentication_failure(lab: LabHost, auth: str) -> None:
    with pytest.raises(AuthenticationError), RunspacePool(client(lab, auth, password="wrong")):  # noqa: S106
        pass
    assert lab.records == []


def test_a_script_that_is_not_shipped_fails_like_jea(lab: LabHost) -> None:
    with RunspacePool(client(lab)) as pool:
        shell = PowerShell(pool)
        shell.add_script("Remove-Item C:\\ -Recurse").invoke()
        assert shell.had_errors
        assert shell.state == PSInvocationState.FAILED
        [error] = shell.streams.error
        assert error.fq_error == "CommandNotFoundException"
        assert error.category == ErrorCategory.ObjectNotFound.value
        assert "'Remove-Item C:\\ -Recurse' is not recognized as the name of a cmdlet" in str(error)
        assert not run(pool, Operation.INVENTORY).had_errors


def test_a_cmdlet_call_is_refused_too(lab: LabHost) -> None:
    with RunspacePool(client(lab)) as pool:
        shell = PowerShell(pool)
        shell.add_cmdlet("Get-ChildItem").add_parameter("Path", "C:\\").invoke()
        assert shell.state == PSInvocationState.FAILED
        assert "'Get-ChildItem' is not recognized" in str(shell.streams.error[0])


def test_a_failing_operation_fails_the_pipeline_with_its_error(backend: FakeBackend, lab: LabHost) -> None:
    backend.failure = ScriptFailed(
        "Access to the path 'C:\\inetpub' is denied.",
        error_id="UnauthorizedAccessException",
        category="PermissionDenied",
        target="C:\\inetpub",
    )
    with RunspacePool(client(lab)) as pool:
        shell = run(pool, Operation.GRANT)
    assert shell.state == PSInvocationState.FAILED
    [error] = shell.streams.error
    assert error.fq_error == "UnauthorizedAccessException"
    assert error.category == ErrorCategory.PermissionDenied.value
    assert str(error) == "Access to the path 'C:\\inetpub' is denied."


def test_two_megabyte_output_arrives_whole_over_many_receives(backend: FakeBackend, lab: LabHost) -> None:
    backend.output = json.dumps({"blob": "x" * (2 * 1024 * 1024)})
    connection = client(lab, "ntlm")
    receives = []
    send = connection.transport.send

    def counting_send(message: bytes, **options: Any) -> bytes:
        if b"/windows/shell/Receive</" in message:
            receives.append(message)
        return send(message, **options)

    connection.transport.send = counting_send
    with RunspacePool(connection) as pool:
        shell = run(pool, Operation.INVENTORY)
    assert shell.output == [backend.output]
    # One Receive answer holds at most MaxEnvelopeSize bytes, so 2 MB needs several of them.
    assert len(receives) > len(backend.output) // connection.max_envelope_size


def test_an_operation_slower_than_the_operation_timeout_still_delivers(
    backend: FakeBackend, lab: LabHost
) -> None:
    backend.gate = threading.Event()
    with RunspacePool(client(lab, operation_timeout=1)) as pool:
        shell = PowerShell(pool)
        shell.add_script(script_text(Operation.INVENTORY))
        shell.begin_invoke()
        assert backend.started.wait(WAIT)
        # Nothing is ready: the Receive ends in the WSMan TimedOut fault, which pypsrp retries.
        shell.poll_invoke()
        assert shell.state == PSInvocationState.RUNNING
        backend.gate.set()
        assert shell.end_invoke() == [json.dumps({"operation": "inventory", "parameters": {}})]


def test_the_timed_out_fault_carries_windows_code(backend: FakeBackend, lab: LabHost) -> None:
    backend.gate = threading.Event()
    with RunspacePool(client(lab, operation_timeout=1)) as pool:
        shell = PowerShell(pool)
        shell.add_script(script_text(Operation.INVENTORY))
        shell.begin_invoke()
        with pytest.raises(WSManFaultError) as fault:
            pool._receive(shell.id)
        assert fault.value.code == 2150858793
        backend.gate.set()
        shell.end_invoke()


def test_stop_signal_stops_a_running_pipeline_and_the_pool_goes_on(
    backend: FakeBackend, lab: LabHost
) -> None:
    backend.gate = threading.Event()
    with RunspacePool(client(lab)) as pool:
        shell = PowerShell(pool)
        shell.add_script(script_text(Operation.INVENTORY))
        shell.begin_invoke()
        assert backend.started.wait(WAIT)
        shell.stop()
        assert shell.state == PSInvocationState.STOPPED
        backend.gate.set()
        assert json.loads(run(pool, Operation.INVENTORY).output[0])["operation"] == "inventory"


def test_pipeline_input_is_read_before_the_script_runs(lab: LabHost) -> None:
    with RunspacePool(client(lab)) as pool:
        shell = PowerShell(pool)
        shell.add_script(script_text(Operation.INVENTORY))
        output = shell.invoke(["first", "second"])
    assert json.loads(output[0])["operation"] == "inventory"


def test_is_alive_sees_a_live_pool_and_a_deleted_one(lab: LabHost) -> None:
    pool = RunspacePool(client(lab))
    pool.open()
    assert pool.is_alive()
    shell_id = pool.shell.id
    pool.close()
    with pytest.raises(WSManFaultError) as fault:
        client(lab).get(
            "http://schemas.microsoft.com/wbem/wsman/1/windows/shell",
            selector_set=_shell_selector(shell_id),
        )
    assert fault.value.code == 2150858843


def test_record_file_gets_one_json_line_per_pipeline(backend: FakeBackend, tmp_path: Path) -> None:
    record = tmp_path / "pipelines.jsonl"
    with LabHost(backend, user=USER, password=PASSWORD, record=record) as host:
        with RunspacePool(client(host)) as pool:
            run(pool, Operation.GRANT)
            run(pool, Operation.PATH_ACCESS)
        lines = [json.loads(line) for line in record.read_text(encoding="utf-8").splitlines()]
        assert lines == host.records
    assert [(line["operation"], line["parameters"]) for line in lines] == [
        ("grant", PARAMETERS[Operation.GRANT]),
        ("path-access", PARAMETERS[Operation.PATH_ACCESS]),
    ]
    assert all(line["time"].endswith("+00:00") for line in lines)


def test_latency_is_added_without_breaking_the_protocol(backend: FakeBackend) -> None:
    with (
        LabHost(backend, user=USER, password=PASSWORD, latency_ms=20) as host,
        RunspacePool(client(host)) as pool,
    ):
        assert not run(pool, Operation.INVENTORY).had_errors


def _shell_selector(shell_id: str | None) -> SelectorSet:
    selectors = SelectorSet()
    selectors.add_option("ShellId", shell_id or "")
    return selectors
