"""``iis-access fix TARGET | --all``: apply the check's recommended grants, with one confirmation.

The check names the grants that meet every requirement (``bridge.recommend``); this command plans
each as ``iis-access grant`` would, shows them all, asks once, and makes them one after another -
each journaled and undoable on its own, as every change is. Each grant is planned again just
before it is made: two grants on one folder would otherwise find the ACL the first one changed and
refuse it as "changed since". A target whose requirements no grant here can meet is listed with
why (on a share, a deny entry, a refused folder), never "fixed".
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bridge import operations
from bridge.change import Verdict
from bridge.errors import BridgeError, Declined
from bridge.history import History
from bridge.needs import CheckResult
from bridge.plans import GrantPlan
from bridge.recommend import Fix
from bridge.session import HostSession
from bridge.wording import translate

COMMAND = "fix"

FIX_DECLINED = translate(
    "Bridge", "The fixes were declined at the confirmation prompt; nothing was changed.", "fix-declined"
)


def add_parser(commands: Any, json_option: argparse.ArgumentParser) -> None:
    fix = commands.add_parser(
        COMMAND,
        parents=[json_option],
        help="apply the grants the check recommends",
        description="Apply the grants 'iis-access check' recommends for a target (or every target), "
        "after one confirmation listing them all. Each is an ordinary change: journaled, undoable.",
    )
    fix.add_argument("target", nargs="?", help="Site, or Site/app/path")
    fix.add_argument("--all", action="store_true", help="every site, application and virtual directory")
    fix.add_argument("--dry-run", action="store_true", help="show the grants, change nothing")
    fix.add_argument("--yes", action="store_true", help="do not ask for confirmation")


@dataclass(frozen=True)
class _Planned:
    target: str
    fix: Fix
    plan: GrantPlan


def _plan(session: HostSession, target: str, fix: Fix) -> GrantPlan:
    return operations.plan(
        session,
        fix.kind,
        target,
        None if fix.explicit_path else fix.subpath,
        path=fix.path if fix.explicit_path else None,
        sid=fix.sid if fix.kind.names_account else None,
    )


def _unfixed(results: list[CheckResult]) -> list[dict[str, Any]]:
    """The targets with a requirement no grant here meets, and why."""
    found = []
    for result in results:
        advice = result.recommendation
        if advice is None or advice.reason in (None, "nothing-to-do") or advice.message is None:
            continue
        message = advice.message.describe()
        found.append({"target": str(result.target), "reason": advice.reason, "message": message})
    return found


@dataclass(frozen=True)
class Output:
    """How the CLI writes: the one JSON document or the text, a question, a failure."""

    emit: Callable[[Any, str], None]
    confirm: Callable[[str], bool]
    fail: Callable[[BridgeError, dict[str, Any]], int]
    plan_json: Callable[[GrantPlan], dict[str, Any]]
    render_plan: Callable[[GrantPlan], str]


def run(args: argparse.Namespace, session: HostSession, history: History, output: Output) -> int:
    results = operations.check_all(session) if args.all else [operations.check(session, args.target)]
    planned = [
        _Planned(str(result.target), fix, _plan(session, str(result.target), fix))
        for result in results
        if result.recommendation is not None
        for fix in result.recommendation.fixes
    ]
    unfixed = _unfixed(results)
    to_make = [each for each in planned if each.plan.change.verdict is Verdict.APPLY]
    document: dict[str, Any] = {
        "fixes": [{"target": each.target, "plan": output.plan_json(each.plan)} for each in planned],
        "notFixed": unfixed,
        "changes": [],
    }
    previews = [f"{each.target}:\n{output.render_plan(each.plan)}" for each in planned]
    not_fixed = [f"{each['target']}: not fixed here: {each['message']}" for each in unfixed]
    text = "\n\n".join([*previews, *not_fixed]) or "Nothing to fix."
    if not to_make:
        output.emit(document, text + ("\nNothing to do." if planned else ""))
        return 0
    if args.dry_run:
        output.emit(document | {"dryRun": True}, text + "\nDry run: nothing changed.")
        return 0
    question = f"{text}\n\nMake these {len(to_make)} grant(s)." if len(to_make) > 1 else text
    try:
        if not args.yes and not output.confirm(question):
            raise Declined(FIX_DECLINED())
    except BridgeError as error:
        return output.fail(error, document)
    done: list[str] = []
    for index, each in enumerate(to_make):
        try:
            # Planned again: an earlier grant of this run may have changed the folder's ACL.
            plan = each.plan if index == 0 else _plan(session, each.target, each.fix)
            if plan.change.verdict is not Verdict.APPLY:
                continue
            record = operations.apply(session, plan.change, history)
        except BridgeError as error:
            return output.fail(error, document)
        document["changes"].append({"target": each.target, "changeId": record.id, "after": record.after})
        done.append(f"Done: change {record.id} ({each.target}); undo it with 'iis-access undo {record.id}'.")
    output.emit(document, "\n".join([*not_fixed, *done]))
    return 0
