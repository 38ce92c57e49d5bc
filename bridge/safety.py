"""Folders no grant may touch, and grants that deserve a warning.

Paths are compared the way Windows resolves them, erring on the side of
refusing: case-insensitively, ``/`` and ``\\`` alike, runs of separators as one,
``.`` and ``..`` resolved, trailing dots and spaces of a name dropped (Win32
drops them, so ``C:\\Windows.`` is the Windows directory), and the ``\\?\\``,
``\\.\\`` and ``\\??\\`` prefixes removed. What cannot be resolved without the
host - a short 8.3 name such as ``PROGRA~1``, or a ``:stream`` suffix - is
refused rather than guessed. The system folders are taken relative to the
target's Windows directory when it is known, since a server may run from
``D:\\Windows``.
"""

from __future__ import annotations

import re

from bridge.model import Message

DEFAULT_WINDIR = "C:\\Windows"

_DRIVE_ROOT = re.compile(r"[a-z]:\\?")
_ABSOLUTE = re.compile(r"[a-z]:\\")
_DEVICE_PREFIXES = ("\\\\?\\", "\\\\.\\", "\\??\\")
_SEPARATORS = re.compile(r"\\+")
_SHORT_NAME = re.compile(r"~[0-9]")

_REFUSALS: dict[str, str] = {
    "unc": (
        "{path} is a network share. A grant to this server's IUSR or pool identity means nothing on the "
        "file server: grant access on the file server itself, to the account the share is reached as."
    ),
    "not-absolute": "{path} is not a full local path such as D:\\sites\\shop.",
    "unresolved": (
        "{path} uses a short 8.3 name (such as PROGRA~1) or a stream name; give the folder's full name so "
        "it can be checked against the folders no grant may touch."
    ),
    "drive-root": (
        "{path} is the root of a drive: an inheritable grant there would reach every folder on the drive."
    ),
    "windows-dir": "{path} is the Windows directory or inside it; its permissions belong to Windows.",
    "program-files": (
        "{path} is a Program Files folder or inside it; installed programs rely on its permissions."
    ),
    "program-data": "{path} is ProgramData or inside it; services and programs keep their settings there.",
    "user-profile": (
        "{path} is a user profile folder (or the folder of all profiles); it holds that user's private files."
    ),
}


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


def refusal_for(path: str, *, windir: str | None = None) -> Message | None:
    """Why a grant on ``path`` must be refused, or None when the folder may be changed."""
    normal = normalize(path)
    system_drive = normalize(windir or DEFAULT_WINDIR)[:2]
    profiles = f"{system_drive}\\users"
    # Ordered: the first rule that matches explains the refusal.
    rules = (
        ("unc", is_unc(path)),
        ("drive-root", _DRIVE_ROOT.fullmatch(normal) is not None),
        ("not-absolute", not _ABSOLUTE.match(normal)),
        ("unresolved", ":" in normal[2:] or _SHORT_NAME.search(normal) is not None),
        ("windows-dir", is_within(path, windir or DEFAULT_WINDIR)),
        (
            "program-files",
            any(
                is_within(path, f"{system_drive}\\{name}")
                for name in ("program files", "program files (x86)")
            ),
        ),
        ("program-data", is_within(path, f"{system_drive}\\programdata")),
        (
            "user-profile",
            normal == profiles
            or (is_within(path, profiles) and normal.count("\\") == profiles.count("\\") + 1),
        ),
    )
    code = next((code for code, applies in rules if applies), None)
    return None if code is None else Message(code, _REFUSALS[code], {"path": path})


def iis_iusrs_modify_warning(path: str, *, host: str, pool_account: str) -> Message:
    """The warning for Modify to IIS_IUSRS on a whole site root, naming the least-privilege alternative."""
    return Message(
        "iis-iusrs-modify-site-root",
        "IIS_IUSRS is in the token of every application pool on {host}: with Modify on the whole site root "
        "{path}, any site on the server could change this site's files. Grant Modify to the site's own pool "
        "identity ({pool_account}) instead, and only on the folder the application writes to, such as "
        "{path}\\App_Data or {path}\\uploads.",
        {"path": path.rstrip("\\/"), "host": host, "pool_account": pool_account},
    )
