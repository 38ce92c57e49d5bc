"""Taking access back: a SID's explicit allow entries narrowed or removed, and when that must not happen.

A reduction is the inverse of a grant and gets the same care. It touches only
the *explicit* allow entries for one SID on the folder that holds them, the
way ``RemoveAccessRuleSpecific`` (each entry exactly as it is) followed by
``AddAccessRule`` (the narrowed entry, same inheritance) leaves a DACL: deny
entries stay, other SIDs' entries stay, and an inherited entry is reduced on
the folder where it is explicit (``explicit_folder`` finds it), never by
breaking inheritance. A reduction that would take away what a requirement
needs is refused with the requirement named (``reduction_refusal``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from bridge.access import AccessLevel, NonCanonicalDacl, content_level, describe_disorder, out_of_order
from bridge.model import Message
from bridge.needs import Requirement, level_phrase
from bridge.sddl import Ace, Dacl, map_generic
from bridge.sids import well_known_name
from bridge.wording import translate

# The levels a reduction may leave: what a site's content needs to be served, or nothing.
REDUCE_LEVELS = (AccessLevel.READ_EXECUTE, AccessLevel.READ, AccessLevel.NONE)

# What is left of an entry narrowed to Read when it only allowed Write: Read permissions (RC) and
# Synchronize (S) alone let nobody read or change anything, so such an entry is removed instead.
_RESIDUE = 0x120000

# {needs}, {to} and {after} are level phrases (bridge.needs.level_phrase).
BREAKS_REQUIREMENT = translate(
    "Bridge",
    "{name} needs {needs} access to {path} and gets it through {account}; reducing {account} to "
    "{to} access on {folder} would leave it {after} access, and IIS would answer HTTP {http}. Give {name} "
    "its own entry first, then reduce.",
    "reduce-breaks-requirement",
)
NOT_CANONICAL = translate(
    "Bridge",
    "The ACL of {folder} is not in canonical order ({entries} out of place), and Windows refuses "
    "to change such an ACL. Open the folder's Security tab in Explorer, which offers to reorder it, then "
    "check again.",
    "reduce-not-canonical",
)

# The answer IIS gives when the identity in this role cannot read what it needs.
_HTTP_BY_ROLE = {"worker": "500.19 (0x80070005)", "connect-as": "500.19 (0x80070005)"}


def http_answer(role: str) -> str:
    """The HTTP status IIS answers when the identity in ``role`` cannot read what it needs."""
    return _HTTP_BY_ROLE.get(role, "401.3")


def _check_level(to: AccessLevel) -> None:
    if to not in REDUCE_LEVELS:
        raise ValueError(f"a reduction leaves read-execute, read or none, not {to.value}")


def _reducible(ace: Ace, sid: str) -> bool:
    # Only plain explicit allows: an inherited entry is changed where it is explicit, a deny only
    # takes access away, and a callback or object entry is another type that RemoveAccessRule
    # for a plain rule leaves alone.
    return ace.kind == "A" and ace.condition is None and not ace.inherited and ace.sid == sid


def _narrowed(ace: Ace, to: AccessLevel) -> Ace | None:
    rights = map_generic(ace.mask)
    kept = rights & to.mask
    if kept & ~_RESIDUE == 0:
        return None
    # An entry that already fits keeps its own spelling (GR stays GR, not 0x120089).
    return ace if kept == rights else replace(ace, mask=kept)


def reduced_dacl(dacl: Dacl, sid: str, to: AccessLevel) -> Dacl:
    """The DACL after narrowing each explicit allow entry for ``sid`` to ``to`` (removing it for none).

    ``to`` is read-execute, read or none. An entry keeps its place and its inheritance; one with
    nothing useful left (none, or Write narrowed to Read) is removed; one that becomes a copy of
    an entry before it merges into it, as ``AddAccessRule`` merges equal rules. A DACL already
    within ``to`` comes back equal (a reduction with nothing to do). Raises ``NonCanonicalDacl``
    as .NET's ``CommonAcl`` throws on a DACL out of canonical order.
    """
    _check_level(to)
    disorder = out_of_order(dacl)
    if disorder:
        raise NonCanonicalDacl(describe_disorder(disorder))
    aces: list[Ace] = []
    for ace in dacl.aces:
        kept = _narrowed(ace, to) if _reducible(ace, sid) else ace
        if kept is not None and (kept is ace or kept not in aces):
            aces.append(kept)
    if len(aces) == len(dacl.aces) and all(a is b for a, b in zip(aces, dacl.aces, strict=True)):
        return dacl
    return replace(dacl, aces=tuple(aces))


def propagated_dacl(dacl: Dacl, sid: str, to: AccessLevel) -> Dacl:
    """A folder's DACL once a reduction of ``sid`` on a folder above it has propagated down.

    Every inherited allow entry for ``sid`` is narrowed as its source is: when two folders above
    hold entries for the SID this narrows both, which can only make a refusal more careful.
    """
    _check_level(to)
    aces: list[Ace] = []
    for ace in dacl.aces:
        inherited = ace.kind == "A" and ace.inherited and ace.sid == sid and ace.condition is None
        kept = _narrowed(ace, to) if inherited else ace
        if kept is not None:
            aces.append(kept)
    return replace(dacl, aces=tuple(aces))


def explicit_folder(ace: Ace, ancestors: Sequence[tuple[str, Dacl | None]]) -> str | None:
    """The folder whose DACL holds the inherited ``ace`` explicitly, from ``ancestors`` nearest first.

    An entry arrives from the parent, which holds it explicitly (the answer) or inherited from
    its own parent (look further up). Windows writes the child's copy with the generic rights
    mapped, so rights are compared mapped. None when the chain breaks: an ancestor unread, or
    one without the entry (the folders in between were not all given, or it was removed above).
    """
    if not ace.inherited:
        raise ValueError("an explicit entry is held by its own folder")
    rights = map_generic(ace.mask)
    for folder, dacl in ancestors:
        if dacl is None:
            return None
        holding = [
            candidate
            for candidate in dacl.aces
            if candidate.kind == ace.kind
            and candidate.sid == ace.sid
            and (candidate.applies_to_subfolders or candidate.applies_to_files)
            and map_generic(candidate.mask) & rights == rights
        ]
        if any(not candidate.inherited for candidate in holding):
            return folder
        if not holding:
            return None
    return None


def _account(sid: str, names: dict[str, str | None] | None) -> str:
    return (names or {}).get(sid) or well_known_name(sid) or sid


def reduction_refusal(
    requirements: Iterable[Requirement],
    dacl: Dacl,
    sid: str,
    to: AccessLevel,
    *,
    path: str,
    folder: str | None = None,
    names: dict[str, str | None] | None = None,
) -> Message | None:
    """Why reducing ``sid`` to ``to`` must be refused, naming the requirement it would break; None if safe.

    ``dacl`` is the ACL of ``path``, the folder the ``requirements`` are about. The reduction is
    made on ``folder``: ``path`` itself when None (its explicit entries are narrowed), else a
    folder above it whose explicit entries reach ``path`` by inheritance. A requirement breaks
    when the reduction leaves it less than it needs and less than it had: a requirement already
    short of access is not made worse either. ``names`` are the host's account names by SID.
    """
    _check_level(to)
    where = folder or path
    try:
        after = reduced_dacl(dacl, sid, to) if folder is None else propagated_dacl(dacl, sid, to)
    except NonCanonicalDacl as error:
        return NOT_CANONICAL(folder=where, entries=error.entries)
    for requirement in requirements:
        if requirement.sid is None or sid not in requirement.token:
            continue
        before = content_level(dacl, requirement.token)
        left = content_level(after, requirement.token)
        if left < requirement.needs and left < before:
            return BREAKS_REQUIREMENT(
                name=requirement.name,
                needs=level_phrase(requirement.needs),
                path=path,
                account=_account(sid, names),
                to=level_phrase(to),
                folder=where,
                after=level_phrase(left),
                http=http_answer(requirement.role),
            )
    return None
