"""Every failure the bridge meets becomes one typed error, produced here by real faults against the lab."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from bridge.commands import TARGET_OR_ALL, UsageError
from bridge.connection import NOT_A_PORT, ConnectionSettings, InvalidSettings, connection_settings
from bridge.errors import (
    EXIT_CONNECT,
    EXIT_FAILED,
    EXIT_USAGE,
    AuthenticationFailed,
    BridgeError,
    Cancelled,
    CertificateNotTrusted,
    NotElevated,
    OperationTimeout,
    ScriptFailed,
    UnexpectedAnswer,
    Unreachable,
    UsageFailure,
    WinRMNotListening,
    script_failure,
)
from bridge.history import UnknownChange
from bridge.lab.host import LabHost
from bridge.lab.simulator import SimulatedServer
from bridge.operations import InvalidRequest, UnknownTargetError
from bridge.plans import NOT_BELOW
from bridge.psrp_errors import translate_exception
from bridge.psrp_transport import PsrpTransport
from bridge.scripts import Operation
from tests.e2e.scenarios import SHOP, write_scenario

USER, PASSWORD, WRONG = "lab", "s3cret!", "wrong-password"


@pytest.fixture
def server(tmp_path: Path) -> SimulatedServer:
    return SimulatedServer.from_scenario(write_scenario(tmp_path / "scenario"))


@pytest.fixture
def https_host(server: SimulatedServer) -> Iterator[LabHost]:
    with LabHost(server, user=USER, password=PASSWORD, https=True) as host:
        yield host


def _settings(host: LabHost, **overrides: object) -> ConnectionSettings:
    options: dict[str, object] = {
        "port": host.port,
        "scheme": host.scheme,
        "auth": "ntlm",
        "user": USER,
        "password": PASSWORD,
        "connection_timeout": 5,
    }
    options.update(overrides)
    return connection_settings("127.0.0.1", **options)  # type: ignore[arg-type]


def _fails_with(settings: ConnectionSettings) -> BridgeError:
    transport = PsrpTransport(settings)
    try:
        with pytest.raises(BridgeError) as caught:
            transport.run(Operation.INVENTORY, {})
    finally:
        transport.close()
    return caught.value


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_closed_port_means_winrm_is_not_listening() -> None:
    error = _fails_with(
        connection_settings(
            "127.0.0.1", port=_free_port(), scheme="http", auth="ntlm", user=USER, password=PASSWORD
        )
    )
    assert isinstance(error, WinRMNotListening)
    assert error.exit_code == EXIT_CONNECT
    assert "Nothing is listening" in error.message


@pytest.mark.parametrize("auth", ["basic", "ntlm"])
def test_wrong_password_is_authentication_failed(https_host: LabHost, auth: str) -> None:
    error = _fails_with(_settings(https_host, auth=auth, password=WRONG, thumbprint=https_host.thumbprint))
    assert isinstance(error, AuthenticationFailed)
    assert error.exit_code == EXIT_CONNECT
    assert USER in error.message and WRONG not in error.message


def test_self_signed_certificate_is_not_trusted_and_shows_its_thumbprint(https_host: LabHost) -> None:
    error = _fails_with(_settings(https_host))
    assert isinstance(error, CertificateNotTrusted)
    assert error.thumbprint == https_host.thumbprint
    assert "--cert-thumbprint" in error.hint


def test_a_different_pinned_thumbprint_is_refused(https_host: LabHost) -> None:
    assert https_host.thumbprint is not None
    other = "0" * 64 if https_host.thumbprint != "0" * 64 else "1" * 64
    error = _fails_with(_settings(https_host, thumbprint=other))
    assert isinstance(error, CertificateNotTrusted)


def test_pinned_thumbprint_or_explicit_no_verify_connects(https_host: LabHost) -> None:
    for settings in (
        _settings(https_host, thumbprint=https_host.thumbprint),
        _settings(https_host, verify_tls=False),
    ):
        transport = PsrpTransport(settings)
        assert transport.run(Operation.INVENTORY, {})["server"]["computerName"]
        transport.close()


def test_server_slower_than_the_timeout(tmp_path: Path) -> None:
    slow = SimulatedServer.from_scenario(write_scenario(tmp_path / "slow"), operation_delay_s=30)
    with LabHost(slow, user=USER, password=PASSWORD) as host:
        error = _fails_with(_settings(host, operation_timeout=1.5))
    assert isinstance(error, OperationTimeout)
    assert error.exit_code == EXIT_FAILED


def test_cancel_stops_the_pipeline(tmp_path: Path) -> None:
    slow = SimulatedServer.from_scenario(write_scenario(tmp_path / "slow"), operation_delay_s=30)
    cancel = threading.Event()
    with LabHost(slow, user=USER, password=PASSWORD) as host:
        transport = PsrpTransport(_settings(host))
        cancel.set()
        with pytest.raises(Cancelled):
            transport.run(Operation.INVENTORY, {}, cancel)
        transport.close()


def test_script_error_carries_the_server_message(https_host: LabHost) -> None:
    transport = PsrpTransport(_settings(https_host, thumbprint=https_host.thumbprint))
    with pytest.raises(ScriptFailed) as caught:
        transport.run(
            Operation.GRANT,
            {"Path": SHOP + "\\nowhere", "Sid": "S-1-5-17", "Rights": "Modify", "ExpectedSddl": "D:"},
        )
    transport.close()
    assert "nowhere" in caught.value.server_message


def test_pool_dropped_by_the_server_is_reopened_for_a_read(server: SimulatedServer) -> None:
    port = _free_port()
    with LabHost(server, user=USER, password=PASSWORD, port=port) as host:
        transport = PsrpTransport(_settings(host))
        transport.run(Operation.INVENTORY, {})
    with LabHost(server, user=USER, password=PASSWORD, port=port):
        assert transport.run(Operation.PATH_ACCESS, {"Path": [SHOP]})["paths"][0]["exists"]
        transport.close()


def test_access_denied_records_mean_not_elevated() -> None:
    error = script_failure(
        "web01", "Attempted to perform an unauthorized operation.", None, "PermissionDenied"
    )
    assert isinstance(error, NotElevated)
    assert isinstance(
        script_failure("web01", "Cannot find path", "PathNotFound", "ObjectNotFound"), ScriptFailed
    )


def test_unknown_host_name_is_unreachable() -> None:
    failure = requests.exceptions.ConnectionError(socket.gaierror(-2, "Name or service not known"))
    error = translate_exception(failure, "no-such-host.invalid")
    assert isinstance(error, Unreachable)
    assert error.exit_code == EXIT_CONNECT


def test_anything_else_is_an_unexpected_answer_not_a_traceback() -> None:
    error = translate_exception(RuntimeError("odd"), "web01")
    assert isinstance(error, UnexpectedAnswer)
    assert "odd" in error.message


@pytest.mark.parametrize(
    ("options", "fragment"),
    [
        ({"scheme": "http", "auth": "basic", "user": "u"}, "clear"),
        ({"auth": "ntlm"}, "user name"),
        ({"thumbprint": "abc", "user": "u"}, "SHA-256"),
        ({"scheme": "http", "verify_tls": False, "user": "u"}, "only to HTTPS"),
    ],
)
def test_unsafe_or_incomplete_settings_are_refused(options: dict[str, object], fragment: str) -> None:
    with pytest.raises(InvalidSettings, match=fragment):
        connection_settings("web01", **options)  # type: ignore[arg-type]


def test_settings_default_to_https_negotiate_with_verification() -> None:
    settings = connection_settings("web01", user="admin", password=PASSWORD)
    assert (settings.scheme.value, settings.port, settings.auth.value, settings.verify_tls) == (
        "https",
        5986,
        "negotiate",
        True,
    )
    assert PASSWORD not in repr(settings) and PASSWORD not in settings.describe()
    shown = connection_settings("web01", user="admin", verify_tls=False).describe()
    assert "NOT verified" in shown


@pytest.mark.parametrize(
    "error",
    [
        InvalidSettings(NOT_A_PORT(port="0")),
        UnknownChange("c-1"),
        InvalidRequest(NOT_BELOW(subpath="'..'")),
        UnknownTargetError("Nope", "no site named 'Nope'"),
        UsageError(TARGET_OR_ALL()),
    ],
    ids=lambda error: type(error).__name__,
)
def test_every_usage_error_exits_2(error: BridgeError) -> None:
    assert isinstance(error, UsageFailure) and error.exit_code == EXIT_USAGE


def test_host_failures_name_their_host() -> None:
    assert Unreachable("web01", "no answer").host == "web01"
    assert NotElevated("web02").host == "web02"
    assert ScriptFailed("web03", "boom").message == "The operation failed on web03: boom"
