"""Read ``applicationHost.config`` the way IIS's configuration system does.

Only what the inventory script asks for is modelled: sites, bindings,
applications, virtual directories, application pools, the collection defaults
(``applicationDefaults``, ``virtualDirectoryDefaults``,
``applicationPoolDefaults``) and the effective
``system.webServer/security/authentication/anonymousAuthentication`` section
per application, including ``<location path="...">`` overrides.

The standard library's ElementTree is enough: the file is trusted local lab
data, a single pass over the tree is linear in its size, and no third-party
parser would add anything but a dependency.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

_ANONYMOUS_SECTION = "system.webServer/security/authentication/anonymousAuthentication"

# Schema defaults from IIS_schema.xml for the attributes the inventory reads.
_DEFAULT_POOL = "DefaultAppPool"
_DEFAULT_IDENTITY_TYPE = "ApplicationPoolIdentity"
_DEFAULT_RUNTIME = "v4.0"
_DEFAULT_PIPELINE = "Integrated"
_ANONYMOUS_DEFAULTS: Mapping[str, str] = {"enabled": "false", "userName": "IUSR"}


class AppHostError(ValueError):
    """The file is not a readable applicationHost.config."""


@dataclass(frozen=True)
class Binding:
    protocol: str
    binding_information: str


@dataclass(frozen=True)
class AnonymousAuthentication:
    enabled: bool
    # An empty user name means "run anonymous requests as the pool identity".
    user_name: str
    # Whether a web.config at this application may set the section (its effective overrideMode).
    unlocked: bool = False


@dataclass(frozen=True)
class VirtualDirectory:
    path: str
    physical_path: str


@dataclass(frozen=True)
class Application:
    path: str
    application_pool: str
    anonymous: AnonymousAuthentication
    virtual_directories: tuple[VirtualDirectory, ...]


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
    anonymous = _AnonymousSettings(root)
    host = root.find("system.applicationHost")
    if host is None:
        return AppHostConfig(sites=(), pools=())
    return AppHostConfig(
        sites=tuple(_read_sites(host.find("sites"), anonymous)),
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
        )


def _child(element: ET.Element | None, name: str) -> ET.Element | None:
    return None if element is None else element.find(name)


def _read_sites(sites: ET.Element | None, anonymous: _AnonymousSettings) -> Iterable[Site]:
    if sites is None:
        return
    server_pool = _first_set(_DEFAULT_POOL, _attribute(sites.find("applicationDefaults"), "applicationPool"))
    server_directory_path = _attribute(sites.find("virtualDirectoryDefaults"), "physicalPath")
    site_auto_start = _first_set("true", _attribute(sites.find("siteDefaults"), "serverAutoStart"))
    for site in sites.iterfind("site"):
        name = site.get("name", "")
        site_pool = _first_set(server_pool, _attribute(site.find("applicationDefaults"), "applicationPool"))
        site_directory_path = _attribute(site.find("virtualDirectoryDefaults"), "physicalPath")
        applications = []
        for application in site.iterfind("application"):
            app_path = application.get("path", "")
            directory_path = _first_set(
                "",
                _attribute(application.find("virtualDirectoryDefaults"), "physicalPath"),
                site_directory_path,
                server_directory_path,
            )
            applications.append(
                Application(
                    path=app_path,
                    application_pool=_first_set(site_pool, application.get("applicationPool")),
                    anonymous=anonymous.effective(name if app_path == "/" else name + app_path),
                    virtual_directories=tuple(
                        VirtualDirectory(
                            path=directory.get("path", ""),
                            physical_path=_first_set(directory_path, directory.get("physicalPath")),
                        )
                        for directory in application.iterfind("virtualDirectory")
                    ),
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


class _AnonymousSettings:
    """The anonymousAuthentication attributes set at each location path.

    Attributes merge one by one, the most specific location winning, exactly
    like every other inherited IIS configuration section. A ``<location>`` with
    ``inheritInChildApplications="false"`` applies to its own path only: every
    path the inventory asks about is an application, so below it is a child
    application. Whether web.config files may set the section follows
    ``overrideModeDefault`` in ``<configSections>`` (IIS ships the section with
    "Deny"; a file without the definition is read as the shipped one) and each
    location's ``overrideMode`` on the way, the most specific winning.
    """

    def __init__(self, root: ET.Element) -> None:
        self._by_location: dict[str, list[tuple[bool, dict[str, str]]]] = {}
        self._override: dict[str, bool] = {}
        self._allowed_by_default = _override_mode_default(root) == "allow"
        self._collect("", root, inherits=True)
        for location in root.iterfind("location"):
            key = _location_key(location.get("path", ""))
            inherits = location.get("inheritInChildApplications", "true").strip().lower() != "false"
            self._collect(key, location, inherits=inherits)
            mode = location.get("overrideMode", "Inherit").strip().lower()
            if mode in ("allow", "deny"):
                self._override[key] = mode == "allow"

    def _collect(self, key: str, scope: ET.Element, *, inherits: bool) -> None:
        section = scope.find(_ANONYMOUS_SECTION)
        if section is not None:
            self._by_location.setdefault(key, []).append((inherits, dict(section.attrib)))

    def effective(self, location: str) -> AnonymousAuthentication:
        merged = dict(_ANONYMOUS_DEFAULTS)
        unlocked = self._allowed_by_default
        key = _location_key(location)
        segments = key.split("/") if key else []
        for depth in range(len(segments) + 1):
            prefix = "/".join(segments[:depth])
            for inherits, attributes in self._by_location.get(prefix, []):
                if inherits or prefix == key:
                    merged.update(attributes)
            unlocked = self._override.get(prefix, unlocked)
        return AnonymousAuthentication(
            enabled=_is_true(merged["enabled"]), user_name=merged["userName"], unlocked=unlocked
        )


def _override_mode_default(root: ET.Element) -> str:
    definition = root.find(
        "configSections/sectionGroup[@name='system.webServer']/sectionGroup[@name='security']"
        "/sectionGroup[@name='authentication']/section[@name='anonymousAuthentication']"
    )
    if definition is None:
        return "deny"
    # A definition without the attribute is "Allow", as IIS documents for overrideModeDefault.
    return definition.get("overrideModeDefault", "Allow").strip().lower()
