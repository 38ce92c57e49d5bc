"""The local transport, end to end against the stand-in for powershell.exe."""

from __future__ import annotations

import base64
import json
import subprocess
import threading
from pathlib import Path

import pytest

from bridge.errors import Cancelled, OperationTimeout, ScriptFailed, UnexpectedAnswer, Unreachable
from bridge.lab.standin import DELAY_VARIABLE, write_wrapper
from bridge.local_transport import BOOTSTRAP, ENCODED_BOOTSTRAP, LocalTransport, command_line, encode_request
from bridge.model import path_entries
from bridge.scripts import Operation, script_text
from tests.e2e.scenarios import HOSTILE_PATH, LOCKED, SHOP, write_scenario


@pytest.fixture
def scenario(tmp_path: Path) -> Path:
    return write_scenario(tmp_path / "scenario")


@pytest.fixture
def transport(tmp_path: Path, scenario: Path) -> LocalTransport:
    return LocalTransport(write_wrapper(tmp_path, scenario), operation_timeout=60)


def test_command_line_is_constant_and_carries_the_bootstrap_only() -> None:
    line = command_line("powershell.exe")
    # The command line issue 7 prescribes, written as an admin would type it.
    prescribed = "powershell.exe -NoLogo -NoProfile -NonInteractive -ExecutionPolicy Bypass -EncodedCommand"
    assert " ".join(line[:7]) == prescribed and len(line) == 8
    assert base64.b64decode(line[7]).decode("utf-16-le") == BOOTSTRAP
    assert "ConvertTo-Json" in BOOTSTRAP and "[Console]::OutputEncoding" in BOOTSTRAP


def test_request_is_ascii_and_round_trips_non_ascii_parameters() -> None:
    encoded = encode_request(Operation.PATH_ACCESS, {"Path": [HOSTILE_PATH]})
    assert encoded.isascii()
    request = json.loads(base64.b64decode(encoded).decode("utf-8"))
    assert request == {"script": script_text(Operation.PATH_ACCESS), "parameters": {"Path": [HOSTILE_PATH]}}


def test_inventory_through_the_stand_in(transport: LocalTransport) -> None:
    document = transport.run(Operation.INVENTORY, {})
    assert [site["name"] for site in document["sites"]] == ["Shop", "Hostile"]


def test_grant_persists_between_processes_and_hostile_paths_arrive_intact(transport: LocalTransport) -> None:
    before = path_entries(transport.run(Operation.PATH_ACCESS, {"Path": [HOSTILE_PATH]}))[0]
    assert before["exists"] and before["path"] == HOSTILE_PATH
    assert before["sddl"] == LOCKED[LOCKED.index("D:") :]
    changed = transport.run(
        Operation.GRANT,
        {"Path": HOSTILE_PATH, "Sid": "S-1-5-17", "Rights": "ReadAndExecute", "ExpectedSddl": before["sddl"]},
    )
    assert changed["status"] == "changed"
    # A new process reads the saved scenario.
    after = path_entries(transport.run(Operation.PATH_ACCESS, {"Path": [HOSTILE_PATH]}))[0]
    assert after["sddl"] == changed["after"] != before["sddl"]


def test_script_failure_carries_the_server_message(transport: LocalTransport) -> None:
    with pytest.raises(ScriptFailed) as caught:
        transport.run(
            Operation.GRANT,
            {"Path": SHOP + "\\missing", "Sid": "S-1-5-17", "Rights": "Modify", "ExpectedSddl": "D:"},
        )
    assert "missing" in caught.value.server_message


def test_stand_in_refuses_any_other_command_line(tmp_path: Path, scenario: Path) -> None:
    wrapper = write_wrapper(tmp_path, scenario)
    altered = [str(wrapper), "-NoProfile", "-EncodedCommand", ENCODED_BOOTSTRAP]
    refused = subprocess.run(altered, input=b"", capture_output=True, timeout=60, check=False)
    assert refused.returncode != 0 and b"refusing" in refused.stderr
    other = base64.b64encode("Get-Process".encode("utf-16-le")).decode()
    tampered = [*command_line(str(wrapper))[:-1], other]
    refused = subprocess.run(tampered, input=b"", capture_output=True, timeout=60, check=False)
    assert refused.returncode != 0 and b"refusing" in refused.stderr


def test_missing_executable_is_a_clear_failure(tmp_path: Path) -> None:
    with pytest.raises(Unreachable, match="cannot start Windows PowerShell"):
        LocalTransport(tmp_path / "nope").run(Operation.INVENTORY, {})


def test_garbage_output_is_an_unexpected_answer(tmp_path: Path) -> None:
    fake = tmp_path / "powershell"
    fake.write_text("#!/bin/sh\necho 'not json'\necho 'boom' >&2\nexit 3\n", encoding="utf-8")
    fake.chmod(0o755)
    with pytest.raises(UnexpectedAnswer, match="exit code 3: boom"):
        LocalTransport(fake).run(Operation.INVENTORY, {})


def test_an_error_powershell_writes_as_clixml_is_read_out(tmp_path: Path) -> None:
    clixml = (
        '#< CLIXML\\r\\n<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">'
        '<S S="Error">The term &apos;Get-Nope&apos; is not recognized_x000D__x000A_</S>'
        '<S S="Error">At line:1 char:1_x000D__x000A_</S></Objs>'
    )
    fake = tmp_path / "powershell"
    fake.write_text(f"#!/bin/sh\nprintf '%b' '{clixml}' >&2\nexit 1\n", encoding="utf-8")
    fake.chmod(0o755)
    with pytest.raises(UnexpectedAnswer, match=r"exit code 1: The term 'Get-Nope' is not recognized$"):
        LocalTransport(fake).run(Operation.INVENTORY, {})


def test_slow_process_is_killed_at_the_timeout(
    tmp_path: Path, scenario: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DELAY_VARIABLE, "30")
    transport = LocalTransport(write_wrapper(tmp_path, scenario), operation_timeout=1)
    with pytest.raises(OperationTimeout):
        transport.run(Operation.INVENTORY, {})


def test_cancel_kills_the_process(tmp_path: Path, scenario: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DELAY_VARIABLE, "30")
    transport = LocalTransport(write_wrapper(tmp_path, scenario), operation_timeout=60)
    cancel = threading.Event()
    outcome: list[BaseException] = []

    def run() -> None:
        try:
            transport.run(Operation.INVENTORY, {}, cancel)
        except Cancelled as exc:
            outcome.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    cancel.set()
    worker.join(30)
    assert not worker.is_alive()
    assert len(outcome) == 1
