"""Every action has a keyboard path and every control a name a screen reader can say, in both languages."""

from __future__ import annotations

from collections.abc import Iterable

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTabBar,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from bridge.model import AppPool
from bridge.plans import GrantKind, GrantPlan, plan_grant
from bridge.sids import IdentityType
from gui.app import Translation
from gui.confirm import ConfirmDialog
from gui.host_dialog import HostDialog
from gui.main_window import MainWindow
from gui.mnemonics import assign
from gui.sign_in import SignInDialog
from tests.factories import folder_state, make_target
from tests.gui.conftest import WAIT_MS, LabFactory, WindowFactory, lab_entry, wait_for_dialog

_CONTROLS = (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QAbstractSpinBox,
    QPlainTextEdit,
    QTabBar,
)


def qapp_instance() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


def _mnemonic(text: str) -> str | None:
    plain = text.replace("&&", "")
    index = plain.find("&")
    return plain[index + 1].casefold() if 0 <= index < len(plain) - 1 else None


def test_assign_keeps_free_mnemonics_and_gives_every_other_text_a_free_letter() -> None:
    assert assign(["&Refresh", "&Remove host", "Check all hosts", "&Cancel"]) == [
        "&Refresh",
        "Remove &host",
        "Check &all hosts",
        "&Cancel",
    ]
    # German texts get their own letters; umlauts count as letters; "&&" stays a literal ampersand.
    assert assign(["Ändern", "&Übernehmen", "Lesen && ausführen"]) == [
        "&Ändern",
        "&Übernehmen",
        "&Lesen && ausführen",
    ]
    # Without a free letter the text is left without a mnemonic rather than with a duplicate.
    assert assign(["&A", "A"]) == ["&A", "A"]


def _owned(window: QWidget, kind: type[QWidget]) -> list[QWidget]:
    return [widget for widget in window.findChildren(kind) if widget.window() is window]


def _spoken_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def _unnamed(window: QWidget) -> list[str]:
    """Visible controls a keyboard or screen-reader user reaches whose accessible name is empty."""
    missing = []
    for widget in _owned(window, QWidget):
        if not isinstance(widget, _CONTROLS) or not widget.isVisibleTo(window):
            continue
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or widget.objectName().startswith("qt_"):
            continue
        if (
            isinstance(widget, QToolButton)
            and widget.parent() is not None
            and "ScrollButton" in widget.objectName()
        ):
            continue
        if not _spoken_name(widget).strip():
            missing.append(f"{type(widget).__name__} {widget.objectName() or widget.toolTip()[:40]!r}")
    return missing


def _window_mnemonics(window: QWidget) -> list[tuple[str, str | None]]:
    texts: list[str] = []
    menu_bar = window.menuBar() if hasattr(window, "menuBar") else None
    if menu_bar is not None:
        texts += [action.text() for action in menu_bar.actions() if action.text()]
    texts += [button.text() for button in _owned(window, QPushButton) if button.text()]  # type: ignore[attr-defined]
    texts += [label.text() for label in _owned(window, QLabel) if label.buddy() is not None and label.text()]  # type: ignore[attr-defined]
    for bar in _owned(window, QTabBar):
        texts += [bar.tabText(index) for index in range(bar.count())]  # type: ignore[attr-defined]
    return [(text, _mnemonic(text)) for text in texts]


def _assert_unique_mnemonics(entries: Iterable[tuple[str, str | None]]) -> None:
    entries = list(entries)
    assert [text for text, key in entries if key is None] == []
    keys = [key for _text, key in entries]
    assert len(keys) == len(set(keys)), entries


def _menus(window: MainWindow) -> list[QMenu]:
    menus = []
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            menus.append(menu)
            menus += [entry.menu() for entry in menu.actions() if isinstance(entry.menu(), QMenu)]  # type: ignore[misc]
    return menus


def _plan() -> GrantPlan:
    pool = AppPool(
        "Shop", "Started", IdentityType.APPLICATION_POOL_IDENTITY, None, None, "v4.0", "Integrated"
    )
    folder = "D:\\Sites\\Shop"
    return plan_grant(
        GrantKind.IUSR_READ,
        host="web01",
        target=make_target(folder, site="Shop", pool="Shop"),
        path_access=folder_state(folder, "D:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)"),
        pool=pool,
    )


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_main_window_menus_buttons_tabs_and_fields_all_have_unique_mnemonics(
    qtbot: QtBot, start_lab: LabFactory, lab_password: str, open_window: WindowFactory, language: str
) -> None:
    translation = Translation(qapp_instance())
    translation.install(language)
    try:
        window = open_window(lab_entry(start_lab(), lab_password))
        qtbot.waitSignal(window.inventoryShown, timeout=WAIT_MS).wait()
        _assert_unique_mnemonics(_window_mnemonics(window))
        for menu in _menus(window):
            # Shown as the admin opens it: that is when its entries get their letters.
            menu.popup(QPoint(0, 0))
            _assert_unique_mnemonics(
                (action.text(), _mnemonic(action.text())) for action in menu.actions() if action.text()
            )
            menu.hide()
    finally:
        translation.install("en")


def test_every_control_of_the_main_window_and_its_dialogs_has_an_accessible_name(
    qtbot: QtBot, lab_window: MainWindow
) -> None:
    window = lab_window
    window.tree.setCurrentIndex(window.sites.index(0, 0))
    assert _unnamed(window) == []
    dialogs: list[QDialog] = [
        HostDialog(window),
        SignInDialog("web01", "CORP\\admin", window),
        ConfirmDialog("web01", _plan().change, window),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        assert _unnamed(dialog) == [], type(dialog).__name__
        _assert_unique_mnemonics(_window_mnemonics(dialog))
        dialog.close()
    window.members_view.open_for_current_host()
    members = wait_for_dialog(qtbot, lambda: window.members_view)
    qtbot.waitUntil(lambda: _unnamed(members) == [], timeout=WAIT_MS)
