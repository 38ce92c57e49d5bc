"""Folders no grant may touch, and grants that deserve a warning.

Paths are compared the way Windows resolves them, erring on the side of
refusing: case-insensitively, ``/`` and ``\\`` alike, runs of separators as one,
``.`` and ``..`` resolved, trailing dots and spaces of a name dropped (Win32
drops them, so ``C:\\Windows.`` is the Windows directory), and the ``\\?\\``,
``\\.\\`` and ``\\??\\`` prefixes removed. What cannot be resolved without the
host - a short 8.3 name such as ``PROGRA~1``, or a ``:stream`` suffix - is
refused rather than guessed. The system folders are the target's own, as its
inventory reported them (a server may run from ``D:\\Windows``); a folder the
server did not report is unknown and treated conservatively: ``C:\\Windows``
*and* a ``Windows`` folder at the root of any drive, the other folders on the
system drive (or C:). Folders every volume carries (System Volume Information,
$Recycle.Bin, Recovery, Boot) are refused on any drive.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bridge.model import AppPool, Message, MessageParam, ServerFacts
from bridge.sids import APP_POOL_PREFIX, AUTHENTICATED_USERS, EVERYONE, IIS_IUSRS
from bridge.wording import translate

DEFAULT_WINDIR = "C:\\Windows"
# Not the server's own configuration but the volumes': each drive may hold them.
_VOLUME_FOLDERS = ("system volume information", "$recycle.bin", "recovery", "boot")

_DRIVE_ROOT = re.compile(r"[a-z]:\\?")
_ABSOLUTE = re.compile(r"[a-z]:\\")
_DEVICE_PREFIXES = ("\\\\?\\", "\\\\.\\", "\\??\\")
_SEPARATORS = re.compile(r"\\+")
_SHORT_NAME = re.compile(r"~[0-9]")

# Why a grant on a folder is refused.
UNC = translate(
    "Bridge",
    "{path} is a network share. A grant to this server's IUSR or pool identity means nothing on the "
    "file server: grant access on the file server itself, to the account the share is reached as.",
    "unc",
)
NOT_ABSOLUTE = translate("Bridge", "{path} is not a full local path such as D:\\sites\\shop.", "not-absolute")
UNRESOLVED = translate(
    "Bridge",
    "{path} uses a short 8.3 name (such as PROGRA~1) or a stream name; give the folder's full name so "
    "it can be checked against the folders no grant may touch.",
    "unresolved",
)
DRIVE_ROOT = translate(
    "Bridge",
    "{path} is the root of a drive: an inheritable grant there would reach every folder on the drive.",
    "drive-root",
)
WINDOWS_DIR = translate(
    "Bridge",
    "{path} is the Windows directory or inside it; its permissions belong to Windows.",
    "windows-dir",
)
SYSTEM_FOLDER = translate(
    "Bridge",
    "{path} is one of the folders Windows keeps on a drive (System Volume Information, $Recycle.Bin, "
    "Recovery, Boot) or inside it; its permissions belong to Windows.",
    "system-folder",
)
INETPUB_ROOT = translate(
    "Bridge",
    "{path} is the inetpub folder, the parent of the server's sites: an inheritable grant there would "
    "reach every site below it. Grant on the site's own folder.",
    "inetpub-root",
)
PROGRAM_FILES = translate(
    "Bridge",
    "{path} is a Program Files folder or inside it; installed programs rely on its permissions.",
    "program-files",
)
PROGRAM_DATA = translate(
    "Bridge",
    "{path} is ProgramData or inside it; services and programs keep their settings there.",
    "program-data",
)
USER_PROFILE = translate(
    "Bridge",
    "{path} is a user profile folder (or the folder of all profiles); it holds that user's private files.",
    "user-profile",
)

IIS_IUSRS_MODIFY_SITE_ROOT = translate(
    "Bridge",
    "IIS_IUSRS is in the token of every application pool on {host}: with Modify on the whole site root "
    "{path}, any site on the server could change this site's files. Grant Modify to the site's own pool "
    "identity ({pool_account}) instead, and only on the folder the application writes to, such as "
    "{path}\\App_Data or {path}\\uploads.",
    "iis-iusrs-modify-site-root",
)
IIS_IUSRS_MODIFY_SITE_ROOT_EXCEPT = translate(
    "Bridge",
    "IIS_IUSRS is in the token of every application pool on {host} except {exceptions} (they set "
    "manualGroupMembership): with Modify on the whole site root {path}, any other site on the server "
    "could change this site's files. Grant Modify to the site's own pool identity ({pool_account}) "
    "instead, and only on the folder the application writes to, such as {path}\\App_Data or "
    "{path}\\uploads.",
    "iis-iusrs-modify-site-root-except",
)


def normalize(path: str) -> str:
    """A Windows path in comparable form: lower-case, backslashes, resolved, no device prefix."""
    text = path.strip().replace("/", "\\")
    for prefix in _DEVICE_PREFIXES:
        if text.startswith(prefix):
            text = text[len(prefix) :]
            if text[:4].casefold() == "unc\\":
                text = "\\\\" + text[4:]
            break
    unc = text.startswith("\\\\")
    # A share's \\server\\share, like a drive, is a root that '..' cannot climb above.
    root_length = 2 if unc else 1
    parts: list[str] = []
    for segment in _SEPARATORS.split(text.casefold()):
        name = segment if segment in (".", "..") else segment.rstrip(" .")
        if name == "..":
            if len(parts) > root_length:
                parts.pop()
        elif name not in ("", "."):
            parts.append(name)
    normal = ("\\\\" if unc else "") + "\\".join(parts)
    return normal + "\\" if _DRIVE_ROOT.fullmatch(normal) else normal


def same_path(left: str, right: str) -> bool:
    return normalize(left) == normalize(right)


def is_within(path: str, folder: str) -> bool:
    """Whether ``path`` is ``folder`` or below it."""
    inner, outer = normalize(path), normalize(folder)
    return inner == outer or inner.startswith(outer.rstrip("\\") + "\\")


def is_unc(path: str) -> bool:
    return normalize(path).startswith("\\\\")


def _windows_dir(path: str, windir: str | None) -> bool:
    if windir is not None:
        return is_within(path, windir)
    # Unknown: C:\\Windows, and a Windows folder at the root of any drive.
    normal = normalize(path)
    return is_within(path, DEFAULT_WINDIR) or (
        _ABSOLUTE.match(normal) is not None and is_within(path, normal[:3] + "windows")
    )


def _volume_folder(normal: str) -> bool:
    return _ABSOLUTE.match(normal) is not None and any(
        is_within(normal, normal[:3] + name) for name in _VOLUME_FOLDERS
    )


def _user_profile(path: str, profiles_directory: str) -> bool:
    profiles = normalize(profiles_directory)
    normal = normalize(path)
    return normal == profiles or (
        is_within(path, profiles) and normal.count("\\") == profiles.count("\\") + 1
    )


def refusal_for(
    path: str,
    *,
    windir: str | None = None,
    server: ServerFacts | None = None,
    allowed_under_windir: Iterable[str] = (),
) -> Message | None:
    """Why a grant on ``path`` must be refused, or None when the folder may be changed.

    ``server`` gives the target's folders as its inventory reported them (``windir`` alone
    is the older way to give one); each folder it did not report is unknown.
    ``allowed_under_windir`` is the one hook for folders inside the Windows directory that a
    caller has decided a grant may reach (:func:`temporary_aspnet_exception`: the Temporary ASP.NET
    Files folder of a .NET version a pool uses, for Modify to that pool or IIS_IUSRS); each is
    allowed as that folder alone, nothing below or above it.
    """
    windir = windir or (server.windir if server else None)
    # The system drive as ``c:``: reported, else the Windows directory's, else C:.
    drive = normalize((server.system_drive if server else None) or windir or DEFAULT_WINDIR)[:2]
    program_files = (
        (server.program_files if server else None) or f"{drive}\\program files",
        (server.program_files_x86 if server else None) or f"{drive}\\program files (x86)",
    )
    program_data = (server.program_data if server else None) or f"{drive}\\programdata"
    profiles = (server.profiles_directory if server else None) or f"{drive}\\users"
    normal = normalize(path)
    # The folder itself only: not a subfolder, not a parent.
    excepted = any(same_path(path, allowed) for allowed in allowed_under_windir)
    # Ordered: the first rule that matches explains the refusal.
    rules = (
        (UNC, is_unc(path)),
        (DRIVE_ROOT, _DRIVE_ROOT.fullmatch(normal) is not None),
        (NOT_ABSOLUTE, not _ABSOLUTE.match(normal)),
        (UNRESOLVED, ":" in normal[2:] or _SHORT_NAME.search(normal) is not None),
        (WINDOWS_DIR, _windows_dir(path, windir) and not excepted),
        (SYSTEM_FOLDER, _volume_folder(normal)),
        (PROGRAM_FILES, any(is_within(path, folder) for folder in program_files)),
        (PROGRAM_DATA, is_within(path, program_data)),
        (USER_PROFILE, _user_profile(path, profiles)),
        (INETPUB_ROOT, normal == f"{drive}\\inetpub"),
    )
    refusal = next((text for text, applies in rules if applies), None)
    return None if refusal is None else refusal(path=path)


def iis_iusrs_modify_warning(
    path: str, *, host: str, pool_account: str, pools_without_group: tuple[str, ...] = ()
) -> Message:
    """The warning for Modify to IIS_IUSRS on a whole site root, naming the least-privilege alternative.

    ``pools_without_group`` are the pools whose worker does not carry IIS_IUSRS (manualGroupMembership,
    identity not a stored member): the one exception to "every pool", named so the warning stays true.
    """
    folder = path.rstrip("\\/")
    if pools_without_group:
        exceptions = ", ".join(pools_without_group)
        return IIS_IUSRS_MODIFY_SITE_ROOT_EXCEPT(
            path=folder, host=host, pool_account=pool_account, exceptions=exceptions
        )
    return IIS_IUSRS_MODIFY_SITE_ROOT(path=folder, host=host, pool_account=pool_account)


# Where ASP.NET compiles pages: %SystemRoot%\Microsoft.NET\Framework\<versionNumber>\Temporary ASP.NET
# Files, read/write for the process identity (Microsoft Learn, "ASP.NET Required Access Control Lists
# (ACLs)", learn.microsoft.com/previous-versions/kwzs111e(v=vs.140)); Framework64 for a 64-bit process.
# IIS's managedRuntimeVersion "v4.0" loads .NET Framework 4.x, whose folder keeps the first release's
# name v4.0.30319; "v2.0" loads 2.0 to 3.5, folder v2.0.50727; "" is "No Managed Code". A <compilation
# tempDir> elsewhere is not read (believed rare; the lead's check would name that folder instead).
_FRAMEWORK_FOLDERS = {"v4.0": "v4.0.30319", "v2.0": "v2.0.50727"}


def temporary_aspnet_folder(pool: AppPool, windir: str | None, *, os_64bit: bool = True) -> str | None:
    """The Temporary ASP.NET Files folder the pool's worker compiles into, or None (no managed code,
    a runtime version without one, or the Windows directory unknown).

    A 64-bit worker uses Framework64; a pool with enable32BitAppOnWin64 runs a 32-bit worker, which
    uses Framework (as does every worker on 32-bit Windows, ``os_64bit`` False). IIS 7.5 and later
    run only on 64-bit Windows Server, hence the default (believed for client Windows: pass False
    for a 32-bit one).
    """
    version = _FRAMEWORK_FOLDERS.get(pool.managed_runtime_version.strip().casefold())
    if version is None or not windir:
        return None
    framework = "Framework64" if os_64bit and not pool.enable_32bit else "Framework"
    root = windir.rstrip("\\/")
    return f"{root}\\Microsoft.NET\\{framework}\\{version}\\Temporary ASP.NET Files"


def temporary_aspnet_exception(
    sid: str, rights: str, *, pools: Iterable[AppPool], windir: str | None
) -> tuple[str, ...]:
    """The folders under the Windows directory a grant of ``rights`` to ``sid`` may reach: the one
    exception to "nothing under the Windows directory".

    Only Modify, and only on the Temporary ASP.NET Files folder of a .NET version a pool uses: for
    IIS_IUSRS (restoring the default, which reaches every pool) any pool's folder, for a pool
    identity (``S-1-5-82-...``) its own pool's folder. Any other account or right gets none.
    """
    if rights != "Modify":
        return ()
    folders = (
        temporary_aspnet_folder(pool, windir)
        for pool in pools
        if sid == IIS_IUSRS or (sid.startswith(APP_POOL_PREFIX) and sid == pool.sid)
    )
    return tuple(dict.fromkeys(folder for folder in folders if folder is not None))


BROAD_AUTHENTICATED_USERS = translate(
    "Bridge",
    "Authenticated Users is every signed-in account: every user of the domain and of the domains it "
    "trusts, every service, and IUSR (anonymous visitors) too. All of them get {rights} on {path}. "
    "Grant the users or groups the site's authorization rules name instead, where it has them.",
    "broad-authenticated-users",
)
BROAD_EVERYONE = translate(
    "Bridge",
    "Everyone is every account: every signed-in user, every service and IUSR (anonymous visitors). All of "
    "them get {rights} on {path}. Grant the account that needs the access instead.",
    "broad-everyone",
)
_BROAD = {AUTHENTICATED_USERS: BROAD_AUTHENTICATED_USERS, EVERYONE: BROAD_EVERYONE}


def broad_grant_warning(sid: str, path: str, rights: MessageParam) -> Message | None:
    """The warning for a grant to a group that holds (nearly) every account, or None."""
    text = _BROAD.get(sid)
    return None if text is None else text(path=path.rstrip("\\/") or path, rights=rights)
