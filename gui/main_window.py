"""The main window: it assembles the panes and connects them; the work is done elsewhere."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelection, QModelIndex, QSize, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui.columns import (
    IIS_IUSRS_POOL_COLUMN,
    finding_columns,
    finding_rows,
    host_columns,
    pool_columns,
    pool_rows,
)
from gui.details import DetailsPane
from gui.elevation import ShellExecute
from gui.errors import ErrorBanner, ErrorReporter
from gui.grant_flow import GrantFlow
from gui.help_menu import HelpMenu
from gui.history_view import HistoryView
from gui.host_actions import HostActions
from gui.hosts import HostController, HostEntry, HostState, host_state_text
from gui.icons import app_icon
from gui.members_view import MembersView
from gui.notice import ChangeNotice
from gui.recovery import Recovery
from gui.settings import Settings
from gui.site_model import SiteTreeModel
from gui.site_tree import column_actions, fit_site_columns, site_tree
from gui.table_model import RECORD_ROLE, RecordTableModel, fit_columns, list_view, table_view

# Hosts narrow, the Sites tree (the main work area, its paths readable) widest, the details about a third.
_PANE_WIDTHS = (170, 745, 545)
# The window as it first opens, where the screen has room for it.
DEFAULT_SIZE = QSize(1460, 860)
# Up to this many sites the tree opens fully; beyond, expanding costs more than a glance is worth.
_EXPAND_SITES = 50
# Language names stay in their own language; only "System default" is translated.
LANGUAGES = (("", QT_TRANSLATE_NOOP("MainWindow", "System default")), ("en", "English"), ("de", "Deutsch"))


def _fill(menu: QMenu, actions: list[QAction]) -> None:
    menu.clear()
    menu.addActions(actions)


class MainWindow(QMainWindow):
    languageChosen = Signal(str)
    inventoryShown = Signal(str)  # host key, once its sites are on screen

    def __init__(
        self,
        controller: HostController,
        settings: Settings,
        reporter: ErrorReporter,
        shell_execute: ShellExecute | None = None,
    ) -> None:
        super().__init__()
        self.controller = controller
        self.settings = settings
        self.setWindowTitle(self.tr("IIS Access"))
        self.setWindowIcon(app_icon())
        self.current_key: str | None = None

        self.hosts = RecordTableModel(host_columns(), self)
        self.hosts_view = list_view(self.hosts, name=self.tr("Hosts"))
        self.banner = ErrorBanner()
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter sites, applications, pools and paths (Ctrl+F)"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(self.tr("Filter"))
        self.sites = SiteTreeModel(self)
        self.filter.textChanged.connect(self._filter_changed)
        self.tree = site_tree(self.sites)
        self._columns_sized = False
        self.pools = RecordTableModel(pool_columns(), self)
        self.pools_view = table_view(self.pools, sortable=True, name=self.tr("Application pools"))
        self.findings = RecordTableModel(finding_columns(), self)
        self.findings_view = table_view(self.findings, sortable=True, name=self.tr("Findings on all hosts"))
        self.history = HistoryView(controller.history)
        self.tabs = self._tabs()
        self.details = DetailsPane()
        # The details belong to the selected site; the other tabs get the whole width.
        self.tabs.currentChanged.connect(lambda index: self.details.setVisible(index == 0))
        self.notice = ChangeNotice()
        self.grants = GrantFlow(
            self, controller, sites=self.sites, details=self.details, notice=self.notice, banner=self.banner
        )
        self.recovery = Recovery(self, controller, self.banner, self.current_entry, shell_execute)
        self.host_actions = HostActions(self, controller, settings, self.current_entry)
        self.members_view = MembersView(controller, lambda: self.current_key, self)
        self._layout()
        self._actions()

        controller.hostChanged.connect(self._host_changed)
        controller.runner.busyChanged.connect(self._busy_changed)
        controller.cancelled.connect(self._cancelled)
        controller.unexpected.connect(reporter.report)
        self.grants.changed.connect(self._after_change)
        self.hosts_view.selectionModel().currentChanged.connect(self._host_selected)
        self.tree.selectionModel().selectionChanged.connect(self._target_selected)
        self.history.undoRequested.connect(self.grants.undo)
        self.details.membersRequested.connect(self.members_view.open_for_current_host)
        self.grants.dialogOpened.connect(
            lambda dialog: dialog.membersRequested.connect(self.members_view.open_for_current_host)
        )
        self.members_view.open_on_click(self.pools_view, IIS_IUSRS_POOL_COLUMN)
        self._reload_hosts()
        self._restore()

    def _tabs(self) -> QTabWidget:
        tabs = QTabWidget()
        tabs.addTab(self.tree, self.tr("Sites"))
        tabs.addTab(self.pools_view, self.tr("Application Pools"))
        tabs.addTab(self.findings_view, self.tr("All hosts"))
        tabs.addTab(self.history, self.tr("History"))
        return tabs

    def _layout(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Hosts")))
        left_layout.addWidget(self.hosts_view)
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addWidget(self.banner)
        centre_layout.addWidget(self.filter)
        centre_layout.addWidget(self.tabs)
        centre_layout.addWidget(self.notice)
        self.splitter = QSplitter()
        for pane in (left, centre, self.details):
            self.splitter.addWidget(pane)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes(list(_PANE_WIDTHS))
        self.setCentralWidget(self.splitter)
        # The host's state stays in the status bar; showMessage() puts a passing event over it.
        self.host_status = QLabel(self.tr("Ready"))
        self.statusBar().addWidget(self.host_status, 1)

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    def _actions(self) -> None:
        self.add_action = self.host_actions.add_action
        self.edit_action = self.host_actions.edit_action
        self.remove_action = self.host_actions.remove_action
        self.refresh_action = self._action(
            self.tr("&Refresh"), self.refresh, QKeySequence.StandardKey.Refresh
        )
        self.refresh_action.setShortcuts([QKeySequence("F5")])
        self.check_all_action = self._action(self.tr("&Check all hosts"), self._check_all)
        self.cancel_action = self._action(self.tr("&Cancel"), self._cancel, QKeySequence("Esc"))
        self.find_action = self._action(self.tr("&Find"), self._focus_filter, QKeySequence.StandardKey.Find)
        quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        host_menu = self.menuBar().addMenu(self.tr("H&ost"))
        for action in (
            self.add_action,
            self.edit_action,
            self.remove_action,
            self.refresh_action,
            self.check_all_action,
            self.host_actions.reset_demo_action,
        ):
            host_menu.addAction(action)
        host_menu.addAction(self.cancel_action)
        host_menu.addAction(self.recovery.restart_action)
        host_menu.addSeparator()
        host_menu.addAction(quit_action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addAction(self.find_action)
        view_menu.addAction(self.tr("Who is behind &IIS_IUSRS…"), self.members_view.open_for_current_host)
        columns_menu = view_menu.addMenu(self.tr("Site &columns"))
        columns_menu.aboutToShow.connect(lambda: _fill(columns_menu, column_actions(self.tree, columns_menu)))
        language_menu = self.menuBar().addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for code, name in LANGUAGES:
            action = language_menu.addAction(self.tr(str(name)) if not code else str(name))
            action.setCheckable(True)
            action.setChecked(code == self.settings.language())
            action.triggered.connect(lambda _checked=False, chosen=code: self.languageChosen.emit(chosen))
            group.addAction(action)
        self.help = HelpMenu(self)
        self.host_actions.attach(self.hosts_view, self.refresh_action)
        self.host_actions.showHost.connect(self._show_host)
        self.recovery.accountChanged.connect(self.host_actions.save)
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        for action in (self.add_action, self.refresh_action, self.check_all_action, self.cancel_action):
            toolbar.addAction(action)
        self.cancel_action.setEnabled(False)

    def select_host(self, key: str) -> None:
        row = next((i for i, entry in enumerate(self.hosts.records()) if entry.key == key), None)
        if row is not None:
            self.hosts_view.setCurrentIndex(self.hosts.index(row, 0))

    def select_target(self, target: str) -> bool:
        index = self.sites.index_for(target)
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    def current_entry(self) -> HostEntry | None:
        return self.controller.entry(self.current_key) if self.current_key is not None else None

    @Slot()
    def refresh(self) -> None:
        if self.current_key is not None:
            self.banner.hide()
            self.controller.refresh(self.current_key)

    def _reload_hosts(self) -> None:
        self.hosts.set_records(self.controller.entries)

    @Slot(str)
    def _host_changed(self, key: str) -> None:
        self._reload_hosts()
        self.recovery.update()
        if key == self.current_key:
            self.select_host(key)
        self.findings.set_records(finding_rows(self.controller.entries))
        fit_columns(self.findings_view, 320)
        entry = self.controller.entry(key)
        if entry is None or key != self.current_key:
            return
        if entry.state is HostState.FAILED:
            self.recovery.show_error(entry)
            # The rows go back to what was last read (the status line says so), none stays "Checking…".
            self.sites.set_all_busy(False)
            self.details.set_actions_enabled(False)
            self.host_status.setText(host_state_text(entry))
        if entry.state is HostState.READY:
            self._show_entry(entry)
        elif entry.state is HostState.CONNECTING:
            self.sites.set_all_busy(True)
            self.details.set_actions_enabled(False)

    def _show_entry(self, entry: HostEntry) -> None:
        selected = self.grants.target
        self.sites.set_forest(entry.sites)
        self.pools.set_records(pool_rows(entry.inventory) if entry.inventory is not None else [])
        self._expand_if_few()
        # Sizing reads the rows on screen, so it waits for the event loop's next turn: showing a
        # large server and measuring its first rows never freeze the window together.
        QTimer.singleShot(0, self, self._size_columns)
        fit_columns(self.pools_view, 360)
        self.host_status.setText(host_state_text(entry))
        if selected is None or not self.select_target(selected):
            self.details.show_nothing()
        if entry.inventory is not None:
            self.inventoryShown.emit(entry.key)

    def _expand_if_few(self) -> None:
        """Open the tree when it shows few sites; a long list stays collapsed, as IIS Manager shows it."""
        if self.sites.rowCount() <= _EXPAND_SITES:
            self.tree.expandAll()

    @Slot(str)
    def _filter_changed(self, text: str) -> None:
        self.sites.set_filter(text)
        self._expand_if_few()

    def _size_columns(self) -> None:
        """Once per window: the admin's saved widths, else widths fitted to the first rows shown."""
        if self._columns_sized or self.sites.rowCount() == 0:
            return
        self._columns_sized = True
        if not self.tree.header().restoreState(self.settings.header_state("sites")):
            fit_site_columns(self.tree)

    @Slot(QModelIndex, QModelIndex)
    def _host_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entry = current.data(RECORD_ROLE)
        if not isinstance(entry, HostEntry) or entry.key == self.current_key:
            return
        self.current_key = entry.key
        self.banner.hide()
        self.grants.set_host(entry.key)
        self.host_actions.update(entry)
        self.cancel_action.setEnabled(self.controller.runner.is_busy(entry.key))
        self.sites.set_forest(None)
        self.pools.set_records([])
        self.details.show_nothing()
        if entry.state is HostState.READY:
            self._show_entry(entry)
        elif entry.state is HostState.FAILED:
            self.recovery.show_error(entry)
        elif entry.state is HostState.IDLE:
            self.controller.refresh(entry.key)

    @Slot(QItemSelection, QItemSelection)
    def _target_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        node = self.sites.node(self.tree.currentIndex())
        self.grants.select(node.target if node is not None else None)

    @Slot(str, bool)
    def _busy_changed(self, key: str, busy: bool) -> None:
        if key == self.current_key:
            self.cancel_action.setEnabled(busy)
            entry = self.controller.entry(key)
            idle_text = host_state_text(entry) if entry is not None else ""
            self.host_status.setText(self.tr("Working…") if busy else idle_text)
        self._reload_hosts()
        if key == self.current_key:
            self.select_host(key)

    @Slot()
    def _after_change(self) -> None:
        self.history.reload()

    @Slot(str)
    def _show_host(self, key: str) -> None:
        """Select a host as if for the first time: an added or edited one connects with its new settings."""
        self.current_key = None
        self.hosts_view.setCurrentIndex(QModelIndex())
        self.select_host(key)
        if self.current_key is None:
            self.sites.set_forest(None)
            self.details.show_nothing()

    @Slot()
    def _check_all(self) -> None:
        self.controller.refresh_all()
        self.tabs.setCurrentWidget(self.findings_view)

    @Slot()
    def _cancel(self) -> None:
        if self.current_key is not None:
            self.controller.cancel(self.current_key)

    @Slot(str)
    def _cancelled(self, key: str) -> None:
        if key == self.current_key:
            self.statusBar().showMessage(self.tr("Cancelled: the operation was stopped."), 10_000)

    @Slot()
    def _focus_filter(self) -> None:
        self.tabs.setCurrentWidget(self.tree)
        self.filter.setFocus()
        self.filter.selectAll()

    def _restore(self) -> None:
        if not self.restoreGeometry(self.settings.geometry()):
            # At 150 % a 1080p screen has 1280 x 720 logical pixels: leave room for the title bar and frame.
            self.resize(DEFAULT_SIZE.boundedTo(self.screen().availableSize() - QSize(16, 48)))
        self.restoreState(self.settings.window_state())
        self.splitter.restoreState(self.settings.splitter_state())
        self.history.reload()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        self.settings.set_splitter_state(self.splitter.saveState())
        # Widths are the admin's, or fitted to real rows: defaults from a window closed before
        # any site was shown would be restored in place of the fit forever.
        if self._columns_sized:
            self.settings.set_header_state("sites", self.tree.header().saveState())
        self.settings.sync()
        super().closeEvent(event)
