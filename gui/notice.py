"""The non-modal notice after a change: what was done, with an Undo button."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QStyle, QToolButton, QWidget

from bridge.change import ChangeKind
from bridge.history import ChangeRecord
from gui.rights_words import rights_text


class ChangeNotice(QFrame):
    undoRequested = Signal(object)  # ChangeRecord

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changeNotice")
        self.setStyleSheet(
            "#changeNotice { background: #e8f5e9; border: 1px solid #9cc9a0; border-radius: 4px; }"
        )
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.clicked.connect(self._undo)
        close = QToolButton()
        close.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton))
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Dismiss"))
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.undo_button)
        layout.addWidget(close)
        self.record: ChangeRecord | None = None
        self.hide()

    def show_change(self, record: ChangeRecord) -> None:
        self.record = record
        rights = rights_text(record.rights) if record.rights != "None" else self.tr("no access")
        done = (
            self.tr("Reduced {identity} to {rights} on {path}.")
            if record.change == ChangeKind.REDUCE.value
            else self.tr("Granted {identity} {rights} on {path}.")
        )
        self.label.setText(done.format(identity=record.identity, rights=rights, path=record.path))
        self.undo_button.setEnabled(True)
        self.undo_button.setVisible(True)
        self.show()

    def show_undone(self, record: ChangeRecord) -> None:
        self.record = None
        self.label.setText(
            self.tr("Undone: {path} has its previous permissions again.").format(path=record.path)
        )
        self.undo_button.setVisible(False)
        self.show()

    @Slot()
    def _undo(self) -> None:
        if self.record is not None:
            self.undo_button.setEnabled(False)
            self.undoRequested.emit(self.record)
