"""Rights in the UI language: the Security tab's words for every right bridge.rights names.

Keyed by the right's .NET name, so a mask the bridge describes is worded here
whatever the language; the English source text is the Security tab's own.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from bridge.rights import describe

_CONTEXT = "Rights"

_WORDS: Mapping[str, object] = {
    "FullControl": QT_TRANSLATE_NOOP("Rights", "Full control"),
    "Modify": QT_TRANSLATE_NOOP("Rights", "Modify"),
    "ReadAndExecute": QT_TRANSLATE_NOOP("Rights", "Read & execute"),
    "Read": QT_TRANSLATE_NOOP("Rights", "Read"),
    "Write": QT_TRANSLATE_NOOP("Rights", "Write"),
    "Traverse": QT_TRANSLATE_NOOP("Rights", "Traverse folder"),
    "ListDirectory": QT_TRANSLATE_NOOP("Rights", "List folder"),
    "ReadAttributes": QT_TRANSLATE_NOOP("Rights", "Read attributes"),
    "ReadExtendedAttributes": QT_TRANSLATE_NOOP("Rights", "Read extended attributes"),
    "CreateFiles": QT_TRANSLATE_NOOP("Rights", "Create files"),
    "CreateDirectories": QT_TRANSLATE_NOOP("Rights", "Create folders"),
    "WriteAttributes": QT_TRANSLATE_NOOP("Rights", "Write attributes"),
    "WriteExtendedAttributes": QT_TRANSLATE_NOOP("Rights", "Write extended attributes"),
    "DeleteSubdirectoriesAndFiles": QT_TRANSLATE_NOOP("Rights", "Delete subfolders and files"),
    "Delete": QT_TRANSLATE_NOOP("Rights", "Delete"),
    "ReadPermissions": QT_TRANSLATE_NOOP("Rights", "Read permissions"),
    "ChangePermissions": QT_TRANSLATE_NOOP("Rights", "Change permissions"),
    "TakeOwnership": QT_TRANSLATE_NOOP("Rights", "Take ownership"),
    "AccessSystemSecurity": QT_TRANSLATE_NOOP("Rights", "Access system security"),
    "MaximumAllowed": QT_TRANSLATE_NOOP("Rights", "Maximum allowed"),
    "Synchronize": QT_TRANSLATE_NOOP("Rights", "Synchronize"),
}


def rights_text(name: str) -> str:
    """A right by its .NET name ("ReadAndExecute", "ListDirectory") in the UI language, else the name."""
    source = _WORDS.get(name)
    return QCoreApplication.translate(_CONTEXT, str(source)) if source is not None else name


def mask_text(mask: int) -> str:
    """A mask as the Security tab words it: "Modify", or "Special: List folder, Create files (RD, WD)"."""
    described = describe(mask)
    if described.simple is not None:
        return rights_text(described.simple.name)
    words = [rights_text(right.name) for right in described.specific]
    if described.unknown:
        words.append(f"0x{described.unknown:x}")
    return QCoreApplication.translate("Rights", "Special: {rights} ({letters})").format(
        rights=", ".join(words), letters=described.icacls.replace(",", ", ")
    )
