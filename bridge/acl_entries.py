"""A folder's ACL as the Security tab's Advanced view lists it: one row per permission entry.

Windows often stores one permission as two ACEs: one for the folder itself
(no inheritance flags, often a specific mask such as ``FA``) and one
inherit-only ACE for what lies below (``OICIIO``, often the generic ``GA``).
``icacls`` prints both; the Advanced Security Settings dialog shows them as one
entry ("Full control — This folder, subfolders and files"). This module makes
that merge, as a pure function, so the GUI shows what an admin knows from
Windows and a reader can still see which ACEs the row stands for.

Two ACEs are merged when they are the same type, principal, inherited or
explicit alike, with the same no-propagate flag and the same mask once generic
bits are mapped, and one applies only to the folder while the other is
inherit-only. Which pairs Windows' ACL editor joins when they are not next to
each other is not documented; this merges the first such partner wherever it
stands, keeping the position of the first of the two.
"""

from __future__ import annotations

from dataclasses import dataclass

from bridge.sddl import Ace, map_generic


@dataclass(frozen=True)
class AclEntry:
    """One row of the Advanced view: what it allows or denies, to whom, and where it reaches."""

    kind: str  # "A" allow, "D" deny, other SDDL ACE types verbatim
    sid: str
    mask: int  # generic bits mapped to file rights, as the Security tab shows them
    inherited: bool
    applies_to_folder: bool
    applies_to_subfolders: bool
    applies_to_files: bool
    aces: tuple[Ace, ...]  # the stored ACEs this row stands for, in DACL order


def _entry(aces: tuple[Ace, ...]) -> AclEntry:
    first = aces[0]
    return AclEntry(
        kind=first.kind,
        sid=first.sid,
        mask=map_generic(first.mask),
        inherited=first.inherited,
        applies_to_folder=any(ace.applies_to_folder for ace in aces),
        applies_to_subfolders=any(ace.applies_to_subfolders for ace in aces),
        applies_to_files=any(ace.applies_to_files for ace in aces),
        aces=aces,
    )


def _halves(ace: Ace, other: Ace) -> bool:
    """Whether ``ace`` (the folder-only half) and ``other`` (the inherit-only half) are one entry."""
    folder_only = ace.applies_to_folder and not (ace.applies_to_subfolders or ace.applies_to_files)
    below_only = other.inherit_only and (other.applies_to_subfolders or other.applies_to_files)
    return (
        folder_only
        and below_only
        and ace.kind == other.kind
        and ace.sid == other.sid
        and ace.inherited == other.inherited
        and ("NP" in ace.flags) == ("NP" in other.flags)
        and not (ace.object_type or ace.inherited_object_type or ace.condition)
        and not (other.object_type or other.inherited_object_type or other.condition)
        and map_generic(ace.mask) == map_generic(other.mask)
    )


def advanced_entries(aces: tuple[Ace, ...] | list[Ace]) -> list[AclEntry]:
    """The rows of the Advanced view for ``aces``: folder-only and inherit-only halves joined."""
    used: set[int] = set()
    entries: list[AclEntry] = []
    for position, ace in enumerate(aces):
        if position in used:
            continue
        partner = next(
            (
                later
                for later in range(position + 1, len(aces))
                if later not in used and (_halves(ace, aces[later]) or _halves(aces[later], ace))
            ),
            None,
        )
        if partner is None:
            entries.append(_entry((ace,)))
        else:
            used.add(partner)
            entries.append(_entry((ace, aces[partner])))
    return entries
