"""The Help menu: how the app decides, its keyboard shortcuts, the log folder and About.

"How it decides" is the README's section of that name, short enough to read in
the app where an admin looks for it; the shortcuts page lists the window's own
actions, so it cannot drift from what the keys do.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version

import PySide6
from PySide6.QtCore import QObject, QUrl, qVersion
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
)

from bridge._version import VERSION
from bridge.logfile import log_file

LICENCE = "MIT"


def _package_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "?"


class HelpPage(QDialog):
    """One page of help text: rich text, selectable, closed with Esc or Close."""

    def __init__(self, title: str, html: str, parent: QMainWindow) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(True)
        self.text.setHtml(html)
        self.text.setAccessibleName(title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(640, 480)


class HelpMenu(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.page: HelpPage | None = None
        menu = window.menuBar().addMenu(self.tr("&Help"))
        self.how_action = self._add(
            menu, self.tr("&How it decides"), self.show_how, QKeySequence.StandardKey.HelpContents
        )
        self.keys_action = self._add(menu, self.tr("&Keyboard shortcuts"), self.show_shortcuts)
        self.log_action = self._add(menu, self.tr("Open &log folder"), self.open_log_folder)
        menu.addSeparator()
        self.about_action = self._add(menu, self.tr("&About IIS Access"), self.show_about)

    def _add(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = QAction(text, self._window)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _show(self, title: str, html: str) -> HelpPage:
        if self.page is not None:
            self.page.close()
            self.page.deleteLater()
        self.page = HelpPage(title, html, self._window)
        self.page.show()
        return self.page

    def how_html(self) -> str:
        return self.tr(
            "<h3>How IIS Access decides</h3><ul>"
            "<li><b>Grant by SID, never by name</b>: account names are not localized but their domain "
            "prefixes are (<code>NT-AUTORITÄT\\IUSR</code> on German Windows). A grant is one inheritable "
            "allow entry on the folder, like "
            "<code>icacls &lt;dir&gt; /grant *S-1-5-17:(OI)(CI)RX</code>.</li>"
            "<li><b>Effective access</b>, not a search for a name: allow entries for any SID in the "
            "identity's token, minus deny entries. A fresh wwwroot has no IUSR entry and still serves "
            "anonymous requests, because IUSR's token carries Users.</li>"
            "<li><b>Least privilege first</b>: IIS_IUSRS is in every worker's token, so Modify for it on a "
            "site root lets every pool on the server write there; prefer the pool identity, on the "
            "subfolder the application writes to.</li>"
            "<li><b>Nothing you type becomes code</b>: the PowerShell that runs on a server is a constant "
            "script; paths, names and SIDs travel only as parameters.</li>"
            "<li><b>Safe changes</b>: every change is recorded before it is sent and can be undone; a grant "
            "or undo is refused if the folder's permissions changed since they were read.</li></ul>"
        )

    def show_how(self) -> HelpPage:
        return self._show(self.tr("How it decides"), self.how_html())

    def shortcuts_html(self) -> str:
        rows = []
        for action in self._window.findChildren(QAction):
            keys = ", ".join(
                key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts()
            )
            if keys and action.text():
                rows.append(f"<tr><td>{action.text().replace('&', '')}</td><td><b>{keys}</b></td></tr>")
        intro = self.tr("Every menu opens with Alt and its underlined letter.")
        table = "".join(sorted(rows))
        return f"<h3>{self.tr('Keyboard shortcuts')}</h3><p>{intro}</p><table cellpadding='4'>{table}</table>"

    def show_shortcuts(self) -> HelpPage:
        return self._show(self.tr("Keyboard shortcuts"), self.shortcuts_html())

    def open_log_folder(self) -> bool:
        folder = log_file().parent
        folder.mkdir(parents=True, exist_ok=True)
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def about_text(self) -> str:
        return self.tr(
            "<h3>IIS Access {version}</h3><p>Which account needs access to each IIS site's folder, and "
            "does it have it?</p><p>Qt {qt} · PySide6 {pyside} · pypsrp {pypsrp}</p><p>Licence: {licence}</p>"
        ).format(
            version=VERSION,
            qt=qVersion(),
            pyside=PySide6.__version__,
            pypsrp=_package_version("pypsrp"),
            licence=LICENCE,
        )

    def show_about(self) -> None:
        QMessageBox.about(self._window, self.tr("About IIS Access"), self.about_text())
