"""The PSRP boundary's one translation of library exceptions into the bridge's typed failures.

pypsrp, requests, urllib3 and spnego exceptions (and the socket and TLS errors under them) stop
at :func:`translate_exception`; nothing past the PSRP transport sees them.
"""

from __future__ import annotations

import errno
import json
import socket
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import requests
from pypsrp.exceptions import AuthenticationError, WinRMError, WinRMTransportError, WSManFaultError
from spnego.exceptions import SpnegoError

from bridge.errors import (
    AnswerNotSealed,
    AuthenticationFailed,
    BridgeError,
    CertificateExpired,
    CertificateNotTrusted,
    CertificateWrongName,
    KerberosLibraryMissing,
    NotElevated,
    OperationTimeout,
    PlainHttpOnHttpsPort,
    Thumbprints,
    TlsHandshakeFailed,
    UnexpectedAnswer,
    UnknownConfiguration,
    Unreachable,
    WinRMNotListening,
)
from bridge.transport import NotJson
from bridge.wording import translate

# The WSMan fault a server answers when the operation timeout elapsed.
WSMAN_OPERATION_TIMEOUT = 0x80338029
# The WSMan fault code for "Access is denied" (a plain Win32 ERROR_ACCESS_DENIED).
WSMAN_ACCESS_DENIED = 5
# ERROR_WSMAN_RESOURCE_NOT_FOUND: no endpoint answers the resource URI (here: the configuration's).
WSMAN_RESOURCE_NOT_FOUND = 0x80338000

# Details of the failures below, as parameters of their sentences.
NO_ANSWER = translate("Bridge", "no answer", "detail-no-answer")
UNKNOWN_HOST_NAME = translate("Bridge", "unknown host name", "detail-unknown-host-name")
CONNECTION_DROPPED = translate("Bridge", "the connection was dropped", "detail-connection-dropped")
WINRM_DENIED_ACCESS = translate("Bridge", "WinRM denied access", "detail-winrm-denied-access")
HTTP_STATUS = translate("Bridge", "HTTP status {status}", "detail-http-status")


class UnsealedResponse(Exception):
    """Raised inside the HTTP layer: a message-encrypted request got an answer in plain text."""


def _chain(exc: BaseException) -> list[BaseException]:
    """The exception and everything it was raised from, outermost first."""
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen:
        seen.append(current)
        if current.args and isinstance(current.args[-1], BaseException):
            # urllib3 wraps the socket error as the last argument rather than as a cause.
            nested: BaseException | None = current.args[-1]
        else:
            nested = current.__cause__ or current.__context__
        current = nested
    return seen


def _caused_by_refusal(exc: BaseException) -> bool:
    return any(
        isinstance(link, ConnectionRefusedError) or getattr(link, "errno", None) == errno.ECONNREFUSED
        for link in _chain(exc)
    ) or "Connection refused" in str(exc)


def _caused_by_name_lookup(exc: BaseException) -> bool:
    return any(
        isinstance(link, socket.gaierror) for link in _chain(exc)
    ) or "Name or service not known" in str(exc)


@dataclass(frozen=True)
class _Peer:
    host: str
    port: int | None
    user: str | None
    configuration: str


# OpenSSL's X509_V_ERR_* codes (x509_vfy.h) that need a message of their own.
_X509_EXPIRED = frozenset({9, 10})  # not yet valid, has expired
_X509_HOSTNAME_MISMATCH = 62
# What OpenSSL says when the peer's first bytes are not a TLS record (an HTTP answer, say).
_NOT_TLS = ("WRONG_VERSION_NUMBER", "record layer failure", "packet length too long", "http request")


def tls_failure(
    exc: BaseException, host: str, port: int | None, thumbprints: Thumbprints | None = None
) -> BridgeError:
    """Tell a plain-HTTP port, an untrusted, misnamed or expired certificate and a failed handshake apart."""
    chain = _chain(exc)
    verification = next((link for link in chain if isinstance(link, ssl.SSLCertVerificationError)), None)
    if verification is not None:
        code = verification.verify_code
        if code == _X509_HOSTNAME_MISMATCH:
            return CertificateWrongName(host, thumbprints, verification.verify_message)
        if code in _X509_EXPIRED:
            return CertificateExpired(host, thumbprints)
        return CertificateNotTrusted(host, thumbprints)
    text = " ".join(str(link) for link in chain)
    if "Fingerprints did not match" in text:
        return CertificateNotTrusted(host, thumbprints, pinned=True)
    if any(marker.lower() in text.lower() for marker in _NOT_TLS):
        return PlainHttpOnHttpsPort(host, port)
    reason = next((link.reason for link in chain if isinstance(link, ssl.SSLError) and link.reason), None)
    return TlsHandshakeFailed(host, str(reason or type(exc).__name__))


# Ordered: the first matching type wins, so subclasses come before their bases
# (SSLError and ConnectTimeout are both ConnectionErrors in requests).
_TRANSLATIONS: tuple[tuple[tuple[type[BaseException], ...], Callable[[Any, _Peer], BridgeError]], ...] = (
    ((UnsealedResponse,), lambda exc, peer: AnswerNotSealed(peer.host)),
    ((requests.exceptions.SSLError, ssl.SSLError), lambda exc, peer: tls_failure(exc, peer.host, peer.port)),
    ((requests.exceptions.ConnectTimeout,), lambda exc, peer: Unreachable(peer.host, NO_ANSWER())),
    (
        (requests.exceptions.ReadTimeout, socket.timeout, TimeoutError),
        lambda exc, peer: OperationTimeout(peer.host),
    ),
    (
        (requests.exceptions.ConnectionError, ConnectionError),
        lambda exc, peer: _network_failure(exc, peer.host, peer.port),
    ),
    ((AuthenticationError, SpnegoError), lambda exc, peer: AuthenticationFailed(peer.host, peer.user)),
    ((WinRMError,), lambda exc, peer: _winrm_failure(exc, peer)),  # noqa: PLW0108 - defined below
    ((json.JSONDecodeError,), lambda exc, peer: NotJson(peer.host)),
    ((ImportError,), lambda exc, peer: _missing_library(exc, peer.host)),
)


def translate_exception(
    exc: BaseException,
    host: str,
    *,
    port: int | None = None,
    user: str | None = None,
    configuration: str = "Microsoft.PowerShell",
) -> BridgeError:
    """Turn any exception met while talking to ``host`` into one of the typed failures."""
    if isinstance(exc, BridgeError):
        return exc
    peer = _Peer(host, port, user, configuration)
    for types, build in _TRANSLATIONS:
        if isinstance(exc, types):
            return build(exc, peer)
    return UnexpectedAnswer(host, f"{type(exc).__name__}: {exc}")


def _missing_library(exc: ImportError, host: str) -> BridgeError:
    # spnego imports gssapi (and krb5) only when Kerberos is first used, and raises ImportError then.
    if any(name in str(exc) for name in ("gssapi", "krb5")):
        return KerberosLibraryMissing(str(exc).rsplit(": ", 1)[-1])
    return UnexpectedAnswer(host, f"{type(exc).__name__}: {exc}")


def _network_failure(exc: BaseException, host: str, port: int | None) -> BridgeError:
    if _caused_by_refusal(exc):
        return WinRMNotListening(host, port)
    if _caused_by_name_lookup(exc):
        return Unreachable(host, UNKNOWN_HOST_NAME())
    return Unreachable(host, CONNECTION_DROPPED())


def _winrm_failure(exc: WinRMError, peer: _Peer) -> BridgeError:
    if isinstance(exc, WinRMTransportError):
        if exc.code == 401:
            return AuthenticationFailed(peer.host, peer.user)
        return UnexpectedAnswer(peer.host, HTTP_STATUS(status=str(exc.code)))
    if isinstance(exc, WSManFaultError):
        return _wsman_fault(exc, peer)
    return UnexpectedAnswer(peer.host, str(exc))


def _wsman_fault(exc: WSManFaultError, peer: _Peer) -> BridgeError:
    if exc.code == WSMAN_OPERATION_TIMEOUT:
        return OperationTimeout(peer.host)
    if exc.code == WSMAN_ACCESS_DENIED:
        return NotElevated(peer.host, WINRM_DENIED_ACCESS())
    # Windows names it ("Cannot find the X session configuration in the WSMan: drive", as reported
    # in MicrosoftDocs/windowsserverdocs#2448); a generic "resource not found" fault is read alike.
    if exc.code == WSMAN_RESOURCE_NOT_FOUND or "session configuration" in str(exc.reason or ""):
        return UnknownConfiguration(peer.host, peer.configuration)
    return UnexpectedAnswer(peer.host, str(exc.reason or exc))
