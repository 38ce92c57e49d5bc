"""Translated wording for what the bridge reports as codes, types and parameters.

The bridge speaks English (its CLI prints it); the GUI looks each code up
here so the German UI does not fall back to English mid-sentence. A code this
table does not know is shown with the bridge's own English text, never lost.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from bridge import errors

_CONTEXT = "Bridge"

# QT_TRANSLATE_NOOP only marks text for lupdate; it is typed as returning object.
_ERRORS: Mapping[type[errors.BridgeError], tuple[object, object]] = {
    errors.AuthenticationFailed: (
        QT_TRANSLATE_NOOP("Bridge", "{host} rejected the sign-in."),
        QT_TRANSLATE_NOOP("Bridge", "Check the user name and password, and the authentication method."),
    ),
    errors.Unreachable: (
        QT_TRANSLATE_NOOP("Bridge", "Cannot reach {host}."),
        QT_TRANSLATE_NOOP(
            "Bridge", "Check the host name, that the server is running and that no firewall blocks WinRM."
        ),
    ),
    errors.WinRMNotListening: (
        QT_TRANSLATE_NOOP("Bridge", "Nothing is listening for WinRM on {host}."),
        QT_TRANSLATE_NOOP(
            "Bridge", "Run 'Enable-PSRemoting' on the server, or check the port and transport."
        ),
    ),
    errors.CertificateNotTrusted: (
        QT_TRANSLATE_NOOP("Bridge", "The HTTPS certificate of {host} is not trusted."),
        QT_TRANSLATE_NOOP(
            "Bridge", "Give the issuing CA, or pin the certificate's thumbprint after checking it."
        ),
    ),
    errors.NotElevated: (
        QT_TRANSLATE_NOOP("Bridge", "The account used on {host} is not an elevated administrator."),
        QT_TRANSLATE_NOOP("Bridge", "Connect with an account in the server's Administrators group."),
    ),
    errors.OperationTimeout: (
        QT_TRANSLATE_NOOP("Bridge", "{host} did not answer in time."),
        QT_TRANSLATE_NOOP("Bridge", "The server may be busy; try again."),
    ),
    errors.Cancelled: (
        QT_TRANSLATE_NOOP("Bridge", "The operation was cancelled."),
        QT_TRANSLATE_NOOP("Bridge", "Run it again when ready."),
    ),
}


def translate(source: str, params: Mapping[str, object] | None = None) -> str:
    """Translate a bridge template and fill in its named parameters."""
    text = QCoreApplication.translate(_CONTEXT, source)
    return text.format_map(dict(params)) if params else text


def _entry(error: errors.BridgeError) -> tuple[str, str] | None:
    for kind in type(error).__mro__:
        if kind in _ERRORS:
            message, hint = _ERRORS[kind]
            return str(message), str(hint)
    return None


def error_message(error: errors.BridgeError) -> str:
    entry = _entry(error)
    host = getattr(error, "host", None)
    if entry is None or ("{host}" in entry[0] and host is None):
        return error.message
    return translate(entry[0], {"host": host})


def error_hint(error: errors.BridgeError) -> str:
    entry = _entry(error)
    return translate(entry[1]) if entry is not None else error.hint
