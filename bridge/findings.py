"""Findings: each requirement a check found missing, with the grant that fixes it, for the CSV an
auditor asks for and for the playbooks and scripts exported from the same plans."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from bridge.access import AccessLevel
from bridge.needs import CheckResult, Requirement, level_word
from bridge.plans import GrantKind
from bridge.sids import IUSR

CSV_COLUMNS = ("host", "target", "path", "account", "sid", "needs", "has", "status", "fix")


def recommended_kind(requirement: Requirement) -> GrantKind | None:
    """The grant that gives a missing requirement what it needs, or None when no grant can."""
    if requirement.ok or requirement.blocked_by_deny or requirement.sid is None:
        return None
    if requirement.role == "worker":
        return GrantKind.POOL_MODIFY if requirement.needs >= AccessLevel.MODIFY else GrantKind.POOL_READ
    return GrantKind.IUSR_READ if requirement.sid == IUSR else None


def fix_text(result: CheckResult, requirement: Requirement) -> str:
    """What to do, in the CLI's words; empty when nothing needs doing."""
    if requirement.ok:
        return ""
    if requirement.blocked_by_deny:
        return "remove or narrow the deny entry first"
    kind = recommended_kind(requirement)
    if kind is None:
        return f"grant {requirement.name} {level_word(requirement.needs)} by hand"
    return f"iis-access grant {kind.value} {str(result.target)!r}"


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
