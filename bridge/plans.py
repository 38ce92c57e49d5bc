"""Grant plans: what one confirmed click would change, shown before anything is changed.

A plan names the host, the folder, the identity by SID and name, the rights
and inheritance, the equivalent ``icacls`` line and PowerShell, any
warnings, and whether it must be refused, is a no-op (the identity already
has the right) or would not help (a deny entry still wins).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from typing import Literal

from bridge import propagation
from bridge.access import (
    AccessLevel,
    blocked_by_deny,
    content_level,
    describe_disorder,
    out_of_order,
    with_explicit_allow,
)
from bridge.change import Change, ChangeKind, Script, Verdict
from bridge.display import quoted
from bridge.model import AppPool, Message, MessageParam, PathAccess, ServerFacts, Target, TargetRef
from bridge.needs import (
    Requirement,
    check_target,
    level_phrase,
    undefined_variable_problem,
    unfixable_problem,
)
from bridge.reduce import http_answer
from bridge.rights import RIGHTS_BY_NAME, icacls_letters
from bridge.safety import (
    broad_grant_warning,
    iis_iusrs_modify_warning,
    refusal_for,
    same_path,
    temporary_aspnet_exception,
)
from bridge.scripts import Operation
from bridge.sddl import NO_CONTEXT, Dacl, format_dacl
from bridge.sids import (
    IIS_IUSRS,
    IUSR,
    WORKER_GROUPS,
    anonymous_token,
    app_pool_account,
    is_valid_sid,
    well_known_name,
)
from bridge.wording import translate

Rights = Literal["ReadAndExecute", "Modify"]

INHERITANCE = "ContainerInherit, ObjectInherit"
INHERITANCE_TEXT = "this folder, subfolders and files"

_INVALID_NAME_CHARS = re.compile(r'[<>:"|?*\x00-\x1f]')


ALREADY_HAS = translate("Bridge", "{identity} already has this access to {path}.", "already-has-access")
DENY_STILL_WINS = translate(
    "Bridge",
    "A deny entry on {path} would still withhold the access; an allow entry cannot help.",
    "deny-still-wins",
)


class PlanError(ValueError):
    """The request cannot even be planned (e.g. a subfolder that escapes the target folder)."""

    def __init__(self, text: Message) -> None:
        super().__init__(text.describe())
        self.text = text


NOT_RELATIVE = translate(
    "Bridge",
    "{subpath} is not a relative subfolder name (no drive, share or leading separator).",
    "not-relative",
)
NOT_BELOW = translate(
    "Bridge", "{subpath} must name a subfolder below the target, without '.' or '..'.", "not-below"
)
OTHER_FOLDER_STATE = translate(
    "Bridge", "The folder state given is for {given}, not {path}.", "other-folder-state"
)
GRANT_NOT_A_SID = translate(
    "Bridge",
    "{sid} is not a SID such as S-1-5-11 (account-read and account-modify grant a SID).",
    "grant-not-a-sid",
)
# What confirming achieves, said before the admin confirms.
AFTER_THIS = translate("Bridge", "After this, {identity} has {rights} on {path}.", "after-this")
AFTER_THIS_FIXES = translate(
    "Bridge", "After this, {identity} has {rights} on {path} — fixes HTTP {answers}.", "after-this-fixes"
)


class GrantKind(Enum):
    IUSR_READ = "iusr-read"
    IIS_IUSRS_MODIFY = "iis-iusrs-modify"
    POOL_READ = "pool-read"
    POOL_MODIFY = "pool-modify"
    # Any account a check named, by SID: a Connect-as user, a signed-in user or group, an
    # impersonated user, a pool SID on Temporary ASP.NET Files, Authenticated Users...
    ACCOUNT_READ = "account-read"
    ACCOUNT_MODIFY = "account-modify"

    @property
    def rights(self) -> Rights:
        modify = (GrantKind.IIS_IUSRS_MODIFY, GrantKind.POOL_MODIFY, GrantKind.ACCOUNT_MODIFY)
        return "Modify" if self in modify else "ReadAndExecute"

    @property
    def names_account(self) -> bool:
        """Whether the grant is for an account the caller names by SID (the others know theirs)."""
        return self in (GrantKind.ACCOUNT_READ, GrantKind.ACCOUNT_MODIFY)

    @property
    def needed(self) -> AccessLevel:
        """The level that makes the grant unnecessary: Read is what serving content needs."""
        return AccessLevel.MODIFY if self.rights == "Modify" else AccessLevel.READ


@dataclass(frozen=True)
class GrantPlan:
    kind: GrantKind
    host: str
    # The site, application or virtual directory whose folder (or subfolder) the grant is for.
    target: TargetRef
    path: str
    sid: str
    display_name: str
    rights: Rights
    inheritance: str
    inheritance_text: str
    icacls: str
    powershell: str
    warnings: tuple[Message, ...]
    refusal: Message | None
    noop: bool
    blocked_by_deny: bool
    expected_sddl: str | None
    # Files and folders below ``path`` that Windows writes the entry to (None: not told), see
    # bridge/propagation.py; False ``items_below_complete`` means "at least".
    items_below: int | None = None
    items_below_complete: bool = False
    # The ACL the grant should leave, as the host would print it (None when it cannot be made).
    expected_after: str | None = None
    # The requirements of the target it would meet, each as the check would then word it.
    fixes: tuple[Message, ...] = ()
    # What confirming achieves: "After this, IIS AppPool\Shop has Read & execute on D:\Sites\Shop —
    # fixes HTTP 500.19 (0x80070005)." (None when the grant is not to be made.)
    outcome: Message | None = None

    @property
    def applicable(self) -> bool:
        """Whether confirming the plan should run the grant."""
        return self.refusal is None and not self.noop and not self.blocked_by_deny

    @property
    def verdict(self) -> tuple[Verdict, Message | None]:
        """What confirming would do, and the message that says why when it is not a grant."""
        if self.noop:
            # Access already there is "nothing to do" even on a folder no grant may touch.
            return Verdict.NOTHING_TO_DO, ALREADY_HAS(identity=self.display_name, path=self.path)
        if self.refusal is not None:
            return Verdict.REFUSED, self.refusal
        if self.blocked_by_deny:
            return Verdict.BLOCKED, DENY_STILL_WINS(path=self.path)
        return Verdict.APPLY, None

    @property
    def change(self) -> Change:
        """The grant as a change: what the confirmation shows, the journal keeps and undo takes back."""
        verdict, reason = self.verdict
        script = None
        if verdict is Verdict.APPLY and self.expected_sddl is not None:
            parameters = {"Path": self.path, "Sid": self.sid, "Rights": self.rights}
            # Windows propagates the entry through the tree below in the same call: give it the time.
            timeout = propagation.allowance(self.items_below)
            script = Script(Operation.GRANT, parameters | {"ExpectedSddl": self.expected_sddl}, timeout)
        return Change(
            kind=ChangeKind.GRANT,
            host=self.host,
            target=str(self.target),
            folder=self.path,
            before=self.expected_sddl,
            expected_after=self.expected_after,
            verdict=verdict,
            reason=reason,
            identity=self.display_name,
            sid=self.sid,
            rights=self.rights,
            label=self.kind.value,
            icacls=(self.icacls,),
            powershell=self.powershell,
            script=script,
            warnings=self.warnings,
            fixes=self.fixes,
            outcome=self.outcome,
        )


def grant_path(folder: str, subpath: str | None) -> str:
    """The folder a grant goes to: the target folder, or a relative subfolder of it."""
    if subpath is None:
        return folder
    parts = subpath.replace("/", "\\").strip("\\").split("\\")
    if subpath.startswith(("\\", "/")) or _INVALID_NAME_CHARS.search(subpath) or not subpath.strip():
        raise PlanError(NOT_RELATIVE(subpath=quoted(subpath)))
    if any(part in ("", ".", "..") or part != part.rstrip(" .") for part in parts):
        raise PlanError(NOT_BELOW(subpath=quoted(subpath)))
    return folder.rstrip("\\/") + "\\" + "\\".join(parts)


@dataclass(frozen=True)
class Grantee:
    """The account an account-read or account-modify grant names: its SID, the name to show (None:
    as the folder's ACL or Windows names it) and the token whose effective access makes the grant a
    no-op (None: the SID alone; a check's requirement passes its identity's token, groups and all)."""

    sid: str
    name: str | None = None
    token: Iterable[str] | None = None


def _identity(
    kind: GrantKind, pool: AppPool, grantee: Grantee | None, path_access: PathAccess
) -> tuple[str, str, frozenset[str]]:
    """The SID to grant, its display name, and the token whose access makes the grant a no-op."""
    if kind.names_account != (grantee is not None):
        raise ValueError(f"a {kind.value} grant {'needs' if kind.names_account else 'takes no'} grantee")
    if grantee is not None:
        if not is_valid_sid(grantee.sid):
            raise PlanError(GRANT_NOT_A_SID(sid=quoted(grantee.sid)))
        sid = grantee.sid
        name = grantee.name or path_access.account_name(sid) or sid
        # Granting the SID can only help a token that holds it.
        return sid, name, frozenset(grantee.token or ()) | {sid}
    if kind is GrantKind.IUSR_READ:
        return IUSR, well_known_name(IUSR) or IUSR, anonymous_token()
    if kind is GrantKind.IIS_IUSRS_MODIFY:
        # A right every worker already holds through a shared group needs no grant to IIS_IUSRS.
        return IIS_IUSRS, well_known_name(IIS_IUSRS) or IIS_IUSRS, WORKER_GROUPS
    return pool.sid, app_pool_account(pool.name), pool.token


# PowerShell ends a single-quoted string at any of these, not only at the ASCII apostrophe
# (about_Quoting_Rules; the tokenizer's SingleQuote set): each is doubled to stand for itself.
_POWERSHELL_QUOTES = re.compile("['\u2018\u2019\u201a\u201b]")


def quote_powershell(text: str) -> str:
    """``text`` as a PowerShell single-quoted string: verbatim, nothing in it expands or runs."""
    return "'" + _POWERSHELL_QUOTES.sub(lambda quote: quote.group() * 2, text) + "'"


def quote_cmd(text: str) -> str:
    """One double-quoted argument for cmd.exe that icacls reads back as ``text``.

    ``%`` would expand a variable even inside quotes: each leaves the quotes and is caret-escaped
    (``"a"^%"b"``). A ``"`` is doubled, which keeps cmd inside the quotes and which the C runtime's
    argument parser reads as one quote. Backslashes before the closing quote are doubled so they do
    not escape it.
    """
    body = text.replace('"', '""').replace("%", '"^%"')
    closing = "\\" * (len(body) - len(body.rstrip("\\")))
    return f'"{body}{closing}"'


def icacls_line(path: str, sid: str, rights: Rights) -> str:
    """The equivalent icacls command: one inheritable ACE on the folder, by SID, never ``/T``."""
    return f'icacls {quote_cmd(path)} /grant "*{sid}:(OI)(CI){icacls_letters(rights)}"'


def powershell_lines(path: str, sid: str, rights: Rights) -> str:
    """The equivalent Windows PowerShell, for display: the same calls the grant script makes."""
    item = f"(Get-Item -LiteralPath {quote_powershell(path)})"
    return "\n".join(
        (
            f"$acl = {item}.GetAccessControl('Access')",
            "$rule = New-Object System.Security.AccessControl.FileSystemAccessRule("
            f"(New-Object System.Security.Principal.SecurityIdentifier('{sid}')), '{rights}', "
            f"'{INHERITANCE}', 'None', 'Allow')",
            "$acl.AddAccessRule($rule)",
            f"{item}.SetAccessControl($acl)",
        )
    )


NOT_CANONICAL = translate(
    "Bridge",
    "The ACL of {path} is not in canonical order ({entries} out of place): Windows refuses to add an "
    "entry to it (AddAccessRule throws). Open the folder's Security tab in Explorer, which offers to "
    "reorder it, then check again.",
    "dacl-not-canonical",
)


def _not_canonical(path: str, dacl: Dacl | None) -> Message | None:
    disorder = () if dacl is None else out_of_order(dacl)
    if not disorder:
        return None
    return NOT_CANONICAL(path=path, entries=describe_disorder(disorder))


def _fixes(target: Target, pool: AppPool, before: PathAccess, after: PathAccess) -> tuple[Requirement, ...]:
    """What a grant would fix: each requirement missing now and met once the ACL is ``after``."""
    now, then = check_target(target, pool, before), check_target(target, pool, after)
    return tuple(
        met for was, met in zip(now.requirements, then.requirements, strict=True) if met.ok and not was.ok
    )


def _outcome(name: str, level: AccessLevel, path: str, fixed: Sequence[Requirement]) -> Message:
    """The sentence that says what the grant achieves, and the answers of IIS it ends."""
    answers = ", ".join(dict.fromkeys(http_answer(requirement.role) for requirement in fixed))
    params: dict[str, MessageParam] = {"identity": name, "rights": level_phrase(level), "path": path}
    return AFTER_THIS_FIXES(answers=answers, **params) if answers else AFTER_THIS(**params)


def plan_grant(
    kind: GrantKind,
    *,
    host: str,
    target: Target,
    path_access: PathAccess,
    pool: AppPool,
    subpath: str | None = None,
    path: str | None = None,
    grantee: Grantee | None = None,
    token: Iterable[str] | None = None,
    windir: str | None = None,
    server: ServerFacts | None = None,
    pools: Sequence[AppPool] = (),
    pools_without_group: tuple[str, ...] = (),
) -> GrantPlan:
    """Plan one grant on ``target``'s folder (or a subfolder), whose current state is ``path_access``.

    The grant goes to the target's folder, a relative ``subpath`` below it, or ``path``: a folder
    the check named for the target outside it (the folder of a ``web.config`` above it, Temporary
    ASP.NET Files; the caller decides which are named). ``path_access`` must describe that folder.
    An account-read or account-modify grant names its ``grantee``; the other kinds know their SID.
    ``token`` replaces the token whose effective access makes the grant a no-op (the requirement's
    identity's, say). ``server`` (or ``windir`` alone) gives the target's own folders when known;
    ``pools`` are the server's pools (the target's ``pool`` alone when not given), whose Temporary
    ASP.NET Files folders are the one exception under the Windows directory;
    ``pools_without_group`` names the server's pools whose worker does not carry IIS_IUSRS.
    """
    if subpath is not None and path is not None:
        raise ValueError("a grant goes to a subpath or to a path, not both")
    folder = path if path is not None else grant_path(target.physical_path, subpath)
    if not same_path(path_access.path, folder):
        raise PlanError(OTHER_FOLDER_STATE(given=path_access.path, path=folder))
    path = folder
    own_folder = same_path(path, target.physical_path)
    sid, name, default_token = _identity(kind, pool, grantee, path_access)
    token = default_token if token is None else frozenset(token) | {sid}
    dacl = path_access.dacl
    windir = windir or (server.windir if server else None)
    exception = temporary_aspnet_exception(sid, kind.rights, pools=pools or (pool,), windir=windir)
    # An unexpanded %VARIABLE% first: the safety rules would only call it "not a full local path".
    refusal = (
        undefined_variable_problem(path)
        or refusal_for(path, windir=windir, server=server, allowed_under_windir=exception)
        or unfixable_problem(path_access)
        or _not_canonical(path, dacl)
    )
    noop = blocked = False
    if dacl is not None:
        # Access already there is "nothing to do" even on a folder no grant may touch.
        noop = content_level(dacl, token) >= kind.needed
        blocked = refusal is None and not noop and blocked_by_deny(dacl, token, sid, kind.needed.mask)
    expected_after = None
    fixed: tuple[Requirement, ...] = ()
    outcome = None
    if dacl is not None and refusal is None:
        context = server.sid_context if server is not None else NO_CONTEXT
        granted = with_explicit_allow(dacl, sid, RIGHTS_BY_NAME[kind.rights].mask)
        expected_after = format_dacl(granted, context)
        if own_folder:
            fixed = _fixes(target, pool, path_access, replace(path_access, dacl=granted, sddl=expected_after))
        if not noop and not blocked:
            outcome = _outcome(name, content_level(granted, token), path, fixed)
    warnings: list[Message] = []
    granted_level = AccessLevel.MODIFY if kind.rights == "Modify" else AccessLevel.READ_EXECUTE
    broad = broad_grant_warning(sid, path, level_phrase(granted_level))
    if broad is not None:
        warnings.append(broad)
    if kind is GrantKind.IIS_IUSRS_MODIFY and target.is_site_root and own_folder:
        warnings.append(
            iis_iusrs_modify_warning(
                path,
                host=host,
                pool_account=app_pool_account(pool.name),
                pools_without_group=pools_without_group,
            )
        )
    counted = path_access.readable and path_access.is_directory
    propagation_note = propagation.note(
        path, path_access.items_below, path_access.items_below_complete, counted
    )
    if refusal is None and not noop and propagation_note is not None:
        warnings.append(propagation_note)
    return GrantPlan(
        kind=kind,
        host=host,
        target=target.ref,
        path=path,
        sid=sid,
        display_name=name,
        rights=kind.rights,
        inheritance=INHERITANCE,
        inheritance_text=INHERITANCE_TEXT,
        icacls=icacls_line(path, sid, kind.rights),
        powershell=powershell_lines(path, sid, kind.rights),
        warnings=tuple(warnings),
        refusal=refusal,
        noop=noop,
        blocked_by_deny=blocked,
        expected_sddl=path_access.sddl,
        items_below=path_access.items_below,
        items_below_complete=path_access.items_below_complete,
        expected_after=expected_after,
        fixes=tuple(requirement.reason for requirement in fixed),
        outcome=outcome,
    )
