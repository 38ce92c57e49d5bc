"""The WSMan shell service of the PowerShell resource URI: Create, Command, Send, Receive, Signal, Delete.

Each request is answered with the envelope Windows would send, or with a
:class:`~bridge.lab.soap.Fault` that the HTTP layer turns into HTTP 500.
"""

from __future__ import annotations

import base64
import binascii
import logging
import os
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from bridge.lab.backend import ScriptBackend
from bridge.lab.psrp import PipelineObserver, ReceiveReply, RunspaceShell, ShellClosed, UnknownCommand
from bridge.lab.soap import (
    NS,
    Request,
    action_not_supported,
    el,
    invalid_selectors,
    no_session_configuration,
    resource_not_found,
    response,
    timed_out,
)

log = logging.getLogger(__name__)

CONFIGURATION_PREFIX = "http://schemas.microsoft.com/powershell/"
POWERSHELL_URI = CONFIGURATION_PREFIX + "Microsoft.PowerShell"
SHELL_URI = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell"
TRANSFER = "http://schemas.xmlsoap.org/ws/2004/09/transfer"
ENUMERATE = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Enumerate"
COMMAND_DONE = f"{SHELL_URI}/CommandState/Done"
DEFAULT_OPERATION_TIMEOUT = 60.0
# Room left in a Receive envelope for its header and Stream elements.
ENVELOPE_OVERHEAD = 4096


@dataclass(frozen=True)
class Caller:
    """Who sent a request, as Windows reports it in rsp:Owner and rsp:ClientIP."""

    user: str
    address: str


def long_poll_seconds(operation_timeout: float | None) -> float:
    """Answer TimedOut a little before the client's own OperationTimeout expires, as Windows does."""
    timeout = operation_timeout or DEFAULT_OPERATION_TIMEOUT
    return max(0.05, timeout - min(1.0, timeout / 10))


def _decode(text: str | None) -> bytes:
    try:
        return base64.b64decode((text or "").strip(), validate=True)
    except (binascii.Error, ValueError):
        raise invalid_selectors() from None


class ShellService:
    """All PowerShell shells of one lab host, keyed by ShellId."""

    def __init__(self, backend: ScriptBackend, *, on_pipeline: PipelineObserver, machine: str) -> None:
        self._backend = backend
        self._on_pipeline = on_pipeline
        self.machine = machine
        self._lock = threading.Lock()
        self._shells: dict[str, tuple[RunspaceShell, Caller]] = {}
        self._handlers: dict[str, Callable[[Request, Caller], bytes]] = {
            f"{TRANSFER}/Create": self._create,
            f"{TRANSFER}/Delete": self._delete,
            f"{TRANSFER}/Get": self._get,
            ENUMERATE: self._enumerate,
            f"{SHELL_URI}/Command": self._command,
            f"{SHELL_URI}/Send": self._send,
            f"{SHELL_URI}/Receive": self._receive,
            f"{SHELL_URI}/Signal": self._signal,
        }

    def handle(self, request: Request, caller: Caller) -> bytes:
        handler = self._handlers.get(request.action)
        if handler is None:
            raise action_not_supported(request.action)
        if request.resource_uri not in (POWERSHELL_URI, SHELL_URI):
            configuration = request.resource_uri.removeprefix(CONFIGURATION_PREFIX)
            if configuration != request.resource_uri:
                # The lab registers only Windows PowerShell's own configuration, as a locked-down server.
                raise no_session_configuration(configuration, self.machine)
            raise resource_not_found()
        try:
            return handler(request, caller)
        except (ShellClosed, UnknownCommand):
            raise invalid_selectors() from None

    def close(self) -> None:
        with self._lock:
            shells = [shell for shell, _ in self._shells.values()]
            self._shells.clear()
        for shell in shells:
            shell.close()

    def _shell(self, request: Request) -> RunspaceShell:
        return self._entry(request)[0]

    def _entry(self, request: Request) -> tuple[RunspaceShell, Caller]:
        shell_id = request.selectors.get("ShellId", "").upper()
        with self._lock:
            entry = self._shells.get(shell_id)
        if entry is None or set(request.selectors) != {"ShellId"}:
            raise invalid_selectors()
        return entry

    def _shell_xml(self, shell: RunspaceShell, caller: Caller, *, extra: tuple[str, ...] = ()) -> str:
        fields = [
            ("ShellId", shell.shell_id),
            ("ResourceUri", POWERSHELL_URI),
            ("Owner", caller.user),
            ("ClientIP", caller.address),
            ("ProcessId", str(os.getpid())),
            ("IdleTimeOut", "PT7200.000S"),
            ("InputStreams", "stdin pr"),
            ("OutputStreams", "stdout"),
            ("MaxIdleTimeOut", "PT2147483.647S"),
            ("Locale", "en-US"),
            ("DataLocale", "en-US"),
            ("CompressionMode", "NoCompression"),
            ("ProfileLoaded", "Yes"),
            ("Encoding", "UTF8"),
            ("BufferMode", "Block"),
            ("State", "Connected"),
            ("ShellRunTime", "P0DT0H0M0S"),
            ("ShellInactivity", "P0DT0H0M0S"),
        ]
        children = [el(f"rsp:{name}", text=value) for name, value in fields]
        return el("rsp:Shell", *children, *extra, attrs={"xmlns:rsp": NS["rsp"]})

    def _create(self, request: Request, caller: Caller) -> bytes:
        shell_element = request.body.find("rsp:Shell", NS)
        creation = request.body.find("rsp:Shell/psh:creationXml", NS)
        if shell_element is None or creation is None:
            raise resource_not_found()
        shell_id = (shell_element.get("ShellId") or str(uuid.uuid4())).upper()
        shell = RunspaceShell(
            shell_id, _decode(creation.text), backend=self._backend, on_pipeline=self._on_pipeline
        )
        with self._lock:
            self._shells[shell_id] = (shell, caller)
        created = el(
            "x:ResourceCreated",
            el("a:Address", text=request.to),
            el(
                "a:ReferenceParameters",
                el("w:ResourceURI", text=POWERSHELL_URI),
                el("w:SelectorSet", el("w:Selector", text=shell_id, attrs={"Name": "ShellId"})),
            ),
        )
        return response(
            f"{TRANSFER}/CreateResponse", request.message_id, created + self._shell_xml(shell, caller)
        )

    def _delete(self, request: Request, caller: Caller) -> bytes:
        shell = self._shell(request)
        with self._lock:
            self._shells.pop(shell.shell_id, None)
        shell.close()
        return response(f"{TRANSFER}/DeleteResponse", request.message_id, "")

    def _get(self, request: Request, caller: Caller) -> bytes:
        shell, owner = self._entry(request)
        extra = (el("rsp:MemoryUsed", text="58MB"), el("rsp:ChildProcesses", text="0"))
        return response(
            f"{TRANSFER}/GetResponse", request.message_id, self._shell_xml(shell, owner, extra=extra)
        )

    def _enumerate(self, request: Request, caller: Caller) -> bytes:
        with self._lock:
            entries = list(self._shells.values())
        items = el("w:Items", *(self._shell_xml(shell, owner) for shell, owner in entries))
        body = el(
            "n:EnumerateResponse",
            el("n:EnumerationContext"),
            items,
            el("w:EndOfSequence"),
            attrs={"xmlns:n": NS["n"]},
        )
        return response(f"{ENUMERATE}Response", request.message_id, body)

    def _command(self, request: Request, caller: Caller) -> bytes:
        shell = self._shell(request)
        line = request.body.find("rsp:CommandLine", NS)
        if line is None:
            raise invalid_selectors()
        arguments = line.find("rsp:Arguments", NS)
        command_id = shell.command(
            line.get("CommandId"), _decode(arguments.text if arguments is not None else "")
        )
        body = el("rsp:CommandResponse", el("rsp:CommandId", text=command_id))
        return response(f"{SHELL_URI}/CommandResponse", request.message_id, body)

    def _send(self, request: Request, caller: Caller) -> bytes:
        shell = self._shell(request)
        for stream in request.body.findall("rsp:Send/rsp:Stream", NS):
            shell.send(stream.get("CommandId"), stream.get("Name", "stdin"), _decode(stream.text))
        return response(f"{SHELL_URI}/SendResponse", request.message_id, el("rsp:SendResponse"))

    def _receive(self, request: Request, caller: Caller) -> bytes:
        shell = self._shell(request)
        receive = request.body.find("rsp:Receive", NS)
        desired = receive.find("rsp:DesiredStream", NS) if receive is not None else None
        if receive is None or desired is None:
            raise invalid_selectors()
        command_id = desired.get("CommandId")
        max_bytes = max(0, request.max_envelope_size - ENVELOPE_OVERHEAD) * 3 // 4
        reply = shell.receive(
            command_id,
            max_bytes=max_bytes,
            timeout=long_poll_seconds(request.operation_timeout),
            message_id=request.message_id,
            sequence_id=receive.get("SequenceId"),
        )
        if reply is None:
            raise timed_out()
        return response(f"{SHELL_URI}/ReceiveResponse", request.message_id, _receive_body(reply, command_id))

    def _signal(self, request: Request, caller: Caller) -> bytes:
        shell = self._shell(request)
        signal = request.body.find("rsp:Signal", NS)
        code = signal.find("rsp:Code", NS) if signal is not None else None
        if signal is None or code is None:
            raise invalid_selectors()
        shell.signal(signal.get("CommandId", ""), (code.text or "").strip())
        return response(f"{SHELL_URI}/SignalResponse", request.message_id, el("rsp:SignalResponse"))


def _receive_body(reply: ReceiveReply, command_id: str | None) -> str:
    stream_attrs = {"Name": "stdout"}
    if command_id:
        stream_attrs["CommandId"] = command_id
    streams = [
        el("rsp:Stream", text=base64.b64encode(data).decode(), attrs=stream_attrs) for data in reply.payloads
    ]
    if reply.command_done and command_id:
        streams.append(
            el("rsp:CommandState", text="", attrs={"CommandId": command_id, "State": COMMAND_DONE})
        )
    return el("rsp:ReceiveResponse", *streams)
