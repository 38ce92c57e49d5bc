"""Who is behind IIS_IUSRS: the group's stored members, the workers IIS adds at run time, the
pools that set manualGroupMembership, and the one sentence that matters.

Opened from every place the GUI names IIS_IUSRS (the ACL table, the who-needs-what reasons,
the Pools tab); it reads the group on the host's session in the background, never on the GUI
thread, and is shown with ``show()``, never ``exec()``.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGroupBox, QLabel, QTableView, QVBoxLayout, QWidget

from bridge import operations
from bridge.errors import BridgeError
from bridge.members import Group, GroupView, Member, PoolException, RuntimeMember
from bridge.model import AppPool
from gui.hosts import HostController
from gui.table_model import Column, RecordTableModel, fit_columns, table_view
from gui.texts import error_message, reason_text

# The href every IIS_IUSRS link carries; see link_iis_iusrs().
MEMBERS_LINK = "members:iis-iusrs"


def link_iis_iusrs(text: str) -> str:
    """Plain text as rich text, with every IIS_IUSRS a link to the members view."""
    return html.escape(text).replace("IIS_IUSRS", f'<a href="{MEMBERS_LINK}">IIS_IUSRS</a>')


def pool_carries_text(pool: AppPool) -> str:
    """The Pools tab's word on whether the pool's worker token holds IIS_IUSRS."""
    if not pool.manual_group_membership:
        return QCoreApplication.translate("Members", "Yes, added by IIS")
    if pool.carries_iis_iusrs:
        return QCoreApplication.translate("Members", "Yes, as a stored member (manualGroupMembership)")
    return QCoreApplication.translate("Members", "No (manualGroupMembership)")


def _stored_columns() -> list[Column[Member]]:
    def name(member: Member) -> str:
        if member.name is not None:
            return member.name
        return QCoreApplication.translate("Members", "(cannot be named: an orphaned or deleted account)")

    return [
        Column(QCoreApplication.translate("Members", "Account"), name),
        Column(QCoreApplication.translate("Members", "SID"), lambda m: m.sid),
    ]


def _runtime_columns() -> list[Column[RuntimeMember]]:
    return [
        Column(QCoreApplication.translate("Members", "Worker identity"), lambda m: m.name),
        Column(QCoreApplication.translate("Members", "SID"), lambda m: m.sid),
        Column(QCoreApplication.translate("Members", "Application pool"), lambda m: m.pool or ""),
    ]


def _exception_columns() -> list[Column[PoolException]]:
    return [
        Column(QCoreApplication.translate("Members", "Application pool"), lambda e: e.pool),
        Column(
            QCoreApplication.translate("Members", "Carries IIS_IUSRS"),
            lambda e: (
                QCoreApplication.translate("Members", "Yes")
                if e.carries_group
                else QCoreApplication.translate("Members", "No")
            ),
        ),
        Column(QCoreApplication.translate("Members", "Why"), lambda e: reason_text(e.reason)),
    ]


class MembersView(QDialog):
    """The members of IIS_IUSRS on the current host, read when it opens."""

    def __init__(
        self, controller: HostController, current_key: Callable[[], str | None], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Who is behind IIS_IUSRS"))
        self._controller = controller
        self._current_key = current_key
        self.group_label = QLabel()
        self.group_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stored = RecordTableModel(_stored_columns(), self)
        self.runtime = RecordTableModel(_runtime_columns(), self)
        self.exceptions = RecordTableModel(_exception_columns(), self)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("font-weight: bold;")
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.group_label)
        self.views: list[QTableView] = []
        for title, model in (
            (self.tr("Stored members (what Computer Management lists)"), self.stored),
            (self.tr("Added at run time (in the worker token, never listed)"), self.runtime),
            (self.tr("Exceptions: pools that set manualGroupMembership"), self.exceptions),
        ):
            box = QGroupBox(title)
            view = table_view(model)
            QVBoxLayout(box).addWidget(view)
            self.views.append(view)
            layout.addWidget(box)
            self.exceptions_box = box
        layout.addWidget(self.note)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.resize(760, 560)

    def open_on_click(self, view: QTableView, column: int) -> None:
        """Open when a cell of ``column`` in ``view`` is clicked (the Pools tab's IIS_IUSRS column)."""
        view.clicked.connect(lambda index: self.open_for_current_host() if index.column() == column else None)

    def open_for_current_host(self) -> None:
        """Show the view and read the group on the selected host's session."""
        self.show()
        self.raise_()
        key = self._current_key()
        self._show_view(None)
        started = key is not None and self._controller.on_session(
            key,
            lambda link, cancel: operations.members(link.session, Group.IIS_IUSRS, cancel),
            self._show_view,
            self._failed,
        )
        self.status.setText(
            self.tr("Reading the group's members…")
            if started
            else self.tr("The host is not connected or is busy; try again in a moment.")
        )

    def _show_view(self, view: GroupView | None) -> None:
        self.group_label.setText("" if view is None else f"{view.group_name} ({view.group_sid})")
        self.stored.set_records(list(view.stored) if view is not None else [])
        self.runtime.set_records(list(view.runtime) if view is not None else [])
        self.exceptions.set_records(list(view.exceptions) if view is not None else [])
        self.exceptions_box.setVisible(view is not None and bool(view.exceptions))
        self.note.setText(reason_text(view.note) if view is not None else "")
        if view is not None:
            self.status.setText(
                self.tr("The group has no stored members: the usual case.") if not view.stored else ""
            )
        for view_widget in self.views:
            fit_columns(view_widget, 420)

    def _failed(self, error: BridgeError) -> None:
        self.status.setText(error_message(error))
