"""The details pane for the selected site, application or virtual directory.

Served as (the anonymous and the worker identity, with SIDs and where each
comes from), who needs what, the folder's full ACL, and the grant actions.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QIcon
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bridge.access import AccessLevel
from bridge.model import AppPool, Inventory, PathAccess, Target
from bridge.needs import CheckResult, Identity, Requirement
from bridge.plans import GrantKind
from bridge.sids import IIS_IUSRS
from gui.columns import acl_columns, acl_rows
from gui.icons import icon
from gui.members_view import MEMBERS_LINK, link_iis_iusrs
from gui.table_model import Column, RecordTableModel, fit_columns, table_view
from gui.texts import level_text, reason_text
from gui.wrapping import WrappedLabel, message_paragraph


def requirement_columns() -> list[Column[Requirement]]:
    def status(requirement: Requirement) -> str:
        if requirement.ok:
            return QCoreApplication.translate("Details", "OK")
        if requirement.blocked_by_deny:
            return QCoreApplication.translate("Details", "Blocked by deny")
        return QCoreApplication.translate("Details", "Missing")

    def status_icon(requirement: Requirement) -> QIcon:
        return icon(
            "status-ok"
            if requirement.ok
            else "status-blocked"
            if requirement.blocked_by_deny
            else "status-missing"
        )

    def colour(requirement: Requirement) -> QBrush:
        return QBrush(
            QColor("#2e7d32" if requirement.ok else "#c62828" if requirement.blocked_by_deny else "#b26a00")
        )

    return [
        Column(
            QCoreApplication.translate("Details", "Identity"),
            lambda r: r.name,
            tooltip=lambda r: f"{r.name}\n{r.sid or ''}".strip(),
        ),
        Column(QCoreApplication.translate("Details", "Needs"), lambda r: level_text(r.needs)),
        Column(QCoreApplication.translate("Details", "Has"), lambda r: level_text(r.effective)),
        Column(QCoreApplication.translate("Details", "Status"), status, icon=status_icon, foreground=colour),
        Column(QCoreApplication.translate("Details", "Why"), lambda r: reason_text(r.reason)),
    ]


class DetailsPane(QWidget):
    grantRequested = Signal(object, object)  # GrantKind, subpath or None
    # SID, AccessLevel to leave, subpath or None: a reduction asked for (an excess finding's action,
    # or the Reduce menu of the folder's permissions).
    reduceRequested = Signal(str, object, object)
    membersRequested = Signal()  # the admin followed an IIS_IUSRS link

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 11pt; font-weight: bold;")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.path = QLabel()
        self.path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem = WrappedLabel()
        self.problem.setStyleSheet("color: #5f6368;")
        self.served_as = QLabel()
        self.served_as.setWordWrap(True)
        self.served_as.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        served_box = QGroupBox(self.tr("Served as"))
        QVBoxLayout(served_box).addWidget(self.served_as)

        self.requirements = RecordTableModel(requirement_columns(), self)
        self.requirements_view = _fitted_table(self.requirements)
        self.reasons = WrappedLabel()
        self.reasons.setTextFormat(Qt.TextFormat.RichText)
        self.reasons.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.reasons.linkActivated.connect(self._link)
        needs_box = QGroupBox(self.tr("Who needs what"))
        needs_layout = QVBoxLayout(needs_box)
        needs_layout.addWidget(self.requirements_view)
        needs_layout.addWidget(self.reasons)

        self.acl = RecordTableModel(acl_columns(), self)
        self.acl_view = _fitted_table(self.acl)
        self.acl_view.clicked.connect(self._acl_clicked)
        self.reduce_button = self._reduce_button()
        acl_box = QGroupBox(self.tr("Permissions of the folder"))
        acl_layout = QVBoxLayout(acl_box)
        acl_layout.addWidget(self.acl_view)
        acl_layout.addWidget(self.reduce_button, 0, Qt.AlignmentFlag.AlignRight)

        self.subfolder = QComboBox()
        self.subfolder.setToolTip(self.tr("Grant on the folder itself or on one of its subfolders"))
        self.grant_buttons: dict[GrantKind, QPushButton] = {}
        actions_box = self._actions_box()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.path)
        layout.addWidget(self.problem)
        layout.addWidget(served_box)
        layout.addWidget(needs_box)
        layout.addWidget(acl_box)
        # What the tables do not need stays below them, so the Fix box keeps its place at the bottom.
        layout.addStretch(1)
        layout.addWidget(actions_box)
        self.show_nothing()

    def _actions_box(self) -> QGroupBox:
        actions = QGridLayout()
        for position, (kind, label) in enumerate(
            (
                (GrantKind.IUSR_READ, self.tr("Grant IUSR read")),
                (GrantKind.IIS_IUSRS_MODIFY, self.tr("Grant IIS_IUSRS modify")),
                (GrantKind.POOL_READ, self.tr("Grant pool identity read")),
                (GrantKind.POOL_MODIFY, self.tr("Grant pool identity modify")),
            )
        ):
            button = QPushButton(label)
            button.clicked.connect(lambda _checked=False, chosen=kind: self._request(chosen))
            self.grant_buttons[kind] = button
            actions.addWidget(button, position // 2, position % 2)
        where = QHBoxLayout()
        where.addWidget(QLabel(self.tr("On:")))
        where.addWidget(self.subfolder, 1)
        box = QGroupBox(self.tr("Fix"))
        layout = QVBoxLayout(box)
        layout.addLayout(where)
        layout.addLayout(actions)
        return box

    def _reduce_button(self) -> QToolButton:
        """Take the selected account's allowed access down, on the folder chosen under Fix."""
        button = QToolButton()
        button.setText(self.tr("Reduce the selected account's access"))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        for level, label in (
            (AccessLevel.READ_EXECUTE, self.tr("To Read && execute")),
            (AccessLevel.READ, self.tr("To Read")),
            (AccessLevel.NONE, self.tr("Remove its entries")),
        ):
            action = menu.addAction(label)
            action.triggered.connect(lambda _checked=False, chosen=level: self._reduce(chosen))
        button.setMenu(menu)
        button.setEnabled(False)
        return button

    def _selected_allow(self) -> str | None:
        """The SID of the allow entry selected in the permissions table, if one is."""
        rows = self.acl_view.selectionModel().selectedRows() if self.acl_view.selectionModel() else []
        entries = [self.acl.record(index.row()).entry for index in rows]
        return next((entry.sid for entry in entries if entry.kind == "A"), None)

    def _reduce(self, level: AccessLevel) -> None:
        sid = self._selected_allow()
        if sid is not None:
            self.reduceRequested.emit(sid, level, self.subfolder.currentData())

    def show_nothing(self) -> None:
        self.title.setText(self.tr("Select a site, application or virtual directory"))
        self.path.clear()
        self.problem.hide()
        self.served_as.clear()
        self.reasons.clear()
        self.requirements.set_records([])
        self.acl.set_records([])
        self.set_access(None)
        self.set_actions_enabled(False)

    def show_check(self, inventory: Inventory, check: CheckResult) -> None:
        target = inventory.find_target(check.target)
        pool = inventory.pool(target.application.application_pool)
        self.title.setText(str(check.target))
        self.path.setText(check.physical_path)
        self.problem.setVisible(check.problem is not None)
        self.problem.setText(message_paragraph(check.problem) if check.problem is not None else "")
        self.served_as.setText(self._served_as(target, pool, check))
        self.requirements.set_records(list(check.requirements))
        fit_columns(self.requirements_view, 200, within_width=True)
        self.reasons.setText(self._reasons(check))
        self.set_actions_enabled(True)

    def set_access(self, access: PathAccess | None) -> None:
        """The folder's ACL and subfolders, once read."""
        self.acl.set_records(acl_rows(access) if access is not None else [])
        self.reduce_button.setEnabled(False)
        fit_columns(self.acl_view, 260, within_width=True)
        self.subfolder.clear()
        self.subfolder.addItem(self.tr("The folder itself"), None)
        for child in (access.children or ()) if access is not None else ():
            self.subfolder.addItem(child, child)

    def set_actions_enabled(self, enabled: bool) -> None:
        for button in self.grant_buttons.values():
            button.setEnabled(enabled)
        self.subfolder.setEnabled(enabled)
        self.reduce_button.setEnabled(enabled and self._selected_allow() is not None)

    def _served_as(self, target: Target, pool: AppPool | None, check: CheckResult) -> str:
        lines = []
        anonymous = target.application.anonymous
        if check.anonymous is None or not anonymous.enabled:
            lines.append(self.tr("<b>Anonymous:</b> anonymous authentication is off."))
        elif anonymous.uses_pool_identity:
            lines.append(
                self.tr(
                    "<b>Anonymous:</b> {identity} — anonymous authentication uses the application pool "
                    "identity."
                ).format(identity=_identity(check.anonymous))
            )
        else:
            lines.append(
                self.tr(
                    "<b>Anonymous:</b> {identity} — the user name set for anonymous authentication."
                ).format(identity=_identity(check.anonymous))
            )
        pool_name = html.escape(pool.name if pool is not None else target.application.application_pool)
        identity_type = pool.identity_type.value if pool is not None else "?"
        lines.append(
            self.tr("<b>Worker process:</b> {identity} — application pool {pool} ({type}).").format(
                identity=_identity(check.worker), pool=pool_name, type=identity_type
            )
        )
        return "<br>".join(lines)

    @staticmethod
    def _reasons(check: CheckResult) -> str:
        """Why each identity that lacks access lacks it, in full (the table cell is too narrow);
        a manual pool's reason is shown even when it has access: it explains how."""
        shown = [r.reason for r in check.requirements if not r.ok or r.reason.code == "ok-manual-member"]
        # What is too much stands beside what is missing, each with what to do about it.
        lines = [f"• {link_iis_iusrs(message_paragraph(reason))}" for reason in shown]
        too_much = QCoreApplication.translate("Details", "Too much:")
        for found in check.excessive:
            fix = html.escape(message_paragraph(found.fix))
            lines.append(
                f"• <b>{too_much}</b> {link_iis_iusrs(message_paragraph(found.reason))} <i>{fix}</i>"
            )
        return "<br>".join(lines)

    @Slot(str)
    def _link(self, href: str) -> None:
        if href == MEMBERS_LINK:
            self.membersRequested.emit()

    @Slot(QModelIndex)
    def _acl_clicked(self, index: QModelIndex) -> None:
        self.reduce_button.setEnabled(self.subfolder.isEnabled() and self._selected_allow() is not None)
        if self.acl.record(index.row()).entry.sid == IIS_IUSRS:
            self.membersRequested.emit()

    @Slot()
    def _request(self, kind: GrantKind) -> None:
        self.grantRequested.emit(kind, self.subfolder.currentData())


def _fitted_table(model: RecordTableModel[Any]) -> QTableView:
    """A table as tall as its rows: a long ACL takes the room there is and scrolls, a short one no more."""
    view = table_view(model)
    view.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
    # Its columns fit the pane's width (long values elided, whole in the tooltip): no sideways scrolling.
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return view


def _identity(identity: Identity) -> str:
    return html.escape(f"{identity.name} ({identity.sid or '?'})")
