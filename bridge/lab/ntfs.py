"""A simulated NTFS tree: paths, owners and DACLs, with Windows' inheritance rules.

Loaded from a scenario's ``filesystem.json``. Paths are Windows paths,
case-insensitive; a path that is not listed does not exist. Changing a
folder's DACL re-derives the inherited ACEs of every descendant that does not
block inheritance, as ``SetAccessControl`` does on Windows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from bridge import sddl, sids
from bridge.access import with_explicit_allow
from bridge.lab.jsonfile import read_json_object
from bridge.sddl import Ace, Dacl

_CREATOR_SIDS = frozenset({sids.CREATOR_OWNER, sids.CREATOR_GROUP})
_GENERIC_BITS = sddl.GENERIC_ALL | sddl.GENERIC_EXECUTE | sddl.GENERIC_WRITE | sddl.GENERIC_READ
_DESCRIPTOR = re.compile(r"O:(?P<owner>.+?)(?:G:(?P<group>.+?))?(?P<dacl>D:.*)")


class FilesystemError(ValueError):
    """filesystem.json does not describe a file system."""


def path_key(path: str) -> str:
    """The identity of a Windows path: case-insensitive, either slash, no trailing separator."""
    key = path.replace("/", "\\").casefold()
    while key.endswith("\\") and not re.fullmatch(r"[a-z]:\\", key):
        key = key[:-1]
    return key


def _parent_key(key: str) -> str | None:
    head, separator, _ = key.rpartition("\\")
    if not separator or not head:
        return None
    return head + "\\" if re.fullmatch(r"[a-z]:", head) else head


@dataclass
class _Entry:
    path: str
    is_directory: bool
    owner: str
    group: str | None
    dacl: Dacl
    # A file's text where a scenario gives it ("content"), e.g. a web.config.
    content: str | None = None
    # What reading this path throws on the server (a key of PATH_ERRORS), from the scenario.
    error: str | None = None
    # Files and folders below it on the real disk ("itemsBelow"), beyond the ones listed.
    items_below: int = 0


@dataclass(frozen=True)
class PathFailure:
    """An exception Windows throws for one path: .NET type, HRESULT as PowerShell prints it, message.

    ``before_item`` failures stop Get-Item itself (nothing is known about the path); the others
    are thrown by GetAccessControl once the item, and whether it is a folder, is known.
    """

    type_name: str
    hresult: int
    message: str
    before_item: bool


# The failures a scenario may stage with "error"; messages as .NET Framework 4.x words them.
PATH_ERRORS: dict[str, PathFailure] = {
    "UnauthorizedAccess": PathFailure(
        "System.UnauthorizedAccessException",
        -2147024891,
        "Attempted to perform an unauthorized operation.",
        False,
    ),
    "PathTooLong": PathFailure(
        "System.IO.PathTooLongException",
        -2147024690,
        "The specified path, file name, or both are too long. The fully qualified file name must be less "
        "than 260 characters, and the directory name must be less than 248 characters.",
        True,
    ),
    "IOException": PathFailure(
        "System.IO.IOException", -2147024775, "The semaphore timeout period has expired.", False
    ),
    "DeviceNotReady": PathFailure("System.IO.IOException", -2147024875, "The device is not ready.", True),
    "MethodNotFound": PathFailure(
        "System.Management.Automation.RuntimeException",
        -2146233087,
        "Method invocation failed because [System.IO.DirectoryInfo] does not contain a method named "
        "'GetAccessControl'.",
        False,
    ),
}


def inherited_aces(parent: Dacl, *, child_is_directory: bool) -> tuple[Ace, ...]:
    """The ACEs a child inherits from its parent's DACL, each marked ID.

    An ACE that only holds generic rights or names CREATOR OWNER cannot apply
    as written, so on a subfolder it splits into an effective ACE (generic
    rights mapped) and an inherit-only copy that passes it on. The effective
    ACE CREATOR OWNER would yield for the object's creator is not synthesised:
    the lab's owners already hold full control through their own ACEs.
    """
    derived: list[Ace] = []
    for ace in parent.aces:
        if ace.kind not in ("A", "D"):
            continue
        to_files, to_folders = ace.applies_to_files, ace.applies_to_subfolders
        no_propagate = "NP" in ace.flags
        if not child_is_directory:
            if to_files:
                derived.extend(_effective(ace))
        elif to_folders and no_propagate:
            derived.extend(_effective(ace))
        elif to_folders:
            passed_on = frozenset({"CI", "ID"} | ({"OI"} if to_files else set()))
            if ace.mask & _GENERIC_BITS or ace.sid in _CREATOR_SIDS:
                derived.extend(_effective(ace))
                derived.append(replace(ace, flags=passed_on | {"IO"}))
            else:
                derived.append(replace(ace, flags=passed_on))
        elif to_files and not no_propagate:
            derived.append(replace(ace, flags=frozenset({"OI", "IO", "ID"})))
    return tuple(derived)


def _effective(ace: Ace) -> list[Ace]:
    if ace.sid in _CREATOR_SIDS:
        return []
    return [replace(ace, flags=frozenset({"ID"}), mask=sddl.map_generic(ace.mask))]


def _explicit(dacl: Dacl) -> tuple[Ace, ...]:
    return tuple(ace for ace in dacl.aces if not ace.inherited)


def _sid_of(text: str, sids: sddl.SidContext) -> str:
    # bridge.sddl resolves SID aliases only inside ACEs; a one-ACE DACL borrows that.
    return sddl.parse_dacl(f"D:(A;;FA;;;{text})", context=sids).aces[0].sid


class Filesystem:
    """The simulated files and folders of one server. Not thread-safe: callers hold a lock."""

    def __init__(
        self,
        entries: Iterable[_Entry],
        sids: sddl.SidContext = sddl.NO_CONTEXT,
        seconds_per_item: float = 0.0,
    ) -> None:
        self.sids = sids
        # What SetAccessControl spends per item below a folder when it propagates an entry.
        self.seconds_per_item = seconds_per_item
        self._entries: dict[str, _Entry] = {}
        self._children: dict[str, list[str]] = {}
        for entry in entries:
            key = path_key(entry.path)
            if key in self._entries:
                raise FilesystemError(f"path listed twice: {entry.path}")
            self._entries[key] = entry
        self._has_contents = any(entry.content is not None for entry in self._entries.values())
        for key in self._entries:
            parent = _parent_key(key)
            if parent is not None:
                self._children.setdefault(parent, []).append(key)

    @classmethod
    def from_mapping(cls, data: Mapping[str, object], sids: sddl.SidContext = sddl.NO_CONTEXT) -> Filesystem:
        """Read filesystem.json; its SDDL may use the aliases relative to the SIDs in ``sids``."""
        paths = data.get("paths")
        if not isinstance(paths, dict):
            raise FilesystemError('filesystem.json must hold {"paths": {...}}')
        cost = data.get("propagationSecondsPerItem", 0.0)
        if not isinstance(cost, int | float) or isinstance(cost, bool) or cost < 0:
            raise FilesystemError("filesystem.json: propagationSecondsPerItem must be a number of seconds")
        return cls((_read_entry(path, spec, sids) for path, spec in paths.items()), sids, float(cost))

    @classmethod
    def load(cls, path: Path, sids: sddl.SidContext = sddl.NO_CONTEXT) -> Filesystem:
        return cls.from_mapping(read_json_object(path, FilesystemError), sids)

    def items_below(self, path: str) -> int:
        """Every file and folder below the folder: the listed ones and those ``itemsBelow`` stands for."""
        key = path_key(path)
        below = [entry for other, entry in self._entries.items() if other.startswith(key + "\\")]
        return self._entry(path).items_below + sum(1 + entry.items_below for entry in below)

    def propagation_seconds(self, path: str) -> float:
        """How long writing an inheritable entry on the folder takes: time grows with the tree below."""
        return self.items_below(path) * self.seconds_per_item

    def failure(self, path: str) -> PathFailure | None:
        """What reading the path throws on the server, when the scenario stages a failure."""
        entry = self._entries.get(path_key(path))
        return None if entry is None or entry.error is None else PATH_ERRORS[entry.error]

    def exists(self, path: str) -> bool:
        return path_key(path) in self._entries

    def is_directory(self, path: str) -> bool:
        return self._entry(path).is_directory

    def owner(self, path: str) -> str:
        return self._entry(path).owner

    def dacl(self, path: str) -> Dacl:
        return self._entry(path).dacl

    @property
    def has_contents(self) -> bool:
        """Whether any file has its text given: without one there is no web.config to read."""
        return self._has_contents

    def content(self, path: str) -> str | None:
        """The text of a file the scenario gives one for; None for a folder, a missing path or no text."""
        entry = self._entries.get(path_key(path))
        return None if entry is None else entry.content

    def access_sddl(self, path: str) -> str:
        """The DACL as ``GetSecurityDescriptorSddlForm('Access')`` prints it."""
        return sddl.format_dacl(self._entry(path).dacl, self.sids)

    def sddl(self, path: str) -> str:
        """The whole security descriptor as ``(Get-Acl).Sddl`` prints it."""
        entry = self._entry(path)
        group = "" if entry.group is None else f"G:{entry.group}"
        return f"O:{sddl.format_sid(entry.owner, self.sids)}{group}{sddl.format_dacl(entry.dacl, self.sids)}"

    def subfolder_names(self, path: str) -> list[str]:
        """Names of the direct subfolders, in NTFS's case-insensitive order."""
        keys = self._children.get(path_key(path), [])
        names = [self._entries[key].path.replace("/", "\\").rstrip("\\").rpartition("\\")[2] for key in keys]
        return sorted(
            (name for key, name in zip(keys, names, strict=True) if self._entries[key].is_directory),
            key=str.casefold,
        )

    def dacls(self) -> dict[str, str]:
        """Every path's DACL in SDDL, by the path as listed: what a saved lab state holds."""
        return {entry.path: sddl.format_dacl(entry.dacl, self.sids) for entry in self._entries.values()}

    def restore_dacls(self, saved: Mapping[str, str]) -> None:
        """Put back DACLs as ``dacls`` gave them (inherited entries included); unlisted paths are skipped."""
        for path, text in saved.items():
            entry = self._entries.get(path_key(path))
            if entry is not None:
                entry.dacl = sddl.parse_dacl(text, context=self.sids)

    def add_access_rule(self, path: str, sid: str, mask: int) -> None:
        """``AddAccessRule`` of an inheritable allow rule, then ``SetAccessControl``."""
        self.set_dacl(path, with_explicit_allow(self._entry(path).dacl, sid, mask))

    def set_dacl(self, path: str, dacl: Dacl) -> None:
        """``SetAccessControl`` with a new DACL: inherited ACEs come from the parent, then propagate."""
        key = path_key(path)
        entry = self._entry(path)
        parent = _parent_key(key)
        inherited: tuple[Ace, ...]
        if dacl.protected or parent not in self._entries:
            inherited = tuple(ace for ace in dacl.aces if ace.inherited)
        else:
            inherited = inherited_aces(self._entries[parent].dacl, child_is_directory=entry.is_directory)
        entry.dacl = replace(dacl, aces=_explicit(dacl) + inherited)
        self._propagate(key)

    def _propagate(self, key: str) -> None:
        parent_dacl = self._entries[key].dacl
        for child_key in self._children.get(key, []):
            child = self._entries[child_key]
            if child.dacl.protected:
                continue
            derived = inherited_aces(parent_dacl, child_is_directory=child.is_directory)
            child.dacl = replace(child.dacl, aces=_explicit(child.dacl) + derived)
            self._propagate(child_key)

    def _entry(self, path: str) -> _Entry:
        entry = self._entries.get(path_key(path))
        if entry is None:
            raise KeyError(path)
        return entry


def _read_entry(path: object, spec: object, sids: sddl.SidContext) -> _Entry:
    if not isinstance(path, str) or not isinstance(spec, dict):
        raise FilesystemError(f"filesystem.json: entry {path!r} must map a path to an object")
    kind, descriptor = spec.get("type"), spec.get("sddl")
    if kind not in ("directory", "file"):
        raise FilesystemError(f"filesystem.json: {path}: type must be 'directory' or 'file'")
    content = spec.get("content")
    if content is not None and (kind != "file" or not isinstance(content, str)):
        raise FilesystemError(f"filesystem.json: {path}: content must be a file's text")
    items_below = spec.get("itemsBelow", 0)
    if not isinstance(items_below, int) or isinstance(items_below, bool) or items_below < 0:
        raise FilesystemError(f"filesystem.json: {path}: itemsBelow must be a number of items")
    error = spec.get("error")
    if error is not None and error not in PATH_ERRORS:
        raise FilesystemError(f"filesystem.json: {path}: error must be one of {', '.join(PATH_ERRORS)}")
    match = _DESCRIPTOR.fullmatch(descriptor) if isinstance(descriptor, str) else None
    if match is None:
        raise FilesystemError(f"filesystem.json: {path}: sddl must be a full descriptor 'O:..G:..D:..'")
    try:
        return _Entry(
            path=path,
            is_directory=kind == "directory",
            owner=_sid_of(match["owner"], sids),
            group=match["group"],
            dacl=sddl.parse_dacl(match["dacl"], context=sids),
            content=content,
            error=error,
            items_below=items_below,
        )
    except sddl.SddlError as error:
        raise FilesystemError(f"filesystem.json: {path}: {error}") from error
