"""A change to one folder's ACL, whatever asked for it: planned, previewed, journaled, applied, undone alike.

A grant, a reduction and an undo differ only in how they are planned. Once
planned, each is a :class:`Change`: the host, the folder, the ACL read
(``before``), the ACL it should leave (``expected_after``), one
:class:`Verdict` with the :class:`~bridge.model.Message` that explains it, the
preview (the rights the identity is left with, the equivalent ``icacls`` and
PowerShell lines, warnings, what it fixes), the constant script that makes it,
and its ``inverse``: the script that puts ``before`` back where
``expected_after`` is found. The journal stores the inverse with the intent, so
an undo is read from the history, never rebuilt from what the change was.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum

from bridge.errors import NothingToDo, Refused
from bridge.model import Message
from bridge.rights import describe
from bridge.scripts import Operation
from bridge.sddl import Ace, SddlError, parse_dacl
from bridge.wording import translate

DENY_STILL_WINS_HINT = translate(
    "Bridge", "Remove or narrow the deny entry first; nothing was changed.", "hint-deny-still-wins"
)
CANNOT_BE_MADE = translate("Bridge", "The change cannot be made as planned.", "change-cannot-be-made")


class ChangeKind(str, Enum):
    GRANT = "grant"
    REDUCE = "reduce"
    UNDO = "undo"


class Verdict(str, Enum):
    """What confirming the change would do; the values are the CLI's JSON words."""

    APPLY = "apply"
    NOTHING_TO_DO = "nothing-to-do"  # the folder already is as the change would leave it
    BLOCKED = "blocked"  # allowed, but it would not help (a deny entry still wins)
    REFUSED = "refused"  # a safety rule forbids it


@dataclass(frozen=True)
class Script:
    """How a change reaches the host: one shipped script and its parameters (never script text)."""

    operation: Operation
    parameters: Mapping[str, str] = field(default_factory=dict)
    # Seconds the call may take beyond the operation timeout (a grant propagating through a large
    # tree); None: the transport's own. Not journaled: an undo is timed by its own tree.
    timeout: float | None = None

    def to_json(self) -> dict[str, object]:
        return {"operation": self.operation.value, "parameters": dict(self.parameters)}


def restore_script(folder: str, sddl: str, expected: str, timeout: float | None = None) -> Script:
    """restore.ps1: write the exact DACL ``sddl``, only where the folder's DACL is still ``expected``;
    ``timeout`` is the time Windows is given to propagate it through the tree below."""
    return Script(Operation.RESTORE, {"Path": folder, "Sddl": sddl, "ExpectedSddl": expected}, timeout)


@dataclass(frozen=True)
class Change:
    kind: ChangeKind
    host: str
    target: str  # the site, application or virtual directory the change is for
    folder: str  # the folder whose ACL it writes (for a reduction maybe one above the target's)
    before: str | None  # the folder's ACL as read (SDDL, as the host prints it); None if unreadable
    expected_after: str | None  # the ACL it should leave, as the host would print it
    verdict: Verdict
    reason: Message | None  # why the verdict is not APPLY (None when it is)
    identity: str
    sid: str
    rights: str  # what the identity is left with here: a FileSystemRights name, or "None"
    label: str  # the history's word for it: the grant kind ("iusr-read"), "reduce", "undo"
    icacls: tuple[str, ...]  # the equivalent icacls commands, one each (a path may hold a line break)
    powershell: str
    script: Script | None  # None when the change is not to be sent
    warnings: tuple[Message, ...] = ()
    fixes: tuple[Message, ...] = ()
    # What confirming achieves, in one sentence ("After this, IIS AppPool\Shop has Read & execute on
    # D:\Sites\Shop — fixes HTTP 500.19 (0x80070005)."); None when the kind does not say.
    outcome: Message | None = None

    @property
    def applicable(self) -> bool:
        return self.verdict is Verdict.APPLY

    @property
    def inverse(self) -> Script | None:
        """The script that takes the change back: ``before`` restored where ``expected_after`` is."""
        if self.before is None or self.expected_after is None:
            return None
        return restore_script(self.folder, self.before, self.expected_after)


def refuse_unless_applicable(change: Change) -> None:
    """Raise, saying why in the change's own message, unless the change should be sent."""
    if change.verdict is Verdict.APPLY and change.script is not None and change.before is not None:
        return
    reason = change.reason if change.reason is not None else CANNOT_BE_MADE()
    if change.verdict is Verdict.NOTHING_TO_DO:
        raise NothingToDo(reason)
    raise Refused(reason, DENY_STILL_WINS_HINT() if change.verdict is Verdict.BLOCKED else None)


def same_acl(left: str, right: str) -> bool:
    """Whether two SDDL strings are one ACL: the same text, or the same entries spelled differently."""
    if left == right:
        return True
    try:
        return parse_dacl(left) == parse_dacl(right)
    except SddlError:
        return False


def _aces(sddl: str | None) -> tuple[Ace, ...]:
    if sddl is None:
        return ()
    try:
        return parse_dacl(sddl).aces
    except SddlError:
        return ()


def acl_difference(before: str | None, after: str | None) -> tuple[tuple[Ace, ...], tuple[Ace, ...]]:
    """The entries a change takes away and the ones it adds, each in DACL order."""
    old, new = _aces(before), _aces(after)
    return tuple(ace for ace in old if ace not in new), tuple(ace for ace in new if ace not in old)


_FLAG_WORDS = (("ID", "I"), ("OI", "OI"), ("CI", "CI"), ("IO", "IO"), ("NP", "NP"))


def entry_text(ace: Ace, name: str | None) -> str:
    """One entry as ``icacls`` prints it: ``Everyone:(OI)(CI)(F)``, ``IUSR:(DENY)(I)(W)``."""
    parts = [] if ace.kind == "A" else ["DENY" if ace.kind == "D" else ace.kind]
    parts += [word for flag, word in _FLAG_WORDS if flag in ace.flags]
    parts.append(describe(ace.mask).icacls)
    who = name or ace.sid
    return who + ":" + "".join(f"({part})" for part in parts)
