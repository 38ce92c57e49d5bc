"""Grant plans: what one confirmed click would change, shown before anything is changed.

A plan names the host, the folder, the identity by SID and name, the rights
and inheritance, the equivalent ``icacls`` line and PowerShell, any
warnings, and whether it must be refused, is a no-op (the identity already
has the right) or would not help (a deny entry still wins).
"""

from __future__ import annotations

import re
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
from bridge.model import AppPool, Message, PathAccess, ServerFacts, Target, TargetRef
from bridge.needs import check_target, undefined_variable_problem, unfixable_problem
from bridge.rights import RIGHTS_BY_NAME, icacls_letters
from bridge.safety import iis_iusrs_modify_warning, refusal_for, same_path
from bridge.scripts import Operation
from bridge.sddl import NO_CONTEXT, Dacl, format_dacl
from bridge.sids import IIS_IUSRS, IUSR, WORKER_GROUPS, anonymous_token, app_pool_account, well_known_name
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


class GrantKind(Enum):
    IUSR_READ = "iusr-read"
    IIS_IUSRS_MODIFY = "iis-iusrs-modify"
    POOL_READ = "pool-read"
    POOL_MODIFY = "pool-modify"
    # Any account a check named, by SID (a Connect-as user, a signed-in group, a pool on Temporary
    # ASP.NET Files...).
    ACCOUNT_READ = "account-read"
    ACCOUNT_MODIFY = "account-modify"

    @property
    def rights(self) -> Rights:
        modify = (GrantKind.IIS_IUSRS_MODIFY, GrantKind.POOL_MODIFY, GrantKind.ACCOUNT_MODIFY)
        return "Modify" if self in modify else "ReadAndExecute"

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


def _identity(kind: GrantKind, pool: AppPool) -> tuple[str, str, frozenset[str]]:
    """The SID to grant, its display name, and the token whose access makes the grant a no-op."""
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


def _fixes(target: Target, pool: AppPool, before: PathAccess, after: PathAccess) -> tuple[Message, ...]:
    """What a grant would fix: each requirement missing now and met once the ACL is ``after``."""
    now, then = check_target(target, pool, before), check_target(target, pool, after)
    return tuple(
        met.reason
        for was, met in zip(now.requirements, then.requirements, strict=True)
        if met.ok and not was.ok
    )


def plan_grant(
    kind: GrantKind,
    *,
    host: str,
    target: Target,
    path_access: PathAccess,
    pool: AppPool,
    subpath: str | None = None,
    windir: str | None = None,
    server: ServerFacts | None = None,
    pools_without_group: tuple[str, ...] = (),
) -> GrantPlan:
    """Plan one grant on ``target``'s folder (or a subfolder), whose current state is ``path_access``.

    ``path_access`` must describe the folder the grant goes to; ``server`` (or
    ``windir`` alone) gives the target's own folders when known;
    ``pools_without_group`` names the server's pools whose worker does not carry IIS_IUSRS.
    """
    path = grant_path(target.physical_path, subpath)
    if not same_path(path_access.path, path):
        raise PlanError(OTHER_FOLDER_STATE(given=path_access.path, path=path))
    sid, name, token = _identity(kind, pool)
    dacl = path_access.dacl
    # An unexpanded %VARIABLE% first: the safety rules would only call it "not a full local path".
    refusal = (
        undefined_variable_problem(path)
        or refusal_for(path, windir=windir, server=server)
        or unfixable_problem(path_access)
        or _not_canonical(path, dacl)
    )
    noop = blocked = False
    if dacl is not None:
        # Access already there is "nothing to do" even on a folder no grant may touch.
        noop = content_level(dacl, token) >= kind.needed
        blocked = refusal is None and not noop and blocked_by_deny(dacl, token, sid, kind.needed.mask)
    expected_after = None
    fixes: tuple[Message, ...] = ()
    if dacl is not None and refusal is None:
        context = server.sid_context if server is not None else NO_CONTEXT
        granted = with_explicit_allow(dacl, sid, RIGHTS_BY_NAME[kind.rights].mask)
        expected_after = format_dacl(granted, context)
        if subpath is None:
            fixes = _fixes(target, pool, path_access, replace(path_access, dacl=granted, sddl=expected_after))
    warnings: list[Message] = []
    if kind is GrantKind.IIS_IUSRS_MODIFY and target.is_site_root and subpath is None:
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
        fixes=fixes,
    )
