"""The operations the CLI and the GUI share: inventory, check, plan, apply, undo.

Each runs as one unit of work on the host's session, so no other operation
on that host lands between its read and its write. Round trips are counted:
a check of one target or of the whole server is one inventory plus one
path-access call.
"""

from __future__ import annotations

import ntpath
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from bridge import propagation, reduce_change, sddl
from bridge.access import AccessLevel
from bridge.change import Change, Script, refuse_unless_applicable, same_acl
from bridge.collector import bulk_answer
from bridge.display import quoted
from bridge.errors import (
    NOTHING_CHANGED,
    BridgeError,
    Cancelled,
    IISMissing,
    NotElevated,
    NothingToDo,
    OutcomeUnknown,
    Refused,
    ScriptFailed,
    UnexpectedAnswer,
    UsageFailure,
    WrongPowerShell,
)
from bridge.excess import assessed, with_parents
from bridge.history import ChangeRecord, History, Outcome
from bridge.members import (
    Group,
    GroupView,
    StoredMembers,
    group_view,
    parse_group_members,
    with_iis_iusrs_members,
)
from bridge.model import (
    AclChange,
    AppPool,
    Inventory,
    Message,
    ModelError,
    PathAccess,
    Target,
    TargetRef,
    UnknownTarget,
    parse_acl_change,
    parse_inventory,
    parse_path_access,
)
from bridge.needs import Around, CheckResult, check_target
from bridge.plans import GRANT_NOT_A_SID, Grantee, GrantKind, GrantPlan, PlanError, grant_path, plan_grant
from bridge.recommend import recommend
from bridge.reduce_change import ReduceRequest, Site
from bridge.safety import is_within, same_path, temporary_aspnet_folder
from bridge.scripts import Operation
from bridge.sddl import NO_CONTEXT, SidContext
from bridge.server_files import ConfigFile, config_files
from bridge.session import HostSession, Runner
from bridge.sids import app_pool_account, is_valid_sid
from bridge.wording import translate

# Every operation takes an optional cancel event: set it and the running pipeline is
# stopped on the host (PSRP) or the PowerShell process is ended (local).
Cancel = threading.Event | None


class InvalidRequest(UsageFailure):
    def __init__(self, message: Message) -> None:
        super().__init__(message, NOTHING_CHANGED())


UNKNOWN_TARGET = translate(
    "Bridge",
    "{target} is not a site, application or virtual directory on this server ({detail}).",
    "unknown-target",
)
UNKNOWN_TARGET_HINT = translate(
    "Bridge",
    "Run 'iis-access sites' to list them; names are 'Site' or 'Site/app/path'.",
    "hint-unknown-target",
)


class UnknownTargetError(UsageFailure):
    def __init__(self, target: str, detail: str) -> None:
        super().__init__(UNKNOWN_TARGET(target=quoted(target), detail=detail), UNKNOWN_TARGET_HINT())


OTHER_PATHS = translate("Bridge", "path-access answered for other paths than asked", "detail-other-paths")
NO_SUCH_POOL = translate(
    "Bridge", "{target} uses application pool {pool}, which does not exist", "detail-no-such-pool"
)
STALE = translate(
    "Bridge", "The ACL of {path} changed since it was read ({what}); nothing was changed.", "stale-acl"
)
STALE_HINT = translate("Bridge", "Check the folder again and decide anew.", "hint-stale-acl")
STALE_ADDED = translate("Bridge", "added {entries}", "stale-added")
STALE_REMOVED = translate("Bridge", "removed {entries}", "stale-removed")
STALE_BOTH = translate("Bridge", "added {added}; removed {removed}", "stale-added-removed")
STALE_FLAGS = translate("Bridge", "its flags differ", "stale-flags")
OTHER_HOST_PLAN = translate(
    "Bridge", "This plan was made for {planned}, not {host}; nothing was changed.", "plan-for-other-host"
)
OTHER_HOST_CHANGE = translate(
    "Bridge",
    "Change {change_id} was made on {made_on}, not {host}; connect to that host to undo it.",
    "change-on-other-host",
)
ALREADY_UNDONE = translate("Bridge", "Change {change_id} was already undone.", "already-undone")
CHANGED_NOTHING = translate("Bridge", "Change {change_id} changed nothing ({outcome}).", "changed-nothing")
ACL_UNREADABLE = translate(
    "Bridge", "The ACL of {path} cannot be read any more; nothing was changed.", "acl-unreadable"
)
NEVER_REACHED = translate("Bridge", "Change {change_id} never reached {path}.", "never-reached")
NOTHING_TO_UNDO = translate("Bridge", "There is nothing to undo.", "hint-nothing-to-undo")
NOT_A_SID = translate(
    "Bridge", "{sid} is not a SID such as S-1-1-0 (reduce names the account by SID).", "not-a-sid"
)
PATH_NOT_NAMED = translate(
    "Bridge",
    "{path} is not a folder the check named for {target}; --path accepts only these: {accepted}.",
    "path-not-named",
)
FOLDER_OR_SUBFOLDER = translate(
    "Bridge", "Give either a subfolder (--subpath) or a folder (--path), not both.", "subpath-or-path"
)
SID_FOR_ACCOUNT_KINDS = translate(
    "Bridge", "{kind} grants the account given with --sid: give one.", "sid-needed"
)
SID_NOT_FOR_KIND = translate(
    "Bridge",
    "{kind} grants its own account; --sid is only for account-read and account-modify.",
    "sid-not-for-kind",
)
FOUND_RESTORED = translate(
    "Bridge", "Change {change_id} was already undone: {path} has the ACL it had before.", "found-restored"
)


def _parsed(host: str, parse: Any, document: Any) -> Any:
    try:
        return parse(document)
    except ModelError as error:
        raise UnexpectedAnswer(host, str(error)) from error


def _inventory(runner: Runner) -> Inventory:
    """The inventory with every worker token settled: one round trip, two when a pool sets
    manualGroupMembership (its worker carries IIS_IUSRS only through the group's stored members)."""
    found = _read_inventory(runner)
    if any(pool.manual_group_membership for pool in found.app_pools):
        found = with_iis_iusrs_members(found, _stored_members(runner, Group.IIS_IUSRS))
    return found


def _stored_members(runner: Runner, group: Group) -> StoredMembers:
    answer = runner.run(Operation.GROUP_MEMBERS, {"Sid": group.sid})
    stored: StoredMembers = _parsed(runner.host, parse_group_members, answer)
    return stored


def _read_inventory(runner: Runner) -> Inventory:
    found: Inventory = _parsed(runner.host, parse_inventory, runner.run(Operation.INVENTORY, {}))
    major = found.server.ps_major_version
    if major is not None and major >= 6:
        raise WrongPowerShell(runner.host, found.server.ps_version)
    if not found.server.web_administration:
        raise IISMissing(runner.host, module_only=found.server.iis_version is not None)
    if not found.server.elevated:
        raise NotElevated(runner.host)
    return found


def _path_access(
    runner: Runner,
    paths: list[str],
    *,
    subfolders: bool = False,
    count_items: bool = False,
    sids: SidContext = NO_CONTEXT,
) -> dict[str, PathAccess]:
    if not paths:
        return {}
    # Listing subfolders reads each whole directory on the host: only the details of one folder need
    # them; counting the tree below costs up to seconds, so only a planned grant asks for it.
    parameters: dict[str, object] = _path_parameters(paths)
    if subfolders:
        parameters["Subfolders"] = True
    if count_items:
        parameters["CountItemsBelow"] = propagation.COUNT_CAP
    entries: list[PathAccess] = _parsed(
        runner.host,
        lambda answer: parse_path_access(answer, sids),
        runner.run(Operation.PATH_ACCESS, parameters),
    )
    if [entry.path for entry in entries] != paths:
        raise UnexpectedAnswer(runner.host, OTHER_PATHS())
    return {entry.path: entry for entry in entries}


def _path_parameters(paths: list[str]) -> dict[str, object]:
    """Several paths travel as ``-PathList``, one string with a line feed between them: one CLIXML
    element where a string array is one per path, each serialised here and deserialised and bound
    on the host (a whole-server check asks for over 100,000). No Win32 path holds a line feed
    (path-access.ps1 cites the rule); a path that does, or an empty one, goes as ``-Path`` with the
    rest, where the binder judges it as before."""
    if len(paths) > 1 and all(path and "\n" not in path for path in paths):
        return {"PathList": "\n".join(paths)}
    return {"Path": paths}


def _find(inventory: Inventory, target: str) -> Target:
    try:
        return inventory.find_target(target)
    except UnknownTarget as error:
        if "\\" in target:
            # 'Site\app' as Windows paths are written: IIS names applications with '/'. IIS Manager
            # refuses '\' in site names (IIS team blog, "Why does the IIS7 UI limit certain
            # characters?"), but appcmd may let one in, so the name as typed was tried first.
            try:
                return inventory.find_target(target.replace("\\", "/"))
            except UnknownTarget:
                pass
        raise UnknownTargetError(target, str(error)) from error


def _pool(runner: Runner, inventory: Inventory, target: Target) -> AppPool:
    pool = inventory.pool(target.application.application_pool)
    if pool is None:
        raise UnexpectedAnswer(
            runner.host, NO_SUCH_POOL(target=str(target.ref), pool=repr(target.application.application_pool))
        )
    return pool


@dataclass(frozen=True)
class Checked:
    """One target's check with the pool and folder state it was made from: what a plan needs."""

    target: Target
    pool: AppPool
    access: PathAccess
    result: CheckResult


def _checked(runner: Runner, names: Sequence[str] | None) -> tuple[Inventory, list[Checked]]:
    with bulk_answer():
        return _checked_in_bulk(runner, names)


def _checked_in_bulk(runner: Runner, names: Sequence[str] | None) -> tuple[Inventory, list[Checked]]:
    found, each = _reading(runner, names)
    return found, list(each)


def _reading(runner: Runner, names: Sequence[str] | None) -> tuple[Inventory, Iterator[Checked]]:
    """The inventory, read now, and each named target (every one when None) checked from one reading of
    the paths, made as the iterator is walked."""
    found = _inventory(runner)
    targets = list(found.targets()) if names is None else [_find(found, name) for name in names]
    # Before the paths are read and before the first target is made: a pool the inventory lacks is
    # then refused before anything is printed, not in the middle of a server's results.
    pools = [_pool(runner, found, target) for target in targets]
    around = _read_around(runner, found, targets)

    def each() -> Iterator[Checked]:
        for target, pool in zip(targets, pools, strict=True):
            folder = around.paths[target.physical_path]
            yield Checked(target, pool, folder, _assessed(target, pool, found, around))

    return found, each()


def _read_around(runner: Runner, found: Inventory, targets: Sequence[Target]) -> Around:
    """What checking ``targets`` reads, in one round trip, as one Around for all of them (so what
    they share is worked out once, bridge.needs.Around); each web.config list is worked out once,
    to ask for the files and to check them."""
    files = {target.ref: config_files(target) for target in targets}
    access = _path_access(runner, _paths_to_check(found, targets, files), sids=found.server.sid_context)
    return Around(access, found.server, found.memberships, files)


def _paths_to_check(
    found: Inventory, targets: Sequence[Target], files: Mapping[TargetRef, tuple[ConfigFile, ...]]
) -> list[str]:
    """Everything a check reads, in one round trip: each target's folder and the folders above it
    (where inherited entries are explicit), every web.config IIS reads for its URL (``files``), and
    the Temporary ASP.NET Files folder of each pool that runs managed code."""
    content = with_parents(target.physical_path for target in targets)
    config = [each.path for target in targets for each in files[target.ref]]
    folders = [temporary_aspnet_folder(pool, found.server.windir) for pool in found.app_pools]
    return list(dict.fromkeys([*content, *config, *(folder for folder in folders if folder is not None)]))


def _survey(runner: Runner) -> tuple[Inventory, list[CheckResult]]:
    found, checked = _checked(runner, None)
    return found, [each.result for each in checked]


def _assessed(target: Target, pool: AppPool, found: Inventory, around: Around) -> CheckResult:
    """Who needs what on the target's folder, who has too much there, and the fix to press."""
    checked = check_target(target, pool, around.paths[target.physical_path], around=around)
    result = assessed(checked, target, pool, around.paths, found.app_pools)
    advice = recommend(result, target, pool, server=found.server, pools=found.app_pools)
    return replace(result, recommendation=advice)


def _check(runner: Runner, name: str) -> CheckResult:
    found = _inventory(runner)
    target = _find(found, name)
    return _assessed(target, _pool(runner, found, target), found, _read_around(runner, found, [target]))


def _folder(runner: Runner, name: str, subpath: str | None) -> tuple[Inventory, Target, str]:
    """The inventory, the target named, and the folder a change asked for it goes to."""
    found = _inventory(runner)
    target = _find(found, name)
    try:
        return found, target, grant_path(target.physical_path, subpath)
    except PlanError as error:
        raise InvalidRequest(error.text) from error


def named_folders(inventory: Inventory, target: Target, pool: AppPool) -> list[str]:
    """The folders the check of ``target`` names, which a grant may give with ``--path``: the
    target's folder, the folder of each web.config IIS reads for its URL (bridge.server_files), and
    the Temporary ASP.NET Files folder of its pool's .NET version."""
    folders = [target.physical_path, *(ntpath.dirname(config.path) for config in config_files(target))]
    temporary = temporary_aspnet_folder(pool, inventory.server.windir)
    if temporary is not None:
        folders.append(temporary)
    unique: list[str] = []
    for folder in folders:
        if not any(same_path(folder, kept) for kept in unique):
            unique.append(folder)
    return unique


@dataclass(frozen=True)
class GrantRequest:
    """Where a grant goes and for whom, beyond its kind and target: a relative ``subpath`` or a
    ``path`` the check named (:func:`named_folders`), and for account-read and account-modify the
    account's ``sid``."""

    subpath: str | None = None
    path: str | None = None
    sid: str | None = None


def grant_request_problem(
    kind: GrantKind, sid: str | None, subpath: str | None, path: str | None
) -> Message | None:
    """What is wrong with a grant's arguments before any host is asked, or None."""
    if subpath is not None and path is not None:
        return FOLDER_OR_SUBFOLDER()
    if kind.names_account and sid is None:
        return SID_FOR_ACCOUNT_KINDS(kind=kind.value)
    if not kind.names_account and sid is not None:
        return SID_NOT_FOR_KIND(kind=kind.value)
    if sid is not None and not is_valid_sid(sid):
        return GRANT_NOT_A_SID(sid=quoted(sid))
    return None


def _plan(runner: Runner, kind: GrantKind, name: str, request: GrantRequest) -> GrantPlan:
    problem = grant_request_problem(kind, request.sid, request.subpath, request.path)
    if problem is not None:
        raise InvalidRequest(problem)
    found, target, folder = _folder(runner, name, request.subpath)
    pool = _pool(runner, found, target)
    if request.path is not None:
        named = named_folders(found, target, pool)
        folder = next((each for each in named if same_path(each, request.path)), "")
        if not folder:
            accepted = ", ".join(named)
            raise InvalidRequest(
                PATH_NOT_NAMED(path=quoted(request.path), target=str(target.ref), accepted=accepted)
            )
    access = _path_access(runner, [folder], count_items=True, sids=found.server.sid_context)[folder]
    try:
        return plan_grant(
            kind,
            host=runner.label,
            target=target,
            path_access=access,
            pool=pool,
            subpath=request.subpath,
            path=None if request.path is None else folder,
            grantee=None if request.sid is None else Grantee(request.sid, _account_name(found, request.sid)),
            server=found.server,
            pools=found.app_pools,
            pools_without_group=tuple(each.name for each in found.app_pools if not each.carries_iis_iusrs),
        )
    except PlanError as error:
        raise InvalidRequest(error.text) from error


def _account_name(found: Inventory, sid: str) -> str | None:
    """The name the inventory gives a SID: a pool's virtual account, a Connect-as, signed-in or
    impersonated user, a pool's specific user, the computer account (None: it names none)."""
    accounts = [found.server.computer_account] if found.server.computer_account is not None else []
    for target in found.targets():
        application = target.application
        if target.directory.connect_as is not None:
            accounts.append(target.directory.connect_as.account)
        if application.impersonation.account is not None:
            accounts.append(application.impersonation.account)
        accounts.extend(account for rule in application.authorization or () for account in rule.accounts)
    for pool in found.app_pools:
        if pool.sid == sid:
            return app_pool_account(pool.name)
        if pool.user_sid == sid and pool.user_name:
            return pool.user_name
    return next((account.name for account in accounts if account.sid == sid), None)


def _ancestors(path: str) -> list[str]:
    """The folders above ``path``, nearest first, up to its drive's root (or share)."""
    found: list[str] = []
    current = path.rstrip("\\") or path
    while (parent := ntpath.dirname(current)) != current:
        found.append(parent)
        current = parent
    return found


def _plan_reduce(runner: Runner, name: str, sid: str, to: AccessLevel, subpath: str | None) -> Change:
    if not is_valid_sid(sid):
        raise InvalidRequest(NOT_A_SID(sid=quoted(sid)))
    found, target, folder = _folder(runner, name, subpath)
    above = _ancestors(folder)
    context = found.server.sid_context
    access = _path_access(runner, list(dict.fromkeys([folder, target.physical_path, *above])), sids=context)
    request = ReduceRequest(runner.label, target, folder, sid, to)

    def planned(sites: list[Site]) -> Change:
        ancestors = [access[path] for path in above]
        return reduce_change.plan_reduce(
            request, access=access[folder], ancestors=ancestors, sites=sites, server=found.server
        )

    # The folder the change writes decides which sites it reaches: plan once to learn it, then read
    # the folders of the sites below it (one more round trip) and plan again with what each needs.
    written = planned([]).folder
    reached = [each for each in found.targets() if is_within(each.physical_path, written)]
    unread = [path for path in dict.fromkeys(each.physical_path for each in reached) if path not in access]
    access |= _path_access(runner, unread, sids=context)
    # Writing the narrowed ACL rewrites the inherited entries of every item below: counted (in a call
    # of its own, the count costs up to seconds) so the preview can say how many and the call can wait.
    counted = _path_access(runner, [written], count_items=True, sids=context)[written]
    request = replace(
        request, items_below=counted.items_below, items_below_complete=counted.items_below_complete
    )
    sites: list[Site] = []
    for each, path in [(target, folder), *((each, each.physical_path) for each in reached)]:
        dacl = access[path].dacl
        if dacl is not None and not any(same_path(site.path, path) for site in sites):
            checked = check_target(each, _pool(runner, found, each), access[each.physical_path])
            sites.append(Site(path, dacl, checked.requirements))
    return planned(sites)


def inventory(session: HostSession, cancel: Cancel = None) -> Inventory:
    """Every site, application, virtual directory and pool of the host (one round trip)."""
    return session.call(_inventory, cancel)


def survey(session: HostSession, cancel: Cancel = None) -> tuple[Inventory, list[CheckResult]]:
    """The inventory and who needs what for every target of the server: what a view of the whole
    server shows, in two round trips whatever its size."""
    return session.call(_survey, cancel)


def check_all(session: HostSession, cancel: Cancel = None) -> list[CheckResult]:
    """Who needs what for every target of the server, in two round trips whatever its size."""
    return survey(session, cancel)[1]


def check_each(session: HostSession, handle: Callable[[CheckResult], None], cancel: Cancel = None) -> None:
    """``check_all``, each result handed to ``handle`` (on the session's thread) as it is made, and
    then let go: what prints a whole server need not hold it. At 20,000 sites the 60,000 results
    are 180 MB of the 310 MB such a check allocates at its peak (tracemalloc, measured)."""

    def work(runner: Runner) -> None:
        with bulk_answer():
            for checked in _reading(runner, None)[1]:
                # Cancelled (Ctrl-C in the CLI): not another of 60,000 results handed over.
                if runner.cancel.is_set():
                    raise Cancelled()
                handle(checked.result)

    session.call(work, cancel)


def checked_targets(
    session: HostSession, names: Sequence[str] | None = None, cancel: Cancel = None
) -> tuple[Inventory, list[Checked]]:
    """The named targets (every target when None) checked, each with the pool and folder state the
    check read, so plans can be made from the same reading (two round trips)."""
    return session.call(lambda runner: _checked(runner, names), cancel)


def check(session: HostSession, target: str, cancel: Cancel = None) -> CheckResult:
    """Who needs what on one target's folder (``Site`` or ``Site/app/path``)."""
    return session.call(lambda runner: _check(runner, target), cancel)


def plan(
    session: HostSession,
    kind: GrantKind,
    target: str,
    subpath: str | None = None,
    cancel: Cancel = None,
    *,
    path: str | None = None,
    sid: str | None = None,
) -> GrantPlan:
    """What a grant would change, read from the folder's current ACL; changes nothing.

    ``path`` is a folder the check named for the target (:func:`named_folders`); ``sid`` the
    account of an account-read or account-modify grant.
    """
    request = GrantRequest(subpath=subpath, path=path, sid=sid)
    return session.call(lambda runner: _plan(runner, kind, target, request), cancel)


def _stale(path: str, expected: str, found: str) -> Refused:
    added = " ".join(_ace_difference(found, expected))
    removed = " ".join(_ace_difference(expected, found))
    if added and removed:
        what = STALE_BOTH(added=added, removed=removed)
    elif added or removed:
        what = STALE_ADDED(entries=added) if added else STALE_REMOVED(entries=removed)
    else:
        what = STALE_FLAGS()
    return Refused(STALE(path=path, what=what), STALE_HINT())


def _ace_difference(left: str, right: str) -> list[str]:
    try:
        theirs = {sddl.format_ace(ace) for ace in sddl.parse_dacl(right).aces}
        return [
            text
            for text in (sddl.format_ace(ace) for ace in sddl.parse_dacl(left).aces)
            if text not in theirs
        ]
    except sddl.SddlError:
        return []


def plan_reduce(
    session: HostSession,
    target: str,
    sid: str,
    *,
    to: AccessLevel,
    subpath: str | None = None,
    cancel: Cancel = None,
) -> Change:
    """What reducing ``sid`` to ``to`` on a target's folder would change; reads, changes nothing."""
    return session.call(lambda runner: _plan_reduce(runner, target, sid, to, subpath), cancel)


def _send(runner: Runner, script: Script) -> AclChange:
    """Run a change's script; its answer says whether it changed the ACL or found it changed since."""
    answer = runner.run(script.operation, dict(script.parameters), timeout=script.timeout)
    result: AclChange = _parsed(runner.host, parse_acl_change, answer)
    return result


def _apply(runner: Runner, change: Change, history: History) -> ChangeRecord:
    refuse_unless_applicable(change)
    assert change.script is not None and change.before is not None, "checked by refuse_unless_applicable"
    if change.host != runner.label:
        raise Refused(OTHER_HOST_PLAN(planned=change.host, host=runner.label))
    record = history.record_intent(
        host=runner.host,
        host_label=runner.label,
        target=change.target,
        kind=change.label,
        path=change.folder,
        identity=change.identity,
        sid=change.sid,
        rights=change.rights,
        before=change.before,
        change=change.kind.value,
        expected_after=change.expected_after,
        inverse=change.inverse,
    )
    try:
        result = _send(runner, change.script)
    except ScriptFailed as error:
        # The script itself reported an error (it checks before it writes): the change did not happen.
        history.record_outcome(record.id, Outcome.FAILED, None, error.message)
        raise
    except BridgeError as error:
        # Anything else once the change was sent (connection lost, timeout, cancel, a denial or an
        # answer that cannot be believed) leaves the intent with an unknown outcome: never "did not happen".
        raise OutcomeUnknown(runner.host, change.folder, record.id, error) from error
    if result.status == "stale":
        history.record_outcome(record.id, Outcome.REFUSED, result.after, "the ACL changed since it was read")
        raise _stale(change.folder, change.before, result.before)
    return history.record_outcome(record.id, Outcome.CHANGED, result.after)


def apply(
    session: HostSession, change: Change | GrantPlan, history: History, cancel: Cancel = None
) -> ChangeRecord:
    """Make the change: its intent and inverse journaled durably before it is sent, the outcome after."""
    planned = change.change if isinstance(change, GrantPlan) else change
    return session.call(lambda runner: _apply(runner, planned, history), cancel)


def _undo(runner: Runner, change_id: str, history: History) -> ChangeRecord:
    record = history.get(change_id)
    # A record written before labels were kept names the host alone, without its port.
    made_here = record.host == runner.host if record.host_label is None else record.host_label == runner.label
    if not made_here:
        raise Refused(OTHER_HOST_CHANGE(change_id=change_id, made_on=record.host_display, host=runner.label))
    if record.undone:
        raise NothingToDo(ALREADY_UNDONE(change_id=change_id))
    if record.outcome not in (Outcome.CHANGED, Outcome.UNKNOWN):
        raise NothingToDo(CHANGED_NOTHING(change_id=change_id, outcome=record.outcome.value))
    current = _path_access(runner, [record.path])[record.path].sddl
    if current is None:
        raise Refused(ACL_UNREADABLE(path=record.path))
    undo = record.undo_change(current)
    if same_acl(current, record.before):
        if record.outcome is Outcome.UNKNOWN and record.undo_outcome is None:
            # The change never landed: there is nothing to restore.
            history.record_outcome(change_id, Outcome.UNCHANGED, current, "the change had not been applied")
            raise NothingToDo(NEVER_REACHED(change_id=change_id, path=record.path), NOTHING_TO_UNDO())
        # Exactly the ACL the undo would write: an earlier undo whose answer was lost, or someone else.
        history.record_undo(change_id, "found already restored")
        raise NothingToDo(FOUND_RESTORED(change_id=change_id, path=record.path))
    expected = record.left_behind
    if not same_acl(current, expected):
        raise _stale(record.path, expected, current)
    if record.outcome is Outcome.UNKNOWN:
        history.record_outcome(change_id, Outcome.CHANGED, current, "confirmed when undoing")
    history.record_undo_intent(change_id, current)
    assert undo.script is not None, "an undo is always sent"
    try:
        result = _send(runner, undo.script)
    except ScriptFailed as error:
        history.record_undo_outcome(change_id, Outcome.FAILED, error.message)
        raise
    except BridgeError as error:
        raise OutcomeUnknown(runner.host, record.path, change_id, error, undoing=True) from error
    if result.status == "stale":
        if same_acl(result.before, record.before):
            history.record_undo(change_id, "found already restored")
            raise NothingToDo(FOUND_RESTORED(change_id=change_id, path=record.path))
        history.record_undo_outcome(change_id, Outcome.REFUSED, "the ACL changed since it was read")
        raise _stale(record.path, current, result.before)
    return history.record_undo(change_id)


def undo(session: HostSession, change_id: str, history: History, cancel: Cancel = None) -> ChangeRecord:
    """Restore the ACL a change replaced, only if the folder still has the ACL the change left."""
    return session.call(lambda runner: _undo(runner, change_id, history), cancel)


def folder_access(session: HostSession, path: str, cancel: Cancel = None) -> PathAccess:
    """The owner, ACL and subfolders of one folder, as read on the host (the GUI's details pane)."""
    return session.call(lambda runner: _path_access(runner, [path], subfolders=True)[path], cancel)


def _members(runner: Runner, group: Group) -> GroupView:
    found = _read_inventory(runner)
    stored = _stored_members(runner, group) if group.has_stored_members else None
    if stored is not None and group is Group.IIS_IUSRS:
        found = with_iis_iusrs_members(found, stored)
    return group_view(group, found, stored)


def members(session: HostSession, group: Group, cancel: Cancel = None) -> GroupView:
    """Who is behind a group: stored members, the workers added at run time, the manual pools
    (two round trips; one for Authenticated Users, which stores no members)."""
    return session.call(lambda runner: _members(runner, group), cancel)
