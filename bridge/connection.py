"""Connection settings for a host, built in one place with safe defaults.

HTTPS with certificate verification and Negotiate is the default; anything
weaker must be asked for by name. Passwords are held here only in memory and
are never part of ``describe()``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import TypeVar

from bridge.errors import THUMBPRINT_COMMAND, UsageFailure
from bridge.model import Message
from bridge.wording import translate

HTTP_PORT = 5985
HTTPS_PORT = 5986
DEFAULT_CONNECTION_TIMEOUT = 15.0
DEFAULT_OPERATION_TIMEOUT = 120.0

# SHA-256 (64 hex digits) or SHA-1 (40), which the Windows certificate store and IIS Manager show.
_THUMBPRINT = re.compile(r"^(?:[0-9a-f]{40}|[0-9a-f]{64})$")
# The session configuration that runs Windows PowerShell 5.1 on every Windows Server; an
# endpoint whose default is PowerShell 7 is told to use it with --configuration-name.
DEFAULT_CONFIGURATION_NAME = "Microsoft.PowerShell"
# PSSessionConfiguration names: letters, digits, dots, dashes and underscores.
_CONFIGURATION_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


class Scheme(str, Enum):
    HTTPS = "https"
    HTTP = "http"


class Auth(str, Enum):
    NEGOTIATE = "negotiate"
    KERBEROS = "kerberos"
    NTLM = "ntlm"
    CREDSSP = "credssp"
    BASIC = "basic"
    CERTIFICATE = "certificate"


INVALID_SETTINGS_HINT = translate(
    "Bridge", "Fix the connection options and try again.", "hint-invalid-settings"
)
NOT_A_THUMBPRINT = translate(
    "Bridge",
    "{text} is neither a SHA-256 thumbprint (64 hexadecimal digits) nor a SHA-1 one (40); '{command}' on "
    "the server prints the SHA-1 thumbprint of each certificate.",
    "not-a-thumbprint",
)
HOST_REQUIRED = translate("Bridge", "A host name is required.", "host-required")
NOT_A_CHOICE = translate("Bridge", "{value} is not one of {choices}.", "not-a-choice")
BASIC_OVER_HTTP = translate(
    "Bridge", "Basic authentication over HTTP would send the password in clear; use HTTPS.", "basic-over-http"
)
CERTIFICATE_NEEDS_HTTPS = translate(
    "Bridge", "Certificate authentication needs HTTPS.", "certificate-needs-https"
)
CERTIFICATE_NEEDS_KEY = translate(
    "Bridge", "Certificate authentication needs a client certificate and its key.", "certificate-needs-key"
)
NEEDS_USER = translate("Bridge", "{auth} authentication needs a user name (--user).", "auth-needs-user")
CERTIFICATE_OPTIONS_HTTPS_ONLY = translate(
    "Bridge", "Certificate options apply only to HTTPS.", "certificate-options-https-only"
)
CA_OR_PIN = translate("Bridge", "Give either a CA file or a pinned thumbprint, not both.", "ca-or-pin")
NOT_A_PORT = translate("Bridge", "{port} is not a TCP port.", "not-a-port")
TIMEOUTS_POSITIVE = translate("Bridge", "Timeouts must be positive.", "timeouts-positive")
NOT_A_CONFIGURATION_NAME = translate(
    "Bridge", "{name} is not a PowerShell session configuration name.", "not-a-configuration-name"
)


class InvalidSettings(UsageFailure):
    """Settings that cannot describe a connection; the CLI reports them as a usage error."""

    def __init__(self, message: Message) -> None:
        super().__init__(message, INVALID_SETTINGS_HINT())


Choice = TypeVar("Choice", Scheme, Auth)


def _choice(kind: type[Choice], value: Choice | str) -> Choice:
    try:
        return kind(value)
    except ValueError as exc:
        choices = ", ".join(member.value for member in kind)
        raise InvalidSettings(NOT_A_CHOICE(value=repr(value), choices=choices)) from exc


@dataclass(frozen=True)
class ConnectionSettings:
    host: str
    port: int
    scheme: Scheme
    auth: Auth
    user: str | None
    password: str | None = field(default=None, repr=False)
    ca_file: Path | None = None
    thumbprint: str | None = None
    verify_tls: bool = True
    certificate_pem: Path | None = None
    certificate_key_pem: Path | None = None
    connection_timeout: float = DEFAULT_CONNECTION_TIMEOUT
    operation_timeout: float = DEFAULT_OPERATION_TIMEOUT
    configuration_name: str = DEFAULT_CONFIGURATION_NAME

    @property
    def key(self) -> str:
        """What identifies the host for sessions, history and the keyring."""
        return f"{self.host}:{self.port}"

    def describe(self) -> str:
        """A one-line summary for logs and the GUI; shows weakened verification, never secrets."""
        parts = [f"{self.scheme.value}://{self.host}:{self.port}", self.auth.value]
        if self.user:
            parts.append(f"as {self.user}")
        if self.configuration_name != DEFAULT_CONFIGURATION_NAME:
            parts.append(f"configuration {self.configuration_name}")
        if self.scheme is Scheme.HTTPS:
            if not self.verify_tls:
                parts.append("certificate NOT verified")
            elif self.thumbprint:
                parts.append(f"pinned {self.thumbprint[:16]}...")
            elif self.ca_file:
                parts.append(f"CA {self.ca_file}")
        return ", ".join(parts)


def host_label(name: str, port: int) -> str:
    """The host as the admin named it, with its port (``web01:5986``, ``[::1]:5985``): how plans,
    history and the GUI name a host, so two hosts behind one address are told apart."""
    return f"[{name}]:{port}" if ":" in name else f"{name}:{port}"


def normalise_thumbprint(text: str) -> str:
    """Accept a SHA-256 or SHA-1 thumbprint as printed by Windows or OpenSSL (spaces, colons, any case).

    urllib3's ``assert_fingerprint`` picks the digest from the length, so both pin the same way.
    """
    # U+200E: the invisible mark the Windows certificate dialog puts before a copied thumbprint.
    cleaned = re.sub(r"[\s:\u200e]", "", text).lower()
    if not _THUMBPRINT.fullmatch(cleaned):
        raise InvalidSettings(NOT_A_THUMBPRINT(text=repr(text), command=THUMBPRINT_COMMAND))
    return cleaned


def connection_settings(
    host: str,
    *,
    port: int | None = None,
    scheme: Scheme | str = Scheme.HTTPS,
    auth: Auth | str = Auth.NEGOTIATE,
    user: str | None = None,
    password: str | None = None,
    ca_file: Path | str | None = None,
    thumbprint: str | None = None,
    verify_tls: bool = True,
    certificate_pem: Path | str | None = None,
    certificate_key_pem: Path | str | None = None,
    connection_timeout: float = DEFAULT_CONNECTION_TIMEOUT,
    operation_timeout: float = DEFAULT_OPERATION_TIMEOUT,
    configuration_name: str = DEFAULT_CONFIGURATION_NAME,
) -> ConnectionSettings:
    """Build and validate every setting of a connection; the only constructor callers should use."""
    if not host.strip():
        raise InvalidSettings(HOST_REQUIRED())
    chosen_scheme = _choice(Scheme, scheme)
    chosen_auth = _choice(Auth, auth)
    if chosen_auth is Auth.BASIC and chosen_scheme is Scheme.HTTP:
        # WinRM never message-encrypts Basic: the password would cross the network readable.
        raise InvalidSettings(BASIC_OVER_HTTP())
    if chosen_auth is Auth.CERTIFICATE:
        if chosen_scheme is not Scheme.HTTPS:
            raise InvalidSettings(CERTIFICATE_NEEDS_HTTPS())
        if certificate_pem is None or certificate_key_pem is None:
            raise InvalidSettings(CERTIFICATE_NEEDS_KEY())
    elif chosen_auth is not Auth.KERBEROS and not user:
        raise InvalidSettings(NEEDS_USER(auth=chosen_auth.value))
    pinned = normalise_thumbprint(thumbprint) if thumbprint else None
    if chosen_scheme is Scheme.HTTP and (pinned or ca_file or not verify_tls):
        raise InvalidSettings(CERTIFICATE_OPTIONS_HTTPS_ONLY())
    if pinned and ca_file:
        raise InvalidSettings(CA_OR_PIN())
    if port is not None and not 0 < port < 65536:
        raise InvalidSettings(NOT_A_PORT(port=str(port)))
    if connection_timeout <= 0 or operation_timeout <= 0:
        raise InvalidSettings(TIMEOUTS_POSITIVE())
    if not _CONFIGURATION_NAME.match(configuration_name):
        raise InvalidSettings(NOT_A_CONFIGURATION_NAME(name=repr(configuration_name)))
    return ConnectionSettings(
        host=host.strip(),
        port=port if port is not None else (HTTPS_PORT if chosen_scheme is Scheme.HTTPS else HTTP_PORT),
        scheme=chosen_scheme,
        auth=chosen_auth,
        user=user,
        password=password,
        ca_file=Path(ca_file) if ca_file else None,
        thumbprint=pinned,
        verify_tls=verify_tls,
        certificate_pem=Path(certificate_pem) if certificate_pem else None,
        certificate_key_pem=Path(certificate_key_pem) if certificate_key_pem else None,
        connection_timeout=connection_timeout,
        operation_timeout=operation_timeout,
        configuration_name=configuration_name,
    )
