"""Translated wording for what the bridge reports as codes, types and parameters.

The bridge speaks English (its CLI prints it); the GUI looks each code up
here so the German UI does not fall back to English mid-sentence. A code this
table does not know is shown with the bridge's own English text, never lost.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from bridge import errors, wording
from bridge.access import AccessLevel
from bridge.acl_entries import AclEntry
from bridge.history import ChangeRecord, Outcome
from bridge.model import Message
from gui.backend import PasswordNeeded
from gui.host_names import host_name

_CONTEXT = "Bridge"

# Hints that name the command line's options: the GUI says where the same is done in the app.
# Keyed by the hint's code and filled with the hint's own parameters; every other hint, and every
# error's message, is the bridge's own (rendered by reason_text).
# QT_TRANSLATE_NOOP only marks text for lupdate; it is typed as returning object.
_GUI_HINTS: Mapping[str, object] = {
    "hint-winrm-not-listening": QT_TRANSLATE_NOOP(
        "Bridge", "Run 'Enable-PSRemoting' on the server, or check the port and transport."
    ),
    "hint-authentication-failed": QT_TRANSLATE_NOOP(
        "Bridge", "Check the user name and password, and the authentication method."
    ),
    "hint-certificate-not-trusted": QT_TRANSLATE_NOOP(
        "Bridge",
        "Give the issuing CA, or pin the certificate's thumbprint in the host's settings after checking "
        "it on the server ('{command}' prints the SHA-1 thumbprints).",
    ),
    "hint-plain-http-on-https-port": QT_TRANSLATE_NOOP(
        "Bridge",
        "Choose HTTP as the transport for WinRM's HTTP listener (usually port 5985; the session is still "
        "message-encrypted), or the HTTPS listener's port (usually 5986).",
    ),
    "hint-kerberos-library-missing": QT_TRANSLATE_NOOP(
        "Bridge",
        "Install the Kerberos extras: pip install 'pypsrp[kerberos]' (it brings gssapi and krb5, which "
        "need the system's Kerberos libraries, e.g. libkrb5-dev), or choose NTLM as the authentication.",
    ),
    "hint-wrong-powershell": QT_TRANSLATE_NOOP(
        "Bridge",
        "Edit the host and set its Session configuration to Microsoft.PowerShell (or the name the "
        "administrator registered for Windows PowerShell 5.1).",
    ),
    "hint-outcome-unknown": QT_TRANSLATE_NOOP(
        "Bridge",
        "Once {host} answers again, refresh to see the folder, or undo change {change_id} in the History "
        "tab to restore the ACL recorded before it.",
    ),
    "hint-undo-outcome-unknown": QT_TRANSLATE_NOOP(
        "Bridge",
        "Once {host} answers again, undo change {change_id} again in the History tab: it checks the folder "
        "and completes the undo, or says it is already done.",
    ),
}


def translate(source: str, params: Mapping[str, object] | None = None) -> str:
    """Translate a bridge template and fill in its named parameters."""
    text = QCoreApplication.translate(_CONTEXT, source)
    return text.format_map(dict(params)) if params else text


# Why a host cannot be used, short enough for the line under its name in the hosts list.
_SHORT_REASONS: Mapping[type[errors.BridgeError], object] = {
    PasswordNeeded: QT_TRANSLATE_NOOP("Bridge", "Cannot connect: sign-in needed"),
    errors.AuthenticationFailed: QT_TRANSLATE_NOOP("Bridge", "Cannot connect: wrong password"),
    errors.Unreachable: QT_TRANSLATE_NOOP("Bridge", "Cannot connect: host unreachable"),
    errors.WinRMNotListening: QT_TRANSLATE_NOOP("Bridge", "Cannot connect: WinRM not listening"),
    errors.CertificateNotTrusted: QT_TRANSLATE_NOOP("Bridge", "Cannot connect: certificate not trusted"),
    errors.ConnectionFailure: QT_TRANSLATE_NOOP("Bridge", "Cannot connect"),
    errors.NotElevated: QT_TRANSLATE_NOOP("Bridge", "Not running as administrator"),
    errors.IISMissing: QT_TRANSLATE_NOOP("Bridge", "IIS is not installed"),
    errors.OperationTimeout: QT_TRANSLATE_NOOP("Bridge", "No answer in time"),
    errors.BridgeError: QT_TRANSLATE_NOOP("Bridge", "Failed: see the message"),
}


def short_reason(error: errors.BridgeError) -> str:
    kind = next(kind for kind in type(error).__mro__ if kind in _SHORT_REASONS)
    return translate(str(_SHORT_REASONS[kind]))


def error_message(error: errors.BridgeError) -> str:
    return reason_text(error.text)


def error_hint(error: errors.BridgeError) -> str:
    hint = error.hint_text
    gui = _GUI_HINTS.get(hint.code)
    return reason_text(hint) if gui is None else translate(str(gui), _rendered(hint))


_STATUSES: Mapping[str, object] = {
    "ok": QT_TRANSLATE_NOOP("Bridge", "All good"),
    "missing": QT_TRANSLATE_NOOP("Bridge", "Access missing"),
    "blocked": QT_TRANSLATE_NOOP("Bridge", "Blocked by a deny entry"),
    "unfixable": QT_TRANSLATE_NOOP("Bridge", "Cannot be fixed here"),
    "too-much": QT_TRANSLATE_NOOP("Bridge", "Too much access"),
    "busy": QT_TRANSLATE_NOOP("Bridge", "Checking…"),
}


def _looked_up(table: Mapping[str, object], word: str) -> str:
    """``word`` in the UI language if the table knows it, else as the bridge said it."""
    source = table.get(word)
    return translate(str(source)) if source is not None else word


def status_text(status: str) -> str:
    return _looked_up(_STATUSES, status)


# Who a requirement is for (bridge.readers.Role), in a word for a table column; the details'
# "Served as" names each in full, as IIS Manager does.
_ROLES: Mapping[str, object] = {
    "worker": QT_TRANSLATE_NOOP("Bridge", "Worker"),
    "anonymous": QT_TRANSLATE_NOOP("Bridge", "Anonymous"),
    "connect-as": QT_TRANSLATE_NOOP("Bridge", "Connect as"),
    "authenticated": QT_TRANSLATE_NOOP("Bridge", "Signed in"),
    "impersonated": QT_TRANSLATE_NOOP("Bridge", "Impersonated"),
}


def role_text(role: str) -> str:
    return _looked_up(_ROLES, role)


# Values IIS reports as English words (site and pool states, pipeline modes), worded as IIS Manager does.
_IIS_WORDS: Mapping[str, object] = {
    "Started": QT_TRANSLATE_NOOP("Bridge", "Started"),
    "Stopped": QT_TRANSLATE_NOOP("Bridge", "Stopped"),
    "Starting": QT_TRANSLATE_NOOP("Bridge", "Starting"),
    "Stopping": QT_TRANSLATE_NOOP("Bridge", "Stopping"),
    "Unknown": QT_TRANSLATE_NOOP("Bridge", "Unknown"),
    "Integrated": QT_TRANSLATE_NOOP("Bridge", "Integrated"),
    "Classic": QT_TRANSLATE_NOOP("Bridge", "Classic"),
}


def iis_word(word: str) -> str:
    return _looked_up(_IIS_WORDS, word)


def runtime_text(version: str) -> str:
    """A pool's .NET CLR version; empty means the pool runs no managed code."""
    return version or QCoreApplication.translate("Bridge", "No Managed Code")


def inheritance_text() -> str:
    """Every grant is one ACE with ContainerInherit and ObjectInherit: this is what that means."""
    return QCoreApplication.translate("Bridge", "This folder, subfolders and files")


# Keyed by (applies to the folder, to subfolders, to files).
_APPLIES_TO: Mapping[tuple[bool, bool, bool], object] = {
    (True, True, True): QT_TRANSLATE_NOOP("Bridge", "This folder, subfolders and files"),
    (True, True, False): QT_TRANSLATE_NOOP("Bridge", "This folder and subfolders"),
    (True, False, True): QT_TRANSLATE_NOOP("Bridge", "This folder and files"),
    (True, False, False): QT_TRANSLATE_NOOP("Bridge", "This folder only"),
    (False, True, True): QT_TRANSLATE_NOOP("Bridge", "Subfolders and files only"),
    (False, True, False): QT_TRANSLATE_NOOP("Bridge", "Subfolders only"),
    (False, False, True): QT_TRANSLATE_NOOP("Bridge", "Files only"),
    (False, False, False): QT_TRANSLATE_NOOP("Bridge", "Nothing (inherit only, not inherited)"),
}


def applies_to_text(entry: AclEntry) -> str:
    """Windows' own words for where an entry reaches, as the Advanced Security dialog shows them."""
    key = (entry.applies_to_folder, entry.applies_to_subfolders, entry.applies_to_files)
    return translate(str(_APPLIES_TO[key]))


def outcome_text(record: ChangeRecord) -> str:
    if record.undone:
        return QCoreApplication.translate("Bridge", "Undone")
    return _looked_up(_OUTCOMES, record.outcome.value)


_OUTCOMES: Mapping[str, object] = {
    Outcome.UNKNOWN.value: QT_TRANSLATE_NOOP("Bridge", "Unknown (interrupted)"),
    Outcome.CHANGED.value: QT_TRANSLATE_NOOP("Bridge", "Changed"),
    Outcome.UNCHANGED.value: QT_TRANSLATE_NOOP("Bridge", "Nothing to change"),
    Outcome.REFUSED.value: QT_TRANSLATE_NOOP("Bridge", "Refused"),
    Outcome.FAILED.value: QT_TRANSLATE_NOOP("Bridge", "Failed"),
}


_LEVELS: Mapping[AccessLevel, object] = {
    AccessLevel.NONE: QT_TRANSLATE_NOOP("Bridge", "No access"),
    AccessLevel.READ: QT_TRANSLATE_NOOP("Bridge", "Read"),
    AccessLevel.READ_EXECUTE: QT_TRANSLATE_NOOP("Bridge", "Read & execute"),
    AccessLevel.MODIFY: QT_TRANSLATE_NOOP("Bridge", "Modify"),
    AccessLevel.FULL_CONTROL: QT_TRANSLATE_NOOP("Bridge", "Full control"),
}


def level_text(level: AccessLevel) -> str:
    return translate(str(_LEVELS[level]))


# The parameters that name a host: the demo lab and this computer are named in the UI language.
_HOST_PARAMS = frozenset({"host", "made_on", "planned"})


def _rendered(message: Message) -> dict[str, str]:
    """The message's parameters in the UI language (a nested message rendered in turn)."""
    return {
        name: reason_text(value)
        if isinstance(value, Message)
        else host_name(value)
        if name in _HOST_PARAMS
        else value
        for name, value in message.params.items()
    }


def reason_text(message: Message) -> str:
    """A finding, warning, refusal or error from the bridge in the UI language.

    The bridge declares each message once, in English (``bridge.wording``); the catalogue holds its
    German under the same English template and code, so this table-free lookup cannot drift from it.
    """
    return QCoreApplication.translate(wording.CONTEXT, message.template, message.code).format_map(
        _rendered(message)
    )
