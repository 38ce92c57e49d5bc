"""The columns of the "Who needs what" table: who (and in which role) needs what on which folder or
file, what it has, and whether that is enough - or whether only the file server can tell. Why is
each row's tooltip, and said in full under the table for what is missing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor, QIcon

from bridge.needs import Requirement
from bridge.safety import is_within, same_path
from gui.icons import icon
from gui.table_model import Column
from gui.texts import level_text, reason_text, role_text

# The Path column: drawn by a PathDelegate, elided in the middle.
PATH_COLUMN = 5

# What a requirement's state is called, its icon and its colour: met, blocked by a deny entry, on
# the file server (not checkable from here), missing.
_OK, _BLOCKED, _FILE_SERVER, _MISSING = "ok", "blocked", "file-server", "missing"
_ICONS = {
    _OK: "status-ok",
    _BLOCKED: "status-blocked",
    _FILE_SERVER: "status-unfixable",
    _MISSING: "status-missing",
}
_COLOURS = {_OK: "#2e7d32", _BLOCKED: "#c62828", _FILE_SERVER: "#5f6368", _MISSING: "#b26a00"}


def _state(requirement: Requirement) -> str:
    if requirement.ok:
        return _OK
    if requirement.on_file_server:
        return _FILE_SERVER
    return _BLOCKED if requirement.blocked_by_deny else _MISSING


def _status(requirement: Requirement) -> str:
    return {
        _OK: QCoreApplication.translate("Details", "OK"),
        _BLOCKED: QCoreApplication.translate("Details", "Blocked by deny"),
        _FILE_SERVER: QCoreApplication.translate("Details", "On the file server"),
        _MISSING: QCoreApplication.translate("Details", "Missing"),
    }[_state(requirement)]


def _status_icon(requirement: Requirement) -> QIcon:
    return icon(_ICONS[_state(requirement)])


def _colour(requirement: Requirement) -> QBrush:
    return QBrush(QColor(_COLOURS[_state(requirement)]))


def _has(requirement: Requirement) -> str:
    # On a share the file server decides: what the account has there is not known here.
    return "—" if requirement.on_file_server else level_text(requirement.effective)


def _tip(text: Callable[[Requirement], str]) -> Callable[[Requirement], str]:
    """A cell's tooltip: its whole text, then the reason in full."""
    return lambda requirement: f"{text(requirement)}\n{reason_text(requirement.reason)}"


def _who(requirement: Requirement) -> str:
    return f"{requirement.name} ({requirement.sid})" if requirement.sid else requirement.name


def path_text(requirement: Requirement, folder: str) -> str:
    """The folder or file a requirement is about, as short as says it: "This folder" for the
    target's folder, a name below it (web.config), else the whole path (drawn elided)."""
    if same_path(requirement.path, folder):
        return QCoreApplication.translate("Details", "This folder")
    if is_within(requirement.path, folder):
        return requirement.path.rstrip("\\")[len(folder.rstrip("\\")) :].strip("\\")
    return requirement.path


def requirement_columns(folder: Callable[[], str]) -> list[Column[Requirement]]:
    """The columns; ``folder`` gives the folder of the target shown (paths below it are named
    relative to it). The reason is every cell's tooltip and is said in full under the table."""

    def path(requirement: Requirement) -> str:
        return path_text(requirement, folder())

    def whole_path(requirement: Requirement) -> str:
        shown = path(requirement)
        return requirement.path if shown == requirement.path else f"{shown}: {requirement.path}"

    def role(requirement: Requirement) -> str:
        return role_text(requirement.role)

    def needs(requirement: Requirement) -> str:
        return level_text(requirement.needs)

    return [
        Column(QCoreApplication.translate("Details", "Identity"), lambda r: r.name, tooltip=_tip(_who)),
        Column(QCoreApplication.translate("Details", "Role"), role, tooltip=_tip(role)),
        Column(QCoreApplication.translate("Details", "Needs"), needs, tooltip=_tip(needs)),
        Column(QCoreApplication.translate("Details", "Has"), _has, tooltip=_tip(_has)),
        Column(
            QCoreApplication.translate("Details", "Status"),
            _status,
            icon=_status_icon,
            foreground=_colour,
            tooltip=_tip(_status),
        ),
        # Last: it takes the width left, its long paths shortened in the middle.
        Column(QCoreApplication.translate("Details", "Path"), path, tooltip=_tip(whole_path)),
    ]
