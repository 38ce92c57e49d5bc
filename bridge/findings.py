"""Findings: each requirement a check found missing, with the grant that fixes it, for the CSV an
auditor asks for and for the playbooks and scripts exported from the same plans."""

from __future__ import annotations

import csv
import io
import ntpath
from collections.abc import Iterable

from bridge.needs import CheckResult, Requirement, level_word
from bridge.recommend import Fix
from bridge.safety import same_path

CSV_COLUMNS = ("host", "target", "path", "account", "sid", "needs", "has", "status", "fix")


def requirement_fix(result: CheckResult, requirement: Requirement) -> Fix | None:
    """The grant of the check's recommendation that meets ``requirement``, if it has one."""
    advice = result.recommendation
    if advice is None or requirement.ok or requirement.sid is None:
        return None
    folder = ntpath.dirname(requirement.path) if requirement.is_file else requirement.path
    return next(
        (fix for fix in advice.fixes if fix.sid == requirement.sid and same_path(fix.path, folder)), None
    )


def fix_text(result: CheckResult, requirement: Requirement) -> str:
    """What to do, in the CLI's words; empty when nothing needs doing."""
    if requirement.ok:
        return ""
    if requirement.on_file_server:
        return f"grant {requirement.name} {level_word(requirement.needs)} on the file server"
    if requirement.blocked_by_deny:
        return "remove or narrow the deny entry first"
    fix = requirement_fix(result, requirement)
    if fix is None:
        return f"grant {requirement.name} {level_word(requirement.needs)} by hand"
    return fix.command(str(result.target))


def _rows(host: str, result: CheckResult) -> Iterable[tuple[str, ...]]:
    target, path = str(result.target), result.physical_path
    if not result.requirements:
        problem = result.problem.describe() if result.problem is not None else ""
        yield (host, target, path, "", "", "", "", result.status.value, problem)
    for requirement in result.requirements:
        status = "ok" if requirement.ok else "blocked" if requirement.blocked_by_deny else "missing"
        yield (
            host,
            target,
            path,
            requirement.name,
            requirement.sid or "",
            requirement.needs.value,
            requirement.effective.value,
            status,
            fix_text(result, requirement),
        )


def csv_text(host: str, results: Iterable[CheckResult], *, header: bool = True) -> str:
    """One row per requirement (one per target that cannot be checked), with a header row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if header:
        writer.writerow(CSV_COLUMNS)
    for result in results:
        writer.writerows(_rows(host, result))
    return buffer.getvalue()


def error_row(host: str, message: str) -> str:
    """The row of a host that could not be checked."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow((host, "", "", "", "", "", "", "error", message))
    return buffer.getvalue()
