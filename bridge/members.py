"""Who is behind a group: its members as Windows stores them, and the workers IIS adds at run time.

Computer Management lists only a group's stored members. IIS puts IIS_IUSRS in
every worker token without storing anyone - except for a pool that sets
``manualGroupMembership``, whose worker carries the group only through a stored
member in its token. IUSR is not a member; Users and Authenticated Users are in
its token. These are pure functions over the inventory and group-members.ps1's answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import Enum

from bridge.model import AppPool, Inventory, Message, ModelError, _Reader
from bridge.sids import (
    AUTHENTICATED_USERS,
    IIS_IUSRS,
    IUSR,
    USERS,
    app_pool_account,
    well_known_name,
    worker_token,
)
from bridge.wording import translate


class Group(Enum):
    """The groups ``iis-access members`` explains; values are the CLI's words."""

    IIS_IUSRS = "iis-iusrs"
    USERS = "users"
    AUTHENTICATED_USERS = "authenticated-users"

    @property
    def sid(self) -> str:
        return _GROUP_SIDS[self]

    @property
    def has_stored_members(self) -> bool:
        """Authenticated Users is computed at sign-in: no group object stores its members."""
        return self is not Group.AUTHENTICATED_USERS


_GROUP_SIDS = {Group.IIS_IUSRS: IIS_IUSRS, Group.USERS: USERS, Group.AUTHENTICATED_USERS: AUTHENTICATED_USERS}


@dataclass(frozen=True)
class Member:
    """A stored member; ``name`` is None when the host cannot resolve the SID (orphaned, deleted)."""

    sid: str
    name: str | None


@dataclass(frozen=True)
class StoredMembers:
    """group-members.ps1's answer: the group as the host names it, and its stored members."""

    group_sid: str
    group_name: str
    members: tuple[Member, ...]

    @property
    def sids(self) -> frozenset[str]:
        return frozenset(member.sid for member in self.members)


def parse_group_members(obj: object) -> StoredMembers:
    """Parse the JSON document of ``group-members.ps1``."""
    reader = _Reader(obj, "")
    group = reader.child("group")
    members = []
    for item, where in reader.items("members"):
        member = _Reader(item, where)
        members.append(Member(sid=member.string("sid"), name=member.optional_string("name")))
    return StoredMembers(group.string("sid"), group.string("name"), tuple(members))


def iis_iusrs_member_through(pool: AppPool, stored: frozenset[str]) -> str | None:
    """The stored IIS_IUSRS member that puts the group in this pool's worker token, if any.

    Windows adds a local group to a token when any SID already in it is a stored
    member: the identity itself most often, else a group such as Authenticated
    Users. The identity is named first. A specific user's domain groups are not
    in the inventory, so membership through them is not seen.
    """
    token = worker_token(pool.name, pool.identity_type, pool.user_sid, iis_iusrs=False)
    first = [sid for sid in (pool.identity_sid, pool.sid) if sid is not None]
    return next((sid for sid in (*first, *sorted(token)) if sid in stored and sid in token), None)


def with_iis_iusrs_members(inventory: Inventory, stored: StoredMembers) -> Inventory:
    """The inventory with each manual pool's worker token settled by IIS_IUSRS's stored members."""
    pools = tuple(
        replace(pool, iis_iusrs_member=iis_iusrs_member_through(pool, stored.sids))
        if pool.manual_group_membership
        else pool
        for pool in inventory.app_pools
    )
    return replace(inventory, app_pools=pools)


@dataclass(frozen=True)
class RuntimeMember:
    """An identity whose token carries the group without being stored: a pool's worker, or IUSR."""

    name: str
    sid: str
    pool: str | None


@dataclass(frozen=True)
class PoolException:
    """A pool that sets manualGroupMembership: IIS does not add IIS_IUSRS to its worker."""

    pool: str
    name: str
    sid: str
    carries_group: bool
    reason: Message


@dataclass(frozen=True)
class GroupView:
    group_sid: str
    group_name: str
    stored: tuple[Member, ...]
    runtime: tuple[RuntimeMember, ...]
    exceptions: tuple[PoolException, ...]
    note: Message


_NOTES = {
    Group.IIS_IUSRS: translate(
        "Bridge",
        "IUSR is not a member of IIS_IUSRS, so a grant to IIS_IUSRS does not let anonymous requests in.",
        "note-iis-iusrs",
    ),
    Group.USERS: translate(
        "Bridge",
        "IUSR's token carries Users, so a grant to Users lets anonymous requests in, as well as every "
        "worker process and every account that can sign in to this server.",
        "note-users",
    ),
    Group.AUTHENTICATED_USERS: translate(
        "Bridge",
        "Authenticated Users stores no members: Windows puts it in the token of every account that signs "
        "in, IUSR and every worker process included, so a grant to it lets anonymous requests in.",
        "note-authenticated-users",
    ),
}

MANUAL_NOT_MEMBER = translate(
    "Bridge",
    "Application pool {pool} sets manualGroupMembership: IIS does not add IIS_IUSRS to its worker "
    "token and {name} is not a stored member, so a grant to IIS_IUSRS does not reach this pool.",
    "manual-not-member",
)
MANUAL_MEMBER = translate(
    "Bridge",
    "Application pool {pool} sets manualGroupMembership: IIS does not add IIS_IUSRS to its worker "
    "token, but the worker carries it because {member} is a stored member.",
    "manual-member",
)


def member_name(sid: str, stored: Iterable[Member] = ()) -> str:
    """A SID's name as the host resolved it, else its English well-known name, else the SID."""
    resolved = next((member.name for member in stored if member.sid == sid and member.name), None)
    return resolved or well_known_name(sid) or sid


def pool_exception(pool: AppPool, stored: tuple[Member, ...]) -> PoolException:
    """Why a manual pool's worker does or does not carry IIS_IUSRS."""
    name = app_pool_account(pool.name)
    if pool.iis_iusrs_member is None:
        reason = MANUAL_NOT_MEMBER(pool=pool.name, name=pool.identity_account or name)
    else:
        reason = MANUAL_MEMBER(pool=pool.name, member=member_name(pool.iis_iusrs_member, stored))
    return PoolException(pool.name, name, pool.sid, pool.carries_iis_iusrs, reason)


def group_view(group: Group, inventory: Inventory, stored: StoredMembers | None) -> GroupView:
    """Stored members, the identities added at run time, IIS_IUSRS's manual pools, and the note.

    ``inventory`` must have gone through :func:`with_iis_iusrs_members` for IIS_IUSRS.
    """
    if group.has_stored_members and stored is None:
        raise ModelError(f"the stored members of {group.value} are needed")
    members = () if stored is None else stored.members
    pools = inventory.app_pools
    manual = group is Group.IIS_IUSRS
    runtime = [
        RuntimeMember(app_pool_account(pool.name), pool.sid, pool.name)
        for pool in pools
        if not (manual and pool.manual_group_membership)
    ]
    if group is not Group.IIS_IUSRS:
        runtime.append(RuntimeMember(well_known_name(IUSR) or IUSR, IUSR, None))
    exceptions = tuple(
        pool_exception(pool, members) for pool in pools if manual and pool.manual_group_membership
    )
    return GroupView(
        group_sid=group.sid,
        group_name=stored.group_name if stored is not None else well_known_name(group.sid) or group.sid,
        stored=members,
        runtime=tuple(runtime),
        exceptions=exceptions,
        note=_NOTES[group](),
    )
