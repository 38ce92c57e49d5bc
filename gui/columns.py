"""The columns of every flat table: application pools, the ACL of a folder, the change history.

Each function returns fresh Column lists so the headers are translated in the
language active when the view is built.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor

from bridge.acl_entries import AclEntry, advanced_entries
from bridge.history import ChangeRecord
from bridge.history_text import local_time
from bridge.model import AppPool, Inventory, PathAccess
from bridge.needs import CheckResult
from bridge.sids import IIS_IUSRS, well_known_name
from gui.host_names import host_name
from gui.hosts import HostEntry, host_icon, host_line, host_state_text
from gui.icons import icon
from gui.members_view import pool_carries_text
from gui.rights_words import mask_text, rights_text
from gui.table_model import Column
from gui.texts import (
    applies_to_text,
    iis_word,
    outcome_text,
    reason_text,
    runtime_text,
    status_text,
)


@dataclass(frozen=True)
class PoolRow:
    pool: AppPool
    applications: int


def pool_rows(inventory: Inventory) -> list[PoolRow]:
    uses = Counter(app.application_pool.casefold() for site in inventory.sites for app in site.applications)
    return [PoolRow(pool, uses[pool.name.casefold()]) for pool in inventory.app_pools]


def pool_columns() -> list[Column[PoolRow]]:
    return [
        Column(QCoreApplication.translate("Columns", "Name"), lambda r: r.pool.name),
        Column(QCoreApplication.translate("Columns", "State"), lambda r: iis_word(r.pool.state)),
        Column(QCoreApplication.translate("Columns", "Identity type"), lambda r: r.pool.identity_type.value),
        Column(QCoreApplication.translate("Columns", "Identity account"), lambda r: r.pool.identity_account),
        Column(QCoreApplication.translate("Columns", "SID"), lambda r: r.pool.identity_sid or ""),
        Column(
            QCoreApplication.translate("Columns", ".NET CLR version"),
            lambda r: runtime_text(r.pool.managed_runtime_version),
        ),
        Column(
            QCoreApplication.translate("Columns", "Pipeline mode"),
            lambda r: iis_word(r.pool.managed_pipeline_mode),
        ),
        Column(
            QCoreApplication.translate("Columns", "Applications"),
            lambda r: str(r.applications),
            sort_key=lambda r: r.applications,
        ),
        Column(
            QCoreApplication.translate("Columns", "IIS_IUSRS in the worker token"),
            lambda r: pool_carries_text(r.pool),
            foreground=lambda r: _LINK_BRUSH,
            tooltip=lambda r: (
                pool_carries_text(r.pool)
                + "\n"
                + QCoreApplication.translate("Columns", "Click to see who is behind IIS_IUSRS")
            ),
        ),
    ]


# Where IIS_IUSRS is a link to the members view, it is drawn in the colour of a link.
_LINK_BRUSH = QBrush(QColor("#1a5fb4"))
IIS_IUSRS_POOL_COLUMN = 8


@dataclass(frozen=True)
class AclRow:
    entry: AclEntry
    account: str


def acl_rows(access: PathAccess) -> list[AclRow]:
    """One row per permission entry, as the Security tab's Advanced view lists them."""
    if access.dacl is None:
        return []
    return [
        AclRow(entry, access.account_name(entry.sid) or well_known_name(entry.sid) or entry.sid)
        for entry in advanced_entries(access.dacl.aces)
    ]


def acl_columns() -> list[Column[AclRow]]:
    return [
        Column(
            QCoreApplication.translate("Columns", "Account"),
            lambda r: r.account,
            foreground=lambda r: _LINK_BRUSH if r.entry.sid == IIS_IUSRS else None,
            tooltip=lambda r: (
                f"{r.account}\n{r.entry.sid}"
                + (
                    "\n" + QCoreApplication.translate("Columns", "Click to see who is behind IIS_IUSRS")
                    if r.entry.sid == IIS_IUSRS
                    else ""
                )
            ),
        ),
        Column(QCoreApplication.translate("Columns", "Rights"), lambda r: mask_text(r.entry.mask)),
        Column(
            QCoreApplication.translate("Columns", "Type"),
            lambda r: (
                QCoreApplication.translate("Columns", "Deny")
                if r.entry.kind == "D"
                else QCoreApplication.translate("Columns", "Allow")
                if r.entry.kind == "A"
                else r.entry.kind
            ),
        ),
        Column(
            QCoreApplication.translate("Columns", "Source"),
            lambda r: (
                QCoreApplication.translate("Columns", "Inherited")
                if r.entry.inherited
                else QCoreApplication.translate("Columns", "Explicit")
            ),
        ),
        Column(QCoreApplication.translate("Columns", "Applies to"), lambda r: applies_to_text(r.entry)),
    ]


def history_columns() -> list[Column[ChangeRecord]]:
    return [
        # Local time with its zone; sorted by the recorded UTC time, which orders the same.
        Column(
            QCoreApplication.translate("Columns", "Time"),
            lambda r: local_time(r.time),
            sort_key=lambda r: r.time,
        ),
        Column(QCoreApplication.translate("Columns", "Host"), lambda r: host_name(r.host_display)),
        Column(QCoreApplication.translate("Columns", "Path"), lambda r: r.path),
        Column(
            QCoreApplication.translate("Columns", "Identity"),
            lambda r: r.identity,
            tooltip=lambda r: f"{r.identity}\n{r.sid}",
        ),
        Column(QCoreApplication.translate("Columns", "Rights"), lambda r: rights_text(r.rights)),
        Column(QCoreApplication.translate("Columns", "Outcome"), outcome_text),
    ]


def host_columns() -> list[Column[HostEntry]]:
    return [
        Column(
            QCoreApplication.translate("Columns", "Host"),
            lambda e: f"{e.label}\n{host_line(e)}",
            icon=lambda e: icon(host_icon(e)),
            tooltip=host_state_text,
        )
    ]


@dataclass(frozen=True)
class FindingRow:
    host: str
    check: CheckResult


def finding_rows(entries: list[HostEntry]) -> list[FindingRow]:
    return [FindingRow(entry.label, check) for entry in entries for check in entry.needs_fixing]


def _finding_why(row: FindingRow) -> str:
    if row.check.problem is not None:
        return reason_text(row.check.problem)
    missing = [reason_text(r.reason) for r in row.check.requirements if not r.ok]
    return " ".join(missing + [reason_text(found.reason) for found in row.check.excessive])


def finding_columns() -> list[Column[FindingRow]]:
    return [
        Column(QCoreApplication.translate("Columns", "Host"), lambda r: r.host),
        Column(QCoreApplication.translate("Columns", "Site / application"), lambda r: str(r.check.target)),
        Column(
            QCoreApplication.translate("Columns", "Access"),
            lambda r: status_text(r.check.status.value),
            icon=lambda r: icon(f"status-{r.check.status.value}"),
        ),
        Column(QCoreApplication.translate("Columns", "Physical path"), lambda r: r.check.physical_path),
        Column(QCoreApplication.translate("Columns", "Why"), _finding_why),
    ]
