"""SOAP envelopes as WinRM writes them: request parsing, response and fault building.

Responses are built as text with the prefixes Windows uses (``s``, ``a``,
``w``, ``rsp``, ``p``, ``f``) rather than through ElementTree's process-wide
prefix registry, which pypsrp's client in the same process also uses.
"""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

NS = {
    "s": "http://www.w3.org/2003/05/soap-envelope",
    "a": "http://schemas.xmlsoap.org/ws/2004/08/addressing",
    "x": "http://schemas.xmlsoap.org/ws/2004/09/transfer",
    "e": "http://schemas.xmlsoap.org/ws/2004/08/eventing",
    "n": "http://schemas.xmlsoap.org/ws/2004/09/enumeration",
    "w": "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd",
    "p": "http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd",
    "rsp": "http://schemas.microsoft.com/wbem/wsman/1/windows/shell",
    "f": "http://schemas.microsoft.com/wbem/wsman/1/wsmanfault",
    "psh": "http://schemas.microsoft.com/powershell",
}
ANONYMOUS = "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous"
FAULT_ACTION = "http://schemas.dmtf.org/wbem/wsman/1/wsman/fault"
DEFAULT_MAX_ENVELOPE = 153600
_DURATION = re.compile(r"^PT(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$")

_RESPONSE_NS = ("s", "a", "x", "w", "rsp", "p")
_FAULT_NS = ("s", "a", "x", "e", "n", "w", "p")


class MalformedRequest(Exception):
    """The body is not a WSMan SOAP envelope this endpoint can read."""


@dataclass(frozen=True)
class Request:
    action: str
    message_id: str
    to: str
    resource_uri: str
    selectors: Mapping[str, str]
    options: Mapping[str, str]
    max_envelope_size: int
    operation_timeout: float | None
    body: ET.Element


@dataclass(frozen=True)
class Fault(Exception):
    """A WSManFault, shaped as Windows sends it (HTTP 500 with an s:Fault body)."""

    code: int
    subcode: str
    reason: str
    sender: bool = True
    fault_detail: str | None = None


def timed_out() -> Fault:
    return Fault(
        2150858793,
        "w:TimedOut",
        "The WS-Management service cannot complete the operation within the time specified in "
        "OperationTimeout.  ",
        sender=False,
    )


def invalid_selectors() -> Fault:
    return Fault(
        2150858843,
        "w:InvalidSelectors",
        "The WS-Management service cannot process the request because the request contained invalid "
        "selectors for the resource. ",
        fault_detail="http://schemas.dmtf.org/wbem/wsman/1/wsman/faultDetail/UnexpectedSelectors",
    )


def action_not_supported(action: str) -> Fault:
    return Fault(
        2150858753,
        "a:ActionNotSupported",
        f"The WS-Management service cannot process the request. The action {action} is not supported. ",
    )


def resource_not_found() -> Fault:
    return Fault(
        2150858752,
        "w:DestinationUnreachable",
        "The WS-Management service cannot process the request. The service cannot find the resource "
        "identified by the resource URI and selectors. ",
    )


def no_session_configuration(name: str, machine: str) -> Fault:
    # The text Windows gives a client that asks for a configuration nobody registered (as reported in
    # MicrosoftDocs/windowsserverdocs#2448); the code beside it is believed to be the generic
    # ERROR_WSMAN_RESOURCE_NOT_FOUND, which the client reads the same way.
    return Fault(
        2150858752,
        "w:DestinationUnreachable",
        f"The WS-Management service cannot process the request. Cannot find the {name} session "
        f"configuration in the WSMan: drive on the {machine} computer. ",
    )


def internal_error() -> Fault:
    # DSP0226 (WS-Management) defines wsman:InternalError for "internal processing errors". Which
    # code Windows puts beside it for a PSRP message it cannot read is not documented in what was
    # found: E_FAIL stands in, and the client treats any fault it does not know alike.
    return Fault(
        0x80004005,
        "w:InternalError",
        "The WS-Management service cannot process the request because of an internal error. ",
        sender=False,
    )


def parse_duration(text: str | None) -> float | None:
    match = _DURATION.match(text.strip()) if text else None
    if match is None:
        return None
    minutes, seconds = match.groups()
    return float(minutes or 0) * 60 + float(seconds or 0)


def _text(header: ET.Element, path: str) -> str:
    found = header.find(path, NS)
    return (found.text or "").strip() if found is not None else ""


def parse_request(data: bytes) -> Request:
    # Entity declarations are how XML bombs work; no WSMan message carries one.
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise MalformedRequest("document type declarations are not accepted")
    try:
        envelope = ET.fromstring(data)  # noqa: S314 - DTDs refused above, so no entity expansion is possible
    except ET.ParseError as error:
        raise MalformedRequest(str(error)) from None
    header = envelope.find("s:Header", NS)
    body = envelope.find("s:Body", NS)
    if envelope.tag != f"{{{NS['s']}}}Envelope" or header is None or body is None:
        raise MalformedRequest("not a SOAP 1.2 envelope with a Header and a Body")
    action = _text(header, "a:Action")
    message_id = _text(header, "a:MessageID")
    if not action or not message_id:
        raise MalformedRequest("the envelope has no Action or MessageID")
    size_text = _text(header, "w:MaxEnvelopeSize")
    return Request(
        action=action,
        message_id=message_id,
        to=_text(header, "a:To"),
        resource_uri=_text(header, "w:ResourceURI"),
        selectors={
            selector.get("Name", ""): (selector.text or "").strip()
            for selector in header.findall("w:SelectorSet/w:Selector", NS)
        },
        options={
            option.get("Name", ""): (option.text or "").strip()
            for option in header.findall("w:OptionSet/w:Option", NS)
        },
        max_envelope_size=int(size_text) if size_text.isdigit() else DEFAULT_MAX_ENVELOPE,
        operation_timeout=parse_duration(_text(header, "w:OperationTimeout")),
        body=body,
    )


def el(tag: str, *children: str, text: str | None = None, attrs: Mapping[str, str] | None = None) -> str:
    """One XML element as text; ``children`` are already-built elements."""
    attributes = "".join(f" {name}={quoteattr(value)}" for name, value in (attrs or {}).items())
    content = escape(text) if text is not None else "".join(children)
    return f"<{tag}{attributes}>{content}</{tag}>"


def _envelope(prefixes: tuple[str, ...], action: str, relates_to: str, body: str) -> bytes:
    declarations = "".join(f' xmlns:{prefix}="{NS[prefix]}"' for prefix in prefixes)
    header = el(
        "s:Header",
        el("a:Action", text=action),
        el("a:MessageID", text=f"uuid:{str(uuid.uuid4()).upper()}"),
        el("a:To", text=ANONYMOUS),
        el("a:RelatesTo", text=relates_to),
    )
    return f'<s:Envelope xml:lang="en-US"{declarations}>{header}<s:Body>{body}</s:Body></s:Envelope>'.encode()


def response(action: str, relates_to: str, body: str) -> bytes:
    return _envelope(_RESPONSE_NS, action, relates_to, body)


def fault_response(fault: Fault, relates_to: str, machine: str) -> bytes:
    wsman_fault = el(
        "f:WSManFault",
        el("f:Message", text=fault.reason),
        attrs={"xmlns:f": NS["f"], "Code": str(fault.code), "Machine": machine},
    )
    detail = (el("w:FaultDetail", text=fault.fault_detail) if fault.fault_detail else "") + wsman_fault
    body = el(
        "s:Fault",
        el(
            "s:Code",
            el("s:Value", text="s:Sender" if fault.sender else "s:Receiver"),
            el("s:Subcode", el("s:Value", text=fault.subcode)),
        ),
        el("s:Reason", el("s:Text", text=fault.reason, attrs={"xml:lang": "en-US"})),
        el("s:Detail", detail),
    )
    return _envelope(_FAULT_NS, FAULT_ACTION, relates_to, body)
