"""A German warning never breaks inside a path, and a path copied from it is the path."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from bridge.model import AppPool
from bridge.plans import GrantKind, plan_grant
from bridge.sids import IdentityType
from gui.app import Translation
from gui.confirm import ConfirmDialog
from gui.wrapping import WORD_JOINER, WrappedLabel, keep_paths_whole, unglued
from tests.factories import folder_state, make_target

ROOT = "D:\\Sites\\ContosoShop\\uploads"


def _lines(label: QLabel, width: int) -> list[str]:
    """The lines Qt's text engine makes of the label's text at ``width`` pixels, in its font, unglued."""
    document = QTextDocument()
    document.setDefaultFont(label.font())
    document.setDocumentMargin(0)
    document.setPlainText(label.text())
    document.setTextWidth(width)
    document.documentLayout().documentSize()
    lines = []
    block = document.begin()
    while block.isValid():
        layout = block.layout()
        for number in range(layout.lineCount()):
            line = layout.lineAt(number)
            lines.append(unglued(block.text()[line.textStart() : line.textStart() + line.textLength()]))
        block = block.next()
    return lines


def _breaks_inside(lines: list[str], paths: list[str]) -> list[str]:
    """Each path a line ends inside of, with the line's end."""
    text, starts, at = "".join(lines), [], 0
    for line in lines[:-1]:
        at += len(line)
        starts.append(at)
    found = []
    for path in paths:
        begin = text.find(path)
        while begin >= 0:
            found += [
                f"{text[begin:start]}|{text[start : begin + len(path)]}"
                for start in starts
                if begin < start < begin + len(path)
            ]
            begin = text.find(path, begin + 1)
    return found


def _warning_dialog(qtbot: QtBot) -> ConfirmDialog:
    plan = plan_grant(
        GrantKind.IIS_IUSRS_MODIFY,
        host="web01",
        target=make_target(ROOT, site="Contoso Shop", application_path="/", pool="ContosoShop"),
        path_access=folder_state(ROOT, "D:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)"),
        pool=AppPool(
            "ContosoShop", "Started", IdentityType.APPLICATION_POOL_IDENTITY, None, None, "v4.0", "Integrated"
        ),
    )
    assert plan.warnings
    dialog = ConfirmDialog("web01", plan.change)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_german_warning_never_breaks_inside_a_path(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translation = Translation(app)
    translation.install("de")
    try:
        dialog = _warning_dialog(qtbot)
        label = dialog.warning_labels[0]
        shown = unglued(label.text())
        assert "Websitestamm" in shown and f"{ROOT}\\App_Data" in shown
        paths = [f"{ROOT}\\App_Data", f"{ROOT}\\uploads", ROOT]
        widest = max(label.fontMetrics().horizontalAdvance(path) for path in paths)
        broken = {
            width: _breaks_inside(_lines(label, width), paths)
            for width in range(widest + 4, max(label.width(), 2 * widest), 6)
        }
    finally:
        translation.install("en")
    assert {width: found for width, found in broken.items() if found} == {}


def test_a_path_copied_from_a_wrapped_label_is_the_path(qtbot: QtBot) -> None:
    path = "C:\\Program Files\\Contoso-Shop"
    label = WrappedLabel(keep_paths_whole(f"Do not grant on {path}: it belongs to Windows.", [path]))
    qtbot.addWidget(label)
    assert WORD_JOINER in label.text() and path not in label.text()
    label.setSelection(0, len(label.text()))
    qtbot.keyClick(label, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == f"Do not grant on {path}: it belongs to Windows."
