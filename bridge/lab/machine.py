"""The facts of the simulated machine: name, versions, environment, accounts, domain SIDs.

Read from a scenario's optional ``machine.json``; everything missing takes the
value of a freshly installed Windows Server 2022 with IIS 10.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from bridge import sids
from bridge.lab.jsonfile import read_json_object
from bridge.sddl import SidContext


class MachineError(ValueError):
    """machine.json does not describe a machine."""


_DEFAULT_ENVIRONMENT: Mapping[str, str] = {
    "SystemDrive": "C:",
    "SystemRoot": "C:\\Windows",
    "windir": "C:\\Windows",
    "ProgramFiles": "C:\\Program Files",
    "ProgramFiles(x86)": "C:\\Program Files (x86)",
    "ProgramData": "C:\\ProgramData",
}
# The local accounts' domain in the demo's machine.json; any fresh install has its own.
_DEFAULT_MACHINE_SID = "S-1-5-21-3623811015-3361044348-30300820"


@dataclass(frozen=True)
class Machine:
    computer_name: str = "WEB01"
    windows_version: str = "10.0.20348"
    windows_caption: str = "Microsoft Windows Server 2022 Standard"
    iis_version: str | None = "10.0"
    ps_version: str = "5.1.20348.2400"
    elevated: bool = True
    web_administration: bool = True
    environment: Mapping[str, str] = field(default_factory=lambda: dict(_DEFAULT_ENVIRONMENT))
    # Local and domain accounts by name (``WEB01\\svc-web``), beyond the built-in ones.
    accounts: Mapping[str, str] = field(default_factory=dict)
    # The account domain SIDs the relative SDDL aliases stand for: LA/LG (machine),
    # DA/DU/... (the joined domain) and EA/SA/... (its forest root); None when not joined.
    machine_sid: str = _DEFAULT_MACHINE_SID
    domain_sid: str | None = None
    forest_root_sid: str | None = None
    # HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList ProfilesDirectory, unexpanded.
    profiles_directory: str = "%SystemDrive%\\Users"
    # Answer enumerations as numbers, as GetAttributeValue() is believed to give them on a
    # real server: stages the answer of a script that did not cast them to names.
    enums_as_numbers: bool = False
    # Local groups' stored members by group SID (``localGroups``); see bridge/lab/groups.py.
    local_groups: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # The groups an account belongs to beyond the local groups that list it, by member SID
    # (``memberships``): a domain account's domain groups, as an S4U logon would find them.
    memberships: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # The computer's domain account (``computerAccount``: name and SID); None on a workgroup server.
    computer_account: tuple[str, str] | None = None

    @property
    def sid_context(self) -> SidContext:
        """The domains this machine's SDDL aliases stand on, as Windows abbreviates them."""
        return SidContext(self.machine_sid, self.domain_sid, self.forest_root_sid)

    def expand(self, text: str) -> str:
        """Expand ``%NAME%`` like Environment.ExpandEnvironmentVariables: unknown names stay as written."""
        variables = self._variables
        pieces: list[str] = []
        position = 0
        while True:
            start = text.find("%", position)
            end = text.find("%", start + 1) if start >= 0 else -1
            if end < 0:
                pieces.append(text[position:])
                return "".join(pieces)
            pieces.append(text[position:start])
            value = variables.get(text[start + 1 : end].lower())
            if value is None:
                # The closing % may open the next variable, as in Windows.
                pieces.append(text[start:end])
                position = end
            else:
                pieces.append(value)
                position = end + 1

    def account_sid(self, name: str) -> str | None:
        """Translate an account name to its SID as NTAccount.Translate would here, or None."""
        if not name:
            return None
        wanted = name.lower()
        for sid, full_name in self._names.items():
            if full_name.lower() == wanted or full_name.lower().rpartition("\\")[2] == wanted:
                return sid
        return None

    def groups_of(self, sid: str) -> tuple[tuple[str, ...], str | None]:
        """The groups the server computes for an account, and why they are incomplete (or None).

        Explicit ``memberships`` first, then each local group that stores the account or one of
        those groups, in machine.json's order. A domain account the scenario knows nothing about
        answers as an S4U logon does when no domain controller can be reached.
        """
        explicit = self.memberships.get(sid)
        known = (sid, *(explicit or ()))
        local = tuple(
            group for group, members in self.local_groups.items() if any(m in members for m in known)
        )
        groups = tuple(dict.fromkeys((*(explicit or ()), *local)))
        if explicit is None and not local and _is_domain_account(sid, self.machine_sid):
            return (), _S4U_FAILURE
        return groups, None

    def account_name(self, sid: str, pools: Mapping[str, str] | None = None) -> str | None:
        """Translate a SID to an account name, or None when this machine cannot resolve it.

        A pool's virtual account only exists while the pool does, hence ``pools``: the
        configured pools' names by SID (see :func:`pools_by_sid`).
        """
        known = self._names.get(sid)
        if known is not None:
            return known
        pool = (pools or {}).get(sid)
        return None if pool is None else sids.app_pool_account(pool)

    # An inventory expands every virtual directory's path: build the lookup once.
    @cached_property
    def _variables(self) -> dict[str, str]:
        variables = {name.lower(): value for name, value in self.environment.items()}
        variables.setdefault("computername", self.computer_name)
        return variables

    @cached_property
    def _names(self) -> dict[str, str]:
        names = {sid: sids.well_known_name(sid) or "" for sid in _BUILT_IN_SIDS}
        names.update({sid: name for name, sid in self.accounts.items()})
        return names


def _is_domain_account(sid: str, machine_sid: str) -> bool:
    """An account of a Windows domain (S-1-5-21-a-b-c-RID) other than this machine's own."""
    domain, _, rid = sid.rpartition("-")
    return sid.startswith("S-1-5-21-") and rid.isdigit() and domain.upper() != machine_sid.upper()


def pools_by_sid(pool_names: Iterable[str]) -> dict[str, str]:
    """Pool names keyed by their virtual account's SID, hashed once rather than per lookup.

    Pool names differing only in case share a SID; the first configured one names it.
    """
    return {sids.app_pool_sid(name): name for name in reversed(tuple(pool_names))}


# What New-Object WindowsIdentity(<name>) prints when the S4U logon finds no domain controller:
# ERROR_NO_LOGON_SERVERS (1311)'s Win32 text, wrapped by PowerShell's method-invocation message
# (believed: the exact wrapping is not documented; the text is FormatMessage's for 1311).
_S4U_FAILURE = (
    'Exception calling ".ctor" with "1" argument(s): "There are currently no logon servers available '
    'to service the logon request."'
)

_BUILT_IN_SIDS = (
    sids.IUSR,
    sids.IIS_IUSRS,
    sids.EVERYONE,
    sids.USERS,
    sids.AUTHENTICATED_USERS,
    sids.ADMINISTRATORS,
    sids.GUESTS,
    sids.SYSTEM,
    sids.LOCAL_SERVICE,
    sids.NETWORK_SERVICE,
    sids.SERVICE,
    sids.INTERACTIVE,
    sids.NETWORK,
    sids.ANONYMOUS_LOGON,
    sids.CREATOR_OWNER,
    sids.CREATOR_GROUP,
    sids.OWNER_RIGHTS,
    sids.TRUSTED_INSTALLER,
    sids.ALL_APP_PACKAGES,
    sids.ALL_RESTRICTED_APP_PACKAGES,
)


def load_machine(path: Path) -> Machine:
    """Read machine.json; a missing file means the default machine."""
    if not path.exists():
        return Machine()
    data = read_json_object(path, MachineError)
    defaults = Machine()
    environment = dict(_DEFAULT_ENVIRONMENT)
    environment.update(_string_map(data, "environment"))
    return Machine(
        computer_name=_string(data, "computerName", defaults.computer_name),
        windows_version=_string(data, "windowsVersion", defaults.windows_version),
        windows_caption=_string(data, "windowsCaption", defaults.windows_caption),
        iis_version=_optional_string(data, "iisVersion", defaults.iis_version),
        ps_version=_string(data, "psVersion", defaults.ps_version),
        elevated=bool(data.get("elevated", defaults.elevated)),
        web_administration=bool(data.get("webAdministration", defaults.web_administration)),
        environment=environment,
        accounts=_string_map(data, "accounts"),
        machine_sid=_string(data, "machineSid", defaults.machine_sid),
        domain_sid=_optional_string(data, "domainSid", None),
        # A single-domain forest's root domain is the domain itself.
        forest_root_sid=_optional_string(data, "forestRootSid", _optional_string(data, "domainSid", None)),
        profiles_directory=_string(data, "profilesDirectory", defaults.profiles_directory),
        enums_as_numbers=bool(data.get("enumsAsNumbers", False)),
        local_groups=_string_lists(data, "localGroups"),
        memberships=_string_lists(data, "memberships"),
        computer_account=_computer_account(data),
    )


def _computer_account(data: Mapping[str, object]) -> tuple[str, str] | None:
    value = data.get("computerAccount")
    if value is None:
        return None
    if not isinstance(value, dict) or not all(isinstance(value.get(key), str) for key in ("name", "sid")):
        raise MachineError('machine.json: \'computerAccount\' must be {"name": ..., "sid": ...} or null')
    return value["name"], value["sid"]


def _string(data: Mapping[str, object], key: str, default: str) -> str:
    value = data.get(key, default)
    if not isinstance(value, str):
        raise MachineError(f"machine.json: {key!r} must be a string")
    return value


def _optional_string(data: Mapping[str, object], key: str, default: str | None) -> str | None:
    return None if data.get(key, default) is None else _string(data, key, default or "")


def _string_map(data: Mapping[str, object], key: str) -> dict[str, str]:
    value = data.get(key, {})
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise MachineError(f"machine.json: {key!r} must map strings to strings")
    return dict(value)


def _string_lists(data: Mapping[str, object], key: str) -> dict[str, tuple[str, ...]]:
    value = data.get(key, {})
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, list) and all(isinstance(item, str) for item in v)
        for k, v in value.items()
    ):
        raise MachineError(f"machine.json: {key!r} must map strings to lists of strings")
    return {name: tuple(items) for name, items in value.items()}
