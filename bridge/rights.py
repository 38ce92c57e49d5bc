"""The vocabulary of file and folder rights: masks, .NET names, icacls letters and the Security tab's words.

One table for every place that names a right, so the GUI, the CLI and the
plans say the same thing Windows says. The composite masks (and the mapping of
generic bits) are defined with the SDDL parser, which needs them; their names
and parts are here. The masks are the ``FileSystemRights``
values (learn.microsoft.com, System.Security.AccessControl.FileSystemRights);
the letters are those ``icacls /?`` lists (simple rights F, M, RX, R, W and
specific rights RD, WD, AD, REA, WEA, X, DC, RA, WA, DE, RC, WDAC, WO, S, AS,
MA); the words are the folder half of the permission names in the Security
tab's Advanced view ("List folder / read data" on a folder reads "List
folder"). The strings are English: the GUI translates them by ``name``.
"""

from __future__ import annotations

from dataclasses import dataclass

from bridge.sddl import FULL_CONTROL, MODIFY, READ, READ_AND_EXECUTE, WRITE, map_generic

SYNCHRONIZE = 0x100000


@dataclass(frozen=True)
class Right:
    name: str  # the FileSystemRights member (the folder's name where files and folders differ)
    mask: int
    icacls: str
    words: str  # the Security tab's word for it on a folder


# The basic permissions, largest first: a mask equal to one of them is named by it.
SIMPLE_RIGHTS: tuple[Right, ...] = (
    Right("FullControl", FULL_CONTROL, "F", "Full control"),
    Right("Modify", MODIFY, "M", "Modify"),
    Right("ReadAndExecute", READ_AND_EXECUTE, "RX", "Read & execute"),
    Right("Read", READ, "R", "Read"),
    Right("Write", WRITE, "W", "Write"),
)

# The advanced permissions, in the order the Security tab lists them. Synchronize comes last: the
# Security tab never shows it (every basic permission includes it), icacls prints it as S.
SPECIFIC_RIGHTS: tuple[Right, ...] = (
    Right("Traverse", 0x20, "X", "Traverse folder"),
    Right("ListDirectory", 0x1, "RD", "List folder"),
    Right("ReadAttributes", 0x80, "RA", "Read attributes"),
    Right("ReadExtendedAttributes", 0x8, "REA", "Read extended attributes"),
    Right("CreateFiles", 0x2, "WD", "Create files"),
    Right("CreateDirectories", 0x4, "AD", "Create folders"),
    Right("WriteAttributes", 0x100, "WA", "Write attributes"),
    Right("WriteExtendedAttributes", 0x10, "WEA", "Write extended attributes"),
    Right("DeleteSubdirectoriesAndFiles", 0x40, "DC", "Delete subfolders and files"),
    Right("Delete", 0x10000, "DE", "Delete"),
    Right("ReadPermissions", 0x20000, "RC", "Read permissions"),
    Right("ChangePermissions", 0x40000, "WDAC", "Change permissions"),
    Right("TakeOwnership", 0x80000, "WO", "Take ownership"),
    Right("AccessSystemSecurity", 0x1000000, "AS", "Access system security"),
    Right("MaximumAllowed", 0x2000000, "MA", "Maximum allowed"),
    Right("Synchronize", SYNCHRONIZE, "S", "Synchronize"),
)

RIGHTS_BY_NAME: dict[str, Right] = {right.name: right for right in SIMPLE_RIGHTS + SPECIFIC_RIGHTS}


@dataclass(frozen=True)
class RightsDescription:
    """A mask as the Security tab names it: one basic permission, or "Special" with its parts."""

    simple: Right | None
    specific: tuple[Right, ...]  # when not simple: the parts the Security tab ticks (no Synchronize)
    icacls: str  # the letters icacls prints between the parentheses, e.g. "RX" or "RD,WD"
    unknown: int  # bits no right above names, shown as hex

    @property
    def is_special(self) -> bool:
        return self.simple is None


def describe(mask: int) -> RightsDescription:
    """Name ``mask`` the way the Security tab (words) and icacls (letters) do."""
    mapped = map_generic(mask)
    simple = next((right for right in SIMPLE_RIGHTS if right.mask == mapped), None)
    if simple is not None:
        return RightsDescription(simple, (), simple.icacls, 0)
    parts = tuple(right for right in SPECIFIC_RIGHTS if mapped & right.mask)
    unknown = mapped & ~sum(right.mask for right in SPECIFIC_RIGHTS)
    letters = [right.icacls for right in parts] + ([f"0x{unknown:x}"] if unknown else [])
    shown = tuple(right for right in parts if right.mask != SYNCHRONIZE)
    return RightsDescription(None, shown, ",".join(letters), unknown)


def icacls_letters(name: str) -> str:
    """The icacls letters of a basic permission by its .NET name ("Modify" -> "M")."""
    return RIGHTS_BY_NAME[name].icacls
