"""Which of the four one-click grants would help a target, and why not where one would not.

The GUI offers four grants beside the recommended fix (IUSR read, IIS_IUSRS modify, the pool
identity's read and modify). A grant that cannot help is greyed out with the reason as its
tooltip, decided here from the check and, once read, the folder's ACL:

- the folder is on a share (the fix belongs on the file server), cannot be checked, or a safety
  rule refuses it;
- the identity does not read the content: a Connect-as directory is read as its user, anonymous
  authentication is off or runs as another account than IUSR, a manualGroupMembership pool's
  worker does not carry IIS_IUSRS;
- the identity already has the access, or a deny entry would still withhold it - exactly as the
  grant's own plan decides (:func:`bridge.plans.plan_grant`).

``None`` for a kind means the grant would help (or may: a subfolder's ACL is not known).
"""

from __future__ import annotations

from bridge.change import Verdict
from bridge.model import AppPool, Message, PathAccess, ServerFacts, Target
from bridge.needs import CheckResult
from bridge.plans import GrantKind, PlanError, grant_path, plan_grant
from bridge.recommend import FIX_ON_FILE_SERVER
from bridge.safety import is_unc, refusal_for, same_path
from bridge.sids import IUSR, app_pool_account, well_known_name
from bridge.wording import translate

# The grants the GUI offers as buttons, in their order there.
BUTTON_KINDS = (GrantKind.IUSR_READ, GrantKind.IIS_IUSRS_MODIFY, GrantKind.POOL_READ, GrantKind.POOL_MODIFY)

ANONYMOUS_OFF = translate(
    "Bridge",
    "Anonymous authentication is off here: no request runs as IUSR, so a grant to it would not help.",
    "choice-anonymous-off",
)
ANONYMOUS_NOT_IUSR = translate(
    "Bridge",
    "Anonymous requests run as {name}, not as IUSR: a grant to IUSR would not help.",
    "choice-anonymous-not-iusr",
)
CONNECT_AS_READS = translate(
    "Bridge",
    "Virtual directory {directory} reads its content as {name} (Connect as): {identity} needs nothing "
    "here to read it.",
    "choice-connect-as",
)
NO_IIS_IUSRS = translate(
    "Bridge",
    "Application pool {pool} sets manualGroupMembership and its identity is not a stored member of "
    "IIS_IUSRS: a grant to IIS_IUSRS does not reach its worker.",
    "choice-no-iis-iusrs",
)


def grant_choices(
    result: CheckResult,
    target: Target,
    pool: AppPool,
    server: ServerFacts | None = None,
    *,
    access: PathAccess | None = None,
    subpath: str | None = None,
) -> dict[GrantKind, Message | None]:
    """For each button kind, why its grant on ``target``'s folder (or ``subpath`` below it) would
    not help, or None when it would.

    ``access`` is the target's folder as read (its ACL): with it, a grant the plan would find
    already made or blocked by a deny entry is not offered. Without it, or for a subfolder, only
    what the check alone tells is decided.
    """
    try:
        folder = grant_path(target.physical_path, subpath)
    except PlanError as error:
        return dict.fromkeys(BUTTON_KINDS, error.text)
    common = _folder_reason(result, folder, server)
    known = access if access is not None and subpath is None and same_path(access.path, folder) else None
    return {
        kind: common
        or _reader_reason(kind, result, target, pool)
        or _plan_reason(kind, target, pool, server, known)
        for kind in BUTTON_KINDS
    }


def _folder_reason(result: CheckResult, folder: str, server: ServerFacts | None) -> Message | None:
    """Why no grant at all on ``folder`` can help from this server."""
    if is_unc(folder):
        return FIX_ON_FILE_SERVER()
    return result.problem or refusal_for(folder, server=server)


def _reader_reason(kind: GrantKind, result: CheckResult, target: Target, pool: AppPool) -> Message | None:
    """Why the identity the grant names does not read this target's content, if it does not."""
    connect_as = target.directory.connect_as
    if connect_as is not None and kind in (GrantKind.IUSR_READ, GrantKind.POOL_READ):
        iusr = well_known_name(IUSR) or "IUSR"
        identity = iusr if kind is GrantKind.IUSR_READ else app_pool_account(pool.name)
        return CONNECT_AS_READS(directory=str(target.ref), name=connect_as.account.name, identity=identity)
    if kind is GrantKind.IUSR_READ:
        # Who anonymous requests run as, as the check decided it (None: anonymous authentication is off).
        anonymous = result.anonymous
        if anonymous is None:
            return ANONYMOUS_OFF()
        if anonymous.sid != IUSR:
            return ANONYMOUS_NOT_IUSR(name=anonymous.name)
    if kind is GrantKind.IIS_IUSRS_MODIFY and not pool.carries_iis_iusrs:
        return NO_IIS_IUSRS(pool=pool.name)
    return None


def _plan_reason(
    kind: GrantKind, target: Target, pool: AppPool, server: ServerFacts | None, access: PathAccess | None
) -> Message | None:
    """What the grant's own plan says against it: already there, refused, or a deny entry wins."""
    if access is None:
        return None
    plan = plan_grant(kind, host="", target=target, path_access=access, pool=pool, server=server)
    verdict, why = plan.verdict
    return None if verdict is Verdict.APPLY else why
