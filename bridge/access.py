"""Effective access of a token on a folder and on the files in it, the way Windows decides it.

Windows walks the DACL in order and, for each right, the first ACE that
matches a SID in the token and mentions the right decides: a deny denies it
unless an earlier allow already granted it, an allow grants it unless an
earlier deny already denied it. "Has access" therefore means effective
access through any group in the token, not an ACE naming the account.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from enum import Enum
from functools import lru_cache, total_ordering

from bridge.model import Message
from bridge.sddl import FULL_CONTROL, MODIFY, READ, READ_AND_EXECUTE, Ace, Dacl, map_generic
from bridge.wording import listed, translate

GRANT_FLAGS = frozenset({"OI", "CI"})


class Scope(Enum):
    """Where a right is checked: the folder itself, its subfolders, or the files directly in it."""

    FOLDER = "folder"
    SUBFOLDERS = "subfolders"
    FILES = "files"


@total_ordering
class AccessLevel(Enum):
    """The standard file permission an effective mask amounts to; values are the CLI's JSON words."""

    NONE = "none"
    READ = "read"
    READ_EXECUTE = "read-execute"
    MODIFY = "modify"
    FULL_CONTROL = "full-control"

    @property
    def mask(self) -> int:
        return _LEVEL_MASKS[self]

    # A full check compares two levels per requirement (120,000 at 20,000 sites): each rank is
    # looked up once, not searched for, and >= is its own comparison rather than total_ordering's
    # "not <" built on top of __lt__.
    def __lt__(self, other: object) -> bool:
        if not isinstance(other, AccessLevel):
            return NotImplemented
        return _LEVEL_RANK[self] < _LEVEL_RANK[other]

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, AccessLevel):
            return NotImplemented
        return _LEVEL_RANK[self] >= _LEVEL_RANK[other]


_LEVEL_ORDER = tuple(AccessLevel)
_LEVEL_RANK = {level: rank for rank, level in enumerate(_LEVEL_ORDER)}
_LEVEL_MASKS = {
    AccessLevel.NONE: 0,
    AccessLevel.READ: READ,
    AccessLevel.READ_EXECUTE: READ_AND_EXECUTE,
    AccessLevel.MODIFY: MODIFY,
    AccessLevel.FULL_CONTROL: FULL_CONTROL,
}


def access_level(mask: int) -> AccessLevel:
    """The highest standard permission whose every right is in ``mask``."""
    mapped = map_generic(mask)
    return next(level for level in reversed(_LEVEL_ORDER) if mapped & level.mask == level.mask)


def applies(ace: Ace, scope: Scope) -> bool:
    """Whether an ACE on the folder takes part in access checks at ``scope``.

    Children inherit OI/CI ACEs whatever NP says (NP only stops them going
    further down); on the folder itself IO ACEs are skipped. Files are assumed
    to hold only what they inherit.
    """
    if scope is Scope.FOLDER:
        return ace.applies_to_folder
    if scope is Scope.SUBFOLDERS:
        return ace.applies_to_subfolders
    return ace.applies_to_files


def _decide(aces: Iterable[Ace], token: frozenset[str], scope: Scope) -> tuple[int, int]:
    granted = denied = 0
    for ace in aces:
        if ace.sid not in token or not applies(ace, scope):
            continue
        rights = map_generic(ace.mask)
        if ace.is_allow:
            granted |= rights & ~denied
        elif ace.may_deny:
            denied |= rights & ~granted
    return granted, denied


def effective_mask(dacl: Dacl, token: frozenset[str], *, scope: Scope = Scope.FOLDER) -> int:
    """The rights a token holds at ``scope`` under this DACL."""
    return _decide(dacl.aces, token, scope)[0]


def effective_level(dacl: Dacl, token: frozenset[str], *, scope: Scope = Scope.FOLDER) -> AccessLevel:
    return access_level(effective_mask(dacl, token, scope=scope))


# Many folders of a server share one DACL and many targets one pool token, so a full check
# asks the same few questions thousands of times. The answers depend only on these immutable
# arguments; the bound keeps a long session's memory flat.
_ANSWERS_CACHED = 4096


@lru_cache(maxsize=_ANSWERS_CACHED)
def content_level(dacl: Dacl, token: frozenset[str]) -> AccessLevel:
    """What a token can do with a site's content: the folder *and* the files in it."""
    return min(effective_level(dacl, token, scope=scope) for scope in (Scope.FOLDER, Scope.FILES))


@lru_cache(maxsize=_ANSWERS_CACHED)
def own_level(dacl: Dacl, token: frozenset[str]) -> AccessLevel:
    """What a token can do with the object itself: a file (a web.config) holds what it holds."""
    return effective_level(dacl, token, scope=Scope.FOLDER)


def denying_aces(dacl: Dacl, token: frozenset[str], needed: int) -> tuple[Ace, ...]:
    """The deny ACEs matching the token that deny any of ``needed`` on the folder or its files."""
    rights = map_generic(needed)
    return tuple(
        ace
        for ace in dacl.aces
        if ace.may_deny
        and ace.sid in token
        and map_generic(ace.mask) & rights
        and (applies(ace, Scope.FOLDER) or applies(ace, Scope.FILES))
    )


class NonCanonicalDacl(ValueError):
    """``AddAccessRule`` would throw InvalidOperationException: the DACL is not in canonical order;
    ``entries`` says which entries stand out of place."""

    def __init__(self, entries: Message) -> None:
        super().__init__(entries.describe())
        self.entries = entries


def _order_class(ace: Ace) -> int:
    # Canonical order (the "Order of ACEs in a DACL" page of the Windows docs, and CommonAcl's
    # canonical check): explicit denies, explicit allows, then inherited entries in any order.
    if ace.inherited:
        return 2
    return 0 if ace.may_deny else 1


def out_of_order(dacl: Dacl) -> tuple[tuple[int, Ace], ...]:
    """The entries (1-based position, ACE) that stand after an entry canonical order puts later."""
    found: list[tuple[int, Ace]] = []
    highest = 0
    for position, ace in enumerate(dacl.aces, start=1):
        rank = _order_class(ace)
        if rank < highest:
            found.append((position, ace))
        highest = max(highest, rank)
    return tuple(found)


def _mergeable(ace: Ace, sid: str) -> bool:
    # CommonAcl.MergeAces only merges two explicit entries of the same type, qualifier and SID
    # without callback data; an object or callback ACE is a different type.
    return ace.kind == "A" and ace.condition is None and not ace.inherited and ace.sid == sid


def with_explicit_allow(dacl: Dacl, sid: str, mask: int) -> Dacl:
    """The DACL after ``AddAccessRule`` of one inheritable (OI, CI) allow rule, as .NET makes it.

    Modelled on ``System.Security.AccessControl.CommonAcl`` (dotnet/runtime): the DACL must be
    canonical, else ``NonCanonicalDacl``. The first explicit allow entry for the SID absorbs the
    rule when its flags are the rule's (rights combined) or its rights are the rule's
    (inheritance combined: OI+CI reaches this folder, subfolders and files, so the union is
    OI+CI). Otherwise the rule becomes a new entry after the explicit ones, where canonical
    order puts it: an explicit deny before it still wins, an inherited deny does not.
    """
    disorder = out_of_order(dacl)
    if disorder:
        raise NonCanonicalDacl(describe_disorder(disorder))
    for index, ace in enumerate(dacl.aces):
        if not _mergeable(ace, sid):
            continue
        if ace.flags == GRANT_FLAGS:
            merged = replace(ace, mask=ace.mask | mask)
        elif ace.mask == mask:
            merged = replace(ace, flags=GRANT_FLAGS)
        else:
            continue
        return replace(dacl, aces=(*dacl.aces[:index], merged, *dacl.aces[index + 1 :]))
    position = next((index for index, ace in enumerate(dacl.aces) if ace.inherited), len(dacl.aces))
    ace = Ace("A", GRANT_FLAGS, mask, sid)
    return replace(dacl, aces=(*dacl.aces[:position], ace, *dacl.aces[position:]))


ENTRY_OUT_OF_PLACE = {
    0: translate("Bridge", "entry {position} (an explicit deny)", "entry-explicit-deny"),
    1: translate("Bridge", "entry {position} (an explicit allow)", "entry-explicit-allow"),
    2: translate("Bridge", "entry {position} (an inherited entry)", "entry-inherited"),
}


def describe_disorder(disorder: Iterable[tuple[int, Ace]]) -> Message:
    """Which entries break canonical order, as a phrase, e.g. "entry 3 (an explicit deny)"."""
    return listed(
        [ENTRY_OUT_OF_PLACE[_order_class(ace)](position=str(position)) for position, ace in disorder]
    )


@lru_cache(maxsize=_ANSWERS_CACHED)
def blocked_by_deny(dacl: Dacl, token: frozenset[str], sid: str, needed: int) -> bool:
    """Whether a deny ACE would still withhold ``needed`` after granting it to ``sid``."""
    if sid not in token:
        raise ValueError(f"{sid} is not in the token: granting it could not help")
    if out_of_order(dacl):
        # Nothing can be granted on a non-canonical DACL; the plan refuses it on its own.
        return False
    granted = with_explicit_allow(dacl, sid, needed)
    rights = map_generic(needed)
    return any(
        effective_mask(granted, token, scope=scope) & rights != rights
        for scope in (Scope.FOLDER, Scope.FILES)
    )
