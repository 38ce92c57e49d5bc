"""Keyboard mnemonics (Alt+letter) for every button, form label, tab and menu entry, in every language.

Written by hand, mnemonics drift: a translation moves the letter, two entries
of one menu take the same one, a new button has none. As KDE's
KAcceleratorManager does, the app instead assigns them when a window or menu is
shown: a mnemonic already written (``&Refresh``) is kept when it is free, every
other text gets the first free letter that starts a word, else any free letter.
The assignment is a pure function of the texts, so it is tested without Qt.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QRadioButton,
    QTabBar,
    QWidget,
)


def _marked(text: str) -> int | None:
    """The index of the character a single ``&`` marks, or None (``&&`` is a literal ampersand)."""
    index = 0
    while index < len(text) - 1:
        if text[index] == "&":
            if text[index + 1] != "&":
                return index + 1 if not text[index + 1].isspace() else None
            index += 1
        index += 1
    return None


def _candidates(text: str) -> list[int]:
    """Where a mnemonic could go: first letters of words, then every other letter or digit."""
    starts = [i for i, ch in enumerate(text) if ch.isalnum() and (i == 0 or not text[i - 1].isalnum())]
    rest = [i for i, ch in enumerate(text) if ch.isalnum() and i not in starts]
    # A literal "&&" is not a letter to mark.
    return [i for i in starts + rest if not (i > 0 and text[i - 1] == "&")]


def assign(texts: Sequence[str]) -> list[str]:
    """The texts with one unique mnemonic each where a free letter exists (case-insensitive)."""
    taken: set[str] = set()
    result = list(texts)
    pending: list[int] = []
    for position, text in enumerate(texts):
        marked = _marked(text)
        if marked is not None and text[marked].casefold() not in taken:
            taken.add(text[marked].casefold())
        else:
            pending.append(position)
    for position in pending:
        text = texts[position]
        marked = _marked(text)
        plain = text if marked is None else text[: marked - 1] + text[marked:]
        free = next((i for i in _candidates(plain) if plain[i].casefold() not in taken), None)
        if free is None:
            result[position] = plain
            continue
        taken.add(plain[free].casefold())
        result[position] = plain[:free] + "&" + plain[free:]
    return result


def _label_text(widget: QWidget) -> str:
    if isinstance(widget, QGroupBox):
        return widget.title()
    return widget.text() if isinstance(widget, QAbstractButton | QLabel) else ""


def _set_label_text(widget: QWidget, text: str) -> None:
    if isinstance(widget, QGroupBox):
        widget.setTitle(text)
    elif isinstance(widget, QAbstractButton | QLabel):
        widget.setText(text)


def _window_targets(window: QWidget) -> list[QWidget]:
    """The window's own buttons, check boxes and labels of a field to jump to, hidden ones too.

    Hidden ones count because they appear later (the grant buttons once a site is chosen) without
    the window being shown again.
    """
    targets: list[QWidget] = []
    for widget in window.findChildren(QWidget):
        if widget.window() is not window:
            continue
        if isinstance(widget, QPushButton | QCheckBox | QRadioButton) and widget.text():
            targets.append(widget)
        elif isinstance(widget, QLabel) and widget.text() and (buddy := widget.buddy()) is not None:
            if buddy.focusPolicy() != Qt.FocusPolicy.NoFocus:
                targets.append(widget)
        elif isinstance(widget, QGroupBox) and widget.isCheckable() and widget.title():
            targets.append(widget)
    return targets


def apply_to_window(window: QWidget) -> None:
    """Give the window's menu bar, buttons, labelled fields and tabs unique mnemonics (Alt+letter).

    The menu bar comes first, then the tabs: where Alt+letter is looked for first.
    """
    bar = window.menuBar() if isinstance(window, QMainWindow) else None
    menus = [action for action in bar.actions() if action.text()] if bar is not None else []
    targets = _window_targets(window)
    tab_bars = [tabs for tabs in window.findChildren(QTabBar) if tabs.window() is window]
    texts = [action.text() for action in menus]
    texts += [tabs.tabText(index) for tabs in tab_bars for index in range(tabs.count())]
    texts += [_label_text(widget) for widget in targets]
    assigned = iter(assign(texts))
    for action in menus:
        text = next(assigned)
        if text != action.text():
            action.setText(text)
    for tabs in tab_bars:
        for index in range(tabs.count()):
            text = next(assigned)
            if text != tabs.tabText(index):
                tabs.setTabText(index, text)
    for widget in targets:
        text = next(assigned)
        if text != _label_text(widget):
            _set_label_text(widget, text)


def apply_to_menu(menu: QMenu) -> None:
    """Give the menu's entries unique mnemonics (its separators and untitled entries aside)."""
    actions = [action for action in menu.actions() if action.text() and not action.isSeparator()]
    for action, text in zip(actions, assign([action.text() for action in actions]), strict=True):
        if text != action.text():
            action.setText(text)


class MnemonicManager(QObject):
    """Installed on the application: assigns mnemonics each time a window or menu is shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            if isinstance(watched, QMenu):
                apply_to_menu(watched)
            else:
                apply_to_window(watched)
        return False


def install(app: QApplication) -> MnemonicManager:
    """Install the manager on ``app``; keep the returned object alive as long as the app."""
    manager = MnemonicManager(app)
    app.installEventFilter(manager)
    return manager
