"""The simulated IIS server: answers each shipped operation script as Windows would.

Parameters are bound the way the scripts' own ``param()`` blocks bind them (read
from the shipped text, so the contract lives in one place); the answer is the
JSON document the script would print, in Windows PowerShell 5.1's compressed
``ConvertTo-Json`` form.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from bridge import sddl, sids
from bridge.access import NonCanonicalDacl
from bridge.lab.apphost import (
    AUTHORIZATION,
    BASIC,
    DIGEST,
    IDENTITY,
    WINDOWS,
    Application,
    AppPool,
    AuthorizationRule,
    Site,
)
from bridge.lab.backend import ScriptFailed, ScriptRejected
from bridge.lab.groups import group_members
from bridge.lab.machine import Machine, pools_by_sid
from bridge.lab.ntfs import Filesystem
from bridge.lab.probes import doctor_answer
from bridge.lab.scenario import Scenario, demo_scenario_path, load_scenario
from bridge.lab.webconfig import effective_sections
from bridge.model import ACCESS_TYPES, IDENTITY_TYPES, LOGON_METHODS, OBJECT_STATES, PIPELINE_MODES
from bridge.powershell_json import powershell_json
from bridge.scripts import Operation, operation_for_script, script_text

__all__ = ["SimulatedServer", "demo_scenario_path"]

_MAX_CHILDREN = 500
_RIGHTS = {"readandexecute": sddl.READ_AND_EXECUTE, "modify": sddl.MODIFY}
# Accepted by every [CmdletBinding()] script and irrelevant to the answer.
_COMMON_PARAMETERS = frozenset(
    name.lower()
    for name in (
        "Verbose",
        "Debug",
        "ErrorAction",
        "WarningAction",
        "InformationAction",
        "ErrorVariable",
        "WarningVariable",
        "InformationVariable",
        "OutVariable",
        "OutBuffer",
        "PipelineVariable",
    )
)


@dataclass(frozen=True)
class _Parameter:
    name: str
    mandatory: bool
    is_array: bool
    is_switch: bool
    is_int: bool
    allow_empty_collection: bool
    pattern: str | None
    choices: tuple[str, ...]
    # None: in every parameter set ([Parameter(ParameterSetName = ...)] not given).
    parameter_set: str | None = None


@dataclass(frozen=True)
class _Declared:
    parameters: tuple[_Parameter, ...]
    # [CmdletBinding(DefaultParameterSetName = ...)]: the set bound when the given names pick none.
    default_set: str | None


# The block ends at the first ")" that closes a line; attribute parentheses never do.
_PARAM_BLOCK = re.compile(r"^param\((?P<body>.*?)\)[ \t]*$", re.MULTILINE | re.DOTALL)
# A default value (``= 0``) is allowed; the simulator's handlers apply it themselves.
_DECLARATION = re.compile(r"\[(?P<type>\w+)(?P<array>\[\])?\]\$(?P<name>\w+)(?: = [^,]+)?,?")
_PATTERN = re.compile(r"\[ValidatePattern\('(?P<pattern>.*)'\)\]")
_SET = re.compile(r"\[ValidateSet\((?P<choices>.*)\)\]")
_MANDATORY = re.compile(r"Mandatory\s*=\s*\$true", re.IGNORECASE)
_SET_NAME = re.compile(r"ParameterSetName\s*=\s*'(?P<name>[^']*)'", re.IGNORECASE)
_DEFAULT_SET = re.compile(r"\[CmdletBinding\(DefaultParameterSetName = '(?P<name>[^']*)'\)\]")


@cache
def _parameters(operation: Operation) -> _Declared:
    """The parameters declared in the shipped script's param() block, and its default parameter set."""
    text = script_text(operation)
    block = _PARAM_BLOCK.search(text)
    body = "" if block is None else block["body"]
    declared: list[_Parameter] = []
    attributes: list[str] = []
    for line in (raw.strip() for raw in body.splitlines()):
        declaration = _DECLARATION.fullmatch(line)
        if declaration is None:
            if line:
                attributes.append(line)
            continue
        pattern = next((m["pattern"] for a in attributes if (m := _PATTERN.fullmatch(a))), None)
        choices = next((m["choices"] for a in attributes if (m := _SET.fullmatch(a))), "")
        parameter_set = next((m["name"] for a in attributes if (m := _SET_NAME.search(a))), None)
        declared.append(
            _Parameter(
                name=declaration["name"],
                mandatory=any(_MANDATORY.search(a) for a in attributes),
                is_array=declaration["array"] is not None,
                is_switch=declaration["type"].lower() == "switch",
                is_int=declaration["type"].lower() == "int",
                allow_empty_collection="[AllowEmptyCollection()]" in attributes,
                pattern=pattern,
                choices=tuple(re.findall(r"'([^']*)'", choices)),
                parameter_set=parameter_set,
            )
        )
        attributes = []
    default = _DEFAULT_SET.search(text)
    return _Declared(tuple(declared), None if default is None else default["name"])


def _binding_error(message: str, error_id: str, category: str = "InvalidData") -> ScriptFailed:
    return ScriptFailed(message, error_id=error_id, category=category)


def _as_string(value: object) -> str:
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, list | tuple):
        # PowerShell converts an array to [string] by joining with spaces.
        return " ".join(_as_string(item) for item in value)
    return str(value)


def _validate(parameter: _Parameter, value: str) -> None:
    if value == "":
        raise _binding_error(
            f"Cannot bind argument to parameter '{parameter.name}' because it is an empty string.",
            "ParameterArgumentValidationErrorEmptyStringNotAllowed",
        )
    # ValidatePattern and ValidateSet ignore case unless told otherwise.
    if parameter.pattern is not None and not re.search(parameter.pattern, value, re.IGNORECASE):
        raise _binding_error(
            f"Cannot validate argument on parameter '{parameter.name}'. The argument \"{value}\" does not "
            f'match the "{parameter.pattern}" pattern. Supply an argument that matches '
            f'"{parameter.pattern}" and try the command again.',
            "ParameterArgumentValidationError",
        )
    if parameter.choices and value.lower() not in (choice.lower() for choice in parameter.choices):
        raise _binding_error(
            f"Cannot validate argument on parameter '{parameter.name}'. The argument \"{value}\" does not "
            f'belong to the set "{",".join(parameter.choices)}" specified by the ValidateSet attribute. '
            "Supply an argument that is in the set and then try the command again.",
            "ParameterArgumentValidationError",
        )


_DOTNET_TYPES: dict[type, str] = {
    str: "System.String",
    list: "System.Object[]",
    tuple: "System.Object[]",
    dict: "System.Collections.Hashtable",
}


def _switch(parameter: _Parameter, value: object) -> bool:
    # A switch takes a boolean or any number (non-zero: present); $null leaves it off.
    if value is None or isinstance(value, bool | int | float):
        return bool(value)
    raise _binding_error(
        f"Cannot process argument transformation on parameter '{parameter.name}'. Cannot convert value "
        f'"{_DOTNET_TYPES.get(type(value), "System.Object")}" to type '
        '"System.Management.Automation.SwitchParameter". Boolean parameters accept only Boolean values '
        "and numbers, such as $True, $False, 1 or 0.",
        "ParameterArgumentTransformationError",
    )


def _integer(parameter: _Parameter, value: object) -> int:
    # [int] takes a number or a string of one (PowerShell rounds a fraction to even); $null is 0.
    if value is None:
        return 0
    try:
        number = int(value) if isinstance(value, bool | int) else round(float(str(value)))
        if -(2**31) <= number < 2**31:
            return number
    except (ValueError, OverflowError):
        pass
    raise _binding_error(
        f"Cannot process argument transformation on parameter '{parameter.name}'. Cannot convert value "
        f'"{_as_string(value)}" to type "System.Int32". Error: "Input string was not in a correct format."',
        "ParameterArgumentTransformationError",
    )


def bind_parameters(operation: Operation, given: Mapping[str, object]) -> dict[str, Any]:
    """Bind named parameters as PowerShell would, failing with its error records."""
    script = _parameters(operation)
    declared = {parameter.name.lower(): parameter for parameter in script.parameters}
    bound: dict[str, Any] = {}
    for name, value in given.items():
        parameter = declared.get(name.lower())
        if parameter is None:
            if name.lower() in _COMMON_PARAMETERS:
                continue
            raise _binding_error(
                f"A parameter cannot be found that matches parameter name '{name}'.",
                "NamedParameterNotFound",
                "InvalidArgument",
            )
        if parameter.is_switch:
            bound[parameter.name] = _switch(parameter, value)
            continue
        if parameter.is_int:
            bound[parameter.name] = _integer(parameter, value)
            continue
        if value is None:
            raise _binding_error(
                f"Cannot bind argument to parameter '{parameter.name}' because it is null.",
                "ParameterArgumentValidationErrorNullNotAllowed",
            )
        if parameter.is_array:
            items = [_as_string(v) for v in value] if isinstance(value, list | tuple) else [_as_string(value)]
            if not items and not parameter.allow_empty_collection:
                raise _binding_error(
                    f"Cannot bind argument to parameter '{parameter.name}' because it is an empty array.",
                    "ParameterArgumentValidationErrorEmptyArrayNotAllowed",
                )
            for item in items:
                _validate(parameter, item)
            bound[parameter.name] = items
        else:
            text = _as_string(value)
            _validate(parameter, text)
            bound[parameter.name] = text
    chosen = _parameter_set(script, bound)
    missing = [
        p.name
        for p in declared.values()
        if p.mandatory and p.name not in bound and p.parameter_set in (None, chosen)
    ]
    if missing:
        raise _binding_error(
            "Cannot process command because of one or more missing mandatory parameters: "
            + " ".join(missing)
            + ".",
            "MissingMandatoryParameter",
            "InvalidArgument",
        )
    return bound


def _parameter_set(script: _Declared, bound: Mapping[str, object]) -> str | None:
    """The parameter set the bound names select, as PowerShell's binder resolves it: the one set
    named by the bound parameters, else the script's default set; names from two sets fail."""
    named = {p.parameter_set for p in script.parameters if p.name in bound and p.parameter_set is not None}
    if len(named) > 1:
        # Windows PowerShell 5.1's wording (ParameterBinderStrings.AmbiguousParameterSet), believed:
        # PowerShell 7 adds a second sentence.
        raise _binding_error(
            "Parameter set cannot be resolved using the specified named parameters.",
            "AmbiguousParameterSet",
            "InvalidArgument",
        )
    return next(iter(named), script.default_set)


def requested_paths(bound: Mapping[str, Any]) -> list[str]:
    """The paths a bound path-access call asks for, as path-access.ps1 reads them: ``-Path`` as
    given, or ``-PathList`` split at every line feed (``String.Split`` with
    ``StringSplitOptions.None`` keeps empty entries, as ``str.split`` does)."""
    if "PathList" in bound:
        listed: str = bound["PathList"]
        return listed.split("\n")
    paths: list[str] = bound.get("Path", [])
    return paths


def _not_found(path: str) -> ScriptFailed:
    return ScriptFailed(
        f"Cannot find path '{path}' because it does not exist.",
        error_id="PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand",
        category="ObjectNotFound",
        target=path,
    )


def _method_failed(method: str, arguments: int, message: str, error_id: str, category: str) -> ScriptFailed:
    return ScriptFailed(
        f'Exception calling "{method}" with "{arguments}" argument(s): "{message}"',
        error_id=error_id,
        category=category,
    )


class SimulatedServer:
    """A ScriptBackend backed by a scenario. Safe to call from many connections at once."""

    def __init__(self, scenario: Scenario, *, operation_delay_s: float = 0.0) -> None:
        self._scenario = scenario
        self.operation_delay_s = operation_delay_s
        # One lock around the file system: a grant's check-then-write must be atomic.
        self._lock = threading.Lock()
        self._handlers: dict[Operation, Callable[[dict[str, Any]], dict[str, Any]]] = {
            Operation.INVENTORY: self._inventory,
            Operation.PATH_ACCESS: self._path_access,
            Operation.GRANT: self._grant,
            Operation.RESTORE: self._restore,
            Operation.DOCTOR: self._doctor,
            Operation.GROUP_MEMBERS: self._group_members,
        }

    @classmethod
    def from_scenario(cls, folder: Path, *, operation_delay_s: float = 0.0) -> SimulatedServer:
        return cls(load_scenario(folder), operation_delay_s=operation_delay_s)

    @cached_property
    def _pools_by_sid(self) -> dict[str, str]:
        # The configuration is read once and never changes while the server runs.
        return pools_by_sid(pool.name for pool in self._scenario.config.pools)

    @property
    def filesystem(self) -> Filesystem:
        """The simulated file system, for tests that inspect what a grant did."""
        return self._scenario.filesystem

    def execute(self, script: str, parameters: Mapping[str, object]) -> str:
        operation = operation_for_script(script.replace("\r\n", "\n"))
        if operation is None:
            raise ScriptRejected("the script is not one of the shipped operation scripts")
        bound = bind_parameters(operation, parameters)
        if self.operation_delay_s > 0:
            time.sleep(self.operation_delay_s)
        return powershell_json(self._handlers[operation](bound))

    def _inventory(self, _: dict[str, Any]) -> dict[str, Any]:
        machine, config = self._scenario.machine, self._scenario.config
        server = {
            "computerName": machine.computer_name,
            "windowsVersion": machine.windows_version,
            "windowsCaption": machine.windows_caption,
            "iisVersion": machine.iis_version,
            "psVersion": machine.ps_version,
            "elevated": machine.elevated,
            "webAdministration": machine.web_administration,
            **_folders_json(machine),
        }
        if not machine.web_administration:
            return {"server": server, "sites": [], "appPools": [], "memberships": []}
        if not machine.elevated:
            raise ScriptFailed(
                "Filename: redirection.config\r\nError: Cannot read configuration file due to insufficient "
                "permissions\r\n\r\n",
                error_id="System.UnauthorizedAccessException,"
                "Microsoft.IIs.PowerShell.Provider.GetConfigurationCommand",
                category="NotSpecified",
            )
        pools = [_pool_json(pool, machine) for pool in config.pools]
        sites = [_site_json(site, machine, self._scenario.filesystem) for site in config.sites]
        return {
            "server": server,
            "sites": sites,
            "appPools": pools,
            "memberships": _memberships(machine, pools, sites),
        }

    def _doctor(self, _: dict[str, Any]) -> dict[str, Any]:
        scenario = self._scenario
        with self._lock:
            return doctor_answer(scenario.machine, scenario.config, scenario.filesystem, scenario.doctor)

    def _path_access(self, bound: dict[str, Any]) -> dict[str, Any]:
        accounts: dict[str, str | None] = {}
        sddls: dict[str, int] = {}
        with self._lock:
            subfolders = bound.get("Subfolders", False)
            cap = bound.get("CountItemsBelow", 0)
            paths = [
                self._describe(path, accounts, sddls, subfolders, cap) for path in requested_paths(bound)
            ]
        return {"paths": paths, "sddls": list(sddls), "accounts": accounts}

    def _describe(
        self,
        path: str,
        accounts: dict[str, str | None],
        sddls: dict[str, int],
        subfolders: bool,
        count_cap: int,
    ) -> dict[str, Any]:
        """One entry of the answer; the names of its SIDs go into the call's shared ``accounts``,
        its DACL into the call's ``sddls`` (each distinct SDDL once, named by its index), and keys
        that would be null are left out, as path-access.ps1 leaves them out."""
        fs, machine = self._scenario.filesystem, self._scenario.machine
        # As path-access.ps1 decides it: by the spelling alone, without opening anything.
        slashed = path.replace("/", "\\")
        device = slashed.startswith(("\\\\?\\", "\\\\.\\"))
        is_unc = (slashed.startswith("\\\\") and not device) or slashed[:8].casefold() == "\\\\?\\unc\\"
        entry: dict[str, Any] = {
            "path": path,
            "exists": False,
            "isDirectory": False,
            "isUnc": is_unc,
            "owner": None,
            "protected": False,
        }
        if subfolders:
            entry["children"] = None
        if is_unc or not fs.exists(path):
            return entry
        failure = fs.failure(path)
        if failure is not None:
            # As path-access.ps1 reports an exception: on that path only, with type and HRESULT;
            # Get-Item has told whether it is a folder unless it was Get-Item that threw.
            if not failure.before_item:
                entry.update(exists=True, isDirectory=fs.is_directory(path))
            entry.update(error=failure.message, errorType=failure.type_name, hresult=failure.hresult)
            return entry
        dacl = fs.dacl(path)
        owner = fs.owner(path)
        for sid in (owner, *(ace.sid for ace in dacl.aces)):
            if sid not in accounts:
                accounts[sid] = machine.account_name(sid, self._pools_by_sid)
        entry.update(
            exists=True,
            isDirectory=fs.is_directory(path),
            owner=owner,
            protected=dacl.protected,
            sddlIndex=sddls.setdefault(fs.access_sddl(path), len(sddls)),
        )
        if subfolders:
            entry["children"] = fs.subfolder_names(path)[:_MAX_CHILDREN] if fs.is_directory(path) else []
        if count_cap > 0 and fs.is_directory(path):
            # As path-access.ps1 counts: it stops at the cap and then says the count is not the whole tree.
            items = fs.items_below(path)
            entry.update(itemsBelow=min(items, count_cap), itemsBelowComplete=items < count_cap)
        return entry

    def _group_members(self, bound: dict[str, Any]) -> dict[str, Any]:
        return group_members(self._scenario.machine, self._pools_by_sid, bound["Sid"])

    def _grant(self, bound: dict[str, Any]) -> dict[str, Any]:
        path, sid = bound["Path"], bound["Sid"]
        with self._lock:
            before = self._current_sddl(path)
            if not self._scenario.filesystem.is_directory(path):
                message = f"Not a folder: {path}"
                # A thrown exception object's message is also its error id.
                raise ScriptFailed(message, error_id=message, category="OperationStopped", target=path)
            if before != bound["ExpectedSddl"]:
                return _outcome("stale", path, before, before)
            sid = "S" + sid[1:]
            if not sids.is_valid_sid(sid):
                raise ScriptFailed(
                    'New-Object : Exception calling ".ctor" with "1" argument(s): '
                    '"Value was invalid.\r\nParameter name: sddlForm"',
                    error_id="ConstructorInvokedThrowException,Microsoft.PowerShell.Commands.NewObjectCommand",
                    category="InvalidOperation",
                )
            self._require_elevation()
            try:
                self._scenario.filesystem.add_access_rule(path, sid, _RIGHTS[bound["Rights"].lower()])
            except NonCanonicalDacl as error:
                raise _method_failed(
                    "AddAccessRule",
                    1,
                    "This access control list is not in canonical form and therefore cannot be modified.",
                    "InvalidOperationException",
                    "NotSpecified",
                ) from error
            # SetAccessControl propagates the inheritable entry through the existing tree in the
            # same call; the scenario gives its cost, so a test can outlast the client's timeout.
            delay = self._scenario.filesystem.propagation_seconds(path)
            if delay > 0:
                time.sleep(delay)
            return _outcome("changed", path, before, self._current_sddl(path))

    def _restore(self, bound: dict[str, Any]) -> dict[str, Any]:
        path = bound["Path"]
        with self._lock:
            before = self._current_sddl(path)
            if before != bound["ExpectedSddl"]:
                return _outcome("stale", path, before, before)
            try:
                dacl = sddl.parse_dacl(bound["Sddl"], context=self._scenario.machine.sid_context)
            except sddl.SddlError as error:
                raise _method_failed(
                    "SetSecurityDescriptorSddlForm",
                    2,
                    "The SDDL form of a security descriptor object is invalid.\r\nParameter name: sddlForm",
                    "ArgumentException",
                    "NotSpecified",
                ) from error
            self._require_elevation()
            self._scenario.filesystem.set_dacl(path, dacl)
            return _outcome("changed", path, before, self._current_sddl(path))

    def _current_sddl(self, path: str) -> str:
        if not self._scenario.filesystem.exists(path):
            raise _not_found(path)
        return self._scenario.filesystem.access_sddl(path)

    def _require_elevation(self) -> None:
        if not self._scenario.machine.elevated:
            raise _method_failed(
                "SetAccessControl",
                1,
                "Attempted to perform an unauthorized operation.",
                "UnauthorizedAccessException",
                "PermissionDenied",
            )


def _folders_json(machine: Machine) -> dict[str, Any]:
    """The server's folders and account domains, as inventory.ps1 reads them on Windows."""
    environment = {name.lower(): value for name, value in machine.environment.items()}
    return {
        "windir": environment.get("windir"),
        "systemDrive": environment.get("systemdrive"),
        "programFiles": environment.get("programfiles"),
        "programFilesX86": environment.get("programfiles(x86)"),
        "programData": environment.get("programdata"),
        "profilesDirectory": machine.expand(machine.profiles_directory),
        "machineSid": machine.machine_sid,
        "domainSid": machine.domain_sid,
        "forestRootSid": machine.forest_root_sid,
        # As inventory.ps1 names it: only on a domain-joined server whose domain answered.
        "computerAccount": None
        if machine.computer_account is None or machine.domain_sid is None
        else {"name": machine.computer_account[0], "sid": machine.computer_account[1]},
    }


# The enumerations' documented numbers, for a scenario that stages them as numbers.
_ENUM_NUMBERS: Mapping[str, Mapping[str, int]] = {
    field: {name.lower(): number for number, name in enumerate(names)}
    for field, names in (
        ("identityType", IDENTITY_TYPES),
        ("managedPipelineMode", PIPELINE_MODES),
        ("state", OBJECT_STATES),
        ("logonMethod", LOGON_METHODS),
        ("accessType", ACCESS_TYPES),
    )
}
_ENUM_NAMES: Mapping[str, Mapping[str, str]] = {
    field: {name.lower(): name for name in names}
    for field, names in (("logonMethod", LOGON_METHODS), ("accessType", ACCESS_TYPES))
}


def _enum(machine: Machine, field: str, name: str) -> str | int:
    number = _ENUM_NUMBERS[field].get(name.lower())
    if machine.enums_as_numbers and number is not None:
        return number
    # IIS matches enumeration names case-insensitively and answers with the schema's spelling.
    return _ENUM_NAMES.get(field, {}).get(name.lower(), name)


def _site_state(site: Site) -> str:
    # Site.State throws for a site without an HTTP or HTTPS binding (FTP only); the script
    # catches that per site and answers Unknown.
    if not any(binding.protocol.lower() in ("http", "https") for binding in site.bindings):
        return "Unknown"
    return "Started" if site.started else "Stopped"


def _pool_json(pool: AppPool, machine: Machine) -> dict[str, Any]:
    specific = pool.identity_type.lower() == "specificuser"
    return {
        "name": pool.name,
        "state": _enum(machine, "state", "Started" if pool.started else "Stopped"),
        "identityType": _enum(machine, "identityType", pool.identity_type),
        "userName": pool.user_name if specific else None,
        "userSid": machine.account_sid(pool.user_name) if specific else None,
        "managedRuntimeVersion": pool.managed_runtime_version,
        "managedPipelineMode": _enum(machine, "managedPipelineMode", pool.managed_pipeline_mode),
        "manualGroupMembership": pool.manual_group_membership,
        "enable32BitAppOnWin64": pool.enable_32bit,
    }


def _account_json(machine: Machine, name: str) -> dict[str, Any]:
    return {"name": name, "sid": machine.account_sid(name)}


def _names(text: str) -> list[str]:
    # URL authorization's users and roles are comma-separated; "*" (all) and "?" (anonymous) name nobody.
    return [part.strip() for part in text.split(",") if part.strip() and part.strip() not in ("*", "?")]


def _rule_json(rule: AuthorizationRule, machine: Machine) -> dict[str, Any]:
    return {
        "accessType": _enum(machine, "accessType", rule.access_type),
        "users": rule.users,
        "roles": rule.roles,
        "verbs": rule.verbs,
        "accounts": [_account_json(machine, name) for name in (*_names(rule.users), *_names(rule.roles))],
    }


def _application_json(site: Site, app: Application, machine: Machine, fs: Filesystem) -> dict[str, Any]:
    effective = effective_sections(site, app, fs, machine)
    sections = effective.sections
    identity_user = sections[IDENTITY].attributes.get("userName", "")
    return {
        "path": app.path,
        "applicationPool": app.application_pool,
        "anonymousAuthentication": {
            "enabled": effective.anonymous.enabled,
            "userName": effective.anonymous.user_name,
            "userSid": machine.account_sid(effective.anonymous.user_name),
        },
        "authentication": {
            "windows": sections[WINDOWS].flag("enabled"),
            "basic": sections[BASIC].flag("enabled"),
            "digest": sections[DIGEST].flag("enabled"),
        },
        "authorization": [_rule_json(rule, machine) for rule in sections[AUTHORIZATION].rules],
        "impersonation": {
            "enabled": sections[IDENTITY].flag("impersonate"),
            "userName": identity_user,
            "userSid": machine.account_sid(identity_user),
        },
        "virtualDirectories": [
            {
                "path": directory.path,
                "physicalPath": directory.physical_path,
                "expandedPhysicalPath": machine.expand(directory.physical_path),
                "userName": directory.connect_as.user_name,
                "userSid": machine.account_sid(directory.connect_as.user_name),
                "logonMethod": _enum(machine, "logonMethod", directory.connect_as.logon_method),
                "passwordSet": directory.connect_as.password_set,
            }
            for directory in app.virtual_directories
        ],
        "configError": effective.config_error,
    }


def _memberships(
    machine: Machine, pools: list[dict[str, Any]], sites: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """As inventory.ps1 computes them: each resolved SpecificUser pool user, impersonated user and
    Connect-as user once, in the order the script meets them."""
    found: list[str] = [pool["userSid"] for pool in pools if pool["userSid"] is not None]
    for site in sites:
        for app in site["applications"]:
            found.append(app["impersonation"]["userSid"])
            found.extend(directory["userSid"] for directory in app["virtualDirectories"])
    entries = []
    for sid in dict.fromkeys(sid for sid in found if sid is not None):
        groups, error = machine.groups_of(sid)
        entries.append({"sid": sid, "groups": list(groups), "complete": error is None, "error": error})
    return entries


def _site_json(site: Site, machine: Machine, fs: Filesystem) -> dict[str, Any]:
    return {
        "name": site.name,
        "id": site.id,
        "state": _enum(machine, "state", _site_state(site)),
        "bindings": [
            {"protocol": b.protocol, "bindingInformation": b.binding_information} for b in site.bindings
        ],
        "applications": [_application_json(site, app, machine, fs) for app in site.applications],
    }


def _outcome(status: str, path: str, before: str, after: str) -> dict[str, Any]:
    return {"status": status, "path": path, "before": before, "after": after}
