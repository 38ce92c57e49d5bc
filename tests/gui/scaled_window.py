"""Opens the app on the demo lab as it starts for an admin, then reports how its window fits the screen.

Run as a process (``python -m tests.gui.scaled_window OUT.png [--lang de]``) with the platform already
set up: the display scaling has to be chosen before Qt starts, so the 150 % test cannot run in the test
process.
It prints one JSON document: the screen, the window's frame, and every control that does not fit.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QRect, QSettings, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QWidget

from gui.app import App, parse_args
from gui.settings import Settings

TIMEOUT_MS = 60_000


def _cut(window: QWidget) -> list[str]:
    """Visible buttons and fields that lie outside the window or are narrower than their text needs."""
    inside = window.rect()
    problems = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, QAbstractButton | QLineEdit) or not widget.isVisibleTo(window):
            continue
        if widget.objectName().startswith("qt_") or "Scroll" in widget.objectName():
            continue
        where = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
        text = widget.text() if isinstance(widget, QAbstractButton) else widget.placeholderText()
        if not inside.contains(where):
            problems.append(f"outside the window: {text!r}")
        elif isinstance(widget, QAbstractButton) and widget.width() < widget.minimumSizeHint().width():
            problems.append(f"cut: {text!r} ({widget.width()} < {widget.minimumSizeHint().width()})")
    return problems


def main() -> int:
    screenshot, options = Path(sys.argv[1]), sys.argv[2:]
    qt_app = QApplication([sys.argv[0]])
    with tempfile.TemporaryDirectory() as scratch:
        settings = Settings(QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat))
        app = App(qt_app, parse_args(["--demo", *options]), settings)
        window = app.window
        assert window is not None
        report: dict[str, object] = {}

        def shown(_key: str) -> None:
            assert window is not None
            window.select_target("Contoso Shop")
            QTimer.singleShot(200, measure)

        def measure() -> None:
            assert window is not None
            screen = window.screen()
            grant_buttons = window.details.grant_buttons.values()
            frame = window.frameGeometry()
            available = screen.availableGeometry()
            report.update(
                screen=[available.width(), available.height()],
                ratio=screen.devicePixelRatio(),
                frame=[frame.x(), frame.y(), frame.width(), frame.height()],
                fits=available.contains(frame),
                minimum=[window.minimumSizeHint().width(), window.minimumSizeHint().height()],
                cut=_cut(window),
                grantButtons=sum(button.isVisibleTo(window) for button in grant_buttons),
                saved=window.grab().save(str(screenshot)),
            )
            qt_app.quit()

        window.inventoryShown.connect(shown)
        QTimer.singleShot(TIMEOUT_MS, qt_app.quit)
        try:
            qt_app.exec()
        finally:
            app.close()
    print(json.dumps(report))
    return 0 if report else 1


if __name__ == "__main__":
    sys.exit(main())
