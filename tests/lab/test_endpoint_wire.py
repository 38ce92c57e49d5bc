"""The lab endpoint on the wire: envelope shapes against recorded Windows answers, replays, bad requests."""

from __future__ import annotations

import base64
import socket
import xml.etree.ElementTree as ET
from pathlib import Path

import psrpcore
import pytest
from pypsrp.powershell import RunspacePool

from bridge.lab.host import LabHost
from bridge.scripts import Operation
from tests.lab.conftest import WAIT, client, envelope, raw_post
from tests.lab.test_endpoint import run

DATA = Path(__file__).parent / "data"
SHELL = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell"
TRANSFER = "http://schemas.xmlsoap.org/ws/2004/09/transfer"
NS = {"s": "http://www.w3.org/2003/05/soap-envelope", "rsp": SHELL}

Shape = tuple[str, tuple[str, ...], tuple["Shape", ...]]


def shape(element: ET.Element) -> Shape:
    """Element names, attribute names and child order; repeated identical siblings count once."""
    children: list[Shape] = []
    for child in element:
        child_shape = shape(child)
        if not children or children[-1] != child_shape:
            children.append(child_shape)
    return element.tag, tuple(sorted(element.attrib)), tuple(children)


def recorded(name: str) -> Shape:
    return shape(ET.fromstring((DATA / name).read_bytes()))  # noqa: S314 - our own test data


def answered(body: bytes) -> Shape:
    return shape(ET.fromstring(body))  # noqa: S314 - the lab's own answer


def create_shell(lab: LabHost) -> tuple[str, bytes]:
    pool = psrpcore.ClientRunspacePool()
    pool.open()
    payload = pool.data_to_send()
    assert payload is not None
    shell_id = str(pool.runspace_pool_id).upper()
    creation = base64.b64encode(payload.data).decode()
    _, request = envelope(
        f"{TRANSFER}/Create",
        options={"protocolversion": "2.3"},
        body=(
            f'<rsp:Shell ShellId="{shell_id}"><rsp:InputStreams>stdin pr</rsp:InputStreams>'
            "<rsp:OutputStreams>stdout</rsp:OutputStreams>"
            f'<creationXml xmlns="http://schemas.microsoft.com/powershell">{creation}</creationXml></rsp:Shell>'
        ),
    )
    status, answer, _ = raw_post(lab, request)
    assert status == 200
    return shell_id, answer


def receive(
    lab: LabHost, shell_id: str, *, timeout: int = 20, message_id: str | None = None
) -> tuple[int, bytes]:
    _, request = envelope(
        f"{SHELL}/Receive",
        selectors={"ShellId": shell_id},
        options={"WSMAN_CMDSHELL_OPTION_KEEPALIVE": "True"},
        body="<rsp:Receive><rsp:DesiredStream>stdout</rsp:DesiredStream></rsp:Receive>",
        timeout=timeout,
        message_id=message_id,
    )
    status, answer, _ = raw_post(lab, request)
    return status, answer


def get_shell(lab: LabHost, shell_id: str) -> tuple[int, bytes]:
    _, request = envelope(f"{TRANSFER}/Get", resource_uri=SHELL, selectors={"ShellId": shell_id})
    status, answer, _ = raw_post(lab, request)
    return status, answer


def streams(answer: bytes) -> list[str]:
    return [
        stream.text or ""
        for stream in ET.fromstring(answer).findall("s:Body/rsp:ReceiveResponse/rsp:Stream", NS)  # noqa: S314
    ]


def test_answers_have_the_shape_windows_sends(lab: LabHost) -> None:
    shell_id, created = create_shell(lab)
    assert answered(created) == recorded("create_response.xml")
    status, opened = receive(lab, shell_id)
    assert status == 200
    assert answered(opened) == recorded("receive_response.xml")
    status, state = get_shell(lab, shell_id)
    assert status == 200
    assert answered(state) == recorded("get_response.xml")
    status, idle = receive(lab, shell_id, timeout=1)
    assert status == 500
    assert answered(idle) == recorded("timed_out_fault.xml")
    status, unknown = get_shell(lab, "00000000-0000-0000-0000-000000000000")
    assert status == 500
    assert answered(unknown) == recorded("invalid_selectors_fault.xml")


def test_answers_relate_to_the_request_message_id(lab: LabHost) -> None:
    shell_id, _ = create_shell(lab)
    message_id = "uuid:11111111-2222-3333-4444-555555555555"
    _, answer = receive(lab, shell_id, message_id=message_id)
    relates_to = ET.fromstring(answer).find(  # noqa: S314
        "s:Header/a:RelatesTo", {**NS, "a": "http://schemas.xmlsoap.org/ws/2004/08/addressing"}
    )
    assert relates_to is not None
    assert relates_to.text == message_id


def test_a_resent_receive_gets_the_same_answer_again(lab: LabHost) -> None:
    shell_id, _ = create_shell(lab)
    message_id = "uuid:AAAAAAAA-0000-0000-0000-000000000001"
    _, first = receive(lab, shell_id, message_id=message_id)
    _, again = receive(lab, shell_id, message_id=message_id)
    assert streams(first)
    assert streams(again) == streams(first)
    # The answer was not produced twice: a new Receive finds nothing left.
    status, _ = receive(lab, shell_id, timeout=1)
    assert status == 500


@pytest.mark.parametrize(
    "body",
    [
        b"this is not xml",
        b"<s:Envelope xmlns:s='http://www.w3.org/2003/05/soap-envelope'><s:Body/></s:Envelope>",
        b"<!DOCTYPE x [<!ENTITY a 'aaaa'>]><x>&a;</x>",
    ],
    ids=["garbage", "no-header", "entity"],
)
def test_malformed_soap_is_refused_and_the_server_goes_on(lab: LabHost, body: bytes) -> None:
    status, _, response = raw_post(lab, body)
    assert status == 400
    assert response.getheader("Connection") == "close"
    with RunspacePool(client(lab)) as pool:
        assert not run(pool, Operation.INVENTORY).had_errors


def test_an_unknown_action_is_a_wsman_fault(lab: LabHost) -> None:
    _, request = envelope("http://schemas.xmlsoap.org/ws/2004/09/transfer/Put")
    status, answer, _ = raw_post(lab, request)
    assert status == 500
    assert b'Code="2150858753"' in answer


def test_an_oversized_body_is_refused_without_being_read(lab: LabHost) -> None:
    with socket.create_connection(("127.0.0.1", lab.port), timeout=WAIT) as connection:
        connection.sendall(
            b"POST /wsman HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/soap+xml\r\n"
            b"Content-Length: 104857600\r\n\r\n" + b"<" * 65536
        )
        answer = connection.makefile("rb").read()
    assert answer.startswith(b"HTTP/1.1 413")
    with RunspacePool(client(lab)) as pool:
        assert not run(pool, Operation.INVENTORY).had_errors


def test_a_request_without_credentials_is_challenged_with_every_offered_scheme(lab: LabHost) -> None:
    _, request = envelope(f"{TRANSFER}/Get", resource_uri=SHELL, selectors={"ShellId": "x"})
    status, _, response = raw_post(lab, request, headers={"Authorization": ""})
    assert status == 401
    assert response.headers.get_all("WWW-Authenticate") == ["Negotiate", 'Basic realm="WSMAN"']
