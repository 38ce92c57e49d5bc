"""``iis-access doctor``: what doctor.ps1 found on the host, judged against what IIS Access needs.

The script reports facts (each probe's value, or the exception it met); the
verdicts are made here, as pure functions, so each can be tested without
Windows. A probe fails when the product would fail on that host for the reason
it probes; the hint says what the administrator can do.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from bridge import sddl, sids
from bridge.connection import DEFAULT_CONNECTION_TIMEOUT
from bridge.errors import UnexpectedAnswer
from bridge.model import IDENTITY_TYPES, OBJECT_STATES, PIPELINE_MODES
from bridge.scripts import Operation
from bridge.session import HostSession, Runner
from bridge.wording import translate

NO_PROBES = translate("Bridge", "the doctor's answer has no list of probes", "detail-no-probes")


@dataclass(frozen=True)
class Probe:
    name: str
    ok: bool
    message: str
    hint: str

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "ok": self.ok, "message": self.message, "hint": self.hint}


@dataclass(frozen=True)
class DoctorReport:
    host: str
    probes: tuple[Probe, ...]

    @property
    def ok(self) -> bool:
        return all(probe.ok for probe in self.probes)

    @property
    def first_failure(self) -> Probe | None:
        return next((probe for probe in self.probes if not probe.ok), None)

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "probes": [probe.to_json() for probe in self.probes]}

    def render(self) -> str:
        lines = [f"Doctor for {self.host}:"]
        for probe in self.probes:
            lines.append(f"  [{'ok  ' if probe.ok else 'FAIL'}] {probe.name}: {probe.message}")
            if not probe.ok:
                lines.append(f"         {probe.hint}")
        return "\n".join(lines)


class _Verdict(Exception):
    """A probe's value shows the product would fail: the message and what to do."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


# The enumerations as the inventory parser knows them (names in the order of their numbers).
_ENUMS: Mapping[str, tuple[str, ...]] = {
    "identityType": IDENTITY_TYPES,
    "managedPipelineMode": PIPELINE_MODES,
    "poolState": OBJECT_STATES,
    "siteState": OBJECT_STATES,
}
_DOMAIN_SID = re.compile(r"S-1-5-21-\d+-\d+-\d+")
# The WS-Management operation timeout pypsrp asks for (bridge.psrp_transport): a server whose
# MaxTimeoutms is lower answers every request with a fault.
_REQUESTED_TIMEOUT_MS = DEFAULT_CONNECTION_TIMEOUT * 1000
# The envelope pypsrp asks for until the server says otherwise (153,600 bytes); less cannot carry it.
_SMALLEST_ENVELOPE_KB = 150

_ELEVATION_HINT = (
    "Connect with an account in the server's Administrators group; a local account signing in over NTLM "
    "also needs LocalAccountTokenFilterPolicy=1, and locally the app must run as administrator."
)
_HINTS: Mapping[str, str] = {
    "powershell": (
        "Connect to the Windows PowerShell 5.1 endpoint (Microsoft.PowerShell), not a PowerShell 7 one: "
        "WebAdministration and GetAccessControl need Windows PowerShell."
    ),
    "languageMode": (
        "The endpoint runs in a restricted language mode (JEA, AppLocker or WDAC): connect to an "
        "endpoint in FullLanguage for administrators."
    ),
    "elevation": _ELEVATION_HINT,
    "webAdministration": "Install the IIS management scripts: Install-WindowsFeature Web-Scripting-Tools.",
    "serverManager": (
        "Install IIS with its management tools (Install-WindowsFeature Web-Server, Web-Scripting-Tools), "
        "and connect as an elevated administrator."
    ),
    "enums": "Report this with 'iis-access doctor --save-fixture DIR': the inventory may misread the pools.",
    "anonymousAuthentication": (
        "Check applicationHost.config for the site's anonymousAuthentication section, and that the account "
        "is an elevated administrator."
    ),
    "accessControl": (
        "Check that the first site's folder exists and that administrators may read its permissions."
    ),
    "sidTranslation": (
        "The server cannot resolve the IIS accounts: check that IIS is installed and the pool exists; "
        "report the answer with 'iis-access doctor --save-fixture DIR'."
    ),
    "environment": "The session has no windir or SystemDrive variable: check the endpoint's environment.",
    "machineSid": "Check that the local accounts can be read (Win32_UserAccount) as an administrator.",
    "winrm": (
        "Raise the limits on the server: Set-Item WSMan:\\localhost\\MaxEnvelopeSizekb 500 and "
        "Set-Item WSMan:\\localhost\\MaxTimeoutms 60000."
    ),
}


def _powershell(value: Mapping[str, Any]) -> str:
    edition, version = value.get("edition"), str(value.get("version"))
    endpoint = value.get("configurationName") or "local session"
    text = (
        f"{'Windows PowerShell' if edition == 'Desktop' else 'PowerShell'} {version} ({edition}), {endpoint}"
    )
    if edition != "Desktop" or not version.startswith("5."):
        raise _Verdict(f"{text}: the operation scripts need Windows PowerShell 5.1", _HINTS["powershell"])
    return text


def _language_mode(value: Mapping[str, Any]) -> str:
    mode = value.get("languageMode")
    if mode != "FullLanguage":
        raise _Verdict(f"the language mode is {mode}, not FullLanguage", _HINTS["languageMode"])
    return "FullLanguage"


def _elevation(value: Mapping[str, Any]) -> str:
    if value.get("elevated") is not True:
        raise _Verdict("the account is not an elevated administrator on this host", _ELEVATION_HINT)
    return "elevated administrator"


def _web_administration(value: Mapping[str, Any]) -> str:
    return f"WebAdministration {value.get('version')} imported"


def _server_manager(value: Mapping[str, Any]) -> str:
    return f"ServerManager reached, {value.get('sites')} sites"


def _enum_reading(name: str, reading: object) -> str:
    names = _ENUMS[name]
    value = reading.get("value") if isinstance(reading, Mapping) else None
    kind = reading.get("type") if isinstance(reading, Mapping) else None
    text = str(value)
    known = (text.isdigit() and int(text) < len(names)) or text.lower() in (n.lower() for n in names)
    if not known:
        raise _Verdict(
            f"{name} reads as {value!r} ({kind}), neither a known name nor number", _HINTS["enums"]
        )
    return f"{name}={text} ({kind})"


def _enums(value: Mapping[str, Any]) -> str:
    return ", ".join(_enum_reading(name, value.get(name)) for name in _ENUMS)


def _anonymous(value: Mapping[str, Any]) -> str:
    state = "enabled" if value.get("enabled") else "disabled"
    user = value.get("userName") or "the pool identity"
    return f"{value.get('site')}: anonymous authentication {state}, as {user}"


def _access_control(value: Mapping[str, Any]) -> str:
    try:
        dacl = sddl.parse_dacl(str(value.get("sddl")))
    except sddl.SddlError as error:
        raise _Verdict(
            f"the DACL of {value.get('path')} does not parse: {error}", _HINTS["accessControl"]
        ) from error
    return f"{value.get('path')}: {len(dacl.aces)} entries read"


def _sid_translation(value: Mapping[str, Any]) -> str:
    pool = str(value.get("pool"))
    expected = {"iusr": sids.IUSR, "iisIusrs": sids.IIS_IUSRS, "poolSid": sids.app_pool_sid(pool)}
    wrong = [
        f"{key} is {value.get(key)}, expected {sid}" for key, sid in expected.items() if value.get(key) != sid
    ]
    if wrong:
        raise _Verdict("; ".join(wrong), _HINTS["sidTranslation"])
    return f"IUSR, IIS_IUSRS and IIS AppPool\\{pool} resolve to the expected SIDs"


def _environment(value: Mapping[str, Any]) -> str:
    missing = [key for key in ("windir", "systemDrive") if not value.get(key)]
    if missing:
        raise _Verdict(f"{' and '.join(missing)} unknown", _HINTS["environment"])
    return f"windir {value['windir']}, system drive {value['systemDrive']}"


def _machine_sid(value: Mapping[str, Any]) -> str:
    machine, domain = value.get("machineSid"), value.get("domainSid")
    if not isinstance(machine, str) or not _DOMAIN_SID.fullmatch(machine):
        raise _Verdict(f"the machine SID reads as {machine!r}", _HINTS["machineSid"])
    return f"machine {machine}, domain {domain or 'none (not joined)'}"


def _winrm(value: Mapping[str, Any]) -> str:
    envelope, timeout = value.get("maxEnvelopeSizekb"), value.get("maxTimeoutms")
    text = f"MaxEnvelopeSizekb {envelope}, MaxTimeoutms {timeout}"
    if not isinstance(envelope, int) or not isinstance(timeout, int):
        raise _Verdict(f"{text}: not numbers", _HINTS["winrm"])
    if envelope < _SMALLEST_ENVELOPE_KB or timeout < _REQUESTED_TIMEOUT_MS:
        raise _Verdict(
            f"{text}: IIS Access needs at least {_SMALLEST_ENVELOPE_KB} KB and {_REQUESTED_TIMEOUT_MS:g} ms",
            _HINTS["winrm"],
        )
    return text


_JUDGES: Mapping[str, Callable[[Mapping[str, Any]], str]] = {
    "powershell": _powershell,
    "languageMode": _language_mode,
    "elevation": _elevation,
    "webAdministration": _web_administration,
    "serverManager": _server_manager,
    "enums": _enums,
    "anonymousAuthentication": _anonymous,
    "accessControl": _access_control,
    "sidTranslation": _sid_translation,
    "environment": _environment,
    "machineSid": _machine_sid,
    "winrm": _winrm,
}


def _judge(entry: Mapping[str, Any]) -> Probe:
    name = str(entry.get("name"))
    hint = _HINTS.get(name, "Report this with 'iis-access doctor --save-fixture DIR'.")
    error = entry.get("error")
    if isinstance(error, Mapping):
        return Probe(name, False, f"{error.get('type')}: {error.get('message')}", hint)
    judge = _JUDGES.get(name)
    if judge is None:
        # A probe this client does not know: newer script facts are shown, never judged.
        return Probe(name, True, str(entry.get("value")), "")
    value = entry.get("value")
    if not isinstance(value, Mapping):
        return Probe(name, False, f"no answer ({value!r})", hint)
    try:
        return Probe(name, True, judge(value), "")
    except _Verdict as verdict:
        return Probe(name, False, verdict.message, verdict.hint)


def judge(host: str, document: object) -> DoctorReport:
    """Every probe of doctor.ps1's answer with its verdict, in the script's order."""
    probes = document.get("probes") if isinstance(document, Mapping) else None
    if not isinstance(probes, list) or not all(isinstance(entry, Mapping) for entry in probes):
        raise UnexpectedAnswer(host, NO_PROBES())
    return DoctorReport(host, tuple(_judge(entry) for entry in probes))


def probe_document(runner: Runner) -> Any:
    """doctor.ps1's answer as the host printed it (one round trip)."""
    return runner.run(Operation.DOCTOR, {})


def doctor(session: HostSession) -> DoctorReport:
    """Run the read-only probes on the host and judge them."""
    return judge(session.host, session.call(probe_document))
