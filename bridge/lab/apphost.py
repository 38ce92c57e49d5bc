"""Read ``applicationHost.config`` the way IIS's configuration system does.

Only what the inventory script asks for is modelled: sites, bindings,
applications, virtual directories (with their Connect as user, logon method and
whether a password is set), application pools, the collection defaults
(``applicationDefaults``, ``virtualDirectoryDefaults``,
``applicationPoolDefaults``) and, per application, the effective
configuration sections of :data:`SECTIONS` including ``<location path="...">``
overrides: anonymous, Windows, Basic and Digest authentication, URL
authorization and ASP.NET's ``system.web/identity``.

Not modelled: ``lockAttributes``/``lockElements``/``lockItem``, a duplicate
``<add>`` in the authorization collection (an error on Windows), and whether a
``<location overrideMode>`` holds the section it unlocks (here it unlocks every
section at its path and below).

The standard library's ElementTree is enough: the file is trusted local lab
data, a single pass over the tree is linear in its size, and no third-party
parser would add anything but a dependency.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

ANONYMOUS = "system.webServer/security/authentication/anonymousAuthentication"
WINDOWS = "system.webServer/security/authentication/windowsAuthentication"
BASIC = "system.webServer/security/authentication/basicAuthentication"
DIGEST = "system.webServer/security/authentication/digestAuthentication"
AUTHORIZATION = "system.webServer/security/authorization"
IDENTITY = "system.web/identity"

# Schema defaults from IIS_schema.xml for the attributes the inventory reads.
_DEFAULT_POOL = "DefaultAppPool"
_DEFAULT_IDENTITY_TYPE = "ApplicationPoolIdentity"
_DEFAULT_RUNTIME = "v4.0"
_DEFAULT_PIPELINE = "Integrated"
# virtualDirectory logonMethod: "The default is 3 (ClearText)" (IIS configuration reference).
_DEFAULT_LOGON_METHOD = "ClearText"


class AppHostError(ValueError):
    """The file is not a readable applicationHost.config."""


@dataclass(frozen=True)
class SectionSpec:
    """A configuration section the inventory reads: its schema defaults and, when the file does not
    define it in ``<configSections>``, whether web.config files may set it (``overrideModeDefault``
    as IIS ships it: the authentication sections "Deny"; authorization, and system.web's sections,
    which machine.config defines without a lock, "Allow")."""

    path: str
    defaults: Mapping[str, str]
    allowed_by_default: bool
    collection: bool = False


SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec(ANONYMOUS, {"enabled": "false", "userName": "IUSR"}, allowed_by_default=False),
    SectionSpec(WINDOWS, {"enabled": "false"}, allowed_by_default=False),
    SectionSpec(BASIC, {"enabled": "false"}, allowed_by_default=False),
    SectionSpec(DIGEST, {"enabled": "false"}, allowed_by_default=False),
    SectionSpec(AUTHORIZATION, {}, allowed_by_default=True, collection=True),
    SectionSpec(IDENTITY, {"impersonate": "false", "userName": ""}, allowed_by_default=True),
)


@dataclass(frozen=True)
class Binding:
    protocol: str
    binding_information: str


@dataclass(frozen=True)
class AuthorizationRule:
    """One ``<add>`` of ``system.webServer/security/authorization``, as written."""

    access_type: str
    users: str = ""
    roles: str = ""
    verbs: str = ""

    def same_key(self, users: str, roles: str, verbs: str) -> bool:
        """Whether a ``<remove users roles verbs>`` names this rule (the collection's combined key)."""
        mine = (self.users, self.roles, self.verbs)
        given = (users, roles, verbs)
        return all(a.strip().casefold() == b.strip().casefold() for a, b in zip(mine, given, strict=True))


# A fresh install's applicationHost.config holds this one rule; a file without the section is read
# as the shipped one.
DEFAULT_RULES = (AuthorizationRule("Allow", users="*"),)


@dataclass(frozen=True)
class Section:
    """A section's effective values at one path: attributes merged one by one, the collection's
    ``<add>``/``<remove>``/``<clear>`` applied in order, and whether a web.config there may set it."""

    attributes: Mapping[str, str]
    unlocked: bool
    rules: tuple[AuthorizationRule, ...] = ()

    def flag(self, name: str) -> bool:
        return _is_true(self.attributes.get(name, "false"))

    def merged(self, element: ET.Element, *, unlocked: bool | None = None) -> Section:
        """This section with one more configuration level's element applied."""
        attributes = dict(self.attributes)
        attributes.update(element.attrib)
        rules = list(self.rules)
        for child in element:
            if child.tag == "clear":
                rules.clear()
            elif child.tag == "remove":
                users, roles, verbs = (child.get(key, "") for key in ("users", "roles", "verbs"))
                rules = [rule for rule in rules if not rule.same_key(users, roles, verbs)]
            elif child.tag == "add":
                rules.append(
                    AuthorizationRule(
                        access_type=child.get("accessType", "Allow"),
                        users=child.get("users", ""),
                        roles=child.get("roles", ""),
                        verbs=child.get("verbs", ""),
                    )
                )
        return Section(attributes, self.unlocked if unlocked is None else unlocked, tuple(rules))


@dataclass(frozen=True)
class AnonymousAuthentication:
    enabled: bool
    # An empty user name means "run anonymous requests as the pool identity".
    user_name: str
    # Whether a web.config at this application may set the section (its effective overrideMode).
    unlocked: bool = False


@dataclass(frozen=True)
class ConnectAs:
    """A virtual directory's ``userName`` (empty: pass-through), ``logonMethod``, and whether a
    ``password`` is configured; the password itself is never kept."""

    user_name: str = ""
    logon_method: str = _DEFAULT_LOGON_METHOD
    password_set: bool = False


@dataclass(frozen=True)
class VirtualDirectory:
    path: str
    physical_path: str
    connect_as: ConnectAs = ConnectAs()


@dataclass(frozen=True)
class Application:
    path: str
    application_pool: str
    anonymous: AnonymousAuthentication
    virtual_directories: tuple[VirtualDirectory, ...]
    # applicationHost.config's effective sections for this application, by section path.
    sections: Mapping[str, Section] = field(default_factory=dict)


@dataclass(frozen=True)
class Site:
    name: str
    id: int
    started: bool
    bindings: tuple[Binding, ...]
    applications: tuple[Application, ...]


@dataclass(frozen=True)
class AppPool:
    name: str
    started: bool
    identity_type: str
    user_name: str
    managed_runtime_version: str
    managed_pipeline_mode: str
    manual_group_membership: bool = False
    enable_32bit: bool = False


@dataclass(frozen=True)
class AppHostConfig:
    sites: tuple[Site, ...]
    pools: tuple[AppPool, ...]


def load_apphost(path: Path) -> AppHostConfig:
    """Read and interpret an applicationHost.config file."""
    return parse_apphost(path.read_bytes())


def parse_apphost(document: bytes | str) -> AppHostConfig:
    """Interpret the text of an applicationHost.config."""
    try:
        # Trusted local lab data; Python's expat refuses external entities and
        # limits entity amplification, which is all defusedxml would add here.
        root = ET.fromstring(document)  # noqa: S314
    except ET.ParseError as error:
        raise AppHostError(f"applicationHost.config is not well-formed XML: {error}") from error
    if root.tag != "configuration":
        raise AppHostError(f"applicationHost.config must have a <configuration> root, not <{root.tag}>")
    settings = _LocationSettings(root)
    host = root.find("system.applicationHost")
    if host is None:
        return AppHostConfig(sites=(), pools=())
    return AppHostConfig(
        sites=tuple(_read_sites(host.find("sites"), settings)),
        pools=tuple(_read_pools(host.find("applicationPools"))),
    )


def _is_true(value: str) -> bool:
    return value.strip().lower() == "true"


def _first_set(default: str, *candidates: str | None) -> str:
    """Return the first non-empty value, as the collection defaults resolve in IIS."""
    for candidate in candidates:
        if candidate:
            return candidate
    return default


def _attribute(element: ET.Element | None, name: str) -> str | None:
    return None if element is None else element.get(name)


def _read_pools(pools: ET.Element | None) -> Iterable[AppPool]:
    if pools is None:
        return
    defaults = pools.find("applicationPoolDefaults")
    default_identity = _first_set(
        _DEFAULT_IDENTITY_TYPE, _attribute(_child(defaults, "processModel"), "identityType")
    )
    default_runtime = (
        _DEFAULT_RUNTIME if defaults is None else defaults.get("managedRuntimeVersion", _DEFAULT_RUNTIME)
    )
    default_pipeline = _first_set(_DEFAULT_PIPELINE, _attribute(defaults, "managedPipelineMode"))
    default_auto_start = _first_set("true", _attribute(defaults, "autoStart"))
    default_32bit = _first_set("false", _attribute(defaults, "enable32BitAppOnWin64"))
    default_process_model = _child(defaults, "processModel")
    default_manual = _first_set("false", _attribute(default_process_model, "manualGroupMembership"))
    for pool in pools.iterfind("add"):
        process_model = pool.find("processModel")
        identity_type = _first_set(default_identity, _attribute(process_model, "identityType"))
        yield AppPool(
            name=pool.get("name", ""),
            started=_is_true(_first_set(default_auto_start, pool.get("autoStart"))),
            identity_type=identity_type,
            user_name=_attribute(process_model, "userName") or "",
            # An explicit empty value is "No Managed Code", not "unset".
            managed_runtime_version=pool.get("managedRuntimeVersion", default_runtime),
            managed_pipeline_mode=_first_set(default_pipeline, pool.get("managedPipelineMode")),
            manual_group_membership=_is_true(
                _first_set(default_manual, _attribute(process_model, "manualGroupMembership"))
            ),
            enable_32bit=_is_true(_first_set(default_32bit, pool.get("enable32BitAppOnWin64"))),
        )


def _child(element: ET.Element | None, name: str) -> ET.Element | None:
    return None if element is None else element.find(name)


def _connect_as(directory: ET.Element, defaults: tuple[ET.Element | None, ...]) -> ConnectAs:
    """The directory's own attributes, else the nearest ``virtualDirectoryDefaults``' (application,
    site, server), as IIS resolves collection defaults."""

    def value(name: str) -> str | None:
        return _first_set("", directory.get(name), *(_attribute(level, name) for level in defaults)) or None

    return ConnectAs(
        user_name=value("userName") or "",
        logon_method=value("logonMethod") or _DEFAULT_LOGON_METHOD,
        # Only whether one is written; its (encrypted) text is not kept.
        password_set=bool(value("password")),
    )


def _read_sites(sites: ET.Element | None, settings: _LocationSettings) -> Iterable[Site]:
    if sites is None:
        return
    server_pool = _first_set(_DEFAULT_POOL, _attribute(sites.find("applicationDefaults"), "applicationPool"))
    server_directory = sites.find("virtualDirectoryDefaults")
    site_auto_start = _first_set("true", _attribute(sites.find("siteDefaults"), "serverAutoStart"))
    for site in sites.iterfind("site"):
        name = site.get("name", "")
        site_pool = _first_set(server_pool, _attribute(site.find("applicationDefaults"), "applicationPool"))
        site_directory = site.find("virtualDirectoryDefaults")
        applications = []
        for application in site.iterfind("application"):
            app_path = application.get("path", "")
            directory_defaults = (
                application.find("virtualDirectoryDefaults"),
                site_directory,
                server_directory,
            )
            directory_path = _first_set(
                "", *(_attribute(level, "physicalPath") for level in directory_defaults)
            )
            sections = settings.effective(name if app_path == "/" else name + app_path)
            anonymous = sections[ANONYMOUS]
            applications.append(
                Application(
                    path=app_path,
                    application_pool=_first_set(site_pool, application.get("applicationPool")),
                    anonymous=AnonymousAuthentication(
                        enabled=anonymous.flag("enabled"),
                        user_name=anonymous.attributes["userName"],
                        unlocked=anonymous.unlocked,
                    ),
                    virtual_directories=tuple(
                        VirtualDirectory(
                            path=directory.get("path", ""),
                            physical_path=_first_set(directory_path, directory.get("physicalPath")),
                            connect_as=_connect_as(directory, directory_defaults),
                        )
                        for directory in application.iterfind("virtualDirectory")
                    ),
                    sections=sections,
                )
            )
        bindings = site.find("bindings")
        yield Site(
            name=name,
            id=int(site.get("id", "0")),
            started=_is_true(_first_set(site_auto_start, site.get("serverAutoStart"))),
            bindings=()
            if bindings is None
            else tuple(
                Binding(protocol=b.get("protocol", ""), binding_information=b.get("bindingInformation", ""))
                for b in bindings.iterfind("binding")
            ),
            applications=tuple(applications),
        )


def _location_key(path: str) -> str:
    """Normalise a location path: case-insensitive, no edge slashes, "." meaning global."""
    key = path.strip().strip("/").lower()
    return "" if key == "." else key


class _LocationSettings:
    """The sections of :data:`SECTIONS` set at each location path.

    Attributes merge one by one, the most specific location winning, and the
    authorization collection applies each level's ``<add>``, ``<remove>`` and
    ``<clear>`` in turn, exactly like every other inherited IIS configuration
    section. A ``<location>`` with ``inheritInChildApplications="false"``
    applies to its own path only: every path the inventory asks about is an
    application, so below it is a child application. Whether web.config files
    may set a section follows its ``overrideModeDefault`` in ``<configSections>``
    (a file without the definition is read as IIS ships it) and each location's
    ``overrideMode`` on the way, the most specific winning.
    """

    def __init__(self, root: ET.Element) -> None:
        self._by_location: dict[str, list[tuple[bool, ET.Element]]] = {}
        self._override: dict[str, bool] = {}
        self._allowed_by_default = _override_mode_defaults(root)
        self._collect("", root, inherits=True)
        self._global_rules = root.find(AUTHORIZATION) is not None
        for location in root.iterfind("location"):
            key = _location_key(location.get("path", ""))
            inherits = location.get("inheritInChildApplications", "true").strip().lower() != "false"
            self._collect(key, location, inherits=inherits)
            mode = location.get("overrideMode", "Inherit").strip().lower()
            if mode in ("allow", "deny"):
                self._override[key] = mode == "allow"

    def _collect(self, key: str, scope: ET.Element, *, inherits: bool) -> None:
        self._by_location.setdefault(key, []).append((inherits, scope))

    def effective(self, location: str) -> dict[str, Section]:
        key = _location_key(location)
        segments = key.split("/") if key else []
        found: dict[str, Section] = {}
        for spec in SECTIONS:
            rules = () if self._global_rules or not spec.collection else DEFAULT_RULES
            section = Section(dict(spec.defaults), self._allowed_by_default[spec.path], rules)
            for depth in range(len(segments) + 1):
                prefix = "/".join(segments[:depth])
                for inherits, scope in self._by_location.get(prefix, []):
                    element = scope.find(spec.path)
                    if element is not None and (inherits or prefix == key):
                        section = section.merged(element)
                section = Section(
                    section.attributes, self._override.get(prefix, section.unlocked), section.rules
                )
            found[spec.path] = section
        return found


def _override_mode_defaults(root: ET.Element) -> dict[str, bool]:
    """Each section's overrideModeDefault from ``<configSections>``, nested groups or a group named by
    its whole path alike; a definition without the attribute is "Allow", as IIS documents."""
    declared: dict[str, str] = {}

    def walk(group: ET.Element, prefix: str) -> None:
        for child in group:
            name = child.get("name", "")
            path = f"{prefix}/{name}" if prefix else name
            if child.tag == "sectionGroup":
                walk(child, path)
            elif child.tag == "section":
                declared[path.lower()] = child.get("overrideModeDefault", "Allow").strip().lower()

    sections = root.find("configSections")
    if sections is not None:
        walk(sections, "")
    return {
        spec.path: declared[spec.path.lower()] == "allow"
        if spec.path.lower() in declared
        else spec.allowed_by_default
        for spec in SECTIONS
    }
