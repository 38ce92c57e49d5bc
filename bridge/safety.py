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

from bridge.model import Message, ServerFacts
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
    caller has decided a grant may reach (the Temporary ASP.NET Files folder of a .NET version
    a pool uses, for that pool); nothing else under the Windows directory is ever allowed.
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
    excepted = any(is_within(path, allowed) for allowed in allowed_under_windir)
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
