"""The lab host's HTTP/1.1 front: keep-alive connections, authentication, message sealing, size caps.

One thread per connection (many clients at once); every failure inside a
request is caught, logged and answered with a fault, a 4xx or a closed
connection, so no client can take the server down.
"""

from __future__ import annotations

import logging
import socket
import ssl
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import spnego

from bridge.lab.auth import (
    ENCRYPTED_CONTENT_TYPE,
    AuthenticationFailed,
    ConnectionAuth,
    Credentials,
    EncryptionError,
    seal,
    unseal,
)
from bridge.lab.soap import Fault, MalformedRequest, Request, fault_response, internal_error, parse_request
from bridge.lab.wsman import Caller, ShellService

log = logging.getLogger(__name__)

WSMAN_PATH = "/wsman"
SOAP_CONTENT_TYPE = "application/soap+xml;charset=UTF-8"
# Windows' default MaxEnvelopeSizekb is 500; twice that leaves room for sealing overhead.
DEFAULT_MAX_BODY = 2 * 512 * 1024
IDLE_SECONDS = 120.0


@dataclass(frozen=True)
class EndpointSettings:
    credentials: Credentials
    https: bool
    latency_seconds: float
    machine: str
    max_body: int = DEFAULT_MAX_BODY


class LabHTTPServer(ThreadingHTTPServer):
    """Threaded HTTP(S) server that can close its keep-alive connections on stop."""

    daemon_threads = False
    block_on_close = True
    # socketserver's default backlog of 5 drops connections when many clients connect at once.
    request_queue_size = 512

    def __init__(
        self,
        address: tuple[str, int],
        service: ShellService,
        settings: EndpointSettings,
        tls: ssl.SSLContext | None,
    ) -> None:
        self.service = service
        self.settings = settings
        self.tls = tls
        self.stopping = threading.Event()
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        super().__init__(address, _Handler)

    def get_request(self) -> tuple[socket.socket, Any]:
        raw, address = self.socket.accept()
        if self.tls is None:
            return raw, address
        # The handshake runs on the connection's own thread, so a silent client cannot stall accept().
        return self.tls.wrap_socket(raw, server_side=True, do_handshake_on_connect=False), address

    def track(self, connection: socket.socket, *, active: bool) -> None:
        with self._connections_lock:
            if active:
                self._connections.add(connection)
            else:
                self._connections.discard(connection)

    def close_connections(self) -> None:
        with self._connections_lock:
            connections = list(self._connections)
        for connection in connections:
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                log.debug("connection already closed", exc_info=True)

    def handle_error(self, request: Any, client_address: Any) -> None:
        log.debug("connection from %s ended with an error", client_address, exc_info=True)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "Microsoft-HTTPAPI/2.0"
    sys_version = ""
    timeout = IDLE_SECONDS
    # Headers and body go out in two writes; with Nagle on, the body waits for the client's
    # delayed ACK (40 ms on Linux), which HTTP.sys never does. TCP_NODELAY, as on Windows.
    disable_nagle_algorithm = True
    server: LabHTTPServer

    def setup(self) -> None:
        super().setup()
        self.server.track(self.connection, active=True)
        self.auth = ConnectionAuth(self.server.settings.credentials)
        if isinstance(self.connection, ssl.SSLSocket):
            self.connection.do_handshake()

    def finish(self) -> None:
        self.server.track(self.connection, active=False)
        try:
            super().finish()
        except OSError:
            log.debug("client vanished before the last response was flushed", exc_info=True)

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s - " + format, self.address_string(), *args)

    def do_POST(self) -> None:
        try:
            self._post()
        except (ConnectionError, TimeoutError, ssl.SSLError):
            log.debug("client connection lost", exc_info=True)
            self.close_connection = True
        except Exception:  # one bad request must never take the server down
            log.exception("request failed")
            self._reply(500, b"", close=True)

    def _post(self) -> None:
        body = self._read_body()
        if body is None:
            return
        user = self._authenticate(body)
        if user is None:
            return
        sealing = self.auth.sealing
        request = self._open(body, sealing)
        if request is None:
            return
        settings = self.server.settings
        status = 200
        try:
            answer = self.server.service.handle(request, Caller(user, self.client_address[0]))
        except Fault as fault:
            status = 500
            answer = fault_response(fault, request.message_id, settings.machine)
        except Exception:
            # A PSRP message psrpcore cannot read, or a defect in the lab: the client still gets a
            # WSMan fault (sealed like every answer), not an empty 500 it would take for tampering.
            log.exception("request from %s failed", self.client_address[0])
            status = 500
            answer = fault_response(internal_error(), request.message_id, settings.machine)
        if self._is_sealed() and sealing is not None:
            self._reply(status, seal(sealing, answer), content_type=ENCRYPTED_CONTENT_TYPE)
        else:
            self._reply(status, answer, content_type=SOAP_CONTENT_TYPE)

    def _read_body(self) -> bytes | None:
        """The request body, or None once the request was refused (wrong path, bad or oversized length)."""
        if self.path.split("?", 1)[0].lower() != WSMAN_PATH:
            self._reply(404, b"", close=True)
            return None
        if self.headers.get("Transfer-Encoding"):
            self._reply(411, b"", close=True)
            return None
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            length = -1
        if length < 0 or length > self.server.settings.max_body:
            # Closing without reading the body is the only safe answer to a body we will not buffer.
            self._reply(413, b"", close=True)
            return None
        return self.rfile.read(length)

    def _authenticate(self, body: bytes) -> str | None:
        """The caller's user name, or None once a 401 (a challenge or a handshake leg) or 200 was sent."""
        try:
            user, token = self.auth.authenticate(self.headers.get("Authorization"))
        except AuthenticationFailed as failure:
            log.info("authentication failed from %s: %s", self.client_address[0], failure)
            self._reply(401, b"", challenges=self.server.settings.credentials.challenges())
            return None
        if user is None or not body:
            # A handshake leg, or pypsrp's empty POST that sets up sealing before the first message.
            self._reply(401 if user is None else 200, b"", challenges=[token] if token else [])
            return None
        return user

    def _is_sealed(self) -> bool:
        return self.headers.get("Content-Type", "").lower().startswith("multipart/encrypted")

    def _open(self, body: bytes, sealing: spnego.ContextProxy | None) -> Request | None:
        """The parsed SOAP request, or None once a 400 closed the connection."""
        sealed = self._is_sealed()
        # As with Windows' default AllowUnencrypted=false: no plaintext SOAP after NTLM over plain HTTP.
        plaintext_refused = not sealed and sealing is not None and not self.server.settings.https
        if (sealed and sealing is None) or plaintext_refused:
            self._reply(400, b"", close=True)
            return None
        try:
            return parse_request(unseal(sealing, body) if sealed and sealing is not None else body)
        except (EncryptionError, MalformedRequest) as problem:
            log.info("rejected a request from %s: %s", self.client_address[0], problem)
            self._reply(400, b"", close=True)
            return None

    def _reply(
        self,
        status: int,
        body: bytes,
        *,
        content_type: str | None = None,
        challenges: list[str] | None = None,
        close: bool = False,
    ) -> None:
        latency = self.server.settings.latency_seconds
        if latency:
            self.server.stopping.wait(latency)
        self.send_response(status)
        for challenge in challenges or []:
            self.send_header("WWW-Authenticate", challenge)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if close:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        self.wfile.write(body)
