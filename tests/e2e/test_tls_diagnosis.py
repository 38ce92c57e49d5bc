"""Each way HTTPS can fail gets its own message: plain HTTP on the port, an untrusted certificate
(with both thumbprints), a certificate for another name, an expired one, a failed handshake."""

from __future__ import annotations

import datetime
import hashlib
import socket
import socketserver
import ssl
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from bridge import operations
from bridge.connection import ConnectionSettings, connection_settings
from bridge.errors import (
    BridgeError,
    CertificateExpired,
    CertificateNotTrusted,
    CertificateWrongName,
    PlainHttpOnHttpsPort,
    TlsHandshakeFailed,
)
from bridge.lab.host import LabHost
from bridge.lab.tls import Certificate, self_signed
from bridge.psrp_transport import PsrpTransport
from bridge.scripts import Operation
from bridge.session import HostSession
from tests.lab.conftest import PASSWORD, USER, FakeBackend

# A TLS record that is a fatal handshake_failure alert (RFC 8446 6.2): what a server sends when it
# shares no protocol version or cipher with the client.
HANDSHAKE_FAILURE_ALERT = bytes([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28])


def _failure(settings: ConnectionSettings) -> BridgeError:
    with HostSession(PsrpTransport(settings)) as session, pytest.raises(BridgeError) as caught:
        operations.inventory(session)
    return caught.value


def _settings(host: str, port: int, **options: object) -> ConnectionSettings:
    return connection_settings(host, port=port, auth="ntlm", user=USER, password=PASSWORD, **options)  # type: ignore[arg-type]


def _certificate(name: str, *, expired: bool = False) -> Certificate:
    now = datetime.datetime.now(datetime.timezone.utc)
    return self_signed(name, valid_from=now - datetime.timedelta(days=60) if expired else None)


class _TlsServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


def _serve(handle: type[socketserver.BaseRequestHandler]) -> Iterator[int]:
    server = _TlsServer(("127.0.0.1", 0), handle)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield int(server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()


def _tls_server_with(certificate: Certificate) -> Iterator[int]:
    context = certificate.server_context()

    class Handshake(socketserver.BaseRequestHandler):
        def handle(self) -> None:
            try:
                with context.wrap_socket(self.request, server_side=True) as tls:
                    tls.recv(1)
            except (ssl.SSLError, OSError):
                return

    yield from _serve(Handshake)


def test_plain_http_on_the_https_port_suggests_transport_http(tmp_path: Path) -> None:
    with LabHost(FakeBackend(), user=USER, password=PASSWORD, https=False) as host:
        error = _failure(_settings("127.0.0.1", host.port, scheme="https"))
    assert isinstance(error, PlainHttpOnHttpsPort), error
    assert "--transport http" in error.hint and "plain HTTP" in error.message


def test_an_untrusted_certificate_shows_its_sha256_and_sha1_thumbprints() -> None:
    with LabHost(FakeBackend(), user=USER, password=PASSWORD, https=True) as host:
        error = _failure(_settings("127.0.0.1", host.port, scheme="https"))
        der = ssl.PEM_cert_to_DER_cert(ssl.get_server_certificate(("127.0.0.1", host.port)))
    assert isinstance(error, CertificateNotTrusted), error
    sha1 = hashlib.sha1(der, usedforsecurity=False).hexdigest()
    assert host.thumbprint is not None and host.thumbprint in error.message and sha1 in error.message
    assert r"Get-ChildItem Cert:\LocalMachine\My" in error.hint


def test_a_sha1_thumbprint_pins_the_certificate_as_windows_shows_it() -> None:
    with LabHost(FakeBackend(), user=USER, password=PASSWORD, https=True) as host:
        der = ssl.PEM_cert_to_DER_cert(ssl.get_server_certificate(("127.0.0.1", host.port)))
        sha1 = hashlib.sha1(der, usedforsecurity=False).hexdigest().upper()
        spaced = " ".join(sha1[index : index + 2] for index in range(0, 40, 2))
        settings = _settings("127.0.0.1", host.port, scheme="https", thumbprint=spaced)
        transport = PsrpTransport(settings)
        try:
            assert transport.run(Operation.INVENTORY, {})["operation"] == "inventory"
        finally:
            transport.close()
        wrong = _failure(_settings("127.0.0.1", host.port, scheme="https", thumbprint="ab" * 20))
    assert isinstance(wrong, CertificateNotTrusted) and "does not match the pinned" in wrong.message


def test_a_certificate_for_another_name_says_so(tmp_path: Path) -> None:
    certificate = _certificate("web01.contoso.com")
    ca_file = tmp_path / "ca.pem"
    ca_file.write_bytes(certificate.pem)
    for port in _tls_server_with(certificate):
        error = _failure(_settings("localhost", port, scheme="https", ca_file=ca_file))
    assert isinstance(error, CertificateWrongName), error
    assert "another name" in error.message


def test_an_expired_certificate_says_so(tmp_path: Path) -> None:
    certificate = _certificate("localhost", expired=True)
    ca_file = tmp_path / "ca.pem"
    ca_file.write_bytes(certificate.pem)
    for port in _tls_server_with(certificate):
        error = _failure(_settings("localhost", port, scheme="https", ca_file=ca_file))
    assert isinstance(error, CertificateExpired), error


def test_a_failed_handshake_is_not_called_an_untrusted_certificate() -> None:
    class Refuse(socketserver.BaseRequestHandler):
        def handle(self) -> None:
            self.request.recv(4096)
            self.request.sendall(HANDSHAKE_FAILURE_ALERT)
            self.request.shutdown(socket.SHUT_WR)

    for port in _serve(Refuse):
        error = _failure(_settings("127.0.0.1", port, scheme="https"))
    assert isinstance(error, TlsHandshakeFailed), error
    assert "handshake" in error.message
