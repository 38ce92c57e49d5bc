"""The lab's answer to doctor.ps1: each probe as a healthy Windows Server with IIS would answer it.

A scenario stages a failing probe in ``machine.json`` under ``"doctor"``: the
probe's name, mapped to ``{"value": ...}`` (what the probe reads instead) or
``{"error": {"type": ..., "message": ...}}`` (the exception it throws
instead). Facts the machine already holds stage themselves: ``elevated:
false`` fails the elevation probe, ``webAdministration: false`` the module's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from bridge import sids
from bridge.lab.apphost import AppHostConfig
from bridge.lab.jsonfile import read_json_object
from bridge.lab.machine import Machine
from bridge.lab.ntfs import Filesystem

DOCTOR_KEY = "doctor"
PROBE_NAMES = (
    "powershell",
    "languageMode",
    "elevation",
    "webAdministration",
    "serverManager",
    "enums",
    "anonymousAuthentication",
    "accessControl",
    "sidTranslation",
    "environment",
    "machineSid",
    "winrm",
)
# The WS-Management defaults of MS-WSMV 2.2.4.10 (ConfigType): 500 KB envelopes, 60 s operations.
DEFAULT_MAX_ENVELOPE_KB = 500
DEFAULT_MAX_TIMEOUT_MS = 60_000
_MANAGEMENT_ASSEMBLY = (
    "Microsoft.Web.Administration, Version=7.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35"
)
# What GetAttributeValue() answers for an enum attribute: its number, boxed as Int32 (DESIGN.md, "What
# real Windows prints" - believed, not yet seen on a real server; doctor records what one says). The
# typed properties the inventory reads answer the enum itself, which [string] turns into its name.
_IDENTITY_NUMBERS = {
    "localsystem": 0,
    "localservice": 1,
    "networkservice": 2,
    "specificuser": 3,
    "applicationpoolidentity": 4,
}


class ProbeStagingError(ValueError):
    """machine.json's "doctor" object does not stage probes."""


class _Thrown(Exception):
    def __init__(self, type_name: str, message: str) -> None:
        super().__init__(message)
        self.type_name = type_name
        self.message = message


def load_probe_staging(machine_file: Path) -> dict[str, dict[str, Any]]:
    """The probes ``machine.json`` stages, by name; none when the file or the key is absent."""
    if not machine_file.exists():
        return {}
    staged = read_json_object(machine_file, ProbeStagingError).get(DOCTOR_KEY, {})
    if not isinstance(staged, dict):
        raise ProbeStagingError(f"{machine_file}: {DOCTOR_KEY!r} must be an object")
    for name, stage in staged.items():
        if name not in PROBE_NAMES:
            raise ProbeStagingError(f"{machine_file}: no probe is named {name!r}")
        error = stage.get("error") if isinstance(stage, dict) else None
        valid_error = isinstance(error, dict) and all(
            isinstance(error.get(k), str) for k in ("type", "message")
        )
        if not isinstance(stage, dict) or not ("value" in stage or valid_error):
            raise ProbeStagingError(
                f"{machine_file}: {DOCTOR_KEY}.{name} must be {{'value': ...}} or "
                "{'error': {'type': ..., 'message': ...}}"
            )
    return staged


def doctor_answer(
    machine: Machine,
    config: AppHostConfig,
    filesystem: Filesystem,
    staged: Mapping[str, Mapping[str, Any]],
) -> dict[str, Any]:
    """The document doctor.ps1 prints on this simulated server."""
    facts = _Facts(machine, config, filesystem)
    readers: dict[str, Callable[[], Any]] = {name: getattr(facts, name) for name in PROBE_NAMES}
    probes = []
    for name, read in readers.items():
        value: Any = None
        error: dict[str, str] | None = None
        stage = staged.get(name)
        try:
            if stage is not None and "error" in stage:
                raise _Thrown(stage["error"]["type"], stage["error"]["message"])
            value = stage["value"] if stage is not None else read()
        except _Thrown as thrown:
            error = {"type": thrown.type_name, "message": thrown.message}
        probes.append({"name": name, "value": value, "error": error})
    return {"probes": probes}


class _Facts:
    """One method per probe, named as the probe, answering what doctor.ps1 would read."""

    def __init__(self, machine: Machine, config: AppHostConfig, filesystem: Filesystem) -> None:
        self._machine = machine
        self._config = config
        self._filesystem = filesystem

    def _require_iis(self) -> None:
        if not self._machine.web_administration:
            # Get-WebConfiguration is unknown without the module.
            raise _Thrown(
                "System.Management.Automation.CommandNotFoundException",
                "The term 'Get-WebConfiguration' is not recognized as the name of a cmdlet, function, "
                "script file, or operable program. Check the spelling of the name, or if a path was "
                "included, verify that the path is correct and try again.",
            )
        if not self._machine.elevated:
            raise _Thrown(
                "System.UnauthorizedAccessException",
                "Filename: redirection.config\r\nError: Cannot read configuration file due to insufficient "
                "permissions\r\n\r\n",
            )

    def _first_site_root(self) -> tuple[str, str, bool, str]:
        """The first site's name, its root application's anonymous user and whether it is on, its path."""
        self._require_iis()
        if not self._config.sites:
            raise _Thrown("System.InvalidOperationException", "This server has no site.")
        site = self._config.sites[0]
        root = next(app for app in site.applications if app.path == "/")
        directory = next(vdir for vdir in root.virtual_directories if vdir.path == "/")
        return site.name, root.anonymous.user_name, root.anonymous.enabled, directory.physical_path

    def _first_pool_name(self) -> str:
        self._require_iis()
        if not self._config.pools:
            raise _Thrown("System.InvalidOperationException", "This server has no application pool.")
        return self._config.pools[0].name

    def powershell(self) -> dict[str, Any]:
        version = self._machine.ps_version
        return {
            "edition": "Desktop" if version.startswith("5.") else "Core",
            "version": version,
            "configurationName": "Microsoft.PowerShell",
        }

    def languageMode(self) -> dict[str, Any]:
        return {"languageMode": "FullLanguage"}

    def elevation(self) -> dict[str, Any]:
        return {"elevated": self._machine.elevated}

    def webAdministration(self) -> dict[str, Any]:
        if not self._machine.web_administration:
            raise _Thrown("System.IO.FileNotFoundException", "The WebAdministration module is not installed.")
        return {"version": "1.0.0.0"}

    def serverManager(self) -> dict[str, Any]:
        if not self._machine.web_administration:
            raise _Thrown(
                "System.IO.FileNotFoundException",
                f"Could not load file or assembly '{_MANAGEMENT_ASSEMBLY}' or one of its dependencies. "
                "The system cannot find the file specified.",
            )
        self._require_iis()
        return {"assembly": _MANAGEMENT_ASSEMBLY, "sites": len(self._config.sites)}

    def enums(self) -> dict[str, Any]:
        self._first_pool_name()
        self._first_site_root()
        pool, site = self._config.pools[0], self._config.sites[0]

        def named(value: str, enum: str) -> dict[str, Any]:
            return {"value": value, "type": f"Microsoft.Web.Administration.{enum}"}

        def state(started: bool) -> dict[str, Any]:
            return named("Started" if started else "Stopped", "ObjectState")

        number = _IDENTITY_NUMBERS.get(pool.identity_type.lower())
        return {
            "identityType": named(pool.identity_type, "ProcessModelIdentityType"),
            "managedPipelineMode": named(pool.managed_pipeline_mode, "ManagedPipelineMode"),
            "poolState": state(pool.started),
            "siteState": state(site.started),
            "identityTypeAttribute": {"value": str(number), "type": "System.Int32"},
        }

    def anonymousAuthentication(self) -> dict[str, Any]:
        name, user, enabled, _ = self._first_site_root()
        return {"site": name, "enabled": enabled, "userName": user}

    def accessControl(self) -> dict[str, Any]:
        path = self._machine.expand(self._first_site_root()[3])
        if not self._filesystem.exists(path):
            raise _Thrown(
                "System.Management.Automation.ItemNotFoundException",
                f"Cannot find path '{path}' because it does not exist.",
            )
        return {"path": path, "sddl": self._filesystem.access_sddl(path)}

    def sidTranslation(self) -> dict[str, Any]:
        pool = self._first_pool_name()
        return {
            "iusr": sids.IUSR,
            "iisIusrs": sids.IIS_IUSRS,
            "pool": pool,
            "poolSid": sids.app_pool_sid(pool),
        }

    def environment(self) -> dict[str, Any]:
        variables = {name.lower(): value for name, value in self._machine.environment.items()}
        return {"windir": variables.get("windir"), "systemDrive": variables.get("systemdrive")}

    def machineSid(self) -> dict[str, Any]:
        return {"machineSid": self._machine.machine_sid, "domainSid": self._machine.domain_sid}

    def winrm(self) -> dict[str, Any]:
        return {"maxEnvelopeSizekb": DEFAULT_MAX_ENVELOPE_KB, "maxTimeoutms": DEFAULT_MAX_TIMEOUT_MS}
