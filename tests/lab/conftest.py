"""Fixtures that drive the lab endpoint with pypsrp's own client, or with raw SOAP where needed."""

from __future__ import annotations

import base64
import http.client
import json
import threading
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import pytest
from pypsrp.wsman import WSMan

from bridge.lab.backend import ScriptFailed, ScriptRejected
from bridge.lab.host import LabHost
from bridge.scripts import Operation, operation_for_script

USER = "lab-admin"
PASSWORD = "Pa55w.rd:with colon"  # noqa: S105 - the lab's own test account
WAIT = 30.0


@dataclass
class FakeBackend:
    """Canned answers for the shipped scripts: the JSON echoes the operation and its parameters.

    ``gate`` makes an operation block until the test opens it; ``started`` tells
    the test an operation is under way; ``failure`` and ``output`` replace the answer.
    """

    gate: threading.Event | None = None
    started: threading.Event = field(default_factory=threading.Event)
    failure: ScriptFailed | None = None
    output: str | None = None

    def execute(self, script: str, parameters: Mapping[str, object]) -> str:
        operation = operation_for_script(script)
        if operation is None:
            raise ScriptRejected(script)
        self.started.set()
        if self.gate is not None and not self.gate.wait(WAIT):
            raise AssertionError("the test never opened the gate")
        if self.failure is not None:
            raise self.failure
        if self.output is not None:
            return self.output
        return json.dumps({"operation": operation.value, "parameters": dict(parameters)})


PARAMETERS: dict[Operation, dict[str, object]] = {
    Operation.INVENTORY: {},
    Operation.PATH_ACCESS: {"Path": ["C:\\inetpub\\wwwroot", "D:\\Sites\\O'Brien Café"]},
    Operation.GRANT: {
        "Path": "C:\\inetpub\\wwwroot\\uploads",
        "Sid": "S-1-5-82-3006700770-424185619-1745488364-794895919-4004696415",
        "Rights": "Modify",
        "ExpectedSddl": "D:PAI(A;OICI;FA;;;SY)",
    },
    Operation.RESTORE: {"Path": "C:\\inetpub\\wwwroot", "Sddl": "D:(A;;FA;;;BA)", "ExpectedSddl": "D:"},
    Operation.DOCTOR: {},
    Operation.GROUP_MEMBERS: {"Sid": "S-1-5-32-568"},
}


@pytest.fixture
def backend() -> FakeBackend:
    return FakeBackend()


@pytest.fixture
def lab(backend: FakeBackend) -> Iterator[LabHost]:
    with LabHost(backend, user=USER, password=PASSWORD) as host:
        yield host


def client(
    host: LabHost, auth: str = "ntlm", *, password: str = PASSWORD, operation_timeout: int = 20, **extra: Any
) -> WSMan:
    """A pypsrp WSMan for the host, configured as a caller would for that auth and scheme."""
    https = host.scheme == "https"
    settings: dict[str, Any] = {
        "port": host.port,
        "username": USER,
        "password": password,
        "auth": auth,
        "ssl": https,
        "cert_validation": False,
        "operation_timeout": operation_timeout,
        "read_timeout": operation_timeout + 10,
        "connection_timeout": 10,
    }
    if auth == "basic" and not https:
        settings["encryption"] = "never"
    settings.update(extra)
    return WSMan("127.0.0.1", **settings)


def basic_header() -> str:
    return "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()


def raw_post(
    host: LabHost, body: bytes, *, headers: Mapping[str, str] | None = None
) -> tuple[int, bytes, http.client.HTTPResponse]:
    """One POST on a fresh connection, Basic-authenticated unless ``headers`` say otherwise."""
    connection = http.client.HTTPConnection("127.0.0.1", host.port, timeout=WAIT)
    sent = {"Authorization": basic_header(), "Content-Type": "application/soap+xml;charset=UTF-8"}
    sent.update(headers or {})
    connection.request("POST", "/wsman", body=body, headers=sent)
    response = connection.getresponse()
    return response.status, response.read(), response


def envelope(
    action: str,
    *,
    resource_uri: str = "http://schemas.microsoft.com/powershell/Microsoft.PowerShell",
    selectors: Mapping[str, str] | None = None,
    options: Mapping[str, str] | None = None,
    body: str = "",
    timeout: int = 20,
    message_id: str | None = None,
) -> tuple[str, bytes]:
    """A request laid out as pypsrp and the recorded exchanges lay it out: (MessageID, bytes)."""
    message_id = message_id or f"uuid:{str(uuid.uuid4()).upper()}"
    option_xml = "".join(
        f'<wsman:Option Name="{name}">{value}</wsman:Option>' for name, value in (options or {}).items()
    )
    selector_xml = "".join(
        f'<wsman:Selector Name="{name}">{value}</wsman:Selector>' for name, value in (selectors or {}).items()
    )
    text = (
        '<s:Envelope xmlns:rsp="http://schemas.microsoft.com/wbem/wsman/1/windows/shell" '
        'xmlns:s="http://www.w3.org/2003/05/soap-envelope" '
        'xmlns:wsa="http://schemas.xmlsoap.org/ws/2004/08/addressing" '
        'xmlns:wsman="http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd" '
        'xmlns:wsmv="http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd"><s:Header>'
        f'<wsa:Action s:mustUnderstand="true">{action}</wsa:Action>'
        '<wsman:MaxEnvelopeSize s:mustUnderstand="true">153600</wsman:MaxEnvelopeSize>'
        f"<wsa:MessageID>{message_id}</wsa:MessageID>"
        f"<wsman:OperationTimeout>PT{timeout}S</wsman:OperationTimeout>"
        f'<wsman:ResourceURI s:mustUnderstand="true">{resource_uri}</wsman:ResourceURI>'
        "<wsa:To>http://127.0.0.1/wsman</wsa:To>"
        + (f'<wsman:OptionSet s:mustUnderstand="true">{option_xml}</wsman:OptionSet>' if option_xml else "")
        + (f"<wsman:SelectorSet>{selector_xml}</wsman:SelectorSet>" if selector_xml else "")
        + f"</s:Header><s:Body>{body}</s:Body></s:Envelope>"
    )
    return message_id, text.encode()
