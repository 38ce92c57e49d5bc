"""The History tab: every change made from this machine, newest first, with Undo."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from bridge.history import ChangeRecord, History, Outcome
from gui.columns import history_columns
from gui.table_model import RECORD_ROLE, RecordTableModel, fit_columns, table_view


class HistoryView(QWidget):
    undoRequested = Signal(object)  # ChangeRecord

    def __init__(self, history: History, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._history = history
        self.model = RecordTableModel(history_columns(), self)
        # The first column is the time: newest first, as the records are given.
        self.view = table_view(
            self.model, sortable=True, order=Qt.SortOrder.DescendingOrder, name=self.tr("Changes made")
        )
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.undo_button = QPushButton(self.tr("Undo selected change"))
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self._undo)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        # Said in the empty table itself, where the changes will be listed.
        self.empty = QLabel(self.tr("No changes yet"))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #5f6368;")
        QVBoxLayout(self.view.viewport()).addWidget(self.empty)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addLayout(buttons)

    def reload(self) -> None:
        self.model.set_records(list(reversed(self._history.records())))
        self.empty.setVisible(self.model.rowCount() == 0)
        fit_columns(self.view, 320)
        self._selection_changed()

    def selected(self) -> ChangeRecord | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        record = rows[0].data(RECORD_ROLE)
        return record if isinstance(record, ChangeRecord) else None

    @Slot()
    def _selection_changed(self) -> None:
        record = self.selected()
        self.undo_button.setEnabled(
            record is not None and not record.undone and record.outcome in (Outcome.CHANGED, Outcome.UNKNOWN)
        )

    @Slot()
    def _undo(self) -> None:
        record = self.selected()
        if record is not None:
            self.undoRequested.emit(record)
