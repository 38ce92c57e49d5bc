"""The typed failures of the bridge, and the one place that translates library exceptions into them.

Every failure an admin can meet carries one sentence saying what happened,
one saying what to do next, and the CLI exit code it maps to. pypsrp,
requests, urllib3 and spnego exceptions stop at ``translate_exception``.
"""

from __future__ import annotations

import errno
import json
import re
import socket
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import requests
from pypsrp.exceptions import AuthenticationError, WinRMError, WinRMTransportError, WSManFaultError
from spnego.exceptions import SpnegoError

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_REFUSED = 3
EXIT_CONNECT = 4
EXIT_FAILED = 5
EXIT_CANCELLED = 130

# The WSMan fault a server answers when the operation timeout elapsed.
WSMAN_OPERATION_TIMEOUT = 0x80338029
# The WSMan fault code for "Access is denied" (a plain Win32 ERROR_ACCESS_DENIED).
WSMAN_ACCESS_DENIED = 5


class BridgeError(Exception):
    """A failure with a clear message, what to do next, an exit code, and the host it concerns."""

    exit_code = EXIT_FAILED

    def __init__(self, message: str, hint: str, *, host: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.host = host

    def __str__(self) -> str:
        return self.message


class UsageFailure(BridgeError):
    """The request itself is wrong (an option, a target, a change id): nothing was sent or changed."""

    exit_code = EXIT_USAGE


def _detail(detail: str) -> str:
    """A detail appended to a sentence: `` (detail)``, or nothing."""
    return f" ({detail})" if detail else ""


class ConnectionFailure(BridgeError):
    """The bridge never got to run anything on the host."""

    exit_code = EXIT_CONNECT


class Unreachable(ConnectionFailure):
    def __init__(self, host: str, detail: str = "") -> None:
        super().__init__(
            f"Cannot reach {host}{_detail(detail)}.",
            "Check the host name, that the server is running and that no firewall blocks WinRM.",
            host=host,
        )


class WinRMNotListening(ConnectionFailure):
    def __init__(self, host: str, port: int | None) -> None:
        where = f"{host}:{port}" if port is not None else host
        super().__init__(
            f"Nothing is listening for WinRM on {where}.",
            "Run 'Enable-PSRemoting' on the server, or check --port and --transport.",
            host=host,
        )
        self.port = port


class AuthenticationFailed(ConnectionFailure):
    def __init__(self, host: str, user: str | None, detail: str = "") -> None:
        who = f" as {user}" if user else ""
        super().__init__(
            f"{host} rejected the sign-in{who}{_detail(detail)}.",
            "Check the user name and password, and that --auth matches what the server accepts.",
            host=host,
        )
        self.user = user


# What prints a certificate's thumbprint on the server (SHA-1, as IIS Manager shows it too).
THUMBPRINT_COMMAND = r"Get-ChildItem Cert:\LocalMachine\My"


@dataclass(frozen=True)
class Thumbprints:
    """The thumbprints of the certificate a server presented: SHA-256, and SHA-1 as Windows shows it."""

    sha256: str
    sha1: str

    def describe(self) -> str:
        return f"SHA-256 thumbprint {self.sha256}, SHA-1 {self.sha1}"


class CertificateNotTrusted(ConnectionFailure):
    def __init__(self, host: str, thumbprints: Thumbprints | None, *, pinned: bool = False) -> None:
        seen = f" ({thumbprints.describe()})" if thumbprints else ""
        what = "does not match the pinned thumbprint" if pinned else "is not trusted"
        super().__init__(
            f"The HTTPS certificate of {host} {what}{seen}.",
            "Give the issuing CA with --ca-file, or, after checking the thumbprint on the server "
            f"('{THUMBPRINT_COMMAND}' prints the SHA-1 thumbprints), pin it with --cert-thumbprint.",
            host=host,
        )
        self.thumbprints = thumbprints
        self.thumbprint = thumbprints.sha256 if thumbprints else None


class CertificateWrongName(ConnectionFailure):
    def __init__(self, host: str, thumbprints: Thumbprints | None, detail: str) -> None:
        seen = f"; {thumbprints.describe()}" if thumbprints else ""
        super().__init__(
            f"The HTTPS certificate of {host} is made out to another name ({detail}{seen}).",
            "Connect with the name the certificate was issued for (often the server's full DNS name), "
            "or give the server a certificate for the name you use.",
            host=host,
        )


class CertificateExpired(ConnectionFailure):
    def __init__(self, host: str, thumbprints: Thumbprints | None) -> None:
        seen = f" ({thumbprints.describe()})" if thumbprints else ""
        super().__init__(
            f"The HTTPS certificate of {host} has expired or is not valid yet{seen}.",
            "Renew the WinRM HTTPS listener's certificate on the server, and check both clocks.",
            host=host,
        )


# The failures that concern the certificate itself: their message shows its thumbprints.
CERTIFICATE_FAILURES = (CertificateNotTrusted, CertificateWrongName, CertificateExpired)


class PlainHttpOnHttpsPort(ConnectionFailure):
    def __init__(self, host: str, port: int | None) -> None:
        where = f"{host}:{port}" if port is not None else host
        super().__init__(
            f"{where} answers in plain HTTP, not HTTPS.",
            "Use --transport http for WinRM's HTTP listener (usually port 5985; the session is still "
            "message-encrypted), or the HTTPS listener's port (usually 5986).",
            host=host,
        )


class TlsHandshakeFailed(ConnectionFailure):
    def __init__(self, host: str, detail: str) -> None:
        super().__init__(
            f"The HTTPS handshake with {host} failed ({detail}).",
            "Check that the port is WinRM's HTTPS listener and that the server allows TLS 1.2 or later.",
            host=host,
        )


class KerberosLibraryMissing(UsageFailure):
    """Kerberos was asked for, but this machine lacks the Python library that speaks it."""

    def __init__(self, detail: str) -> None:
        super().__init__(
            "Kerberos authentication needs the Python gssapi library, "
            f"which is not installed on this machine ({detail}).",
            "Install the Kerberos extras: pip install 'pypsrp[kerberos]' (it brings gssapi and krb5, "
            "which need the system's Kerberos libraries, e.g. libkrb5-dev), or use --auth ntlm.",
        )


class UnsealedResponse(Exception):
    """Raised inside the HTTP layer: a message-encrypted request got an answer in plain text."""


class AnswerNotSealed(ConnectionFailure):
    def __init__(self, host: str) -> None:
        super().__init__(
            f"{host} answered a message-encrypted request in plain text; the answer was rejected as "
            "possibly forged.",
            "Something on the network path may be tampering with the session: check it, or use HTTPS.",
            host=host,
        )


class NotElevated(BridgeError):
    def __init__(self, host: str, detail: str = "") -> None:
        super().__init__(
            f"The account used on {host} is not an elevated administrator{_detail(detail)}.",
            "Connect with an account in the server's Administrators group (locally: run as administrator).",
            host=host,
        )


class IISMissing(BridgeError):
    def __init__(self, host: str, what: str) -> None:
        super().__init__(
            f"{what} is not installed on {host}.",
            "Install the Web Server (IIS) role with its management scripts and tools, then try again.",
            host=host,
        )


class WrongPowerShell(BridgeError):
    """The endpoint runs PowerShell 7, where WebAdministration has no IIS: drive and
    ``DirectoryInfo.GetAccessControl`` is no instance method (PowerShell/PowerShell#23962)."""

    def __init__(self, host: str, version: str) -> None:
        super().__init__(
            f"{host}'s remoting endpoint runs PowerShell {version}; IIS Access needs Windows PowerShell 5.1.",
            "Connect to Windows PowerShell 5.1's configuration with --configuration-name "
            "Microsoft.PowerShell (or the name the administrator registered for it).",
            host=host,
        )


class OperationTimeout(BridgeError):
    def __init__(self, host: str, seconds: float | None = None) -> None:
        within = f" within {seconds:g} seconds" if seconds is not None else " in time"
        super().__init__(
            f"{host} did not answer{within}.",
            "The server may be busy; try again, or raise the operation timeout.",
            host=host,
        )


class ScriptFailed(BridgeError):
    def __init__(self, host: str, server_message: str, error_id: str | None = None) -> None:
        super().__init__(
            f"The operation failed on {host}: {server_message}",
            "Read the server's message above; nothing else was changed.",
            host=host,
        )
        self.server_message = server_message
        self.error_id = error_id


class UnexpectedAnswer(BridgeError):
    def __init__(self, host: str, detail: str) -> None:
        super().__init__(
            f"{host} gave an answer IIS Access does not understand: {detail}",
            "Check that the server runs Windows PowerShell 5.1; report this if it persists.",
            host=host,
        )


class OutcomeUnknown(BridgeError):
    """A change was sent but never confirmed: the history holds what is needed to check and undo it."""

    def __init__(
        self, host: str, path: str, change_id: str, cause: BridgeError, *, undoing: bool = False
    ) -> None:
        what = "The undo of change " + change_id if undoing else "The change"
        super().__init__(
            f"{what} to {path} was sent to {host} but not confirmed ({cause.message}).",
            f"Once {host} answers again, run 'iis-access undo {change_id}' again: it checks the folder "
            "and completes the undo, or says it is already done."
            if undoing
            else f"Once {host} answers again, run 'iis-access check' to see the folder, or "
            f"'iis-access undo {change_id}' to restore the ACL recorded before it.",
            host=host,
        )
        self.change_id = change_id
        self.cause = cause


class Refused(BridgeError):
    """Nothing was changed because a rule, a deny ACE or a concurrent change stood in the way."""

    exit_code = EXIT_REFUSED

    def __init__(self, reason: str, hint: str = "Nothing was changed.") -> None:
        super().__init__(reason, hint)
        self.reason = reason


class NothingToDo(BridgeError):
    """The request is already satisfied (a change already undone, a grant that never landed)."""

    exit_code = EXIT_OK

    def __init__(self, reason: str, hint: str = "There is nothing to do.") -> None:
        super().__init__(reason, hint)


class Cancelled(BridgeError):
    exit_code = EXIT_CANCELLED

    def __init__(self, what: str = "The operation") -> None:
        super().__init__(f"{what} was cancelled.", "Run it again when ready.")


def error_kind(error: BridgeError) -> str:
    """The failure's type for scripts: ``AuthenticationFailed`` -> ``authentication-failed``."""
    return re.sub(r"(?<!^)(?=[A-Z])", "-", type(error).__name__).lower()


def error_object(error: BridgeError) -> dict[str, Any]:
    """The failure as JSON: what ``--json`` prints under ``error``, and a fleet run per host."""
    return {
        "kind": error_kind(error),
        "message": error.message,
        "hint": error.hint,
        "exitCode": error.exit_code,
    }


def error_document(error: BridgeError) -> dict[str, Any]:
    """The one JSON document ``--json`` prints when a one-host command fails."""
    return {"error": error_object(error)}


def script_failure(host: str, message: str, error_id: str | None, category: str | None) -> BridgeError:
    """The failure for an error record the script raised on the host."""
    markers = f"{error_id or ''} {category or ''}"
    if "UnauthorizedAccess" in markers or "PermissionDenied" in markers:
        return NotElevated(host, message)
    return ScriptFailed(host, message, error_id)


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
    ((requests.exceptions.ConnectTimeout,), lambda exc, peer: Unreachable(peer.host, "no answer")),
    (
        (requests.exceptions.ReadTimeout, socket.timeout, TimeoutError),
        lambda exc, peer: OperationTimeout(peer.host),
    ),
    (
        (requests.exceptions.ConnectionError, ConnectionError),
        lambda exc, peer: _network_failure(exc, peer.host, peer.port),
    ),
    ((AuthenticationError, SpnegoError), lambda exc, peer: AuthenticationFailed(peer.host, peer.user)),
    ((WinRMError,), lambda exc, peer: _winrm_failure(exc, peer.host, peer.user)),
    ((json.JSONDecodeError,), lambda exc, peer: UnexpectedAnswer(peer.host, "the output was not JSON")),
    ((ImportError,), lambda exc, peer: _missing_library(exc, peer.host)),
)


def translate_exception(
    exc: BaseException,
    host: str,
    *,
    port: int | None = None,
    user: str | None = None,
) -> BridgeError:
    """Turn any exception met while talking to ``host`` into one of the typed failures."""
    if isinstance(exc, BridgeError):
        return exc
    peer = _Peer(host, port, user)
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
        return Unreachable(host, "unknown host name")
    return Unreachable(host, "the connection was dropped")


def _winrm_failure(exc: WinRMError, host: str, user: str | None) -> BridgeError:
    if isinstance(exc, WinRMTransportError):
        if exc.code == 401:
            return AuthenticationFailed(host, user)
        return UnexpectedAnswer(host, f"HTTP status {exc.code}")
    if isinstance(exc, WSManFaultError):
        if exc.code == WSMAN_OPERATION_TIMEOUT:
            return OperationTimeout(host)
        if exc.code == WSMAN_ACCESS_DENIED:
            return NotElevated(host, "WinRM denied access")
        return UnexpectedAnswer(host, str(exc.reason or exc))
    return UnexpectedAnswer(host, str(exc))
