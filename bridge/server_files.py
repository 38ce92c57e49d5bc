"""The files and folders besides a target's content that IIS and ASP.NET open for its requests.

- Every ``web.config`` along the target's URL: the site root's, the folder of each application and
  virtual directory on the way (and each plain folder between), and the target's own. IIS's
  configuration system reads them all for every request, as the worker process or as the Connect-as
  user of the virtual directory that holds the file; one it cannot read is HTTP 500.19 with
  0x80070005 ("Cannot read configuration file due to insufficient permissions", Microsoft's
  "HTTP Error 500.19" troubleshooting article).
- The ``Temporary ASP.NET Files`` folder of the .NET Framework a pool runs managed code with: ASP.NET
  compiles pages and copies ``bin`` assemblies there as the worker (Microsoft's "ASP.NET Required
  Access Control Lists"), and IIS_IUSRS holds Modify on it by default.

Pure functions of the inventory (the Temporary ASP.NET Files folder is
``bridge.safety.temporary_aspnet_folder``, beside the one exception it makes to the Windows-folder
rule): the check asks the server for these paths' ACLs in the same call as the content folders'.
"""

from __future__ import annotations

from dataclasses import dataclass

from bridge.model import Site, Target, VirtualDirectory


@dataclass(frozen=True)
class ConfigFile:
    """A ``web.config`` IIS reads for a target's requests, and the virtual directory it lies in
    (whose Connect-as user, if any, reads it)."""

    path: str
    directory: VirtualDirectory


def _url(application_path: str, directory_path: str) -> str:
    return (application_path.rstrip("/") + directory_path).rstrip("/") or "/"


def _mounts(site: Site) -> list[tuple[str, VirtualDirectory]]:
    """Every application's and virtual directory's URL in the site, deepest first."""
    mounts = [
        (_url(application.path, directory.path).casefold(), directory)
        for application in site.applications
        for directory in application.virtual_directories
    ]
    return sorted(mounts, key=lambda mount: len(mount[0]), reverse=True)


def _depth(url: str) -> int:
    return len([segment for segment in url.split("/") if segment])


def _inside(url: str, mount: str) -> bool:
    return mount in ("/", url) or url.startswith(mount + "/")


def config_files(target: Target) -> tuple[ConfigFile, ...]:
    """The ``web.config`` files IIS reads for the target's URL, from the site root's down to the
    target's own; files on a share are left out (the check reports the share as a whole)."""
    url = _url(target.application.path, target.directory.path)
    segments = [segment for segment in url.split("/") if segment]
    mounts = _mounts(target.site)
    found: dict[str, ConfigFile] = {}
    for depth in range(len(segments) + 1):
        prefix = ("/" + "/".join(segments[:depth])).casefold()
        mount, directory = next(((m, d) for m, d in mounts if _inside(prefix, m)), ("", None))
        if directory is None:
            continue
        # The folders between the mount and the prefix, in the URL's own spelling.
        rest = segments[_depth(mount) : depth]
        folder = directory.expanded_physical_path.rstrip("\\")
        if folder.startswith("\\\\"):
            continue
        path = "\\".join([folder, *rest, "web.config"])
        found.setdefault(path.casefold(), ConfigFile(path, directory))
    return tuple(found.values())
