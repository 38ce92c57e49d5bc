"""A check's answer as the CLI prints it: the ``check --json`` document and the text lines.

The JSON keys are a contract (add, never rename): ``requirements[].role`` is one of ``worker``,
``anonymous``, ``connect-as``, ``authenticated``, ``impersonated``; ``fix`` is the first grant of the
recommendation (``{kind, identity, sid, path, rights}`` plus ``command``) or null, with ``fixReason``
saying why; ``fixes`` lists every grant the recommendation holds, in order.
"""

from __future__ import annotations

from typing import Any

from bridge.display import visible
from bridge.excess import excess_json
from bridge.needs import CheckResult, Requirement
from bridge.readers import Identity, Reader
from bridge.recommend import Fix


def _identity_json(identity: Identity) -> dict[str, Any]:
    found: dict[str, Any] = {"name": identity.name, "sid": identity.sid}
    if identity.runs_as is not None:
        # The account the worker process runs as; its token holds the pool SID ("sid") too.
        found["runsAs"] = {"name": identity.runs_as.name, "sid": identity.runs_as.sid}
    if not identity.groups_known:
        found["groupsKnown"] = False
    return found


def _requirement_json(requirement: Requirement) -> dict[str, Any]:
    return {
        "name": requirement.name,
        "sid": requirement.sid,
        "role": requirement.role,
        "path": requirement.path,
        "needs": requirement.needs.value,
        # On a share the file server decides: what the account has there is not known here.
        "effective": None if requirement.on_file_server else requirement.effective.value,
        "ok": requirement.ok,
        "blockedByDeny": requirement.blocked_by_deny,
        "onFileServer": requirement.on_file_server,
        "reason": requirement.reason.describe(),
    }


def _reader_json(reader: Reader) -> dict[str, Any]:
    return {"role": reader.role, "needs": reader.needs.value} | _identity_json(reader.identity)


def _fix_json(target: str, fix: Fix) -> dict[str, Any]:
    return fix.to_json() | {"command": fix.command(target), "why": fix.why.describe()}


def fix_command(result: CheckResult) -> str | None:
    """The command that applies the recommendation: ``iis-access fix TARGET``, or the grant line
    itself when it is a single grant."""
    advice = result.recommendation
    if advice is None or not advice.fixes:
        return None
    target = str(result.target)
    if len(advice.fixes) == 1:
        return advice.fixes[0].command(target)
    return f'iis-access fix "{target}"'


def check_json(result: CheckResult) -> dict[str, Any]:
    target = str(result.target)
    advice = result.recommendation
    fixes = [_fix_json(target, fix) for fix in advice.fixes] if advice is not None else []
    reason = None
    if advice is not None and advice.reason is not None and advice.message is not None:
        reason = {"code": advice.reason, "message": advice.message.describe()}
    return {
        "target": target,
        "physicalPath": result.physical_path,
        "anonymous": None if result.anonymous is None else _identity_json(result.anonymous),
        "worker": _identity_json(result.worker),
        "readers": [_reader_json(reader) for reader in result.readers],
        "requirements": [_requirement_json(requirement) for requirement in result.requirements],
        "status": result.status.value,
        "problem": None if result.problem is None else result.problem.describe(),
        "notes": [note.describe() for note in result.notes],
        "excessive": [excess_json(found) for found in result.excessive],
        "fix": fixes[0] if fixes else None,
        "fixReason": reason,
        "fixes": fixes,
    }


def render_check(result: CheckResult) -> str:
    lines = [f"{result.target}  ({result.physical_path}): {result.status.value}"]
    if result.problem is not None:
        lines.append(f"  {result.problem.describe()}")
    for requirement in result.requirements:
        mark = "ok  " if requirement.ok else "FILE SERVER" if requirement.on_file_server else "MISSING"
        lines.append(f"  [{mark}] {requirement.reason.describe()}")
    for note in result.notes:
        lines.append(f"  note: {note.describe()}")
    for found in result.excessive:
        lines.append(f"  [TOO MUCH] {found.reason.describe()}")
        lines.append(f"             ({found.source or 'pool identity'}) fix: {found.fix.describe()}")
    command = fix_command(result)
    advice = result.recommendation
    if command is not None:
        lines.append(f"  fix: {command}")
    if advice is not None and advice.reason not in (None, "nothing-to-do") and advice.message is not None:
        lines.append(f"  no fix here: {advice.message.describe()}")
    return "\n".join(map(visible, lines))
