"""The details pane for the selected site, application or virtual directory.

It assembles what is said about the target: who IIS serves it as (``gui.served_as``), who needs
what (``gui.requirement_columns``) with the reasons, findings and notes (``gui.check_reasons``), the
folder's full ACL with its Reduce menu, and the Fix box (``gui.fix_box``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFrame,
    QGroupBox,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bridge.access import AccessLevel
from bridge.model import Inventory, PathAccess
from bridge.needs import CheckResult
from bridge.plans import GrantKind
from bridge.sids import IIS_IUSRS
from gui.check_reasons import linked_finding, notes_text, reasons_text, reduce_subpath
from gui.columns import acl_columns, acl_rows
from gui.fix_box import FixBox
from gui.members_view import MEMBERS_LINK
from gui.path_elision import PathDelegate
from gui.requirement_columns import PATH_COLUMN, requirement_columns
from gui.served_as import served_as_text
from gui.table_model import RecordTableModel, fit_columns, table_view
from gui.wrapping import WrappedLabel, message_paragraph

_LINKS = (
    Qt.TextInteractionFlag.TextSelectableByMouse
    | Qt.TextInteractionFlag.LinksAccessibleByMouse
    | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
)


class DetailsPane(QWidget):
    grantRequested = Signal(object, object)  # GrantKind, subpath or None
    fixRequested = Signal(object)  # the recommended grants, tuple[Fix, ...]
    # SID, AccessLevel to leave, subpath or None: a reduction asked for (an excess finding's action,
    # or the Reduce menu of the folder's permissions).
    reduceRequested = Signal(str, object, object)
    membersRequested = Signal()  # the admin followed an IIS_IUSRS link

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._check: CheckResult | None = None
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

        needs_box = self._needs_box()
        acl_box = self._acl_box()

        self.fix_box = FixBox()
        self.fix_box.grantRequested.connect(self.grantRequested)
        self.fix_box.fixRequested.connect(self.fixRequested)
        self.subfolder = self.fix_box.subfolder
        self.grant_buttons: dict[GrantKind, QPushButton] = self.fix_box.grant_buttons

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.problem)
        body_layout.addWidget(served_box)
        body_layout.addWidget(needs_box)
        body_layout.addWidget(acl_box)
        # What the tables do not need stays below them.
        body_layout.addStretch(1)
        # A target with many readers, reasons and entries scrolls, never sideways; the title above
        # it and the Fix box below it keep their places.
        self.body_scroll = QScrollArea()
        self.body_scroll.setWidget(body)
        self.body_scroll.setWidgetResizable(True)
        self.body_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.path)
        layout.addWidget(self.body_scroll, 1)
        layout.addWidget(self.fix_box)
        self.show_nothing()

    def _needs_box(self) -> QGroupBox:
        """Who needs what: the table, then why each lacks it, the findings and the notes."""
        self.requirements = RecordTableModel(requirement_columns(self._folder), self)
        self.requirements_view = _fitted_table(self.requirements)
        self.requirements_view.setItemDelegateForColumn(PATH_COLUMN, PathDelegate(self.requirements_view))
        self.reasons = _linked_label()
        self.reasons.linkActivated.connect(self._link)
        self.notes = _linked_label()
        self.notes.setStyleSheet("color: #5f6368;")
        self.notes.linkActivated.connect(self._link)
        box = QGroupBox(self.tr("Who needs what"))
        layout = QVBoxLayout(box)
        layout.addWidget(self.requirements_view)
        layout.addWidget(self.reasons)
        layout.addWidget(self.notes)
        return box

    def _folder(self) -> str:
        return self._check.physical_path if self._check is not None else ""

    def _acl_box(self) -> QGroupBox:
        self.acl = RecordTableModel(acl_columns(), self)
        self.acl_view = _fitted_table(self.acl)
        self.acl_view.clicked.connect(self._acl_clicked)
        self.reduce_button = self._reduce_button()
        box = QGroupBox(self.tr("Permissions of the folder"))
        layout = QVBoxLayout(box)
        layout.addWidget(self.acl_view)
        layout.addWidget(self.reduce_button, 0, Qt.AlignmentFlag.AlignRight)
        return box

    def _reduce_button(self) -> QPushButton:
        """Take the selected account's allowed access down, on the folder chosen under Fix.

        A push button with a menu: its size makes room for the menu's arrow (a tool button's
        instant popup drew the arrow over the end of its text)."""
        button = QPushButton(self.tr("Reduce the selected account's access"))
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
        self._check = None
        self.title.setText(self.tr("Select a site, application or virtual directory"))
        self.path.clear()
        self.problem.hide()
        self.served_as.clear()
        self.reasons.clear()
        self.notes.clear()
        self.notes.hide()
        self.requirements.set_records([])
        self.fix_box.show_nothing()
        self.set_access(None)
        self.set_actions_enabled(False)

    def show_check(self, inventory: Inventory, check: CheckResult) -> None:
        self._check = check
        target = inventory.find_target(check.target)
        pool = inventory.pool(target.application.application_pool)
        self.title.setText(str(check.target))
        self.path.setText(check.physical_path)
        self.problem.setVisible(check.problem is not None)
        self.problem.setText(message_paragraph(check.problem) if check.problem is not None else "")
        self.served_as.setText(served_as_text(target, pool, check))
        self.requirements.set_records(list(check.requirements))
        fit_columns(self.requirements_view, 200, within_width=True)
        self.reasons.setText(reasons_text(check))
        self.reasons.setVisible(bool(self.reasons.text()))
        self.notes.setText(notes_text(check))
        self.notes.setVisible(bool(check.notes))
        if pool is not None:
            self.fix_box.show_check(check, target, pool, inventory.server)
        else:
            self.fix_box.show_nothing()
        self.set_actions_enabled(True)

    def set_access(self, access: PathAccess | None) -> None:
        """The folder's ACL and subfolders, once read."""
        self.acl.set_records(acl_rows(access) if access is not None else [])
        self.reduce_button.setEnabled(False)
        fit_columns(self.acl_view, 260, within_width=True)
        self.fix_box.set_access(access)

    def set_actions_enabled(self, enabled: bool) -> None:
        self.fix_box.set_enabled(enabled)
        self.reduce_button.setEnabled(enabled and self._selected_allow() is not None)

    @Slot(str)
    def _link(self, href: str) -> None:
        if href == MEMBERS_LINK:
            self.membersRequested.emit()
            return
        check = self._check
        found = linked_finding(check, href) if check is not None else None
        if check is None or found is None or found.to is None or not self.subfolder.isEnabled():
            return
        self.reduceRequested.emit(found.sid, found.to, reduce_subpath(found, check.physical_path))

    @Slot(QModelIndex)
    def _acl_clicked(self, index: QModelIndex) -> None:
        self.reduce_button.setEnabled(self.subfolder.isEnabled() and self._selected_allow() is not None)
        if self.acl.record(index.row()).entry.sid == IIS_IUSRS:
            self.membersRequested.emit()


def _linked_label() -> WrappedLabel:
    """A wrapped rich-text label whose links work by mouse and keyboard."""
    label = WrappedLabel()
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(_LINKS)
    return label


def _fitted_table(model: RecordTableModel[Any]) -> QTableView:
    """A table as tall as its rows: a long ACL takes the room there is and scrolls, a short one no more."""
    view = table_view(model)
    view.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
    # Its columns fit the pane's width (long values elided, whole in the tooltip): no sideways scrolling.
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return view
