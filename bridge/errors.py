"""The typed failures of the bridge: what happened, what to do next, and the CLI exit code.

Every failure an admin can meet carries one sentence saying what happened and one saying what to
do next, each a declared :class:`~bridge.model.Message` (``bridge.wording``), so the CLI prints
them in English and the GUI in the UI language. Library exceptions are turned into these at the
transport that meets them (``bridge.psrp_errors`` for pypsrp, requests and spnego); this module
imports none of those libraries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bridge.model import Message, MessageParam
from bridge.wording import translate

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_REFUSED = 3
EXIT_CONNECT = 4
EXIT_FAILED = 5
EXIT_CANCELLED = 130

DECLINED_HINT = translate(
    "Bridge", "Answer 'y' to go ahead, or add --yes when running from a script.", "hint-declined"
)
NOTHING_CHANGED = translate("Bridge", "Nothing was changed.", "hint-nothing-changed")
NOTHING_TO_DO = translate("Bridge", "There is nothing to do.", "hint-nothing-to-do")


class BridgeError(Exception):
    """A failure with a clear message, what to do next, an exit code, and the host it concerns.

    ``text`` and ``hint_text`` are the messages; ``message`` and ``hint`` their English sentences
    (what the CLI prints and ``--json`` holds).
    """

    exit_code = EXIT_FAILED

    def __init__(self, message: Message, hint: Message, *, host: str | None = None) -> None:
        super().__init__(message.describe())
        self.text = message
        self.hint_text = hint
        self.message = message.describe()
        self.hint = hint.describe()
        self.host = host

    def __str__(self) -> str:
        return self.message


class UsageFailure(BridgeError):
    """The request itself is wrong (an option, a target, a change id): nothing was sent or changed."""

    exit_code = EXIT_USAGE


class ConnectionFailure(BridgeError):
    """The bridge never got to run anything on the host."""

    exit_code = EXIT_CONNECT


UNREACHABLE = translate("Bridge", "Cannot reach {host}.", "unreachable")
UNREACHABLE_BECAUSE = translate("Bridge", "Cannot reach {host} ({detail}).", "unreachable-because")
UNREACHABLE_HINT = translate(
    "Bridge",
    "Check the host name, that the server is running and that no firewall blocks WinRM.",
    "hint-unreachable",
)


class Unreachable(ConnectionFailure):
    def __init__(self, host: str, detail: MessageParam = "") -> None:
        super().__init__(
            UNREACHABLE_BECAUSE(host=host, detail=detail) if detail else UNREACHABLE(host=host),
            UNREACHABLE_HINT(),
            host=host,
        )


WINRM_NOT_LISTENING = translate("Bridge", "Nothing is listening for WinRM on {where}.", "winrm-not-listening")
WINRM_NOT_LISTENING_HINT = translate(
    "Bridge",
    "Run 'Enable-PSRemoting' on the server, or check --port and --transport.",
    "hint-winrm-not-listening",
)


def _where(host: str, port: int | None) -> str:
    return f"{host}:{port}" if port is not None else host


class WinRMNotListening(ConnectionFailure):
    def __init__(self, host: str, port: int | None) -> None:
        super().__init__(WINRM_NOT_LISTENING(where=_where(host, port)), WINRM_NOT_LISTENING_HINT(), host=host)
        self.port = port


UNKNOWN_CONFIGURATION = translate(
    "Bridge", "{host} has no PowerShell session configuration named {name}.", "unknown-configuration"
)
UNKNOWN_CONFIGURATION_HINT = translate(
    "Bridge",
    "Use Windows PowerShell's own configuration, Microsoft.PowerShell (the default), or a name that "
    "Get-PSSessionConfiguration lists on the server; 'Enable-PSRemoting' registers the default ones.",
    "hint-unknown-configuration",
)


class UnknownConfiguration(ConnectionFailure):
    """The endpoint (session configuration) asked for is not registered on the server."""

    def __init__(self, host: str, name: str) -> None:
        super().__init__(UNKNOWN_CONFIGURATION(host=host, name=name), UNKNOWN_CONFIGURATION_HINT(), host=host)
        self.name = name


AUTHENTICATION_FAILED = translate("Bridge", "{host} rejected the sign-in.", "authentication-failed")
AUTHENTICATION_FAILED_AS = translate(
    "Bridge", "{host} rejected the sign-in as {user}.", "authentication-failed-as-user"
)
AUTHENTICATION_FAILED_HINT = translate(
    "Bridge",
    "Check the user name and password, and that --auth matches what the server accepts.",
    "hint-authentication-failed",
)


class AuthenticationFailed(ConnectionFailure):
    def __init__(self, host: str, user: str | None) -> None:
        super().__init__(
            AUTHENTICATION_FAILED_AS(host=host, user=user) if user else AUTHENTICATION_FAILED(host=host),
            AUTHENTICATION_FAILED_HINT(),
            host=host,
        )
        self.user = user


# What prints a certificate's thumbprint on the server (SHA-1, as IIS Manager shows it too).
THUMBPRINT_COMMAND = r"Get-ChildItem Cert:\LocalMachine\My"

THUMBPRINTS = translate("Bridge", "SHA-256 thumbprint {sha256}, SHA-1 {sha1}", "thumbprints")


@dataclass(frozen=True)
class Thumbprints:
    """The thumbprints of the certificate a server presented: SHA-256, and SHA-1 as Windows shows it."""

    sha256: str
    sha1: str

    def describe(self) -> Message:
        return THUMBPRINTS(sha256=self.sha256, sha1=self.sha1)


CERTIFICATE_NOT_TRUSTED = translate(
    "Bridge", "The HTTPS certificate of {host} is not trusted.", "certificate-not-trusted"
)
CERTIFICATE_NOT_TRUSTED_SEEN = translate(
    "Bridge",
    "The HTTPS certificate of {host} is not trusted ({thumbprints}).",
    "certificate-not-trusted-seen",
)
CERTIFICATE_NOT_PINNED = translate(
    "Bridge",
    "The HTTPS certificate of {host} does not match the pinned thumbprint.",
    "certificate-not-pinned",
)
CERTIFICATE_NOT_PINNED_SEEN = translate(
    "Bridge",
    "The HTTPS certificate of {host} does not match the pinned thumbprint ({thumbprints}).",
    "certificate-not-pinned-seen",
)
CERTIFICATE_NOT_TRUSTED_HINT = translate(
    "Bridge",
    "Give the issuing CA with --ca-file, or, after checking the thumbprint on the server "
    "('{command}' prints the SHA-1 thumbprints), pin it with --cert-thumbprint.",
    "hint-certificate-not-trusted",
)


class CertificateNotTrusted(ConnectionFailure):
    def __init__(self, host: str, thumbprints: Thumbprints | None, *, pinned: bool = False) -> None:
        if thumbprints is None:
            message = (CERTIFICATE_NOT_PINNED if pinned else CERTIFICATE_NOT_TRUSTED)(host=host)
        else:
            seen = CERTIFICATE_NOT_PINNED_SEEN if pinned else CERTIFICATE_NOT_TRUSTED_SEEN
            message = seen(host=host, thumbprints=thumbprints.describe())
        super().__init__(message, CERTIFICATE_NOT_TRUSTED_HINT(command=THUMBPRINT_COMMAND), host=host)
        self.thumbprints = thumbprints
        self.thumbprint = thumbprints.sha256 if thumbprints else None


CERTIFICATE_WRONG_NAME = translate(
    "Bridge",
    "The HTTPS certificate of {host} is made out to another name ({detail}).",
    "certificate-wrong-name",
)
CERTIFICATE_WRONG_NAME_SEEN = translate(
    "Bridge",
    "The HTTPS certificate of {host} is made out to another name ({detail}; {thumbprints}).",
    "certificate-wrong-name-seen",
)
CERTIFICATE_WRONG_NAME_HINT = translate(
    "Bridge",
    "Connect with the name the certificate was issued for (often the server's full DNS name), "
    "or give the server a certificate for the name you use.",
    "hint-certificate-wrong-name",
)


class CertificateWrongName(ConnectionFailure):
    def __init__(self, host: str, thumbprints: Thumbprints | None, detail: str) -> None:
        super().__init__(
            CERTIFICATE_WRONG_NAME(host=host, detail=detail)
            if thumbprints is None
            else CERTIFICATE_WRONG_NAME_SEEN(host=host, detail=detail, thumbprints=thumbprints.describe()),
            CERTIFICATE_WRONG_NAME_HINT(),
            host=host,
        )


CERTIFICATE_EXPIRED = translate(
    "Bridge", "The HTTPS certificate of {host} has expired or is not valid yet.", "certificate-expired"
)
CERTIFICATE_EXPIRED_SEEN = translate(
    "Bridge",
    "The HTTPS certificate of {host} has expired or is not valid yet ({thumbprints}).",
    "certificate-expired-seen",
)
CERTIFICATE_EXPIRED_HINT = translate(
    "Bridge",
    "Renew the WinRM HTTPS listener's certificate on the server, and check both clocks.",
    "hint-certificate-expired",
)


class CertificateExpired(ConnectionFailure):
    def __init__(self, host: str, thumbprints: Thumbprints | None) -> None:
        super().__init__(
            CERTIFICATE_EXPIRED(host=host)
            if thumbprints is None
            else CERTIFICATE_EXPIRED_SEEN(host=host, thumbprints=thumbprints.describe()),
            CERTIFICATE_EXPIRED_HINT(),
            host=host,
        )


# The failures that concern the certificate itself: their message shows its thumbprints.
CERTIFICATE_FAILURES = (CertificateNotTrusted, CertificateWrongName, CertificateExpired)

PLAIN_HTTP = translate("Bridge", "{where} answers in plain HTTP, not HTTPS.", "plain-http-on-https-port")
PLAIN_HTTP_HINT = translate(
    "Bridge",
    "Use --transport http for WinRM's HTTP listener (usually port 5985; the session is still "
    "message-encrypted), or the HTTPS listener's port (usually 5986).",
    "hint-plain-http-on-https-port",
)


class PlainHttpOnHttpsPort(ConnectionFailure):
    def __init__(self, host: str, port: int | None) -> None:
        super().__init__(PLAIN_HTTP(where=_where(host, port)), PLAIN_HTTP_HINT(), host=host)


TLS_HANDSHAKE_FAILED = translate(
    "Bridge", "The HTTPS handshake with {host} failed ({detail}).", "tls-handshake-failed"
)
TLS_HANDSHAKE_FAILED_HINT = translate(
    "Bridge",
    "Check that the port is WinRM's HTTPS listener and that the server allows TLS 1.2 or later.",
    "hint-tls-handshake-failed",
)


class TlsHandshakeFailed(ConnectionFailure):
    def __init__(self, host: str, detail: str) -> None:
        super().__init__(
            TLS_HANDSHAKE_FAILED(host=host, detail=detail), TLS_HANDSHAKE_FAILED_HINT(), host=host
        )


KERBEROS_LIBRARY_MISSING = translate(
    "Bridge",
    "Kerberos authentication needs the Python gssapi library, which is not installed on this machine "
    "({detail}).",
    "kerberos-library-missing",
)
KERBEROS_LIBRARY_MISSING_HINT = translate(
    "Bridge",
    "Install the Kerberos extras: pip install 'pypsrp[kerberos]' (it brings gssapi and krb5, which need "
    "the system's Kerberos libraries, e.g. libkrb5-dev), or use --auth ntlm.",
    "hint-kerberos-library-missing",
)


class KerberosLibraryMissing(UsageFailure):
    """Kerberos was asked for, but this machine lacks the Python library that speaks it."""

    def __init__(self, detail: str) -> None:
        super().__init__(KERBEROS_LIBRARY_MISSING(detail=detail), KERBEROS_LIBRARY_MISSING_HINT())


ANSWER_NOT_SEALED = translate(
    "Bridge",
    "{host} answered a message-encrypted request in plain text; the answer was rejected as possibly forged.",
    "answer-not-sealed",
)
ANSWER_NOT_SEALED_HINT = translate(
    "Bridge",
    "Something on the network path may be tampering with the session: check it, or use HTTPS.",
    "hint-answer-not-sealed",
)


class AnswerNotSealed(ConnectionFailure):
    def __init__(self, host: str) -> None:
        super().__init__(ANSWER_NOT_SEALED(host=host), ANSWER_NOT_SEALED_HINT(), host=host)


NOT_ELEVATED = translate(
    "Bridge", "The account used on {host} is not an elevated administrator.", "not-elevated"
)
NOT_ELEVATED_BECAUSE = translate(
    "Bridge",
    "The account used on {host} is not an elevated administrator ({detail}).",
    "not-elevated-because",
)
NOT_ELEVATED_HINT = translate(
    "Bridge",
    "Connect with an account in the server's Administrators group (locally: run as administrator).",
    "hint-not-elevated",
)


class NotElevated(BridgeError):
    def __init__(self, host: str, detail: MessageParam = "") -> None:
        super().__init__(
            NOT_ELEVATED_BECAUSE(host=host, detail=detail) if detail else NOT_ELEVATED(host=host),
            NOT_ELEVATED_HINT(),
            host=host,
        )


IIS_MISSING = translate("Bridge", "IIS is not installed on {host}.", "iis-missing")
WEB_ADMINISTRATION_MISSING = translate(
    "Bridge",
    "The WebAdministration PowerShell module is not installed on {host}.",
    "web-administration-missing",
)
IIS_MISSING_HINT = translate(
    "Bridge",
    "Install the Web Server (IIS) role with its management scripts and tools, then try again.",
    "hint-iis-missing",
)


class IISMissing(BridgeError):
    """IIS, or (with IIS there) its WebAdministration PowerShell module, is not installed."""

    def __init__(self, host: str, *, module_only: bool = False) -> None:
        super().__init__(
            (WEB_ADMINISTRATION_MISSING if module_only else IIS_MISSING)(host=host),
            IIS_MISSING_HINT(),
            host=host,
        )


WRONG_POWERSHELL = translate(
    "Bridge",
    "{host}'s remoting endpoint runs PowerShell {version}; IIS Access needs Windows PowerShell 5.1.",
    "wrong-powershell",
)
WRONG_POWERSHELL_HINT = translate(
    "Bridge",
    "Connect to Windows PowerShell 5.1's configuration with --configuration-name Microsoft.PowerShell "
    "(or the name the administrator registered for it).",
    "hint-wrong-powershell",
)


class WrongPowerShell(BridgeError):
    """The endpoint runs PowerShell 7, where WebAdministration has no IIS: drive and
    ``DirectoryInfo.GetAccessControl`` is no instance method (PowerShell/PowerShell#23962)."""

    def __init__(self, host: str, version: str) -> None:
        super().__init__(WRONG_POWERSHELL(host=host, version=version), WRONG_POWERSHELL_HINT(), host=host)


OPERATION_TIMEOUT = translate("Bridge", "{host} did not answer in time.", "operation-timeout")
OPERATION_TIMEOUT_WITHIN = translate(
    "Bridge", "{host} did not answer within {seconds} seconds.", "operation-timeout-within"
)
OPERATION_TIMEOUT_HINT = translate(
    "Bridge", "The server may be busy; try again, or raise the operation timeout.", "hint-operation-timeout"
)


class OperationTimeout(BridgeError):
    def __init__(self, host: str, seconds: float | None = None) -> None:
        super().__init__(
            OPERATION_TIMEOUT(host=host)
            if seconds is None
            else OPERATION_TIMEOUT_WITHIN(host=host, seconds=f"{seconds:g}"),
            OPERATION_TIMEOUT_HINT(),
            host=host,
        )


SCRIPT_FAILED = translate("Bridge", "The operation failed on {host}: {server_message}", "script-failed")
SCRIPT_FAILED_HINT = translate(
    "Bridge", "Read the server's message above; nothing else was changed.", "hint-script-failed"
)


class ScriptFailed(BridgeError):
    def __init__(self, host: str, server_message: str, error_id: str | None = None) -> None:
        super().__init__(
            SCRIPT_FAILED(host=host, server_message=server_message), SCRIPT_FAILED_HINT(), host=host
        )
        self.server_message = server_message
        self.error_id = error_id


UNEXPECTED_ANSWER = translate(
    "Bridge", "{host} gave an answer IIS Access does not understand: {detail}", "unexpected-answer"
)
UNEXPECTED_ANSWER_HINT = translate(
    "Bridge",
    "Check that the server runs Windows PowerShell 5.1; report this if it persists.",
    "hint-unexpected-answer",
)


class UnexpectedAnswer(BridgeError):
    def __init__(self, host: str, detail: MessageParam) -> None:
        super().__init__(UNEXPECTED_ANSWER(host=host, detail=detail), UNEXPECTED_ANSWER_HINT(), host=host)


OUTCOME_UNKNOWN = translate(
    "Bridge", "The change to {path} was sent to {host} but not confirmed ({cause}).", "outcome-unknown"
)
OUTCOME_UNKNOWN_HINT = translate(
    "Bridge",
    "Once {host} answers again, run 'iis-access check' to see the folder, or 'iis-access undo {change_id}' "
    "to restore the ACL recorded before it.",
    "hint-outcome-unknown",
)
UNDO_OUTCOME_UNKNOWN = translate(
    "Bridge",
    "The undo of change {change_id} to {path} was sent to {host} but not confirmed ({cause}).",
    "undo-outcome-unknown",
)
UNDO_OUTCOME_UNKNOWN_HINT = translate(
    "Bridge",
    "Once {host} answers again, run 'iis-access undo {change_id}' again: it checks the folder and "
    "completes the undo, or says it is already done.",
    "hint-undo-outcome-unknown",
)


class OutcomeUnknown(BridgeError):
    """A change was sent but never confirmed: the history holds what is needed to check and undo it."""

    def __init__(
        self, host: str, path: str, change_id: str, cause: BridgeError, *, undoing: bool = False
    ) -> None:
        message, hint = (
            (UNDO_OUTCOME_UNKNOWN, UNDO_OUTCOME_UNKNOWN_HINT)
            if undoing
            else (OUTCOME_UNKNOWN, OUTCOME_UNKNOWN_HINT)
        )
        super().__init__(
            message(host=host, path=path, change_id=change_id, cause=cause.text),
            hint(host=host, change_id=change_id),
            host=host,
        )
        self.change_id = change_id
        self.cause = cause


class Refused(BridgeError):
    """Nothing was changed because a rule, a deny ACE or a concurrent change stood in the way."""

    exit_code = EXIT_REFUSED

    def __init__(self, reason: Message, hint: Message | None = None) -> None:
        super().__init__(reason, hint or NOTHING_CHANGED())


class Declined(Refused):
    """The administrator answered no at the confirmation prompt."""

    def __init__(self, message: Message) -> None:
        super().__init__(message, DECLINED_HINT())


class NothingToDo(BridgeError):
    """The request is already satisfied (a change already undone, a grant that never landed)."""

    exit_code = EXIT_OK

    def __init__(self, reason: Message, hint: Message | None = None) -> None:
        super().__init__(reason, hint or NOTHING_TO_DO())


CANCELLED = translate("Bridge", "The operation was cancelled.", "cancelled")
CANCELLED_HINT = translate("Bridge", "Run it again when ready.", "hint-cancelled")


class Cancelled(BridgeError):
    exit_code = EXIT_CANCELLED

    def __init__(self) -> None:
        super().__init__(CANCELLED(), CANCELLED_HINT())


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
