"""Wrapped text that never breaks inside a path, in labels that copy it as it was written.

Qt breaks lines where Unicode's line-breaking rules allow it (UAX #14), and those allow a break
between the colon and the backslash of ``D:\\Sites``, after a hyphen and at a space: a wrapped
German warning showed "D:" at the end of one line and "\\Sites\\ContosoShop\\uploads" on the next.
Rich text cannot prevent it (Qt honours ``white-space: nowrap`` and ``<nobr>`` for whole blocks
only), so a path is glued: a WORD JOINER (U+2060, zero width) between its characters, its spaces
no-break spaces. :class:`WrappedLabel` takes the glue out again when its text is copied, so a
path copied from a warning is the path.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QWidget

from bridge.model import Message
from gui.texts import reason_text

WORD_JOINER = "\u2060"
NO_BREAK_SPACE = "\u00a0"
# A path and what is written onto it without a space: D:\..., \\server\share\..., %VAR%\...
_PATH = re.compile(r"(?:[A-Za-z]:[\\/]|\\\\|%[^%\s]+%[\\/])\S*")


def _glued(path: str) -> str:
    return WORD_JOINER.join(path.replace(WORD_JOINER, "").replace(" ", NO_BREAK_SPACE))


def _is_path(text: str) -> bool:
    return _PATH.match(text) is not None


def keep_paths_whole(text: str, paths: Iterable[str] = ()) -> str:
    """``text`` with no line break possible inside any path in it.

    ``paths`` are the paths known to be in it, which may hold spaces (``C:\\Program Files``); any
    other drive, share or ``%VARIABLE%`` path is found by its shape and ends at a space.
    """
    for path in sorted({path for path in paths if _is_path(path)}, key=len, reverse=True):
        text = text.replace(path, _glued(path))
    return _PATH.sub(lambda found: _glued(found.group()), text)


def unglued(text: str) -> str:
    """Text as it was before :func:`keep_paths_whole`: what a copy of it should hold."""
    return text.replace(WORD_JOINER, "").replace(NO_BREAK_SPACE, " ")


def message_paragraph(message: Message) -> str:
    """A bridge message in the UI language, for a wrapped label: its paths never break."""
    return keep_paths_whole(reason_text(message), message_paths(message))


def message_paths(message: Message) -> list[str]:
    """The message's parameters that are paths (a nested message's too)."""
    found: list[str] = []
    for value in message.params.values():
        found.extend(
            message_paths(value) if isinstance(value, Message) else [value] if _is_path(value) else []
        )
    return found


class WrappedLabel(QLabel):
    """A word-wrapped, selectable label whose copied text carries no path glue."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(unglued(self.selectedText()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy) and self.hasSelectedText():
            self._copy()
            event.accept()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = QMenu(self)
        copy = menu.addAction(self.tr("Copy"), self._copy)
        copy.setEnabled(self.hasSelectedText())
        menu.addAction(self.tr("Select All"), lambda: self.setSelection(0, len(self.text())))
        menu.exec(event.globalPos())
