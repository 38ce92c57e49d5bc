"""``iis-access gui``: start the desktop app (or take a screenshot of it, or smoke-test it)."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTimer,
    QTranslator,
    Slot,
)
from PySide6.QtWidgets import QApplication, QWidget

from bridge._version import VERSION
from bridge.collector import settle_startup_objects
from bridge.history import History
from bridge.plans import GrantKind
from bridge.resources import resource_path
from gui import mnemonics
from gui.confirm import ConfirmDialog
from gui.elevation import platform_shell_execute
from gui.errors import ErrorReporter, setup_logging
from gui.hosts import HostController, acl_key, default_entries
from gui.icons import app_icon
from gui.main_window import DEFAULT_SIZE, MainWindow
from gui.settings import Settings

log = logging.getLogger(__name__)

STARTUP_TIMEOUT_MS = 60_000


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="iis-access gui", description="The IIS Access desktop app.")
    parser.add_argument("--demo", action="store_true", help="open the built-in demo lab")
    parser.add_argument(
        "--lang", choices=("en", "de"), help="user interface language (default: the system's)"
    )
    parser.add_argument("--select", metavar="SITE", help="select this site (or Site/app/vdir) once shown")
    parser.add_argument("--screenshot", metavar="FILE.png", type=Path, help="save a screenshot and exit")
    parser.add_argument(
        "--confirm",
        metavar="KIND",
        choices=[kind.value for kind in GrantKind],
        help="with --screenshot and --select: screenshot the confirmation dialog of this grant",
    )
    parser.add_argument(
        "--help-page",
        action="store_true",
        help="with --screenshot: screenshot the Help menu's 'How it decides' page",
    )
    parser.add_argument(
        "--smoke", action="store_true", help="open on the demo lab, wait for the inventory, exit 0"
    )
    return parser.parse_args(list(argv))


def language_code(choice: str | None, settings: Settings) -> str:
    chosen = choice or settings.language()
    return chosen or ("de" if QLocale.system().language() == QLocale.Language.German else "en")


class Translation:
    """The app's German catalogue plus Qt's own, swapped when the admin picks a language."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._translators: list[QTranslator] = []

    def install(self, code: str) -> None:
        for translator in self._translators:
            self._app.removeTranslator(translator)
        self._translators = []
        if code == "en":
            return
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, folder in (
            (f"iis_access_{code}", str(resource_path("translations"))),
            (f"qtbase_{code}", qt_dir),
        ):
            translator = QTranslator(self._app)
            if translator.load(name, folder):
                self._app.installTranslator(translator)
                self._translators.append(translator)
            else:
                log.warning("no %s translation in %s", name, folder)


class App(QObject):
    """Owns the window and what outlives it when the language changes: hosts, history, translators."""

    def __init__(self, qt_app: QApplication, args: argparse.Namespace, settings: Settings) -> None:
        super().__init__()
        self.args = args
        self.settings = settings
        self.translation = Translation(qt_app)
        self.translation.install(language_code(args.lang, self.settings))
        self.qt_app = qt_app
        self.mnemonics = mnemonics.install(qt_app)
        self.reporter = ErrorReporter(lambda: self.window)
        self.reporter.install()
        saved = [] if args.demo or args.smoke else self.settings.hosts()
        # Screenshots and the smoke test show the demo as shipped, whatever the admin's demo holds.
        scripted = args.smoke or args.screenshot is not None
        self.controller = HostController(default_entries(saved), History(), saved_demo=not scripted)
        self.window: MainWindow | None = None
        self.open_window()

    def open_window(self) -> MainWindow:
        previous = self.window
        self.window = MainWindow(self.controller, self.settings, self.reporter, platform_shell_execute())
        self.window.languageChosen.connect(self._switch_language)
        self.window.recovery.restarting.connect(QCoreApplication.quit)
        if previous is not None:
            previous.close()
            previous.deleteLater()
        self.window.show()
        self.window.select_host(
            "demo" if self.args.demo or self.args.smoke else self.controller.entries[0].key
        )
        return self.window

    @Slot(str)
    def _switch_language(self, code: str) -> None:
        self.settings.set_language(code)
        self.translation.install(language_code(code or None, self.settings))
        QTimer.singleShot(0, self.open_window)

    def close(self) -> None:
        self.controller.close()
        self.reporter.uninstall()
        self.qt_app.removeEventFilter(self.mnemonics)


def _grab(widget: QWidget, path: Path) -> bool:
    path.parent.mkdir(parents=True, exist_ok=True)
    return widget.grab().save(str(path))


class Scripted(QObject):
    """Drives --smoke and --screenshot: wait for the inventory, select, capture, quit."""

    def __init__(self, app: App, qt_app: QApplication) -> None:
        super().__init__()
        self.app = app
        self.qt_app = qt_app
        self.exit_code = 1
        window = app.window
        assert window is not None
        # Screenshots show the window as it opens on a screen with room for it (the offscreen
        # platform's own screen is 800 x 600).
        window.resize(DEFAULT_SIZE)
        window.inventoryShown.connect(self._shown)
        window.grants.dialogOpened.connect(self._dialog_opened)
        QTimer.singleShot(STARTUP_TIMEOUT_MS, self._timed_out)

    @Slot(str)
    def _shown(self, _key: str) -> None:
        window = self.app.window
        assert window is not None
        window.inventoryShown.disconnect(self._shown)
        args = self.app.args
        if args.select and not window.select_target(args.select):
            print(f"no site or application named {args.select!r} in the demo lab", file=sys.stderr)
            self._finish(2)
            return
        # The host is released once this signal's handlers return; act after that.
        QTimer.singleShot(0, lambda: self._after_details(window))

    def _after_details(self, window: MainWindow) -> None:
        """Wait for the details pane's ACL read, then capture (or open the confirmation)."""
        key = window.current_key
        if key is not None and window.controller.runner.is_busy(acl_key(key)):
            QTimer.singleShot(50, lambda: self._after_details(window))
            return
        if self.app.args.help_page:
            page = window.help.show_how()
            QTimer.singleShot(0, lambda: self._capture(page))
            return
        if self.app.args.confirm:
            window.details.grantRequested.emit(GrantKind(self.app.args.confirm), None)
            return
        # The ACL table sizes itself to its new rows through posted layout requests: capture after them.
        QTimer.singleShot(0, lambda: self._capture(window))

    @Slot(object)
    def _dialog_opened(self, dialog: ConfirmDialog) -> None:
        QTimer.singleShot(0, lambda: self._capture(dialog))

    def _capture(self, widget: QWidget) -> None:
        screenshot = self.app.args.screenshot
        if screenshot is not None and not _grab(widget, screenshot):
            print(f"could not write {screenshot}", file=sys.stderr)
            self._finish(1)
            return
        self._finish(0)

    def _timed_out(self) -> None:
        print("the app did not get ready in time", file=sys.stderr)
        self._finish(1)

    def _finish(self, code: int) -> None:
        self.exit_code = code
        self.qt_app.quit()


def use_offscreen_if_headless(args: argparse.Namespace) -> None:
    """Let --smoke and --screenshot run where there is no display (CI, a build box, SSH).

    Qt would otherwise try the xcb plugin and abort; an explicit QT_QPA_PLATFORM still wins.
    """
    scripted = args.smoke or args.screenshot is not None
    display = any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))
    if scripted and sys.platform.startswith("linux") and not display:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


NO_DISPLAY = (
    "No display: the desktop app needs a graphical session, and neither DISPLAY nor WAYLAND_DISPLAY "
    "names one that is there. Use the command line instead (iis-access --help), or set "
    "QT_QPA_PLATFORM=offscreen to take screenshots without a display."
)


def display_missing() -> bool:
    """Whether Qt would find no display to open (it would abort with a misleading xcb message)."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    runtime = Path(os.environ.get("XDG_RUNTIME_DIR", "/nonexistent"))
    wayland = os.environ.get("WAYLAND_DISPLAY")
    if wayland and (Path(wayland).is_absolute() or (runtime / wayland).exists()):
        return False
    display = os.environ.get("DISPLAY", "")
    if not display:
        return True
    host, _, number = display.rpartition(":")
    if host or not number.split(".")[0].isdecimal():
        # A remote or unusual display (SSH forwarding, a TCP host): only Qt can tell; let it try.
        return False
    return not Path(f"/tmp/.X11-unix/X{number.split('.')[0]}").exists()  # noqa: S108 - the X server's socket


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    setup_logging()
    use_offscreen_if_headless(args)
    if display_missing():
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    qt_app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(qt_app, QApplication)
    qt_app.setApplicationName("IIS Access")
    qt_app.setOrganizationName("IIS Access")
    qt_app.setApplicationVersion(VERSION)
    qt_app.setWindowIcon(app_icon())
    settle_startup_objects()
    if not (args.smoke or args.screenshot is not None):
        app = App(qt_app, args, Settings())
        try:
            return qt_app.exec()
        finally:
            app.close()
    # Scripted runs neither read nor change the admin's window layout and hosts.
    with tempfile.TemporaryDirectory() as scratch:
        app = App(
            qt_app, args, Settings(QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat))
        )
        scripted = Scripted(app, qt_app)
        try:
            qt_app.exec()
        finally:
            app.close()
        return scripted.exit_code
