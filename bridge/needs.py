"""Who needs what on a site's, application's or virtual directory's folder, and whether they have it.

The worker process identity needs Read on all content (else HTTP 500.19,
0x80070005). When anonymous authentication is on, the anonymous identity
needs Read too (else 401.3): IUSR, a named account, or - when userName is
empty - the pool identity itself, which then is one requirement, not two.
Write access is needed only where the administrator says the application
writes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Literal

from bridge.access import AccessLevel, blocked_by_deny, content_level, denying_aces
from bridge.model import AppPool, Message, MessageParam, PathAccess, Target, TargetRef
from bridge.sddl import Dacl
from bridge.sids import IIS_IUSRS, IUSR, anonymous_token, app_pool_account, well_known_name
from bridge.wording import Text, translate

if TYPE_CHECKING:
    from bridge.excess import Excess

# Who a requirement is for: the worker process, the anonymous identity, a virtual directory's
# "Connect as" user, the users who sign in (Windows, Basic or Digest authentication), or the user
# ASP.NET impersonates.
Role = Literal["worker", "anonymous", "connect-as", "authenticated", "impersonated"]


class CheckStatus(Enum):
    OK = "ok"
    MISSING = "missing"
    BLOCKED = "blocked"
    UNFIXABLE = "unfixable"
    # Every requirement met, but someone has more than the site needs (bridge.excess).
    TOO_MUCH = "too-much"


@dataclass(frozen=True)
class Identity:
    """An account requests run as: ``sid`` is the one a grant should name (None if unresolved)."""

    name: str
    sid: str | None
    token: frozenset[str]


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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


def worker_identity(pool: AppPool) -> Identity:
    """The pool's virtual account, named with its own SID: every worker token of the pool holds it.

    For a NetworkService, LocalSystem or specific-user pool the process runs as another account
    (``AppPool.identity_account``), but naming that account beside the pool SID would show an
    admin a name and a SID that belong to different principals.
    """
    return Identity(name=app_pool_account(pool.name), sid=pool.sid, token=pool.token)


def anonymous_identity(target: Target, pool: AppPool) -> Identity | None:
    """Who anonymous requests run as for this target, or None when anonymous authentication is off."""
    anonymous = target.application.anonymous
    if not anonymous.enabled:
        return None
    if anonymous.uses_pool_identity:
        return worker_identity(pool)
    sid = anonymous.user_sid
    if sid is None and anonymous.user_name.casefold() == "iusr":
        sid = IUSR
    name = well_known_name(sid) if sid == IUSR else anonymous.user_name
    return Identity(
        name=name or anonymous.user_name,
        sid=sid,
        token=anonymous_token(sid) if sid is not None else frozenset(),
    )


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


def _requirement(
    role: Role,
    identity: Identity,
    needs: AccessLevel,
    path_access: PathAccess,
    *,
    missing: Text,
    pool: AppPool,
) -> Requirement:
    dacl = path_access.dacl
    assert dacl is not None, "unfixable paths are reported before requirements are built"
    effective = content_level(dacl, identity.token) if identity.sid is not None else AccessLevel.NONE
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
    }
    manual = _manual_group_text(role, identity, needs, dacl, pool, ok=ok)
    if identity.sid is None:
        text = ANONYMOUS_UNRESOLVED
    elif blocked:
        text = BLOCKED
        denied = dict.fromkeys(ace.sid for ace in denying_aces(dacl, identity.token, needs.mask))
        params["denied"] = ", ".join(path_access.account_name(sid) or sid for sid in denied)
    elif manual is not None:
        text = manual
        params["member"] = _member_name(pool, path_access)
    elif ok:
        text = OK
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


def check_target(
    target: Target, pool: AppPool, path_access: PathAccess, *, needs_write: bool = False
) -> CheckResult:
    """Who needs what on the target's folder and whether they have it.

    ``needs_write`` is the administrator saying the application writes to
    this folder: then the worker identity needs Modify rather than Read.
    """
    worker = worker_identity(pool)
    anonymous = anonymous_identity(target, pool)
    problem = unfixable_problem(path_access)
    if problem is not None:
        return CheckResult(
            target.ref, target.physical_path, anonymous, worker, (), CheckStatus.UNFIXABLE, problem
        )
    anonymous_is_worker = anonymous is not None and target.application.anonymous.uses_pool_identity
    requirements = [
        _requirement(
            "worker",
            worker,
            AccessLevel.MODIFY if needs_write else AccessLevel.READ,
            path_access,
            missing=WORKER_ANONYMOUS_MISSING if anonymous_is_worker else WORKER_MISSING,
            pool=pool,
        )
    ]
    if anonymous is not None and not anonymous_is_worker:
        requirements.append(
            _requirement(
                "anonymous",
                anonymous,
                AccessLevel.READ,
                path_access,
                missing=ANONYMOUS_MISSING,
                pool=pool,
            )
        )
    result = tuple(requirements)
    return CheckResult(target.ref, target.physical_path, anonymous, worker, result, _status(result))
