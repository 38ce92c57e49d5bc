"""A reduction as a change: which folder's ACL it writes, what it leaves, and when it must not be made.

``bridge.reduce`` holds the maths (the reduced DACL, the folder above that
holds an inherited entry, the refusal that names a requirement). This module
turns one request - this account, on this target's folder, down to this level -
into a :class:`~bridge.change.Change` with the grant's preview and guarantees:
the exact DACL is written by ``restore.ps1`` (``SetSecurityDescriptorSddlForm``
then ``SetAccessControl``), only where the folder still has the ACL read.
An inherited entry is reduced on the folder where it is explicit, which the
same safety rules as a grant's must allow; the folder's inheritance is never
touched.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bridge import propagation
from bridge.access import AccessLevel, NonCanonicalDacl, content_level
from bridge.change import Change, ChangeKind, Verdict, restore_script
from bridge.model import Message, MessageParam, PathAccess, ServerFacts, Target
from bridge.needs import Requirement, level_phrase, undefined_variable_problem, unfixable_problem
from bridge.plans import OTHER_FOLDER_STATE, PlanError, quote_cmd, quote_powershell
from bridge.reduce import REDUCE_LEVELS, explicit_folder, propagated_dacl, reduced_dacl, reduction_refusal
from bridge.rights import describe
from bridge.safety import refusal_for, same_path
from bridge.sddl import NO_CONTEXT, Ace, Dacl, format_dacl
from bridge.wording import translate

__all__ = ["REDUCE_LEVELS", "ReduceRequest", "plan_reduce"]

RIGHTS_NAMES = {
    AccessLevel.READ_EXECUTE: "ReadAndExecute",
    AccessLevel.READ: "Read",
    AccessLevel.NONE: "None",
}

NOTHING_TO_DO = translate(
    "Bridge", "{identity} has no entry on {path} that allows more than {to} access.", "reduce-nothing-to-do"
)
SOURCE_UNKNOWN = translate(
    "Bridge",
    "{identity}'s access to {path} is inherited from a folder above whose ACL could not be read or no "
    "longer holds the entry; the folder's inheritance is not touched. Reduce it where it is set.",
    "reduce-source-unknown",
)
SOURCE_REFUSED = translate(
    "Bridge", "{identity}'s entry on {path} is inherited from {folder}, and {reason}", "reduce-source-refused"
)
INHERITED = translate(
    "Bridge",
    "{identity}'s entry on {path} is inherited from {folder}: the reduction is made there and reaches "
    "every folder below it that inherits it.",
    "reduce-inherited",
)
ALSO_INHERITED = translate(
    "Bridge",
    "{identity} also has access to {path} inherited from above, which this reduction leaves as it is.",
    "reduce-also-inherited",
)
FIXES = translate("Bridge", "{identity} will have {to} access on {folder} instead of {had}.", "reduce-fixes")


@dataclass(frozen=True)
class ReduceRequest:
    """What the admin asked: this account, on this target's folder (or a subfolder), down to ``to``."""

    host: str
    target: Target
    folder: str  # the target's folder or the subfolder asked for
    sid: str
    to: AccessLevel
    # Files and folders below the folder the reduction writes (None: not counted), and whether the
    # count is complete: Windows rewrites their inherited entries in the same call (bridge.propagation).
    items_below: int | None = None
    items_below_complete: bool = False


@dataclass(frozen=True)
class Site:
    """A target the reduction's folder reaches, with what it needs and its folder's ACL."""

    path: str
    dacl: Dacl
    requirements: Sequence[Requirement]


def inherits_excess(dacl: Dacl, sid: str, to: AccessLevel) -> Ace | None:
    """The first inherited allow entry for ``sid`` that gives more than ``to``, if any."""
    narrowed = propagated_dacl(dacl, sid, to)
    return next((ace for ace in dacl.aces if ace.inherited and ace not in narrowed.aces), None)


def _icacls(path: str, sid: str, after: Dacl, before: Dacl) -> tuple[str, ...]:
    """``icacls /remove:g`` (the account's granted entries) then ``/grant`` each narrowed entry back.

    ``/grant:r`` says it in one line when the account has one entry; ``/remove:g`` removes allow
    entries only, so the account's deny entries stay, as they do here.
    """
    kept = [ace for ace in after.aces if ace.sid == sid and ace.kind == "A" and not ace.inherited]
    target = quote_cmd(path)

    def spec(ace: Ace) -> str:
        flags = "".join(f"({flag})" for flag in ("OI", "CI", "IO", "NP") if flag in ace.flags)
        # icacls takes a simple right bare (RX) and specific rights as a list in parentheses (RD,WD).
        rights = describe(ace.mask)
        letters = rights.icacls if rights.simple is not None else f"({rights.icacls})"
        return f'"*{sid}:{flags}{letters}"'

    explicit = [ace for ace in before.aces if ace.sid == sid and ace.kind == "A" and not ace.inherited]
    if len(kept) == 1 and len(explicit) == 1:
        return (f"icacls {target} /grant:r {spec(kept[0])}",)
    return (f'icacls {target} /remove:g "*{sid}"', *(f"icacls {target} /grant {spec(ace)}" for ace in kept))


def _powershell(path: str, sddl: str) -> str:
    """What restore.ps1 runs: the exact DACL written in one SetAccessControl."""
    item = f"(Get-Item -LiteralPath {quote_powershell(path)})"
    return "\n".join(
        (
            f"$acl = {item}.GetAccessControl('Access')",
            f"$acl.SetSecurityDescriptorSddlForm({quote_powershell(sddl)}, 'Access')",
            f"{item}.SetAccessControl($acl)",
        )
    )


def _allowance(items_below: int | None) -> float | None:
    return None if items_below is None else propagation.allowance(items_below)


def plan_reduce(
    request: ReduceRequest,
    *,
    access: PathAccess,
    ancestors: Sequence[PathAccess],
    sites: Sequence[Site],
    server: ServerFacts | None = None,
) -> Change:
    """Plan the reduction of ``request``; ``access`` is the asked folder's state, ``ancestors`` those above
    it nearest first, ``sites`` the targets (with what each needs) whose content the change can reach."""
    path, sid, to = request.folder, request.sid, request.to
    identity = access.account_name(sid) or sid
    context = server.sid_context if server is not None else NO_CONTEXT
    words: dict[str, MessageParam] = {"identity": identity, "path": path, "to": level_phrase(to)}

    def change(
        verdict: Verdict,
        reason: Message | None,
        *,
        folder: str = path,
        before: str | None = access.sddl,
        after: Dacl | None = None,
        old: Dacl | None = None,
        warnings: tuple[Message, ...] = (),
        fixes: tuple[Message, ...] = (),
    ) -> Change:
        expected = None if after is None else format_dacl(after, context)
        applying = verdict is Verdict.APPLY and before is not None and expected is not None
        return Change(
            kind=ChangeKind.REDUCE,
            host=request.host,
            target=str(request.target.ref),
            folder=folder,
            before=before,
            expected_after=expected,
            verdict=verdict,
            reason=reason,
            identity=identity,
            sid=sid,
            rights=RIGHTS_NAMES[to],
            label=ChangeKind.REDUCE.value,
            icacls=_icacls(folder, sid, after, old) if after is not None and old is not None else (),
            powershell=_powershell(folder, expected) if expected is not None else "",
            script=restore_script(folder, expected, before, _allowance(request.items_below))
            if applying and expected and before
            else None,
            warnings=warnings,
            fixes=fixes,
        )

    if not same_path(access.path, path):
        raise PlanError(OTHER_FOLDER_STATE(given=access.path, path=path))
    problem = undefined_variable_problem(path) or unfixable_problem(access)
    dacl = access.dacl
    if problem is not None or dacl is None:
        return change(Verdict.REFUSED, problem)
    try:
        here = reduced_dacl(dacl, sid, to)
    except NonCanonicalDacl:
        # The maths says why, naming the entries out of place.
        return change(Verdict.REFUSED, reduction_refusal((), dacl, sid, to, path=path))
    inherited = inherits_excess(dacl, sid, to)
    folder, holder = path, access
    warnings: tuple[Message, ...] = ()
    if here == dacl:
        if inherited is None:
            return change(Verdict.NOTHING_TO_DO, NOTHING_TO_DO(**words))
        source = explicit_folder(inherited, [(above.path, above.dacl) for above in ancestors])
        holder_access = next((above for above in ancestors if source and same_path(above.path, source)), None)
        if source is None or holder_access is None or holder_access.dacl is None:
            return change(Verdict.REFUSED, SOURCE_UNKNOWN(**words))
        folder, holder = source, holder_access
        warnings = (INHERITED(folder=folder, **words),)
    elif inherited is not None:
        warnings = (ALSO_INHERITED(**words),)
    old = holder.dacl
    assert old is not None, "checked above"
    after = reduced_dacl(old, sid, to)
    unsafe = refusal_for(folder, server=server)
    if unsafe is not None and folder != path:
        unsafe = SOURCE_REFUSED(folder=folder, reason=unsafe, **words)
    refusal = unsafe or next(
        (
            refused
            for site in sites
            if (
                refused := reduction_refusal(
                    site.requirements,
                    site.dacl,
                    sid,
                    to,
                    path=site.path,
                    folder=None if same_path(site.path, folder) else folder,
                    names=dict(access.accounts),
                )
            )
            is not None
        ),
        None,
    )
    had = level_phrase(content_level(old, frozenset({sid})))
    # Not counted (a plan made without asking): nothing to say, and the transport's own timeout.
    counted = request.items_below is not None
    spreading = (
        propagation.note(folder, request.items_below, request.items_below_complete, holder.is_directory)
        if counted
        else None
    )
    if refusal is None and spreading is not None:
        warnings = (*warnings, spreading)
    return change(
        Verdict.APPLY if refusal is None else Verdict.REFUSED,
        refusal,
        folder=folder,
        before=holder.sddl,
        after=after,
        old=old,
        warnings=warnings,
        fixes=() if refusal is not None else (FIXES(folder=folder, had=had, **words),),
    )
