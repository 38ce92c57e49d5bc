"""Every CLI failure ends in one clear message and a documented exit code; --json always prints one
document; a defect is one sentence naming the log file, never a traceback."""

from __future__ import annotations

import json
import socket
import sys
from pathlib import Path

import pytest

from bridge import commands, logfile
from bridge.credentials import password_for
from bridge.history import History


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("IIS_ACCESS_DATA_DIR", str(tmp_path / "data"))
    log = tmp_path / "logs" / "iis-access.log"
    monkeypatch.setattr(logfile, "log_file", lambda: log)
    return log


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def test_a_defect_exits_5_with_one_sentence_naming_the_log(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], _isolated: Path
) -> None:
    def broken(self: History) -> list[object]:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(History, "records", broken)
    assert commands.main(["history"]) == 5
    shown = capsys.readouterr()
    assert "Traceback" not in shown.err
    first = shown.err.splitlines()[0]
    assert first.startswith("IIS Access failed unexpectedly (ZeroDivisionError)") and str(_isolated) in first
    assert "Traceback" in _isolated.read_text(encoding="utf-8")
    assert "ZeroDivisionError: division by zero" in _isolated.read_text(encoding="utf-8")


def test_a_defect_with_json_is_an_error_document(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(History, "records", lambda self: 1 / 0)
    assert commands.main(["history", "--json"]) == 5
    document = json.loads(capsys.readouterr().out)
    assert set(document["error"]) >= {"kind", "message", "hint", "exitCode"}
    assert (document["error"]["kind"], document["error"]["exitCode"]) == ("InternalError", 5)


@pytest.mark.parametrize("arguments", [["--json", "check"], ["check", "--json", "--bogus"]])
def test_usage_errors_with_json_are_one_error_document(
    arguments: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert commands.main(arguments) == 2
    document = json.loads(capsys.readouterr().out)
    assert document["error"]["exitCode"] == 2 and document["error"]["message"]


def test_without_json_stdout_stays_empty_on_failure(capsys: pytest.CaptureFixture[str]) -> None:
    assert commands.main(["check"]) == 2
    assert capsys.readouterr().out == ""


def test_no_verify_tls_warns_on_stderr_every_time(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("IIS_ACCESS_PASSWORD", "x")
    options = ["--host", "127.0.0.1", "--port", str(_closed_port()), "--auth", "ntlm", "--user", "u"]
    for _ in range(2):
        assert commands.main([*options, "--no-verify-tls", "sites"]) == 4
        assert "certificate is NOT checked" in capsys.readouterr().err
    commands.main([*options, "sites"])
    assert "NOT checked" not in capsys.readouterr().err


def test_kerberos_without_its_library_is_a_local_usage_error_naming_the_extras(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A None entry makes `import gssapi` fail as it does where the library is not installed.
    monkeypatch.setitem(sys.modules, "gssapi", None)
    options = ["--host", "127.0.0.1", "--port", str(_closed_port()), "--transport", "http"]
    assert commands.main([*options, "--auth", "kerberos", "sites", "--json"]) == 2
    error = json.loads(capsys.readouterr().out)["error"]
    assert error["kind"] == "KerberosLibraryMissing"
    assert "gssapi" in error["message"] and "pypsrp[kerberos]" in error["hint"]


def test_ctrl_d_at_the_password_prompt_is_no_password(capsys: pytest.CaptureFixture[str]) -> None:
    def end_of_input(prompt: str) -> str:
        raise EOFError

    assert password_for("admin", "web01", prompt=end_of_input, interactive=True) is None
