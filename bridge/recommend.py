"""The fix to press: the grants that meet every requirement of a check with the least privilege.

Each missing requirement is met by one inheritable allow entry for the SID the check named, with
the level it needs, on the folder it is about (a ``web.config``'s folder for the file): never a
broader group than the requirement names, never more than it needs. Requirements of one SID on one
folder share one grant. Where no grant on this server can help - the content is on a share, a deny
entry wins, the account did not resolve, a file does not inherit, a safety rule refuses the folder
- the recommendation says so instead.
"""

from __future__ import annotations

import ntpath
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from bridge.access import AccessLevel
from bridge.model import AppPool, Message, ServerFacts, Target
from bridge.needs import CheckResult, Requirement, level_phrase
from bridge.plans import GrantKind, Rights
from bridge.safety import is_within, refusal_for, same_path, temporary_aspnet_exception
from bridge.sids import IUSR
from bridge.wording import translate

# Why no grant here can meet a requirement; "cannot-check" is a folder that is missing or unreadable.
NoFixReason = Literal[
    "nothing-to-do", "file-server", "blocked", "unresolved", "protected-file", "refused", "cannot-check"
]

NOTHING_TO_DO = translate("Bridge", "Every requirement is met: there is nothing to fix.", "fix-nothing-to-do")
FIX_ON_FILE_SERVER = translate(
    "Bridge",
    "The content is on a network share: the fix belongs on the file server (share and NTFS permissions), "
    "not on this server.",
    "fix-on-file-server",
)
FIX_BLOCKED = translate(
    "Bridge",
    "A deny entry takes the access away: remove or narrow it first, then check again.",
    "fix-blocked",
)
FIX_UNRESOLVED = translate(
    "Bridge",
    "The account that needs access did not resolve to a SID on the server: no grant can name it.",
    "fix-unresolved",
)
FIX_PROTECTED_FILE = translate(
    "Bridge",
    "{path} does not inherit its folder's permissions: turn inheritance back on for it, then check again.",
    "fix-protected-file",
)
FIX_WHY = translate("Bridge", "Gives {identity} {level} access to {path}: {reason}", "fix-why")


@dataclass(frozen=True, slots=True)
class Fix:
    """One grant of the recommendation, as ``iis-access grant`` takes it."""

    kind: GrantKind
    identity: str
    sid: str
    # The folder the grant goes to; ``subpath`` when it is below the target's folder, else the
    # grant needs ``--path`` (a web.config's folder above it, Temporary ASP.NET Files).
    path: str
    rights: Rights
    subpath: str | None
    explicit_path: bool
    # The requirement it meets first, in the check's words.
    why: Message

    def command(self, target: str) -> str:
        """The ``iis-access grant`` line that makes this grant."""
        words = ["iis-access", "grant", self.kind.value, _argument(target)]
        if self.kind in (GrantKind.ACCOUNT_READ, GrantKind.ACCOUNT_MODIFY):
            words += ["--sid", self.sid]
        if self.explicit_path:
            words += ["--path", _argument(self.path)]
        elif self.subpath is not None:
            words += ["--subpath", _argument(self.subpath)]
        return " ".join(words)

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind.value,
            "identity": self.identity,
            "sid": self.sid,
            "path": self.path,
            "rights": self.rights,
        }


@dataclass(frozen=True, slots=True)
class Recommendation:
    """The grants to press (in order), and - when some requirement no grant here can meet - why."""

    fixes: tuple[Fix, ...]
    reason: NoFixReason | None = None
    message: Message | None = None

    @property
    def fix(self) -> Fix | None:
        return self.fixes[0] if self.fixes else None


def _argument(text: str) -> str:
    # One shell word, as the CLI prints its commands: double-quoted, whatever it holds (cmd.exe,
    # PowerShell and POSIX shells all read a double-quoted name with spaces or apostrophes as one).
    return '"' + text.replace('"', '\\"') + '"'


def _folder(requirement: Requirement) -> str:
    return ntpath.dirname(requirement.path) if requirement.is_file else requirement.path


def _kind(requirement: Requirement, pool: AppPool, inside: bool) -> GrantKind:
    modify = requirement.needs >= AccessLevel.MODIFY
    if inside and requirement.sid == pool.sid:
        return GrantKind.POOL_MODIFY if modify else GrantKind.POOL_READ
    if inside and requirement.sid == IUSR and not modify:
        return GrantKind.IUSR_READ
    return GrantKind.ACCOUNT_MODIFY if modify else GrantKind.ACCOUNT_READ


def _subpath(folder: str, target_folder: str) -> str | None:
    if same_path(folder, target_folder):
        return None
    return folder[len(target_folder.rstrip("\\")) :].strip("\\")


def _fix(requirement: Requirement, target: Target, pool: AppPool) -> Fix:
    folder = _folder(requirement)
    inside = is_within(folder, target.physical_path)
    kind = _kind(requirement, pool, inside)
    rights: Rights = "Modify" if requirement.needs >= AccessLevel.MODIFY else "ReadAndExecute"
    return Fix(
        kind=kind,
        identity=requirement.name,
        sid=requirement.sid or "",
        path=folder,
        rights=rights,
        subpath=_subpath(folder, target.physical_path) if inside else None,
        explicit_path=not inside,
        why=FIX_WHY(
            identity=requirement.name,
            level=level_phrase(requirement.needs),
            path=requirement.path,
            reason=requirement.reason,
        ),
    )


def _merged(fixes: list[Fix]) -> tuple[Fix, ...]:
    """One grant per SID and folder, with the higher of the rights asked for."""
    merged: dict[tuple[str, str], Fix] = {}
    for fix in fixes:
        key = (fix.sid, fix.path.casefold())
        known = merged.get(key)
        if known is None:
            merged[key] = fix
        elif fix.rights == "Modify" and known.rights != "Modify":
            merged[key] = replace(fix, why=known.why)
    return tuple(merged.values())


# Most targets of a server: one immutable answer shared by all of them.
_NOTHING_TO_DO = Recommendation((), "nothing-to-do", NOTHING_TO_DO())


def recommend(
    result: CheckResult,
    target: Target,
    pool: AppPool,
    *,
    server: ServerFacts | None = None,
    pools: Sequence[AppPool] = (),
) -> Recommendation:
    """What to press for ``result`` (the check of ``target``, whose pool is ``pool``)."""
    fixes: list[Fix] = []
    why_not: tuple[NoFixReason, Message] | None = None
    for requirement in result.requirements:
        if requirement.ok:
            continue
        cannot = _cannot(requirement)
        if cannot is None:
            fix = _fix(requirement, target, pool)
            windir = server.windir if server is not None else None
            allowed = temporary_aspnet_exception(fix.sid, fix.rights, pools=pools or (pool,), windir=windir)
            refusal = refusal_for(fix.path, server=server, allowed_under_windir=allowed)
            if refusal is None:
                fixes.append(fix)
                continue
            cannot = ("refused", refusal)
        why_not = why_not or cannot
    if not fixes and why_not is None:
        if result.problem is not None and not result.requirements:
            return Recommendation((), "cannot-check", result.problem)
        return _NOTHING_TO_DO
    reason, message = why_not if why_not is not None else (None, None)
    return Recommendation(_merged(fixes), reason, message)


def _cannot(requirement: Requirement) -> tuple[NoFixReason, Message] | None:
    if requirement.on_file_server:
        # No network identity at all (a LocalService worker): its own reason says what to do.
        return "file-server", FIX_ON_FILE_SERVER() if requirement.sid is not None else requirement.reason
    if requirement.blocked_by_deny:
        return "blocked", FIX_BLOCKED()
    if requirement.sid is None:
        return "unresolved", FIX_UNRESOLVED()
    if requirement.protected_file:
        return "protected-file", FIX_PROTECTED_FILE(path=requirement.path)
    return None
