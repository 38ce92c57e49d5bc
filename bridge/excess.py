"""Findings of too much access: who can change a site's content although nothing needs them to.

The other half of least privilege. The checks in ``bridge.needs`` say what is
missing; these say what is too broad, each with one sentence on why it matters
and the reduction that takes it back:

- write access (Modify, Write, Full control, or the write bits of a special
  mask) on content for the anonymous identity, Everyone, Users, Authenticated
  Users, IIS_IUSRS, or the identity of any other pool;
- Full control for a pool identity (it can change the folder's permissions);
- write for the target's own pool on its site root when the root is not said
  to need it (it can rewrite its own ``web.config`` and ``bin``);
- a pool running as LocalSystem or as an administrator.

Access is judged per account from the entries that name it, so Everyone's
Full control is one finding for Everyone, not one for every account behind it.
Where an entry is inherited, the finding names the folder holding it explicitly
(from the ancestors' ACLs, read in the same round trip as the target's).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from bridge.access import AccessLevel, Scope, access_level, effective_mask
from bridge.model import AppPool, Message, MessageParam, PathAccess, Target
from bridge.needs import CheckResult, CheckStatus, Requirement, level_phrase
from bridge.reduce import explicit_folder, reduction_refusal
from bridge.safety import is_within, same_path
from bridge.sddl import WRITE, Ace, Dacl, map_generic
from bridge.sids import (
    ADMINISTRATORS,
    APP_POOL_PREFIX,
    AUTHENTICATED_USERS,
    CREATOR_OWNER,
    EVERYONE,
    IIS_IUSRS,
    SYSTEM,
    TRUSTED_INSTALLER,
    USERS,
    IdentityType,
    app_pool_account,
    well_known_name,
)
from bridge.wording import Text, translate

# The rights that change what a folder holds or who may change it: create files (WD) and folders
# (AD), delete children (DC) and itself (DE), change permissions (WDAC) and take ownership (WO).
# Write attributes (WA, WEA) alone change no content and are left out.
WRITE_BITS = 0x2 | 0x4 | 0x40 | 0x10000 | 0x40000 | 0x80000

# Groups whose write access is too much wherever it is: the first three are in every request's
# token, anonymous visitors' (IUSR's) included; IIS_IUSRS is in every pool's worker token.
_GROUP_CODES = {
    EVERYONE: "excess-broad-write",
    USERS: "excess-broad-write",
    AUTHENTICATED_USERS: "excess-broad-write",
    IIS_IUSRS: "excess-iis-iusrs-write",
}

# Who holds Full control of every folder by Windows' default: never too much.
_OWNERS = frozenset({SYSTEM, ADMINISTRATORS, CREATOR_OWNER, TRUSTED_INSTALLER})

# Domain Admins: an account-domain SID ending in RID 512.
_DOMAIN_ADMINS = re.compile(r"S-1-5-21-[0-9]+-[0-9]+-[0-9]+-512")

# One sentence each on why the access matters. {has} is a phrase (the level, or "special write").
ANONYMOUS_WRITE = translate(
    "Bridge",
    "Anonymous requests run as {name}, which has {has} access to {path}: anonymous visitors could "
    "upload and run scripts or replace the site's pages.",
    "excess-anonymous-write",
)
BROAD_WRITE = translate(
    "Bridge",
    "{name} has {has} access to {path}, and anonymous visitors are among {name}: anyone could upload "
    "and run scripts or replace the site's pages.",
    "excess-broad-write",
)
IIS_IUSRS_WRITE = translate(
    "Bridge",
    "IIS_IUSRS has {has} access to {path}, and every application pool on the server is in IIS_IUSRS: a "
    "flaw in any site could change this site's files.",
    "excess-iis-iusrs-write",
)
FOREIGN_POOL_WRITE = translate(
    "Bridge",
    "{name}, the identity of another application pool ({pool}), has {has} access to {path}: a flaw in "
    "a site of that pool could change this site's files.",
    "excess-foreign-pool-write",
)
POOL_FULL_CONTROL = translate(
    "Bridge",
    "{name}, this site's own pool identity, has Full control of {path}: a flaw in the application "
    "could change the folder's permissions and take ownership of it.",
    "excess-pool-full-control",
)
POOL_ROOT_WRITE = translate(
    "Bridge",
    "{name}, this site's own pool identity, has {has} access to the site root {path}: a flaw in the "
    "application could rewrite its own web.config and bin. Only the folders it writes to (such as "
    "App_Data or uploads) need Modify.",
    "excess-pool-root-write",
)
POOL_LOCAL_SYSTEM = translate(
    "Bridge",
    "Application pool {pool} runs as LocalSystem: a flaw in any of its sites would run with full "
    "control of the whole server.",
    "excess-pool-local-system",
)
POOL_ADMINISTRATOR = translate(
    "Bridge",
    "Application pool {pool} runs as {name}, an administrator: a flaw in any of its sites would run "
    "with full control of the server.",
    "excess-pool-administrator",
)
_REASONS: dict[str, Text] = {
    text.code: text
    for text in (
        ANONYMOUS_WRITE,
        BROAD_WRITE,
        IIS_IUSRS_WRITE,
        FOREIGN_POOL_WRITE,
        POOL_FULL_CONTROL,
        POOL_ROOT_WRITE,
        POOL_LOCAL_SYSTEM,
        POOL_ADMINISTRATOR,
    )
}

# What to do. A command line reads the same in every language (its German is the same line).
REDUCE_COMMAND = translate("Bridge", "iis-access reduce {target} --sid {sid} --to {to}", "fix-reduce")
GRANT_THEN_REDUCE = translate(
    "Bridge",
    "{refusal} First: iis-access grant {kind} {target}; then: iis-access reduce {target} --sid {sid} "
    "--to {to}",
    "fix-grant-then-reduce",
)
POOL_IDENTITY_FIX = translate(
    "Bridge",
    "In IIS Manager, set application pool {pool}'s identity (Advanced Settings, Process Model, "
    "Identity) to ApplicationPoolIdentity, then grant its pool identity what the sites need.",
    "fix-pool-identity",
)

# What an account has, in a sentence: the Security tab's level, or the words for what is neither.
_HAS_PHRASES: dict[str, Message] = {
    "full-control": level_phrase(AccessLevel.FULL_CONTROL),
    "modify": level_phrase(AccessLevel.MODIFY),
    "write": translate("Bridge", "Write", "level-in-sentence-write")(),
    "special": translate("Bridge", "special write", "level-in-sentence-special-write")(),
}


@dataclass(frozen=True, slots=True)
class Excess:
    """One finding of too much access on a target.

    ``has`` is a JSON word: full-control, modify, write, special (write bits of a special mask),
    or local-system / administrator for a pool's identity. ``source`` is "explicit",
    "inherited from <folder>" or, where the folder above could not be found, "inherited"; None
    for a pool's identity, which is no ACL entry. ``folder`` is where the entries are explicit
    (the reduction's folder), ``to`` the level a reduction leaves (None: not an ACL matter).
    """

    code: str
    name: str
    sid: str
    has: str
    path: str
    source: str | None
    folder: str | None
    to: AccessLevel | None
    reason: Message
    fix: Message


# A full check asks for the parents of every target's folder twice (what to read, what was read).
@lru_cache(maxsize=4096)
def parent_folders(path: str) -> tuple[str, ...]:
    """The folders above ``path``, nearest first, up to its drive root (none for a share)."""
    if path.startswith("\\\\"):
        return ()
    folders: list[str] = []
    current = path.rstrip("\\")
    while True:
        head, separator, _name = current.rpartition("\\")
        if not separator or not head:
            return tuple(folders)
        if re.fullmatch(r"[A-Za-z]:", head):
            folders.append(head + "\\")
            return tuple(folders)
        folders.append(head)
        current = head


def _allows_for(dacl: Dacl, sid: str) -> tuple[Ace, ...]:
    return tuple(
        ace for ace in dacl.aces if ace.is_allow and ace.sid == sid and map_generic(ace.mask) & WRITE_BITS
    )


def _granted(dacl: Dacl, sid: str) -> int:
    """What the entries naming ``sid`` allow on the folder, its subfolders or its files.

    Judged with Everyone in the token, as in every real token, so a deny for Everyone still wins;
    only the rights the SID's own entries allow count, so Everyone's access is not the SID's.
    """
    own = 0
    for ace in dacl.aces:
        if ace.is_allow and ace.sid == sid:
            own |= map_generic(ace.mask)
    token = frozenset({sid, EVERYONE})
    reached = 0
    for scope in Scope:
        reached |= effective_mask(dacl, token, scope=scope)
    return reached & own


def _has_word(mask: int) -> str | None:
    if not mask & WRITE_BITS:
        return None
    level = access_level(mask)
    if level is AccessLevel.FULL_CONTROL:
        return "full-control"
    if level is AccessLevel.MODIFY:
        return "modify"
    return "write" if mask & WRITE == WRITE else "special"


# Many targets of a server share one DACL (inherited from a common root): a full check asks
# the same question of it thousands of times. The answer depends only on the immutable DACL.
@lru_cache(maxsize=4096)
def _writers(dacl: Dacl) -> tuple[tuple[str, str], ...]:
    """Each SID whose own allow entries let it write here, with what it has (a ``has`` word)."""
    found = []
    for sid in dict.fromkeys(ace.sid for ace in dacl.aces if ace.is_allow and ace.sid not in _OWNERS):
        has = _has_word(_granted(dacl, sid))
        if has is not None:
            found.append((sid, has))
    return tuple(found)


@dataclass(frozen=True)
class _Folder:
    path: str
    dacl: Dacl
    names: Mapping[str, str | None]
    ancestors: Sequence[tuple[str, Dacl | None]]


def _source(folder: _Folder, sid: str) -> tuple[str, str | None]:
    """Where the writing entries for ``sid`` are explicit: ("explicit" or "inherited from X", X)."""
    entries = _allows_for(folder.dacl, sid)
    if any(not ace.inherited for ace in entries):
        return "explicit", folder.path
    above = explicit_folder(entries[0], folder.ancestors) if entries else None
    return ("inherited", None) if above is None else (f"inherited from {above}", above)


def _name(folder: _Folder, sid: str, pools: Mapping[str, AppPool]) -> str:
    pool = pools.get(sid)
    if pool is not None and sid == pool.sid:
        return app_pool_account(pool.name)
    return folder.names.get(sid) or well_known_name(sid) or (pool.identity_account if pool else sid)


# The pools of the last check and their identities: one server's pools are asked for every one of
# its targets, thousands of times in a full check. Read and replaced whole, so threads checking
# different hosts at once each get a map of their own pools.
_last_pools: tuple[Sequence[AppPool], dict[str, AppPool]] = ((), {})


def _pool_identities(pools: Sequence[AppPool]) -> dict[str, AppPool]:
    """Every identity some pool runs as, by SID, but SYSTEM: it holds Full control of every folder
    by Windows' default, and a LocalSystem pool is a finding of its own."""
    global _last_pools  # noqa: PLW0603 - a one-entry cache, replaced whole
    known, identities = _last_pools
    if known is pools:
        return identities
    identities = {}
    for other in pools:
        for sid in (other.sid, other.identity_sid):
            if sid is not None and sid != SYSTEM:
                identities.setdefault(sid, other)
    _last_pools = (pools, identities)
    return identities


class _Assessment:
    """The findings for one target, built from its check, its folder and the server's pools."""

    def __init__(
        self, result: CheckResult, target: Target, pool: AppPool, folder: _Folder, pools: Sequence[AppPool]
    ):
        self.result = result
        self.target = target
        self.pool = pool
        self.folder = folder
        self.pools = _pool_identities(pools)
        self.own = {pool.sid, pool.identity_sid} - {None, SYSTEM}
        self.found: list[Excess] = []

    def _finding(self, code: str, sid: str, has: str, params: dict[str, str]) -> Excess:
        folder = self.folder
        source, explicit_on = _source(folder, sid)
        name = params.get("name") or _name(folder, sid, self.pools)
        words: dict[str, MessageParam] = {
            "name": name,
            "path": folder.path,
            "has": _HAS_PHRASES[has],
            **params,
        }
        to = AccessLevel.READ_EXECUTE
        # The requirements on this folder or below it: what a reduction here can take away.
        affected = [r for r in self.result.requirements if is_within(r.path, folder.path)]
        refusal = reduction_refusal(
            affected,
            folder.dacl,
            sid,
            to,
            path=folder.path,
            folder=None if source == "explicit" else explicit_on or _nearest_parent(folder.path),
            names=dict(folder.names),
        )
        command = {"target": _quoted(str(self.target.ref)), "sid": sid, "to": to.value}
        if refusal is None:
            fix = REDUCE_COMMAND(**command)
        else:
            writes = _needs_modify(self.result.requirements, self.result.physical_path)
            kind = "pool-modify" if writes else "pool-read"
            fix = GRANT_THEN_REDUCE(refusal=refusal, kind=kind, **command)
        reason = _REASONS[code](**words)
        return Excess(code, name, sid, has, folder.path, source, explicit_on, to, reason, fix)

    def _acl_findings(self) -> None:
        writers = _writers(self.folder.dacl)
        if not writers:
            return
        anonymous = self.result.anonymous
        anonymous_sid = anonymous.sid if anonymous is not None else None
        needs_write = _needs_modify(self.result.requirements, self.result.physical_path)
        for sid, has in writers:
            code = self._acl_code(sid, has, anonymous_sid, needs_write)
            if code is not None:
                other = self.pools.get(sid)
                pool = (
                    other.name
                    if other is not None
                    else _name(self.folder, sid, self.pools).rpartition("\\")[2]
                )
                self.found.append(self._finding(code, sid, has, {"pool": pool}))

    def _acl_code(self, sid: str, has: str, anonymous_sid: str | None, needs_write: bool) -> str | None:
        own = sid in self.own
        if sid == anonymous_sid and not (own and needs_write):
            return "excess-anonymous-write"
        if sid in _GROUP_CODES:
            return _GROUP_CODES[sid]
        if own:
            if has == "full-control":
                return "excess-pool-full-control"
            return "excess-pool-root-write" if self.target.is_site_root and not needs_write else None
        return "excess-foreign-pool-write" if sid in self.pools or sid.startswith(APP_POOL_PREFIX) else None

    def _identity_finding(self) -> None:
        pool = self.pool
        if pool.identity_type is IdentityType.LOCAL_SYSTEM:
            code, has = "excess-pool-local-system", "local-system"
        elif ADMINISTRATORS in pool.token or any(_DOMAIN_ADMINS.fullmatch(sid) for sid in pool.token):
            code, has = "excess-pool-administrator", "administrator"
        else:
            return
        sid = pool.identity_sid or pool.sid
        reason = _REASONS[code](pool=pool.name, name=pool.identity_account, path=self.folder.path)
        fix = POOL_IDENTITY_FIX(pool=pool.name)
        self.found.append(
            Excess(code, pool.identity_account, sid, has, self.folder.path, None, None, None, reason, fix)
        )

    def findings(self) -> tuple[Excess, ...]:
        self._acl_findings()
        self._identity_finding()
        return tuple(self.found)


def _nearest_parent(path: str) -> str:
    parents = parent_folders(path)
    return parents[0] if parents else path


def _needs_modify(requirements: Iterable[Requirement], content: str) -> bool:
    """Whether the worker must write the target's own content (not Temporary ASP.NET Files)."""
    return any(
        r.role == "worker" and r.needs >= AccessLevel.MODIFY and same_path(r.path, content)
        for r in requirements
    )


def _quoted(text: str) -> str:
    # Always in double quotes, which cmd, PowerShell and POSIX shells all read as one word; always,
    # so the line is the same shape whatever the name (a redacted recording maps back to it).
    return f'"{text}"'


def excess_findings(
    result: CheckResult,
    target: Target,
    pool: AppPool,
    path_access: PathAccess,
    *,
    pools: Sequence[AppPool] = (),
    ancestors: Sequence[PathAccess] = (),
) -> tuple[Excess, ...]:
    """Too much access on ``target``'s folder (``path_access``), given its check and the server's pools.

    ``ancestors`` are the folders above it, nearest first, as read on the host: they tell where an
    inherited entry is explicit. A folder that cannot be checked has no findings.
    """
    if result.status is CheckStatus.UNFIXABLE or path_access.dacl is None:
        return ()
    folder = _Folder(
        path_access.path,
        path_access.dacl,
        path_access.accounts,
        tuple((above.path, above.dacl if above.readable else None) for above in ancestors),
    )
    return _Assessment(result, target, pool, folder, pools).findings()


def with_excess(result: CheckResult, findings: tuple[Excess, ...]) -> CheckResult:
    """The check with its findings of too much access; all met but too much is ``too-much``.

    Missing or blocked access wins: it breaks the site, while the excess is still listed.
    """
    if not findings:
        # Most targets: nothing to add, and a full check makes thousands of these.
        return result
    too_much = result.status is CheckStatus.OK
    return replace(result, excessive=findings, status=CheckStatus.TOO_MUCH if too_much else result.status)


def with_parents(paths: Iterable[str]) -> list[str]:
    """``paths`` and every folder above them, each once: what a check reads to name where an
    inherited entry is explicit, in the same round trip as the targets' own folders."""
    return list(dict.fromkeys(folder for path in paths for folder in (path, *parent_folders(path))))


def assessed(
    result: CheckResult,
    target: Target,
    pool: AppPool,
    folders: Mapping[str, PathAccess],
    pools: Sequence[AppPool],
) -> CheckResult:
    """``result`` with the findings of too much access on its folder, from the folders read on the host."""
    path_access = folders[target.physical_path]
    ancestors = [folders[path] for path in parent_folders(target.physical_path) if path in folders]
    found = excess_findings(result, target, pool, path_access, pools=pools, ancestors=ancestors)
    return with_excess(result, found)


def excess_json(found: Excess) -> dict[str, object]:
    """One finding as ``check --json`` prints it under ``excessive``."""
    return {
        "name": found.name,
        "sid": found.sid,
        "has": found.has,
        "path": found.path,
        "source": found.source,
        "reason": found.reason.describe(),
        "fix": found.fix.describe(),
        "code": found.code,
        "explicitOn": found.folder,
        "reduceTo": None if found.to is None else found.to.value,
    }
