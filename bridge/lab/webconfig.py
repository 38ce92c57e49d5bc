"""The effective configuration sections of an application, with its web.config files.

``ServerManager.GetWebConfiguration(site, path)`` merges applicationHost.config
with every ``web.config`` along the URL path: the site root's folder, each
folder on the way, the application's own. The lab does the same from the
scenario's file contents, for every section of ``bridge.lab.apphost.SECTIONS``
(anonymous, Windows, Basic and Digest authentication, URL authorization,
ASP.NET's ``system.web/identity``). A web.config that is not well-formed XML, or
that sets a section where it is locked, makes the read throw on Windows (both
are HTTP 500.19 causes); the inventory then reports the error on that
application with applicationHost.config's values for every section.
``<location>`` elements inside a web.config are not modelled.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass

from bridge.lab.apphost import ANONYMOUS, SECTIONS, AnonymousAuthentication, Application, Section, Site
from bridge.lab.machine import Machine
from bridge.lab.ntfs import Filesystem

# The texts of HTTP 500.19 for each cause, as IIS's configuration system words them.
_NOT_WELL_FORMED = "Configuration file is not well-formed XML"
_LOCKED = (
    "This configuration section cannot be used at this path. This happens when the section is locked at "
    'a parent level. Locking is either by default (overrideModeDefault="Deny"), or set explicitly by a '
    'location tag with overrideMode="Deny" or the legacy allowOverride="false".'
)


@dataclass(frozen=True)
class Effective:
    sections: Mapping[str, Section]
    config_error: str | None = None

    @property
    def anonymous(self) -> AnonymousAuthentication:
        section = self.sections[ANONYMOUS]
        return AnonymousAuthentication(
            enabled=section.flag("enabled"),
            user_name=section.attributes["userName"],
            unlocked=section.unlocked,
        )


def _error(path: str, line: int, text: str) -> str:
    return f"Filename: \\\\?\\{path}\r\nLine number: {line}\r\nError: {text}\r\n\r\n"


def _folder_of(site: Site, url: str, machine: Machine) -> str | None:
    """The physical folder a URL path of the site maps to: the deepest application and directory."""
    best: tuple[int, str, str] | None = None
    for application in site.applications:
        for directory in application.virtual_directories:
            mount = (application.path.rstrip("/") + directory.path).rstrip("/") or "/"
            lowered = mount.lower()
            inside = mount == "/" or url.lower() == lowered or url.lower().startswith(lowered + "/")
            if inside and (best is None or len(mount) > best[0]):
                best = (len(mount), mount, directory.physical_path)
    if best is None:
        return None
    _, mount, physical = best
    rest = url[len(mount) :].strip("/") if mount != "/" else url.strip("/")
    folder = machine.expand(physical).rstrip("\\")
    return folder + ("\\" + rest.replace("/", "\\") if rest else "")


def _url_prefixes(path: str) -> list[str]:
    segments = [segment for segment in path.split("/") if segment]
    return ["/" + "/".join(segments[:depth]) for depth in range(len(segments) + 1)]


def effective_sections(site: Site, application: Application, fs: Filesystem, machine: Machine) -> Effective:
    """What GetWebConfiguration(site, app).GetSection(...) gives for each section, or the error."""
    merged = dict(application.sections)
    if not fs.has_contents:
        return Effective(merged)
    for url in _url_prefixes(application.path):
        folder = _folder_of(site, url, machine)
        if folder is None:
            continue
        path = folder + "\\web.config"
        text = fs.content(path)
        if text is None:
            continue
        try:
            # Trusted local lab data, like applicationHost.config.
            root = ET.fromstring(text)  # noqa: S314
        except ET.ParseError as problem:
            return Effective(application.sections, _error(path, problem.position[0], _NOT_WELL_FORMED))
        for spec in SECTIONS:
            element = root.find(spec.path)
            if element is None:
                continue
            if not application.sections[spec.path].unlocked:
                return Effective(application.sections, _error(path, 0, _LOCKED))
            merged[spec.path] = merged[spec.path].merged(element)
    return Effective(merged)
