"""Typed views of what the operation scripts report, parsed strictly.

Each ``parse_*`` function takes the decoded JSON document of one script and
either returns frozen dataclasses or raises :class:`ModelError` naming the
offending field (``sites[0].applications[1].path: expected a string``), so a
malformed answer from a host never turns into a half-filled model.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal, TypeVar, cast

from bridge.display import quoted
from bridge.sddl import NO_CONTEXT, Dacl, SddlError, SidContext, UnresolvedAlias, parse_dacl
from bridge.sids import (
    LOCAL_SERVICE,
    NETWORK_SERVICE,
    SYSTEM,
    IdentityType,
    app_pool_account,
    app_pool_sid,
    well_known_name,
    worker_token,
)

T = TypeVar("T")


class ModelError(ValueError):
    """A script's JSON does not have the shape its contract promises."""


class UnknownTarget(LookupError):
    """A site, application or virtual directory that the inventory does not hold."""


class _Reader:
    """Strict field access on one JSON object, remembering where it sits in the document."""

    def __init__(self, value: object, where: str) -> None:
        if not isinstance(value, dict):
            raise ModelError(f"{where or 'document'}: expected an object, got {_type_name(value)}")
        self._data = cast(dict[str, object], value)
        self._where = where

    def where(self, key: str) -> str:
        """The document path of a field, for error messages."""
        return f"{self._where}.{key}" if self._where else key

    def _get(self, key: str) -> object:
        if key not in self._data:
            raise ModelError(f"{self.where(key)}: missing")
        return self._data[key]

    def _typed(self, key: str, kind: type[T], label: str) -> T:
        value = self._get(key)
        # bool is an int in Python but never a number in these documents.
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise ModelError(f"{self.where(key)}: expected {label}, got {_type_name(value)}")
        return value

    def string(self, key: str) -> str:
        return self._typed(key, str, "a string")

    def optional_string(self, key: str) -> str | None:
        return None if self._get(key) is None else self.string(key)

    def boolean(self, key: str) -> bool:
        return self._typed(key, bool, "true or false")

    def optional_boolean(self, key: str, default: bool) -> bool:
        """A key newer scripts add: absent or null (an older script's answer) means ``default``."""
        return default if self._data.get(key) is None else self.boolean(key)

    def newer_value(self, key: str) -> object:
        """A key newer scripts add, as it stands: None when absent or null."""
        return self._data.get(key)

    def newer_string(self, key: str) -> str | None:
        """A key newer scripts add: absent or null (an older script's answer) means unknown."""
        return None if self._data.get(key) is None else self.string(key)

    def enum_name(self, key: str, names: tuple[str, ...]) -> str:
        """An enumeration given by name or by number, as Windows may print either, as its name.

        ``names`` lists the enumeration's names in the order of their documented values.
        """
        value = self._get(key)
        # The shipped script's own spelling: the common case, checked first.
        if isinstance(value, str) and value in names:
            return value
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < len(names):
            return names[value]
        if isinstance(value, str):
            # IIS's configuration system matches enumeration names case-insensitively.
            found = next((name for name in names if name.casefold() == value.strip().casefold()), None)
            if found is not None:
                return found
            if value.strip().isdigit() and int(value) < len(names):
                return names[int(value)]
        raise ModelError(
            f"{self.where(key)}: unknown value {value!r}; "
            f"expected one of {', '.join(names)} or 0-{len(names) - 1}"
        )

    def integer(self, key: str) -> int:
        return self._typed(key, int, "an integer")

    def newer_integer(self, key: str) -> int | None:
        """A number newer scripts add: absent or null means unknown."""
        return None if self._data.get(key) is None else self.integer(key)

    def child(self, key: str) -> _Reader:
        return _Reader(self._get(key), self.where(key))

    def items(self, key: str) -> list[tuple[object, str]]:
        """The elements of an array field with their paths.

        Windows PowerShell 5.1 sometimes serialises an array that carries
        extended properties as ``{"value": [...], "Count": n}``; both shapes
        are accepted.
        """
        value = self._get(key)
        if isinstance(value, dict) and "value" in value and "Count" in value:
            value = value["value"]
        if not isinstance(value, list):
            raise ModelError(f"{self.where(key)}: expected an array, got {_type_name(value)}")
        return [(item, f"{self.where(key)}[{index}]") for index, item in enumerate(value)]

    def strings(self, key: str) -> tuple[str, ...]:
        result = []
        for item, where in self.items(key):
            if not isinstance(item, str):
                raise ModelError(f"{where}: expected a string, got {_type_name(item)}")
            result.append(item)
        return tuple(result)

    def optional_strings(self, key: str) -> tuple[str, ...] | None:
        return None if self._get(key) is None else self.strings(key)

    def string_map(self, key: str) -> dict[str, str | None]:
        mapping = self.child(key)._data
        for name, value in mapping.items():
            if value is not None and not isinstance(value, str):
                raise ModelError(
                    f"{self.where(key)}.{name}: expected a string or null, got {_type_name(value)}"
                )
        return cast(dict[str, "str | None"], dict(mapping))


def _type_name(value: object) -> str:
    if value is None:
        return "null"
    return {bool: "a boolean", int: "a number", float: "a number", str: "a string", list: "an array"}.get(
        type(value), "an object"
    )


def _same_name(left: str, right: str) -> bool:
    # IIS compares site, application and pool names case-insensitively.
    return left.casefold() == right.casefold()


def _first_by_name(named: Iterable[tuple[str, T]]) -> dict[str, T]:
    """Index items by case-folded name; where names collide the first item keeps the name."""
    index: dict[str, T] = {}
    for name, item in named:
        index.setdefault(name.casefold(), item)
    return index


@dataclass(frozen=True, slots=True)
class Message:
    """A finding, warning or error as a stable code plus named parameters, so the GUI can translate it.

    ``template`` is the English text with ``{named}`` fields; :meth:`describe` fills it in. A
    parameter is text, or a message of its own (a phrase the GUI translates too). Messages are
    declared in ``bridge.wording``.
    """

    code: str
    template: str
    params: Mapping[str, MessageParam] = field(default_factory=dict)

    def describe(self) -> str:
        if not self.params and "{" not in self.template and "}" not in self.template:
            # A phrase without fields (a level inside every reason): nothing to fill in or unescape.
            return self.template
        return self.template.format_map(
            {
                name: value.describe() if isinstance(value, Message) else value
                for name, value in self.params.items()
            }
        )


MessageParam = str | Message


# Enumerations in the order of their documented values (IIS configuration schema,
# Microsoft.Web.Administration's ProcessModelIdentityType, ManagedPipelineMode and
# ObjectState, and the virtualDirectory logonMethod attribute).
IDENTITY_TYPES = ("LocalSystem", "LocalService", "NetworkService", "SpecificUser", "ApplicationPoolIdentity")
PIPELINE_MODES = ("Integrated", "Classic")
OBJECT_STATES = ("Starting", "Started", "Stopping", "Stopped", "Unknown")
LOGON_METHODS = ("Interactive", "Batch", "Network", "ClearText")


@dataclass(frozen=True)
class ServerFacts:
    computer_name: str
    windows_version: str
    windows_caption: str
    iis_version: str | None
    ps_version: str
    elevated: bool
    web_administration: bool
    # The server's own folders and domain SIDs, as the server reports them; None is unknown
    # (an older script's answer, or a value the server could not read).
    windir: str | None = None
    system_drive: str | None = None
    program_files: str | None = None
    program_files_x86: str | None = None
    program_data: str | None = None
    profiles_directory: str | None = None
    machine_sid: str | None = None
    domain_sid: str | None = None
    forest_root_sid: str | None = None
    # The computer's domain account (``CORP\\WEB01$``): what its services present on the network.
    # None on a workgroup server, or when the server could not name it.
    computer_account: Account | None = None

    @property
    def sid_context(self) -> SidContext:
        """The domains the server's relative SDDL aliases (LA, DA, EA...) stand on."""
        return SidContext(self.machine_sid, self.domain_sid, self.forest_root_sid)

    @property
    def ps_major_version(self) -> int | None:
        head = self.ps_version.partition(".")[0]
        return int(head) if head.isdigit() else None


@dataclass(frozen=True, slots=True)
class Binding:
    protocol: str
    binding_information: str


@dataclass(frozen=True, slots=True)
class Account:
    """An account the server named, with the SID it resolved the name to (None: it could not)."""

    name: str
    sid: str | None


@dataclass(frozen=True, slots=True)
class ConnectAs:
    """A virtual directory's "Connect as" user (IIS Manager's "Physical path credentials"): IIS
    reads the directory's content and web.config files as this user, for every request. The
    password is never read; ``password_set`` says whether one is configured."""

    account: Account
    logon_method: str
    password_set: bool


@dataclass(frozen=True, slots=True)
class VirtualDirectory:
    path: str
    physical_path: str
    expanded_physical_path: str
    connect_as: ConnectAs | None = None


@dataclass(frozen=True, slots=True)
class AnonymousAuth:
    enabled: bool
    user_name: str
    user_sid: str | None

    @property
    def uses_pool_identity(self) -> bool:
        """An empty userName means anonymous requests run as the application pool identity."""
        return self.user_name == ""


@dataclass(frozen=True, slots=True)
class SignIn:
    """Which of the authentication methods that sign a user in are on (``windowsAuthentication``,
    ``basicAuthentication``, ``digestAuthentication``): the static file handler then reads
    content as that user."""

    windows: bool = False
    basic: bool = False
    digest: bool = False

    @property
    def any(self) -> bool:
        return self.windows or self.basic or self.digest


AccessType = Literal["Allow", "Deny"]
ACCESS_TYPES = ("Allow", "Deny")


@dataclass(frozen=True, slots=True)
class AuthorizationRule:
    """One ``system.webServer/security/authorization`` rule: ``users`` and ``roles`` as written
    (``*`` all users, ``?`` anonymous), ``accounts`` the named ones resolved on the server."""

    access: AccessType
    users: tuple[str, ...]
    roles: tuple[str, ...]
    verbs: str
    accounts: tuple[Account, ...]


@dataclass(frozen=True, slots=True)
class Impersonation:
    """ASP.NET's ``system.web/identity``: managed code runs as the request's user (no user name) or
    as the named user."""

    enabled: bool
    account: Account | None = None


@dataclass(frozen=True, slots=True)
class Application:
    path: str
    application_pool: str
    anonymous: AnonymousAuth
    virtual_directories: tuple[VirtualDirectory, ...]
    # Why the application's effective configuration could not be read (a web.config that
    # does not parse: itself an HTTP 500.19); ``anonymous`` is then applicationHost.config's.
    config_error: str | None = None
    sign_in: SignIn = SignIn()
    # None: an older script's answer, which did not read the rules.
    authorization: tuple[AuthorizationRule, ...] | None = None
    impersonation: Impersonation = Impersonation(False)

    def directory(self, path: str) -> VirtualDirectory | None:
        return next((vdir for vdir in self.virtual_directories if _same_name(vdir.path, path)), None)


@dataclass(frozen=True, slots=True)
class Site:
    name: str
    id: int
    state: str
    bindings: tuple[Binding, ...]
    applications: tuple[Application, ...]


@dataclass(frozen=True)
class AppPool:
    name: str
    state: str
    identity_type: IdentityType
    user_name: str | None
    user_sid: str | None
    managed_runtime_version: str
    managed_pipeline_mode: str
    # processModel manualGroupMembership: IIS_IUSRS is then not injected into the worker token.
    manual_group_membership: bool = False
    # enable32BitAppOnWin64: the worker is a 32-bit process (Framework, not Framework64, folders).
    enable_32bit: bool = False
    # Not from the inventory: the stored member of IIS_IUSRS (the identity, or a group in its
    # token) through which a manual pool's worker still carries the group; see bridge.members.
    iis_iusrs_member: str | None = None

    # A full check asks every target's pool for its SID and token: hash the name once.
    @cached_property
    def sid(self) -> str:
        """The pool's virtual-account SID: in the worker token whatever the identity type."""
        return app_pool_sid(self.name)

    @property
    def identity_sid(self) -> str | None:
        """The SID the worker process runs as, or None for a specific user the host could not resolve."""
        builtin = {
            IdentityType.APPLICATION_POOL_IDENTITY: self.sid,
            IdentityType.NETWORK_SERVICE: NETWORK_SERVICE,
            IdentityType.LOCAL_SERVICE: LOCAL_SERVICE,
            IdentityType.LOCAL_SYSTEM: SYSTEM,
        }
        return builtin.get(self.identity_type, self.user_sid)

    @property
    def identity_account(self) -> str:
        """The account the worker process runs as, e.g. ``IIS AppPool\\Blog``."""
        if self.identity_type is IdentityType.APPLICATION_POOL_IDENTITY:
            return app_pool_account(self.name)
        if self.identity_type is IdentityType.SPECIFIC_USER:
            return self.user_name or ""
        return well_known_name(self.identity_sid or "") or self.identity_type.value

    @property
    def carries_iis_iusrs(self) -> bool:
        """Whether the worker token holds IIS_IUSRS (for a manual pool: as far as its members are known)."""
        return not self.manual_group_membership or self.iis_iusrs_member is not None

    @cached_property
    def token(self) -> frozenset[str]:
        return worker_token(self.name, self.identity_type, self.user_sid, iis_iusrs=self.carries_iis_iusrs)


@dataclass(frozen=True, slots=True)
class TargetRef:
    """Names a site root, an application or a virtual directory: ``Default Web Site/blog/images``."""

    site: str
    application_path: str = "/"
    directory_path: str = "/"

    def __str__(self) -> str:
        return "".join(part.rstrip("/") for part in (self.site, self.application_path, self.directory_path))


TargetKind = Literal["site", "application", "virtual-directory"]


@dataclass(frozen=True, slots=True)
class Target:
    ref: TargetRef
    site: Site
    application: Application
    directory: VirtualDirectory

    @property
    def kind(self) -> TargetKind:
        if self.directory.path != "/":
            return "virtual-directory"
        return "site" if self.application.path == "/" else "application"

    @property
    def is_site_root(self) -> bool:
        return self.kind == "site"

    @property
    def physical_path(self) -> str:
        """The folder on the target, with environment variables already expanded there."""
        return self.directory.expanded_physical_path


@dataclass(frozen=True)
class Membership:
    """The groups an account's token holds, as the server computed them: ``complete`` False means
    they could not all be computed (``error`` says why) and only the known ones count."""

    sid: str
    groups: tuple[str, ...]
    complete: bool
    error: str | None = None


@dataclass(frozen=True)
class Inventory:
    server: ServerFacts
    sites: tuple[Site, ...]
    app_pools: tuple[AppPool, ...]
    # By member SID: the SpecificUser pools', Connect-as and impersonated users' groups.
    memberships: Mapping[str, Membership] = field(default_factory=dict)

    def pool(self, name: str) -> AppPool | None:
        return self._pools_by_name.get(name.casefold())

    def site(self, name: str) -> Site | None:
        return self._sites_by_name.get(name.casefold())

    # A full check looks up one pool per target: thousands of lookups in one inventory.
    @cached_property
    def _pools_by_name(self) -> dict[str, AppPool]:
        return _first_by_name((pool.name, pool) for pool in self.app_pools)

    @cached_property
    def _sites_by_name(self) -> dict[str, Site]:
        return _first_by_name((site.name, site) for site in self.sites)

    def targets(self) -> Iterator[Target]:
        """Every site root, application and virtual directory, in configuration order."""
        for site in self.sites:
            for application in site.applications:
                for directory in application.virtual_directories:
                    ref = TargetRef(site.name, application.path, directory.path)
                    yield Target(ref, site, application, directory)

    def find_target(self, name: str | TargetRef) -> Target:
        """Resolve ``"Site"``, ``"Site/app"`` or ``"Site/app/vdir"`` (or a TargetRef).

        The deepest application whose path prefixes the name wins; the rest
        names one of its virtual directories.
        """
        text = str(name)
        site_name, _, rest = text.partition("/")
        site = self.site(site_name)
        if site is None:
            raise UnknownTarget(f"no site named {quoted(site_name)}")
        segments = [part for part in rest.split("/") if part]
        for split in range(len(segments), -1, -1):
            app_path = "/" + "/".join(segments[:split])
            application = next((app for app in site.applications if _same_name(app.path, app_path)), None)
            if application is None:
                continue
            directory = application.directory("/" + "/".join(segments[split:]))
            if directory is None:
                break
            return Target(
                TargetRef(site.name, application.path, directory.path), site, application, directory
            )
        raise UnknownTarget(f"no application or virtual directory {quoted(text)}")


@dataclass(frozen=True, slots=True)
class PathAccess:
    path: str
    exists: bool
    is_directory: bool
    is_unc: bool
    owner: str | None
    protected: bool
    sddl: str | None
    dacl: Dacl | None
    accounts: Mapping[str, str | None] = field(default_factory=dict)
    # None when the call did not ask for subfolders (a whole-server check never does).
    children: tuple[str, ...] | None = None
    error: str | None = None
    # The .NET type and HRESULT of the exception behind ``error`` (newer scripts; None if unknown).
    error_type: str | None = None
    hresult: int | None = None
    # Files and folders below it, when the call asked for a count (None: not asked or not told);
    # ``items_below_complete`` False means "at least": the count stopped at its cap or budget.
    items_below: int | None = None
    items_below_complete: bool = False

    @property
    def readable(self) -> bool:
        """Whether the host could read the folder's ACL."""
        return self.exists and self.dacl is not None and self.error is None

    def account_name(self, sid: str) -> str | None:
        """The name the host resolved for a SID, else its English well-known name."""
        return self.accounts.get(sid) or well_known_name(sid)


@dataclass(frozen=True)
class AclChange:
    """The answer of the grant and restore scripts: ``stale`` means nothing was changed."""

    status: Literal["changed", "stale"]
    path: str
    before: str
    after: str


GrantResult = AclChange
RestoreResult = AclChange


def _parse_server(reader: _Reader) -> ServerFacts:
    return ServerFacts(
        computer_name=reader.string("computerName"),
        windows_version=reader.string("windowsVersion"),
        windows_caption=reader.string("windowsCaption"),
        iis_version=reader.optional_string("iisVersion"),
        ps_version=reader.string("psVersion"),
        elevated=reader.boolean("elevated"),
        web_administration=reader.boolean("webAdministration"),
        windir=reader.newer_string("windir"),
        system_drive=reader.newer_string("systemDrive"),
        program_files=reader.newer_string("programFiles"),
        program_files_x86=reader.newer_string("programFilesX86"),
        program_data=reader.newer_string("programData"),
        profiles_directory=reader.newer_string("profilesDirectory"),
        machine_sid=reader.newer_string("machineSid"),
        domain_sid=reader.newer_string("domainSid"),
        forest_root_sid=reader.newer_string("forestRootSid"),
        computer_account=_optional_account(reader, "computerAccount"),
    )


def _account(reader: _Reader) -> Account:
    return Account(reader.string("name"), reader.optional_string("sid"))


def _optional_account(reader: _Reader, key: str) -> Account | None:
    """A newer key holding ``{name, sid}``, or null/absent."""
    if reader.newer_value(key) is None:
        return None
    return _account(reader.child(key))


def _connect_as(reader: _Reader) -> ConnectAs | None:
    # userName "" (or an older script's answer, without it) is pass-through: no Connect as.
    user_name = reader.newer_string("userName")
    if not user_name:
        return None
    return ConnectAs(
        account=Account(user_name, reader.newer_string("userSid")),
        logon_method=reader.enum_name("logonMethod", LOGON_METHODS)
        if reader.newer_value("logonMethod") is not None
        else "ClearText",
        password_set=reader.optional_boolean("passwordSet", False),
    )


def _sign_in(reader: _Reader) -> SignIn:
    if reader.newer_value("authentication") is None:
        return SignIn()
    methods = reader.child("authentication")
    return SignIn(
        windows=methods.optional_boolean("windows", False),
        basic=methods.optional_boolean("basic", False),
        digest=methods.optional_boolean("digest", False),
    )


def _names(text: str) -> tuple[str, ...]:
    # IIS's URL authorization takes comma-separated lists of users and roles.
    return tuple(part.strip() for part in text.split(",") if part.strip())


def _authorization(reader: _Reader) -> tuple[AuthorizationRule, ...] | None:
    if reader.newer_value("authorization") is None:
        return None
    rules = []
    for item, where in reader.items("authorization"):
        rule = _Reader(item, where)
        rules.append(
            AuthorizationRule(
                access=cast(AccessType, rule.enum_name("accessType", ACCESS_TYPES)),
                users=_names(rule.newer_string("users") or ""),
                roles=_names(rule.newer_string("roles") or ""),
                verbs=rule.newer_string("verbs") or "",
                accounts=tuple(_account(_Reader(entry, at)) for entry, at in rule.items("accounts"))
                if rule.newer_value("accounts") is not None
                else (),
            )
        )
    return tuple(rules)


def _impersonation(reader: _Reader) -> Impersonation:
    if reader.newer_value("impersonation") is None:
        return Impersonation(False)
    identity = reader.child("impersonation")
    user_name = identity.newer_string("userName")
    return Impersonation(
        enabled=identity.boolean("enabled"),
        account=Account(user_name, identity.newer_string("userSid")) if user_name else None,
    )


def _parse_memberships(reader: _Reader) -> dict[str, Membership]:
    if reader.newer_value("memberships") is None:
        return {}
    found = {}
    for item, where in reader.items("memberships"):
        entry = _Reader(item, where)
        membership = Membership(
            sid=entry.string("sid"),
            groups=entry.strings("groups"),
            complete=entry.boolean("complete"),
            error=entry.newer_string("error"),
        )
        found[membership.sid] = membership
    return found


def _parse_application(reader: _Reader) -> Application:
    anonymous = reader.child("anonymousAuthentication")
    directories = []
    for item, where in reader.items("virtualDirectories"):
        vdir = _Reader(item, where)
        directories.append(
            VirtualDirectory(
                path=vdir.string("path"),
                physical_path=vdir.string("physicalPath"),
                expanded_physical_path=vdir.string("expandedPhysicalPath"),
                connect_as=_connect_as(vdir),
            )
        )
    return Application(
        path=reader.string("path"),
        application_pool=reader.string("applicationPool"),
        anonymous=AnonymousAuth(
            enabled=anonymous.boolean("enabled"),
            user_name=anonymous.string("userName"),
            user_sid=anonymous.optional_string("userSid"),
        ),
        virtual_directories=tuple(directories),
        config_error=reader.newer_string("configError"),
        sign_in=_sign_in(reader),
        authorization=_authorization(reader),
        impersonation=_impersonation(reader),
    )


def _parse_site(reader: _Reader) -> Site:
    bindings = []
    for item, where in reader.items("bindings"):
        binding = _Reader(item, where)
        bindings.append(Binding(binding.string("protocol"), binding.string("bindingInformation")))
    return Site(
        name=reader.string("name"),
        id=reader.integer("id"),
        state=reader.enum_name("state", OBJECT_STATES),
        bindings=tuple(bindings),
        applications=tuple(
            _parse_application(_Reader(item, where)) for item, where in reader.items("applications")
        ),
    )


def _parse_pool(reader: _Reader) -> AppPool:
    identity_type = IdentityType(reader.enum_name("identityType", IDENTITY_TYPES))
    return AppPool(
        name=reader.string("name"),
        state=reader.enum_name("state", OBJECT_STATES),
        identity_type=identity_type,
        user_name=reader.optional_string("userName"),
        user_sid=reader.optional_string("userSid"),
        managed_runtime_version=reader.string("managedRuntimeVersion"),
        managed_pipeline_mode=reader.enum_name("managedPipelineMode", PIPELINE_MODES),
        manual_group_membership=reader.optional_boolean("manualGroupMembership", False),
        enable_32bit=reader.optional_boolean("enable32BitAppOnWin64", False),
    )


def parse_inventory(obj: object) -> Inventory:
    """Parse the JSON document of ``inventory.ps1``."""
    reader = _Reader(obj, "")
    return Inventory(
        server=_parse_server(reader.child("server")),
        sites=tuple(_parse_site(_Reader(item, where)) for item, where in reader.items("sites")),
        app_pools=tuple(_parse_pool(_Reader(item, where)) for item, where in reader.items("appPools")),
        memberships=_parse_memberships(reader),
    )


class _PathsParser:
    """Parses the entries of one path-access answer against the answer's shared account names.

    Folders of one server share a few distinct ACLs (inherited from a common root), so each
    distinct SDDL is parsed once and its entries share the same immutable Dacl and accounts.
    One answer comes from one server, where a domain-relative alias (``DA``) always stands for
    the same SID, so the answer's SIDs resolve it as well as the entry's own would.
    """

    def __init__(self, accounts: Mapping[str, str | None], sddls: tuple[str, ...], sids: SidContext) -> None:
        self._names = accounts
        self._sddls = sddls
        self._sids = sids
        self._dacls: dict[str, Dacl] = {}
        self._accounts: dict[tuple[str | None, str], Mapping[str, str | None]] = {}

    def _dacl(self, reader: _Reader, sddl: str) -> Dacl:
        dacl = self._dacls.get(sddl)
        if dacl is None:
            try:
                dacl = self._dacls[sddl] = parse_dacl(sddl, known_sids=self._names, context=self._sids)
            except UnresolvedAlias:
                raise
            except SddlError as error:
                index = reader.newer_value("sddlIndex")
                where = reader.where("sddl") if index is None else f"sddls[{index}]"
                raise ModelError(f"{where}: {error}") from error
        return dacl

    def _entry_accounts(self, owner: str | None, sddl: str, dacl: Dacl) -> Mapping[str, str | None]:
        """The names of the entry's owner and ACE SIDs, as the answer reported them."""
        key = (owner, sddl)
        accounts = self._accounts.get(key)
        if accounts is None:
            sids = dict.fromkeys([owner, *(ace.sid for ace in dacl.aces)])
            accounts = self._accounts[key] = {
                sid: self._names[sid] for sid in sids if sid is not None and sid in self._names
            }
        return accounts

    def sddl(self, reader: _Reader) -> str | None:
        """The entry's SDDL: by its index in the answer's ``sddls`` (path-access.ps1 sends each
        distinct one once), or inline as ``sddl`` (the script's earlier answers, and recordings)."""
        index = reader.newer_integer("sddlIndex")
        if index is None:
            return reader.newer_string("sddl")
        if not 0 <= index < len(self._sddls):
            raise ModelError(f"{reader.where('sddlIndex')}: {index} names no entry of sddls")
        return self._sddls[index]

    def entry(self, reader: _Reader) -> PathAccess:
        owner = reader.optional_string("owner")
        sddl = self.sddl(reader)
        dacl: Dacl | None = None
        accounts: Mapping[str, str | None] = {}
        # Left out by the script where null (only a failed path has an error).
        error = reader.newer_string("error")
        if sddl is not None:
            try:
                dacl = self._dacl(reader, sddl)
                accounts = self._entry_accounts(owner, sddl, dacl)
            except UnresolvedAlias as unresolved:
                # Reported on this folder, not guessed: its ACL stays unread, the rest stands.
                error = str(unresolved)
        return PathAccess(
            path=reader.string("path"),
            exists=reader.boolean("exists"),
            is_directory=reader.boolean("isDirectory"),
            is_unc=reader.boolean("isUnc"),
            owner=owner,
            protected=reader.boolean("protected"),
            sddl=sddl,
            dacl=dacl,
            accounts=accounts,
            # Present only when subfolders were asked for; null when they could not be listed.
            children=None if reader.newer_value("children") is None else reader.strings("children"),
            error=error,
            error_type=reader.newer_string("errorType"),
            hresult=reader.newer_integer("hresult"),
            items_below=reader.newer_integer("itemsBelow"),
            items_below_complete=reader.optional_boolean("itemsBelowComplete", False),
        )


def _answer_sddls(reader: _Reader) -> tuple[str, ...]:
    """The answer's distinct DACLs its entries name by index; none in an answer that gives them inline."""
    return reader.strings("sddls") if reader.newer_value("sddls") is not None else ()


def parse_path_access(obj: object, sids: SidContext = NO_CONTEXT) -> list[PathAccess]:
    """Parse the JSON document of ``path-access.ps1``, one entry per requested path.

    ``sids`` are the host's domain SIDs (from its inventory) its relative SDDL aliases stand on.

    The script names each SID once per answer, in its top-level ``accounts``; each entry's
    ``PathAccess.accounts`` holds the names of that entry's owner and ACE SIDs.
    """
    reader = _Reader(obj, "")
    sddls = _answer_sddls(reader)
    parser = _PathsParser(reader.string_map("accounts"), sddls, sids)
    return [parser.entry(_Reader(item, where)) for item, where in reader.items("paths")]


def path_entries(obj: object) -> list[dict[str, Any]]:
    """Each entry of a path-access answer as a document of its own, its DACL inline as ``sddl``
    however the answer gave it (what a recording keeps: entries of several answers side by side)."""
    reader = _Reader(obj, "")
    sddls = _answer_sddls(reader)
    parser = _PathsParser({}, sddls, NO_CONTEXT)
    entries: list[dict[str, Any]] = []
    for item, where in reader.items("paths"):
        entry = _Reader(item, where)
        entry.string("path")
        text = parser.sddl(entry)
        found: dict[str, Any] = {}
        # In the entry's own order, the DACL where its index stood.
        for key, value in cast(dict[str, Any], item).items():
            if key == "sddlIndex":
                found["sddl"] = text
            else:
                found[key] = value
        entries.append(found)
    return entries


def parse_acl_change(obj: object) -> AclChange:
    """Parse the JSON document of ``grant.ps1`` or ``restore.ps1``."""
    reader = _Reader(obj, "")
    status = reader.string("status")
    if status not in ("changed", "stale"):
        raise ModelError(f"status: expected 'changed' or 'stale', got {status!r}")
    return AclChange(
        status=cast(Literal["changed", "stale"], status),
        path=reader.string("path"),
        before=reader.string("before"),
        after=reader.string("after"),
    )
