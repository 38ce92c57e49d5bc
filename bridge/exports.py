"""What an export holds: per host, the changes that fix its findings, and the findings no export changes.

The changes are the interactive grant's own plans (``bridge.plans.plan_grant``) for each finding's
recommended fix, made from the same reading of the folder as the check: the playbook
(``bridge.export_ansible``) and the script (``bridge.export_powershell``) only write them down. A
finding whose plan is refused, that a deny entry blocks, that is on a network share, or that no grant
can fix becomes a note: a sentence for the admin, never a change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from bridge.access import with_explicit_allow
from bridge.findings import fix_text, requirement_fix
from bridge.model import Inventory
from bridge.needs import Requirement
from bridge.operations import Checked
from bridge.plans import Grantee, GrantPlan, plan_grant
from bridge.rights import RIGHTS_BY_NAME
from bridge.safety import normalize, same_path
from bridge.sddl import Dacl, SidContext, format_dacl

# The error a missing requirement makes IIS answer with, by whom it is for (bridge.needs' reasons).
_FIXES_BY_ROLE = {"worker": "500.19", "anonymous": "401.3"}

NoteKind = Literal["refused", "blocked", "share", "by-hand"]


@dataclass(frozen=True)
class ExportedChange:
    """One grant an export makes: the plan, the targets whose findings it fixes, the folder's ACL it
    may be made on, and the ACLs that say it is made (its own result, then those of the export's later
    changes to the same folder), so a second run can tell it is done.

    ``expected_before`` is the ACL as read for the first change to a folder; a later change to the
    same folder expects the ACL the change before it leaves (as ``AddAccessRule`` makes it).
    """

    plan: GrantPlan
    targets: tuple[str, ...]
    fixes: tuple[str, ...]
    expected_before: str
    done: tuple[str, ...]

    @property
    def title(self) -> str:
        """The change in words: ``IIS AppPool\\Shop: Read & execute on D:\\Sites\\Shop — fixes 500.19``."""
        words = RIGHTS_BY_NAME[self.plan.rights].words
        return f"{self.plan.display_name}: {words} on {self.plan.path} — fixes {' and '.join(self.fixes)}"


@dataclass(frozen=True)
class Note:
    """A finding no export changes, with why, in the words the check and the grant use."""

    target: str
    kind: NoteKind
    text: str


@dataclass(frozen=True)
class HostFixes:
    """What an export holds for one host.

    ``host`` is the name the admin gave (the inventory's name); ``computer`` the name the server
    reported for itself (``$env:COMPUTERNAME``), which a script run on the server checks.
    """

    host: str
    computer: str
    changes: tuple[ExportedChange, ...]
    notes: tuple[Note, ...]


def _fixes(checked: Checked, requirement: Requirement) -> tuple[str, ...]:
    result = checked.result
    if requirement.role == "worker" and result.anonymous is not None and result.anonymous == result.worker:
        # Anonymous requests run as the pool identity: one grant fixes both errors.
        return ("500.19", "401.3")
    return (_FIXES_BY_ROLE.get(requirement.role, "missing access"),)


def _plan(host: str, inventory: Inventory, checked: Checked, requirement: Requirement) -> GrantPlan | Note:
    """The grant that fixes one missing requirement, or the note saying why no export makes one."""
    target = str(checked.result.target)
    if requirement.blocked_by_deny:
        return Note(target, "blocked", requirement.reason.describe())
    fix = requirement_fix(checked.result, requirement)
    advice = checked.result.recommendation
    if fix is None and advice is not None and advice.reason == "refused" and advice.message is not None:
        return Note(target, "refused", advice.message.describe())
    # The export reads the targets' own folders: a grant elsewhere (Temporary ASP.NET Files) is named.
    if fix is None or not same_path(fix.path, checked.access.path):
        return Note(
            target,
            "by-hand",
            f"{requirement.reason.describe()} Fix: {fix_text(checked.result, requirement)}.",
        )
    plan = plan_grant(
        fix.kind,
        host=host,
        target=checked.target,
        path_access=checked.access,
        pool=checked.pool,
        server=inventory.server,
        grantee=Grantee(fix.sid, fix.identity) if fix.kind.names_account else None,
    )
    if plan.refusal is not None:
        return Note(target, "refused", plan.refusal.describe())
    if plan.blocked_by_deny:
        return Note(target, "blocked", requirement.reason.describe())
    return plan


@dataclass(frozen=True)
class _Found:
    """A planned grant before the export orders it and works out the ACLs it expects."""

    plan: GrantPlan
    dacl: Dacl
    inherits: bool
    targets: tuple[str, ...]
    fixes: tuple[str, ...]

    def merged(self, other: _Found) -> _Found:
        return replace(
            self,
            targets=tuple(dict.fromkeys((*self.targets, *other.targets))),
            fixes=tuple(dict.fromkeys((*self.fixes, *other.fixes))),
        )


# The folder (normalized), the SID and the rights of a grant: two findings with one key share a change.
_Key = tuple[str, str, str]


def _without_inherited(found: dict[_Key, _Found]) -> list[_Found]:
    """The grants, less those an inheritable grant on the parent folder already makes, deepest first.

    A folder that inherits from its parent (its DACL is not protected) gets the parent's new entry
    when the parent's grant is written, so its own grant would only add a second, explicit entry.
    Further down, a folder between the two may be protected, so the deeper grant stays; it goes
    first, because the parent's grant changes its ACL and a guarded grant then finds it stale.
    """
    kept = dict(found)
    for key in sorted(found, key=lambda key: -key[0].count("\\")):
        folder, sid, rights = key
        parent = (folder.rpartition("\\")[0], sid, rights)
        if found[key].inherits and parent in kept:
            kept[parent] = kept[parent].merged(kept.pop(key))
    return sorted(kept.values(), key=lambda each: -normalize(each.plan.path).count("\\"))


def _chained(found: list[_Found], context: SidContext) -> list[ExportedChange]:
    """The changes in order, each expecting the ACL the ones before it on its folder leave."""
    acls: dict[str, Dacl] = {}
    befores, afters = [], []
    for each in found:
        folder = normalize(each.plan.path)
        before = acls.get(folder)
        after = with_explicit_allow(before or each.dacl, each.plan.sid, RIGHTS_BY_NAME[each.plan.rights].mask)
        acls[folder] = after
        # The first change to a folder expects the ACL exactly as the server printed it.
        if before is None:
            befores.append(each.plan.expected_sddl or "")
        else:
            befores.append(format_dacl(before, context))
        afters.append(format_dacl(after, context))
    folders = [normalize(each.plan.path) for each in found]
    return [
        ExportedChange(
            each.plan,
            each.targets,
            each.fixes,
            befores[index],
            tuple(afters[later] for later in range(index, len(found)) if folders[later] == folders[index]),
        )
        for index, each in enumerate(found)
    ]


def _unique(notes: list[Note]) -> tuple[Note, ...]:
    # A refusal is about the folder: the same sentence for each account that needs it is said once.
    return tuple(dict.fromkeys(notes))


def host_fixes(host: str, inventory: Inventory, checked: Sequence[Checked]) -> HostFixes:
    """The changes and notes of one host's export, in the order the inventory lists the targets
    (deeper folders first). Two targets served from one folder that need the same grant share one
    change, and so does a folder with its parent when it inherits the parent's grant.
    """
    found: dict[_Key, _Found] = {}
    notes: list[Note] = []
    for each in checked:
        target = str(each.result.target)
        if each.result.problem is not None:
            kind: NoteKind = "share" if each.access.is_unc else "by-hand"
            notes.append(Note(target, kind, each.result.problem.describe()))
        for requirement in each.result.requirements:
            # A share's readers are in its note: the grant belongs on the file server.
            if requirement.ok or requirement.on_file_server:
                continue
            planned = _plan(host, inventory, each, requirement)
            if isinstance(planned, Note):
                notes.append(planned)
                continue
            if planned.noop or each.access.dacl is None:
                continue
            key = (normalize(planned.path), planned.sid, planned.rights)
            grant = _Found(
                planned, each.access.dacl, not each.access.protected, (target,), _fixes(each, requirement)
            )
            found[key] = found[key].merged(grant) if key in found else grant
    changes = _chained(_without_inherited(found), inventory.server.sid_context)
    return HostFixes(host, inventory.server.computer_name, tuple(changes), _unique(notes))
