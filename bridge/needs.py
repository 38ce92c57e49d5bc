"""Who needs what on a site's, application's or virtual directory's folder, and whether they have it.

Who reads the content is decided in ``bridge.readers`` (the worker, the anonymous identity, the
users who sign in, a virtual directory's Connect-as user, the user ASP.NET impersonates); each
needs Read there. The worker (or the Connect-as user) also needs Read on every ``web.config`` IIS
reads for the URL (else HTTP 500.19, 0x80070005), and a pool that runs managed code needs Modify
on its Temporary ASP.NET Files folder (``bridge.server_files``). Write access on content is needed
only where the administrator says the application writes: by the worker, or by whoever ASP.NET
impersonates. Content on a share is read on the file server, which this server cannot check:
the requirement then names the account the file server sees and says the grant belongs there.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from functools import partial
from typing import TYPE_CHECKING, TypeVar, cast

from bridge.access import AccessLevel, blocked_by_deny, content_level, denying_aces, own_level
from bridge.model import (
    AppPool,
    Membership,
    Message,
    MessageParam,
    PathAccess,
    ServerFacts,
    Target,
    TargetRef,
)
from bridge.readers import (
    Identity,
    Reader,
    Role,
    account_identity,
    anonymous_identity,
    content_readers,
    identity_notes,
    network_identity,
    worker_identity,
)
from bridge.safety import temporary_aspnet_folder
from bridge.sddl import Dacl
from bridge.server_files import ConfigFile, config_files
from bridge.sids import IIS_IUSRS, app_pool_account
from bridge.wording import Text, translate

if TYPE_CHECKING:
    from bridge.excess import Excess
    from bridge.recommend import Recommendation

__all__ = ["Identity", "Role"]

T = TypeVar("T")


class CheckStatus(Enum):
    OK = "ok"
    MISSING = "missing"
    BLOCKED = "blocked"
    UNFIXABLE = "unfixable"
    # Every requirement met, but someone has more than the site needs (bridge.excess).
    TOO_MUCH = "too-much"


@dataclass(frozen=True, slots=True)
class Requirement:
    """One identity's need on one folder or file; ``path`` is that folder or file (the target's
    physical path when the requirement is about its content)."""

    role: Role
    path: str
    name: str
    sid: str | None
    token: frozenset[str]
    needs: AccessLevel
    effective: AccessLevel
    ok: bool
    blocked_by_deny: bool
    reason: Message
    # On a share: the file server decides; ``effective`` is then not known (NONE) and ``ok`` False.
    on_file_server: bool = False
    # A file (a web.config) rather than a folder; a grant for it goes to its folder.
    is_file: bool = False
    # The file's DACL does not inherit from its folder (a grant on the folder would not reach it).
    protected_file: bool = False


@dataclass(frozen=True, slots=True)
class CheckResult:
    target: TargetRef
    physical_path: str
    anonymous: Identity | None
    worker: Identity
    requirements: tuple[Requirement, ...]
    status: CheckStatus
    problem: Message | None = None
    # Findings of too much access (bridge.excess.with_excess adds them).
    excessive: tuple[Excess, ...] = ()
    # Everyone who reads the content, with the role they read it in (the worker and anonymous too).
    readers: tuple[Reader, ...] = ()
    # What the admin should know about who reads it (why a worker carries two SIDs, groups that
    # could not be computed, URL authorization's deny rules, ...).
    notes: tuple[Message, ...] = ()
    # The change(s) that would meet every requirement, or why none can (bridge.recommend adds it).
    recommendation: Recommendation | None = None


@dataclass(frozen=True)
class Around:
    """What a check reads besides the target's folder: the other paths' ACLs (web.config files,
    Temporary ASP.NET Files), the server's facts and the group memberships it computed.

    One Around serves every target checked from the same reading: what many of them share (each
    pool's worker identity, the requirement on a web.config several targets read or on a pool's
    Temporary ASP.NET Files) is worked out once and shared, keyed by pool name (one reading names
    each pool once). A whole server is 60,000 targets over a few hundred pools.
    """

    paths: Mapping[str, PathAccess] = field(default_factory=dict)
    server: ServerFacts | None = None
    memberships: Mapping[str, Membership] = field(default_factory=dict)
    # Each target's web.config files where the caller worked them out already (a whole-server check
    # does, to ask for their ACLs); a target not in it has them worked out again.
    config_files: Mapping[TargetRef, tuple[ConfigFile, ...]] = field(default_factory=dict)
    # Made afresh with each Around (also by dataclasses.replace), so no reading serves another's.
    _shared: dict[tuple[str, ...], object] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def worker(self, pool: AppPool) -> Identity:
        """The pool's worker identity (bridge.readers.worker_identity), worked out once per pool."""
        return self.once(("worker", pool.name), lambda: worker_identity(pool, self.memberships))

    def files(self, target: Target) -> tuple[ConfigFile, ...]:
        """The web.config files IIS reads for the target's URL (bridge.server_files.config_files)."""
        found = self.config_files.get(target.ref)
        return config_files(target) if found is None else found

    def once(self, key: tuple[str, ...], make: Callable[[], T]) -> T:
        """``make()``'s answer for ``key``, made the first time it is asked for."""
        found = self._shared.get(key)
        if found is None:
            found = self._shared[key] = make()
        return cast(T, found)


# Why a folder cannot be checked or fixed from this server.
PATH_UNC = translate(
    "Bridge",
    "{path} is a network share. The accounts on this server (such as IUSR) mean nothing on the "
    "file server, so access must be granted there, to the account the share is reached as.",
    "path-unc",
)
PATH_MISSING = translate(
    "Bridge", "{path} does not exist on the server; IIS cannot serve content from it.", "path-missing"
)
PATH_VARIABLE = translate(
    "Bridge",
    "{path} uses %{variable}%, which is not defined on the server (IIS expands it there): IIS cannot "
    "serve content from it. Define the variable on the server or give the full path.",
    "path-variable",
)
NOT_A_FOLDER = translate("Bridge", "{path} is a file, not a folder.", "not-a-folder")
PATH_UNREADABLE = translate(
    "Bridge", "The folder's permissions could not be read: {error}", "path-unreadable"
)

# Why a requirement is met or not. {effective} and {needs} are level phrases (level_phrase).
OK = translate(
    "Bridge", "{name} has {effective} access to {path}, which covers the {needs} access it needs.", "ok"
)
WORKER_MISSING = translate(
    "Bridge",
    "The worker process of application pool {pool} runs as {name}, which has {effective} access to "
    "{path} but needs {needs}: IIS answers HTTP 500.19 (0x80070005).",
    "worker-missing",
)
WORKER_ANONYMOUS_MISSING = translate(
    "Bridge",
    "The worker process of application pool {pool} runs as {name}, and anonymous requests run as the "
    "pool identity too. It has {effective} access to {path} but needs {needs}: IIS answers HTTP 500.19 "
    "(0x80070005) or 401.3.",
    "worker-anonymous-missing",
)
ANONYMOUS_MISSING = translate(
    "Bridge",
    "Anonymous requests run as {name}, which has {effective} access to {path} but needs {needs}: "
    "IIS answers HTTP 401.3.",
    "anonymous-missing",
)
ANONYMOUS_UNRESOLVED = translate(
    "Bridge",
    "Anonymous requests run as {name}, an account the server could not resolve to a SID; "
    "its access cannot be checked.",
    "anonymous-unresolved",
)
MANUAL_GROUP_MISSING = translate(
    "Bridge",
    "The worker process of application pool {pool} runs as {name}, which has {effective} access to "
    "{path} but needs {needs}: IIS answers HTTP 500.19 (0x80070005). IIS_IUSRS has the access, but the "
    "pool sets manualGroupMembership and {name} is not a stored member of IIS_IUSRS, so its worker "
    "does not carry the group.",
    "manual-group-missing",
)
OK_MANUAL_MEMBER = translate(
    "Bridge",
    "{name} has {effective} access to {path}, which covers the {needs} access it needs, through "
    "IIS_IUSRS: application pool {pool} sets manualGroupMembership, and its worker carries the group "
    "because {member} is a stored member.",
    "ok-manual-member",
)
BLOCKED = translate(
    "Bridge",
    "{name} needs {needs} access to {path}, but a deny entry for {denied} takes it away: "
    "adding an allow entry would not help. Remove or narrow the deny entry first.",
    "blocked",
)

CONNECT_AS_MISSING = translate(
    "Bridge",
    "Virtual directory {directory} reads its content and web.config files as {name} (Connect as), which "
    "has {effective} access to {path} but needs {needs}: IIS answers HTTP 500.19 (0x80070005) or 401.3.",
    "connect-as-missing",
)
AUTHENTICATED_MISSING = translate(
    "Bridge",
    "Users who sign in (Windows, Basic or Digest authentication) are read as {name}, which has {effective} "
    "access to {path} but needs {needs}: IIS answers HTTP 401.3.",
    "authenticated-missing",
)
IMPERSONATED_MISSING = translate(
    "Bridge",
    "ASP.NET impersonates {name} (system.web/identity), which has {effective} access to {path} but needs "
    "{needs}: the application's code fails with access denied.",
    "impersonated-missing",
)
CONFIG_FILE_MISSING = translate(
    "Bridge",
    "{name} reads {path} for every request but has {effective} access to it: IIS answers HTTP 500.19 "
    '(0x80070005, "Cannot read configuration file due to insufficient permissions").',
    "config-file-missing",
)
CONFIG_FILE_PROTECTED = translate(
    "Bridge",
    "{name} reads {path} for every request but has {effective} access to it: IIS answers HTTP 500.19 "
    "(0x80070005). The file does not inherit its folder's permissions, so a grant on the folder would not "
    "reach it: turn inheritance back on for the file (Advanced security settings) or grant on the file "
    "itself.",
    "config-file-protected",
)
TEMPORARY_FILES_MISSING = translate(
    "Bridge",
    "The worker process of application pool {pool} runs as {name}, which has {effective} access to {path} "
    "but needs {needs}: ASP.NET compiles the application's pages there and fails without it (IIS_IUSRS "
    "holds Modify there by default).",
    "temporary-files-missing",
)
ON_FILE_SERVER = translate(
    "Bridge",
    "{path} is on a network share, read as {name}: grant it {needs} on the file server, on the share and in "
    "its NTFS permissions. A grant on this server changes nothing there.",
    "on-file-server",
)
UNRESOLVED = translate(
    "Bridge",
    "{name} reads {path}, but the server could not resolve the account to a SID: its access cannot be "
    "checked.",
    "account-unresolved",
)
LOCAL_SERVICE_ON_SHARE = translate(
    "Bridge",
    "Application pool {pool} runs as LocalService, which presents anonymous credentials on the network: no "
    "grant on the file server can let its worker read {path}. Run the pool as ApplicationPoolIdentity or "
    "NetworkService (the file server then sees the computer account), or set Connect as on the virtual "
    "directory.",
    "local-service-on-share",
)

_MISSING: dict[Role, Text] = {
    "worker": WORKER_MISSING,
    "anonymous": ANONYMOUS_MISSING,
    "connect-as": CONNECT_AS_MISSING,
    "authenticated": AUTHENTICATED_MISSING,
    "impersonated": IMPERSONATED_MISSING,
}

_LEVEL_WORDS = {
    AccessLevel.NONE: "no",
    AccessLevel.READ: "Read",
    AccessLevel.READ_EXECUTE: "Read & execute",
    AccessLevel.MODIFY: "Modify",
    AccessLevel.FULL_CONTROL: "Full control",
}

# A level inside a reason's sentence. English puts "access" after it; German needs a phrase that
# changes with the level ("keinen Zugriff", "die Berechtigung „Lesen“", "Vollzugriff").
_LEVEL_PHRASES = {
    AccessLevel.NONE: translate("Bridge", "no", "level-in-sentence-none"),
    AccessLevel.READ: translate("Bridge", "Read", "level-in-sentence-read"),
    AccessLevel.READ_EXECUTE: translate("Bridge", "Read & execute", "level-in-sentence-read-execute"),
    AccessLevel.MODIFY: translate("Bridge", "Modify", "level-in-sentence-modify"),
    AccessLevel.FULL_CONTROL: translate("Bridge", "Full control", "level-in-sentence-full-control"),
}


def level_word(level: AccessLevel) -> str:
    """The English word an administrator knows from the Security tab."""
    return _LEVEL_WORDS[level]


# Made once: every reason names two levels, and a message is immutable, so all may share them.
_LEVEL_PHRASE_MESSAGES = {level: text() for level, text in _LEVEL_PHRASES.items()}


def level_phrase(level: AccessLevel) -> Message:
    """The level as it stands in a reason's sentence (the English word; a whole phrase in German)."""
    return _LEVEL_PHRASE_MESSAGES[level]


# What ExpandEnvironmentVariables leaves behind for a variable the server does not define.
_UNEXPANDED = re.compile(r"%([^%\\/:]+)%")


def undefined_variable_problem(expanded_path: str) -> Message | None:
    """The message for a physical path still holding ``%NAME%`` after the server expanded it, if so."""
    found = _UNEXPANDED.search(expanded_path)
    if found is None:
        return None
    return PATH_VARIABLE(path=expanded_path, variable=found[1])


def unfixable_problem(path_access: PathAccess) -> Message | None:
    """Why the folder cannot be checked or fixed from this server (share, missing, unreadable), if so."""
    unexpanded = undefined_variable_problem(path_access.path) if not path_access.exists else None
    if unexpanded is not None:
        return unexpanded
    # Ordered: the first that applies explains the problem.
    problems = (
        (PATH_UNC, path_access.is_unc),
        (PATH_UNREADABLE, path_access.error is not None),
        (PATH_MISSING, not path_access.exists),
        (NOT_A_FOLDER, not path_access.is_directory),
        (PATH_UNREADABLE, path_access.dacl is None),
    )
    problem = next((text for text, applies in problems if applies), None)
    return None if problem is None else problem(path=path_access.path, error=path_access.error or "")


def _level(path_access: PathAccess, token: frozenset[str]) -> AccessLevel:
    dacl = path_access.dacl
    assert dacl is not None, "unreadable paths are reported before requirements are built"
    # A file is one object: what applies to it is what it holds, not what it would pass on.
    if path_access.is_directory:
        return content_level(dacl, token)
    return own_level(dacl, token)


def _requirement(
    reader: Reader,
    path_access: PathAccess,
    *,
    missing: Text,
    pool: AppPool,
    extra: Mapping[str, MessageParam] | None = None,
) -> Requirement:
    role, identity, needs = reader.role, reader.identity, reader.needs
    dacl = path_access.dacl
    assert dacl is not None, "unfixable paths are reported before requirements are built"
    effective = _level(path_access, identity.token) if identity.sid is not None else AccessLevel.NONE
    ok = identity.sid is not None and effective >= needs
    blocked = (
        not ok
        and identity.sid is not None
        and blocked_by_deny(dacl, identity.token, identity.sid, needs.mask)
    )
    params: dict[str, MessageParam] = {
        "name": identity.name,
        "pool": pool.name,
        "path": path_access.path,
        "needs": level_phrase(needs),
        "effective": level_phrase(effective),
        **(extra or {}),
    }
    manual = _manual_group_text(role, identity, needs, dacl, pool, ok=ok)
    protected_file = not path_access.is_directory and path_access.protected
    if identity.sid is None:
        text = ANONYMOUS_UNRESOLVED if role == "anonymous" else UNRESOLVED
    elif blocked:
        text = BLOCKED
        denied = dict.fromkeys(ace.sid for ace in denying_aces(dacl, identity.token, needs.mask))
        params["denied"] = ", ".join(path_access.account_name(sid) or sid for sid in denied)
    elif manual is not None:
        text = manual
        params["member"] = _member_name(pool, path_access)
    elif ok:
        text = OK
    elif protected_file:
        text = CONFIG_FILE_PROTECTED
    else:
        text = missing
    return Requirement(
        role=role,
        path=path_access.path,
        name=identity.name,
        sid=identity.sid,
        token=identity.token,
        needs=needs,
        effective=effective,
        ok=ok,
        blocked_by_deny=blocked,
        reason=text(**params),
        is_file=not path_access.is_directory,
        protected_file=protected_file and not ok,
    )


def _manual_group_text(
    role: Role, identity: Identity, needs: AccessLevel, dacl: Dacl, pool: AppPool, *, ok: bool
) -> Text | None:
    """Why a manual pool's worker has or lacks the access, when IIS_IUSRS alone decides it."""
    if role != "worker" or not pool.manual_group_membership:
        return None
    if ok and pool.carries_iis_iusrs and content_level(dacl, identity.token - {IIS_IUSRS}) < needs:
        return OK_MANUAL_MEMBER
    if not ok and not pool.carries_iis_iusrs and content_level(dacl, identity.token | {IIS_IUSRS}) >= needs:
        return MANUAL_GROUP_MISSING
    return None


def _member_name(pool: AppPool, path_access: PathAccess) -> str:
    member = pool.iis_iusrs_member
    if member is None:
        return ""
    if member == pool.sid:
        return app_pool_account(pool.name)
    if member == pool.identity_sid:
        return pool.identity_account
    return path_access.account_name(member) or member


def _status(requirements: tuple[Requirement, ...]) -> CheckStatus:
    if all(requirement.ok for requirement in requirements):
        return CheckStatus.OK
    if any(requirement.blocked_by_deny for requirement in requirements):
        return CheckStatus.BLOCKED
    return CheckStatus.MISSING


def _on_file_server(
    reader: Reader, path_access: PathAccess, pool: AppPool, server: ServerFacts | None
) -> Requirement:
    """A reader of content on a share: named as the file server sees it, never checked from here."""
    seen = network_identity(reader, pool, server)
    path = path_access.path
    if seen is None:
        reason = LOCAL_SERVICE_ON_SHARE(pool=pool.name, path=path)
        name, sid, token = reader.identity.name, None, frozenset[str]()
    else:
        name, sid, token = seen.name, seen.sid, seen.token
        reason = ON_FILE_SERVER(path=path, name=seen.name, needs=level_phrase(reader.needs))
    return Requirement(
        role=reader.role,
        path=path,
        name=name,
        sid=sid,
        token=token,
        needs=reader.needs,
        effective=AccessLevel.NONE,
        ok=False,
        blocked_by_deny=False,
        reason=reason,
        on_file_server=True,
    )


def _content_requirement(
    reader: Reader, target: Target, pool: AppPool, path_access: PathAccess, anonymous_is_worker: bool
) -> Requirement:
    missing = _MISSING[reader.role]
    if reader.role == "worker" and anonymous_is_worker:
        missing = WORKER_ANONYMOUS_MISSING
    return _requirement(reader, path_access, missing=missing, pool=pool, extra={"directory": str(target.ref)})


def _config_file_requirements(
    target: Target, readers: tuple[Reader, ...], pool: AppPool, around: Around
) -> list[Requirement]:
    """Read on every web.config IIS reads for the URL, for the worker or the file's Connect-as user.

    The site root's web.config is read for each of the site's targets: its requirement is made once."""
    found = []
    for config in around.files(target):
        access = around.paths.get(config.path)
        if access is None or not access.exists or access.is_directory or access.dacl is None:
            continue
        make = partial(_config_file_requirement, config, pool, access, around)
        found.append(around.once(("config", config.path, pool.name), make))
    return found


def _config_file_requirement(
    config: ConfigFile, pool: AppPool, access: PathAccess, around: Around
) -> Requirement:
    connect_as = config.directory.connect_as
    if connect_as is not None:
        reader = Reader(
            "connect-as", account_identity(connect_as.account, around.memberships), AccessLevel.READ
        )
    else:
        reader = Reader("worker", around.worker(pool), AccessLevel.READ)
    return _requirement(reader, access, missing=CONFIG_FILE_MISSING, pool=pool)


def _temporary_files_requirement(pool: AppPool, around: Around) -> Requirement | None:
    """Modify on the pool's Temporary ASP.NET Files folder, when it runs managed code (the same for
    each of the pool's targets: made once)."""
    folder = temporary_aspnet_folder(pool, around.server.windir if around.server is not None else None)
    access = around.paths.get(folder) if folder is not None else None
    if access is None or not access.readable or not access.is_directory:
        return None
    reader = Reader("worker", around.worker(pool), AccessLevel.MODIFY)
    make = partial(_requirement, reader, access, missing=TEMPORARY_FILES_MISSING, pool=pool)
    return around.once(("temporary", pool.name), make)


def check_target(
    target: Target,
    pool: AppPool,
    path_access: PathAccess,
    *,
    needs_write: bool = False,
    around: Around | None = None,
) -> CheckResult:
    """Who needs what on the target's folder (and the files IIS reads for it) and whether they have it.

    ``needs_write`` is the administrator saying the application writes to this folder: then its
    writer (the worker, or whoever ASP.NET impersonates) needs Modify rather than Read. ``around``
    holds what the check read besides the folder; without it only the folder is checked.
    """
    around = around or Around()
    memberships = around.memberships
    worker = around.worker(pool)
    anonymous = anonymous_identity(target, pool, memberships, worker=worker)
    readers = content_readers(target, pool, memberships, needs_write=needs_write, worker=worker)
    notes = identity_notes(target, pool, readers, memberships, worker=worker)
    problem = unfixable_problem(path_access)
    status = CheckStatus.UNFIXABLE
    if path_access.is_unc:
        found = tuple(_on_file_server(reader, path_access, pool, around.server) for reader in readers)
    elif problem is not None:
        found = ()
    else:
        anonymous_is_worker = anonymous is not None and target.application.anonymous.uses_pool_identity
        requirements = [
            _content_requirement(reader, target, pool, path_access, anonymous_is_worker) for reader in readers
        ]
        requirements += _config_file_requirements(target, readers, pool, around)
        temporary = _temporary_files_requirement(pool, around)
        if temporary is not None:
            requirements.append(temporary)
        found = tuple(requirements)
        status = _status(found)
    # Made once, not built up with dataclasses.replace: a whole server makes 60,000 of these.
    return CheckResult(
        target.ref,
        target.physical_path,
        anonymous,
        worker,
        found,
        status,
        problem=problem,
        readers=readers,
        notes=notes,
    )
