"""The one confirmation dialog shown before any change reaches a host.

It shows everything the change will do (host, folder, identity with SID,
rights, inheritance in words), every warning of the safety rules, and the
equivalent icacls and PowerShell lines. A refused plan explains why and has no
Grant button; a plan that would change nothing says so instead of offering a click.
Opened with ``open()``; Grant emits ``grantRequested`` and the dialog stays
open (busy) until the caller reports the outcome, so a failure lands in its banner.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFontDatabase, QGuiApplication, QShowEvent, QTextOption
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bridge.display import visible
from bridge.plans import GrantPlan
from gui.errors import ErrorBanner
from gui.members_view import MEMBERS_LINK, link_iis_iusrs
from gui.rights_words import rights_text
from gui.texts import inheritance_text
from gui.wrapping import WrappedLabel, message_paragraph

_NOTE_STYLE = (
    "#{name} {{ background: {background}; border: 1px solid {border}; border-radius: 4px; padding: 6px; }}"
)


def _note(text: str, name: str, background: str, border: str, *, rich: bool = False) -> QLabel:
    """A framed note; ``rich`` text may hold links (IIS_IUSRS to its members), by mouse and keyboard."""
    label = WrappedLabel(text)
    label.setObjectName(name)
    if rich:
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
    label.setStyleSheet(_NOTE_STYLE.format(name=name, background=background, border=border))
    return label


_WARNING_COLOURS = ("warningNote", "#fff4d6", "#e0c070")


class ConfirmDialog(QDialog):
    grantRequested = Signal()
    membersRequested = Signal()  # the admin followed an IIS_IUSRS link in a warning

    def __init__(self, host: str, plan: GrantPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setMinimumWidth(920)
        self.banner = ErrorBanner()
        self._rights = rights_text(plan.rights)
        title, first_line = self._question()
        self.setWindowTitle(title)
        self.heading = WrappedLabel(first_line)
        self.heading.setStyleSheet("font-size: 12pt; font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.heading)
        layout.addLayout(self._summary(host))
        self.warning_labels = [
            _note("⚠ " + link_iis_iusrs(message_paragraph(warning)), *_WARNING_COLOURS, rich=True)
            for warning in plan.warnings
        ]
        for label in self.warning_labels:
            label.linkActivated.connect(self._link)
            layout.addWidget(label)
        self.refusal_label, self.noop_label = self._verdict()
        for verdict in (self.refusal_label, self.noop_label):
            if verdict is not None:
                layout.addWidget(verdict)
        by_hand = QLabel(self.tr("The same change by hand:"))
        layout.addWidget(by_hand)
        self.commands = self._commands()
        by_hand.setBuddy(self.commands)
        layout.addWidget(self.commands)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.clicked.connect(self._copy)
        copy_row = QHBoxLayout()
        copy_row.addStretch(1)
        copy_row.addWidget(self.copy_button)
        layout.addLayout(copy_row)
        # Refused or already done: there is no change to make by hand either.
        for widget in (by_hand, self.commands, self.copy_button):
            widget.setVisible(plan.applicable)
        self.buttons = QDialogButtonBox()
        self.grant_button, self.cancel_button = self._add_buttons()
        self.buttons.accepted.connect(self._grant_clicked)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _summary(self, host: str) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for caption, value in (
            # Invisible and reordering characters in a name are shown as escapes such as \u202e.
            (self.tr("Host:"), visible(host)),
            (self.tr("Folder:"), visible(self.plan.path)),
            (self.tr("Identity:"), visible(f"{self.plan.display_name}  ({self.plan.sid})")),
            (self.tr("Rights:"), self._rights),
            (self.tr("Applies to:"), inheritance_text()),
        ):
            field = QLabel(value)
            field.setTextFormat(Qt.TextFormat.PlainText)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            field.setWordWrap(True)
            form.addRow(caption, field)
        return form

    def _question(self) -> tuple[str, str]:
        """The window title and the first line: the question, or why there is none to ask.

        Access that is already there is "nothing to do" even on a folder a grant may not touch.
        """
        identity, rights = self.plan.display_name, self._rights
        if self.plan.noop:
            return self.tr("Nothing to do"), self.tr(
                "Nothing to do: {identity} already has {rights} here."
            ).format(identity=identity, rights=rights)
        if self.plan.refusal is not None:
            return self.tr("Change refused"), self.tr("Refused: {reason}").format(
                reason=message_paragraph(self.plan.refusal)
            )
        if self.plan.blocked_by_deny:
            return self.tr("Change refused"), self.tr(
                "Refused: a deny entry takes {rights} away from {identity}."
            ).format(identity=identity, rights=rights)
        return self.tr("Confirm change"), self.tr("Grant {identity} {rights} on this folder?").format(
            identity=identity, rights=rights
        )

    def _verdict(self) -> tuple[QLabel | None, QLabel | None]:
        """The refusal note or the nothing-to-do note, whichever applies: what the admin can do next."""
        if self.plan.noop:
            noop = self.tr("The folder already gives this access; nothing will be changed.")
            return None, _note(noop, "noopNote", "#e8f5e9", "#9cc9a0")
        if self.plan.refusal is not None:
            refusal = self.tr(
                "IIS Access does not change permissions on this folder; nothing will be changed."
            )
            return _note(refusal, "refusalNote", "#fdecea", "#e0a39c"), None
        if self.plan.blocked_by_deny:
            blocked = self.tr("Adding an allow entry would not help: remove or narrow the deny entry first.")
            return _note(blocked, "refusalNote", "#fdecea", "#e0a39c"), None
        return None, None

    def _commands(self) -> QPlainTextEdit:
        # Escaped, the lines cannot show one folder and paste another: a path with such characters
        # pastes as a name that is not found, never as a different command.
        lines = [
            visible(line) for line in (*self.plan.icacls.splitlines(), "", *self.plan.powershell.splitlines())
        ]
        commands = QPlainTextEdit("\n".join(lines))
        commands.setReadOnly(True)
        # Wrapped, so the longest PowerShell line is read without scrolling; Copy still copies it whole.
        commands.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        commands.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        commands.setFrameShape(QFrame.Shape.StyledPanel)
        commands.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        commands.setFixedHeight(commands.fontMetrics().lineSpacing() * 9)
        return commands

    def _add_buttons(self) -> tuple[QPushButton | None, QPushButton]:
        if not self.plan.applicable:
            close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
            self._default = close
            return None, close
        grant = self.buttons.addButton(self.tr("Grant"), QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        # A plan with warnings is risky: Enter must not be the key that applies it.
        self._default = cancel if self.plan.warnings else grant
        (grant if self._default is cancel else cancel).setAutoDefault(False)
        return grant, cancel

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # QDialogButtonBox makes its first accept button the default when shown; choose after it.
        self._default.setDefault(True)
        self._default.setFocus()

    def set_busy(self, busy: bool) -> None:
        if self.grant_button is not None:
            self.grant_button.setEnabled(not busy)
            self.grant_button.setText(self.tr("Granting…") if busy else self.tr("Grant"))

    @Slot()
    def _grant_clicked(self) -> None:
        self.banner.hide()
        self.set_busy(True)
        self.grantRequested.emit()

    @Slot(str)
    def _link(self, href: str) -> None:
        if href == MEMBERS_LINK:
            self.membersRequested.emit()

    @Slot()
    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.commands.toPlainText())
